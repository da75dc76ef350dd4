package provenance

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/ipfs/go-cid"
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
	// ErrMalformedManifest is wrapped by every error of DecodeManifest,
	// ReadManifest and UnmarshalJSON: the bytes are not a manifest in
	// canonical form.
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
	if fe, ok := err.(*FieldError); ok {
		return fe // the decoder's own checks
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

// UnmarshalJSON parses a manifest from DAG-JSON. Whitespace and key order
// are free (the CID is defined over the DAG-CBOR form), but duplicate keys,
// unknown fields, floats, non-canonical CID strings and explicitly empty
// optional fields are refused with a *FieldError. ReadManifest does the
// same and returns the CID.
func (m *Manifest) UnmarshalJSON(data []byte) error {
	p, _, err := parseManifestJSON(data)
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
	return manifestCID(b), nil
}

// manifestCID returns the CID of a manifest's DAG-CBOR bytes, without the
// multihash library's allocations.
func manifestCID(cbor []byte) cid.Cid {
	mh := [2 + sha256.Size]byte{0x12, sha256.Size} // sha2-256, 32 bytes
	sum := sha256.Sum256(cbor)
	copy(mh[2:], sum[:])
	return cid.NewCidV1(cid.DagCBOR, mh[:])
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

// parseManifestJSON reads DAG-JSON and returns the manifest's CID. There is
// one manifest decoder, DecodeManifest's: the JSON is transcoded to
// canonical DAG-CBOR in one pass (sorting keys, checking links and
// integers) and decoded from that, so both forms accept exactly the same
// manifests, and the CID is the hash of the transcoded bytes.
func parseManifestJSON(data []byte) (*Manifest, cid.Cid, error) {
	bp := cborBuffers.Get().(*[]byte)
	defer func() {
		if cap(*bp) <= 1<<20 {
			cborBuffers.Put(bp)
		}
	}()
	cb, err := ipld.JSONToCBOR((*bp)[:0], data, manifestJSONLimits)
	if err != nil {
		return nil, cid.Undef, fromIPLD(err)
	}
	*bp = cb[:0]
	if len(cb) > MaxManifestSize {
		return nil, cid.Undef, &FieldError{Offset: -1, Err: fmt.Errorf("%w: encodes to %d bytes, more than the limit of %d for one IPFS block", ErrManifestTooLarge, len(cb), MaxManifestSize), kind: ErrMalformedManifest}
	}
	// The decoder copies what it keeps, so the buffer can be reused.
	m, err := decodeManifestCBOR(cb)
	if err != nil {
		return nil, cid.Undef, err
	}
	return m, manifestCID(cb), nil
}

// cborBuffers holds buffers for parseManifestJSON's DAG-CBOR.
var cborBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

// ReadManifest decodes a manifest from either form — DAG-JSON when the
// first non-space byte is '{', DAG-CBOR otherwise — and returns it with
// its CID.
func ReadManifest(data []byte) (*Manifest, cid.Cid, error) {
	if isJSON(data) {
		return parseManifestJSON(data)
	}
	m, err := decodeManifestCBOR(data)
	if err != nil {
		return nil, cid.Undef, err
	}
	// DecodeManifest accepts only bytes that re-encode to themselves, so
	// they are hashed as they are.
	return m, manifestCID(data), nil
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
	if y := m.Created.UTC().Year(); !m.Created.IsZero() && (y < 0 || y > 9999) {
		return nil, malformed("created", "year %d has no RFC 3339 form", y)
	}
	node := map[string]any{
		"schema":       m.Schema,
		"subject":      subj,
		"parents":      parents,
		"contributors": contributors,
		"license":      m.License,
		"created":      formatCreated(m.Created),
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

// formatCreated is Manifest.Created's encoding: RFC 3339 in UTC, with
// the fractional seconds it has and no trailing zeros; "" for the zero
// time, which Validate refuses.
func formatCreated(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseCreated reads what formatCreated writes, and nothing else, so that
// a decoded manifest encodes to the same bytes.
func parseCreated(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || formatCreated(t) != s {
		return time.Time{}, fmt.Errorf("%q: want an RFC 3339 time in UTC, such as 2026-11-25T17:00:00Z, with no trailing zeros in its fraction of a second", s)
	}
	return t.UTC(), nil
}

// kindOf names the data model kind of v, for errors.
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
