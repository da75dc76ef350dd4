package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

func rawCID(t testing.TB, data []byte) cid.Cid {
	t.Helper()
	c, err := cid.Prefix{Version: 1, Codec: cid.Raw, MhType: mh.SHA2_256, MhLength: -1}.Sum(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// conformance runs the Store contract against s.
func conformance(t *testing.T, s Store) {
	ctx := context.Background()
	data := []byte("hello world")
	c := rawCID(t, data)
	// Known CID of "hello world" as raw CIDv1 (Kubo: `echo -n hello world | ipfs add --cid-version=1 -Q -n`).
	if c.String() != "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e" {
		t.Fatalf("unexpected CID %s", c)
	}

	if ok, err := s.Has(ctx, c); err != nil || ok {
		t.Fatalf("Has before put = %v, %v", ok, err)
	}
	if _, err := s.GetBlock(ctx, c); !errors.Is(err, ErrNotFound) {
		t.Fatalf("GetBlock before put: %v, want ErrNotFound", err)
	}
	if _, err := s.Stat(ctx, c); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Stat before put: %v, want ErrNotFound", err)
	}

	// Wrong bytes for a CID are refused, naming the CID.
	err := s.PutBlock(ctx, c, []byte("hello worle"))
	var ce *CorruptError
	if !errors.Is(err, ErrCorrupt) || !errors.As(err, &ce) || !ce.CID.Equals(c) {
		t.Fatalf("PutBlock with wrong bytes: %v", err)
	}

	if err := s.PutBlock(ctx, c, data); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBlock(ctx, c, data); err != nil {
		t.Fatalf("second put of the same block: %v", err)
	}
	got, err := s.GetBlock(ctx, c)
	if err != nil || string(got) != string(data) {
		t.Fatalf("GetBlock = %q, %v", got, err)
	}
	if ok, err := s.Has(ctx, c); err != nil || !ok {
		t.Fatalf("Has = %v, %v", ok, err)
	}
	if st, err := s.Stat(ctx, c); err != nil || st.Size != int64(len(data)) {
		t.Fatalf("Stat = %+v, %v", st, err)
	}

	// A CIDv0 and the CIDv1 dag-pb of the same bytes are the same block.
	pb := []byte{0x0a, 0x02, 0x08, 0x01} // empty UnixFS directory
	v0 := cid.MustParse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn")
	if err := s.PutBlock(ctx, v0, pb); err != nil {
		t.Fatal(err)
	}
	if got, err := s.GetBlock(ctx, cid.NewCidV1(cid.DagProtobuf, v0.Hash())); err != nil || string(got) != string(pb) {
		t.Fatalf("GetBlock(v1 of a v0 block) = %x, %v", got, err)
	}

	var listed []string
	for lc, err := range s.List(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		listed = append(listed, string(lc.Hash()))
	}
	slices.Sort(listed)
	want := []string{string(c.Hash()), string(v0.Hash())}
	slices.Sort(want)
	if !slices.Equal(listed, want) {
		t.Fatalf("List gave %d blocks, want %d", len(listed), len(want))
	}

	if err := s.Delete(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, c); err != nil {
		t.Fatalf("deleting a missing block: %v", err)
	}
	if ok, _ := s.Has(ctx, c); ok {
		t.Fatal("block still there after Delete")
	}

	// Too large.
	big := make([]byte, MaxBlockSize+1)
	if err := s.PutBlock(ctx, rawCID(t, big), big); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("PutBlock of %d bytes: %v", len(big), err)
	}

	// Concurrent writers of the same and different blocks.
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := []byte(fmt.Sprintf("block %d", i%8))
			if err := s.PutBlock(ctx, rawCID(t, d), d); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for i := range 8 {
		d := []byte(fmt.Sprintf("block %d", i))
		if got, err := s.GetBlock(ctx, rawCID(t, d)); err != nil || string(got) != string(d) {
			t.Fatalf("after concurrent puts: %q, %v", got, err)
		}
	}

	ctxDone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.GetBlock(ctxDone, c); !errors.Is(err, context.Canceled) {
		t.Fatalf("GetBlock with a cancelled context: %v", err)
	}
}

func TestMemory(t *testing.T) { conformance(t, NewMemory()) }

func TestDir(t *testing.T) {
	d, err := OpenDir(filepath.Join(t.TempDir(), "store"))
	if err != nil {
		t.Fatal(err)
	}
	conformance(t, d)
	// Reopening finds the blocks.
	d2, err := OpenDir(d.Path())
	if err != nil {
		t.Fatal(err)
	}
	data := []byte("block 3")
	if _, err := d2.GetBlock(context.Background(), rawCID(t, data)); err != nil {
		t.Fatal(err)
	}
}

func TestOpenDirRefusesForeignDirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if _, err := OpenDir(dir); err == nil {
		t.Fatal("OpenDir accepted a non-empty directory that is not a store")
	}
}

func TestMemoryReturnsCopies(t *testing.T) {
	ctx := context.Background()
	m := NewMemory()
	data := []byte("abc")
	c := rawCID(t, data)
	m.PutBlock(ctx, c, data)
	data[0] = 'x'
	got, _ := m.GetBlock(ctx, c)
	got[1] = 'y'
	if got, err := m.GetBlock(ctx, c); err != nil || string(got) != "abc" {
		t.Fatalf("store changed through a caller's slice: %q %v", got, err)
	}
}
