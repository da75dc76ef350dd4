package provenance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"sync"

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
// a time: memory use is a few chunks whatever the length. sizeHint, when
// not negative, is the expected length; it only sizes buffers.
func (im *importer) hashStream(ctx context.Context, r io.Reader, sizeHint int64, wantSHA bool) (fileSum, error) {
	if im.workers > 1 && (sizeHint < 0 || sizeHint > int64(im.p.ChunkSize)) {
		return im.hashParallel(ctx, r, wantSHA)
	}
	n := im.p.ChunkSize
	if sizeHint >= 0 && sizeHint < int64(n) {
		// One chunk: a buffer one byte longer than the file still reads
		// it whole, and a file that grew shows up as a size mismatch.
		n = int(sizeHint) + 1
	}
	return im.hashSequential(ctx, r, wantSHA, make([]byte, n))
}

// hashSequential is hashStream on the calling goroutine alone, reading
// into buf (at most ChunkSize long).
func (im *importer) hashSequential(ctx context.Context, r io.Reader, wantSHA bool, buf []byte) (fileSum, error) {
	var sh hash.Hash
	if wantSHA {
		sh = sha256.New()
	}
	tree := &balancedTree{p: &im.p, put: im.putFunc()}
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
		if err != nil { // short read: the end
			break
		}
	}
	return finish(tree, total, sh)
}

func finish(tree *balancedTree, total uint64, sh hash.Hash) (fileSum, error) {
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

// chunkJob is one chunk on its way through hashParallel.
type chunkJob struct {
	buf  []byte
	leaf leaf
	done chan struct{}
}

// hashParallel is hashStream with leaves hashed on im.workers goroutines.
// This goroutine reads; a collector takes the hashed leaves in file order,
// feeds the whole-file SHA-256, the block sink and the tree, and recycles
// the buffer. At most 2·workers+2 chunks are in flight, which bounds memory.
func (im *importer) hashParallel(ctx context.Context, r io.Reader, wantSHA bool) (fileSum, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	nbuf := 2*im.workers + 2
	free := make(chan []byte, nbuf)
	jobs := make(chan *chunkJob, nbuf)
	order := make(chan *chunkJob, nbuf)

	var wg sync.WaitGroup
	for i := 0; i < im.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.leaf = makeLeaf(&im.p, j.buf, im.sink != nil)
				close(j.done)
			}
		}()
	}

	var sh hash.Hash
	if wantSHA {
		sh = sha256.New()
	}
	tree := &balancedTree{p: &im.p, put: im.putFunc()}
	var total uint64
	var collectErr error
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for j := range order {
			<-j.done
			if collectErr == nil {
				if sh != nil {
					sh.Write(j.buf)
				}
				collectErr = im.put(j.leaf.link.CID, j.leaf.block)
				if collectErr == nil {
					collectErr = tree.add(j.leaf)
				}
				total += uint64(len(j.buf))
				im.progress(int64(len(j.buf)))
				if collectErr != nil {
					cancel()
				}
			}
			free <- j.buf[:cap(j.buf)]
		}
	}()

	readErr := func() error {
		allocated := 0
		var read uint64
		for first := true; ; first = false {
			var buf []byte
			select {
			case buf = <-free:
			default:
				if allocated < nbuf {
					allocated++
					buf = make([]byte, im.p.ChunkSize)
					break
				}
				select {
				case buf = <-free:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			n, err := io.ReadFull(r, buf)
			if err == io.EOF && !first {
				return nil
			}
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				return &readError{offset: read, err: err}
			}
			read += uint64(n)
			j := &chunkJob{buf: buf[:n], done: make(chan struct{})}
			jobs <- j
			order <- j
			if n < len(buf) {
				return nil
			}
		}
	}()
	close(jobs)
	close(order)
	<-collected
	wg.Wait()
	if collectErr != nil {
		return fileSum{}, collectErr
	}
	if readErr != nil {
		return fileSum{}, readErr
	}
	return finish(tree, total, sh)
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
