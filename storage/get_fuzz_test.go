package storage

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// FuzzReadDAG feeds arbitrary root blocks, linking to a few real blocks,
// to the file reader and the directory reader: they must fail cleanly or
// return content consistent with what the root declares.
func FuzzReadDAG(f *testing.F) {
	base := NewMemory()
	content := randomBytes(10_000, 40)
	root, blocks := buildFile(f, content, 1000)
	for _, b := range blocks {
		base.PutBlock(context.Background(), b.c, b.data)
	}
	f.Add(blocks[len(blocks)-1].data)
	if !root.Equals(blocks[len(blocks)-1].c) {
		f.Fatal("buildFile's root is not its last block")
	}
	// A directory with two entries, and a HAMT shard of fanout 4 with one.
	leaf := blocks[0].c
	dir := pbBytes(nil, 0x12, append(append(pbBytes(nil, 0x0a, leaf.Bytes()), pbBytes(nil, 0x12, []byte("a"))...), 0x18, 0x05))
	dir = pbBytes(dir, 0x0a, []byte{0x08, 0x01})
	f.Add(dir)
	hamt := pbBytes(nil, 0x12, append(append(pbBytes(nil, 0x0a, leaf.Bytes()), pbBytes(nil, 0x12, []byte("2name"))...), 0x18, 0x05))
	hamt = pbBytes(hamt, 0x0a, []byte{0x08, 0x05, 0x12, 0x01, 0x04, 0x28, 0x22, 0x30, 0x04})
	f.Add(hamt)
	f.Fuzz(func(t *testing.T, rootBlock []byte) {
		if len(rootBlock) > MaxBlockSize {
			return
		}
		ctx := context.Background()
		s := NewMemory()
		for _, b := range blocks {
			s.PutBlock(ctx, b.c, b.data)
		}
		rc, err := cid.Prefix{Version: 1, Codec: cid.DagProtobuf, MhType: mh.SHA2_256, MhLength: -1}.Sum(rootBlock)
		if err != nil {
			t.Fatal(err)
		}
		s.PutBlock(ctx, rc, rootBlock)
		if r, err := Get(ctx, s, rc); err == nil {
			got, err := io.ReadAll(io.LimitReader(r, 1<<20))
			r.Close()
			if err == nil && len(got) < 1<<20 {
				n, _ := loadNode(ctx, s, rc)
				if uint64(len(got)) != n.fileSize() {
					t.Fatalf("read %d bytes, root declares %d", len(got), n.fileSize())
				}
			}
		}
		if _, err := ReadDir(ctx, s, rc); err != nil && !errors.Is(err, ErrMalformedDAG) && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrNotDirectory) {
			t.Fatalf("ReadDir error of an unexpected kind: %v", err)
		}
	})
}
