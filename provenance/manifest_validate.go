package provenance

import (
	"encoding/base64"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/internal/eip55"
	"github.com/aiprov/aiprov/internal/ipld"
)

// Limits Validate enforces on top of the decoding limits.
const (
	MaxParents      = 4096
	MaxContributors = 4096
	MaxFiles        = 1 << 20
	maxNameLen      = 1024 // names, roles, formats, builder fields, license
	maxPathLen      = 4096
	maxProblems     = 100 // Validate reports at most this many
)

// Validate checks that the manifest means something: known schema, kind,
// relations and policy; contributor shares that sum to ShareWhole; parent
// shares that sum to at most ShareWhole; no duplicate contributors (same ID
// and role), parents or file paths; no parent equal to the artifact itself;
// well-formed identities, sha256 digests, paths, license expression and
// creation time; and the size limits. It returns nil or an error joining one
// *FieldError per problem (at most 100), each wrapping ErrInvalidManifest.
func (m *Manifest) Validate() error {
	v := &validator{}
	v.manifest(m)
	return errors.Join(v.errs...)
}

type validator struct {
	errs []error
}

func (v *validator) add(path, format string, args ...any) {
	if len(v.errs) == maxProblems {
		v.errs = append(v.errs, &FieldError{Offset: -1, Err: errors.New("too many problems; stopped"), kind: ErrInvalidManifest})
	}
	if len(v.errs) > maxProblems {
		return
	}
	v.errs = append(v.errs, &FieldError{Path: path, Offset: -1, Err: fmt.Errorf(format, args...), kind: ErrInvalidManifest})
}

// text checks a human string: required or not, bounded, printable.
func (v *validator) text(path, s string, required bool, max int) {
	switch {
	case s == "" && required:
		v.add(path, "missing")
	case len(s) > max:
		v.add(path, "%d bytes, more than the limit of %d", len(s), max)
	case !utf8.ValidString(s):
		v.add(path, "not valid UTF-8")
	case strings.ContainsFunc(s, unicode.IsControl):
		v.add(path, "contains a control character")
	}
}

var knownKinds = map[Kind]bool{KindModel: true, KindDataset: true, KindCode: true, KindConfig: true, KindOther: true}

var knownRelations = map[Relation]bool{
	RelationFinetune: true, RelationAdapter: true, RelationMerge: true, RelationQuantized: true,
	RelationDistilled: true, RelationTrainedOn: true, RelationEvaluatedOn: true, RelationCode: true, RelationOther: true,
}

// share checks one share and returns it, for summing.
func (v *validator) share(path string, share uint64) uint64 {
	if share > ShareWhole {
		v.add(path, "%s, more than 100%%", FormatShare(share))
	}
	return share
}

func (v *validator) manifest(m *Manifest) {
	if m.Schema != ManifestSchema {
		v.add("schema", "%q; want %q", m.Schema, ManifestSchema)
	}
	v.subject(&m.Subject)

	if len(m.Parents) > MaxParents {
		v.add("parents", "%d parents, more than the limit of %d", len(m.Parents), MaxParents)
	}
	var parentSum uint64
	seenParent := make(map[string]int, len(m.Parents))
	// No check that a parent is the manifest itself: its CID hashes an
	// encoding that contains the parent's CID, so that would take a SHA-256
	// fixed point. (Computing the CID here cost verification a whole
	// re-encoding of every manifest.)
	for i, p := range m.Parents {
		at := fmt.Sprintf("parents[%d]", i)
		if !p.CID.Defined() {
			v.add(at+".cid", "missing")
		} else if err := CheckCID(p.CID); err != nil {
			v.add(at+".cid", "%v", err)
		} else {
			k := p.CID.KeyString()
			if j, dup := seenParent[k]; dup {
				v.add(at+".cid", "duplicate of parents[%d] (%s)", j, p.CID)
			}
			seenParent[k] = i
			if p.CID.Equals(m.Subject.CID) {
				v.add(at+".cid", "the artifact itself (subject.cid %s) cannot be its own parent", p.CID)
			}
		}
		if !knownRelations[p.Relation] {
			v.add(at+".relation", "unknown relation %q; want one of finetune, adapter, merge, quantized, distilled, trained-on, evaluated-on, code, other", p.Relation)
		}
		parentSum += v.share(at+".share", p.Share)
		v.text(at+".name", p.Name, false, maxNameLen)
	}
	if parentSum > ShareWhole {
		v.add("parents", "shares sum to %s, more than 100%%", FormatShare(parentSum))
	}
	switch {
	case m.Royalty.Policy == "" && parentSum > 0:
		v.add("royalty.policy", "missing; parents have shares, so say how royalties flow: %q or %q", PolicyAbsolute, PolicyRelative)
	case m.Royalty.Policy != "" && m.Royalty.Policy != PolicyAbsolute && m.Royalty.Policy != PolicyRelative:
		v.add("royalty.policy", "unknown policy %q; want %q or %q", m.Royalty.Policy, PolicyAbsolute, PolicyRelative)
	}

	switch n := len(m.Contributors); {
	case n == 0:
		v.add("contributors", "none; credit at least one contributor (one may hold 100%%)")
	case n > MaxContributors:
		v.add("contributors", "%d contributors, more than the limit of %d", n, MaxContributors)
	}
	var contribSum uint64
	seenContrib := make(map[[2]string]int, len(m.Contributors))
	for i, c := range m.Contributors {
		at := fmt.Sprintf("contributors[%d]", i)
		id, err := normalizeID(c.ID)
		if err != nil {
			v.add(at+".id", "%v", err)
		}
		v.text(at+".role", c.Role, true, maxNameLen)
		key := [2]string{id, c.Role}
		if j, dup := seenContrib[key]; dup && err == nil {
			v.add(at, "duplicate of contributors[%d] (same id and role)", j)
		}
		seenContrib[key] = i
		contribSum += v.share(at+".share", c.Share)
		v.text(at+".name", c.Name, false, maxNameLen)
	}
	if len(m.Contributors) > 0 && contribSum != ShareWhole {
		v.add("contributors", "shares sum to %s; they must sum to exactly 100%% (%d)", FormatShare(contribSum), ShareWhole)
	}

	if m.License == "" {
		v.add("license", "missing; write an SPDX expression, or NOASSERTION")
	} else if err := checkLicense(m.License); err != nil {
		v.add("license", "%v", err)
	}
	if m.Created.IsZero() {
		v.add("created", "missing")
	} else if y := m.Created.UTC().Year(); y < 1970 || y > 9999 {
		v.add("created", "%s; want a time from 1970 to 9999", m.Created.UTC().Format(time.RFC3339Nano))
	}
	if b := m.Builder; b != nil {
		v.text("builder.pipeline", b.Pipeline, false, maxNameLen)
		v.text("builder.repository", b.Repository, false, maxNameLen)
		v.text("builder.commit", b.Commit, false, maxNameLen)
	}
	for k, x := range m.Extensions {
		at := "extensions." + ipld.PathKey(k)
		ns, name, ok := strings.Cut(k, "/")
		if !ok || ns == "" || name == "" || !strings.Contains(ns, ".") {
			v.add(at, "key must be namespaced by a domain you control, like \"org.example/key\"")
		}
		if err := checkExtension(x, at, 1); err != nil {
			v.add(at, "%v", errors.Unwrap(err))
		}
	}
}

func (v *validator) subject(s *Subject) {
	v.text("subject.name", s.Name, true, maxNameLen)
	if !knownKinds[s.Kind] {
		v.add("subject.kind", "unknown kind %q; want model, dataset, code, config or other", s.Kind)
	}
	if !s.CID.Defined() {
		v.add("subject.cid", "missing")
	} else if err := CheckCID(s.CID); err != nil {
		v.add("subject.cid", "%v", err)
	}
	if s.Size < 0 {
		v.add("subject.size", "negative")
	}
	if len(s.Files) > MaxFiles {
		v.add("subject.files", "%d files, more than the limit of %d", len(s.Files), MaxFiles)
	}
	var sum int64
	for i, f := range s.Files {
		at := fmt.Sprintf("subject.files[%d]", i)
		if err := checkRelPath(f.Path); err != nil {
			v.add(at+".path", "%v", err)
		}
		if i > 0 && f.Path <= s.Files[i-1].Path {
			if f.Path == s.Files[i-1].Path {
				v.add(at+".path", "duplicate path %q", f.Path)
			} else {
				v.add(at+".path", "%q after %q; files must be sorted by path", f.Path, s.Files[i-1].Path)
			}
		}
		if !f.CID.Defined() {
			v.add(at+".cid", "missing")
		} else if err := CheckCID(f.CID); err != nil {
			v.add(at+".cid", "%v", err)
		}
		if f.Size < 0 {
			v.add(at+".size", "negative")
		}
		sum += f.Size
		if !isSHA256Hex(f.SHA256) {
			v.add(at+".sha256", "%q; want 64 lowercase hex digits", f.SHA256)
		}
	}
	if len(s.Files) > 0 && sum != s.Size {
		v.add("subject.size", "%d, but the files add up to %d bytes", s.Size, sum)
	}
	seen := map[string]bool{}
	for i, f := range s.Formats {
		at := fmt.Sprintf("subject.formats[%d]", i)
		v.text(at, f, true, maxNameLen)
		if seen[f] {
			v.add(at, "duplicate format %q", f)
		}
		seen[f] = true
	}
	v.tensors(s)
}

func isSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// checkRelPath accepts slash-separated relative paths with no empty, "." or
// ".." elements: the paths a manifest may name inside an artifact.
func checkRelPath(p string) error {
	switch {
	case p == "":
		return errors.New("empty path")
	case len(p) > maxPathLen:
		return fmt.Errorf("path of %d bytes, more than the limit of %d", len(p), maxPathLen)
	case !utf8.ValidString(p):
		return errors.New("path is not valid UTF-8")
	case strings.HasPrefix(p, "/"):
		return fmt.Errorf("absolute path %q; want a path relative to the artifact root", p)
	case strings.ContainsAny(p, "\\\x00"):
		return fmt.Errorf("path %q contains a backslash or NUL; paths are slash-separated", p)
	case path.Clean(p) != p:
		return fmt.Errorf("path %q is not clean (empty, \".\" or trailing elements)", p)
	case p == ".." || strings.HasPrefix(p, "../"):
		return fmt.Errorf("path %q leaves the artifact root", p)
	}
	return nil
}

// normalizeID checks a contributor identity and returns the form duplicates
// are compared in.
func normalizeID(id string) (string, error) {
	switch {
	case strings.HasPrefix(id, "0x") || strings.HasPrefix(id, "0X"):
		if _, err := eip55.Parse(id, nil); err != nil {
			return "", fmt.Errorf("%q: %w", id, err)
		}
		return "0x" + strings.ToLower(id[2:]), nil
	case strings.HasPrefix(id, "ed25519:"):
		b, err := base64.RawURLEncoding.Strict().DecodeString(id[len("ed25519:"):])
		if err != nil || len(b) != 32 {
			return "", fmt.Errorf("%q: an ed25519 key is \"ed25519:\" followed by the 32-byte key in unpadded base64url", id)
		}
		return id, nil
	case strings.HasPrefix(id, "p256:"):
		// The 33-byte compressed SEC 1 point: 0x02 or 0x03, then X. That
		// X is on the curve is checked where the key is used (attest).
		b, err := base64.RawURLEncoding.Strict().DecodeString(id[len("p256:"):])
		if err != nil || len(b) != 33 || (b[0] != 2 && b[0] != 3) {
			return "", fmt.Errorf("%q: a P-256 key is \"p256:\" followed by the 33-byte compressed point in unpadded base64url", id)
		}
		return id, nil
	case strings.HasPrefix(id, TokenContributorPrefix):
		c, err := cid.Decode(id[len(TokenContributorPrefix):])
		if err != nil || c.Prefix().Codec != cid.DagCBOR || c.Version() != 1 || c.String() != id[len(TokenContributorPrefix):] {
			return "", fmt.Errorf("%q: a registry token is \"token:\" followed by a manifest's CIDv1 (dag-cbor, base32 as `aiprov manifest` prints it)", id)
		}
		return id, nil
	case id == "":
		return "", errors.New("missing")
	}
	return "", fmt.Errorf("%q: want an Ethereum address (0x…), an ed25519 or P-256 key (ed25519:…, p256:…) or a registry token (token:<manifest CID>)", id)
}

// TokenContributorPrefix starts a contributor ID that names a registry
// token: "token:" and the CID of a registered manifest. Royalties credited
// to it go to whoever owns that manifest's token when a payment is split,
// so selling the token sells the royalty right.
const TokenContributorPrefix = "token:"
