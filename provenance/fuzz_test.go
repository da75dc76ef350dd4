package provenance

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// refNode is a block of the reference importer below.
type refNode struct {
	cid      cid.Cid
	tsize    uint64
	filesize uint64
}

// refImporter is a deliberately plain, in-memory UnixFS file importer,
// written from the UnixFS spec and boxo's layout descriptions rather than
// from the streaming code it checks: it splits everything into chunks first
// and builds trees depth-first as boxo does (the streaming builder groups
// level by level instead). It uses go-multihash to hash.
type refImporter struct {
	p      Params
	chunks [][]byte
	next   int
}

func (r *refImporter) done() bool { return r.next >= len(r.chunks) }

func (r *refImporter) sum(codec uint64, version int, block []byte) cid.Cid {
	m, err := mh.Sum(block, r.p.HashFunction, -1)
	if err != nil {
		panic(err)
	}
	if version == 0 {
		return cid.NewCidV0(m)
	}
	return cid.NewCidV1(codec, m)
}

func pbField(b []byte, tag byte, v []byte) []byte {
	b = append(b, tag)
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

func pbVarint(b []byte, tag byte, v uint64) []byte {
	return binary.AppendUvarint(append(b, tag), v)
}

func (r *refImporter) leaf() refNode {
	c := r.chunks[r.next]
	r.next++
	if r.p.RawLeaves {
		return refNode{r.sum(cid.Raw, 1, c), uint64(len(c)), uint64(len(c))}
	}
	typ := uint64(2) // File
	if r.p.Trickle {
		typ = 0 // Raw
	}
	u := pbVarint(nil, 0x08, typ)
	if len(c) > 0 {
		u = pbField(u, 0x12, c)
	}
	u = pbVarint(u, 0x18, uint64(len(c)))
	block := pbField(nil, 0x0a, u)
	return refNode{r.sum(cid.DagProtobuf, r.p.CIDVersion, block), uint64(len(block)), uint64(len(c))}
}

func (r *refImporter) node(children []refNode) refNode {
	var links []byte
	u := pbVarint(nil, 0x08, 2)
	var fs, ts uint64
	for _, c := range children {
		fs += c.filesize
		ts += c.tsize
	}
	u = pbVarint(u, 0x18, fs)
	for _, c := range children {
		u = pbVarint(u, 0x20, c.filesize)
		l := pbField(nil, 0x0a, c.cid.Bytes())
		l = pbField(l, 0x12, nil)
		l = pbVarint(l, 0x18, c.tsize)
		links = pbField(links, 0x12, l)
	}
	block := pbField(links, 0x0a, u)
	return refNode{r.sum(cid.DagProtobuf, r.p.CIDVersion, block), ts + uint64(len(block)), fs}
}

func (r *refImporter) balanced() refNode {
	root := r.leaf()
	for depth := 1; !r.done(); depth++ {
		children := []refNode{root}
		r.fill(&children, depth)
		root = r.node(children)
	}
	return root
}

// fill adds subtrees of depth-1 to children until it is full or the data
// runs out (boxo's fillNodeRec).
func (r *refImporter) fill(children *[]refNode, depth int) {
	for len(*children) < r.p.MaxLinks && !r.done() {
		if depth == 1 {
			*children = append(*children, r.leaf())
			continue
		}
		var sub []refNode
		r.fill(&sub, depth-1)
		*children = append(*children, r.node(sub))
	}
}

func (r *refImporter) trickle(maxDepth int) refNode {
	var children []refNode
	for len(children) < r.p.MaxLinks && !r.done() {
		children = append(children, r.leaf())
	}
	for depth := 1; maxDepth == -1 || depth < maxDepth; depth++ {
		for rep := 0; rep < 4 && !r.done(); rep++ {
			children = append(children, r.trickle(depth))
		}
		if r.done() {
			break
		}
	}
	return r.node(children)
}

func refFileCID(p Params, data []byte) cid.Cid {
	r := &refImporter{p: p}
	for off := 0; off < len(data); off += p.ChunkSize {
		r.chunks = append(r.chunks, data[off:min(off+p.ChunkSize, len(data))])
	}
	if p.Trickle {
		return r.trickle(-1).cid
	}
	if len(r.chunks) == 0 {
		r.chunks = [][]byte{nil}
	}
	return r.balanced().cid
}

// FuzzHashReader compares the streaming, parallel importer with the
// reference importer on arbitrary data and parameters.
func FuzzHashReader(f *testing.F) {
	f.Add([]byte("hello world"), uint8(3), uint8(2), uint8(0))
	f.Add(bytes.Repeat([]byte{1}, 1000), uint8(7), uint8(3), uint8(1))
	f.Add(bytes.Repeat([]byte("abc"), 500), uint8(1), uint8(2), uint8(2))
	f.Add([]byte{}, uint8(10), uint8(4), uint8(5))
	f.Add(randomBytes(9, 4000), uint8(13), uint8(5), uint8(7))
	f.Fuzz(func(t *testing.T, data []byte, chunk, links, flags uint8) {
		p := DefaultParams()
		p.ChunkSize = int(chunk)%64 + 1
		p.MaxLinks = int(links)%6 + 2
		p.RawLeaves = flags&1 != 0
		p.CIDVersion = 1
		if flags&2 != 0 {
			p.CIDVersion = 0 // with raw leaves: Kubo's --raw-leaves under CIDv0
		}
		p.Trickle = flags&4 != 0
		if flags&8 != 0 && p.CIDVersion == 1 {
			p.HashFunction = BLAKE3
		}
		want := refFileCID(p, data)
		for _, conc := range []int{1, 3} {
			got, err := HashReader(context.Background(), bytes.NewReader(data), &Options{Params: p, Concurrency: conc, SHA256: true})
			if err != nil {
				t.Fatal(err)
			}
			if got.CID != want {
				t.Fatalf("%v concurrency %d: %s, reference %s", p, conc, got.CID, want)
			}
			if sum := sha256.Sum256(data); got.SHA256 != string(hexAppend(sum[:])) || got.Size != int64(len(data)) {
				t.Fatalf("sha256 %s size %d", got.SHA256, got.Size)
			}
		}
	})
}

func hexAppend(b []byte) []byte {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return out
}

// FuzzDirectoryNames writes files with arbitrary names and checks that the
// directory lists exactly the names the file system holds (minus hidden
// ones), sorted bytewise, whether or not it is sharded, and that the CID
// does not depend on concurrency.
func FuzzDirectoryNames(f *testing.F) {
	f.Add("a\x00b\x00.hidden\x00Ü\x00日本語\x00a b\x00-x", uint16(0))
	f.Add("x\x00y\x00z", uint16(1))
	f.Fuzz(func(t *testing.T, joined string, threshold uint16) {
		dir := t.TempDir()
		want := map[string]bool{}
		for i, name := range strings.Split(joined, "\x00") {
			if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) || len(name) > 200 || !utf8.ValidString(name) {
				continue
			}
			if err := os.WriteFile(filepath.Join(dir, name), []byte{byte(i)}, 0o644); err != nil {
				t.Skip("file system refuses the name:", err)
			}
			if !strings.HasPrefix(name, ".") {
				want[name] = true
			}
		}
		p := DefaultParams()
		p.HAMTThreshold = int(threshold % 400)
		p.HAMTFanout = 8
		var first cid.Cid
		for _, conc := range []int{1, 2} {
			sink := &namesSink{}
			res, err := Hash(context.Background(), dir, &Options{Params: p, Concurrency: conc, Blocks: sink})
			if err != nil {
				t.Fatal(err)
			}
			if conc == 1 {
				first = res.CID
			} else if res.CID != first {
				t.Fatalf("CID depends on concurrency: %s, %s", first, res.CID)
			}
			var files []string
			for _, f := range res.Files {
				files = append(files, f.Path)
			}
			if !sort.StringsAreSorted(files) || len(files) != len(want) {
				t.Fatalf("files %q, want %d names", files, len(want))
			}
			for _, name := range files {
				if !want[name] {
					t.Fatalf("unexpected file %q", name)
				}
			}
		}
	})
}

type namesSink struct{}

func (namesSink) PutBlock(context.Context, cid.Cid, []byte) error { return nil }
