package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"
	"sync"

	"github.com/aiprov/aiprov/internal/cidcheck"
	"github.com/aiprov/aiprov/internal/dagpb"
	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// Limits on reading a DAG back, which may come from an untrusted store or
// CAR file.
const (
	// maxDepth bounds the depth of a file or directory DAG: a directory
	// tree as deep as provenance.Hash accepts (so what Put stores, GetPath
	// gives back). A balanced file DAG of 174-link nodes is 7 levels deep
	// at 2^64 bytes.
	maxDepth = provenance.MaxTreeDepth
	// prefetch is how many block reads (single blocks or pairs of leaves)
	// run or wait ahead of the reader, across all levels of the DAG
	// together: memory does not grow with depth or fanout.
	prefetch = 8
	// maxPathLinks bounds the links held by the nodes on the path from the
	// root to the block being read: a balanced DAG of 1024-link nodes
	// holds at most 7,168 at 2^64 bytes, a trickle DAG not many more. With
	// prefetch, it bounds a read's memory whatever the DAG's shape: about
	// (3*prefetch+2) blocks plus maxPathLinks links (~100 bytes each).
	maxPathLinks = 1 << 16
)

// ErrNotFile is matched by errors.Is when Get is asked for something that
// is not a file (a directory, a symlink).
var ErrNotFile = errors.New("not a file")

// ErrNotDirectory is matched by errors.Is when ReadDir is asked for
// something that is not a UnixFS directory.
var ErrNotDirectory = errors.New("not a directory")

// ErrMalformedDAG is matched by errors.Is for a DAGError.
var ErrMalformedDAG = errors.New("malformed UnixFS DAG")

// DAGError says what is wrong with a DAG read back from a store: a block
// that does not decode as dag-pb/UnixFS (Msg names the byte offset), or
// blocks that do not form a valid UnixFS file or directory.
type DAGError struct {
	CID cid.Cid // the offending block
	Msg string
}

// Unwrap makes the error match ErrMalformedDAG.
func (e *DAGError) Unwrap() error { return ErrMalformedDAG }

func (e *DAGError) Error() string {
	return fmt.Sprintf("invalid UnixFS DAG at block %s: %s", e.CID, e.Msg)
}

// getBlock reads a block, handling identity CIDs (the data is in the CID).
func getBlock(ctx context.Context, s Store, c cid.Cid) ([]byte, error) {
	if d, ok, err := identityData(c); ok {
		return d, err
	}
	return s.GetBlock(ctx, c)
}

// identityData returns the data inlined in an identity CID; ok is false
// for other CIDs. Identity CIDs above provenance's 128-byte limit are
// refused.
func identityData(c cid.Cid) (data []byte, ok bool, err error) {
	if c.Prefix().MhType != mh.IDENTITY {
		return nil, false, nil
	}
	if err := cidcheck.Check(c); err != nil {
		return nil, true, err
	}
	d, err := mh.Decode(c.Hash())
	if err != nil {
		return nil, true, err
	}
	return d.Digest, true, nil
}

// node is a decoded UnixFS dag-pb node or a raw block.
type node struct {
	c      cid.Cid
	raw    []byte // content of a raw (codec 0x55) block
	pooled bool   // raw is a fileReader buffer, to recycle once read
	pb     *dagpb.Node
	unixf  *dagpb.UnixFS
}

func loadNode(ctx context.Context, s Store, c cid.Cid) (*node, error) {
	data, err := getBlock(ctx, s, c)
	if err != nil {
		return nil, err
	}
	return decodeNode(c, data)
}

func decodeNode(c cid.Cid, data []byte) (*node, error) {
	switch c.Type() {
	case cid.Raw:
		return &node{c: c, raw: data}, nil
	case cid.DagProtobuf:
		pb, err := dagpb.Decode(data)
		if err != nil {
			return nil, &DAGError{CID: c, Msg: err.Error()}
		}
		if !pb.HasData {
			return nil, &DAGError{CID: c, Msg: "dag-pb node has no UnixFS Data"}
		}
		u, err := dagpb.DecodeUnixFS(pb.Data)
		if err != nil {
			return nil, &DAGError{CID: c, Msg: err.Error() + " (in the Data field)"}
		}
		return &node{c: c, pb: pb, unixf: u}, nil
	}
	return nil, &DAGError{CID: c, Msg: fmt.Sprintf("codec %s is not UnixFS (dag-pb or raw)", codecName(c.Type()))}
}

func codecName(codec uint64) string {
	switch codec {
	case cid.Raw:
		return "raw"
	case cid.DagProtobuf:
		return "dag-pb"
	case cid.DagCBOR:
		return "dag-cbor"
	case cid.DagJSON:
		return "dag-json"
	}
	return "0x" + strconv.FormatUint(codec, 16)
}

func (n *node) isFile() bool {
	return n.pb == nil || n.unixf.Type == dagpb.TypeFile || n.unixf.Type == dagpb.TypeRaw
}

func (n *node) isDir() bool {
	return n.pb != nil && (n.unixf.Type == dagpb.TypeDirectory || n.unixf.Type == dagpb.TypeHAMTShard)
}

// fileSize is the content size a file node declares.
func (n *node) fileSize() uint64 {
	if n.pb == nil {
		return uint64(len(n.raw))
	}
	if n.unixf.HasFileSize {
		return n.unixf.FileSize
	}
	size := uint64(len(n.unixf.Data))
	for _, b := range n.unixf.BlockSizes {
		size += b
	}
	return size
}

// Get returns the content of the UnixFS file or raw block c as a stream.
// Every block is verified against its CID before any of its bytes are
// returned, and the DAG's structure (sizes, types, depth) is checked as it
// is read: a read that hits a missing, corrupt or malformed block returns
// that error, never wrong bytes. Leaves are fetched a few at a time ahead of
// the reader. Close releases them.
func Get(ctx context.Context, s Store, c cid.Cid) (io.ReadCloser, error) {
	root, err := loadNode(ctx, s, c)
	if err != nil {
		return nil, err
	}
	if !root.isFile() {
		return nil, fmt.Errorf("%s is a UnixFS %s: %w", c, root.unixf.Type, ErrNotFile)
	}
	ctx, cancel := context.WithCancel(ctx)
	r := &fileReader{cancel: cancel, chunks: make(chan chunk, prefetch), free: make(chan []byte, 2*prefetch+2), budget: make(chan struct{}, prefetch)}
	go func() {
		_, err := r.emitFile(ctx, s, root, 0)
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		r.err = err
		close(r.chunks)
	}()
	return r, nil
}

// blockReaderInto is implemented by stores that can read a block into a
// given buffer, so that a streaming read recycles its buffers instead of
// allocating (and faulting in) fresh memory for every block.
type blockReaderInto interface {
	getBlockInto(ctx context.Context, c cid.Cid, buf []byte) ([]byte, error)
}

// blockPairReaderInto is implemented by stores that can read and verify
// two blocks at once (see Dir.getBlocksInto2).
type blockPairReaderInto interface {
	getBlocksInto2(ctx context.Context, a, b cid.Cid, bufA, bufB []byte) (da, db []byte, errA, errB error)
}

// chunk is a piece of file content on its way to the reader.
type chunk struct {
	b      []byte
	pooled bool // b is a whole recyclable buffer
}

// fileReader streams a file DAG that a goroutine walks in order.
type fileReader struct {
	cancel context.CancelFunc
	chunks chan chunk
	err    error // set before chunks is closed
	free   chan []byte

	cur    []byte // unread part of the current chunk
	curBuf chunk
	closed bool

	// budget holds a token per read running or waiting ahead of the
	// walker, shared by every level; pathLinks counts the links of the
	// nodes being walked. Both belong to the walking goroutine.
	budget    chan struct{}
	pathLinks int
}

func (r *fileReader) getBuf() []byte {
	select {
	case b := <-r.free:
		return b
	default:
		return nil
	}
}

// release recycles the current chunk's buffer once it has been read.
func (r *fileReader) release() {
	if r.curBuf.pooled {
		select {
		case r.free <- r.curBuf.b:
		default:
		}
	}
	r.curBuf = chunk{}
}

// next moves to the next chunk; ok is false at the end.
func (r *fileReader) next() bool {
	r.release()
	c, ok := <-r.chunks
	if !ok {
		return false
	}
	r.curBuf, r.cur = c, c.b
	return true
}

// load reads a child block; raw leaves go into recycled buffers.
func (r *fileReader) load(ctx context.Context, s Store, c cid.Cid) (*node, error) {
	if br, ok := s.(blockReaderInto); ok && c.Type() == cid.Raw && c.Prefix().MhType != mh.IDENTITY {
		data, err := br.getBlockInto(ctx, c, r.getBuf())
		if err != nil {
			return nil, err
		}
		return &node{c: c, raw: data, pooled: true}, nil
	}
	return loadNode(ctx, s, c)
}

// pairLoader returns a loader of two raw leaves at once into recycled
// buffers, or nil if s cannot verify two blocks together.
func (r *fileReader) pairLoader(s Store) pairLoader {
	br, ok := s.(blockPairReaderInto)
	if !ok {
		return nil
	}
	return func(ctx context.Context, a, b cid.Cid) (na, nb *node, errA, errB error) {
		da, db, errA, errB := br.getBlocksInto2(ctx, a, b, r.getBuf(), r.getBuf())
		if errA == nil {
			na = &node{c: a, raw: da, pooled: true}
		}
		if errB == nil {
			nb = &node{c: b, raw: db, pooled: true}
		}
		return na, nb, errA, errB
	}
}

func (r *fileReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.closed {
			return 0, errors.New("read after close")
		}
		if !r.next() {
			if r.err != nil {
				return 0, r.err
			}
			return 0, io.EOF
		}
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// WriteTo lets io.Copy hand whole blocks to the writer (which, as an
// io.Writer, does not keep them: the buffers are recycled).
func (r *fileReader) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for {
		if len(r.cur) == 0 {
			if !r.next() {
				return total, r.err
			}
			continue
		}
		n, err := w.Write(r.cur)
		total += int64(n)
		r.cur = r.cur[n:]
		if err != nil {
			return total, err
		}
	}
}

func (r *fileReader) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	r.cancel()
	for range r.chunks { // let the walker exit
	}
	return nil
}

func (r *fileReader) send(ctx context.Context, b []byte, pooled bool) error {
	if len(b) == 0 {
		return nil
	}
	select {
	case r.chunks <- chunk{b, pooled}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// emitFile sends the content of file node n and returns its length,
// checking it against what the node declares.
func (r *fileReader) emitFile(ctx context.Context, s Store, n *node, depth int) (uint64, error) {
	if depth > maxDepth {
		return 0, &DAGError{CID: n.c, Msg: fmt.Sprintf("file DAG deeper than %d levels", maxDepth)}
	}
	if n.pb == nil {
		return uint64(len(n.raw)), r.send(ctx, n.raw, n.pooled)
	}
	if !n.isFile() {
		return 0, &DAGError{CID: n.c, Msg: fmt.Sprintf("UnixFS %s inside a file", n.unixf.Type)}
	}
	u := n.unixf
	if u.HasFanout || u.HasHashType {
		return 0, &DAGError{CID: n.c, Msg: "file node carries HAMT fields (fanout, hashType)"}
	}
	links := n.pb.Links
	if len(links) != len(u.BlockSizes) {
		return 0, &DAGError{CID: n.c, Msg: fmt.Sprintf("%d links but %d blocksizes", len(links), len(u.BlockSizes))}
	}
	want := uint64(len(u.Data))
	for _, bs := range u.BlockSizes {
		if want+bs < want {
			return 0, &DAGError{CID: n.c, Msg: "blocksizes overflow"}
		}
		want += bs
	}
	if u.HasFileSize && u.FileSize != want {
		return 0, &DAGError{CID: n.c, Msg: fmt.Sprintf("filesize %d but data and blocksizes add up to %d", u.FileSize, want)}
	}
	r.pathLinks += len(links)
	defer func() { r.pathLinks -= len(links) }()
	if r.pathLinks > maxPathLinks {
		return 0, &DAGError{CID: n.c, Msg: fmt.Sprintf("more than %d links on the path from the root to this node", maxPathLinks)}
	}
	if err := r.send(ctx, u.Data, false); err != nil {
		return 0, err
	}
	got := uint64(len(u.Data))
	// The node stays on the path while its children are read: keep only
	// its links, not the block (its data is the reader's now).
	n.pb.Data, u.Data = nil, nil
	load := func(ctx context.Context, c cid.Cid) (*node, error) { return r.load(ctx, s, c) }
	err := fetchOrdered(ctx, r.budget, load, r.pairLoader(s), links, func(i int, child *node) error {
		m, err := r.emitFile(ctx, s, child, depth+1)
		if err != nil {
			return err
		}
		if m != u.BlockSizes[i] {
			return &DAGError{CID: n.c, Msg: fmt.Sprintf("link %d (%s) holds %d bytes, blocksizes says %d", i, child.c, m, u.BlockSizes[i])}
		}
		got += m
		return nil
	})
	return got, err
}

// fetchOrdered loads the blocks of links and calls fn on each in order.
// The next block needed is always loaded; reads further ahead each take a
// token from budget, shared with the levels above and below, and give it
// back when fn gets their block. With loadPair set, two consecutive raw
// sha2-256 leaves are loaded (and verified) by one call.
func fetchOrdered(ctx context.Context, budget chan struct{}, load func(context.Context, cid.Cid) (*node, error), loadPair pairLoader, links []dagpb.Link, fn func(i int, n *node) error) error {
	type result struct {
		n   *node
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]chan result, len(links))
	token := make([]bool, len(links)) // results[i] holds a budget token
	var wg sync.WaitGroup
	defer func() {
		wg.Wait()
		for i, t := range token {
			if t {
				<-budget
				token[i] = false
			}
		}
	}()
	// start begins loading link i (and i+1 when they pair) and returns
	// how many links it took.
	start := func(i int) int {
		results[i] = make(chan result, 1)
		if loadPair != nil && i+1 < len(links) && pairable(links[i].Hash) && pairable(links[i+1].Hash) {
			results[i+1] = make(chan result, 1)
			wg.Add(1)
			go func(a, b cid.Cid, ra, rb chan result) {
				defer wg.Done()
				na, nb, errA, errB := loadPair(ctx, a, b)
				ra <- result{na, errA}
				rb <- result{nb, errB}
			}(links[i].Hash, links[i+1].Hash, results[i], results[i+1])
			return 2
		}
		wg.Add(1)
		go func(c cid.Cid, ch chan result) {
			defer wg.Done()
			n, err := load(ctx, c)
			ch <- result{n, err}
		}(links[i].Hash, results[i])
		return 1
	}
	next := 0
	for i := range links {
		if next == i {
			next += start(next)
		}
	ahead:
		for next < len(links) && next < i+prefetch {
			select {
			case budget <- struct{}{}:
				token[next] = true
				next += start(next)
			default:
				break ahead
			}
		}
		res := <-results[i]
		if token[i] {
			<-budget
			token[i] = false
		}
		if res.err != nil {
			return res.err
		}
		if err := fn(i, res.n); err != nil {
			return err
		}
	}
	return nil
}

// pairLoader loads two blocks at once; an error for one does not affect
// the other.
type pairLoader func(ctx context.Context, a, b cid.Cid) (na, nb *node, errA, errB error)

// pairable reports whether c is a leaf that a pairLoader takes.
func pairable(c cid.Cid) bool { return c.Type() == cid.Raw && isSHA256(c) }

// Entry is one entry of a UnixFS directory.
type Entry struct {
	Name string
	CID  cid.Cid
	Size uint64 // the link's Tsize: the entry's DAG size as the directory records it
}

// ReadDir returns the entries of the UnixFS directory c (a plain directory
// or a HAMT-sharded one), in the directory's order. Entry names are checked:
// empty names, ".", "..", and names holding "/" or NUL are errors, as are
// duplicates.
func ReadDir(ctx context.Context, s Store, c cid.Cid) ([]Entry, error) {
	n, err := loadNode(ctx, s, c)
	if err != nil {
		return nil, err
	}
	if !n.isDir() {
		kind := "raw block"
		if n.pb != nil {
			kind = "UnixFS " + n.unixf.Type.String()
		}
		return nil, fmt.Errorf("%s is a %s: %w", c, kind, ErrNotDirectory)
	}
	var entries []Entry
	seen := map[string]bool{}
	add := func(e Entry, at cid.Cid) error {
		if err := checkEntryName(e.Name); err != nil {
			return &DAGError{CID: at, Msg: err.Error()}
		}
		if seen[e.Name] {
			return &DAGError{CID: at, Msg: fmt.Sprintf("duplicate entry %q", e.Name)}
		}
		seen[e.Name] = true
		entries = append(entries, e)
		return nil
	}
	if n.unixf.Type == dagpb.TypeDirectory {
		for _, l := range n.pb.Links {
			if err := add(Entry{Name: l.Name, CID: l.Hash, Size: l.Tsize}, c); err != nil {
				return nil, err
			}
		}
		return entries, nil
	}
	var visited int
	if err := readShard(ctx, s, n, 0, &visited, add); err != nil {
		return nil, err
	}
	return entries, nil
}

// maxEntries bounds a HAMT directory, which may otherwise fan out without
// end.
const maxEntries = 1 << 24

// readShard walks a HAMT shard node (UnixFS type 5), as written by boxo:
// fanout a power of two, murmur3-x64-64 hashing, link names prefixed by the
// bucket index in upper-case hex, a name of just the prefix is a sub-shard.
// Entries are collected without rehashing names: reading needs no lookup.
func readShard(ctx context.Context, s Store, n *node, depth int, visited *int, add func(Entry, cid.Cid) error) error {
	// Shards may be shared within the DAG; counting links visited, not
	// entries, bounds the work a crafted HAMT can cause.
	*visited += len(n.pb.Links)
	if *visited > maxEntries {
		return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT directory has more than %d links", maxEntries)}
	}
	if depth > maxDepth {
		return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT deeper than %d levels", maxDepth)}
	}
	u := n.unixf
	if u.Type != dagpb.TypeHAMTShard {
		return &DAGError{CID: n.c, Msg: fmt.Sprintf("expected a HAMT shard, found UnixFS %s", u.Type)}
	}
	if !u.HasHashType || u.HashType != mh.MURMUR3X64_64 {
		return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT hash type %#x, want murmur3-x64-64 (0x22)", u.HashType)}
	}
	if !u.HasFanout || u.Fanout < 2 || u.Fanout > 1024 || u.Fanout&(u.Fanout-1) != 0 {
		return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT fanout %d, want a power of two from 2 to 1024", u.Fanout)}
	}
	padLen := len(strconv.FormatUint(u.Fanout-1, 16))
	if uint64(len(u.Data)) > (u.Fanout+7)/8 {
		return &DAGError{CID: n.c, Msg: "HAMT bitfield longer than the fanout"}
	}
	pop := 0
	for _, b := range u.Data {
		pop += bits.OnesCount8(b)
	}
	if pop != len(n.pb.Links) {
		return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT bitfield has %d bits set for %d links", pop, len(n.pb.Links))}
	}
	used := map[uint64]bool{}
	for _, l := range n.pb.Links {
		if len(l.Name) < padLen {
			return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT link name %q shorter than its %d-character prefix", l.Name, padLen)}
		}
		prefix := l.Name[:padLen]
		idx, err := strconv.ParseUint(prefix, 16, 64)
		if err != nil || strings.ToUpper(prefix) != prefix || idx >= u.Fanout {
			return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT link name %q does not start with a bucket index", l.Name)}
		}
		if used[idx] {
			return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT bucket %s used twice", prefix)}
		}
		used[idx] = true
		// The bitfield is big-endian: bucket 0 is the lowest bit of the
		// last byte.
		byteIdx := len(u.Data) - 1 - int(idx/8)
		if byteIdx < 0 || u.Data[byteIdx]&(1<<(idx%8)) == 0 {
			return &DAGError{CID: n.c, Msg: fmt.Sprintf("HAMT bucket %s is not set in the bitfield", prefix)}
		}
		if len(l.Name) == padLen {
			child, err := loadNode(ctx, s, l.Hash)
			if err != nil {
				return err
			}
			if child.pb == nil {
				return &DAGError{CID: child.c, Msg: "HAMT sub-shard is a raw block"}
			}
			if err := readShard(ctx, s, child, depth+1, visited, add); err != nil {
				return err
			}
			continue
		}
		if err := add(Entry{Name: l.Name[padLen:], CID: l.Hash, Size: l.Tsize}, n.c); err != nil {
			return err
		}
	}
	return nil
}

// checkEntryName refuses names that would escape or clobber when written
// to a file system.
func checkEntryName(name string) error {
	switch {
	case name == "":
		return errors.New("entry with an empty name")
	case name == "." || name == "..":
		return fmt.Errorf("entry named %q", name)
	case strings.ContainsAny(name, "/\x00"):
		return fmt.Errorf("entry name %q holds a slash or NUL", name)
	case strings.Contains(name, `\`):
		// Would be a path separator on Windows.
		return fmt.Errorf("entry name %q holds a backslash", name)
	}
	return nil
}
