package provenance

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"sync"

	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/internal/dagpb"
	"github.com/aiprov/aiprov/internal/sha256x2"
)

// leaf is one hashed chunk: the link to it (Tsize = block length) and
// its content size. block is set only when a BlockSink wants the bytes.
type leaf struct {
	link  dagpb.Link
	size  uint64
	block []byte
}

// makeLeaf hashes one chunk into a leaf block: the chunk itself when raw
// leaves are on, else a UnixFS file node holding it.
func makeLeaf(p *Params, chunk []byte, wantBlock bool) leaf {
	if p.RawLeaves {
		d := sum(p.HashFunction, chunk)
		lf := leaf{link: dagpb.Link{Hash: makeCID(1, cid.Raw, p.HashFunction, d[:]), Tsize: uint64(len(chunk))}, size: uint64(len(chunk))}
		if wantBlock {
			lf.block = append([]byte(nil), chunk...)
		}
		return lf
	}
	typ := dagpb.TypeFile
	if p.Trickle {
		typ = dagpb.TypeRaw
	}
	head, tail := dagpb.LeafFrame(len(chunk), typ)
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
		link: dagpb.Link{Hash: makeCID(p.CIDVersion, cid.DagProtobuf, p.HashFunction, d[:]), Tsize: uint64(len(head) + len(chunk) + len(tail))},
		size: uint64(len(chunk)),
	}
	if wantBlock {
		lf.block = block
	}
	return lf
}

// makeLeaves2 is makeLeaf for two sha2-256 chunks of the same length,
// hashed together (see internal/sha256x2). Equal lengths give equal leaf
// headers, so the two blocks differ only in the chunk bytes.
func makeLeaves2(p *Params, a, b []byte, wantBlock bool) (leaf, leaf) {
	var head, tail []byte
	codec, version := uint64(cid.Raw), 1
	if !p.RawLeaves {
		typ := dagpb.TypeFile
		if p.Trickle {
			typ = dagpb.TypeRaw
		}
		head, tail = dagpb.LeafFrame(len(a), typ)
		codec, version = cid.DagProtobuf, p.CIDVersion
	}
	da, db := sha256x2.SumAround(head, a, b, tail)
	mk := func(chunk []byte, d [32]byte) leaf {
		n := len(head) + len(chunk) + len(tail)
		lf := leaf{link: dagpb.Link{Hash: makeCID(version, codec, SHA2_256, d[:]), Tsize: uint64(n)}, size: uint64(len(chunk))}
		if wantBlock {
			lf.block = append(append(append(make([]byte, 0, n), head...), chunk...), tail...)
		}
		return lf
	}
	return mk(a, da), mk(b, db)
}

// fileNode encodes an internal file node over children and hands it to
// the sink: UnixFS{Type=File, filesize, blocksizes} under links to them.
func (im *importer) fileNode(ctx context.Context, children []leaf, buf *[]byte) (leaf, error) {
	links := make([]dagpb.Link, len(children))
	sizes := make([]uint64, len(children))
	var filesize, tsize uint64
	for i, c := range children {
		links[i] = c.link
		sizes[i] = c.size
		filesize += c.size
		tsize += c.link.Tsize
	}
	u := dagpb.UnixFS{Type: dagpb.TypeFile, FileSize: filesize, HasFileSize: true, BlockSizes: sizes}
	data := u.Append(nil)
	*buf = dagpb.AppendNode((*buf)[:0], links, data)
	block := *buf
	if im.sink != nil {
		block = append([]byte(nil), block...)
	}
	c, err := im.putNode(ctx, block)
	if err != nil {
		return leaf{}, err
	}
	return leaf{link: dagpb.Link{Hash: c, Tsize: tsize + uint64(len(block))}, size: filesize}, nil
}

// leafSource yields a file's leaves in order, already hashed, handed to
// the sink and counted; ok is false after the last one. An empty input
// yields no leaves.
type leafSource interface {
	next(ctx context.Context) (l leaf, ok bool, err error)
}

// buildBalanced assembles leaves into Kubo's balanced layout as they
// arrive, holding at most MaxLinks links per level: leaves are grouped
// MaxLinks at a time into parents, parents MaxLinks at a time into
// grandparents, and so on; at the end each partial group becomes a node
// (even a group of one, as boxo does) until a single root remains. A file
// of one chunk is that chunk's leaf.
func (im *importer) buildBalanced(ctx context.Context, src leafSource) (leaf, error) {
	var levels [][]leaf
	var buf []byte
	var push func(level int, l leaf) error
	push = func(level int, l leaf) error {
		if level == len(levels) {
			levels = append(levels, nil) // grows as needed: most files are one leaf
		}
		levels[level] = append(levels[level], leaf{link: l.link, size: l.size})
		if len(levels[level]) < im.p.MaxLinks {
			return nil
		}
		parent, err := im.fileNode(ctx, levels[level], &buf)
		if err != nil {
			return err
		}
		levels[level] = levels[level][:0]
		return push(level+1, parent)
	}
	for {
		l, ok, err := src.next(ctx)
		if err != nil {
			return leaf{}, err
		}
		if !ok {
			break
		}
		if err := push(0, l); err != nil {
			return leaf{}, err
		}
	}
	if len(levels) == 0 {
		// An empty file is one empty leaf.
		l := makeLeaf(&im.p, nil, im.sink != nil)
		return l, im.put(ctx, l.link.Hash, l.block)
	}
	for level := 0; ; level++ {
		pending := levels[level]
		top := level == len(levels)-1
		if top && len(pending) == 1 {
			return pending[0], nil
		}
		if len(pending) == 0 {
			continue
		}
		parent, err := im.fileNode(ctx, pending, &buf)
		if err != nil {
			return leaf{}, err
		}
		if top {
			return parent, nil
		}
		levels[level] = pending[:0]
		levels[level+1] = append(levels[level+1], parent)
	}
}

// trickleRepeat is how many subtrees of each depth a trickle node holds
// after its leaves (boxo's depthRepeat).
const trickleRepeat = 4

// buildTrickle assembles leaves into the trickle layout: each node holds
// up to MaxLinks leaves, then trickleRepeat subtrees of depth 1, of depth
// 2, and so on below its own depth. Even a one-chunk or empty file gets a
// root node above its leaves.
func (im *importer) buildTrickle(ctx context.Context, src leafSource) (leaf, error) {
	ps := &peekSource{src: src}
	var fill func(maxDepth int) (leaf, error)
	fill = func(maxDepth int) (leaf, error) {
		var children []leaf
		for len(children) < im.p.MaxLinks {
			l, ok, err := ps.next(ctx)
			if err != nil {
				return leaf{}, err
			}
			if !ok {
				break
			}
			children = append(children, leaf{link: l.link, size: l.size})
		}
		for depth := 1; maxDepth == -1 || depth < maxDepth; depth++ {
			if done, err := ps.done(ctx); done || err != nil {
				if err != nil {
					return leaf{}, err
				}
				break
			}
			for r := 0; r < trickleRepeat; r++ {
				if done, err := ps.done(ctx); done || err != nil {
					if err != nil {
						return leaf{}, err
					}
					break
				}
				child, err := fill(depth)
				if err != nil {
					return leaf{}, err
				}
				children = append(children, child)
			}
		}
		var buf []byte
		return im.fileNode(ctx, children, &buf)
	}
	return fill(-1)
}

// peekSource adds one leaf of lookahead, for trickle's "is there more?".
type peekSource struct {
	src    leafSource
	peeked bool
	l      leaf
	ok     bool
}

func (p *peekSource) done(ctx context.Context) (bool, error) {
	if !p.peeked {
		var err error
		if p.l, p.ok, err = p.src.next(ctx); err != nil {
			return false, err
		}
		p.peeked = true
	}
	return !p.ok, nil
}

func (p *peekSource) next(ctx context.Context) (leaf, bool, error) {
	if p.peeked {
		p.peeked = false
		return p.l, p.ok, nil
	}
	return p.src.next(ctx)
}

// fileSum is what hashing one file's bytes produces.
type fileSum struct {
	link    dagpb.Link // Name empty
	size    uint64
	sha256  string
	tensors *TensorLayout
}

// hashStream reads r to EOF and builds its UnixFS file DAG, one chunk at
// a time: memory use is a few chunks whatever the length. sizeHint, when
// not negative, is the expected length; it only sizes buffers and picks
// between reading on this goroutine and the parallel pipeline.
//
// tensorFormat, when not "", also reads the file's tensor layout from the
// same bytes (see tensorTracker); a malformed header stops the read.
func (im *importer) hashStream(ctx context.Context, r io.Reader, sizeHint int64, wantSHA bool, tensorFormat string) (fileSum, error) {
	// shaTee and tensorTee stay nil interfaces when unused.
	var sh hash.Hash
	var shaTee, tensorTee io.Writer
	if wantSHA {
		sh = sha256.New()
		shaTee = sh
	}
	var tt *tensorTracker
	if tensorFormat != "" {
		tt = newTensorTracker(tensorFormat, sizeHint, im.tensorLimits)
		tensorTee = tt
	}
	var src leafSource
	var stop func() error
	// Even one worker gains from the pipeline when it can hash chunks in
	// pairs; a file of one chunk never does.
	pairs := im.p.HashFunction == SHA2_256 && sha256x2.Available()
	if (im.workers > 1 || pairs) && (sizeHint < 0 || sizeHint > int64(im.p.ChunkSize)) {
		// The tensor digests run on the reader, on each chunk just read
		// while it is still in that core's cache; the file's SHA-256 on
		// the goroutine that takes leaves back in order.
		ps := im.startPipeline(ctx, r, shaTee, tensorTee)
		src, stop = ps, ps.stop
	} else {
		tee := shaTee
		switch {
		case sh != nil && tt != nil:
			tee = &parallelTee{a: sh, b: tt}
		case tt != nil:
			tee = tt
		}
		ss := &seqSource{im: im, r: r, tee: tee}
		if sizeHint >= 0 && sizeHint <= int64(im.p.ChunkSize) {
			// One chunk of known size: read exactly that and stop, saving
			// the read that would return EOF. The caller compares the
			// size afterwards, so a file that grew is still caught.
			buf := im.chunkBuf()
			defer im.chunks.Put(&buf)
			ss.buf, ss.single = buf[:sizeHint], true
		} else {
			ss.buf = im.chunkBuf()
			defer im.chunks.Put(&ss.buf)
		}
		src, stop = ss, func() error { return nil }
	}
	var root leaf
	var err error
	if im.p.Trickle {
		root, err = im.buildTrickle(ctx, src)
	} else {
		root, err = im.buildBalanced(ctx, src)
	}
	if serr := stop(); err == nil {
		err = serr
	}
	if err != nil {
		return fileSum{}, err
	}
	fs := fileSum{link: root.link, size: root.size}
	if sh != nil {
		fs.sha256 = hex.EncodeToString(sh.Sum(nil))
	}
	if tt != nil {
		if fs.tensors, err = tt.finish(); err != nil {
			return fileSum{}, err
		}
	}
	return fs, nil
}

// parallelTee writes each chunk to two writers at once, b on a goroutine
// of its own: on the sequential path, the file's SHA-256 and the tensor
// digests written one after the other would hold up the whole import (the
// pipeline runs them on different goroutines instead). Write returns once
// both are done, so the caller keeps owning p.
type parallelTee struct {
	a, b io.Writer
}

func (t *parallelTee) Write(p []byte) (int, error) {
	done := make(chan error, 1)
	go func() {
		_, err := t.b.Write(p)
		done <- err
	}()
	_, aerr := t.a.Write(p)
	if berr := <-done; berr != nil {
		return 0, berr
	}
	if aerr != nil {
		return 0, aerr
	}
	return len(p), nil
}

// seqSource reads and hashes each chunk on the calling goroutine.
type seqSource struct {
	im    *importer
	r     io.Reader
	buf   []byte
	tee   io.Writer // whole-file digests, in file order
	total uint64
	eof   bool
	// single: buf holds the whole input; stop after filling it once.
	single bool
}

func (s *seqSource) next(ctx context.Context) (leaf, bool, error) {
	if s.eof {
		return leaf{}, false, nil
	}
	if err := ctx.Err(); err != nil {
		return leaf{}, false, err
	}
	n, err := io.ReadFull(s.r, s.buf)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return leaf{}, false, &readError{offset: s.total, err: err}
	}
	if err != nil || s.single {
		s.eof = true
	}
	if n == 0 {
		return leaf{}, false, nil
	}
	chunk := s.buf[:n]
	if s.tee != nil {
		if _, err := s.tee.Write(chunk); err != nil {
			return leaf{}, false, err
		}
	}
	l := makeLeaf(&s.im.p, chunk, s.im.sink != nil)
	if err := s.im.put(ctx, l.link.Hash, l.block); err != nil {
		return leaf{}, false, err
	}
	s.total += uint64(n)
	s.im.progress(int64(n))
	return l, true, nil
}

// chunkJob is one chunk on its way through the pipeline.
type chunkJob struct {
	buf  []byte
	leaf leaf
	done chan struct{}
}

// pipeline hashes leaves on im.workers goroutines: a reader goroutine
// fills chunk buffers and feeds them to readTee (the tensor layout and
// digests), the workers hash them, and next (on the builder's goroutine)
// takes them back in file order, feeds tee (the whole-file SHA-256), the
// sink and the progress count, and recycles the buffer. At most
// 3·workers+2 chunks are in flight, which bounds memory.
//
// The tensor digests are on the reader because the chunk it has just
// read is still in its core's cache there, and next has less to do before
// it can hand the buffer back. A small gain: BenchmarkHashTensors x-cpu,
// medians of 6 runs alternated with the digests in next, 1.26 -> 1.23
// (sha256=false) and 1.13 -> 1.09 (sha256=true).
type pipeline struct {
	im      *importer
	tee     io.Writer // whole-file digests, in file order
	cancel  context.CancelFunc
	free    chan []byte
	order   chan *chunkJob
	readErr error // set by the reader before it closes order
	wg      sync.WaitGroup
}

func (im *importer) startPipeline(ctx context.Context, r io.Reader, tee, readTee io.Writer) *pipeline {
	ctx, cancel := context.WithCancel(ctx)
	nbuf := 3*im.workers + 2
	p := &pipeline{im: im, tee: tee, cancel: cancel, free: make(chan []byte, nbuf), order: make(chan *chunkJob, nbuf)}
	// sha2-256 leaves of equal length are hashed two at a time: the reader
	// hands the workers chunks in pairs.
	pairs := im.p.HashFunction == SHA2_256 && sha256x2.Available()
	jobs := make(chan []*chunkJob, nbuf)
	for i := 0; i < im.workers; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for batch := range jobs {
				if len(batch) == 2 && len(batch[0].buf) == len(batch[1].buf) {
					batch[0].leaf, batch[1].leaf = makeLeaves2(&im.p, batch[0].buf, batch[1].buf, im.sink != nil)
				} else {
					for _, j := range batch {
						j.leaf = makeLeaf(&im.p, j.buf, im.sink != nil)
					}
				}
				for _, j := range batch {
					close(j.done)
				}
			}
		}()
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		defer close(jobs)
		defer close(p.order)
		// A chunk waiting for its pair is already in p.order, so it must
		// reach a worker however the reader ends.
		var pending *chunkJob
		defer func() {
			if pending != nil {
				jobs <- []*chunkJob{pending}
			}
		}()
		allocated := 0
		var read uint64
		for {
			var buf []byte
			select {
			case buf = <-p.free:
			default:
				if allocated < nbuf {
					allocated++
					buf = im.chunkBuf()
					break
				}
				select {
				case buf = <-p.free:
				case <-ctx.Done():
					p.readErr = ctx.Err()
					return
				}
			}
			if err := ctx.Err(); err != nil {
				p.readErr = err
				return
			}
			n, err := io.ReadFull(r, buf)
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				p.readErr = &readError{offset: read, err: err}
				return
			}
			if n > 0 && readTee != nil {
				if _, terr := readTee.Write(buf[:n]); terr != nil {
					im.chunks.Put(&buf)
					p.readErr = terr
					return
				}
			}
			if n == 0 {
				im.chunks.Put(&buf)
			} else {
				read += uint64(n)
				j := &chunkJob{buf: buf[:n], done: make(chan struct{})}
				p.order <- j
				switch {
				case !pairs:
					jobs <- []*chunkJob{j}
				case pending == nil:
					pending = j
				default:
					jobs <- []*chunkJob{pending, j}
					pending = nil
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return p
}

func (p *pipeline) next(ctx context.Context) (leaf, bool, error) {
	j, ok := <-p.order
	if !ok {
		return leaf{}, false, p.readErr
	}
	<-j.done
	defer func() { p.free <- j.buf[:cap(j.buf)] }()
	if p.tee != nil {
		if _, err := p.tee.Write(j.buf); err != nil {
			return leaf{}, false, err
		}
	}
	if err := p.im.put(ctx, j.leaf.link.Hash, j.leaf.block); err != nil {
		return leaf{}, false, err
	}
	p.im.progress(int64(len(j.buf)))
	return j.leaf, true, nil
}

// stop ends the pipeline, whether or not every leaf was taken, and
// returns the reader's error.
func (p *pipeline) stop() error {
	p.cancel()
	for j := range p.order {
		<-j.done
		buf := j.buf[:cap(j.buf)]
		p.im.chunks.Put(&buf)
	}
	p.wg.Wait()
	for {
		select {
		case buf := <-p.free:
			p.im.chunks.Put(&buf)
			continue
		default:
		}
		break
	}
	if p.readErr == context.Canceled {
		return nil // our own cancel; a caller's shows up in ctx.Err
	}
	return p.readErr
}

// chunkBuf returns a ChunkSize buffer, reused across the files of an
// import so that a dataset of many multi-chunk files does not allocate
// (and clear) fresh megabytes for each.
func (im *importer) chunkBuf() []byte {
	if b, ok := im.chunks.Get().(*[]byte); ok {
		return (*b)[:im.p.ChunkSize]
	}
	return make([]byte, im.p.ChunkSize)
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
