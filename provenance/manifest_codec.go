package provenance

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// Limits on manifests read from untrusted bytes.
const (
	// MaxManifestSize bounds a manifest's DAG-CBOR encoding: one block that
	// Kubo's `dag put` and Bitswap accept without --allow-big-block. Its
	// DAG-JSON form may be up to four times larger.
	MaxManifestSize     = 1 << 20
	maxManifestJSONSize = 4 * MaxManifestSize
	// MaxManifestDepth bounds nesting, which only extensions can deepen.
	MaxManifestDepth = 32
	maxListLen       = 1 << 20
	maxStringLen     = 64 << 10
)

var manifestLimits = ipld.Limits{
	MaxSize:      MaxManifestSize,
	MaxDepth:     MaxManifestDepth,
	MaxListLen:   maxListLen,
	MaxStringLen: maxStringLen,
}

var manifestJSONLimits = ipld.Limits{
	MaxSize:      maxManifestJSONSize,
	MaxDepth:     MaxManifestDepth,
	MaxListLen:   maxListLen,
	MaxStringLen: maxStringLen,
}

var (
	// ErrMalformedManifest is wrapped by every error of DecodeManifest and
	// ParseManifestJSON: the bytes are not a manifest in canonical form.
	ErrMalformedManifest = errors.New("malformed manifest")
	// ErrInvalidManifest is wrapped by every error of Validate: the
	// manifest is well formed but breaks a rule.
	ErrInvalidManifest = errors.New("invalid manifest")
	// ErrManifestTooLarge is wrapped when a manifest's DAG-CBOR encoding
	// would exceed MaxManifestSize.
	ErrManifestTooLarge = errors.New("manifest too large")
)

// FieldError locates a problem in a manifest. Match it with errors.As; it
// also matches ErrMalformedManifest or ErrInvalidManifest with errors.Is.
type FieldError struct {
	Path   string // e.g. "parents[2].share"; "" for the whole manifest
	Offset int64  // byte offset in the encoded input; -1 when not known
	Err    error  // what is wrong
	kind   error  // ErrMalformedManifest or ErrInvalidManifest
}

func (e *FieldError) Error() string {
	// Said the way the codec says it, so that both read alike.
	return (&ipld.Error{Offset: e.Offset, Path: e.Path, Err: e.Err}).Error()
}

func (e *FieldError) Unwrap() []error { return []error{e.kind, e.Err} }

func malformed(path string, format string, args ...any) *FieldError {
	return &FieldError{Path: path, Offset: -1, Err: fmt.Errorf(format, args...), kind: ErrMalformedManifest}
}

// fromIPLD turns a codec error into a FieldError.
func fromIPLD(err error) error {
	if fe := (*FieldError)(nil); errors.As(err, &fe) {
		return err // already located (a missing field, found after its map)
	}
	var ie *ipld.Error
	if errors.As(err, &ie) {
		return &FieldError{Path: ie.Path, Offset: ie.Offset, Err: ie.Err, kind: ErrMalformedManifest}
	}
	return &FieldError{Offset: -1, Err: err, kind: ErrMalformedManifest}
}

// MarshalCBOR returns the manifest's canonical DAG-CBOR encoding, the bytes
// its CID is computed over.
func (m *Manifest) MarshalCBOR() ([]byte, error) {
	node, err := m.toNode()
	if err != nil {
		return nil, err
	}
	return encodeCBOR(node)
}

func encodeCBOR(node map[string]any) ([]byte, error) {
	b, err := ipld.EncodeCBOR(node)
	if err != nil {
		return nil, fromIPLD(err)
	}
	if len(b) > MaxManifestSize {
		return nil, &FieldError{Offset: -1, Err: fmt.Errorf("%w: encodes to %d bytes, more than the limit of %d for one IPFS block (too many files? BuildOptions.OmitFiles records only the root CID)", ErrManifestTooLarge, len(b), MaxManifestSize), kind: ErrMalformedManifest}
	}
	return b, nil
}

// MarshalJSON returns the manifest as DAG-JSON: compact, keys sorted, links
// as {"/": "cid"} — the same bytes `ipfs dag get` prints for its CID. It
// refuses what MarshalCBOR refuses, so that every DAG-JSON it writes has a
// CID.
func (m *Manifest) MarshalJSON() ([]byte, error) {
	node, err := m.toNode()
	if err != nil {
		return nil, err
	}
	if _, err := encodeCBOR(node); err != nil {
		return nil, err
	}
	b, err := ipld.EncodeJSON(node)
	if err != nil {
		return nil, fromIPLD(err)
	}
	return b, nil
}

// UnmarshalJSON parses DAG-JSON as ParseManifestJSON does.
func (m *Manifest) UnmarshalJSON(data []byte) error {
	p, err := ParseManifestJSON(data)
	if err != nil {
		return err
	}
	*m = *p
	return nil
}

// CID returns the manifest's CID: CIDv1, codec dag-cbor, sha2-256 of
// MarshalCBOR — what `ipfs dag put` gives for the same document.
func (m *Manifest) CID() (cid.Cid, error) {
	b, err := m.MarshalCBOR()
	if err != nil {
		return cid.Undef, err
	}
	return ManifestCID(b)
}

// ManifestCID returns the CID of an encoded manifest's DAG-CBOR bytes.
func ManifestCID(cbor []byte) (cid.Cid, error) {
	return cid.Prefix{Version: 1, Codec: cid.DagCBOR, MhType: mh.SHA2_256, MhLength: -1}.Sum(cbor)
}

// DecodeManifest decodes a manifest from canonical DAG-CBOR. It refuses
// anything that would not re-encode to the same bytes — unsorted or
// duplicate keys, non-minimal integers, indefinite lengths, floats, unknown
// fields, explicitly empty optional fields — with a *FieldError naming the
// field and, where known, the byte offset. It checks form, not meaning:
// call Validate for that.
func DecodeManifest(data []byte) (*Manifest, error) {
	// The strict reader (sorted keys, minimal heads, no floats) and the
	// field checks (no unknown fields, no explicitly empty optional fields)
	// together refuse every document that would not re-encode to the same
	// bytes; FuzzDecodeManifest holds them to that promise.
	return decodeManifestCBOR(data)
}

// ParseManifestJSON parses a manifest from DAG-JSON. Whitespace and key
// order are free (the CID is defined over the DAG-CBOR form), but duplicate
// keys, unknown fields, floats, non-canonical CID strings and explicitly
// empty optional fields are refused with a *FieldError.
func ParseManifestJSON(data []byte) (*Manifest, error) {
	node, err := ipld.DecodeJSON(data, manifestJSONLimits)
	if err != nil {
		return nil, fromIPLD(err)
	}
	return manifestFromNode(node)
}

// ReadManifest decodes a manifest from either form: DAG-JSON when the
// first non-space byte is '{', DAG-CBOR otherwise.
func ReadManifest(data []byte) (*Manifest, error) {
	if isJSON(data) {
		return ParseManifestJSON(data)
	}
	return DecodeManifest(data)
}

// isJSON reports whether ReadManifest reads data as DAG-JSON.
func isJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

// toNode converts m to the IPLD data model.
func (m *Manifest) toNode() (map[string]any, error) {
	if !m.Subject.CID.Defined() {
		return nil, malformed("subject.cid", "not set")
	}
	subj := map[string]any{
		"name": m.Subject.Name,
		"kind": string(m.Subject.Kind),
		"cid":  m.Subject.CID,
		"size": m.Subject.Size,
	}
	if len(m.Subject.Files) > 0 {
		files := make([]any, len(m.Subject.Files))
		for i, f := range m.Subject.Files {
			if !f.CID.Defined() {
				return nil, malformed(fmt.Sprintf("subject.files[%d].cid", i), "not set")
			}
			files[i] = map[string]any{"path": f.Path, "cid": f.CID, "size": f.Size, "sha256": f.SHA256}
		}
		subj["files"] = files
	}
	if len(m.Subject.Formats) > 0 {
		subj["formats"] = stringsToNode(m.Subject.Formats)
	}
	if len(m.Subject.Tensors) > 0 {
		ts, err := tensorsToNode(m.Subject.Tensors)
		if err != nil {
			return nil, err
		}
		subj["tensors"] = ts
	}
	parents := make([]any, len(m.Parents))
	for i, p := range m.Parents {
		if !p.CID.Defined() {
			return nil, malformed(fmt.Sprintf("parents[%d].cid", i), "not set")
		}
		if p.Share > ShareWhole {
			return nil, malformed(fmt.Sprintf("parents[%d].share", i), "%d is more than ShareWhole (%d)", p.Share, ShareWhole)
		}
		n := map[string]any{"cid": p.CID, "relation": string(p.Relation), "share": int64(p.Share)}
		if p.Name != "" {
			n["name"] = p.Name
		}
		parents[i] = n
	}
	contributors := make([]any, len(m.Contributors))
	for i, c := range m.Contributors {
		if c.Share > ShareWhole {
			return nil, malformed(fmt.Sprintf("contributors[%d].share", i), "%d is more than ShareWhole (%d)", c.Share, ShareWhole)
		}
		n := map[string]any{"id": c.ID, "role": c.Role, "share": int64(c.Share)}
		if c.Name != "" {
			n["name"] = c.Name
		}
		contributors[i] = n
	}
	node := map[string]any{
		"schema":       m.Schema,
		"subject":      subj,
		"parents":      parents,
		"contributors": contributors,
		"license":      m.License,
		"created":      m.Created,
	}
	if m.Royalty.Policy != "" {
		node["royalty"] = map[string]any{"policy": string(m.Royalty.Policy)}
	}
	if b := m.Builder; b != nil {
		n := map[string]any{}
		setIf(n, "pipeline", b.Pipeline)
		setIf(n, "repository", b.Repository)
		setIf(n, "commit", b.Commit)
		node["builder"] = n
	}
	if len(m.Extensions) > 0 {
		if err := checkExtension(m.Extensions, "extensions", 0); err != nil {
			return nil, err
		}
		node["extensions"] = m.Extensions
	}
	return node, nil
}

func setIf(n map[string]any, k, v string) {
	if v != "" {
		n[k] = v
	}
}

func stringsToNode(ss []string) []any {
	l := make([]any, len(ss))
	for i, s := range ss {
		l[i] = s
	}
	return l
}

// checkExtension refuses values outside the manifest's data model: floats
// (shares and money are integers; a float has no single decimal form) and
// Go types the codec does not know.
func checkExtension(v any, path string, depth int) error {
	if depth > MaxManifestDepth {
		return malformed(path, "nested deeper than %d", MaxManifestDepth)
	}
	switch v := v.(type) {
	case nil, bool, int64, string, []byte:
	case int:
	case cid.Cid:
		if !v.Defined() {
			return malformed(path, "undefined CID")
		}
	case float64, float32:
		return malformed(path, "float %v: manifests hold integers only (scale the value, or write it as a string)", v)
	case []any:
		for i, x := range v {
			if err := checkExtension(x, path+"["+strconv.Itoa(i)+"]", depth+1); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, x := range v {
			if k == "/" {
				return malformed(path, `map key "/" is reserved by DAG-JSON for links and bytes`)
			}
			if err := checkExtension(x, path+"."+ipld.PathKey(k), depth+1); err != nil {
				return err
			}
		}
	default:
		return malformed(path, "Go type %T is not an IPLD value (want nil, bool, int64, string, []byte, cid.Cid, []any or map[string]any)", v)
	}
	return nil
}

// fields reads one map of the data model into Go values, tracking the path
// for errors and which keys were read.
type fields struct {
	path  string
	m     map[string]any
	known map[string]bool
	seen  int
}

func asFields(v any, path string, known map[string]bool) (*fields, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, malformed(path, "want a map, got %s", kindOf(v))
	}
	return &fields{path: path, m: m, known: known}, nil
}

func (f *fields) sub(k string) string {
	if f.path == "" {
		return k
	}
	return f.path + "." + k
}

func (f *fields) get(k string, required bool) (any, bool, error) {
	v, ok := f.m[k]
	if !ok {
		if required {
			return nil, false, malformed(f.sub(k), "missing required field")
		}
		return nil, false, nil
	}
	f.seen++
	return v, true, nil
}

func (f *fields) str(k string, required bool) (string, error) {
	v, ok, err := f.get(k, required)
	if err != nil || !ok {
		return "", err
	}
	s, isStr := v.(string)
	if !isStr {
		return "", malformed(f.sub(k), "want a string, got %s", kindOf(v))
	}
	if !required && s == "" {
		return "", malformed(f.sub(k), "empty optional field must be omitted")
	}
	return s, nil
}

func (f *fields) int(k string) (int64, error) {
	v, _, err := f.get(k, true)
	if err != nil {
		return 0, err
	}
	n, ok := v.(int64)
	if !ok {
		return 0, malformed(f.sub(k), "want an integer, got %s", kindOf(v))
	}
	return n, nil
}

func (f *fields) share(k string) (uint64, error) {
	n, err := f.int(k)
	if err != nil {
		return 0, err
	}
	if n < 0 || n > ShareWhole {
		return 0, malformed(f.sub(k), "share %d outside 0..%d (ShareWhole = 100%%)", n, ShareWhole)
	}
	return uint64(n), nil
}

func (f *fields) size(k string) (int64, error) {
	n, err := f.int(k)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, malformed(f.sub(k), "negative size %d", n)
	}
	return n, nil
}

func (f *fields) link(k string) (cid.Cid, error) {
	v, _, err := f.get(k, true)
	if err != nil {
		return cid.Undef, err
	}
	c, ok := v.(cid.Cid)
	if !ok {
		return cid.Undef, malformed(f.sub(k), "want a link {\"/\": \"cid\"}, got %s", kindOf(v))
	}
	return c, nil
}

func (f *fields) list(k string, required bool) ([]any, error) {
	v, ok, err := f.get(k, required)
	if err != nil || !ok {
		return nil, err
	}
	l, isList := v.([]any)
	if !isList {
		return nil, malformed(f.sub(k), "want a list, got %s", kindOf(v))
	}
	if !required && len(l) == 0 {
		return nil, malformed(f.sub(k), "empty optional field must be omitted")
	}
	return l, nil
}

// done refuses fields that were not read, naming the first in DAG-CBOR
// order so that the error is deterministic.
func (f *fields) done() error {
	if f.seen == len(f.m) {
		return nil
	}
	for _, k := range ipld.SortedKeysCBOR(f.m) {
		if !f.known[k] {
			return malformed(f.sub(ipld.PathKey(k)), "unknown field (extra data belongs under \"extensions\")")
		}
	}
	return malformed(f.path, "unknown field")
}

func set(ks ...string) map[string]bool {
	m := make(map[string]bool, len(ks))
	for _, k := range ks {
		m[k] = true
	}
	return m
}

var (
	topFields         = set("schema", "subject", "parents", "contributors", "license", "royalty", "created", "builder", "extensions")
	subjectFields     = set("name", "kind", "cid", "size", "files", "formats", "tensors")
	fileFields        = set("path", "cid", "size", "sha256")
	parentFields      = set("cid", "relation", "share", "name")
	contributorFields = set("id", "role", "share", "name")
	royaltyFields     = set("policy")
	builderFields     = set("pipeline", "repository", "commit")
)

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case string:
		return "a string"
	case []byte:
		return "bytes"
	case cid.Cid:
		return "a link"
	case []any:
		return "a list"
	case map[string]any:
		return "a map"
	}
	return fmt.Sprintf("%T", v)
}

// manifestFromNode converts the data model to a Manifest.
func manifestFromNode(node any) (*Manifest, error) {
	top, err := asFields(node, "", topFields)
	if err != nil {
		return nil, err
	}
	m := &Manifest{}
	if m.Schema, err = top.str("schema", true); err != nil {
		return nil, err
	}
	// Refuse other schemas before reading fields whose meaning they may change.
	if m.Schema != ManifestSchema {
		return nil, malformed("schema", "unsupported schema %q; this version reads %q", m.Schema, ManifestSchema)
	}
	sv, _, err := top.get("subject", true)
	if err != nil {
		return nil, err
	}
	if m.Subject, err = subjectFromNode(sv); err != nil {
		return nil, err
	}
	pl, err := top.list("parents", true)
	if err != nil {
		return nil, err
	}
	if len(pl) > 0 {
		m.Parents = make([]Parent, len(pl))
	}
	for i, v := range pl {
		f, err := asFields(v, fmt.Sprintf("parents[%d]", i), parentFields)
		if err != nil {
			return nil, err
		}
		p := &m.Parents[i]
		if p.CID, err = f.link("cid"); err != nil {
			return nil, err
		}
		var rel string
		if rel, err = f.str("relation", true); err != nil {
			return nil, err
		}
		p.Relation = Relation(rel)
		if p.Share, err = f.share("share"); err != nil {
			return nil, err
		}
		if p.Name, err = f.str("name", false); err != nil {
			return nil, err
		}
		if err := f.done(); err != nil {
			return nil, err
		}
	}
	cl, err := top.list("contributors", true)
	if err != nil {
		return nil, err
	}
	if len(cl) > 0 {
		m.Contributors = make([]Contributor, len(cl))
	}
	for i, v := range cl {
		f, err := asFields(v, fmt.Sprintf("contributors[%d]", i), contributorFields)
		if err != nil {
			return nil, err
		}
		c := &m.Contributors[i]
		if c.ID, err = f.str("id", true); err != nil {
			return nil, err
		}
		if c.Role, err = f.str("role", true); err != nil {
			return nil, err
		}
		if c.Share, err = f.share("share"); err != nil {
			return nil, err
		}
		if c.Name, err = f.str("name", false); err != nil {
			return nil, err
		}
		if err := f.done(); err != nil {
			return nil, err
		}
	}
	if m.License, err = top.str("license", true); err != nil {
		return nil, err
	}
	if m.Created, err = top.str("created", true); err != nil {
		return nil, err
	}
	if rv, ok, err := top.get("royalty", false); err != nil {
		return nil, err
	} else if ok {
		f, err := asFields(rv, "royalty", royaltyFields)
		if err != nil {
			return nil, err
		}
		policy, err := f.str("policy", true)
		if err != nil {
			return nil, err
		}
		if policy == "" {
			return nil, malformed("royalty.policy", "empty; omit \"royalty\" instead")
		}
		m.Royalty.Policy = RoyaltyPolicy(policy)
		if err := f.done(); err != nil {
			return nil, err
		}
	}
	if bv, ok, err := top.get("builder", false); err != nil {
		return nil, err
	} else if ok {
		f, err := asFields(bv, "builder", builderFields)
		if err != nil {
			return nil, err
		}
		b := &Builder{}
		if b.Pipeline, err = f.str("pipeline", false); err != nil {
			return nil, err
		}
		if b.Repository, err = f.str("repository", false); err != nil {
			return nil, err
		}
		if b.Commit, err = f.str("commit", false); err != nil {
			return nil, err
		}
		if err := f.done(); err != nil {
			return nil, err
		}
		m.Builder = b
	}
	if ev, ok, err := top.get("extensions", false); err != nil {
		return nil, err
	} else if ok {
		ext, isMap := ev.(map[string]any)
		if !isMap {
			return nil, malformed("extensions", "want a map, got %s", kindOf(ev))
		}
		if len(ext) == 0 {
			return nil, malformed("extensions", "empty optional field must be omitted")
		}
		if err := checkExtension(ext, "extensions", 0); err != nil {
			return nil, err
		}
		m.Extensions = ext
	}
	if err := top.done(); err != nil {
		return nil, err
	}
	return m, nil
}

func subjectFromNode(v any) (Subject, error) {
	var s Subject
	f, err := asFields(v, "subject", subjectFields)
	if err != nil {
		return s, err
	}
	if s.Name, err = f.str("name", true); err != nil {
		return s, err
	}
	var kind string
	if kind, err = f.str("kind", true); err != nil {
		return s, err
	}
	s.Kind = Kind(kind)
	if s.CID, err = f.link("cid"); err != nil {
		return s, err
	}
	if s.Size, err = f.size("size"); err != nil {
		return s, err
	}
	files, err := f.list("files", false)
	if err != nil {
		return s, err
	}
	if len(files) > 0 {
		s.Files = make([]File, len(files))
	}
	for i, v := range files {
		ff, err := asFields(v, fmt.Sprintf("subject.files[%d]", i), fileFields)
		if err != nil {
			return s, err
		}
		file := &s.Files[i]
		if file.Path, err = ff.str("path", true); err != nil {
			return s, err
		}
		if file.CID, err = ff.link("cid"); err != nil {
			return s, err
		}
		if file.Size, err = ff.size("size"); err != nil {
			return s, err
		}
		if file.SHA256, err = ff.str("sha256", true); err != nil {
			return s, err
		}
		if err := ff.done(); err != nil {
			return s, err
		}
	}
	formats, err := f.list("formats", false)
	if err != nil {
		return s, err
	}
	for i, v := range formats {
		str, ok := v.(string)
		if !ok {
			return s, malformed(fmt.Sprintf("subject.formats[%d]", i), "want a string, got %s", kindOf(v))
		}
		s.Formats = append(s.Formats, str)
	}
	if tv, ok, err := f.get("tensors", false); err != nil {
		return s, err
	} else if ok {
		if s.Tensors, err = tensorsFromNode(tv); err != nil {
			return s, err
		}
	}
	return s, f.done()
}
