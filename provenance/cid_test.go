package provenance

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Vectors printed by Kubo v0.43.1 `ipfs add --only-hash` (the profiles'
// are also IPIP-499's); they let the unit tests run without Kubo.
func TestKnownCIDs(t *testing.T) {
	v0, _ := ProfileParams(ProfileUnixFSv0_2015)
	v1 := DefaultParams()
	b3 := v1
	b3.HashFunction = BLAKE3
	tests := []struct {
		name string
		p    Params
		data string
		want string
	}{
		{"empty v1", v1, "", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"},
		{"empty v0", v0, "", "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"},
		{"hello world v0", v0, "hello world", "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD"},
		{"hello world blake3", b3, "hello world", "bafkr4igxjga67jykbseaxdmmdgc5a5o3zp3htom2l6mrjznk7fvyggu6eq"},
		// IPIP-499 (ipfs/specs src/ipips/ipip-0499.md, "Test fixtures"):
		// the small-file fixtures of both profiles.
		{"IPIP-499 unixfs-v0-2015 small file", v0, "hello world", "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD"},
		{"IPIP-499 unixfs-v1-2025 small file", v1, "hello world", "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, conc := range []int{1, 4} {
				r, err := HashReader(context.Background(), strings.NewReader(tt.data), &Options{Params: tt.p, Concurrency: conc})
				if err != nil {
					t.Fatal(err)
				}
				if r.CID.String() != tt.want {
					t.Errorf("concurrency %d: got %s, want %s", conc, r.CID, tt.want)
				}
			}
		})
	}
}

// The empty directory's CIDs are the well-known ones of the UnixFS spec's
// test vectors (also quoted by IPIP-499).
func TestEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	for profile, want := range map[string]string{
		ProfileUnixFSv1_2025: "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354",
		ProfileUnixFSv0_2015: "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn",
	} {
		res, err := Hash(context.Background(), dir, &Options{Params: must(ProfileParams(profile))})
		if err != nil {
			t.Fatal(err)
		}
		if res.CID.String() != want || len(res.Files) != 0 {
			t.Errorf("%s: %s %v, want %s", profile, res.CID, res.Files, want)
		}
	}
}

// smallParams returns parameter sets with tiny chunks and few links so that
// deep trees cost kilobytes.
func smallParams() []Params {
	v0, _ := ProfileParams(ProfileUnixFSv0_2015)
	v1 := DefaultParams()
	var out []Params
	for _, base := range []Params{v0, v1} {
		p := base
		p.ChunkSize, p.MaxLinks = 7, 3
		out = append(out, p)
		p.ChunkSize, p.MaxLinks = 64, 2
		out = append(out, p)
	}
	b3 := v1
	b3.HashFunction = BLAKE3
	b3.ChunkSize, b3.MaxLinks = 10, 4
	out = append(out, b3)
	v0raw := v0 // Kubo's `--raw-leaves` with CIDv0: raw v1 leaves under v0 nodes
	v0raw.RawLeaves = true
	v0raw.ChunkSize, v0raw.MaxLinks = 16, 3
	out = append(out, v0raw)
	v1pb := v1 // CIDv1 with UnixFS leaves
	v1pb.RawLeaves = false
	v1pb.ChunkSize, v1pb.MaxLinks = 16, 5
	out = append(out, v1pb)
	for _, base := range []Params{v0, v1} { // trickle layout
		p := base
		p.Trickle = true
		p.ChunkSize, p.MaxLinks = 5, 3
		out = append(out, p)
	}
	return out
}

// boundarySizes are the file sizes where a balanced tree changes shape;
// for trickle, whose shape changes at many more sizes, every chunk count
// up to 100.
func boundarySizes(chunk, links int, trickle bool) []int {
	if trickle {
		var out []int
		for n := 0; n <= 100; n++ {
			out = append(out, n*chunk, n*chunk+1)
		}
		return out
	}
	seen := map[int]bool{}
	var out []int
	add := func(n int) {
		if n >= 0 && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, n := range []int{0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk} {
		add(n)
	}
	for l, m := links, 1; m <= 3; l, m = l*links, m+1 {
		for _, d := range []int{-1, 0, 1} {
			add(chunk*l + d)
			add(chunk*(l+d) + chunk/2)
		}
	}
	return out
}

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestFileBoundariesKubo compares file CIDs with Kubo at every size where
// the DAG changes shape, for several parameter sets, in one `ipfs add` per
// parameter set.
func TestFileBoundariesKubo(t *testing.T) {
	k := newKubo(t, ProfileUnixFSv1_2025)
	for _, p := range smallParams() {
		t.Run(p.String(), func(t *testing.T) {
			dir := t.TempDir()
			var names []string
			for _, n := range boundarySizes(p.ChunkSize, p.MaxLinks, p.Trickle) {
				name := fmt.Sprintf("f%d", n)
				if err := os.WriteFile(filepath.Join(dir, name), randomBytes(uint64(n), n), 0o644); err != nil {
					t.Fatal(err)
				}
				names = append(names, name)
			}
			want := k.add(t, dir, p, nil, names...)
			for _, name := range names {
				for _, conc := range []int{1, 3} {
					res, err := Hash(context.Background(), filepath.Join(dir, name), &Options{Params: p, Concurrency: conc})
					if err != nil {
						t.Fatal(err)
					}
					if res.CID.String() != want[name] {
						t.Errorf("%s concurrency %d: got %s, Kubo %s", name, conc, res.CID, want[name])
					}
				}
			}
		})
	}
}

// TestProfilesKubo checks the real profile defaults (1 MiB and 256 KiB
// chunks) on files around one chunk, in repositories initialised with each
// profile and with no flags, so that the profile values themselves are
// tested too.
func TestProfilesKubo(t *testing.T) {
	for _, profile := range []string{ProfileUnixFSv1_2025, ProfileUnixFSv0_2015, ""} {
		t.Run("profile="+profile, func(t *testing.T) {
			k := newKubo(t, profile)
			name := profile
			if name == "" {
				name = ProfileKuboDefault
			}
			p, err := ProfileParams(name)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var names []string
			for _, n := range []int{0, p.ChunkSize - 1, p.ChunkSize, p.ChunkSize + 1, 3*p.ChunkSize + 5} {
				name := fmt.Sprintf("f%d", n)
				os.WriteFile(filepath.Join(dir, name), randomBytes(uint64(n), n), 0o644)
				names = append(names, name)
			}
			// No flags: the repository's profile decides.
			out := k.run(t, dir, append([]string{"add", "--only-hash", "--pin=false", "-q"}, names...)...)
			want := strings.Fields(out)
			if len(want) != len(names) {
				t.Fatalf("ipfs add printed %q", out)
			}
			for i, name := range names {
				res, err := Hash(context.Background(), filepath.Join(dir, name), &Options{Params: p})
				if err != nil {
					t.Fatal(err)
				}
				if res.CID.String() != want[i] {
					t.Errorf("%s: got %s, Kubo %s", name, res.CID, want[i])
				}
			}
		})
	}
}

func TestHashReaderMatchesHash(t *testing.T) {
	p := DefaultParams()
	p.ChunkSize, p.MaxLinks = 100, 3
	data := randomBytes(7, 12345)
	dir := t.TempDir()
	f := filepath.Join(dir, "x")
	os.WriteFile(f, data, 0o644)
	a, err := Hash(context.Background(), f, &Options{Params: p, SHA256: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := HashReader(context.Background(), bytes.NewReader(data), &Options{Params: p, SHA256: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.CID != b.CID || a.Files[0].SHA256 != b.SHA256 || a.Files[0].Path != "." || a.Size != 12345 {
		t.Errorf("Hash %+v, HashReader %+v", a, b)
	}
}
