package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

func pbCID(t *testing.T, block []byte) cid.Cid {
	t.Helper()
	c, err := cid.Prefix{Version: 1, Codec: cid.DagProtobuf, MhType: mh.SHA2_256, MhLength: -1}.Sum(block)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// repeatFile stores a file node linking n times to one leaf: a few
// hundred kilobytes of blocks that declare (and, read, produce) n times
// the leaf.
func repeatFile(t *testing.T, s Store, leaf []byte, n int) cid.Cid {
	t.Helper()
	ctx := context.Background()
	lc := rawCID(t, leaf)
	if err := s.PutBlock(ctx, lc, leaf); err != nil {
		t.Fatal(err)
	}
	var links []byte
	u := []byte{0x08, 0x02, 0x18}
	u = pbVarint(u, uint64(n*len(leaf)))
	for range n {
		links = appendPBLink(links, lc, "", uint64(len(leaf)))
		u = append(u, 0x20)
		u = pbVarint(u, uint64(len(leaf)))
	}
	block := pbBytes(links, 0x0a, u)
	c := pbCID(t, block)
	if err := s.PutBlock(ctx, c, block); err != nil {
		t.Fatal(err)
	}
	return c
}

// repeatDir stores a directory of n entries that all name child.
func repeatDir(t *testing.T, s Store, child cid.Cid, n int) cid.Cid {
	t.Helper()
	var links []string
	for i := range n {
		links = append(links, fmt.Sprintf("%06d", i))
	}
	var block []byte
	for _, name := range links { // sorted: zero-padded
		block = appendPBLink(block, child, name, 1)
	}
	block = pbBytes(block, 0x0a, []byte{0x08, 0x01})
	c := pbCID(t, block)
	if err := s.PutBlock(context.Background(), c, block); err != nil {
		t.Fatal(err)
	}
	return c
}

// assertNothingWritten checks that dst does not exist and that no
// temporary directory was left beside it.
func assertNothingWritten(t *testing.T, dst string) {
	t.Helper()
	ents, _ := os.ReadDir(filepath.Dir(dst))
	if len(ents) != 0 {
		t.Fatalf("left behind: %v", ents)
	}
}

// A small DAG declaring a large file or many files is refused before
// anything is written, unless the limits are raised.
func TestGetPathBombs(t *testing.T) {
	ctx := context.Background()
	s := NewMemory()
	file := repeatFile(t, s, randomBytes(256<<10, 1), 1000) // 256 MB from 300 KB
	leafFile := repeatFile(t, s, []byte("x"), 1)
	tree := repeatDir(t, s, repeatDir(t, s, leafFile, 400), 400) // 160,000 files

	u, err := Measure(ctx, s, file, &GetOptions{MaxBytes: -1})
	if err != nil || u.Bytes != 1000*256<<10 || u.Entries != 1 {
		t.Fatalf("Measure: %+v, %v", u, err)
	}
	for name, tc := range map[string]struct {
		c    cid.Cid
		opts *GetOptions
	}{
		"file over MaxBytes":          {file, &GetOptions{MaxBytes: 100 << 20}},
		"tree over the default count": {tree, nil},
		"tree over MaxEntries":        {tree, &GetOptions{MaxEntries: 1000}},
	} {
		t.Run(name, func(t *testing.T) {
			dst := filepath.Join(t.TempDir(), "out")
			err := GetPath(ctx, s, tc.c, dst, tc.opts)
			if !errors.Is(err, ErrOutputLimit) {
				t.Fatalf("got %v, want ErrOutputLimit", err)
			}
			assertNothingWritten(t, dst)
		})
	}
	// Raised, the limits let a legitimately large tree through.
	small := repeatDir(t, s, repeatDir(t, s, leafFile, 30), 30)
	if err := GetPath(ctx, s, small, filepath.Join(t.TempDir(), "out"), &GetOptions{MaxEntries: 1000}); err != nil {
		t.Fatal(err)
	}
}

// On a real 1 MiB tmpfs (where mounting is allowed), a get that needs more
// than the free space is refused before it writes.
func TestGetPathFreeSpace(t *testing.T) {
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	s := NewMemory()
	file := repeatFile(t, s, randomBytes(64<<10, 2), 40) // 2.5 MiB
	dst := filepath.Join(mnt, "out")
	err := GetPath(context.Background(), s, file, dst, nil)
	if !errors.Is(err, ErrOutputLimit) || !strings.Contains(err.Error(), "free") {
		t.Fatalf("got %v, want ErrOutputLimit about free space", err)
	}
	assertNothingWritten(t, dst)
}

// createOnRead creates dst the first time a leaf is read: something else
// writing the destination while GetPath runs.
type createOnRead struct {
	Store
	leaf cid.Cid
	dst  string
	once sync.Once
}

func (s *createOnRead) GetBlock(ctx context.Context, c cid.Cid) ([]byte, error) {
	if c.Equals(s.leaf) {
		s.once.Do(func() { os.WriteFile(s.dst, []byte("theirs"), 0o644) })
	}
	return s.Store.GetBlock(ctx, c)
}

// GetPath never replaces what appeared at its destination while it ran.
func TestGetPathNoReplace(t *testing.T) {
	m := NewMemory()
	leaf := []byte("ours")
	file := repeatFile(t, m, leaf, 3)
	dst := filepath.Join(t.TempDir(), "out")
	s := &createOnRead{Store: m, leaf: rawCID(t, leaf), dst: dst}
	err := GetPath(context.Background(), s, file, dst, nil)
	if err == nil || !strings.Contains(err.Error(), "created while") {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "theirs" {
		t.Fatalf("destination replaced: %q", b)
	}
}
