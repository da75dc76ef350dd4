package attest

import (
	"errors"
	"strings"
	"testing"
)

// TestParsePolicyComments: comments and trailing commas (JWCC, what
// aiprov policy init writes) are accepted, and errors keep the byte
// offsets of the file as written.
func TestParsePolicyComments(t *testing.T) {
	p, err := ParsePolicy([]byte(`{
  // Who may release.
  "keys": [
    {"id": "0x71562b71999873DB5b286dF957af199Ec94617F7", "name": "ci"}, /* the CI key */
  ],
}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Keys) != 1 || p.Keys[0].Name != "ci" {
		t.Fatalf("keys %+v", p.Keys)
	}
	_, err = ParsePolicy([]byte("// c\n{\"keys\": [], \"nope\": 1}"))
	if err == nil || !errors.Is(err, ErrMalformedPolicy) || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("unknown field after a comment: %v", err)
	}
}
