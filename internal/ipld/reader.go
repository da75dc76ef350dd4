package ipld

import (
	"bytes"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/ipfs/go-cid"
)

// CBORReader reads canonical DAG-CBOR one item at a time into typed Go
// values, with the same strictness as DecodeCBOR but without building maps
// of interfaces: the fast path for decoding a known schema. Errors are
// *Error values with the path and byte offset of the offending item.
type CBORReader struct {
	d     cborDecoder
	depth int
}

// NewCBORReader reads data, which must not exceed lim.MaxSize.
func NewCBORReader(data []byte, lim Limits) (*CBORReader, error) {
	r := &CBORReader{}
	if err := r.Reset(data, lim); err != nil {
		return nil, err
	}
	return r, nil
}

// Reset makes r read data from the start, as NewCBORReader would, keeping
// the memory r allocated for earlier documents.
func (r *CBORReader) Reset(data []byte, lim Limits) error {
	if lim.MaxSize > 0 && len(data) > lim.MaxSize {
		return errorf(-1, nil, ErrLimit, "document is %d bytes, more than the limit of %d", len(data), lim.MaxSize)
	}
	*r = CBORReader{d: cborDecoder{data: data, lim: lim, path: r.d.path[:0]}}
	return nil
}

// Errorf returns an *Error at the current path and offset.
func (r *CBORReader) Errorf(format string, args ...any) error {
	return &Error{Offset: int64(r.d.pos), Path: r.d.path.String(), Err: fmt.Errorf(format, args...)}
}

// Path returns the current path, e.g. "parents[2].share".
func (r *CBORReader) Path() string { return r.d.path.String() }

// Done checks that the whole input was read.
func (r *CBORReader) Done() error {
	if r.d.pos != len(r.d.data) {
		return errorf(int64(r.d.pos), nil, ErrSyntax, "%d bytes after the end of the document", len(r.d.data)-r.d.pos)
	}
	return nil
}

// kindAt names the kind of the item starting at off, for type errors.
func (r *CBORReader) kindAt(off int) string {
	if off >= len(r.d.data) {
		return "end of data"
	}
	b := r.d.data[off]
	switch b >> 5 {
	case majUint, majNegint:
		return "an integer"
	case majBytes:
		return "bytes"
	case majString:
		return "a string"
	case majList:
		return "a list"
	case majMap:
		return "a map"
	case majTag:
		return "a link"
	}
	switch b {
	case 0xf4, 0xf5:
		return "a boolean"
	case 0xf6:
		return "null"
	case 0xf9, 0xfa, 0xfb:
		return "a float"
	}
	return "a CBOR simple value"
}

func (r *CBORReader) want(major byte, what string) (uint64, int, error) {
	start := r.d.pos
	m, arg, _, err := r.d.head()
	if err != nil {
		return 0, start, err
	}
	if m != major {
		r.d.pos = start
		return 0, start, &Error{Offset: int64(start), Path: r.d.path.String(), Err: fmt.Errorf("want %s, got %s", what, r.kindAt(start))}
	}
	return arg, start, nil
}

// String reads a text string.
func (r *CBORReader) String() (string, error) {
	n, start, err := r.want(majString, "a string")
	if err != nil {
		return "", err
	}
	b, err := r.d.bytes(n, start, "string")
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", r.d.errorf(start, ErrSyntax, "string is not valid UTF-8")
	}
	return string(b), nil
}

// Int reads an integer in the 64-bit signed range.
func (r *CBORReader) Int() (int64, error) {
	start := r.d.pos
	m, arg, _, err := r.d.head()
	if err != nil {
		return 0, err
	}
	switch m {
	case majUint:
		if arg > math.MaxInt64 {
			return 0, r.d.errorf(start, ErrUnsupported, "integer %d exceeds the 64-bit signed range", arg)
		}
		return int64(arg), nil
	case majNegint:
		if arg > math.MaxInt64 {
			return 0, r.d.errorf(start, ErrUnsupported, "integer -1-%d exceeds the 64-bit signed range", arg)
		}
		return -1 - int64(arg), nil
	}
	r.d.pos = start
	return 0, &Error{Offset: int64(start), Path: r.d.path.String(), Err: fmt.Errorf("want an integer, got %s", r.kindAt(start))}
}

// Link reads a CID link (tag 42).
func (r *CBORReader) Link() (cid.Cid, error) {
	if r.d.pos < len(r.d.data) && r.d.data[r.d.pos]>>5 != majTag {
		return cid.Undef, &Error{Offset: int64(r.d.pos), Path: r.d.path.String(), Err: fmt.Errorf("want a link {\"/\": \"cid\"}, got %s", r.kindAt(r.d.pos))}
	}
	_, arg, start, err := r.d.head()
	if err != nil {
		return cid.Undef, err
	}
	return r.d.link(arg, start)
}

// Any reads any value, as DecodeCBOR would.
func (r *CBORReader) Any() (any, error) {
	return r.d.value(r.depth)
}

// Map reads a map, calling fn with each key (valid only during the call;
// switch on string(key) does not allocate) in canonical order; fn must read
// exactly one value. It returns the number of entries.
func (r *CBORReader) Map(fn func(key []byte) error) (int, error) {
	arg, start, err := r.want(majMap, "a map")
	if err != nil {
		return 0, err
	}
	if r.d.lim.MaxDepth > 0 && r.depth >= r.d.lim.MaxDepth {
		return 0, r.d.errorf(start, ErrLimit, "nested deeper than %d", r.d.lim.MaxDepth)
	}
	n, err := r.d.length(arg, start, "map")
	if err != nil {
		return 0, err
	}
	r.depth++
	defer func() { r.depth-- }()
	var prev []byte
	for i := range n {
		kmaj, klen, kstart, err := r.d.head()
		if err != nil {
			return 0, err
		}
		if kmaj != majString {
			return 0, r.d.errorf(kstart, ErrUnsupported, "map key of CBOR major type %d; keys must be strings", kmaj)
		}
		k, err := r.d.bytes(klen, kstart, "map key")
		if err != nil {
			return 0, err
		}
		if !utf8.Valid(k) {
			return 0, r.d.errorf(kstart, ErrSyntax, "map key is not valid UTF-8")
		}
		if i > 0 {
			c := len(prev) - len(k)
			if c == 0 {
				c = bytes.Compare(prev, k)
			}
			switch {
			case c == 0:
				return 0, r.d.errorf(kstart, ErrSyntax, "duplicate map key %q", k)
			case c > 0:
				return 0, r.d.errorf(kstart, ErrNotCanonical, "map key %q after %q; keys must be sorted by length then bytewise", k, prev)
			}
		}
		prev = k
		r.d.path = append(r.d.path, segment{keyb: k, index: -1})
		if err := fn(k); err != nil {
			return 0, err
		}
		r.d.path = r.d.path[:len(r.d.path)-1]
	}
	return n, nil
}

// List reads a list, calling fn for each element with its index and the
// list's length; fn must read exactly one value.
func (r *CBORReader) List(fn func(i, n int) error) error {
	arg, start, err := r.want(majList, "a list")
	if err != nil {
		return err
	}
	if r.d.lim.MaxDepth > 0 && r.depth >= r.d.lim.MaxDepth {
		return r.d.errorf(start, ErrLimit, "nested deeper than %d", r.d.lim.MaxDepth)
	}
	n, err := r.d.length(arg, start, "list")
	if err != nil {
		return err
	}
	r.depth++
	defer func() { r.depth-- }()
	for i := range n {
		r.d.path = append(r.d.path, segment{index: i})
		if err := fn(i, n); err != nil {
			return err
		}
		r.d.path = r.d.path[:len(r.d.path)-1]
	}
	return nil
}
