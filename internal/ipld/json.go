package ipld

import (
	"encoding/base64"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/aiprov/aiprov/internal/cidcheck"
	"github.com/ipfs/go-cid"
)

// EncodeJSON returns the DAG-JSON encoding of v: no insignificant
// whitespace, map keys sorted bytewise.
func EncodeJSON(v any) ([]byte, error) {
	e := &jsonEncoder{}
	if err := e.value(v, 0); err != nil {
		return nil, err
	}
	return e.buf, nil
}

type jsonEncoder struct {
	buf  []byte
	path path
}

const hexDigits = "0123456789abcdef"

// str escapes s as JavaScript's JSON.stringify does: only '"', '\\' and
// control characters below U+0020.
func (e *jsonEncoder) str(s string) {
	e.buf = append(e.buf, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			e.buf = append(e.buf, '\\', c)
		case c >= 0x20:
			e.buf = append(e.buf, c)
		case c == '\b':
			e.buf = append(e.buf, '\\', 'b')
		case c == '\f':
			e.buf = append(e.buf, '\\', 'f')
		case c == '\n':
			e.buf = append(e.buf, '\\', 'n')
		case c == '\r':
			e.buf = append(e.buf, '\\', 'r')
		case c == '\t':
			e.buf = append(e.buf, '\\', 't')
		default:
			e.buf = append(e.buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
	}
	e.buf = append(e.buf, '"')
}

func (e *jsonEncoder) value(v any, depth int) error {
	if depth > maxEncodeDepth {
		return errorf(-1, e.path, ErrLimit, "nested deeper than %d", maxEncodeDepth)
	}
	switch v := v.(type) {
	case nil:
		e.buf = append(e.buf, "null"...)
	case bool:
		e.buf = strconv.AppendBool(e.buf, v)
	case int64:
		e.buf = strconv.AppendInt(e.buf, v, 10)
	case int:
		e.buf = strconv.AppendInt(e.buf, int64(v), 10)
	case uint64:
		if v > math.MaxInt64 {
			return errorf(-1, e.path, ErrUnsupported, "integer %d exceeds the 64-bit signed range", v)
		}
		e.buf = strconv.AppendUint(e.buf, v, 10)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errorf(-1, e.path, ErrUnsupported, "float %v is not finite", v)
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0" // keep it a float when read back
		}
		e.buf = append(e.buf, s...)
	case string:
		if !utf8.ValidString(v) {
			return errorf(-1, e.path, ErrUnsupported, "string is not valid UTF-8")
		}
		e.str(v)
	case []byte:
		e.buf = append(e.buf, `{"/":{"bytes":"`...)
		e.buf = base64.RawStdEncoding.AppendEncode(e.buf, v)
		e.buf = append(e.buf, `"}}`...)
	case cid.Cid:
		if !v.Defined() {
			return errorf(-1, e.path, ErrUnsupported, "undefined CID")
		}
		e.buf = append(e.buf, `{"/":"`...)
		e.buf = append(e.buf, v.String()...)
		e.buf = append(e.buf, `"}`...)
	case []any:
		e.buf = append(e.buf, '[')
		for i, x := range v {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.path = append(e.path, segment{index: i})
			if err := e.value(x, depth+1); err != nil {
				return err
			}
			e.path = e.path[:len(e.path)-1]
		}
		e.buf = append(e.buf, ']')
	case map[string]any:
		if _, ok := v["/"]; ok {
			return errorf(-1, e.path, ErrUnsupported, `map with the key "/", which DAG-JSON reserves for links and bytes`)
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		e.buf = append(e.buf, '{')
		for i, k := range keys {
			if !utf8.ValidString(k) {
				return errorf(-1, e.path, ErrUnsupported, "map key %q is not valid UTF-8", k)
			}
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.str(k)
			e.buf = append(e.buf, ':')
			e.path = append(e.path, segment{key: k, index: -1})
			if err := e.value(v[k], depth+1); err != nil {
				return err
			}
			e.path = e.path[:len(e.path)-1]
		}
		e.buf = append(e.buf, '}')
	default:
		return errorf(-1, e.path, ErrUnsupported, "Go type %T", v)
	}
	return nil
}

// DecodeJSON decodes one DAG-JSON value that must fill data (surrounding
// whitespace aside).
func DecodeJSON(data []byte, lim Limits) (any, error) {
	if lim.MaxSize > 0 && len(data) > lim.MaxSize {
		return nil, errorf(-1, nil, ErrLimit, "document is %d bytes, more than the limit of %d", len(data), lim.MaxSize)
	}
	d := &jsonDecoder{data: data, lim: lim}
	d.space()
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.pos != len(data) {
		return nil, d.errorf(d.pos, ErrSyntax, "unexpected %s after the end of the document", d.describe())
	}
	return v, nil
}

type jsonDecoder struct {
	data []byte
	pos  int
	lim  Limits
	path path
}

func (d *jsonDecoder) errorf(off int, base error, format string, args ...any) error {
	return errorf(int64(off), d.path, base, format, args...)
}

func (d *jsonDecoder) describe() string {
	if d.pos >= len(d.data) {
		return "end of data"
	}
	r, _ := utf8.DecodeRune(d.data[d.pos:])
	return strconv.QuoteRune(r)
}

func (d *jsonDecoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *jsonDecoder) literal(word string, v any) (any, error) {
	if !strings.HasPrefix(string(d.data[d.pos:min(len(d.data), d.pos+len(word))]), word) {
		return nil, d.errorf(d.pos, ErrSyntax, "unexpected %s; want a JSON value", d.describe())
	}
	d.pos += len(word)
	return v, nil
}

func (d *jsonDecoder) value(depth int) (any, error) {
	if d.pos >= len(d.data) {
		return nil, d.errorf(d.pos, ErrSyntax, "unexpected end of data; want a JSON value")
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return d.object(depth)
	case c == '[':
		return d.array(depth)
	case c == '"':
		return d.string()
	case c == 't':
		return d.literal("true", true)
	case c == 'f':
		return d.literal("false", false)
	case c == 'n':
		return d.literal("null", nil)
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	default:
		return nil, d.errorf(d.pos, ErrSyntax, "unexpected %s; want a JSON value", d.describe())
	}
}

func (d *jsonDecoder) number() (any, error) {
	start := d.pos
	digits := func() int {
		n := 0
		for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.data[d.pos] == '-' {
		d.pos++
	}
	intStart := d.pos
	if n := digits(); n == 0 {
		return nil, d.errorf(start, ErrSyntax, "malformed number")
	} else if n > 1 && d.data[intStart] == '0' {
		return nil, d.errorf(start, ErrSyntax, "number with a leading zero")
	}
	isFloat := false
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		isFloat = true
		if digits() == 0 {
			return nil, d.errorf(start, ErrSyntax, "malformed number: no digits after '.'")
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		isFloat = true
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return nil, d.errorf(start, ErrSyntax, "malformed number: no digits in the exponent")
		}
	}
	text := string(d.data[start:d.pos])
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, d.errorf(start, ErrUnsupported, "float %s out of range", text)
		}
		return f, nil
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return nil, d.errorf(start, ErrUnsupported, "integer %s exceeds the 64-bit signed range", text)
	}
	return n, nil
}

func (d *jsonDecoder) string() (string, error) {
	b, err := d.appendString(nil)
	return string(b), err
}

// appendString reads the string at d.pos (its opening quote) and appends
// its decoded bytes to b. The transcoder shares it with a reusable buffer.
func (d *jsonDecoder) appendString(b []byte) ([]byte, error) {
	start := d.pos
	d.pos++ // opening quote
	for {
		if d.lim.MaxStringLen > 0 && len(b) > d.lim.MaxStringLen {
			return nil, d.errorf(start, ErrLimit, "string longer than the limit of %d bytes", d.lim.MaxStringLen)
		}
		if d.pos >= len(d.data) {
			return nil, d.errorf(start, ErrSyntax, "unterminated string")
		}
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			if d.lim.MaxStringLen > 0 && len(b) > d.lim.MaxStringLen {
				return nil, d.errorf(start, ErrLimit, "string longer than the limit of %d bytes", d.lim.MaxStringLen)
			}
			return b, nil
		case c < 0x20:
			return nil, d.errorf(d.pos, ErrSyntax, "control character %#02x in a string must be escaped", c)
		case c == '\\':
			if d.pos+1 >= len(d.data) {
				return nil, d.errorf(start, ErrSyntax, "unterminated string")
			}
			esc := d.data[d.pos+1]
			d.pos += 2
			switch esc {
			case '"', '\\', '/':
				b = append(b, esc)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, err := d.hex4()
				if err != nil {
					return nil, err
				}
				if utf16.IsSurrogate(r) {
					at := d.pos - 6
					if r >= 0xdc00 || d.pos+1 >= len(d.data) || d.data[d.pos] != '\\' || d.data[d.pos+1] != 'u' {
						return nil, d.errorf(at, ErrUnsupported, "lone UTF-16 surrogate \\u%04x", r)
					}
					d.pos += 2
					r2, err := d.hex4()
					if err != nil {
						return nil, err
					}
					if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
						return nil, d.errorf(at, ErrUnsupported, "lone UTF-16 surrogate")
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				return nil, d.errorf(d.pos-2, ErrSyntax, "invalid escape \\%c", esc)
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size <= 1 {
				return nil, d.errorf(d.pos, ErrSyntax, "invalid UTF-8 in a string")
			}
			b = append(b, d.data[d.pos:d.pos+size]...)
			d.pos += size
		}
	}
}

func (d *jsonDecoder) hex4() (rune, error) {
	if len(d.data)-d.pos < 4 {
		return 0, d.errorf(d.pos, ErrSyntax, "truncated \\u escape")
	}
	n, err := strconv.ParseUint(string(d.data[d.pos:d.pos+4]), 16, 16)
	if err != nil {
		return 0, d.errorf(d.pos, ErrSyntax, "invalid \\u escape")
	}
	d.pos += 4
	return rune(n), nil
}

func (d *jsonDecoder) array(depth int) (any, error) {
	start := d.pos
	if d.lim.MaxDepth > 0 && depth >= d.lim.MaxDepth {
		return nil, d.errorf(start, ErrLimit, "nested deeper than %d", d.lim.MaxDepth)
	}
	d.pos++
	list := []any{}
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		return list, nil
	}
	for {
		if d.lim.MaxListLen > 0 && len(list) >= d.lim.MaxListLen {
			return nil, d.errorf(start, ErrLimit, "list of more than %d entries", d.lim.MaxListLen)
		}
		d.path = append(d.path, segment{index: len(list)})
		d.space()
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		d.path = d.path[:len(d.path)-1]
		list = append(list, v)
		d.space()
		if d.pos >= len(d.data) {
			return nil, d.errorf(d.pos, ErrSyntax, "unexpected end of data in a list")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return list, nil
		default:
			return nil, d.errorf(d.pos, ErrSyntax, "unexpected %s in a list; want ',' or ']'", d.describe())
		}
	}
}

func (d *jsonDecoder) object(depth int) (any, error) {
	start := d.pos
	if d.lim.MaxDepth > 0 && depth >= d.lim.MaxDepth {
		return nil, d.errorf(start, ErrLimit, "nested deeper than %d", d.lim.MaxDepth)
	}
	d.pos++
	m := map[string]any{}
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return m, nil
	}
	for {
		if d.lim.MaxListLen > 0 && len(m) >= d.lim.MaxListLen {
			return nil, d.errorf(start, ErrLimit, "map of more than %d entries", d.lim.MaxListLen)
		}
		d.space()
		kstart := d.pos
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return nil, d.errorf(d.pos, ErrSyntax, "unexpected %s; want a map key", d.describe())
		}
		k, err := d.string()
		if err != nil {
			return nil, err
		}
		if _, dup := m[k]; dup {
			return nil, d.errorf(kstart, ErrSyntax, "duplicate map key %q", k)
		}
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return nil, d.errorf(d.pos, ErrSyntax, "unexpected %s after a map key; want ':'", d.describe())
		}
		d.pos++
		d.space()
		d.path = append(d.path, segment{key: k, index: -1})
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		d.path = d.path[:len(d.path)-1]
		m[k] = v
		d.space()
		if d.pos >= len(d.data) {
			return nil, d.errorf(d.pos, ErrSyntax, "unexpected end of data in a map")
		}
		if d.data[d.pos] == ',' {
			d.pos++
			continue
		}
		if d.data[d.pos] != '}' {
			return nil, d.errorf(d.pos, ErrSyntax, "unexpected %s in a map; want ',' or '}'", d.describe())
		}
		d.pos++
		break
	}
	if inner, ok := m["/"]; ok {
		return d.reserved(m, inner, start)
	}
	return m, nil
}

// reserved interprets a map with the key "/": a link {"/": "cid"} or bytes
// {"/": {"bytes": "base64"}}. Anything else is refused rather than guessed.
func (d *jsonDecoder) reserved(m map[string]any, inner any, start int) (any, error) {
	if len(m) != 1 {
		return nil, d.errorf(start, ErrUnsupported, `map with the key "/" and other keys; DAG-JSON reserves "/" for links and bytes`)
	}
	switch inner := inner.(type) {
	case string:
		c, err := cid.Decode(inner)
		if err != nil {
			return nil, d.errorf(start, ErrSyntax, "invalid CID %q: %v", inner, err)
		}
		if s := c.String(); s != inner {
			return nil, d.errorf(start, ErrNotCanonical, "CID %q must be written in its canonical form %q", inner, s)
		}
		if err := cidcheck.Check(c); err != nil {
			return nil, &Error{Offset: int64(start), Path: d.path.String(), Err: err}
		}
		return c, nil
	case map[string]any:
		s, ok := inner["bytes"].(string)
		if !ok || len(inner) != 1 {
			break
		}
		b, err := base64.RawStdEncoding.Strict().DecodeString(s)
		if err != nil {
			return nil, d.errorf(start, ErrSyntax, "invalid bytes: want unpadded standard base64: %v", err)
		}
		return b, nil
	}
	return nil, d.errorf(start, ErrUnsupported, `map with the key "/" that is neither a link {"/": "cid"} nor bytes {"/": {"bytes": "…"}}`)
}
