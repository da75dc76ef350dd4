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

	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/internal/dagpb"
)

// names exercises bytewise sorting and UTF-8: upper before lower case,
// multi-byte runes, combining marks, spaces, and names that are prefixes of
// one another.
var treeNames = []string{
	"a", "A", "b.txt", "B.bin", "ab", "a b", "Ünïcödé", "日本語", "emoji-🙂", "e\u0301", "z-", "z_", "model.safetensors",
	"10", "9", "-dash", "~tilde", "x.y.z",
}

// makeTree writes a random tree under dir: files of random small sizes,
// subdirectories, empty directories, hidden files and directories, and
// symbolic links (relative, absolute, dangling).
func makeTree(t testing.TB, dir string, seed uint64) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 2))
	var fill func(d string, depth int)
	fill = func(d string, depth int) {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		n := r.IntN(7)
		for i := 0; i < n; i++ {
			name := treeNames[r.IntN(len(treeNames))]
			if r.IntN(5) == 0 {
				name = "." + name // hidden
			}
			p := filepath.Join(d, name)
			if _, err := os.Lstat(p); err == nil {
				continue
			}
			switch k := r.IntN(10); {
			case k < 5:
				size := r.IntN(300)
				if r.IntN(4) == 0 {
					size = 0
				}
				if err := os.WriteFile(p, randomBytes(r.Uint64(), size), 0o644); err != nil {
					t.Fatal(err)
				}
			case k < 8 && depth < 4:
				fill(p, depth+1)
			case k == 8:
				os.Mkdir(p, 0o755) // empty directory
			default:
				targets := []string{"a", "../a", "/etc/hostname", "does-not-exist", "日本語"}
				if err := os.Symlink(targets[r.IntN(len(targets))], p); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	fill(dir, 0)
}

// checkAgainstKubo hashes each case directory under dir and compares the
// root and every file with what Kubo printed.
func checkAgainstKubo(t *testing.T, k *kubo, dir string, p Params, cases []string) {
	t.Helper()
	want := k.add(t, dir, p, nil, cases...)
	for _, name := range cases {
		res, err := Hash(context.Background(), filepath.Join(dir, name), &Options{Params: p})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := res.CID.String(); got != want[name] {
			t.Errorf("%s (%v): root %s, Kubo %s", name, p, got, want[name])
			continue
		}
		for _, f := range res.Files {
			key := name
			if f.Path != "." {
				key = name + "/" + f.Path
			}
			if want[key] != f.CID.String() {
				t.Errorf("%s: file %s: got %s, Kubo %q", name, f.Path, f.CID, want[key])
			}
		}
	}
}

func TestRandomTreesKubo(t *testing.T) {
	k := newKubo(t, ProfileUnixFSv1_2025)
	dir := t.TempDir()
	var cases []string
	for seed := uint64(0); seed < 12; seed++ {
		name := fmt.Sprintf("tree%d", seed)
		makeTree(t, filepath.Join(dir, name), seed)
		cases = append(cases, name)
	}
	v0, _ := ProfileParams(ProfileUnixFSv0_2015)
	for _, base := range []Params{DefaultParams(), v0} {
		for _, hidden := range []bool{false, true} {
			for _, empty := range []bool{true, false} {
				p := base
				p.Hidden, p.EmptyDirs = hidden, empty
				p.ChunkSize, p.MaxLinks = 50, 3
				t.Run(fmt.Sprintf("%v hidden=%v empty=%v", p, hidden, empty), func(t *testing.T) {
					checkAgainstKubo(t, k, dir, p, cases)
				})
			}
		}
	}
}

// TestHAMTKubo compares sharded directories, at Kubo's real 256 KiB
// threshold and with tiny thresholds and fanouts that make deep shards.
func TestHAMTKubo(t *testing.T) {
	k := newKubo(t, ProfileUnixFSv1_2025)
	dir := t.TempDir()
	mk := func(name string, n int, nameFmt string) string {
		d := filepath.Join(dir, name)
		os.Mkdir(d, 0o755)
		for i := 0; i < n; i++ {
			os.WriteFile(filepath.Join(d, fmt.Sprintf(nameFmt, i)), []byte(fmt.Sprint(i%7)), 0o644)
		}
		return name
	}
	small := []string{mk("h40", 40, "file-%d"), mk("h300", 300, "ファイル-%03d.bin"), mk("h3", 3, "x%d")}
	v0, _ := ProfileParams(ProfileUnixFSv0_2015)
	b3 := DefaultParams()
	b3.HashFunction = BLAKE3
	for _, base := range []Params{DefaultParams(), v0, b3} {
		for _, fanout := range []int{8, 16, 256, 1024} {
			p := base
			p.HAMTThreshold, p.HAMTFanout = 100, fanout
			t.Run(fmt.Sprintf("%v fanout=%d", p, fanout), func(t *testing.T) {
				checkAgainstKubo(t, k, dir, p, small)
			})
		}
		p := base
		p.MaxDirectoryLinks = 39 // h40 shards by link count, h3 does not
		p.HAMTThreshold = 1 << 20
		t.Run(fmt.Sprintf("%v maxdirlinks", p), func(t *testing.T) {
			checkAgainstKubo(t, k, dir, p, small)
		})
	}
	// Real thresholds: about 5,000 entries pass 256 KiB.
	big := []string{mk("big", 6000, "sample-%05d.json")}
	for _, p := range []Params{DefaultParams(), v0} {
		t.Run(fmt.Sprintf("%v 6000 entries", p), func(t *testing.T) {
			checkAgainstKubo(t, k, dir, p, big)
		})
	}
}

// blockCapture keeps the last block put: the root.
type blockCapture struct{ last []byte }

func (b *blockCapture) PutBlock(_ context.Context, _ cid.Cid, data []byte) error {
	b.last = data
	return nil
}

// TestHAMTThresholdExactKubo puts the threshold exactly at a directory's
// estimated size and one byte below: Kubo shards only when the estimate is
// strictly greater.
func TestHAMTThresholdExactKubo(t *testing.T) {
	k := newKubo(t, ProfileUnixFSv1_2025)
	dir := t.TempDir()
	d := filepath.Join(dir, "d")
	os.Mkdir(d, 0o755)
	for i := 0; i < 30; i++ {
		os.WriteFile(filepath.Join(d, fmt.Sprintf("entry-%d", i)), randomBytes(uint64(i), i*40), 0o644)
	}
	v0, _ := ProfileParams(ProfileUnixFSv0_2015)
	for _, base := range []Params{DefaultParams(), v0} {
		for _, est := range []string{EstimateLinks, EstimateBlock} {
			p := base
			p.HAMTSizeEstimation = est
			p.ChunkSize = 300 // some files get internal nodes: larger Tsize varints
			// The estimate, computed independently of the importer's own:
			// the basic directory block's length, or Σ name+CID lengths.
			basic := p
			basic.HAMTThreshold = 0
			var capt blockCapture
			res, err := Hash(context.Background(), d, &Options{Params: basic, Blocks: &capt})
			if err != nil {
				t.Fatal(err)
			}
			size := len(capt.last)
			if est == EstimateLinks {
				size = 0
				for _, f := range res.Files {
					size += len(f.Path) + len(f.CID.Bytes())
				}
			}
			for _, th := range []int{size - 1, size} {
				p.HAMTThreshold = th
				t.Run(fmt.Sprintf("%v %s threshold=%d", p, est, th), func(t *testing.T) {
					checkAgainstKubo(t, k, dir, p, []string{"d"})
				})
			}
		}
	}
}

// TestHAMTRealThresholdKubo builds directories whose estimated size is
// exactly Kubo's 256 KiB threshold and one byte over, for both profiles'
// estimators (IPIP-499 publishes fixtures of this shape): the first must
// stay a basic directory, the second shard, and both must match Kubo.
func TestHAMTRealThresholdKubo(t *testing.T) {
	k := newKubo(t, ProfileUnixFSv1_2025)
	dir := t.TempDir()
	// names returns count names of length n (distinct, sorted order is
	// irrelevant), with extra of them one byte longer.
	names := func(count, n, extra int) []string {
		out := make([]string, count)
		for i := range out {
			l := n
			if i < extra {
				l++
			}
			s := fmt.Sprintf("f%06d", i)
			out[i] = s + strings.Repeat("x", l-len(s))
		}
		return out
	}
	mk := func(name string, files []string) {
		d := filepath.Join(dir, name)
		os.Mkdir(d, 0o755)
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(d, f), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// unixfs-v1-2025, "block": a link to a 1-byte raw leaf (36-byte CID,
	// Tsize 1) with an L-byte name encodes in 44+L bytes, the directory's
	// Data in 4: 4 + 4095·64 + 60 = 262144 with L = 20 and 60 names of 21.
	mk("block-at", names(4095, 20, 60))
	mk("block-over", names(4095, 20, 61))
	// unixfs-v0-2015, "links": Σ len(name) + 34-byte CIDv0 = 4096·64.
	mk("links-at", names(4096, 30, 0))
	mk("links-over", names(4096, 30, 1))
	for _, tc := range []struct {
		profile string
		at      string
		over    string
	}{
		{ProfileUnixFSv1_2025, "block-at", "block-over"},
		{ProfileUnixFSv0_2015, "links-at", "links-over"},
	} {
		p := must(ProfileParams(tc.profile))
		for _, name := range []string{tc.at, tc.over} {
			var capt blockCapture
			if _, err := Hash(context.Background(), filepath.Join(dir, name), &Options{Params: p, Blocks: &capt}); err != nil {
				t.Fatal(err)
			}
			// A basic directory's block ends with its Data, UnixFS{Type: Directory}.
			sharded := !bytes.HasSuffix(capt.last, []byte{0x0a, 0x02, 0x08, byte(dagpb.TypeDirectory)})
			if want := name == tc.over; sharded != want {
				t.Errorf("%s %s: sharded=%v, want %v (root block %d bytes)", tc.profile, name, sharded, want, len(capt.last))
			}
			if name == tc.at && len(capt.last) != 262144 && tc.profile == ProfileUnixFSv1_2025 {
				t.Errorf("%s: basic directory block is %d bytes, want 262144", name, len(capt.last))
			}
		}
		checkAgainstKubo(t, k, dir, p, []string{tc.at, tc.over})
	}
}
