package attest

import (
	"bytes"
	"unicode/utf8"
)

// fastLineageStatement parses the common form of a lineage statement in one
// pass with few allocations: the JSON this package writes, or any JSON with
// the same fields. It is only an accelerator for verifying many
// statements: whenever the input strays from that form — unknown or
// duplicate keys, nulls, escapes it does not decode, invalid UTF-8 — it
// reports ok=false and the caller parses with encoding/json, so that both
// paths give the same result (FuzzFastLineageStatement checks this). The
// manifest's raw JSON is only delimited here; provenance.ReadManifest
// validates it strictly afterwards.
func fastLineageStatement(data []byte) (st *Statement, lp *LineagePredicate, ok bool) {
	// One copy of the payload as a string: every string the statement
	// holds is a substring of it, which costs no further allocation.
	p := fastParser{data: data, text: string(data)}
	st = &Statement{}
	lp = &LineagePredicate{}
	var seen [4]bool
	if !p.objectStart() {
		return nil, nil, false
	}
	for first := true; ; first = false {
		key, more := p.nextKey(first)
		if !more {
			break
		}
		if key == "" {
			return nil, nil, false
		}
		var i int
		switch key {
		case "_type":
			i = 0
			st.Type, ok = p.str()
		case "subject":
			i = 1
			st.Subject, ok = p.subjects()
		case "predicateType":
			i = 2
			st.PredicateType, ok = p.str()
		case "predicate":
			i = 3
			p.ws()
			start := p.pos
			ok = p.predicate(lp)
			if ok {
				st.Predicate = data[start:p.pos]
			}
		default:
			return nil, nil, false
		}
		if !ok || seen[i] {
			return nil, nil, false
		}
		seen[i] = true
	}
	p.ws()
	if p.pos != len(data) || !seen[0] || !seen[1] || !seen[2] || !seen[3] {
		return nil, nil, false
	}
	return st, lp, true
}

type fastParser struct {
	data []byte
	text string // data, as a string
	pos  int
}

func (p *fastParser) ws() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *fastParser) consume(c byte) bool {
	p.ws()
	if p.pos < len(p.data) && p.data[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

func (p *fastParser) objectStart() bool { return p.consume('{') }

// nextKey reads `"key":` (after a comma unless first), or the closing
// brace, which returns more=false. An unusable key returns "".
func (p *fastParser) nextKey(first bool) (key string, more bool) {
	if p.consume('}') {
		return "", false
	}
	if !first && !p.consume(',') {
		return "", true
	}
	k, ok := p.str()
	if !ok || !p.consume(':') {
		return "", true
	}
	return k, true
}

// str reads a string without escapes, in valid UTF-8.
func (p *fastParser) str() (string, bool) {
	if !p.consume('"') {
		return "", false
	}
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			s := p.text[start:p.pos]
			p.pos++
			if !utf8.ValidString(s) {
				return "", false
			}
			return s, true
		case c == '\\' || c < 0x20:
			return "", false
		}
		p.pos++
	}
	return "", false
}

func (p *fastParser) subjects() ([]StatementSubject, bool) {
	if !p.consume('[') {
		return nil, false
	}
	var out []StatementSubject
	if p.consume(']') {
		return []StatementSubject{}, true
	}
	for {
		s, ok := p.subject()
		if !ok {
			return nil, false
		}
		out = append(out, s)
		if p.consume(']') {
			return out, true
		}
		if !p.consume(',') {
			return nil, false
		}
	}
}

func (p *fastParser) subject() (StatementSubject, bool) {
	var s StatementSubject
	if !p.objectStart() {
		return s, false
	}
	var seenName, seenDigest bool
	for first := true; ; first = false {
		key, more := p.nextKey(first)
		if !more {
			return s, seenName && seenDigest
		}
		var ok bool
		switch {
		case key == "name" && !seenName:
			s.Name, ok = p.str()
			seenName = true
		case key == "digest" && !seenDigest:
			s.Digest, ok = p.digest()
			seenDigest = true
		}
		if !ok {
			return s, false
		}
	}
}

func (p *fastParser) digest() (map[string]string, bool) {
	if !p.objectStart() {
		return nil, false
	}
	d := make(map[string]string, 3)
	for first := true; ; first = false {
		key, more := p.nextKey(first)
		if !more {
			return d, true
		}
		if key == "" {
			return nil, false
		}
		if _, dup := d[key]; dup {
			return nil, false
		}
		v, ok := p.str()
		if !ok {
			return nil, false
		}
		d[key] = v
	}
}

func (p *fastParser) predicate(lp *LineagePredicate) bool {
	if !p.objectStart() {
		return false
	}
	var seenCID, seenManifest bool
	for first := true; ; first = false {
		key, more := p.nextKey(first)
		if !more {
			return seenCID && seenManifest
		}
		switch {
		case key == "manifestCid" && !seenCID:
			var ok bool
			if lp.ManifestCID, ok = p.str(); !ok {
				return false
			}
			seenCID = true
		case key == "manifest" && !seenManifest:
			p.ws()
			start := p.pos
			if !p.skipObject() {
				return false
			}
			lp.Manifest = p.data[start:p.pos]
			seenManifest = true
		default:
			return false
		}
	}
}

// skipObject moves past one JSON object, tracking strings and nesting only;
// the bytes are validated by whoever parses them.
func (p *fastParser) skipObject() bool {
	if p.pos >= len(p.data) || p.data[p.pos] != '{' {
		return false
	}
	depth := 0
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				p.pos++
				return true
			}
		case '"':
			// Jump to the closing quote: the next one not escaped, that is
			// preceded by an even run of backslashes.
			for {
				j := bytes.IndexByte(p.data[p.pos+1:], '"')
				if j < 0 {
					return false
				}
				p.pos += 1 + j
				n := 0
				for p.data[p.pos-1-n] == '\\' {
					n++
				}
				if n%2 == 0 {
					break
				}
			}
		}
		p.pos++
	}
	return false
}

// parseLineageStatement is ParseStatement followed by Lineage. It tries the
// one-pass parser first and falls back to encoding/json.
func parseLineageStatement(payload []byte) (*Statement, *LineagePredicate, error) {
	if st, lp, ok := fastLineageStatement(payload); ok {
		if err := st.check(); err != nil {
			return nil, nil, err
		}
		if st.PredicateType != PredicateTypeLineage {
			return nil, nil, errPredicateType(st.PredicateType)
		}
		if lp.ManifestCID == "" {
			return nil, nil, errPredicateFields
		}
		return st, lp, nil
	}
	st, err := ParseStatement(payload)
	if err != nil {
		return nil, nil, err
	}
	lp, err := st.Lineage()
	if err != nil {
		return nil, nil, err
	}
	return st, lp, nil
}
