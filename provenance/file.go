package provenance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"

	"github.com/ipfs/go-cid"
)

// leaf is one hashed chunk: the link to it (Tsize = block length) and
// its content size. block is set only when a BlockSink wants the bytes.
type leaf struct {
	link  pbLink
	size  uint64
	block []byte
}

// makeLeaf hashes one chunk into a leaf block: the chunk itself when raw
// leaves are on, else a UnixFS file node holding it.
func makeLeaf(p *Params, chunk []byte, wantBlock bool) leaf {
	if p.RawLeaves {
		d := sum(p.HashFunction, chunk)
		lf := leaf{link: pbLink{CID: makeCID(1, cid.Raw, p.HashFunction, d[:]), Tsize: uint64(len(chunk))}, size: uint64(len(chunk))}
		if wantBlock {
			lf.block = append([]byte(nil), chunk...)
		}
		return lf
	}
	head, tail := leafHeader(len(chunk))
	var d [32]byte
	var block []byte
	if wantBlock || len(chunk) < 4096 {
		// Small blocks: one contiguous buffer hashes faster than three writes.
		block = make([]byte, 0, len(head)+len(chunk)+len(tail))
		block = append(append(append(block, head...), chunk...), tail...)
		d = sum(p.HashFunction, block)
	} else {
		h := newHash(p.HashFunction)
		h.Write(head)
		h.Write(chunk)
		h.Write(tail)
		h.Sum(d[:0])
	}
	lf := leaf{
		link: pbLink{CID: makeCID(p.CIDVersion, cid.DagProtobuf, p.HashFunction, d[:]), Tsize: uint64(len(head) + len(chunk) + len(tail))},
		size: uint64(len(chunk)),
	}
	if wantBlock {
		lf.block = block
	}
	return lf
}

// balancedTree assembles leaves into Kubo's balanced layout as they
// arrive, holding at most MaxLinks links per level: leaves are grouped
// MaxLinks at a time into parents, parents MaxLinks at a time into
// grandparents, and so on; at the end each partial group becomes a node
// (even a group of one, as boxo does) until a single root remains.
type balancedTree struct {
	p      *Params
	put    func(c cid.Cid, block []byte) error
	levels [][]leaf
	buf    []byte
}

func (t *balancedTree) add(l leaf) error {
	return t.addAt(0, l)
}

func (t *balancedTree) addAt(level int, l leaf) error {
	if level == len(t.levels) {
		t.levels = append(t.levels, make([]leaf, 0, t.p.MaxLinks))
	}
	t.levels[level] = append(t.levels[level], leaf{link: l.link, size: l.size})
	if len(t.levels[level]) < t.p.MaxLinks {
		return nil
	}
	parent, err := t.node(t.levels[level])
	if err != nil {
		return err
	}
	t.levels[level] = t.levels[level][:0]
	return t.addAt(level+1, parent)
}

// node encodes an internal file node over children.
func (t *balancedTree) node(children []leaf) (leaf, error) {
	links := make([]pbLink, len(children))
	sizes := make([]uint64, len(children))
	var filesize, tsize uint64
	for i, c := range children {
		links[i] = c.link
		sizes[i] = c.size
		filesize += c.size
		tsize += c.link.Tsize
	}
	data := appendFileData(nil, filesize, sizes)
	t.buf = appendPBNode(t.buf[:0], links, data)
	d := sum(t.p.HashFunction, t.buf)
	c := makeCID(t.p.CIDVersion, cid.DagProtobuf, t.p.HashFunction, d[:])
	if t.put != nil {
		if err := t.put(c, append([]byte(nil), t.buf...)); err != nil {
			return leaf{}, err
		}
	}
	return leaf{link: pbLink{CID: c, Tsize: tsize + uint64(len(t.buf))}, size: filesize}, nil
}

// root finishes the tree. It needs at least one leaf.
func (t *balancedTree) root() (leaf, error) {
	for level := 0; ; level++ {
		top := level == len(t.levels)-1
		pending := t.levels[level]
		if top && len(pending) == 1 {
			return pending[0], nil
		}
		if len(pending) == 0 {
			continue
		}
		parent, err := t.node(pending)
		if err != nil {
			return leaf{}, err
		}
		t.levels[level] = pending[:0]
		if top {
			return parent, nil
		}
		t.levels[level+1] = append(t.levels[level+1], parent)
	}
}

// fileSum is what hashing one file's bytes produces.
type fileSum struct {
	link   pbLink // Name empty
	size   uint64
	sha256 string
}

// hashStream reads r to EOF and builds its UnixFS file DAG, one chunk at
// a time: memory use is a few chunks whatever the length.
func (im *importer) hashStream(ctx context.Context, r io.Reader, wantSHA bool) (fileSum, error) {
	if im.p.Trickle {
		return im.hashTrickle(ctx, r, wantSHA)
	}
	if im.workers > 1 {
		return im.hashStreamParallel(ctx, r, wantSHA)
	}
	return im.hashSequential(ctx, r, wantSHA)
}

// hashSequential is hashStream on the calling goroutine alone.
func (im *importer) hashSequential(ctx context.Context, r io.Reader, wantSHA bool) (fileSum, error) {
	var sh hash.Hash
	if wantSHA {
		sh = sha256.New()
	}
	tree := &balancedTree{p: &im.p, put: im.putFunc()}
	buf := make([]byte, im.p.ChunkSize)
	var total uint64
	for first := true; ; first = false {
		if err := ctx.Err(); err != nil {
			return fileSum{}, err
		}
		n, err := io.ReadFull(r, buf)
		if err == io.EOF && !first {
			break
		}
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return fileSum{}, &readError{offset: total, err: err}
		}
		chunk := buf[:n]
		if sh != nil {
			sh.Write(chunk)
		}
		lf := makeLeaf(&im.p, chunk, im.sink != nil)
		if err := im.put(lf.link.CID, lf.block); err != nil {
			return fileSum{}, err
		}
		if err := tree.add(lf); err != nil {
			return fileSum{}, err
		}
		total += uint64(n)
		im.progress(int64(n))
		if n < len(buf) {
			break
		}
	}
	root, err := tree.root()
	if err != nil {
		return fileSum{}, err
	}
	fs := fileSum{link: root.link, size: total}
	if sh != nil {
		fs.sha256 = hex.EncodeToString(sh.Sum(nil))
	}
	return fs, nil
}

// readError is a failed read at a byte offset of the input.
type readError struct {
	offset uint64
	err    error
}

func (e *readError) Error() string {
	return "read at byte offset " + uitoa(e.offset) + ": " + e.err.Error()
}

func (e *readError) Unwrap() error { return e.err }

func uitoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}

var errNoTrickle = errors.New("trickle layout is not supported")

func (im *importer) hashTrickle(ctx context.Context, r io.Reader, wantSHA bool) (fileSum, error) {
	return fileSum{}, errNoTrickle
}

func (im *importer) hashStreamParallel(ctx context.Context, r io.Reader, wantSHA bool) (fileSum, error) {
	return im.hashSequential(ctx, r, wantSHA)
}
