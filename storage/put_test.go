package storage

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/storage/storagetest"
	"github.com/ipfs/go-cid"
)

func profile(t testing.TB, name string) provenance.Params {
	t.Helper()
	p, err := provenance.ProfileParams(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPutMatchesKubo: the CID Put returns equals `ipfs add --only-hash`
// with the same flags and the CID Kubo's own importer gives through
// Kubo.Add, and the stored file reads back identical.
func TestPutMatchesKubo(t *testing.T) {
	d := storagetest.StartKubo(t)
	k := kuboClient(t, d, nil)
	ctx := context.Background()
	content := randomBytes(3<<20+12345, 21)
	deep := profile(t, provenance.ProfileUnixFSv1_2025)
	deep.ChunkSize, deep.MaxLinks = 4096, 11
	v0deep := profile(t, provenance.ProfileUnixFSv0_2015)
	v0deep.ChunkSize, v0deep.MaxLinks = 8192, 7
	for _, tc := range []struct {
		name string
		p    provenance.Params
	}{
		{"unixfs-v1-2025", profile(t, provenance.ProfileUnixFSv1_2025)},
		{"unixfs-v0-2015", profile(t, provenance.ProfileUnixFSv0_2015)},
		{"v1 deep", deep},
		{"v0 deep", v0deep},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := openTestDir(t)
			res, err := Put(ctx, store, bytes.NewReader(content), &PutOptions{Params: tc.p})
			if err != nil {
				t.Fatal(err)
			}
			out := d.IPFS("add", "-Q", "--only-hash", "--cid-version="+strconv.Itoa(tc.p.CIDVersion),
				"--raw-leaves="+strconv.FormatBool(tc.p.RawLeaves), "--chunker=size-"+strconv.Itoa(tc.p.ChunkSize),
				"--max-file-links="+strconv.Itoa(tc.p.MaxLinks), writeTemp(t, content))
			if want := strings.TrimSpace(string(out)); res.CID.String() != want {
				t.Fatalf("Put gave %s, ipfs add --only-hash %s", res.CID, want)
			}
			kc, err := k.Add(ctx, bytes.NewReader(content), &AddOptions{Params: tc.p})
			if err != nil || !kc.Equals(res.CID) {
				t.Fatalf("Kubo.Add gave %s (%v), Put %s", kc, err, res.CID)
			}
			r, err := Get(ctx, store, res.CID)
			if err != nil {
				t.Fatal(err)
			}
			back, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(back, content) {
				t.Fatalf("read back %d bytes, %v", len(back), err)
			}
			rep, err := store.Check(ctx, nil)
			if err != nil || len(rep.Corrupt) != 0 || rep.Checked == 0 {
				t.Fatalf("check: %+v %v", rep, err)
			}
		})
	}
}

func writeTemp(t testing.TB, content []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "content")
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPutPathDirectory stores a tree with nested directories, a symlink, an
// empty file and a directory big enough to be a HAMT, compares its CID with
// Kubo's, extracts it, and stores it into Kubo block by block, after which
// Kubo can pin it offline (so the DAG is complete there).
func TestPutPathDirectory(t *testing.T) {
	d := storagetest.StartKubo(t, "Import.UnixFSHAMTDirectorySizeThreshold", `"1KiB"`)
	ctx := context.Background()
	src := filepath.Join(t.TempDir(), "model")
	os.MkdirAll(filepath.Join(src, "shards", "empty-dir"), 0o755)
	for i := range 80 {
		os.WriteFile(filepath.Join(src, "shards", "part-"+strconv.Itoa(i)), randomBytes(i*37, uint64(i)), 0o644)
	}
	os.WriteFile(filepath.Join(src, "config.json"), []byte(`{"layers": 2}`), 0o644)
	os.WriteFile(filepath.Join(src, "weights.bin"), randomBytes(1_500_000, 22), 0o644)
	os.WriteFile(filepath.Join(src, "empty"), nil, 0o644)
	os.Symlink("config.json", filepath.Join(src, "link.json"))

	p := profile(t, provenance.ProfileUnixFSv0_2015) // Kubo's values in a repository without a profile
	p.HAMTThreshold = 1024
	store := openTestDir(t)
	res, err := PutPath(ctx, store, src, &PutOptions{Params: p})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSpace(string(d.IPFS("add", "-r", "-Q", "--only-hash", src)))
	if res.CID.String() != want {
		t.Fatalf("PutPath gave %s, ipfs add -r %s", res.CID, want)
	}
	dst := filepath.Join(t.TempDir(), "out")
	if err := GetPath(ctx, store, res.CID, dst, nil); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, src, dst)
	if target, err := os.Readlink(filepath.Join(dst, "link.json")); err != nil || target != "config.json" {
		t.Fatalf("symlink: %q %v", target, err)
	}
	if err := GetPath(ctx, store, res.CID, dst, nil); err == nil {
		t.Fatal("GetPath over an existing path succeeded")
	}

	k := kuboClient(t, d, nil)
	kres, err := PutPath(ctx, k, src, &PutOptions{Params: p})
	if err != nil || !kres.CID.Equals(res.CID) {
		t.Fatalf("PutPath into Kubo: %v %v", kres, err)
	}
	if err := k.Pin(ctx, res.CID); err != nil {
		t.Fatalf("Kubo cannot pin what PutPath stored: %v", err)
	}
}

// TestPutRootLast: the root appears only after every other block, and a
// failing import leaves no root.
func TestPutRootLast(t *testing.T) {
	ctx := context.Background()
	m := &orderStore{Memory: NewMemory()}
	res, err := Put(ctx, m, bytes.NewReader(randomBytes(5<<20, 23)), &PutOptions{Params: func() provenance.Params {
		p := provenance.DefaultParams()
		p.ChunkSize, p.MaxLinks = 65536, 8
		return p
	}()})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.order) < 10 || !m.order[len(m.order)-1].Equals(res.CID) {
		t.Fatalf("root %s was not stored last (%d blocks)", res.CID, len(m.order))
	}

	m = &orderStore{Memory: NewMemory()}
	failing := io.MultiReader(bytes.NewReader(randomBytes(3<<20, 24)), errReader{})
	if _, err := Put(ctx, m, failing, nil); !errors.Is(err, errBoom) {
		t.Fatalf("Put of a failing reader: %v", err)
	}
	n := 0
	for range m.List(ctx) {
		n++
	}
	if n > 3 {
		t.Fatalf("%d blocks stored by a failed put; at most the full leaves expected", n)
	}
}

var errBoom = errors.New("boom")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBoom }

// orderStore records the order blocks become visible.
type orderStore struct {
	*Memory
	mu    sync.Mutex
	order []cid.Cid
}

func (s *orderStore) PutBlock(ctx context.Context, c cid.Cid, data []byte) error {
	if err := s.Memory.PutBlock(ctx, c, data); err != nil {
		return err
	}
	s.record(c)
	return nil
}

// putVerified is the path Put takes for stores that have it.
func (s *orderStore) putVerified(c cid.Cid, data []byte) error {
	if err := s.Memory.putVerified(c, data); err != nil {
		return err
	}
	s.record(c)
	return nil
}

func (s *orderStore) record(c cid.Cid) {
	s.mu.Lock()
	s.order = append(s.order, c)
	s.mu.Unlock()
}
