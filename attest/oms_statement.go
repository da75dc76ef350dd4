package attest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"
)

// OMSResource is one entry of an OMS predicate's resources: a file of the
// model, by its path relative to the model root ("/"-separated), and its
// digest.
type OMSResource struct {
	Name      string `json:"name"`
	Algorithm string `json:"algorithm"`
	Digest    string `json:"digest"` // lower-case hex
}

// OMSSerialization records how the model's files were listed and hashed.
type OMSSerialization struct {
	Method        string   `json:"method"`    // "files" ("shards" is read, not verified)
	HashType      string   `json:"hash_type"` // "sha256"
	ShardSize     int64    `json:"shard_size,omitempty"`
	AllowSymlinks bool     `json:"allow_symlinks"`
	IgnorePaths   []string `json:"ignore_paths,omitempty"`
}

// OMSStatement is what an OMS bundle's signature covers, decoded.
type OMSStatement struct {
	PredicateType string
	// ModelName is the subject's name: informational only.
	ModelName string
	// RootDigest is the subject's sha256: the SHA-256 of the resources'
	// raw digests concatenated in their order (empty for v0.1 bundles).
	RootDigest    string
	Resources     []OMSResource
	Serialization OMSSerialization
	// ManifestCID is the OMSManifestAnnotation of the subject, if any.
	ManifestCID string
}

type omsStatementJSON struct {
	Type          string           `json:"_type"`
	Subject       []omsSubjectJSON `json:"subject"`
	PredicateType string           `json:"predicateType"`
	Predicate     omsPredicateJSON `json:"predicate"`
}

type omsSubjectJSON struct {
	Name        string            `json:"name"`
	Digest      map[string]string `json:"digest"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

type omsPredicateJSON struct {
	Resources     []OMSResource    `json:"resources"`
	Serialization OMSSerialization `json:"serialization"`
}

// omsRootDigest is the subject digest: SHA-256 over the raw resource
// digests concatenated in order.
func omsRootDigest(res []OMSResource) (string, error) {
	h := sha256.New()
	for i, r := range res {
		raw, err := hex.DecodeString(r.Digest)
		if err != nil {
			return "", fmt.Errorf("predicate.resources[%d] (%s).digest: not hex", i, r.Name)
		}
		h.Write(raw)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// marshal writes the statement as the DSSE payload.
func (s *OMSStatement) marshal() ([]byte, error) {
	sub := omsSubjectJSON{Name: s.ModelName, Digest: map[string]string{DigestSHA256: s.RootDigest}}
	if s.ManifestCID != "" {
		sub.Annotations = map[string]string{OMSManifestAnnotation: s.ManifestCID}
	}
	return marshalNoEscape(omsStatementJSON{
		Type:          StatementTypeV1,
		Subject:       []omsSubjectJSON{sub},
		PredicateType: PredicateTypeOMS,
		Predicate:     omsPredicateJSON{Resources: s.Resources, Serialization: s.Serialization},
	})
}

// ParseOMSStatement parses an OMS bundle's DSSE payload, strictly (see
// ParseOMSBundle), as model_signing v1.1 reads it: an in-toto Statement v1
// with predicate type PredicateTypeOMS (exactly one subject, whose sha256
// must be the root digest of the resources) or PredicateTypeOMSv01 (one
// subject per file). Unknown predicate fields are ignored, as the predicate
// type asks of v1.0 verifiers, and so are unknown resource descriptor
// fields.
func ParseOMSStatement(payload []byte) (*OMSStatement, error) {
	s, err := parseOMSStatement(payload)
	if err != nil {
		return nil, fmt.Errorf("%w: statement: %w", ErrMalformedOMSBundle, err)
	}
	return s, nil
}

func parseOMSStatement(payload []byte) (*OMSStatement, error) {
	if err := checkStrictJSON(payload); err != nil {
		return nil, err
	}
	top, err := parseJSONObject(payload, "")
	if err != nil {
		return nil, errors.New("want a JSON object (an in-toto Statement)")
	}
	if err := top.only("_type", "subject", "predicateType", "predicate"); err != nil {
		return nil, err
	}
	typ, _, err := top.str("_type", true)
	if err != nil {
		return nil, err
	}
	if typ != StatementTypeV1 {
		return nil, fmt.Errorf("_type is %q, want %q", typ, StatementTypeV1)
	}
	s := &OMSStatement{}
	if s.PredicateType, _, err = top.str("predicateType", true); err != nil {
		return nil, err
	}
	subjects, _, err := top.array("subject", true, maxOMSResources)
	if err != nil {
		return nil, err
	}
	switch s.PredicateType {
	case PredicateTypeOMS:
		return s, s.parseV1(top, subjects)
	case PredicateTypeOMSv01:
		return s, s.parseV01(subjects)
	}
	return nil, fmt.Errorf("predicateType is %q, want %q", s.PredicateType, PredicateTypeOMS)
}

func (s *OMSStatement) parseV1(top jsonObject, subjects []json.RawMessage) error {
	if len(subjects) != 1 {
		return fmt.Errorf("subject: %d entries, want exactly one (the model)", len(subjects))
	}
	sub, err := parseOMSSubject(subjects[0], "subject[0]")
	if err != nil {
		return err
	}
	s.ModelName, s.RootDigest = sub.Name, sub.Digest[DigestSHA256]
	if s.RootDigest == "" {
		return errors.New("subject[0].digest: no sha256")
	}
	if cidStr, ok := sub.Annotations[OMSManifestAnnotation]; ok {
		s.ManifestCID = cidStr
	}
	pred, _, err := top.object("predicate", true)
	if err != nil {
		return err
	}
	ser, _, err := pred.object("serialization", true)
	if err != nil {
		return err
	}
	if err := s.parseSerialization(ser); err != nil {
		return err
	}
	resources, _, err := pred.array("resources", true, maxOMSResources)
	if err != nil {
		return err
	}
	if len(resources) == 0 {
		return errors.New("predicate.resources is empty: a model has at least one file")
	}
	seen := make(map[string]bool, len(resources))
	for i, raw := range resources {
		ro, err := parseJSONObject(raw, fmt.Sprintf("predicate.resources[%d]", i))
		if err != nil {
			return err
		}
		var r OMSResource
		if r.Name, _, err = ro.str("name", true); err != nil {
			return err
		}
		if r.Algorithm, _, err = ro.str("algorithm", true); err != nil {
			return err
		}
		if r.Digest, _, err = ro.str("digest", true); err != nil {
			return err
		}
		if err := checkOMSResourceName(r.Name, s.Serialization.Method); err != nil {
			return fmt.Errorf("%s.name: %w", ro.path, err)
		}
		if seen[r.Name] {
			return fmt.Errorf("%s.name %q is listed twice", ro.path, r.Name)
		}
		seen[r.Name] = true
		if r.Algorithm != s.Serialization.HashType {
			return fmt.Errorf("%s (%s).algorithm is %q but serialization.hash_type is %q", ro.path, r.Name, r.Algorithm, s.Serialization.HashType)
		}
		if !isLowerHex(r.Digest) {
			return fmt.Errorf("%s (%s).digest %q: want lower-case hex", ro.path, r.Name, shorten(r.Digest))
		}
		s.Resources = append(s.Resources, r)
	}
	root, err := omsRootDigest(s.Resources)
	if err != nil {
		return err
	}
	if root != s.RootDigest {
		return fmt.Errorf("subject[0].digest.sha256 is %s, but the resources hash to %s", s.RootDigest, root)
	}
	return nil
}

func (s *OMSStatement) parseSerialization(ser jsonObject) error {
	var err error
	if s.Serialization.Method, _, err = ser.str("method", true); err != nil {
		return err
	}
	if s.Serialization.HashType, _, err = ser.str("hash_type", true); err != nil {
		return err
	}
	raw, ok := ser.m["allow_symlinks"]
	if !ok {
		return fmt.Errorf("%s: missing", ser.name("allow_symlinks"))
	}
	if err := json.Unmarshal(raw, &s.Serialization.AllowSymlinks); err != nil {
		return fmt.Errorf("%s: want true or false, got %s", ser.name("allow_symlinks"), jsonKind(raw))
	}
	switch s.Serialization.Method {
	case "files":
		if ser.has("shard_size") {
			return fmt.Errorf("%s: present with method \"files\"", ser.name("shard_size"))
		}
	case "shards":
		if err := json.Unmarshal(ser.m["shard_size"], &s.Serialization.ShardSize); err != nil || s.Serialization.ShardSize <= 0 {
			return fmt.Errorf("%s: want a positive integer with method \"shards\"", ser.name("shard_size"))
		}
	default:
		return fmt.Errorf("%s is %q, want \"files\" or \"shards\"", ser.name("method"), s.Serialization.Method)
	}
	switch s.Serialization.HashType {
	case "sha256", "blake2b", "blake3":
	default:
		return fmt.Errorf("%s is %q, want sha256, blake2b or blake3", ser.name("hash_type"), s.Serialization.HashType)
	}
	paths, _, err := ser.array("ignore_paths", false, maxOMSIgnorePaths)
	if err != nil {
		return err
	}
	for i, raw := range paths {
		var p string
		if err := json.Unmarshal(raw, &p); err != nil {
			return fmt.Errorf("%s[%d]: want a string, got %s", ser.name("ignore_paths"), i, jsonKind(raw))
		}
		s.Serialization.IgnorePaths = append(s.Serialization.IgnorePaths, p)
	}
	return nil
}

// parseV01 reads model_signing v0.2's layout: a subject per file.
func (s *OMSStatement) parseV01(subjects []json.RawMessage) error {
	if len(subjects) == 0 {
		return errors.New("subject is empty: a model has at least one file")
	}
	s.Serialization = OMSSerialization{Method: "files", HashType: "sha256"}
	seen := make(map[string]bool, len(subjects))
	for i, raw := range subjects {
		path := fmt.Sprintf("subject[%d]", i)
		sub, err := parseOMSSubject(raw, path)
		if err != nil {
			return err
		}
		d := sub.Digest[DigestSHA256]
		if !isSHA256Hex(d) {
			return fmt.Errorf("%s (%s).digest.sha256: want 64 lower-case hex digits", path, sub.Name)
		}
		if err := checkOMSResourceName(sub.Name, "files"); err != nil {
			return fmt.Errorf("%s.name: %w", path, err)
		}
		if seen[sub.Name] {
			return fmt.Errorf("%s.name %q is listed twice", path, sub.Name)
		}
		seen[sub.Name] = true
		s.Resources = append(s.Resources, OMSResource{Name: sub.Name, Algorithm: "sha256", Digest: d})
	}
	return nil
}

type omsSubject struct {
	Name        string
	Digest      map[string]string
	Annotations map[string]string
}

func parseOMSSubject(raw json.RawMessage, path string) (*omsSubject, error) {
	o, err := parseJSONObject(raw, path)
	if err != nil {
		return nil, err
	}
	sub := &omsSubject{}
	if sub.Name, _, err = o.str("name", true); err != nil {
		return nil, err
	}
	if sub.Name == "" {
		return nil, fmt.Errorf("%s.name is empty", path)
	}
	d, _, err := o.object("digest", true)
	if err != nil {
		return nil, err
	}
	sub.Digest = map[string]string{}
	for k := range d.m {
		v, _, err := d.str(k, true)
		if err != nil {
			return nil, err
		}
		sub.Digest[k] = v
	}
	if sha, ok := sub.Digest[DigestSHA256]; ok && !isSHA256Hex(sha) {
		return nil, fmt.Errorf("%s.digest.sha256 %q: want 64 lower-case hex digits", path, shorten(sha))
	}
	if a, ok, err := o.object("annotations", false); err != nil {
		return nil, err
	} else if ok {
		// Other annotations may hold any JSON; only string ones are kept.
		sub.Annotations = map[string]string{}
		for k, v := range a.m {
			var s string
			if json.Unmarshal(v, &s) == nil {
				sub.Annotations[k] = s
			}
		}
	}
	return sub, nil
}

// checkOMSResourceName checks that a resource name is a canonical relative
// path (or, for shards, path:start:end): no leading "/", no "." or ".."
// components other than a lone "." (model_signing v1.1's name for a
// single-file model), no empty components, no NUL.
func checkOMSResourceName(name, method string) error {
	p := name
	if method == "shards" {
		var ok bool
		if p, _, _, ok = splitShardName(name); !ok {
			return fmt.Errorf("%q: want path:start:end", name)
		}
	}
	if p == "." {
		return nil
	}
	if p == "" || strings.HasPrefix(p, "/") || strings.ContainsRune(p, 0) || path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") {
		return fmt.Errorf("%q is not a canonical relative path", name)
	}
	return nil
}

// splitShardName splits "path:start:end" at its last two colons.
func splitShardName(name string) (p string, start, end int64, ok bool) {
	i := strings.LastIndexByte(name, ':')
	if i < 0 {
		return "", 0, 0, false
	}
	j := strings.LastIndexByte(name[:i], ':')
	if j < 0 {
		return "", 0, 0, false
	}
	if _, err := fmt.Sscan(name[j+1:i], &start); err != nil {
		return "", 0, 0, false
	}
	if _, err := fmt.Sscan(name[i+1:], &end); err != nil || start < 0 || end < start {
		return "", 0, 0, false
	}
	return name[:j], start, end, true
}

func isLowerHex(s string) bool {
	if s == "" || len(s)%2 != 0 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
