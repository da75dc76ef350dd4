package storage

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// testBlock is a block as an importer hands it over.
type testBlock struct {
	c    cid.Cid
	data []byte
}

func pbVarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

func pbBytes(b []byte, tag byte, v []byte) []byte {
	b = append(b, tag)
	b = pbVarint(b, uint64(len(v)))
	return append(b, v...)
}

// appendPBLink appends a dag-pb PBLink (field 2) to c named name with
// Tsize size.
func appendPBLink(b []byte, c cid.Cid, name string, size uint64) []byte {
	var l []byte
	l = pbBytes(l, 0x0a, c.Bytes())
	l = pbBytes(l, 0x12, []byte(name))
	l = append(l, 0x18)
	l = pbVarint(l, size)
	return pbBytes(b, 0x12, l)
}

// buildFile makes a one-level UnixFS file DAG (raw leaves of chunk bytes
// under one dag-pb root), leaves first, as an importer would hand them
// over. It is a test fixture only; production DAGs come from provenance,
// and Kubo-made DAGs are read in kubo_test.go.
func buildFile(t testing.TB, content []byte, chunk int) (cid.Cid, []testBlock) {
	t.Helper()
	var blocks []testBlock
	var links []byte
	var sizes []uint64
	for off := 0; off < len(content) || off == 0; off += chunk {
		end := min(off+chunk, len(content))
		leaf := content[off:end]
		c := rawCID(t, leaf)
		blocks = append(blocks, testBlock{c, leaf})
		links = appendPBLink(links, c, "", uint64(len(leaf)))
		sizes = append(sizes, uint64(len(leaf)))
		if end == len(content) {
			break
		}
	}
	if len(blocks) == 1 {
		return blocks[0].c, blocks
	}
	u := []byte{0x08, 0x02, 0x18}
	u = pbVarint(u, uint64(len(content)))
	for _, s := range sizes {
		u = append(u, 0x20)
		u = pbVarint(u, s)
	}
	root := pbBytes(links, 0x0a, u)
	rc, err := cid.Prefix{Version: 1, Codec: cid.DagProtobuf, MhType: mh.SHA2_256, MhLength: -1}.Sum(root)
	if err != nil {
		t.Fatal(err)
	}
	return rc, append(blocks, testBlock{rc, root})
}

// fakeImporter hands blocks to the sink in order and returns root.
func fakeImporter(root cid.Cid, blocks []testBlock) func(ctx context.Context, sink *stagingSink) (cid.Cid, error) {
	return func(ctx context.Context, sink *stagingSink) (cid.Cid, error) {
		for _, b := range blocks {
			if err := sink.PutBlock(ctx, b.c, b.data); err != nil {
				return cid.Undef, err
			}
		}
		return root, nil
	}
}
