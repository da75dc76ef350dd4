package storage

import (
	"context"
	"io"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// fetchCounter counts the blocks a reader has fetched.
type fetchCounter struct {
	Store
	gets atomic.Int64
}

func (s *fetchCounter) GetBlock(ctx context.Context, c cid.Cid) ([]byte, error) {
	s.gets.Add(1)
	return s.Store.GetBlock(ctx, c)
}

// deepFile builds a file DAG depth levels deep in which every node links
// to the next level first and then to fanout-1 leaves: the shape that made
// each level prefetch its own blocks.
func deepFile(t *testing.T, s Store, depth, fanout int) (cid.Cid, int) {
	t.Helper()
	ctx := context.Background()
	leaf := []byte("leaf block")
	lc := rawCID(t, leaf)
	if err := s.PutBlock(ctx, lc, leaf); err != nil {
		t.Fatal(err)
	}
	cur, size := lc, uint64(len(leaf))
	for range depth {
		var links []byte
		u := []byte{0x08, 0x02}
		var sizes []uint64
		for j := range fanout {
			c, n := lc, uint64(len(leaf))
			if j == 0 {
				c, n = cur, size
			}
			links = appendPBLink(links, c, "", n)
			sizes = append(sizes, n)
		}
		var total uint64
		for _, n := range sizes {
			total += n
		}
		u = append(u, 0x18)
		u = pbVarint(u, total)
		for _, n := range sizes {
			u = append(u, 0x20)
			u = pbVarint(u, n)
		}
		block := pbBytes(links, 0x0a, u)
		c, err := cid.Prefix{Version: 1, Codec: cid.DagProtobuf, MhType: mh.SHA2_256, MhLength: -1}.Sum(block)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.PutBlock(ctx, c, block); err != nil {
			t.Fatal(err)
		}
		cur, size = c, total
	}
	return cur, int(size)
}

// A reader that has returned one byte and waits holds a bounded number of
// blocks, however deep the DAG: read-ahead is shared by all levels.
func TestGetMemoryBoundedByShape(t *testing.T) {
	ctx := context.Background()
	const depth, fanout = 40, 8
	s := &fetchCounter{Store: NewMemory()}
	root, size := deepFile(t, s, depth, fanout)
	s.gets.Store(0)
	r, err := Get(ctx, s, root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := io.ReadFull(r, make([]byte, 1)); err != nil {
		t.Fatal(err)
	}
	// Let the walker run ahead as far as it will.
	var last int64 = -1
	for n := s.gets.Load(); n != last; n = s.gets.Load() {
		last = n
		time.Sleep(50 * time.Millisecond)
	}
	// The path (depth+1 nodes), the reads ahead (at most 2 blocks per
	// token, for pairs) and the leaves queued for the reader.
	bound := int64(depth+1) + 2*prefetch + prefetch + 1
	if last > bound {
		t.Fatalf("%d blocks fetched while the reader waits after 1 byte; want at most %d (per-level read-ahead would fetch ~%d)", last, bound, depth*fanout)
	}
	got, err := io.ReadAll(r)
	if err != nil || len(got)+1 != size {
		t.Fatalf("read %d of %d bytes: %v", len(got)+1, size, err)
	}
}

// The links held on the path are bounded too.
func TestGetPathLinksBounded(t *testing.T) {
	ctx := context.Background()
	s := NewMemory()
	root, _ := deepFile(t, s, maxDepth, maxPathLinks/maxDepth+2)
	r, err := Get(ctx, s, root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = io.Copy(io.Discard, r)
	if err == nil || !errorsIsDAG(err) {
		t.Fatalf("got %v, want a DAGError about links on the path", err)
	}
}

func errorsIsDAG(err error) bool {
	de, ok := err.(*DAGError)
	return ok && de.Msg != ""
}
