package royalty

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/aiprov/aiprov/provenance"
)

// graphParser decodes the graph description of the package doc from
// memory. It replaces encoding/json's reflection for the one schema: with
// millions of nodes that took longer than building and splitting the graph
// together. It never recurses (the schema has a fixed depth), and it is
// never more lenient than encoding/json: what it accepts, json.Unmarshal
// into the equivalent structs accepts with the same result (FuzzGraphParser
// checks this). Keys match ignoring ASCII case, as encoding/json's do; a
// key repeated in one object is an error, where encoding/json would merge
// the values.
type graphParser struct {
	data []byte
	pos  int
	// Nodes' edges and contributors are carved from shared chunks rather
	// than allocated per node, and never copied as they grow.
	edges    []Edge
	contribs []Contributor
	common   map[string]string // see intern
	chunk    int               // elements allocated at once, at least
}

// appendChunked appends v to the chunk *buf, whose elements from start on
// belong to the array being read. A full chunk is left to the arrays
// already carved from it; the current array's elements move to a new one.
func appendChunked[T any](p *graphParser, buf *[]T, start *int, v T) {
	if len(*buf) == cap(*buf) {
		cur := (*buf)[*start:]
		next := make([]T, len(cur), max(p.chunk, 2*len(cur)))
		copy(next, cur)
		*buf, *start = next, 0
	}
	*buf = append(*buf, v)
}

// carve returns the elements of the current array.
func carve[T any](buf []T, start int) []T {
	if len(buf) == start {
		return nil
	}
	return buf[start:len(buf):len(buf)]
}

// parseGraphJSON decodes data into nodes.
func parseGraphJSON(data []byte) ([]Node, error) {
	// Small inputs get small chunks; every element takes 16 bytes or more.
	p := &graphParser{data: data, chunk: min(max(len(data)/256, 16), 1<<14)}
	return p.graph()
}

func (p *graphParser) errorf(at int, format string, args ...any) error {
	return fmt.Errorf("%w: graph JSON at byte %d: %s", ErrInvalid, at, fmt.Sprintf(format, args...))
}

func (p *graphParser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end (or
// at a NUL byte, which is never valid where peek is used).
func (p *graphParser) peek() byte {
	p.skipSpace()
	if p.pos == len(p.data) {
		return 0
	}
	return p.data[p.pos]
}

func (p *graphParser) unexpected() error {
	if p.pos >= len(p.data) {
		return p.errorf(len(p.data), "unexpected end of input")
	}
	return p.errorf(p.pos, "invalid character %q", p.data[p.pos])
}

func (p *graphParser) expect(c byte) error {
	if p.peek() != c {
		return p.unexpected()
	}
	p.pos++
	return nil
}

// null consumes a null literal if one comes next.
func (p *graphParser) null() bool {
	if p.peek() == 'n' && len(p.data)-p.pos >= 4 && string(p.data[p.pos:p.pos+4]) == "null" {
		p.pos += 4
		return true
	}
	return false
}

// kind names the JSON type of the value that comes next, for errors.
func (p *graphParser) kind() string {
	switch p.peek() {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// openObject consumes the start of an object, or a null: then it reports
// false and there are no members to read.
func (p *graphParser) openObject() (bool, error) {
	if p.null() {
		return false, nil
	}
	return true, p.expect('{')
}

// member reads the next key of an object opened by openObject (first
// tells whether any was read yet) and the colon after it; at the end of
// the object it reports false. The key's bytes are valid until the next
// call.
func (p *graphParser) member(first bool) (key []byte, at int, ok bool, err error) {
	switch c := p.peek(); {
	case c == '}':
		p.pos++
		return nil, 0, false, nil
	case !first && c == ',':
		p.pos++
		p.skipSpace()
	case !first:
		return nil, 0, false, p.unexpected()
	}
	at = p.pos
	if p.peek() != '"' {
		return nil, 0, false, p.unexpected()
	}
	if key, err = p.rawString(); err != nil {
		return nil, 0, false, err
	}
	if err := p.expect(':'); err != nil {
		return nil, 0, false, err
	}
	p.skipSpace()
	return key, at, true, nil
}

// openArray consumes the start of an array, or a null: then it reports
// false and there are no elements to read.
func (p *graphParser) openArray() (bool, error) {
	if p.null() {
		return false, nil
	}
	return true, p.expect('[')
}

// element moves to the next element of an array opened by openArray, or
// reports false at its end.
func (p *graphParser) element(first bool) (bool, error) {
	switch c := p.peek(); {
	case c == ']':
		p.pos++
		return false, nil
	case first:
	case c == ',':
		p.pos++
	default:
		return false, p.unexpected()
	}
	p.skipSpace()
	return true, nil
}

// field matches a key against a schema's field names, ignoring ASCII case
// as encoding/json does, and rejects a repeated or unknown key. It returns
// the field's index in names.
func (p *graphParser) field(key []byte, at int, names []string, seen *uint8) (int, error) {
	for i, name := range names {
		if is(key, name) {
			if *seen&(1<<i) != 0 {
				return 0, p.errorf(at, "repeated key %q", key)
			}
			*seen |= 1 << i
			return i, nil
		}
	}
	return 0, p.errorf(at, "json: unknown field %q", key)
}

// rawString decodes a string. Plain ASCII takes the fast path and is
// returned in place; anything with escapes or other bytes is decoded by
// encoding/json, so that escapes and invalid UTF-8 come out exactly as
// they would there.
func (p *graphParser) rawString() ([]byte, error) {
	start := p.pos
	if p.pos >= len(p.data) || p.data[p.pos] != '"' {
		return nil, p.unexpected()
	}
	plain := true
	i := p.pos + 1
	for ; i < len(p.data); i++ {
		c := p.data[i]
		if c == '"' {
			break
		}
		if c == '\\' {
			plain = false
			i++
			continue
		}
		if c < 0x20 || c >= 0x80 {
			plain = false
		}
	}
	if i >= len(p.data) {
		return nil, p.errorf(len(p.data), "unexpected end of input")
	}
	p.pos = i + 1
	if plain {
		return p.data[start+1 : i], nil
	}
	var s string
	if err := json.Unmarshal(p.data[start:p.pos], &s); err != nil {
		return nil, p.errorf(start, "invalid string: %v", err)
	}
	return []byte(s), nil
}

// stringField decodes a string value (null leaves *dst as it is). Values
// that repeat in every node (policies, roles) are interned.
func (p *graphParser) stringField(dst *string, name string, repeats bool) error {
	if p.null() {
		return nil
	}
	if p.peek() != '"' {
		return p.typeError(name, "string")
	}
	b, err := p.rawString()
	if repeats {
		*dst = p.intern(b)
	} else {
		*dst = string(b)
	}
	return err
}

// intern returns b as a string, sharing one copy of each of the first
// few distinct short values.
func (p *graphParser) intern(b []byte) string {
	if len(b) > 16 {
		return string(b)
	}
	if s, ok := p.common[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(p.common) < 64 {
		if p.common == nil {
			p.common = make(map[string]string)
		}
		p.common[s] = s
	}
	return s
}

func (p *graphParser) typeError(field, want string) error {
	at, got := p.pos, p.kind()
	if got == "number" || got == "bool" {
		// Unknown bytes are reported as syntax errors, as encoding/json
		// does; well-formed values of the wrong type as type errors.
		if _, err := p.literal(); err != nil {
			return err
		}
	} else if got != "null" {
		p.pos++
	}
	return p.errorf(at, "field %s: want %s, got %s", field, want, got)
}

// literal consumes a number, true or false and returns its text.
func (p *graphParser) literal() ([]byte, error) {
	start := p.pos
	for _, word := range []string{"true", "false"} {
		if len(p.data)-start >= len(word) && string(p.data[start:start+len(word)]) == word {
			p.pos += len(word)
			return p.data[start:p.pos], nil
		}
	}
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if !('0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			break
		}
		p.pos++
	}
	if lit := p.data[start:p.pos]; validNumber(lit) {
		return lit, nil
	}
	if p.pos == start {
		return nil, p.unexpected()
	}
	return nil, p.errorf(start, "invalid number %q", p.data[start:p.pos])
}

// validNumber reports whether b is a JSON number.
func validNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i == len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i == len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	return i == len(b)
}

// share decodes a share: an integer in provenance.ShareWhole units or a percentage
// string ("10%").
func (p *graphParser) share(name string) (uint64, error) {
	at := p.pos
	switch p.kind() {
	case "string":
		b, err := p.rawString()
		if err != nil {
			return 0, err
		}
		v, err := provenance.ParseShare(string(b))
		if err != nil {
			return 0, p.errorf(at, "field %s: %v", name, err)
		}
		return v, nil
	case "number":
		lit, err := p.literal()
		if err != nil {
			return 0, err
		}
		v, err := strconv.ParseUint(string(lit), 10, 64)
		if err != nil {
			return 0, p.errorf(at, "field %s: share %s: want an integer in units of 1/%d or a percentage string like \"2.5%%\"", name, lit, shareWhole)
		}
		return v, nil
	}
	return 0, p.typeError(name, "share")
}

// is reports whether key names field, as encoding/json matches keys:
// ignoring ASCII case. (encoding/json also folds a few non-ASCII letters,
// such as the Kelvin sign; this parser does not.)
func is(key []byte, field string) bool {
	if len(key) != len(field) {
		return false
	}
	for i := 0; i < len(key); i++ {
		if lowerASCII(key[i]) != lowerASCII(field[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

var (
	graphFields       = []string{"nodes"}
	nodeFields        = []string{"id", "policy", "parents", "contributors"}
	edgeFields        = []string{"id", "share"}
	contributorFields = []string{"id", "share", "role"}
)

func (p *graphParser) graph() ([]Node, error) {
	if p.peek() != '{' {
		return nil, p.unexpected()
	}
	var nodes []Node
	ok, err := p.openObject()
	var seen uint8
	for first := true; ok && err == nil; first = false {
		var key []byte
		var at int
		if key, at, ok, err = p.member(first); !ok || err != nil {
			break
		}
		if _, err = p.field(key, at, graphFields, &seen); err != nil {
			break
		}
		// The nodes get a buffer of their own: all of it is the current
		// array, so objectList's chunks grow by doubling and keep every
		// node in one slice.
		var buf []Node
		nodes, err = objectList(p, &buf, "nodes", nodeFields, setNodeField)
	}
	if err != nil {
		return nil, err
	}
	if p.skipSpace(); p.pos != len(p.data) {
		return nil, p.errorf(p.pos, "unexpected data after the top-level object")
	}
	if nodes == nil {
		nodes = []Node{}
	}
	return nodes, nil
}

func setNodeField(p *graphParser, n *Node, f int) (err error) {
	switch f {
	case 0:
		return p.stringField(&n.ID, "nodes.id", false)
	case 1:
		return p.stringField((*string)(&n.Policy), "nodes.policy", true)
	case 2:
		n.Parents, err = p.edgeList()
	case 3:
		n.Contributors, err = p.contributorList()
	}
	return err
}

// objectList reads an array of objects (name is the array's field) into
// elements carved from *buf, calling set for each known key of each
// object.
func objectList[T any](p *graphParser, buf *[]T, name string, fields []string, set func(*graphParser, *T, int) error) ([]T, error) {
	if k := p.kind(); k != "array" && k != "null" {
		return nil, p.typeError(name, "array")
	}
	start := len(*buf)
	more, err := p.openArray()
	for first := true; more && err == nil; first = false {
		if more, err = p.element(first); !more || err != nil {
			break
		}
		if k := p.kind(); k != "object" && k != "null" {
			return nil, p.typeError(name, "object")
		}
		// Fill the element in place: a local passed to set would escape,
		// an allocation per element.
		var zero T
		appendChunked(p, buf, &start, zero)
		v := &(*buf)[len(*buf)-1]
		ok, oerr := p.openObject()
		err = oerr
		var seen uint8
		for first := true; ok && err == nil; first = false {
			var key []byte
			var at, f int
			if key, at, ok, err = p.member(first); !ok || err != nil {
				break
			}
			if f, err = p.field(key, at, fields, &seen); err != nil {
				break
			}
			err = set(p, v, f)
		}
	}
	return carve(*buf, start), err
}

func (p *graphParser) edgeList() ([]Edge, error) {
	return objectList(p, &p.edges, "nodes.parents", edgeFields, func(p *graphParser, e *Edge, f int) (err error) {
		if f == 0 {
			return p.stringField(&e.Parent, "nodes.parents.id", false)
		}
		e.Share, err = p.share("nodes.parents.share")
		return err
	})
}

func (p *graphParser) contributorList() ([]Contributor, error) {
	return objectList(p, &p.contribs, "nodes.contributors", contributorFields, func(p *graphParser, c *Contributor, f int) (err error) {
		switch f {
		case 0:
			return p.stringField(&c.ID, "nodes.contributors.id", false)
		case 1:
			c.Share, err = p.share("nodes.contributors.share")
			return err
		}
		return p.stringField(&c.Role, "nodes.contributors.role", true)
	})
}
