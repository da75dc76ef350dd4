package attest

import (
	"bytes"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

// StatementTypeV1 is the in-toto Statement v1 type URI.
const StatementTypeV1 = "https://in-toto.io/Statement/v1"

// PredicateTypeLineage is the predicate type of an aiprov lineage
// attestation. The predicate is LineagePredicate: the manifest's DAG-JSON
// form and its CID. Pass it to `cosign verify-blob-attestation --type`.
const PredicateTypeLineage = "https://aiprov.dev/lineage/v1"

// Digest algorithm names used in statement subjects. "sha256" is in-toto's
// own; the other two follow in-toto's rule that a new algorithm documents
// its encoding:
//
//   - "cid": the IPFS CID in its canonical string form (CIDv0 base58btc,
//     CIDv1 base32 lower case), as `ipfs add` prints it;
//   - "dirHash": in-toto's directory hash (Go's dirhash Hash1 in hex) over
//     the files the manifest lists: sha256 of the lines "<sha256 hex>  <path>\n"
//     sorted by path.
const (
	DigestSHA256  = "sha256"
	DigestCID     = "cid"
	DigestDirHash = "dirHash"
)

// Statement is an in-toto Statement v1. Its JSON form is the DSSE payload.
type Statement struct {
	Type          string             `json:"_type"`
	Subject       []StatementSubject `json:"subject"`
	PredicateType string             `json:"predicateType"`
	Predicate     json.RawMessage    `json:"predicate"`
}

// StatementSubject is one artifact a statement is about.
type StatementSubject struct {
	Name   string            `json:"name"`
	Digest map[string]string `json:"digest"`
}

// LineagePredicate is the predicate of PredicateTypeLineage.
type LineagePredicate struct {
	// ManifestCID is the manifest's CID (CIDv1, dag-cbor, sha2-256).
	ManifestCID string `json:"manifestCid"`
	// Manifest is the manifest's DAG-JSON form.
	Manifest json.RawMessage `json:"manifest"`
}

// StatementSubjects returns the subjects of a manifest's statement: one per
// file (name = path, digest sha256 and cid), then the artifact's root (name
// = Subject.Name, or the root CID when unnamed; digest cid, plus dirHash
// over the listed files, plus sha256 when the root is one of the files).
func StatementSubjects(m *provenance.Manifest) ([]StatementSubject, error) {
	if !m.Subject.CID.Defined() {
		return nil, errors.New("attest: manifest Subject.CID is not set")
	}
	root := StatementSubject{Name: m.Subject.Name, Digest: map[string]string{DigestCID: m.Subject.CID.String()}}
	if root.Name == "" {
		root.Name = m.Subject.CID.String()
	}
	subjects := make([]StatementSubject, 0, len(m.Subject.Files)+1)
	seen := make(map[string]bool, len(m.Subject.Files))
	for i, f := range m.Subject.Files {
		if f.Path == "" || strings.ContainsAny(f.Path, "\n\x00") {
			return nil, fmt.Errorf("attest: manifest Subject.Files[%d].Path %q is empty or holds a newline or NUL", i, f.Path)
		}
		if seen[f.Path] {
			return nil, fmt.Errorf("attest: manifest Subject.Files[%d].Path %q is listed twice", i, f.Path)
		}
		seen[f.Path] = true
		if !isSHA256Hex(f.SHA256) {
			return nil, fmt.Errorf("attest: manifest Subject.Files[%d] (%s): SHA256 %q is not 64 lower-case hex digits", i, f.Path, f.SHA256)
		}
		d := map[string]string{DigestSHA256: f.SHA256}
		if f.CID.Defined() {
			d[DigestCID] = f.CID.String()
			if f.CID.Equals(m.Subject.CID) {
				root.Digest[DigestSHA256] = f.SHA256
			}
		}
		subjects = append(subjects, StatementSubject{Name: f.Path, Digest: d})
	}
	if len(m.Subject.Files) > 0 {
		root.Digest[DigestDirHash] = dirHash(m.Subject.Files)
	}
	if seen[root.Name] {
		return nil, fmt.Errorf("attest: manifest Subject.Name %q is also a file path; subject names must differ", root.Name)
	}
	return append(subjects, root), nil
}

// dirHash is Go's dirhash.Hash1 (hex) over the manifest's file list.
func dirHash(files []provenance.File) string {
	var buf [2 * sha256.Size]byte
	return string(appendDirHash(buf[:0], files))
}

func appendDirHash(dst []byte, files []provenance.File) []byte {
	sorted := files
	if !slices.IsSortedFunc(files, comparePath) {
		sorted = slices.Clone(files)
		slices.SortFunc(sorted, comparePath)
	}
	h := sha256.New()
	var line []byte
	for _, f := range sorted {
		line = append(append(append(append(line[:0], f.SHA256...), "  "...), f.Path...), '\n')
		h.Write(line)
	}
	var sum [sha256.Size]byte
	return hex.AppendEncode(dst, h.Sum(sum[:0]))
}

// subjectsMatch reports whether got is exactly StatementSubjects(m), in
// that order, without building it: the common case when verifying, checked
// cheaply. false says only that the caller must compare the long way
// (which names each difference); true implies the long way finds none.
func subjectsMatch(got []StatementSubject, m *provenance.Manifest) bool {
	files := m.Subject.Files
	if !m.Subject.CID.Defined() || m.Subject.Name == "" || len(got) != len(files)+1 {
		return false
	}
	rootSHA := ""
	for i, f := range files {
		// Strictly sorted paths: no duplicates, and the root's name is
		// found by binary search.
		if f.Path == "" || strings.ContainsAny(f.Path, "\n\x00") || i > 0 && files[i-1].Path >= f.Path ||
			!isSHA256Hex(f.SHA256) || !f.CID.Defined() {
			return false
		}
		g := got[i]
		if g.Name != f.Path || len(g.Digest) != 2 || g.Digest[DigestSHA256] != f.SHA256 || !cidStringIs(f.CID, g.Digest[DigestCID]) {
			return false
		}
		if f.CID.Equals(m.Subject.CID) {
			rootSHA = f.SHA256
		}
	}
	root := got[len(files)]
	if root.Name != m.Subject.Name {
		return false
	}
	if _, found := slices.BinarySearchFunc(files, root.Name, func(f provenance.File, name string) int { return strings.Compare(f.Path, name) }); found {
		return false
	}
	n := 1
	if !cidStringIs(m.Subject.CID, root.Digest[DigestCID]) {
		return false
	}
	if len(files) > 0 {
		n++
		var buf [2 * sha256.Size]byte
		if string(appendDirHash(buf[:0], files)) != root.Digest[DigestDirHash] {
			return false
		}
	}
	if rootSHA != "" {
		n++
		if root.Digest[DigestSHA256] != rootSHA {
			return false
		}
	}
	return len(root.Digest) == n
}

// cidStringIs reports whether s is c.String(), without allocating for
// CIDv1 (base32, "b" then the bytes).
func cidStringIs(c cid.Cid, s string) bool {
	if c.Version() == 0 || len(s) == 0 || s[0] != 'b' {
		return c.String() == s
	}
	var buf [256]byte
	b := c.Bytes()
	if base32Lower.EncodedLen(len(b))+1 > len(buf) {
		return c.String() == s
	}
	return string(base32Lower.AppendEncode(append(buf[:0], 'b'), b)) == s
}

var base32Lower = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

func comparePath(a, b provenance.File) int { return strings.Compare(a.Path, b.Path) }

func isSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// NewStatement builds the lineage statement for manifest m, given its CID and
// its DAG-JSON encoding (the bytes the CID was computed from are DAG-CBOR;
// the JSON is the same data model).
func NewStatement(m *provenance.Manifest, manifestCID cid.Cid, manifestJSON []byte) (*Statement, error) {
	subjects, err := StatementSubjects(m)
	if err != nil {
		return nil, err
	}
	if !manifestCID.Defined() {
		return nil, errors.New("attest: manifest CID is not set")
	}
	if !json.Valid(manifestJSON) {
		return nil, errors.New("attest: manifest JSON is not valid JSON")
	}
	pred, err := marshalNoEscape(LineagePredicate{ManifestCID: manifestCID.String(), Manifest: manifestJSON})
	if err != nil {
		return nil, err
	}
	return &Statement{Type: StatementTypeV1, Subject: subjects, PredicateType: PredicateTypeLineage, Predicate: pred}, nil
}

// Marshal returns the statement's JSON: compact, with no HTML escaping, so
// that the manifest's JSON appears unchanged inside it.
func (s *Statement) Marshal() ([]byte, error) { return marshalNoEscape(s) }

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// ErrMalformedStatement is matched by statement parsing errors.
var ErrMalformedStatement = errors.New("malformed in-toto statement")

// ParseStatement parses a DSSE payload as an in-toto Statement v1, strictly:
// duplicate, case- or fold-variant and unknown keys, invalid UTF-8 and data
// after the statement are refused.
func ParseStatement(payload []byte) (*Statement, error) {
	var s Statement
	if err := unmarshalStrict(payload, &s); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedStatement, describeJSONError(err))
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	return &s, nil
}

func (s *Statement) check() error {
	if s.Type != StatementTypeV1 {
		return fmt.Errorf("%w: _type is %q, want %q", ErrMalformedStatement, s.Type, StatementTypeV1)
	}
	if len(s.Subject) == 0 {
		return fmt.Errorf("%w: no subject", ErrMalformedStatement)
	}
	for i, sub := range s.Subject {
		if len(sub.Digest) == 0 {
			return fmt.Errorf("%w: subject[%d] (%s) has no digest", ErrMalformedStatement, i, sub.Name)
		}
	}
	if s.PredicateType == "" {
		return fmt.Errorf("%w: predicateType is missing", ErrMalformedStatement)
	}
	return nil
}

// Lineage returns the statement's lineage predicate.
func (s *Statement) Lineage() (*LineagePredicate, error) {
	if s.PredicateType != PredicateTypeLineage {
		return nil, errPredicateType(s.PredicateType)
	}
	var p LineagePredicate
	if err := unmarshalStrict(s.Predicate, &p); err != nil {
		return nil, fmt.Errorf("%w: predicate: %v", ErrMalformedStatement, describeJSONError(err))
	}
	if p.ManifestCID == "" || len(p.Manifest) == 0 || string(p.Manifest) == "null" {
		return nil, errPredicateFields
	}
	return &p, nil
}

func errPredicateType(t string) error {
	return fmt.Errorf("%w: predicateType is %q, want %q", ErrMalformedStatement, t, PredicateTypeLineage)
}

var errPredicateFields = fmt.Errorf("%w: predicate needs manifestCid and manifest", ErrMalformedStatement)
