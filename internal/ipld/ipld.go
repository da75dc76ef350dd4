// Package ipld encodes and decodes the IPLD data model as canonical
// DAG-CBOR and as DAG-JSON, strictly, without go-ipld-prime.
//
// Values are plain Go values:
//
//	null        nil
//	bool        bool
//	int         int64 (IPLD implementations such as Kubo accept only 64-bit signed integers)
//	float       float64 (finite only)
//	string      string (valid UTF-8)
//	bytes       []byte
//	list        []any
//	map         map[string]any
//	link        cid.Cid
//
// Encoding writes the single canonical form: DAG-CBOR with map keys sorted
// length-first then bytewise, minimal integer heads, 64-bit floats and CIDs
// as tag 42; DAG-JSON with map keys sorted bytewise, links as {"/": cid},
// bytes as {"/": {"bytes": base64}} and strings escaped as JavaScript's
// JSON.stringify does (so the bytes equal @ipld/dag-json's).
//
// Decoding DAG-CBOR accepts only that canonical form and reports the byte
// offset and the path (e.g. parents[2].share) of the first violation.
// Decoding DAG-JSON accepts any key order and whitespace — JSON is the form
// people edit — but refuses duplicate keys, non-canonical CID strings and
// anything outside the data model. Both enforce Limits.
package ipld

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Limits bound what a decoder accepts from untrusted input.
type Limits struct {
	MaxSize      int // whole document, bytes
	MaxDepth     int // nesting of lists and maps
	MaxListLen   int // entries of one list or map
	MaxStringLen int // bytes of one string or byte string
}

// DefaultLimits suits documents of a few megabytes.
func DefaultLimits() Limits {
	return Limits{MaxSize: 16 << 20, MaxDepth: maxEncodeDepth, MaxListLen: 1 << 20, MaxStringLen: 1 << 20}
}

// maxEncodeDepth bounds nesting when encoding, which also stops a map that
// contains itself.
const maxEncodeDepth = 64

// Errors wrapped by *Error, for errors.Is.
var (
	ErrSyntax       = errors.New("malformed")
	ErrNotCanonical = errors.New("not canonical")
	ErrLimit        = errors.New("limit exceeded")
	ErrUnsupported  = errors.New("not in the IPLD data model")
)

// Error says where in a document decoding or encoding failed.
type Error struct {
	Offset int64  // byte offset in the input; -1 when not known
	Path   string // e.g. "parents[2].share"; "" for the document itself
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	if e.Offset >= 0 {
		b.WriteString(" (at byte ")
		b.WriteString(strconv.FormatInt(e.Offset, 10))
		b.WriteString(")")
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// path is a cheap stack of path segments, rendered only on error.
type path []segment

type segment struct {
	key   string
	keyb  []byte // the key when it is only borrowed from the input (CBORReader)
	index int    // -1 for a key
}

func (p path) String() string {
	var b strings.Builder
	for _, s := range p {
		if s.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		if s.keyb != nil {
			b.WriteString(PathKey(string(s.keyb)))
		} else {
			b.WriteString(PathKey(s.key))
		}
	}
	return b.String()
}

// PathKey renders a map key as a path segment, quoting keys that are not
// plain identifiers so that paths stay unambiguous.
func PathKey(k string) string {
	plain := k != ""
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			plain = false
			break
		}
	}
	if plain {
		return k
	}
	return strconv.Quote(k)
}

func errorf(off int64, p path, base error, format string, args ...any) *Error {
	return &Error{Offset: off, Path: p.String(), Err: fmt.Errorf("%w: %s", base, fmt.Sprintf(format, args...))}
}
