package attest

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
)

// tamperLineage is a signed two-manifest lineage on disk: a base model and
// a finetune of it (whose parent link is the base's manifest CID), each
// signed by the publisher's ed25519 key in a DSSE envelope and by the
// contributor's Ethereum key as EIP-712 typed data under a pinned domain;
// plus a manifest made without a file list (--no-files) for the finetune.
type tamperLineage struct {
	pub, stranger, eth *PrivateKey
	domain             Domain
	baseDir, leafDir   string
	base, leaf, bare   *provenance.Manifest
	leafCID, baseCID   cid.Cid
	baseEnv, leafEnv   *Envelope
	bareEnv            *Envelope
	leaf712, base712   *EthSignature
	policy             *Policy
}

func newTamperLineage(t *testing.T) *tamperLineage {
	t.Helper()
	ctx := context.Background()
	l := &tamperLineage{pub: mustKey(t, Ed25519), stranger: mustKey(t, Ed25519), eth: testEthKey(t)}
	l.domain = Domain{Name: "aiprov", Version: "1", ChainID: 1337, VerifyingContract: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")}
	build := func(dir string, files map[string]string, name string, omit bool) *provenance.Manifest {
		for p, c := range files {
			full := filepath.Join(dir, filepath.FromSlash(p))
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		m, err := provenance.BuildManifest(ctx, dir, &provenance.BuildOptions{Name: name, OmitFiles: omit})
		if err != nil {
			t.Fatal(err)
		}
		m.Contributors = []provenance.Contributor{
			{ID: l.pub.ID(), Role: "weights", Share: provenance.ShareWhole / 4 * 3},
			{ID: l.eth.ID(), Role: "data", Share: provenance.ShareWhole / 4},
		}
		m.License, m.Created = "Apache-2.0", time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
		if err := m.Validate(); err != nil {
			t.Fatal(err)
		}
		return m
	}
	l.baseDir, l.leafDir = t.TempDir(), t.TempDir()
	l.base = build(l.baseDir, map[string]string{"config.json": `{"layers":2}`, "model.safetensors": "base weights"}, "acme/base", false)
	l.leaf = build(l.leafDir, map[string]string{"config.json": `{"layers":2}`, "model.safetensors": "finetuned weights", "tokenizer/vocab.txt": "a b c"}, "acme/chat", false)
	var err error
	if l.baseCID, err = l.base.CID(); err != nil {
		t.Fatal(err)
	}
	l.leaf.Parents = []provenance.Parent{{CID: l.baseCID, Relation: provenance.RelationFinetune, Share: provenance.ShareWhole / 10, Name: "acme/base"}}
	l.leaf.Royalty.Policy = provenance.PolicyAbsolute
	if l.leafCID, err = l.leaf.CID(); err != nil {
		t.Fatal(err)
	}
	bare := *l.leaf
	bare.Subject.Files = nil
	l.bare = &bare
	sign := func(m *provenance.Manifest) *Envelope {
		env, err := Sign(ctx, m, l.pub)
		if err != nil {
			t.Fatal(err)
		}
		return env
	}
	l.baseEnv, l.leafEnv, l.bareEnv = sign(l.base), sign(l.leaf), sign(l.bare)
	if l.leaf712, err = SignEIP712(ctx, l.leaf, l.eth, l.domain); err != nil {
		t.Fatal(err)
	}
	if l.base712, err = SignEIP712(ctx, l.base, l.eth, l.domain); err != nil {
		t.Fatal(err)
	}
	chainID := json.Number("1337")
	contract := common.Address(l.domain.VerifyingContract)
	l.policy = &Policy{
		Keys:         []TrustedKey{{ID: l.pub.ID(), Name: "publisher"}, {ID: l.eth.ID(), Name: "contributor"}},
		EIP712Domain: &TypedDomain{ChainID: &chainID, VerifyingContract: &contract},
	}
	return l
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// verifyEnvelopeJSON is what `aiprov verify ENVELOPE --policy … --dir DIR`
// does: parse the file, then verify; either step may refuse.
func (l *tamperLineage) verifyEnvelopeJSON(js []byte, dir string, want cid.Cid) error {
	env, err := ParseEnvelope(js)
	if err != nil {
		return err
	}
	_, err = Verify(context.Background(), Bundle{Envelope: env}, VerifyOptions{Policy: l.policy, Dir: dir, ManifestCID: want})
	return err
}

// verifyEthJSON is `aiprov verify SIG.json --manifest M --policy …`.
func (l *tamperLineage) verifyEthJSON(js []byte, m *provenance.Manifest) error {
	s, err := ParseEthSignature(js)
	if err != nil {
		return err
	}
	_, err = Verify(context.Background(), Bundle{EthSignatures: []*EthSignature{s}, Manifest: m}, VerifyOptions{Policy: l.policy})
	return err
}

// resign returns the envelope JSON of payload signed by k.
func resign(t *testing.T, payload []byte, k *PrivateKey) []byte {
	t.Helper()
	env := &Envelope{PayloadType: PayloadTypeInToto, Payload: payload}
	if err := env.Sign(context.Background(), k); err != nil {
		t.Fatal(err)
	}
	return mustJSON(t, env)
}

// withPayload returns env's JSON with another payload and the same
// signatures.
func withPayload(t *testing.T, env *Envelope, payload []byte) []byte {
	e := *env
	e.Payload = payload
	return mustJSON(t, &e)
}

// payloadFor is the statement payload for m with the subjects and
// manifestCid of the original (so that only the manifest differs).
func payloadFor(t *testing.T, orig *Envelope, m *provenance.Manifest) []byte {
	t.Helper()
	st, err := ParseStatement(orig.Payload)
	if err != nil {
		t.Fatal(err)
	}
	lp, _ := st.Lineage()
	js, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	lp.Manifest = js
	st.Predicate, _ = marshalNoEscape(lp)
	out, _ := st.Marshal()
	return out
}

// copyTree copies dir (regular files and directories) to a new temporary
// directory.
func copyTree(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

type tamperCase struct {
	class, name string
	// attempt returns the verdict on the tampered input: nil means it
	// verified, which is a miss.
	attempt func(t *testing.T) error
	// want are the reasons the verdict must give (errors.Is each).
	want []error
}

// TestTamperMatrix forges, one at a time, every class of thing a forger
// controls in a signed lineage — the artifact's bytes, each manifest
// field, the file list, parent links, signatures, key IDs, payloadType,
// JSON key spelling and duplicates, extra directory entries (symbolic
// links and hidden files included), the EIP-712 message and domain — and
// checks that each is refused, for the right reason. It ends with the
// line "tamper matrix: tried N, detected N".
func TestTamperMatrix(t *testing.T) {
	l := newTamperLineage(t)
	ctx := context.Background()

	// The untampered lineage verifies: envelopes with their directories and
	// expected CIDs, the EIP-712 signatures with their manifests.
	if err := l.verifyEnvelopeJSON(mustJSON(t, l.leafEnv), l.leafDir, l.leafCID); err != nil {
		t.Fatalf("untampered leaf: %v", err)
	}
	if err := l.verifyEnvelopeJSON(mustJSON(t, l.baseEnv), l.baseDir, l.leaf.Parents[0].CID); err != nil {
		t.Fatalf("untampered base: %v", err)
	}
	if err := l.verifyEnvelopeJSON(mustJSON(t, l.bareEnv), l.leafDir, cid.Undef); err != nil {
		t.Fatalf("untampered no-files manifest: %v", err)
	}
	if err := l.verifyEthJSON(mustJSON(t, l.leaf712), l.leaf); err != nil {
		t.Fatalf("untampered EIP-712: %v", err)
	}

	var cases []tamperCase
	add := func(class, name string, want []error, attempt func(t *testing.T) error) {
		cases = append(cases, tamperCase{class, name, attempt, want})
	}
	leafJSON := mustJSON(t, l.leafEnv)
	inLeaf := func(dir string) error { return l.verifyEnvelopeJSON(leafJSON, dir, l.leafCID) }
	inBare := func(dir string) error { return l.verifyEnvelopeJSON(mustJSON(t, l.bareEnv), dir, cid.Undef) }

	// Artifact bytes: one byte of each file.
	for _, f := range l.leaf.Subject.Files {
		add("artifact bytes", f.Path, []error{ErrSubjectMismatch}, func(t *testing.T) error {
			dir := copyTree(t, l.leafDir)
			p := filepath.Join(dir, filepath.FromSlash(f.Path))
			data, _ := os.ReadFile(p)
			data[len(data)/2] ^= 1
			os.WriteFile(p, data, 0o644)
			return inLeaf(dir)
		})
	}
	add("artifact bytes", "a file of a --no-files manifest", []error{ErrSubjectMismatch}, func(t *testing.T) error {
		dir := copyTree(t, l.leafDir)
		os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"layers":3}`), 0o644)
		return inBare(dir)
	})

	// Each manifest field: changed in the signed payload, with the
	// original signature (which then fails), and re-signed by the trusted
	// key with the manifestCid left as it was (which the content no longer
	// hashes to).
	fields := []struct {
		name   string
		mutate func(m *provenance.Manifest)
	}{
		{"schema", func(m *provenance.Manifest) { m.Schema = "aiprov/manifest/v2" }},
		{"subject.name", func(m *provenance.Manifest) { m.Subject.Name = "acme/other" }},
		{"subject.kind", func(m *provenance.Manifest) { m.Subject.Kind = provenance.KindDataset }},
		{"subject.cid", func(m *provenance.Manifest) { m.Subject.CID = l.base.Subject.CID }},
		{"subject.size", func(m *provenance.Manifest) { m.Subject.Size++ }},
		{"subject.files[0].path", func(m *provenance.Manifest) { m.Subject.Files[0].Path = "config.jsom" }},
		{"subject.files[0].cid", func(m *provenance.Manifest) { m.Subject.Files[0].CID = m.Subject.Files[1].CID }},
		{"subject.files[0].size", func(m *provenance.Manifest) { m.Subject.Files[0].Size++ }},
		{"subject.files[0].sha256", func(m *provenance.Manifest) { m.Subject.Files[0].SHA256 = m.Subject.Files[1].SHA256 }},
		{"subject.files: one dropped", func(m *provenance.Manifest) { m.Subject.Files = m.Subject.Files[1:] }},
		{"subject.files: one added", func(m *provenance.Manifest) {
			m.Subject.Files = append(m.Subject.Files, provenance.File{Path: "zz.bin", CID: m.Subject.Files[0].CID, Size: 1, SHA256: m.Subject.Files[0].SHA256})
		}},
		{"subject.formats", func(m *provenance.Manifest) { m.Subject.Formats = []string{"gguf"} }},
		{"parents[0].cid", func(m *provenance.Manifest) { m.Parents[0].CID = l.base.Subject.CID }},
		{"parents[0].relation", func(m *provenance.Manifest) { m.Parents[0].Relation = provenance.RelationMerge }},
		{"parents[0].share", func(m *provenance.Manifest) { m.Parents[0].Share = provenance.ShareWhole }},
		{"parents[0].name", func(m *provenance.Manifest) { m.Parents[0].Name = "acme/other" }},
		{"parents: dropped", func(m *provenance.Manifest) { m.Parents = nil }},
		{"contributors[0].id", func(m *provenance.Manifest) { m.Contributors[0].ID = l.stranger.ID() }},
		{"contributors[0].role", func(m *provenance.Manifest) { m.Contributors[0].Role = "compute" }},
		{"contributors[0].share", func(m *provenance.Manifest) {
			m.Contributors[0].Share, m.Contributors[1].Share = m.Contributors[1].Share, m.Contributors[0].Share
		}},
		{"license", func(m *provenance.Manifest) { m.License = "MIT" }},
		{"royalty.policy", func(m *provenance.Manifest) { m.Royalty.Policy = provenance.PolicyRelative }},
		{"created", func(m *provenance.Manifest) { m.Created = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"builder", func(m *provenance.Manifest) { m.Builder = &provenance.Builder{Pipeline: "evil"} }},
		{"extensions", func(m *provenance.Manifest) { m.Extensions = map[string]any{"org.example/x": "y"} }},
	}
	for _, f := range fields {
		mutated := func() *provenance.Manifest {
			m := *l.leaf
			m.Subject.Files = append([]provenance.File(nil), l.leaf.Subject.Files...)
			m.Parents = append([]provenance.Parent(nil), l.leaf.Parents...)
			m.Contributors = append([]provenance.Contributor(nil), l.leaf.Contributors...)
			f.mutate(&m)
			return &m
		}
		add("manifest field", f.name+", signature kept", []error{ErrBadSignature, ErrPolicyNotMet}, func(t *testing.T) error {
			return l.verifyEnvelopeJSON(withPayload(t, l.leafEnv, payloadFor(t, l.leafEnv, mutated())), l.leafDir, l.leafCID)
		})
		want := []error{ErrManifestMismatch}
		if f.name == "schema" {
			want = []error{ErrMalformedStatement} // not a manifest this version reads
		}
		add("manifest field", f.name+", re-signed, manifestCid kept", want, func(t *testing.T) error {
			return l.verifyEnvelopeJSON(resign(t, payloadFor(t, l.leafEnv, mutated()), l.pub), l.leafDir, l.leafCID)
		})
		add("manifest field", f.name+", signed by an untrusted key", []error{ErrPolicyNotMet}, func(t *testing.T) error {
			m := mutated()
			env, err := Sign(ctx, m, l.stranger)
			if err != nil {
				// The mutation makes the manifest unsignable (say, a file
				// list that no longer adds up): sign its bytes anyway.
				return l.verifyEnvelopeJSON(resign(t, payloadFor(t, l.leafEnv, m), l.stranger), l.leafDir, cid.Undef)
			}
			env.Signatures[0].KeyID = l.pub.ID() // claiming to be trusted
			return l.verifyEnvelopeJSON(mustJSON(t, env), l.leafDir, cid.Undef)
		})
	}

	// The statement's subjects (the file list cosign checks), re-signed by
	// the trusted key: they must be exactly what the manifest implies.
	subjectEdits := []struct {
		name string
		edit func(st *Statement)
	}{
		{"a subject dropped", func(st *Statement) { st.Subject = st.Subject[1:] }},
		{"a subject added", func(st *Statement) {
			st.Subject = append(st.Subject, StatementSubject{Name: "adapter.bin", Digest: map[string]string{DigestSHA256: strings.Repeat("a", 64)}})
		}},
		{"a subject's sha256", func(st *Statement) { st.Subject[0].Digest[DigestSHA256] = strings.Repeat("0", 64) }},
		{"a subject's cid", func(st *Statement) { st.Subject[0].Digest[DigestCID] = l.base.Subject.CID.String() }},
		{"a subject renamed", func(st *Statement) { st.Subject[0].Name = "config.yaml" }},
		{"the root's dirHash", func(st *Statement) { st.Subject[len(st.Subject)-1].Digest[DigestDirHash] = strings.Repeat("0", 64) }},
		{"the root's cid", func(st *Statement) {
			st.Subject[len(st.Subject)-1].Digest[DigestCID] = l.base.Subject.CID.String()
		}},
		{"a subject listed twice", func(st *Statement) { st.Subject = append(st.Subject, st.Subject[0]) }},
	}
	for _, e := range subjectEdits {
		add("file list", e.name+", re-signed", []error{ErrManifestMismatch}, func(t *testing.T) error {
			st, _ := ParseStatement(l.leafEnv.Payload)
			e.edit(st)
			payload, _ := st.Marshal()
			return l.verifyEnvelopeJSON(resign(t, payload, l.pub), l.leafDir, l.leafCID)
		})
	}
	// Verified "a subject listed twice" reports ErrMalformedStatement; the
	// want above is checked by errors.Is on the joined problems, so make it
	// precise here.
	cases[len(cases)-1].want = []error{ErrMalformedStatement}

	// Parent links: the envelope presented for the parent the finetune
	// names must be that manifest's.
	add("parent link", "another signed manifest offered as the parent", []error{ErrManifestMismatch}, func(t *testing.T) error {
		return l.verifyEnvelopeJSON(leafJSON, l.leafDir, l.leaf.Parents[0].CID)
	})
	add("parent link", "a forged parent signed by an untrusted key", []error{ErrPolicyNotMet}, func(t *testing.T) error {
		fake := *l.base
		fake.License = "MIT"
		env, _ := Sign(ctx, &fake, l.stranger)
		return l.verifyEnvelopeJSON(mustJSON(t, env), l.baseDir, l.leaf.Parents[0].CID)
	})
	add("parent link", "the parent's envelope with the child's directory", []error{ErrSubjectMismatch}, func(t *testing.T) error {
		return l.verifyEnvelopeJSON(mustJSON(t, l.baseEnv), l.leafDir, l.baseCID)
	})

	// DSSE signatures.
	sigEdit := func(name string, want []error, edit func(s *Signature)) {
		add("signature", name, want, func(t *testing.T) error {
			e := *l.leafEnv
			e.Signatures = []Signature{{KeyID: e.Signatures[0].KeyID, Sig: bytes.Clone(e.Signatures[0].Sig)}}
			edit(&e.Signatures[0])
			return l.verifyEnvelopeJSON(mustJSON(t, &e), l.leafDir, l.leafCID)
		})
	}
	sigEdit("a bit of R", []error{ErrBadSignature, ErrPolicyNotMet}, func(s *Signature) { s.Sig[5] ^= 1 })
	sigEdit("a bit of S", []error{ErrBadSignature, ErrPolicyNotMet}, func(s *Signature) { s.Sig[40] ^= 1 })
	sigEdit("S + ℓ (non-canonical)", []error{ErrBadSignature, ErrPolicyNotMet}, func(s *Signature) { addEd25519Order(s.Sig[32:]) })
	sigEdit("truncated", []error{ErrBadSignature, ErrPolicyNotMet}, func(s *Signature) { s.Sig = s.Sig[:63] })
	sigEdit("another manifest's signature", []error{ErrBadSignature, ErrPolicyNotMet}, func(s *Signature) { s.Sig = bytes.Clone(l.baseEnv.Signatures[0].Sig) })
	add("signature", "one signature twice against a 2-signer rule", []error{ErrPolicyNotMet}, func(t *testing.T) error {
		e := *l.leafEnv
		e.Signatures = []Signature{e.Signatures[0], e.Signatures[0]}
		env, _ := ParseEnvelope(mustJSON(t, &e))
		pol := *l.policy
		pol.Rules = []Rule{{Threshold: 2}}
		_, err := Verify(ctx, Bundle{Envelope: env}, VerifyOptions{Policy: &pol})
		return err
	})
	add("signature", "no signatures", []error{ErrMalformedEnvelope}, func(t *testing.T) error {
		return l.verifyEnvelopeJSON(bytes.Replace(leafJSON, []byte(`"signatures":[`), []byte(`"signatures":[],"x":[`), 1), l.leafDir, l.leafCID)
	})

	// Key IDs: naming another trusted key makes that key check it.
	add("key id", "the other trusted key's identity", []error{ErrBadSignature, ErrPolicyNotMet}, func(t *testing.T) error {
		e := *l.leafEnv
		e.Signatures = []Signature{{KeyID: l.eth.ID(), Sig: e.Signatures[0].Sig}}
		return l.verifyEnvelopeJSON(mustJSON(t, &e), l.leafDir, l.leafCID)
	})
	add("key id", "a trusted key ID on a stranger's signature", []error{ErrBadSignature, ErrPolicyNotMet}, func(t *testing.T) error {
		env, _ := Sign(ctx, l.leaf, l.stranger)
		env.Signatures[0].KeyID = l.pub.ID()
		return l.verifyEnvelopeJSON(mustJSON(t, env), l.leafDir, l.leafCID)
	})

	// payloadType is signed (PAE) and must be in-toto's.
	for _, pt := range []string{"application/json", PayloadTypeInToto + " ", "application/vnd.in-toto+JSON"} {
		add("payloadType", fmt.Sprintf("%q, signature kept", pt), []error{ErrMalformedEnvelope, ErrBadSignature}, func(t *testing.T) error {
			e := *l.leafEnv
			e.PayloadType = pt
			return l.verifyEnvelopeJSON(mustJSON(t, &e), l.leafDir, l.leafCID)
		})
		add("payloadType", fmt.Sprintf("%q, re-signed", pt), []error{ErrMalformedEnvelope}, func(t *testing.T) error {
			e := &Envelope{PayloadType: pt, Payload: l.leafEnv.Payload}
			e.Sign(ctx, l.pub)
			return l.verifyEnvelopeJSON(mustJSON(t, e), l.leafDir, l.leafCID)
		})
	}

	// JSON spelling: payloads that other readers (jq, Python, Node) read
	// differently from encoding/json, re-signed by the trusted key, so that
	// only one strict reading stands between a reviewer and a forgery.
	for _, v := range jsonSpellingVariants(t, l) {
		add("JSON spelling", v.name, []error{ErrMalformedStatement}, func(t *testing.T) error {
			return l.verifyEnvelopeJSON(resign(t, v.payload, l.pub), l.leafDir, l.leafCID)
		})
	}
	// The envelope's own JSON (unsigned, but it says which bytes are).
	evilPayload := base64.StdEncoding.EncodeToString(payloadFor(t, l.leafEnv, func() *provenance.Manifest { m := *l.leaf; m.License = "MIT"; return &m }()))
	for _, v := range []struct{ name, js string }{
		{"duplicate payload", strings.Replace(string(leafJSON), `"signatures":`, `"payload":"`+evilPayload+`","signatures":`, 1)},
		{"Payload (case variant) added", strings.Replace(string(leafJSON), `"signatures":`, `"Payload":"`+evilPayload+`","signatures":`, 1)},
		{"payloadtype (case variant)", strings.Replace(string(leafJSON), `"payloadType"`, `"payloadtype"`, 1)},
		{"duplicate signatures", strings.Replace(string(leafJSON), `"payload":`, `"signatures":[],"payload":`, 1)},
		{"data after the envelope", string(leafJSON) + `{"payloadType":"x"}`},
		{"invalid UTF-8 in a key ID", strings.Replace(string(leafJSON), `"keyid":"`, "\"keyid\":\"\xff", 1)},
	} {
		add("JSON spelling", "envelope: "+v.name, []error{ErrMalformedEnvelope}, func(t *testing.T) error {
			return l.verifyEnvelopeJSON([]byte(v.js), l.leafDir, l.leafCID)
		})
	}

	// Extra directory entries: every entry is covered or reported.
	dirEdits := []struct {
		name string
		edit func(t *testing.T, dir string)
	}{
		{"an unlisted file", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "chat_template.jinja"), []byte("{{x}}"), 0o644)
		}},
		{"a hidden file", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, ".chat_template.jinja"), []byte("{{x}}"), 0o644)
		}},
		{"a hidden directory", func(t *testing.T, dir string) {
			os.MkdirAll(filepath.Join(dir, ".adapters"), 0o755)
			os.WriteFile(filepath.Join(dir, ".adapters", "a.bin"), []byte("lora"), 0o644)
		}},
		{"an empty directory", func(t *testing.T, dir string) { os.MkdirAll(filepath.Join(dir, "empty"), 0o755) }},
		{"a symlink out of the directory", func(t *testing.T, dir string) { symlink(t, "/etc/passwd", filepath.Join(dir, "tokenizer.json")) }},
		{"a symlink to a hidden file inside", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, ".x"), []byte("x"), 0o644)
			symlink(t, ".x", filepath.Join(dir, "special_tokens.json"))
		}},
		{"an unlisted symlink to a listed file", func(t *testing.T, dir string) {
			symlink(t, "config.json", filepath.Join(dir, "generation_config.json"))
		}},
		{"a listed file replaced by a symlink out", func(t *testing.T, dir string) {
			outside := filepath.Join(t.TempDir(), "config.json")
			os.WriteFile(outside, []byte(`{"layers":2}`), 0o644)
			os.Remove(filepath.Join(dir, "config.json"))
			symlink(t, outside, filepath.Join(dir, "config.json"))
		}},
		{"a symlinked folder out of the directory", func(t *testing.T, dir string) {
			outside := t.TempDir()
			os.WriteFile(filepath.Join(outside, "adapter.safetensors"), []byte("lora"), 0o644)
			symlink(t, outside, filepath.Join(dir, "adapters"))
		}},
		{"a symlinked folder inside", func(t *testing.T, dir string) { symlink(t, "tokenizer", filepath.Join(dir, "tok")) }},
		{"a FIFO", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
				t.Skip("no FIFOs here:", err)
			}
		}},
	}
	for _, e := range dirEdits {
		add("directory entry", e.name, []error{ErrSubjectMismatch}, func(t *testing.T) error {
			dir := copyTree(t, l.leafDir)
			e.edit(t, dir)
			return inLeaf(dir)
		})
		add("directory entry", e.name+" (--no-files manifest)", []error{ErrSubjectMismatch}, func(t *testing.T) error {
			dir := copyTree(t, l.leafDir)
			e.edit(t, dir)
			return inBare(dir)
		})
	}
	add("directory entry", "an empty directory for a --no-files manifest", []error{ErrSubjectMismatch}, func(t *testing.T) error {
		return inBare(t.TempDir())
	})
	add("directory entry", "symlinks to hidden copies for a --no-files manifest", []error{ErrSubjectMismatch}, func(t *testing.T) error {
		dir := t.TempDir()
		filepath.WalkDir(l.leafDir, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				rel, _ := filepath.Rel(l.leafDir, p)
				data, _ := os.ReadFile(p)
				hidden := filepath.Join(dir, "."+strings.ReplaceAll(rel, "/", "_"))
				os.WriteFile(hidden, data, 0o644)
				os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755)
				symlink(t, hidden, filepath.Join(dir, rel))
			}
			return nil
		})
		return inBare(dir)
	})

	// EIP-712: the signature file's fields, the message and the domain.
	ethEdit := func(name string, want []error, edit func(s *EthSignature)) {
		add("EIP-712", name, want, func(t *testing.T) error {
			var s EthSignature
			if err := json.Unmarshal(mustJSON(t, l.leaf712), &s); err != nil {
				t.Fatal(err)
			}
			edit(&s)
			return l.verifyEthJSON(mustJSON(t, &s), l.leaf)
		})
	}
	flipHex := func(h string, i int) string {
		b, _ := hex.DecodeString(h[2:])
		b[i] ^= 1
		return "0x" + hex.EncodeToString(b)
	}
	ethEdit("a bit of the signature", []error{ErrBadSignature}, func(s *EthSignature) { s.Signature = flipHex(s.Signature, 10) })
	ethEdit("high s (malleated copy)", []error{ErrBadSignature}, func(s *EthSignature) { s.Signature = malleate(t, s.Signature) })
	ethEdit("the stated signer", []error{ErrBadSignature}, func(s *EthSignature) { s.Signer = common.HexToAddress("0x1111111111111111111111111111111111111111") })
	ethEdit("message.manifestDigest", []error{ErrBadSignature}, func(s *EthSignature) {
		s.TypedData.Message.ManifestDigest = flipHex(s.TypedData.Message.ManifestDigest, 0)
	})
	ethEdit("message.subjectDigest", []error{ErrBadSignature}, func(s *EthSignature) {
		s.TypedData.Message.SubjectDigest = flipHex(s.TypedData.Message.SubjectDigest, 0)
	})
	ethEdit("message.subjectSize", []error{ErrBadSignature}, func(s *EthSignature) { s.TypedData.Message.SubjectSize = "1" })
	ethEdit("message.created", []error{ErrBadSignature}, func(s *EthSignature) { s.TypedData.Message.Created = "1" })
	ethEdit("domain.chainId", []error{ErrBadSignature}, func(s *EthSignature) { n := json.Number("1"); s.TypedData.Domain.ChainID = &n })
	ethEdit("domain.verifyingContract dropped", []error{ErrBadSignature}, func(s *EthSignature) {
		s.TypedData.Domain.VerifyingContract = nil
		s.TypedData.Types["EIP712Domain"] = s.TypedData.Types["EIP712Domain"][:3]
	})
	ethEdit("types.ManifestAttestation", []error{ErrMalformedSignatureFile}, func(s *EthSignature) {
		s.TypedData.Types[ManifestAttestationPrimaryType][2].Type = "uint256"
	})
	ethEdit("manifestCid upper case", []error{ErrManifestMismatch}, func(s *EthSignature) { s.ManifestCID = strings.ToUpper(s.ManifestCID) })
	ethEdit("manifestCid in base58btc", []error{ErrManifestMismatch}, func(s *EthSignature) {
		c, _ := cid.Decode(s.ManifestCID)
		s.ManifestCID, _ = c.StringOfBase('z')
	})
	add("EIP-712", "another manifest's signature", []error{ErrManifestMismatch}, func(t *testing.T) error {
		return l.verifyEthJSON(mustJSON(t, l.base712), l.leaf)
	})
	add("EIP-712", "re-signed by the trusted key for another chain", []error{ErrManifestMismatch}, func(t *testing.T) error {
		d := l.domain
		d.ChainID = 1
		s, _ := SignEIP712(ctx, l.leaf, l.eth, d)
		return l.verifyEthJSON(mustJSON(t, s), l.leaf)
	})
	add("EIP-712", "the manifest given is another", []error{ErrManifestMismatch}, func(t *testing.T) error {
		return l.verifyEthJSON(mustJSON(t, l.leaf712), l.base)
	})
	js712 := string(mustJSON(t, l.leaf712))
	for _, v := range []struct{ name, js string }{
		{"duplicate signature", strings.Replace(js712, `"signer":`, `"signature":"0x00","signer":`, 1)},
		{"Signer (case variant)", strings.Replace(js712, `"signer":`, `"Signer":`, 1)},
		{"signatuRe (case variant) added", strings.Replace(js712, `"signer":`, `"signatuRe":"0x00","signer":`, 1)},
		{"duplicate message key", strings.Replace(js712, `"subjectSize":`, `"created":"0","subjectSize":`, 1)},
		{"data after the object", js712 + "\n{}"},
	} {
		add("JSON spelling", "EIP-712 file: "+v.name, []error{ErrMalformedSignatureFile}, func(t *testing.T) error {
			return l.verifyEthJSON([]byte(v.js), l.leaf)
		})
	}

	tried, detected := 0, 0 // detected: refused, for the reasons wanted
	byClass := map[string][2]int{}
	for _, c := range cases {
		t.Run(c.class+"/"+c.name, func(t *testing.T) {
			tried++
			n := byClass[c.class]
			n[0]++
			err := c.attempt(t)
			if err == nil {
				t.Errorf("not detected: %s: %s verified", c.class, c.name)
				byClass[c.class] = n
				return
			}
			for _, w := range c.want {
				if !errors.Is(err, w) {
					t.Errorf("refused for the wrong reason: want %v, got %v", w, err)
					byClass[c.class] = n
					return
				}
			}
			detected++
			n[1]++
			byClass[c.class] = n
		})
	}
	for _, class := range slices.Sorted(maps.Keys(byClass)) {
		n := byClass[class]
		t.Logf("  %-16s tried %d, detected %d", class, n[0], n[1])
	}
	t.Logf("tamper matrix: tried %d, detected %d", tried, detected)
	fmt.Fprintf(tamperSummary, "tamper matrix: tried %d, detected %d\n", tried, detected)
}

// tamperSummary receives the matrix's summary line; go test -v prints the
// t.Logf copy, and this one shows even without -v.
var tamperSummary io.Writer = os.Stdout

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
}

// addEd25519Order adds ℓ to the little-endian scalar s in place: the same
// value mod ℓ, in a non-canonical encoding that RFC 8032 verifiers refuse.
func addEd25519Order(s []byte) {
	l := [32]byte{0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 31: 0x10}
	carry := 0
	for i := range 32 {
		v := int(s[i]) + int(l[i]) + carry
		s[i], carry = byte(v), v>>8
	}
}

// malleate returns the other valid form of a secp256k1 signature: s' = n−s
// and v flipped, which ecrecover accepts and EIP-2 forbids.
func malleate(t *testing.T, sigHex string) string {
	t.Helper()
	sig, _ := hex.DecodeString(sigHex[2:])
	var borrow int
	out := make([]byte, 32)
	for i := 31; i >= 0; i-- {
		v := int(secp256k1N[i]) - int(sig[32+i]) - borrow
		borrow = 0
		if v < 0 {
			v += 256
			borrow = 1
		}
		out[i] = byte(v)
	}
	copy(sig[32:64], out)
	sig[64] ^= 1 // 27 ↔ 28
	return "0x" + hex.EncodeToString(sig)
}

type spellingVariant struct {
	name    string
	payload []byte
}

// jsonSpellingVariants are the leaf's statement payload rewritten so that
// readers disagree on what it says: keys encoding/json folds onto the real
// ones (by case or by Unicode folding, U+017F ſ matching s), duplicate
// keys (the last wins in encoding/json, Python and Node; the first in
// others), bytes encoding/json turns into U+FFFD, and non-canonical CIDs.
// Each carries a second manifestCid or manifest that a lenient reader may
// take.
func jsonSpellingVariants(t *testing.T, l *tamperLineage) []spellingVariant {
	p := string(l.leafEnv.Payload)
	evil := l.baseCID.String()
	cidStr := l.leafCID.String()
	upper := strings.ToUpper(cidStr)
	b58, _ := l.leafCID.StringOfBase('z')
	must := func(s string) string {
		if s == p {
			t.Fatalf("variant left the payload unchanged")
		}
		return s
	}
	return []spellingVariant{
		{"manifeſtCid (U+017F) added", []byte(must(strings.Replace(p, `"manifestCid":`, `"manifeſtCid":"`+evil+`","manifestCid":`, 1)))},
		{"manifestCid and ManifestCid", []byte(must(strings.Replace(p, `"manifestCid":`, `"ManifestCid":"`+evil+`","manifestCid":`, 1)))},
		{"duplicate manifestCid", []byte(must(strings.Replace(p, `"manifestCid":"`+cidStr+`"`, `"manifestCid":"`+cidStr+`","manifestCid":"`+evil+`"`, 1)))},
		{"Predicate added", []byte(must(strings.Replace(p, `"predicate":`, `"Predicate":{"manifestCid":"`+evil+`"},"predicate":`, 1)))},
		{"predicateType and PredicateType", []byte(must(strings.Replace(p, `"predicateType":`, `"PredicateType":"https://example.com/other","predicateType":`, 1)))},
		{"duplicate subject", []byte(must(strings.Replace(p, `"subject":`, `"subject":[{"name":"x","digest":{"sha256":"`+strings.Repeat("0", 64)+`"}}],"subject":`, 1)))},
		{"duplicate _type", []byte(must(strings.Replace(p, `"_type":`, `"_type":"https://in-toto.io/Statement/v0.1","_type":`, 1)))},
		{"duplicate digest key", []byte(must(strings.Replace(p, `"digest":{`, `"digest":{"sha256":"`+strings.Repeat("0", 64)+`",`, 1)))},
		{"duplicate key in the manifest", []byte(must(strings.Replace(p, `"license":"Apache-2.0"`, `"license":"Apache-2.0","license":"MIT"`, 1)))},
		{"License in the manifest", []byte(must(strings.Replace(p, `"license":"Apache-2.0"`, `"License":"MIT","license":"Apache-2.0"`, 1)))},
		{"invalid UTF-8 in a subject name", []byte(must(strings.Replace(p, `"name":"config.json"`, "\"name\":\"config.json\xff\"", 1)))},
		{"lone surrogate in a subject name", []byte(must(strings.Replace(p, `"name":"config.json"`, `"name":"config.json\ud800"`, 1)))},
		{"manifestCid upper case", []byte(must(strings.Replace(p, `"manifestCid":"`+cidStr, `"manifestCid":"`+upper, 1)))},
		{"manifestCid in base58btc", []byte(must(strings.Replace(p, `"manifestCid":"`+cidStr, `"manifestCid":"`+b58, 1)))},
		{"manifestCid with a trailing newline", []byte(must(strings.Replace(p, `"manifestCid":"`+cidStr+`"`, `"manifestCid":"`+cidStr+`\n"`, 1)))},
		{"data after the statement", []byte(p + ` {"predicate":{}}`)},
	}
}
