package provenance

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

func TestParamsValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Params)
		field  string // the error must name it
	}{
		{"cid version", func(p *Params) { p.CIDVersion = 2 }, "CIDVersion"},
		{"v0 blake3", func(p *Params) { p.CIDVersion, p.RawLeaves, p.HashFunction = 0, false, BLAKE3 }, "CIDVersion 0"},
		{"hash", func(p *Params) { p.HashFunction = mh.SHA3_256 }, "HashFunction"},
		{"chunk 0", func(p *Params) { p.ChunkSize = 0 }, "ChunkSize"},
		{"chunk too big", func(p *Params) { p.ChunkSize = MaxChunkSize + 1 }, "ChunkSize"},
		{"links", func(p *Params) { p.MaxLinks = 1 }, "MaxLinks"},
		{"fanout not power of two", func(p *Params) { p.HAMTFanout = 100 }, "HAMTFanout"},
		{"fanout too small", func(p *Params) { p.HAMTFanout = 4 }, "HAMTFanout"},
		{"estimation", func(p *Params) { p.HAMTSizeEstimation = "bytes" }, "HAMTSizeEstimation"},
		{"dir links", func(p *Params) { p.MaxDirectoryLinks = -1 }, "MaxDirectoryLinks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultParams()
			tt.change(&p)
			_, err := HashReader(context.Background(), strings.NewReader("x"), &Options{Params: p})
			if !errors.Is(err, ErrInvalidParams) || !strings.Contains(err.Error(), tt.field) {
				t.Fatalf("got %v, want ErrInvalidParams naming %s", err, tt.field)
			}
		})
	}
	if _, err := ProfileParams("unixfs-v2"); err == nil || !strings.Contains(err.Error(), "unixfs-v1-2025") {
		t.Errorf("unknown profile: %v", err)
	}
}

// memSink checks the BlockSink contract as blocks arrive: each block hashes
// to its CID, links only to blocks already put, and calls never overlap.
type memSink struct {
	t      *testing.T
	mu     sync.Mutex
	busy   bool
	blocks map[cid.Cid][]byte
	last   cid.Cid
}

func (s *memSink) PutBlock(_ context.Context, c cid.Cid, data []byte) error {
	s.mu.Lock()
	if s.busy {
		s.t.Error("PutBlock called concurrently")
	}
	s.busy = true
	s.mu.Unlock()
	defer func() { s.mu.Lock(); s.busy = false; s.mu.Unlock() }()
	got, err := c.Prefix().Sum(data)
	if err != nil || !got.Equals(c) {
		s.t.Errorf("block does not hash to its CID %s (got %s, %v)", c, got, err)
	}
	if c.Type() == cid.DagProtobuf {
		for _, l := range pbLinks(s.t, data) {
			if _, ok := s.blocks[l]; !ok {
				s.t.Errorf("block %s links to %s, which was not put before it", c, l)
			}
		}
	}
	s.blocks[c] = data
	s.last = c
	return nil
}

// pbLinks decodes the link CIDs of a dag-pb block (enough protobuf for
// this test: links are field 2 of the node, hashes field 1 of a link).
func pbLinks(t *testing.T, b []byte) []cid.Cid {
	var out []cid.Cid
	for len(b) > 0 {
		tag := b[0]
		b = b[1:]
		n, k := uvarint(b)
		b = b[k:]
		msg := b[:n]
		b = b[n:]
		if tag != 0x12 {
			continue
		}
		if msg[0] != 0x0a {
			t.Fatalf("link without hash first")
		}
		l, k := uvarint(msg[1:])
		_, c, err := cid.CidFromBytes(msg[1+k : 1+k+l])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

func uvarint(b []byte) (int, int) {
	var v, s uint
	for i, c := range b {
		v |= uint(c&0x7f) << s
		if c < 0x80 {
			return int(v), i + 1
		}
		s += 7
	}
	panic("bad varint")
}

func TestBlockSink(t *testing.T) {
	dir := t.TempDir()
	makeTree(t, filepath.Join(dir, "t"), 3)
	os.WriteFile(filepath.Join(dir, "t", "big"), randomBytes(1, 5000), 0o644)
	for _, p := range smallParams() {
		for _, conc := range []int{1, 4} {
			sink := &memSink{t: t, blocks: map[cid.Cid][]byte{}}
			res, err := Hash(context.Background(), filepath.Join(dir, "t"), &Options{Params: p, Blocks: sink, Concurrency: conc})
			if err != nil {
				t.Fatal(err)
			}
			if !sink.last.Equals(res.CID) {
				t.Errorf("%v: last block %s is not the root %s", p, sink.last, res.CID)
			}
		}
	}
}

func TestSHA256AndProgress(t *testing.T) {
	dir := t.TempDir()
	sizes := map[string]int{"a": 0, "b": 10, "sub/c": 4096, "sub/d": 100_000}
	var total int64
	for name, n := range sizes {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), randomBytes(uint64(n), n), 0o644)
		total += int64(n)
	}
	for _, conc := range []int{1, 3} {
		var last, calls int64
		p := DefaultParams()
		p.ChunkSize = 1000
		res, err := Hash(context.Background(), dir, &Options{Params: p, SHA256: true, Concurrency: conc, Progress: func(done, tot int64) {
			if tot != total || done < last || done > total {
				t.Errorf("progress(%d, %d) after %d", done, tot, last)
			}
			last = done
			calls++
		}})
		if err != nil {
			t.Fatal(err)
		}
		if last != total || res.Size != total {
			t.Errorf("progress ended at %d, size %d, want %d", last, res.Size, total)
		}
		var paths []string
		for _, f := range res.Files {
			paths = append(paths, f.Path)
			sum := sha256.Sum256(randomBytes(uint64(sizes[f.Path]), sizes[f.Path]))
			if f.SHA256 != hex.EncodeToString(sum[:]) || f.Size != int64(sizes[f.Path]) {
				t.Errorf("%s: sha256 %s size %d", f.Path, f.SHA256, f.Size)
			}
		}
		if strings.Join(paths, ",") != "a,b,sub/c,sub/d" {
			t.Errorf("files %v, want sorted by path", paths)
		}
	}
}

// TestSmallFileChanged changes one-chunk files between the walk and the
// read, the window the one-read fast path relies on the final fstat for.
func TestSmallFileChanged(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(path string)
	}{
		{"grown", func(path string) {
			f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			f.Write([]byte("more"))
			f.Close()
		}},
		{"shrunk", func(path string) { os.Truncate(path, 3) }},
		{"replaced by a symlink", func(path string) {
			os.Remove(path)
			os.Symlink("/etc/hostname", path)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			// Two files, so that the first one's progress call can change
			// the second before it is opened.
			os.WriteFile(filepath.Join(dir, "a"), []byte("first"), 0o644)
			victim := filepath.Join(dir, "b")
			os.WriteFile(victim, []byte("second file"), 0o644)
			changed := false
			_, err := Hash(context.Background(), dir, &Options{Concurrency: 1, Progress: func(done, total int64) {
				if !changed {
					changed = true
					tc.change(victim)
				}
			}})
			var pe *fs.PathError
			if err == nil || !errors.As(err, &pe) || pe.Path != victim {
				t.Fatalf("got %v, want an error naming %s", err, victim)
			}
			// A symlink is refused by open(O_NOFOLLOW) (ELOOP); size
			// changes are ErrFileChanged.
			if wantChanged := !strings.Contains(tc.name, "symlink"); wantChanged != errors.Is(err, ErrFileChanged) {
				t.Errorf("got %v", err)
			}
		})
	}
}

// TestFileChanged makes a file grow while it is read: the import must fail
// naming it, not return a CID for bytes that never existed together.
func TestFileChanged(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "growing")
	os.WriteFile(name, randomBytes(1, 10_000), 0o644)
	p := DefaultParams()
	p.ChunkSize = 1000
	for _, conc := range []int{1, 2} {
		appended := false
		_, err := Hash(context.Background(), name, &Options{Params: p, Concurrency: conc, Progress: func(done, total int64) {
			if !appended {
				appended = true
				f, _ := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
				f.Write([]byte("more"))
				f.Close()
			}
		}})
		var pe *fs.PathError
		if !errors.Is(err, ErrFileChanged) || !errors.As(err, &pe) || pe.Path != name {
			t.Errorf("concurrency %d: got %v, want ErrFileChanged naming %s", conc, err, name)
		}
		os.WriteFile(name, randomBytes(1, 10_000), 0o644)
	}
}

func TestCancel(t *testing.T) {
	p := DefaultParams()
	p.ChunkSize = 100
	for _, conc := range []int{1, 2} {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		r := io.LimitReader(zeros{}, 1<<30)
		n := 0
		_, err := HashReader(ctx, r, &Options{Params: p, Concurrency: conc, Progress: func(done, total int64) {
			if n++; n == 10 {
				cancel()
			}
		}})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("concurrency %d: %v", conc, err)
		}
	}
}

type zeros struct{}

func (zeros) Read(b []byte) (int, error) {
	clear(b)
	return len(b), nil
}

// errReader fails after some bytes.
type errReader struct{ n int }

func (r *errReader) Read(b []byte) (int, error) {
	if r.n == 0 {
		return 0, io.ErrClosedPipe
	}
	k := min(len(b), r.n)
	r.n -= k
	return k, nil
}

func TestReadErrorOffset(t *testing.T) {
	p := DefaultParams()
	p.ChunkSize = 100
	for _, conc := range []int{1, 2} {
		_, err := HashReader(context.Background(), &errReader{n: 250}, &Options{Params: p, Concurrency: conc})
		if !errors.Is(err, io.ErrClosedPipe) || !strings.Contains(err.Error(), "offset 200") {
			t.Errorf("concurrency %d: %v", conc, err)
		}
	}
}

func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	os.MkdirAll(filepath.Join(root, "sub"), 0o755)
	os.WriteFile(filepath.Join(root, "sub", "f"), []byte("content"), 0o644)
	os.WriteFile(filepath.Join(dir, "outside"), []byte("secret"), 0o644)
	os.Symlink("sub/f", filepath.Join(root, "inside-link"))
	p := DefaultParams()

	// Stored as links: the target file's contents are not read.
	res, err := Hash(context.Background(), root, &Options{Params: p})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 {
		t.Errorf("files %v: symlinks must not be listed as files", res.Files)
	}

	p.DereferenceSymlinks = true
	res, err = Hash(context.Background(), root, &Options{Params: p})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 2 || res.Files[0].CID != res.Files[1].CID {
		t.Errorf("dereferenced: %v", res.Files)
	}

	os.Symlink("../outside", filepath.Join(root, "escape"))
	_, err = Hash(context.Background(), root, &Options{Params: p})
	var pe *fs.PathError
	if !errors.Is(err, ErrOutsideRoot) || !errors.As(err, &pe) || pe.Path != filepath.Join(root, "escape") {
		t.Errorf("escape: %v", err)
	}
	os.Remove(filepath.Join(root, "escape"))

	os.Symlink("..", filepath.Join(root, "sub", "loop"))
	_, err = Hash(context.Background(), root, &Options{Params: p})
	if !errors.Is(err, ErrSymlinkCycle) {
		t.Errorf("cycle: %v", err)
	}
}

// TestSymlinksKubo compares symlink nodes, and dereferenced links that stay
// inside the root, with Kubo.
func TestSymlinksKubo(t *testing.T) {
	k := newKubo(t, ProfileUnixFSv1_2025)
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	os.MkdirAll(filepath.Join(root, "sub"), 0o755)
	os.WriteFile(filepath.Join(root, "sub", "f"), []byte("content"), 0o644)
	os.Symlink("sub/f", filepath.Join(root, "file-link"))
	os.Symlink("sub", filepath.Join(root, "dir-link"))
	os.Symlink("ünïcödé/../../x", filepath.Join(dir, "dangling"))
	for _, base := range []Params{DefaultParams(), must(ProfileParams(ProfileUnixFSv0_2015))} {
		p := base
		checkAgainstKubo(t, k, dir, p, []string{"root", "dangling"})
		p.DereferenceSymlinks = true
		checkAgainstKubo(t, k, dir, p, []string{"root"})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestZeroOptions(t *testing.T) {
	a, err := HashReader(context.Background(), bytes.NewReader(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := HashReader(context.Background(), bytes.NewReader(nil), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.CID != b.CID || a.CID.String() != "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" {
		t.Errorf("nil and zero Options: %s %s", a.CID, b.CID)
	}
}

// With size-based sharding off (HAMTThreshold 0), boxo refuses a directory
// over MaxDirectoryLinks instead of sharding it; so does Hash.
func TestMaxDirectoryLinksWithoutSharding(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b", "c"} {
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}
	p := DefaultParams()
	p.HAMTThreshold, p.MaxDirectoryLinks = 0, 2
	_, err := Hash(context.Background(), dir, &Options{Params: p})
	var pe *fs.PathError
	if !errors.Is(err, ErrInvalidParams) || !strings.Contains(err.Error(), "MaxDirectoryLinks") || !errors.As(err, &pe) || pe.Path != dir {
		t.Errorf("got %v, want ErrInvalidParams naming %s", err, dir)
	}
	p.MaxDirectoryLinks = 3
	if _, err := Hash(context.Background(), dir, &Options{Params: p}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

type failingSink struct{ after int }

var errSinkFull = errors.New("sink full")

func (s *failingSink) PutBlock(context.Context, cid.Cid, []byte) error {
	if s.after == 0 {
		return errSinkFull
	}
	s.after--
	return nil
}

// A BlockSink error stops the import and comes back wrapped, naming the
// file being imported when it happened.
func TestBlockSinkError(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	os.WriteFile(name, randomBytes(1, 5000), 0o644)
	p := DefaultParams()
	p.ChunkSize = 1000
	for _, conc := range []int{1, 3} {
		_, err := Hash(context.Background(), dir, &Options{Params: p, Concurrency: conc, Blocks: &failingSink{after: 2}})
		var pe *fs.PathError
		if !errors.Is(err, errSinkFull) || !errors.As(err, &pe) || pe.Path != name {
			t.Errorf("concurrency %d: got %v", conc, err)
		}
	}
}
