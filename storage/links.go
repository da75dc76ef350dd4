package storage

import (
	"errors"
	"fmt"

	"github.com/aiprov/aiprov/internal/cidcheck"
	"github.com/aiprov/aiprov/internal/dagpb"
	"github.com/ipfs/go-cid"
)

// Links returns the CIDs a block links to: the links of a dag-pb node, the
// tag-42 links anywhere in a DAG-CBOR block, none for raw blocks. Other
// codecs are an error.
func Links(c cid.Cid, data []byte) ([]cid.Cid, error) {
	switch c.Type() {
	case cid.Raw:
		return nil, nil
	case cid.DagProtobuf:
		n, err := dagpb.Decode(data)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", c, err)
		}
		out := make([]cid.Cid, len(n.Links))
		for i, l := range n.Links {
			if err := cidcheck.Check(l.Hash); err != nil {
				return nil, fmt.Errorf("block %s: link %d: %w", c, i, err)
			}
			out[i] = l.Hash
		}
		return out, nil
	case cid.DagCBOR:
		links, err := cborLinks(data)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", c, err)
		}
		return links, nil
	}
	return nil, fmt.Errorf("block %s: cannot follow links of codec %s", c, codecName(c.Type()))
}

// ErrMalformedCBOR is matched by errors.Is for a DAG-CBOR block that the
// link scanner cannot walk.
var ErrMalformedCBOR = errors.New("malformed DAG-CBOR")

// maxCBORDepth bounds nesting in a DAG-CBOR block.
const maxCBORDepth = 128

// cborLinks walks one DAG-CBOR item, strictly (definite lengths, only tag
// 42, which must hold a byte string of 0x00 then a CID), collecting links.
// It checks structure, not canonical form: that is the manifest decoder's
// job.
func cborLinks(b []byte) ([]cid.Cid, error) {
	w := cborWalker{b: b}
	if err := w.item(0); err != nil {
		return nil, err
	}
	if w.off != len(b) {
		return nil, w.fail("%d trailing bytes after the top-level item", len(b)-w.off)
	}
	return w.links, nil
}

type cborWalker struct {
	b     []byte
	off   int
	links []cid.Cid
}

func (w *cborWalker) fail(format string, args ...any) error {
	return fmt.Errorf("%w at byte %d: %s", ErrMalformedCBOR, w.off, fmt.Sprintf(format, args...))
}

// head reads an item head: major type and argument.
func (w *cborWalker) head() (major byte, arg uint64, err error) {
	if w.off >= len(w.b) {
		return 0, 0, w.fail("unexpected end of data")
	}
	ib := w.b[w.off]
	w.off++
	major, info := ib>>5, ib&0x1f
	switch {
	case info < 24:
		return major, uint64(info), nil
	case info <= 27:
		n := 1 << (info - 24)
		if len(w.b)-w.off < n {
			return 0, 0, w.fail("truncated item head")
		}
		for _, c := range w.b[w.off : w.off+n] {
			arg = arg<<8 | uint64(c)
		}
		w.off += n
		return major, arg, nil
	}
	return 0, 0, w.fail("indefinite length or reserved additional info %d (not allowed in DAG-CBOR)", info)
}

func (w *cborWalker) item(depth int) error {
	if depth > maxCBORDepth {
		return w.fail("nested deeper than %d", maxCBORDepth)
	}
	start := w.off
	major, arg, err := w.head()
	if err != nil {
		return err
	}
	switch major {
	case 0, 1: // integers
		return nil
	case 2, 3: // byte and text strings
		if arg > uint64(len(w.b)-w.off) {
			w.off = start
			return w.fail("string of %d bytes runs past the end", arg)
		}
		w.off += int(arg)
		return nil
	case 4, 5: // arrays and maps
		n := arg
		if major == 5 {
			if n > uint64(len(w.b)) {
				return w.fail("map of %d entries cannot fit", arg)
			}
			n *= 2
		}
		// Every item takes at least one byte: a count larger than what is
		// left is malformed, and this bounds the loop.
		if n > uint64(len(w.b)-w.off) {
			w.off = start
			return w.fail("%d items cannot fit in %d bytes", n, len(w.b)-w.off)
		}
		for range n {
			if err := w.item(depth + 1); err != nil {
				return err
			}
		}
		return nil
	case 6: // tags
		if arg != 42 {
			w.off = start
			return w.fail("tag %d (DAG-CBOR allows only 42)", arg)
		}
		major, n, err := w.head()
		if err != nil {
			return err
		}
		if major != 2 || n > uint64(len(w.b)-w.off) || n < 2 {
			return w.fail("tag 42 must hold a byte string holding a CID")
		}
		raw := w.b[w.off : w.off+int(n)]
		if raw[0] != 0 {
			return w.fail("CID link does not start with the 0x00 multibase prefix")
		}
		c, err := cid.Cast(raw[1:])
		if err != nil {
			return w.fail("bad CID link: %v", err)
		}
		if err := cidcheck.Check(c); err != nil {
			return fmt.Errorf("link at byte %d: %w", w.off, err)
		}
		w.links = append(w.links, c)
		w.off += int(n)
		return nil
	case 7: // simple values and floats
		switch {
		case arg == 20 || arg == 21 || arg == 22: // false, true, null
			return nil
		case w.b[start]&0x1f == 27: // float64
			return nil
		}
		w.off = start
		return w.fail("simple value or float not allowed in DAG-CBOR (only false, true, null, float64)")
	}
	return nil
}
