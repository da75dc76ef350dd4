package storage

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/ipfs/go-cid"
)

// CAR limits. A CARv1 file is untrusted input.
const (
	// maxCARHeader bounds the header; with maxCARRoots CIDs of up to 100
	// bytes each it still fits.
	maxCARHeader = 1 << 20
	maxCARRoots  = 8192
	// maxCARSection is a block plus its CID.
	maxCARSection = MaxBlockSize + 1024
)

// ErrMalformedCAR is matched by errors.Is for a CAR file that is not a
// well-formed CARv1.
var ErrMalformedCAR = errors.New("malformed CAR")

// CARError is a malformed CAR at a byte offset.
type CARError struct {
	Offset int64
	Msg    string
}

func (e *CARError) Error() string {
	return fmt.Sprintf("malformed CAR at byte %d: %s", e.Offset, e.Msg)
}

// Unwrap makes the error match ErrMalformedCAR.
func (e *CARError) Unwrap() error { return ErrMalformedCAR }

// ExportOptions says what WriteCAR follows from its roots.
type ExportOptions struct {
	// Artifacts makes the export follow links from DAG-CBOR blocks
	// (manifests) into dag-pb and raw blocks, bundling the artifacts
	// themselves. Without it only DAG-CBOR links are followed: a lineage
	// of manifests, plus the roots given (envelopes, say).
	Artifacts bool
	// SkipMissing leaves out linked blocks the store does not hold
	// instead of failing. Roots must always be present.
	SkipMissing bool
}

// WriteCAR writes a CARv1 bundle of roots and the blocks reachable from
// them to w, each block once, in depth-first pre-order (as `ipfs dag
// export` does). Every block is read through the store, so verified.
func WriteCAR(ctx context.Context, w io.Writer, s Store, roots []cid.Cid, opts *ExportOptions) error {
	var o ExportOptions
	if opts != nil {
		o = *opts
	}
	if len(roots) == 0 {
		return errors.New("a CAR needs at least one root")
	}
	if len(roots) > maxCARRoots {
		return fmt.Errorf("%d roots, more than %d", len(roots), maxCARRoots)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, err := bw.Write(encodeCARHeader(roots)); err != nil {
		return err
	}
	seen := map[cid.Cid]bool{}
	var section []byte
	var visit func(c cid.Cid, fromCBOR, isRoot bool, depth int) error
	visit = func(c cid.Cid, fromCBOR, isRoot bool, depth int) error {
		if seen[key(c)] {
			return nil
		}
		if depth > 4096 {
			return fmt.Errorf("DAG deeper than 4096 levels at %s", c)
		}
		if fromCBOR && !o.Artifacts && c.Type() != cid.DagCBOR {
			return nil
		}
		seen[key(c)] = true
		data, err := s.GetBlock(ctx, c)
		if errors.Is(err, ErrNotFound) && o.SkipMissing && !isRoot {
			return nil
		}
		if err != nil {
			return err
		}
		cb := c.Bytes()
		section = binary.AppendUvarint(section[:0], uint64(len(cb)+len(data)))
		section = append(section, cb...)
		if _, err := bw.Write(section); err != nil {
			return err
		}
		if _, err := bw.Write(data); err != nil {
			return err
		}
		links, err := Links(c, data)
		if err != nil {
			return err
		}
		for _, l := range links {
			if err := visit(l, c.Type() == cid.DagCBOR, false, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	for _, r := range roots {
		if err := visit(r, false, true, 0); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// encodeCARHeader writes the DAG-CBOR map {"roots": [CID...], "version": 1}
// with its varint length prefix. Keys are in DAG-CBOR order (length first).
func encodeCARHeader(roots []cid.Cid) []byte {
	var h []byte
	h = append(h, 0xa2)
	h = append(h, 0x65)
	h = append(h, "roots"...)
	h = ipld.AppendHead(h, 4, uint64(len(roots)))
	for _, r := range roots {
		b := r.Bytes()
		h = append(h, 0xd8, 0x2a) // tag 42
		h = ipld.AppendHead(h, 2, uint64(len(b)+1))
		h = append(h, 0x00)
		h = append(h, b...)
	}
	h = append(h, 0x67)
	h = append(h, "version"...)
	h = append(h, 0x01)
	return append(binary.AppendUvarint(nil, uint64(len(h))), h...)
}

// CARReader reads a CARv1 stream block by block, verifying each block
// against its CID. Use it to inspect a CAR; ImportCAR stores one.
type CARReader struct {
	r     *bufio.Reader
	off   int64
	roots []cid.Cid
}

// NewCARReader reads and checks the header of a CARv1 stream.
func NewCARReader(r io.Reader) (*CARReader, error) {
	cr := &CARReader{r: bufio.NewReaderSize(r, 1<<20)}
	n, err := cr.uvarint()
	if err == io.EOF {
		return nil, &CARError{Offset: 0, Msg: "empty file, expected a CARv1 header"}
	}
	if err != nil {
		return nil, err
	}
	if n == 0 || n > maxCARHeader {
		return nil, &CARError{Offset: 0, Msg: fmt.Sprintf("header length %d, want 1 to %d", n, maxCARHeader)}
	}
	h := make([]byte, n)
	if _, err := io.ReadFull(cr.r, h); err != nil {
		return nil, &CARError{Offset: cr.off, Msg: fmt.Sprintf("truncated header: its length prefix says %d bytes", n)}
	}
	base := cr.off
	cr.off += int64(n)
	roots, err := decodeCARHeader(h)
	if err != nil {
		var ce *CARError
		if errors.As(err, &ce) {
			ce.Offset += base
		}
		return nil, err
	}
	cr.roots = roots
	return cr, nil
}

// Roots returns the roots the header names.
func (cr *CARReader) Roots() []cid.Cid { return cr.roots }

// uvarint reads a minimal varint; io.EOF only at a clean section boundary.
func (cr *CARReader) uvarint() (uint64, error) {
	start := cr.off
	var v uint64
	for i := 0; ; i++ {
		c, err := cr.r.ReadByte()
		if err != nil {
			if err == io.EOF && i == 0 {
				return 0, io.EOF
			}
			if err == io.EOF {
				return 0, &CARError{Offset: start, Msg: "truncated varint"}
			}
			return 0, err
		}
		cr.off++
		if i == 9 && c > 1 {
			return 0, &CARError{Offset: start, Msg: "varint overflows 64 bits"}
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			if c == 0 && i > 0 {
				return 0, &CARError{Offset: start, Msg: "varint not minimally encoded"}
			}
			return v, nil
		}
	}
}

// Next returns the next block, verified against its CID, or io.EOF after
// the last one. The returned slice is the caller's.
func (cr *CARReader) Next() (cid.Cid, []byte, error) {
	start := cr.off
	n, err := cr.uvarint()
	if err != nil {
		return cid.Undef, nil, err
	}
	if n == 0 || n > maxCARSection {
		return cid.Undef, nil, &CARError{Offset: start, Msg: fmt.Sprintf("section length %d, want 1 to %d", n, maxCARSection)}
	}
	sec := make([]byte, n)
	if _, err := io.ReadFull(cr.r, sec); err != nil {
		return cid.Undef, nil, &CARError{Offset: start, Msg: fmt.Sprintf("truncated section: want %d bytes", n)}
	}
	cidOff := cr.off
	cr.off += int64(n)
	cl, c, err := cid.CidFromBytes(sec)
	if err != nil {
		return cid.Undef, nil, &CARError{Offset: cidOff, Msg: fmt.Sprintf("bad CID: %v", err)}
	}
	data := sec[cl:]
	if err := checkSize(c, len(data)); err != nil {
		return cid.Undef, nil, err
	}
	if err := Verify(c, data, fmt.Sprintf("CAR section at byte %d", start)); err != nil {
		return cid.Undef, nil, err
	}
	return c, data, nil
}

// decodeCARHeader accepts exactly a canonical DAG-CBOR map of "roots" (a
// list of 1 to maxCARRoots CID links) and "version" (1), read with the
// codec that reads manifests.
func decodeCARHeader(h []byte) ([]cid.Cid, error) {
	fail := func(err error) error {
		var ie *ipld.Error
		if errors.As(err, &ie) {
			msg := ie.Err.Error()
			if ie.Path != "" {
				msg = ie.Path + ": " + msg
			}
			return &CARError{Offset: max(ie.Offset, 0), Msg: "header: " + msg}
		}
		return &CARError{Msg: "header: " + err.Error()}
	}
	r, err := ipld.NewCBORReader(h, ipld.Limits{MaxSize: maxCARHeader, MaxDepth: 2, MaxListLen: maxCARRoots})
	if err != nil {
		return nil, fail(err)
	}
	var roots []cid.Cid
	version := int64(-1)
	n, err := r.Map(func(k []byte) error {
		switch string(k) {
		case "version":
			v, err := r.Int()
			if err == nil && v != 1 {
				return r.Errorf("version %d; only CARv1 is supported", v)
			}
			version = v
			return err
		case "roots":
			return r.List(func(i, n int) error {
				if i == 0 {
					roots = make([]cid.Cid, n)
				}
				var err error
				roots[i], err = r.Link()
				return err
			})
		}
		return r.Errorf("unexpected key %q", k)
	})
	if err == nil {
		err = r.Done()
	}
	switch {
	case err != nil:
		return nil, fail(err)
	case n != 2 || version != 1:
		return nil, &CARError{Msg: fmt.Sprintf("header: map of %d entries, want roots and version", n)}
	case len(roots) == 0:
		return nil, &CARError{Msg: fmt.Sprintf("header: 0 roots, want 1 to %d", maxCARRoots)}
	}
	return roots, nil
}

// ImportResult says what ImportCAR stored.
type ImportResult struct {
	Roots  []cid.Cid
	Blocks int // blocks read (and stored, duplicates included)
	// MissingRoots are roots the CAR named but did not carry.
	MissingRoots []cid.Cid
}

// ImportCAR reads a CARv1 bundle from r into s, verifying every block
// against its CID before storing it. Blocks that are roots are stored
// last, once every other block is in, so a failed import never leaves a
// root visible without the blocks that came with it. A malformed CAR is a
// *CARError naming the byte offset; a block that does not match its CID is
// a *CorruptError; blocks stored before either stay (they are valid).
func ImportCAR(ctx context.Context, r io.Reader, s Store) (ImportResult, error) {
	cr, err := NewCARReader(r)
	if err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Roots: cr.Roots()}
	isRoot := map[cid.Cid]bool{}
	for _, rc := range cr.Roots() {
		isRoot[key(rc)] = true
	}
	held := map[cid.Cid][]byte{}
	var heldBytes int
	// Non-root blocks are written without waiting on each (as Put does)
	// and made durable together before the roots are written.
	var batch blockBatch
	if b, ok := s.(batcher); ok {
		batch = b.newBatch()
	}
	for {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		c, data, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return res, err
		}
		res.Blocks++
		if isRoot[key(c)] {
			if _, dup := held[key(c)]; !dup {
				heldBytes += len(data)
				if heldBytes > 64<<20 {
					return res, fmt.Errorf("root blocks exceed 64 MiB")
				}
				held[key(c)] = data
			}
			continue
		}
		if batch != nil {
			err = batch.put(c, data)
		} else {
			err = putOne(ctx, s, c, data)
		}
		if err != nil {
			return res, err
		}
	}
	if batch != nil {
		if err := batch.sync(ctx); err != nil {
			return res, err
		}
	}
	for _, rc := range cr.Roots() {
		data, ok := held[key(rc)]
		if !ok {
			if has, _ := s.Has(ctx, rc); !has {
				res.MissingRoots = append(res.MissingRoots, rc)
			}
			continue
		}
		if err := putOne(ctx, s, rc, data); err != nil {
			return res, err
		}
	}
	return res, nil
}
