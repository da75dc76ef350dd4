package provenance

import (
	"errors"
	"fmt"
	"strings"
)

// checkLicense checks the syntax of an SPDX license expression (SPDX 2.3
// Annex D): identifiers, LicenseRef-/DocumentRef- references, a trailing
// "+", WITH exceptions, AND/OR and parentheses. It does not check that an
// identifier is on the SPDX list: Hugging Face cards use lowercase ids and
// names such as "other" or "llama3.1".
func checkLicense(expr string) error {
	if len(expr) > maxNameLen {
		return fmt.Errorf("%d bytes, more than the limit of %d", len(expr), maxNameLen)
	}
	toks := tokenizeLicense(expr)
	p := &licenseParser{toks: toks}
	if err := p.expr(0); err != nil {
		return fmt.Errorf("%q is not an SPDX expression: %w", expr, err)
	}
	if p.i != len(toks) {
		return fmt.Errorf("%q is not an SPDX expression: unexpected %q", expr, toks[p.i])
	}
	return nil
}

func tokenizeLicense(s string) []string {
	var toks []string
	cur := strings.Builder{}
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch r {
		case ' ', '\t':
			flush()
		case '(', ')':
			flush()
			toks = append(toks, string(r))
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return toks
}

type licenseParser struct {
	toks []string
	i    int
}

func (p *licenseParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func isOp(t, op string) bool { return t == op || t == strings.ToLower(op) }

func (p *licenseParser) expr(depth int) error {
	if depth > 32 {
		return errors.New("parentheses nested too deep")
	}
	for {
		if err := p.term(depth); err != nil {
			return err
		}
		if t := p.peek(); isOp(t, "AND") || isOp(t, "OR") {
			p.i++
			continue
		}
		return nil
	}
}

func (p *licenseParser) term(depth int) error {
	t := p.peek()
	switch {
	case t == "":
		return errors.New("unexpected end; want a license identifier")
	case t == "(":
		p.i++
		if err := p.expr(depth + 1); err != nil {
			return err
		}
		if p.peek() != ")" {
			return errors.New("missing ')'")
		}
		p.i++
		return nil
	}
	if err := checkLicenseRef(t); err != nil {
		return err
	}
	p.i++
	if isOp(p.peek(), "WITH") {
		p.i++
		ex := p.peek()
		if !isIDString(ex) || isKeyword(ex) {
			return fmt.Errorf("want a license exception identifier after WITH, got %q", ex)
		}
		p.i++
	}
	return nil
}

func checkLicenseRef(t string) error {
	if isKeyword(t) || t == ")" {
		return fmt.Errorf("unexpected %q; want a license identifier", t)
	}
	if doc, ref, ok := strings.Cut(t, ":"); ok {
		if !strings.HasPrefix(doc, "DocumentRef-") || !isIDString(doc[len("DocumentRef-"):]) {
			return fmt.Errorf("%q: want DocumentRef-id:LicenseRef-id", t)
		}
		t = ref
		if !strings.HasPrefix(t, "LicenseRef-") {
			return fmt.Errorf("%q: want DocumentRef-id:LicenseRef-id", t)
		}
	}
	id := strings.TrimSuffix(t, "+")
	if !isIDString(id) {
		return fmt.Errorf("%q: an identifier holds only letters, digits, '-' and '.'", t)
	}
	return nil
}

func isKeyword(t string) bool {
	return isOp(t, "AND") || isOp(t, "OR") || isOp(t, "WITH") || t == "("
}

func isIDString(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}
