package ipld

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ipfs/go-cid"
)

// CBOR major types.
const (
	majUint   = 0
	majNegint = 1
	majBytes  = 2
	majString = 3
	majList   = 4
	majMap    = 5
	majTag    = 6
	majSimple = 7
)

const tagCID = 42

// EncodeCBOR returns the canonical DAG-CBOR encoding of v.
func EncodeCBOR(v any) ([]byte, error) {
	e := &cborEncoder{}
	if err := e.value(v, 0); err != nil {
		return nil, err
	}
	return e.buf, nil
}

type cborEncoder struct {
	buf  []byte
	path path
}

func (e *cborEncoder) head(major byte, n uint64) { e.buf = AppendHead(e.buf, major, n) }

// AppendHead appends a CBOR item head — major type and argument — in its
// shortest form, as DAG-CBOR requires.
func AppendHead(b []byte, major byte, n uint64) []byte {
	m := major << 5
	switch {
	case n < 24:
		return append(b, m|byte(n))
	case n <= math.MaxUint8:
		return append(b, m|24, byte(n))
	case n <= math.MaxUint16:
		return binary.BigEndian.AppendUint16(append(b, m|25), uint16(n))
	case n <= math.MaxUint32:
		return binary.BigEndian.AppendUint32(append(b, m|26), uint32(n))
	default:
		return binary.BigEndian.AppendUint64(append(b, m|27), n)
	}
}

func (e *cborEncoder) int(n int64) {
	if n >= 0 {
		e.head(majUint, uint64(n))
	} else {
		e.head(majNegint, uint64(-(n + 1)))
	}
}

func (e *cborEncoder) value(v any, depth int) error {
	if depth > maxEncodeDepth {
		return errorf(-1, e.path, ErrLimit, "nested deeper than %d", maxEncodeDepth)
	}
	switch v := v.(type) {
	case nil:
		e.buf = append(e.buf, 0xf6)
	case bool:
		if v {
			e.buf = append(e.buf, 0xf5)
		} else {
			e.buf = append(e.buf, 0xf4)
		}
	case int64:
		e.int(v)
	case int:
		e.int(int64(v))
	case uint64:
		if v > math.MaxInt64 {
			return errorf(-1, e.path, ErrUnsupported, "integer %d exceeds the 64-bit signed range", v)
		}
		e.int(int64(v))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errorf(-1, e.path, ErrUnsupported, "float %v is not finite", v)
		}
		e.buf = binary.BigEndian.AppendUint64(append(e.buf, 0xfb), math.Float64bits(v))
	case string:
		if !utf8.ValidString(v) {
			return errorf(-1, e.path, ErrUnsupported, "string is not valid UTF-8")
		}
		e.head(majString, uint64(len(v)))
		e.buf = append(e.buf, v...)
	case []byte:
		e.head(majBytes, uint64(len(v)))
		e.buf = append(e.buf, v...)
	case cid.Cid:
		if !v.Defined() {
			return errorf(-1, e.path, ErrUnsupported, "undefined CID")
		}
		b := v.Bytes()
		e.head(majTag, tagCID)
		e.head(majBytes, uint64(len(b)+1))
		e.buf = append(append(e.buf, 0), b...)
	case []any:
		e.head(majList, uint64(len(v)))
		for i, x := range v {
			e.path = append(e.path, segment{index: i})
			if err := e.value(x, depth+1); err != nil {
				return err
			}
			e.path = e.path[:len(e.path)-1]
		}
	case map[string]any:
		e.head(majMap, uint64(len(v)))
		for _, k := range SortedKeysCBOR(v) {
			if !utf8.ValidString(k) {
				return errorf(-1, e.path, ErrUnsupported, "map key %q is not valid UTF-8", k)
			}
			e.head(majString, uint64(len(k)))
			e.buf = append(e.buf, k...)
			e.path = append(e.path, segment{key: k, index: -1})
			if err := e.value(v[k], depth+1); err != nil {
				return err
			}
			e.path = e.path[:len(e.path)-1]
		}
	default:
		return errorf(-1, e.path, ErrUnsupported, "Go type %T", v)
	}
	return nil
}

// SortedKeysCBOR returns m's keys in DAG-CBOR order: shorter first, then
// bytewise.
func SortedKeysCBOR(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareCBORKeys)
	return keys
}

// compareKeyBytes is compareCBORKeys on the keys' bytes.
func compareKeyBytes(a, b []byte) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return bytes.Compare(a, b)
}

func compareCBORKeys(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// DecodeCBOR decodes one canonical DAG-CBOR value that must fill data.
func DecodeCBOR(data []byte, lim Limits) (any, error) {
	if lim.MaxSize > 0 && len(data) > lim.MaxSize {
		return nil, errorf(-1, nil, ErrLimit, "document is %d bytes, more than the limit of %d", len(data), lim.MaxSize)
	}
	d := &cborDecoder{data: data, lim: lim}
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	if d.pos != len(data) {
		return nil, errorf(int64(d.pos), nil, ErrSyntax, "%d bytes after the end of the document", len(data)-d.pos)
	}
	return v, nil
}

// CBORLinks returns the links (tag-42 CIDs) anywhere in one DAG-CBOR
// value that must fill data, in document order. It checks data exactly as
// DecodeCBOR does — the same decoder, which only skips building the
// values — so a block it walks is one DecodeCBOR reads.
func CBORLinks(data []byte, lim Limits) ([]cid.Cid, error) {
	if lim.MaxSize > 0 && len(data) > lim.MaxSize {
		return nil, errorf(-1, nil, ErrLimit, "document is %d bytes, more than the limit of %d", len(data), lim.MaxSize)
	}
	d := &cborDecoder{data: data, lim: lim, linksOnly: true}
	if _, err := d.value(0); err != nil {
		return nil, err
	}
	if d.pos != len(data) {
		return nil, errorf(int64(d.pos), nil, ErrSyntax, "%d bytes after the end of the document", len(data)-d.pos)
	}
	return d.links, nil
}

type cborDecoder struct {
	data []byte
	pos  int
	lim  Limits
	path path
	// linksOnly: check everything but build no values, collecting the
	// links in links instead (CBORLinks).
	linksOnly bool
	links     []cid.Cid
}

func (d *cborDecoder) errorf(off int, base error, format string, args ...any) error {
	return errorf(int64(off), d.path, base, format, args...)
}

// head reads a major type and its argument, refusing non-minimal and
// indefinite-length encodings.
func (d *cborDecoder) head() (major byte, arg uint64, start int, err error) {
	start = d.pos
	if d.pos >= len(d.data) {
		return 0, 0, start, d.errorf(start, ErrSyntax, "unexpected end of data")
	}
	b := d.data[d.pos]
	d.pos++
	major, info := b>>5, b&0x1f
	var n int
	switch {
	case info < 24:
		return major, uint64(info), start, nil
	case info == 24:
		n = 1
	case info == 25:
		n = 2
	case info == 26:
		n = 4
	case info == 27:
		n = 8
	case info == 31:
		return 0, 0, start, d.errorf(start, ErrNotCanonical, "indefinite-length item")
	default:
		return 0, 0, start, d.errorf(start, ErrSyntax, "reserved additional information %d", info)
	}
	if len(d.data)-d.pos < n {
		return 0, 0, start, d.errorf(start, ErrSyntax, "unexpected end of data")
	}
	switch n {
	case 1:
		arg = uint64(d.data[d.pos])
	case 2:
		arg = uint64(binary.BigEndian.Uint16(d.data[d.pos:]))
	case 4:
		arg = uint64(binary.BigEndian.Uint32(d.data[d.pos:]))
	case 8:
		arg = binary.BigEndian.Uint64(d.data[d.pos:])
	}
	d.pos += n
	if major == majSimple {
		return major, arg, start, nil // info 25–27 are floats, checked by the caller
	}
	minimal := (n == 1 && arg >= 24) || (n == 2 && arg > math.MaxUint8) ||
		(n == 4 && arg > math.MaxUint16) || (n == 8 && arg > math.MaxUint32)
	if !minimal {
		return 0, 0, start, d.errorf(start, ErrNotCanonical, "integer or length %d not in its shortest form", arg)
	}
	return major, arg, start, nil
}

func (d *cborDecoder) bytes(n uint64, start int, what string) ([]byte, error) {
	if d.lim.MaxStringLen > 0 && n > uint64(d.lim.MaxStringLen) {
		return nil, d.errorf(start, ErrLimit, "%s of %d bytes, more than the limit of %d", what, n, d.lim.MaxStringLen)
	}
	if n > uint64(len(d.data)-d.pos) {
		return nil, d.errorf(start, ErrSyntax, "%s of %d bytes runs past the end of data", what, n)
	}
	b := d.data[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return b, nil
}

func (d *cborDecoder) length(n uint64, start int, what string) (int, error) {
	if d.lim.MaxListLen > 0 && n > uint64(d.lim.MaxListLen) {
		return 0, d.errorf(start, ErrLimit, "%s of %d entries, more than the limit of %d", what, n, d.lim.MaxListLen)
	}
	// Every entry takes at least one byte: a longer claim is a lie that
	// must not make us allocate.
	if n > uint64(len(d.data)-d.pos) {
		return 0, d.errorf(start, ErrSyntax, "%s of %d entries runs past the end of data", what, n)
	}
	return int(n), nil
}

// link reads the rest of a CID link whose tag head, with argument arg,
// started at start.
func (d *cborDecoder) link(arg uint64, start int) (cid.Cid, error) {
	if arg != tagCID {
		return cid.Undef, d.errorf(start, ErrUnsupported, "CBOR tag %d; DAG-CBOR allows only tag 42 (CID)", arg)
	}
	bmaj, blen, bstart, err := d.head()
	if err != nil {
		return cid.Undef, err
	}
	if bmaj != majBytes {
		return cid.Undef, d.errorf(bstart, ErrSyntax, "tag 42 must hold a byte string")
	}
	b, err := d.bytes(blen, bstart, "CID")
	if err != nil {
		return cid.Undef, err
	}
	if len(b) == 0 || b[0] != 0 {
		return cid.Undef, d.errorf(bstart, ErrSyntax, "CID bytes must start with the 0x00 multibase prefix")
	}
	c, err := cid.Cast(b[1:])
	if err != nil {
		return cid.Undef, d.errorf(bstart, ErrSyntax, "invalid CID: %v", err)
	}
	return c, nil
}

func (d *cborDecoder) value(depth int) (any, error) {
	major, arg, start, err := d.head()
	if err != nil {
		return nil, err
	}
	switch major {
	case majUint:
		if arg > math.MaxInt64 {
			return nil, d.errorf(start, ErrUnsupported, "integer %d exceeds the 64-bit signed range", arg)
		}
		return int64(arg), nil
	case majNegint:
		if arg > math.MaxInt64 {
			return nil, d.errorf(start, ErrUnsupported, "integer -1-%d exceeds the 64-bit signed range", arg)
		}
		return -1 - int64(arg), nil
	case majBytes:
		b, err := d.bytes(arg, start, "byte string")
		if err != nil || d.linksOnly {
			return nil, err
		}
		return bytes.Clone(b), nil
	case majString:
		b, err := d.bytes(arg, start, "string")
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(b) {
			return nil, d.errorf(start, ErrSyntax, "string is not valid UTF-8")
		}
		if d.linksOnly {
			return nil, nil
		}
		return string(b), nil
	case majList:
		if depth >= d.lim.MaxDepth && d.lim.MaxDepth > 0 {
			return nil, d.errorf(start, ErrLimit, "nested deeper than %d", d.lim.MaxDepth)
		}
		n, err := d.length(arg, start, "list")
		if err != nil {
			return nil, err
		}
		var list []any
		if !d.linksOnly {
			list = make([]any, n)
		}
		for i := range n {
			d.path = append(d.path, segment{index: i})
			v, err := d.value(depth + 1)
			if err != nil {
				return nil, err
			}
			if list != nil {
				list[i] = v
			}
			d.path = d.path[:len(d.path)-1]
		}
		return list, nil
	case majMap:
		if depth >= d.lim.MaxDepth && d.lim.MaxDepth > 0 {
			return nil, d.errorf(start, ErrLimit, "nested deeper than %d", d.lim.MaxDepth)
		}
		n, err := d.length(arg, start, "map")
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if !d.linksOnly {
			m = make(map[string]any, n)
		}
		var prev []byte
		havePrev := false
		for range n {
			kmaj, klen, kstart, err := d.head()
			if err != nil {
				return nil, err
			}
			if kmaj != majString {
				return nil, d.errorf(kstart, ErrUnsupported, "map key of CBOR major type %d; keys must be strings", kmaj)
			}
			kb, err := d.bytes(klen, kstart, "map key")
			if err != nil {
				return nil, err
			}
			if !utf8.Valid(kb) {
				return nil, d.errorf(kstart, ErrSyntax, "map key is not valid UTF-8")
			}
			if havePrev {
				switch c := compareKeyBytes(prev, kb); {
				case c == 0:
					return nil, d.errorf(kstart, ErrSyntax, "duplicate map key %q", kb)
				case c > 0:
					return nil, d.errorf(kstart, ErrNotCanonical, "map key %q after %q; keys must be sorted by length then bytewise", kb, prev)
				}
			}
			prev, havePrev = kb, true
			d.path = append(d.path, segment{keyb: kb, index: -1})
			v, err := d.value(depth + 1)
			if err != nil {
				return nil, err
			}
			if m != nil {
				m[string(kb)] = v
			}
			d.path = d.path[:len(d.path)-1]
		}
		return m, nil
	case majTag:
		c, err := d.link(arg, start)
		if err != nil {
			return nil, err
		}
		if d.linksOnly {
			d.links = append(d.links, c)
			return nil, nil
		}
		return c, nil
	default: // majSimple
		info := d.data[start] & 0x1f
		switch {
		case info == 20:
			return false, nil
		case info == 21:
			return true, nil
		case info == 22:
			return nil, nil
		case info == 27:
			f := math.Float64frombits(arg)
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, d.errorf(start, ErrUnsupported, "float %v is not finite", f)
			}
			return f, nil
		case info == 25 || info == 26:
			return nil, d.errorf(start, ErrNotCanonical, "%d-bit float; DAG-CBOR floats are 64-bit", map[byte]int{25: 16, 26: 32}[info])
		default:
			return nil, d.errorf(start, ErrUnsupported, "CBOR simple value %d", arg)
		}
	}
}
