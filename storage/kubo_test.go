package storage

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/dagpb"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/storage/storagetest"
	"github.com/ipfs/go-cid"
)

func TestKuboStore(t *testing.T) {
	d := storagetest.StartKubo(t)
	conformance(t, kuboClient(t, d, nil))
}

func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestReadKuboDAGs imports files with Kubo's own importer under several
// parameter sets, exports them with `ipfs dag export`, imports the CAR into
// a memory store and reads the files back through the verifying reader.
func TestReadKuboDAGs(t *testing.T) {
	d := storagetest.StartKubo(t)
	k := kuboClient(t, d, nil)
	ctx := context.Background()
	content := randomBytes(300_000, 1)
	for _, tc := range []struct {
		name string
		p    provenance.Params
	}{
		{"unixfs-v1-2025", profile(t, provenance.ProfileUnixFSv1_2025)},
		{"unixfs-v0-2015", profile(t, provenance.ProfileUnixFSv0_2015)},
		{"deep raw leaves", withParams(t, provenance.ProfileUnixFSv1_2025, func(p *provenance.Params) { p.ChunkSize, p.MaxLinks = 1000, 3 })},
		{"deep dag-pb leaves", withParams(t, provenance.ProfileUnixFSv0_2015, func(p *provenance.Params) { p.ChunkSize, p.MaxLinks = 4096, 2 })},
		{"blake3", withParams(t, provenance.ProfileUnixFSv1_2025, func(p *provenance.Params) { p.ChunkSize, p.HashFunction = 65536, provenance.BLAKE3 })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := k.Add(ctx, bytes.NewReader(content), &AddOptions{Params: tc.p})
			if err != nil {
				t.Fatal(err)
			}
			car := d.IPFS("dag", "export", root.String())
			m := NewMemory()
			res, err := ImportCAR(ctx, bytes.NewReader(car), m)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Roots) != 1 || !res.Roots[0].Equals(root) || len(res.MissingRoots) != 0 {
				t.Fatalf("import result %+v", res)
			}
			r, err := Get(ctx, m, root)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, content) {
				t.Fatalf("read back %d bytes, want %d identical", len(got), len(content))
			}
			// The same file read through the Kubo store.
			r, err = Get(ctx, k, root)
			if err != nil {
				t.Fatal(err)
			}
			got, err = io.ReadAll(r)
			r.Close()
			if err != nil || !bytes.Equal(got, content) {
				t.Fatalf("via Kubo store: %d bytes, %v", len(got), err)
			}
			// Our CAR of the same DAG imports into Kubo, and Kubo
			// agrees the DAG is complete.
			var buf bytes.Buffer
			if err := WriteCAR(ctx, &buf, m, []cid.Cid{root}, &ExportOptions{Artifacts: true}); err != nil {
				t.Fatal(err)
			}
			d2 := storagetest.StartKubo(t)
			if out, err := d2.IPFSIn(buf.Bytes(), "dag", "import", "--pin-roots=true", "--stats"); err != nil {
				t.Fatal(err)
			} else if !strings.Contains(string(out), root.String()) {
				t.Fatalf("ipfs dag import did not report pinning %s:\n%s", root, out)
			}
			catted := d2.IPFS("cat", root.String())
			if !bytes.Equal(catted, content) {
				t.Fatal("ipfs cat of the imported CAR differs")
			}
		})
	}
}

// TestReadKuboTrickle reads back a file Kubo laid out as a trickle DAG
// (`ipfs add --trickle`), which aiprov's importer does not write.
func TestReadKuboTrickle(t *testing.T) {
	d := storagetest.StartKubo(t)
	ctx := context.Background()
	content := randomBytes(500_000, 12)
	path := writeTemp(t, content)
	for _, flags := range [][]string{{"--cid-version=1"}, {"--cid-version=0"}} {
		args := append([]string{"add", "-Q", "--trickle", "--chunker=size-1000"}, flags...)
		root := cid.MustParse(strings.TrimSpace(string(d.IPFS(append(args, path)...))))
		m := NewMemory()
		if _, err := ImportCAR(ctx, bytes.NewReader(d.IPFS("dag", "export", root.String())), m); err != nil {
			t.Fatal(err)
		}
		r, err := Get(ctx, m, root)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, content) {
			t.Fatalf("trickle %v: %d bytes, %v", flags, len(got), err)
		}
	}
}

// TestReadKuboHAMT reads back a directory that Kubo sharded (HAMT) because
// its threshold was set low, and a plain nested directory.
func TestReadKuboDirectories(t *testing.T) {
	d := storagetest.StartKubo(t, "Import.UnixFSHAMTDirectorySizeThreshold", `"1KiB"`)
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "tree")
	os.MkdirAll(filepath.Join(src, "sub", "deeper"), 0o755)
	for i := range 60 {
		os.WriteFile(filepath.Join(src, "sub", "file-"+string(rune('a'+i%26))+strings.Repeat("x", i)), randomBytes(i*100, uint64(i)), 0o644)
	}
	os.WriteFile(filepath.Join(src, "top.txt"), []byte("top"), 0o644)
	os.WriteFile(filepath.Join(src, "sub", "deeper", "empty"), nil, 0o644)
	out := d.IPFS("add", "-r", "-Q", "--cid-version=1", src)
	root := cid.MustParse(strings.TrimSpace(string(out)))
	car := d.IPFS("dag", "export", root.String())
	m := NewMemory()
	if _, err := ImportCAR(ctx, bytes.NewReader(car), m); err != nil {
		t.Fatal(err)
	}
	// The sub directory is a HAMT.
	entries, err := ReadDir(ctx, m, root)
	if err != nil {
		t.Fatal(err)
	}
	var sub cid.Cid
	for _, e := range entries {
		if e.Name == "sub" {
			sub = e.CID
		}
	}
	n, err := loadNode(ctx, m, sub)
	if err != nil {
		t.Fatal(err)
	}
	if n.unixf.Type != dagpb.TypeHAMTShard {
		t.Fatalf("sub is a %s, want a HAMT shard (raise the test's entry count?)", n.unixf.Type)
	}
	subEntries, err := ReadDir(ctx, m, sub)
	if err != nil {
		t.Fatal(err)
	}
	if len(subEntries) != 61 {
		t.Fatalf("HAMT directory has %d entries, want 61", len(subEntries))
	}
	dst := filepath.Join(t.TempDir(), "out")
	if err := GetPath(ctx, m, root, dst, nil); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, src, dst)
}

func compareTrees(t *testing.T, want, got string) {
	t.Helper()
	filepath.WalkDir(want, func(p string, de os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(want, p)
		gp := filepath.Join(got, rel)
		st, err := os.Stat(gp)
		if err != nil {
			t.Errorf("missing %s: %v", rel, err)
			return nil
		}
		if de.IsDir() != st.IsDir() {
			t.Errorf("%s: directory mismatch", rel)
			return nil
		}
		if !de.IsDir() {
			a, _ := os.ReadFile(p)
			b, _ := os.ReadFile(gp)
			if !bytes.Equal(a, b) {
				t.Errorf("%s differs", rel)
			}
		}
		return nil
	})
	n := 0
	filepath.WalkDir(got, func(string, os.DirEntry, error) error { n++; return nil })
	m := 0
	filepath.WalkDir(want, func(string, os.DirEntry, error) error { m++; return nil })
	if n != m {
		t.Errorf("extracted tree has %d entries, want %d", n, m)
	}
}

// TestKuboDown: a daemon that dies mid-operation gives errors naming the
// URL and matching ErrUnavailable; what it stored before is still there
// when it comes back.
func TestKuboDown(t *testing.T) {
	d := storagetest.StartKubo(t)
	ctx := context.Background()
	k := kuboClient(t, d, &KuboOptions{Retries: 1})
	content := randomBytes(3<<20, 7)
	root, err := k.Add(ctx, bytes.NewReader(content), &AddOptions{Params: withParams(t, provenance.ProfileUnixFSv1_2025, func(p *provenance.Params) { p.ChunkSize = 65536 })})
	if err != nil {
		t.Fatal(err)
	}
	block := []byte("stored before the crash")
	bc := rawCID(t, block)
	if err := k.PutBlock(ctx, bc, block); err != nil {
		t.Fatal(err)
	}
	r, err := Get(ctx, k, root)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(r, make([]byte, 1000)); err != nil {
		t.Fatal(err)
	}
	d.Stop()
	_, err = io.Copy(io.Discard, r)
	r.Close()
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), k.URL()) {
		t.Fatalf("reading after the daemon died: %v, want ErrUnavailable naming %s", err, k.URL())
	}
	other := []byte("written while down")
	err = k.PutBlock(ctx, rawCID(t, other), other)
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "block/put") {
		t.Fatalf("PutBlock with the daemon down: %v", err)
	}
	t.Logf("error while down: %v", err)

	// A Put under way when the node dies fails saying so, and its root
	// is not there when the node comes back.
	d.Start()
	k = kuboClient(t, d, &KuboOptions{Retries: -1})
	big := randomBytes(8<<20, 8)
	bigRoot, err := provenance.HashReader(ctx, bytes.NewReader(big), nil)
	if err != nil {
		t.Fatal(err)
	}
	stopAt := &stopAfter{r: bytes.NewReader(big), n: 3 << 20, stop: d.Stop}
	_, err = Put(ctx, k, stopAt, nil)
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "block/put") {
		t.Fatalf("Put while the daemon dies: %v", err)
	}
	t.Logf("Put while the daemon dies: %v", err)

	d.Start()
	k = kuboClient(t, d, nil)
	if ok, err := k.Has(ctx, bigRoot.CID); err != nil || ok {
		t.Fatalf("root of the interrupted Put: present=%v, %v", ok, err)
	}
	if got, err := k.GetBlock(ctx, bc); err != nil || !bytes.Equal(got, block) {
		t.Fatalf("block stored before the crash: %q, %v", got, err)
	}
	r, err = Get(ctx, k, root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("file stored before the crash: %d bytes, %v", len(got), err)
	}
}

func TestKuboDagPut(t *testing.T) {
	d := storagetest.StartKubo(t)
	k := kuboClient(t, d, nil)
	ctx := context.Background()
	// {"a": 1, "link": CID} in canonical DAG-CBOR.
	link := rawCID(t, []byte("x"))
	doc := append([]byte{0xa2, 0x61, 'a', 0x01, 0x64, 'l', 'i', 'n', 'k', 0xd8, 0x2a, 0x58, byte(len(link.Bytes()) + 1), 0x00}, link.Bytes()...)
	c, err := k.DagPut(ctx, doc, true)
	if err != nil {
		t.Fatal(err)
	}
	got, err := k.DagGet(ctx, c)
	if err != nil || !bytes.Equal(got, doc) {
		t.Fatalf("DagGet = %x, %v", got, err)
	}
	links, err := Links(c, got)
	if err != nil || len(links) != 1 || !links[0].Equals(link) {
		t.Fatalf("Links = %v, %v", links, err)
	}
	pins, err := k.Pins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range pins {
		found = found || p.Equals(c)
	}
	if !found {
		t.Fatalf("pins %v lack %s", pins, c)
	}
	if err := k.Unpin(ctx, c); err != nil {
		t.Fatal(err)
	}
}

func TestKuboUnreachable(t *testing.T) {
	k, err := NewKubo("/ip4/127.0.0.1/tcp/1", &KuboOptions{Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.GetBlock(context.Background(), rawCID(t, []byte("x")))
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "http://127.0.0.1:1/api/v0/block/get") {
		t.Fatalf("got %v", err)
	}
}

func kuboClient(t testing.TB, d *storagetest.Kubo, opts *KuboOptions) *Kubo {
	t.Helper()
	c, err := NewKubo(d.API, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func withParams(t testing.TB, name string, change func(*provenance.Params)) provenance.Params {
	p := profile(t, name)
	change(&p)
	return p
}

// stopAfter reads from r and calls stop once n bytes have been read.
type stopAfter struct {
	r    io.Reader
	n    int
	stop func()
	done bool
}

func (s *stopAfter) Read(p []byte) (int, error) {
	if !s.done && s.n <= 0 {
		s.done = true
		s.stop()
	}
	m, err := s.r.Read(p)
	s.n -= m
	return m, err
}
