package ipld

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/aiprov/aiprov/internal/cidcheck"
	"github.com/ipfs/go-cid"
)

// JSONToCBOR appends to dst the canonical DAG-CBOR encoding of the DAG-JSON
// document data: the bytes EncodeCBOR(DecodeJSON(data, lim)) gives, written
// in one pass without building Go values. It accepts exactly what
// DecodeJSON accepts (FuzzJSONToCBOR holds it to that), and refuses with
// DecodeJSON's error. This is how a verifier hashes a DAG-JSON document to
// its CID cheaply.
func JSONToCBOR(dst, data []byte, lim Limits) ([]byte, error) {
	if lim.MaxSize > 0 && len(data) > lim.MaxSize {
		return nil, errorf(-1, nil, ErrLimit, "document is %d bytes, more than the limit of %d", len(data), lim.MaxSize)
	}
	if dst == nil {
		// DAG-CBOR is usually the smaller; reordering the top map needs
		// room for a second copy of it.
		dst = make([]byte, 0, 2*len(data)+16)
	}
	t := transcoders.Get().(*transcoder)
	defer t.release()
	t.jsonDecoder = jsonDecoder{data: data, lim: lim}
	t.out = dst
	t.entries = t.entriesBuf[:0]
	t.space()
	err := t.value(0)
	if err == nil {
		t.space()
		if t.pos != len(data) {
			err = t.errorf(t.pos, ErrSyntax, "unexpected %s after the end of the document", t.describe())
		}
	}
	if err != nil {
		// The transcoder does not track where it is; DecodeJSON does, and
		// refuses the same documents (but those EncodeCBOR alone refuses).
		if _, derr := DecodeJSON(data, lim); derr != nil {
			return nil, derr
		}
		return nil, err
	}
	return t.out, nil
}

// transcoders keeps transcoders, with their scratch space, for reuse.
var transcoders = sync.Pool{New: func() any { return new(transcoder) }}

// release returns t to the pool, dropping what refers to the caller's data.
func (t *transcoder) release() {
	t.data, t.out, t.entries = nil, nil, nil
	if cap(t.str) > 64<<10 {
		t.str = nil
	}
	if cap(t.bytes) > 64<<10 {
		t.bytes = nil
	}
	transcoders.Put(t)
}

// transcoder reads DAG-JSON with jsonDecoder's grammar and limits and
// writes DAG-CBOR to out. Map entries are written in input order and then
// put into canonical order in place. It does not track the path (its
// errors are replaced by DecodeJSON's), so its errors carry none.
type transcoder struct {
	jsonDecoder
	out     []byte
	entries []entry // a stack: the entries of every map being read
	str     []byte  // scratch for strings with escapes
	bytes   []byte  // scratch for decoding base64

	cidBuf     [128]byte
	entriesBuf [32]entry // first storage of entries: typical documents need no more
}

// entry is one map entry in out: its encoded key is out[key:val], its
// value out[val:end].
type entry struct{ key, val, end int }

func (t *transcoder) head(major byte, n uint64) { t.out = AppendHead(t.out, major, n) }

// fixHead writes the head of a list or map whose entries follow the one
// byte reserved for it at out[at].
func (t *transcoder) fixHead(at int, major byte, n int) {
	if n < 24 {
		t.out[at] = major<<5 | byte(n)
		return
	}
	end := len(t.out)
	t.head(major, uint64(n))
	h := slices.Clone(t.out[end:]) // rare: more than 23 entries
	t.out = slices.Insert(t.out[:end], at+1, h[1:]...)
	t.out[at] = h[0]
}

func (t *transcoder) value(depth int) error {
	if depth > maxEncodeDepth { // what EncodeCBOR would refuse
		return errorf(-1, nil, ErrLimit, "nested deeper than %d", maxEncodeDepth)
	}
	if t.pos >= len(t.data) {
		return t.errorf(t.pos, ErrSyntax, "unexpected end of data; want a JSON value")
	}
	switch c := t.data[t.pos]; {
	case c == '{':
		return t.object(depth)
	case c == '[':
		return t.array(depth)
	case c == '"':
		s, err := t.string()
		if err != nil {
			return err
		}
		t.head(majString, uint64(len(s)))
		t.out = append(t.out, s...)
	case c == 't':
		return t.literal("true", 0xf5)
	case c == 'f':
		return t.literal("false", 0xf4)
	case c == 'n':
		return t.literal("null", 0xf6)
	case c == '-' || c >= '0' && c <= '9':
		return t.number()
	default:
		return t.errorf(t.pos, ErrSyntax, "unexpected %s; want a JSON value", t.describe())
	}
	return nil
}

func (t *transcoder) literal(word string, b byte) error {
	if !bytes.HasPrefix(t.data[t.pos:], []byte(word)) {
		return t.errorf(t.pos, ErrSyntax, "unexpected %s; want a JSON value", t.describe())
	}
	t.pos += len(word)
	t.out = append(t.out, b)
	return nil
}

// number follows jsonDecoder.number, with a fast path for short integers.
func (t *transcoder) number() error {
	start := t.pos
	digits := func() int {
		n := 0
		for t.pos < len(t.data) && t.data[t.pos] >= '0' && t.data[t.pos] <= '9' {
			t.pos++
			n++
		}
		return n
	}
	neg := t.data[t.pos] == '-'
	if neg {
		t.pos++
	}
	intStart := t.pos
	nd := digits()
	if nd == 0 {
		return t.errorf(start, ErrSyntax, "malformed number")
	} else if nd > 1 && t.data[intStart] == '0' {
		return t.errorf(start, ErrSyntax, "number with a leading zero")
	}
	isFloat := false
	if t.pos < len(t.data) && t.data[t.pos] == '.' {
		t.pos++
		isFloat = true
		if digits() == 0 {
			return t.errorf(start, ErrSyntax, "malformed number: no digits after '.'")
		}
	}
	if t.pos < len(t.data) && (t.data[t.pos] == 'e' || t.data[t.pos] == 'E') {
		t.pos++
		isFloat = true
		if t.pos < len(t.data) && (t.data[t.pos] == '+' || t.data[t.pos] == '-') {
			t.pos++
		}
		if digits() == 0 {
			return t.errorf(start, ErrSyntax, "malformed number: no digits in the exponent")
		}
	}
	if isFloat {
		text := string(t.data[start:t.pos])
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsInf(f, 0) {
			return t.errorf(start, ErrUnsupported, "float %s out of range", text)
		}
		t.out = binary.BigEndian.AppendUint64(append(t.out, 0xfb), math.Float64bits(f))
		return nil
	}
	var n int64
	if nd <= 18 { // cannot overflow
		for _, c := range t.data[intStart:t.pos] {
			n = n*10 + int64(c-'0')
		}
		if neg {
			n = -n
		}
	} else {
		text := string(t.data[start:t.pos])
		var err error
		if n, err = strconv.ParseInt(text, 10, 64); err != nil {
			return t.errorf(start, ErrUnsupported, "integer %s exceeds the 64-bit signed range", text)
		}
	}
	if n >= 0 {
		t.head(majUint, uint64(n))
	} else {
		t.head(majNegint, uint64(-(n + 1)))
	}
	return nil
}

// string reads a JSON string as jsonDecoder.string does, returning its
// bytes: a slice of the input when it has no escapes, else of t.str; valid
// until the next call.
func (t *transcoder) string() ([]byte, error) {
	start := t.pos
	i := start + 1
	for i < len(t.data) {
		c := t.data[i]
		if c == '"' {
			s := t.data[start+1 : i]
			if t.lim.MaxStringLen > 0 && len(s) > t.lim.MaxStringLen {
				return nil, t.errorf(start, ErrLimit, "string longer than the limit of %d bytes", t.lim.MaxStringLen)
			}
			if !utf8.Valid(s) {
				break // let the slow loop find the offset
			}
			t.pos = i + 1
			return s, nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		i++
	}
	return t.stringSlow()
}

// stringSlow decodes a string with escapes (or one to report an error in)
// into the reusable buffer t.str.
func (t *transcoder) stringSlow() ([]byte, error) {
	b, err := t.appendString(t.str[:0])
	t.str = b[:0]
	if err != nil {
		return nil, err
	}
	return b, nil
}

func (t *transcoder) array(depth int) error {
	start := t.pos
	if t.lim.MaxDepth > 0 && depth >= t.lim.MaxDepth {
		return t.errorf(start, ErrLimit, "nested deeper than %d", t.lim.MaxDepth)
	}
	t.pos++
	at := len(t.out)
	t.out = append(t.out, 0)
	n := 0
	t.space()
	if t.pos < len(t.data) && t.data[t.pos] == ']' {
		t.pos++
		t.fixHead(at, majList, 0)
		return nil
	}
	for {
		if t.lim.MaxListLen > 0 && n >= t.lim.MaxListLen {
			return t.errorf(start, ErrLimit, "list of more than %d entries", t.lim.MaxListLen)
		}
		t.space()
		if err := t.value(depth + 1); err != nil {
			return err
		}
		n++
		t.space()
		if t.pos >= len(t.data) {
			return t.errorf(t.pos, ErrSyntax, "unexpected end of data in a list")
		}
		switch t.data[t.pos] {
		case ',':
			t.pos++
		case ']':
			t.pos++
			t.fixHead(at, majList, n)
			return nil
		default:
			return t.errorf(t.pos, ErrSyntax, "unexpected %s in a list; want ',' or ']'", t.describe())
		}
	}
}

// key reads a map key and writes it to out as a CBOR text string.
func (t *transcoder) key() ([]byte, error) {
	t.space()
	if t.pos >= len(t.data) || t.data[t.pos] != '"' {
		return nil, t.errorf(t.pos, ErrSyntax, "unexpected %s; want a map key", t.describe())
	}
	k, err := t.string()
	if err != nil {
		return nil, err
	}
	t.space()
	if t.pos >= len(t.data) || t.data[t.pos] != ':' {
		return nil, t.errorf(t.pos, ErrSyntax, "unexpected %s after a map key; want ':'", t.describe())
	}
	t.pos++
	t.space()
	return k, nil
}

// endOfEntry moves past the ',' or '}' after a map entry and reports
// whether the map ended.
func (t *transcoder) endOfEntry() (bool, error) {
	t.space()
	if t.pos >= len(t.data) {
		return false, t.errorf(t.pos, ErrSyntax, "unexpected end of data in a map")
	}
	switch t.data[t.pos] {
	case ',':
		t.pos++
		return false, nil
	case '}':
		t.pos++
		return true, nil
	}
	return false, t.errorf(t.pos, ErrSyntax, "unexpected %s in a map; want ',' or '}'", t.describe())
}

func (t *transcoder) object(depth int) error {
	start := t.pos
	if t.lim.MaxDepth > 0 && depth >= t.lim.MaxDepth {
		return t.errorf(start, ErrLimit, "nested deeper than %d", t.lim.MaxDepth)
	}
	t.pos++
	at := len(t.out)
	t.out = append(t.out, 0)
	t.space()
	if t.pos < len(t.data) && t.data[t.pos] == '}' {
		t.pos++
		t.fixHead(at, majMap, 0)
		return nil
	}
	base := len(t.entries)
	defer func() { t.entries = t.entries[:base] }()
	for n := 0; ; n++ {
		if t.lim.MaxListLen > 0 && n >= t.lim.MaxListLen {
			return t.errorf(start, ErrLimit, "map of more than %d entries", t.lim.MaxListLen)
		}
		k, err := t.key()
		if err != nil {
			return err
		}
		if len(k) == 1 && k[0] == '/' {
			if n > 0 {
				return t.errorf(start, ErrUnsupported, `map with the key "/" and other keys; DAG-JSON reserves "/" for links and bytes`)
			}
			t.out = t.out[:at]
			return t.reserved(start, depth)
		}
		e := entry{key: len(t.out)}
		t.head(majString, uint64(len(k)))
		t.out = append(t.out, k...)
		e.val = len(t.out)
		if err := t.value(depth + 1); err != nil {
			return err
		}
		e.end = len(t.out)
		t.entries = append(t.entries, e)
		end, err := t.endOfEntry()
		if err != nil {
			return err
		}
		if end {
			break
		}
	}
	ents := t.entries[base:]
	keyOf := func(e entry) []byte { return t.out[e.key:e.val] }
	moved := false
	if len(ents) <= 16 {
		// Insertion sort, without calls through closures: most maps are
		// this small.
		for i := 1; i < len(ents); i++ {
			for j := i; j > 0 && compareEncodedKeys(keyOf(ents[j]), keyOf(ents[j-1])) < 0; j-- {
				ents[j], ents[j-1] = ents[j-1], ents[j]
				moved = true
			}
		}
	} else {
		cmp := func(a, b entry) int { return compareEncodedKeys(keyOf(a), keyOf(b)) }
		if !slices.IsSortedFunc(ents, cmp) {
			slices.SortFunc(ents, cmp)
			moved = true
		}
	}
	if moved {
		// Lay the entries out in order after the map, in out's spare
		// capacity, then move them back.
		end := len(t.out)
		for _, e := range ents {
			t.out = append(t.out, t.out[e.key:e.end]...)
		}
		copy(t.out[at+1:], t.out[end:])
		t.out = t.out[:end]
		// Offsets now refer to the old order; only the keys are compared
		// below, so rebase them.
		off := at + 1
		for i, e := range ents {
			l := e.end - e.key
			ents[i] = entry{key: off, val: off + (e.val - e.key), end: off + l}
			off += l
		}
	}
	for i := 1; i < len(ents); i++ {
		if bytes.Equal(keyOf(ents[i-1]), keyOf(ents[i])) {
			k := keyOf(ents[i])
			return t.errorf(start, ErrSyntax, "duplicate map key %q", k[cborHeadLen(k):])
		}
	}
	t.fixHead(at, majMap, len(ents))
	return nil
}

// cborHeadLen is the length of the CBOR head at the start of b.
func cborHeadLen(b []byte) int {
	switch b[0] & 0x1f {
	case 24:
		return 2
	case 25:
		return 3
	case 26:
		return 5
	case 27:
		return 9
	}
	return 1
}

// compareEncodedKeys orders encoded text-string keys as DAG-CBOR orders
// their strings, length first then bytewise: heads grow with the length,
// so comparing the encodings by length then bytes gives the same order.
func compareEncodedKeys(a, b []byte) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return bytes.Compare(a, b)
}

// reserved reads the rest of a map whose first key is "/", as
// jsonDecoder.reserved interprets it: a link {"/": "cid"} or bytes
// {"/": {"bytes": "base64"}}, written as tag 42 or a byte string.
func (t *transcoder) reserved(start, depth int) error {
	bad := func() error {
		return t.errorf(start, ErrUnsupported, `map with the key "/" that is neither a link {"/": "cid"} nor bytes {"/": {"bytes": "…"}}`)
	}
	if t.pos >= len(t.data) {
		return t.errorf(t.pos, ErrSyntax, "unexpected end of data; want a JSON value")
	}
	switch t.data[t.pos] {
	case '"':
		s, err := t.string()
		if err != nil {
			return err
		}
		if end, err := t.endOfEntry(); err != nil {
			return err
		} else if !end {
			return t.errorf(start, ErrUnsupported, `map with the key "/" and other keys; DAG-JSON reserves "/" for links and bytes`)
		}
		b, ok := canonicalCIDv1(t.cidBuf[:0], s)
		if !ok {
			str := string(s)
			c, err := cid.Decode(str)
			if err != nil {
				return t.errorf(start, ErrSyntax, "invalid CID %q: %v", str, err)
			}
			if cs := c.String(); cs != str {
				return t.errorf(start, ErrNotCanonical, "CID %q must be written in its canonical form %q", str, cs)
			}
			b = c.Bytes()
		}
		if err := cidcheck.CheckBytes(b); err != nil {
			return &Error{Offset: int64(start), Path: t.path.String(), Err: err}
		}
		t.head(majTag, tagCID)
		t.head(majBytes, uint64(len(b)+1))
		t.out = append(append(t.out, 0), b...)
		return nil
	case '{':
		// The inner map must be exactly {"bytes": "<base64>"}.
		istart := t.pos
		if t.lim.MaxDepth > 0 && depth+1 >= t.lim.MaxDepth {
			return t.errorf(istart, ErrLimit, "nested deeper than %d", t.lim.MaxDepth)
		}
		t.pos++
		t.space()
		if t.pos < len(t.data) && t.data[t.pos] == '}' {
			return bad()
		}
		k, err := t.key()
		if err != nil {
			return err
		}
		if string(k) != "bytes" || t.pos >= len(t.data) || t.data[t.pos] != '"' {
			return bad()
		}
		s, err := t.string()
		if err != nil {
			return err
		}
		if end, err := t.endOfEntry(); err != nil {
			return err
		} else if !end {
			return bad()
		}
		if end, err := t.endOfEntry(); err != nil {
			return err
		} else if !end {
			return t.errorf(start, ErrUnsupported, `map with the key "/" and other keys; DAG-JSON reserves "/" for links and bytes`)
		}
		// Decoded apart: the decoder skips CR and LF, so the length is
		// known only afterwards.
		buf := slices.Grow(t.bytes[:0], base64.RawStdEncoding.DecodedLen(len(s)))
		buf = buf[:cap(buf)]
		n, err := base64.RawStdEncoding.Strict().Decode(buf, s)
		if err != nil {
			return t.errorf(start, ErrSyntax, "invalid bytes: want unpadded standard base64: %v", err)
		}
		t.bytes = buf[:0]
		t.head(majBytes, uint64(n))
		t.out = append(t.out, buf[:n]...)
		return nil
	}
	return bad()
}

// canonicalCIDv1 appends to dst the bytes of s when s is a valid CIDv1 in
// its canonical string form ("b" and lower-case base32, unpadded, no stray
// trailing bits): then cid.Decode(s) succeeds and String gives s back.
// ok=false says only that the caller must decide with cid.Decode. It does
// not allocate when dst has room.
func canonicalCIDv1(dst []byte, s []byte) (b []byte, ok bool) {
	if len(s) < 2 || s[0] != 'b' {
		return nil, false
	}
	var acc uint32
	bits := 0
	for _, c := range s[1:] {
		var v byte
		switch {
		case 'a' <= c && c <= 'z':
			v = c - 'a'
		case '2' <= c && c <= '7':
			v = c - '2' + 26
		default:
			return nil, false
		}
		acc = acc<<5 | uint32(v)
		bits += 5
		if bits >= 8 {
			bits -= 8
			dst = append(dst, byte(acc>>bits))
			acc &= 1<<bits - 1
		}
	}
	// An unpadded encoding ends with fewer than 5 spare bits, all zero;
	// then encoding the bytes again gives s.
	if bits >= 5 || acc != 0 || len(dst) == 0 {
		return nil, false
	}
	// A valid CID, and a CIDv1 (CIDv0 bytes print as base58btc).
	if dst[0] != 1 {
		return nil, false
	}
	if used, _, err := cid.CidFromBytes(dst); err != nil || used != len(dst) {
		return nil, false
	}
	return dst, true
}
