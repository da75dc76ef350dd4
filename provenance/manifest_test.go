package provenance

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aiprov/aiprov/internal/ipld"
	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// testCID returns a deterministic CID for seed with the given codec.
func testCID(seed string, codec uint64) cid.Cid {
	c, err := cid.Prefix{Version: 1, Codec: codec, MhType: mh.SHA2_256, MhLength: -1}.Sum([]byte(seed))
	if err != nil {
		panic(err)
	}
	return c
}

func sha256Hex(seed string) string {
	return fmt.Sprintf("%064x", []byte(seed))[:64]
}

// exampleManifest is a valid manifest exercising every field.
func exampleManifest() *Manifest {
	return &Manifest{
		Schema: ManifestSchema,
		Subject: Subject{
			Name: "acme/llama-7b-chat",
			Kind: KindModel,
			CID:  testCID("root", cid.DagProtobuf),
			Size: 300,
			Files: []File{
				{Path: "config.json", CID: testCID("config", cid.Raw), Size: 100, SHA256: strings.Repeat("ab", 32)},
				{Path: "model.safetensors", CID: testCID("weights", cid.Raw), Size: 200, SHA256: strings.Repeat("cd", 32)},
			},
			Formats: []string{"safetensors"},
		},
		Parents: []Parent{
			{CID: testCID("base-manifest", cid.DagCBOR), Relation: RelationFinetune, Share: 10_000_000, Name: "meta-llama/Llama-2-7b"},
			{CID: testCID("dataset", cid.DagProtobuf), Relation: RelationTrainedOn, Share: 2_500_000},
		},
		Contributors: []Contributor{
			{ID: "0x71562b71999873DB5b286dF957af199Ec94617F7", Role: "weights", Share: 60_000_000, Name: "Acme"},
			{ID: "ed25519:" + strings.Repeat("A", 43), Role: "compute", Share: 40_000_000},
		},
		License: "Apache-2.0 OR (MIT AND LicenseRef-acme)",
		Royalty: RoyaltyTerms{Policy: PolicyAbsolute},
		Created: time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC),
		Builder: &Builder{Pipeline: "train.yml", Repository: "https://github.com/acme/train", Commit: "0123abcd"},
		Extensions: map[string]any{
			"org.example/eval": map[string]any{"mmlu_bp": int64(4512), "tags": []any{"chat", "ü"}, "blob": []byte{1, 2, 3}, "link": testCID("x", cid.Raw), "null": nil, "ok": true},
		},
	}
}

func TestManifestRoundTrip(t *testing.T) {
	for name, m := range map[string]*Manifest{"full": exampleManifest(), "minimal": minimalManifest()} {
		t.Run(name, func(t *testing.T) {
			if err := m.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			cb, err := m.MarshalCBOR()
			if err != nil {
				t.Fatal(err)
			}
			back, err := DecodeManifest(cb)
			if err != nil {
				t.Fatalf("DecodeManifest: %v", err)
			}
			cb2, _ := back.MarshalCBOR()
			if !bytes.Equal(cb, cb2) {
				t.Fatal("CBOR round trip changed the bytes")
			}
			js, err := m.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			fromJSON, _, err := ReadManifest(js)
			if err != nil {
				t.Fatalf("ReadManifest: %v\n%s", err, js)
			}
			cb3, _ := fromJSON.MarshalCBOR()
			if !bytes.Equal(cb, cb3) {
				t.Fatal("JSON round trip changed the CBOR")
			}
		})
	}
}

func minimalManifest() *Manifest {
	return &Manifest{
		Schema:       ManifestSchema,
		Subject:      Subject{Name: "d", Kind: KindDataset, CID: testCID("d", cid.Raw), Size: 0},
		Contributors: []Contributor{{ID: "0x" + strings.Repeat("0", 40), Role: "data", Share: ShareWhole}},
		License:      "CC-BY-4.0",
		Created:      time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

// varied returns manifests that stress the encoding: unicode, big
// integers, many parents, nested extensions, CIDv0 links.
func variedManifests() []*Manifest {
	var out []*Manifest
	out = append(out, exampleManifest(), minimalManifest())

	m := minimalManifest()
	m.Subject.Name = "日本語/モデル 🚀 \"quoted\" \\ back\tslash\x7f é\u2028"
	m.Subject.Size = math.MaxInt64
	m.Contributors[0].Name = "Zoë \u00e9\u0301 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
	out = append(out, m)

	m = minimalManifest()
	m.Subject.CID, _ = cid.Decode("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH")
	for i := range 300 {
		m.Parents = append(m.Parents, Parent{CID: testCID(fmt.Sprint("p", i), cid.DagCBOR), Relation: RelationMerge, Share: uint64(i * 1000)})
	}
	m.Royalty.Policy = PolicyRelative
	out = append(out, m)

	m = minimalManifest()
	m.Extensions = map[string]any{
		"io.x/ints":   []any{int64(0), int64(23), int64(24), int64(255), int64(256), int64(65535), int64(65536), int64(math.MaxUint32), int64(math.MaxUint32) + 1, int64(math.MaxInt64), int64(-1), int64(-24), int64(-25), int64(-256), int64(-257), int64(math.MinInt64)},
		"io.x/nested": map[string]any{"a": map[string]any{"b": map[string]any{"c": []any{[]any{[]any{"deep"}}}}}, "": "empty key", "aa": "", "b": []byte{}},
		"io.x/keys":   map[string]any{"bb": int64(1), "a": int64(2), "é": int64(3), "z": int64(4), "aaa": int64(5), "A": int64(6), "~": int64(7)},
	}
	out = append(out, m)

	m = minimalManifest()
	for i := range 500 {
		p := fmt.Sprintf("shard-%05d.bin", i)
		m.Subject.Files = append(m.Subject.Files, File{Path: p, CID: testCID(p, cid.Raw), Size: int64(i) << 20, SHA256: sha256Hex(p)})
	}
	out = append(out, m)
	return out
}

// dagKubo runs the real Kubo in a fresh offline repository.
type dagKubo struct {
	t    *testing.T
	bin  string
	repo string
}

func newDagKubo(t *testing.T) *dagKubo {
	bin := testtools.KuboTool.Require(t)
	k := &dagKubo{t: t, bin: bin, repo: t.TempDir()}
	k.run(nil, "init", "--profile", "test", "--empty-repo")
	return k
}

func (k *dagKubo) run(stdin []byte, args ...string) []byte {
	k.t.Helper()
	cmd := exec.Command(k.bin, append([]string{"--offline"}, args...)...)
	if args[0] == "init" {
		cmd = exec.Command(k.bin, args...)
	}
	cmd.Env = append(os.Environ(), "IPFS_PATH="+k.repo)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		k.t.Fatalf("ipfs %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// TestManifestCIDMatchesKubo checks the CID invariant: for each manifest,
// `ipfs dag put --input-codec dag-json --store-codec dag-cbor` of its
// DAG-JSON gives the CID that Manifest.CID computes, Kubo stores the bytes
// MarshalCBOR writes, and `ipfs dag get` prints the DAG-JSON we write.
func TestManifestCIDMatchesKubo(t *testing.T) {
	k := newDagKubo(t)
	dir := t.TempDir()
	ms := append(variedManifests(), randomManifests(60)...)
	var files []string
	for i, m := range ms {
		js, err := m.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, fmt.Sprintf("m%04d.json", i)) // Kubo reads its arguments in name order
		os.WriteFile(f, js, 0o644)
		files = append(files, f)
	}
	out := strings.Fields(string(k.run(nil, append([]string{"dag", "put", "--input-codec", "dag-json", "--store-codec", "dag-cbor"}, files...)...)))
	if len(out) != len(ms) {
		t.Fatalf("ipfs dag put printed %d CIDs for %d documents", len(out), len(ms))
	}
	for i, m := range ms {
		want, err := m.CID()
		if err != nil {
			t.Fatal(err)
		}
		if out[i] != want.String() {
			t.Errorf("manifest %d: Kubo CID %s, ours %s", i, out[i], want)
			continue
		}
		cb, _ := m.MarshalCBOR()
		if got := k.run(nil, "block", "get", out[i]); !bytes.Equal(got, cb) {
			t.Errorf("manifest %d: Kubo's block differs from MarshalCBOR", i)
		}
		js, _ := m.MarshalJSON()
		got := k.run(nil, "dag", "get", "--output-codec", "dag-json", out[i])
		// Kubo escapes U+2028 and U+2029, and writes U+0008 and U+000C as
		// \u0008 and \u000c, where JSON.stringify (and we) write them raw
		// and as \b and \f. (The generated strings hold no backslash
		// followed by "u", so these replacements cannot hit anything else.)
		for from, to := range map[string]string{`\u2028`: "\u2028", `\u2029`: "\u2029", `\u0008`: `\b`, `\u000c`: `\f`} {
			got = bytes.ReplaceAll(got, []byte(from), []byte(to))
		}
		if !bytes.Equal(got, js) {
			t.Errorf("manifest %d: Kubo's DAG-JSON differs:\nkubo: %s\nours: %s", i, got, js)
		}
	}
}

func TestDecodeManifestRefuses(t *testing.T) {
	good, err := minimalManifest().MarshalCBOR()
	if err != nil {
		t.Fatal(err)
	}
	js, _ := minimalManifest().MarshalJSON()
	jsonCase := func(old, new string) []byte {
		if !strings.Contains(string(js), old) {
			t.Fatalf("test bug: %q not in %s", old, js)
		}
		return []byte(strings.Replace(string(js), old, new, 1))
	}
	tests := []struct {
		name     string
		json     bool
		data     []byte
		wantPath string
		wantMsg  string
	}{
		{"trailing bytes", false, append(bytes.Clone(good), 0), "", "after the end"},
		{"truncated", false, good[:len(good)-3], "contributors[0].share", "end of data"},
		{"indefinite map", false, append([]byte{0xbf}, good[1:]...), "", "indefinite"},
		{"non-minimal length", false, append([]byte{0xb8, good[0] & 0x1f}, good[1:]...), "", "shortest form"},
		{"float share", true, jsonCase(`"share":100000000`, `"share":1e8`), "contributors[0].share", "want an integer, got a float"},
		{"float share 2", true, jsonCase(`"share":100000000`, `"share":100000000.0`), "contributors[0].share", "got a float"},
		{"unknown top field", true, jsonCase(`"schema"`, `"zzz":1,"schema"`), "zzz", "unknown field"},
		{"unknown nested field", true, jsonCase(`"role"`, `"extra":true,"role"`), "contributors[0].extra", "unknown field"},
		{"duplicate key", true, jsonCase(`"license"`, `"license":"MIT","license"`), "", "duplicate map key"},
		{"missing field", true, jsonCase(`"created":"2026-01-01T00:00:00Z",`, ``), "created", "missing required field"},
		{"string for int", true, jsonCase(`"size":0`, `"size":"0"`), "subject.size", "want an integer"},
		{"negative size", true, jsonCase(`"size":0`, `"size":-1`), "subject.size", "negative"},
		{"share over 100%", true, jsonCase(`"share":100000000`, `"share":100000001`), "contributors[0].share", "outside"},
		{"huge int", true, jsonCase(`"size":0`, `"size":9223372036854775808`), "subject.size", "64-bit"},
		{"empty optional", true, jsonCase(`"role"`, `"name":"","role"`), "contributors[0].name", "must be omitted"},
		{"empty extensions", true, jsonCase(`"schema"`, `"extensions":{},"schema"`), "extensions", "must be omitted"},
		{"float in extension", true, jsonCase(`"schema"`, `"extensions":{"a.b/c":[1,{"x":0.5}]},"schema"`), `extensions."a.b/c"[1].x`, "integers only"},
		{"created not a time", true, jsonCase(`"2026-01-01T00:00:00Z"`, `"2026-01-01 00:00"`), "created", "RFC 3339"},
		{"created not UTC", true, jsonCase(`"2026-01-01T00:00:00Z"`, `"2026-01-01T01:00:00+01:00"`), "created", "UTC"},
		{"created trailing zero", true, jsonCase(`"2026-01-01T00:00:00Z"`, `"2026-01-01T00:00:00.50Z"`), "created", "trailing zeros"},
		{"wrong schema", true, jsonCase(ManifestSchema, "aiprov/manifest/v9"), "schema", "unsupported schema"},
		{"link not cid", true, jsonCase(`"cid":{"/":"`, `"cid":{"/":"x`), "subject.cid", "invalid CID"},
		{"non-canonical cid", true, jsonCase(`"cid":{"/":"bafkrei`, `"cid":{"/":"BAFKREI`), "subject.cid", "canonical form"},
		{"padded bytes", true, jsonCase(`"schema"`, `"extensions":{"a.b/c":{"/":{"bytes":"AQ=="}}},"schema"`), `extensions."a.b/c"`, "base64"},
		{"not a map", true, []byte(`[1]`), "", "want a map"},
		{"lone surrogate", true, jsonCase(`"role":"data"`, `"role":"\ud800"`), "contributors[0].role", "surrogate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.json {
				err = new(Manifest).UnmarshalJSON(tt.data)
			} else {
				_, err = DecodeManifest(tt.data)
			}
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, ErrMalformedManifest) {
				t.Errorf("error %v does not match ErrMalformedManifest", err)
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FieldError", err)
			}
			if fe.Path != tt.wantPath || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("got path %q, error %q; want path %q and %q", fe.Path, err, tt.wantPath, tt.wantMsg)
			}
		})
	}
}

// TestManifestSizeLimitKubo fills a manifest with files up to
// MaxManifestSize: Kubo's `dag put` (without --allow-big-block) must accept
// the largest manifest MarshalCBOR writes, and one file more is refused.
func TestManifestSizeLimitKubo(t *testing.T) {
	k := newDagKubo(t)
	m := minimalManifest()
	setFiles := func(n int) ([]byte, error) {
		m.Subject.Files, m.Subject.Size = nil, int64(n)
		for i := range n {
			p := fmt.Sprintf("shard-%07d.bin", i)
			m.Subject.Files = append(m.Subject.Files, File{Path: p, CID: testCID(p, cid.Raw), Size: 1, SHA256: sha256Hex(p)})
		}
		return m.MarshalCBOR()
	}
	// Every file entry encodes to the same length: estimate, then step.
	small, _ := setFiles(1)
	two, _ := setFiles(2)
	n := (MaxManifestSize - len(small)) / (len(two) - len(small))
	var last []byte
	for ; ; n++ {
		b, err := setFiles(n + 1)
		if err != nil {
			if !errors.Is(err, ErrManifestTooLarge) || !errors.Is(err, ErrMalformedManifest) || !strings.Contains(err.Error(), "one IPFS block") {
				t.Fatalf("over the limit: %v", err)
			}
			break
		}
		last = b
	}
	if last == nil {
		t.Fatal("estimate too high")
	}
	setFiles(n + 1)
	m.Subject.Files = m.Subject.Files[:len(m.Subject.Files)-1]
	m.Subject.Size--
	want, err := m.CID()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("largest manifest: %d files, %d bytes", len(m.Subject.Files), len(last))
	js, _ := m.MarshalJSON()
	f := filepath.Join(t.TempDir(), "big.json")
	os.WriteFile(f, js, 0o644)
	got := strings.TrimSpace(string(k.run(nil, "dag", "put", "--input-codec", "dag-json", "--store-codec", "dag-cbor", f)))
	if got != want.String() {
		t.Errorf("Kubo CID %s, ours %s", got, want)
	}
	if _, err := DecodeManifest(last); err != nil {
		t.Errorf("decoding the largest manifest: %v", err)
	}
}

// decodeManifestInto, which Load uses with one scratch Manifest per
// goroutine, leaves nothing of the previous document behind.
func TestDecodeManifestIntoReuses(t *testing.T) {
	ms := variedManifests()
	docs := make([][]byte, len(ms))
	for i, m := range ms {
		var err error
		if docs[i], err = m.MarshalCBOR(); err != nil {
			t.Fatal(err)
		}
	}
	// Arrays of a reused Manifest stay, emptied; a fresh decode leaves nil.
	normalize := func(m *Manifest) *Manifest {
		c := *m
		if len(c.Parents) == 0 {
			c.Parents = nil
		}
		if len(c.Contributors) == 0 {
			c.Contributors = nil
		}
		if len(c.Subject.Files) == 0 {
			c.Subject.Files = nil
		}
		if len(c.Subject.Formats) == 0 {
			c.Subject.Formats = nil
		}
		return &c
	}
	scratch, r := &Manifest{}, &ipld.CBORReader{}
	for _, i := range []int{0, 1, 2, 3, 4, -1, 1, 0, 4, -1, 2, 3} {
		if i < 0 { // a document that fails half-way leaves nothing behind either
			bad := bytes.Clone(docs[0])
			bad[len(bad)/2] = 0xff
			if err := decodeManifestInto(bad, scratch, r); !errors.Is(err, ErrMalformedManifest) {
				t.Fatalf("broken document: %v", err)
			}
			continue
		}
		i %= len(docs)
		if err := decodeManifestInto(docs[i], scratch, r); err != nil {
			t.Fatal(err)
		}
		want, err := DecodeManifest(docs[i])
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normalize(scratch), want) {
			t.Fatalf("manifest %d decoded into a used Manifest:\n%+v\nwant\n%+v", i, scratch, want)
		}
	}
}
