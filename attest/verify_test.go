package attest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ethereum/go-ethereum/common"
)

type testKeys struct {
	ed, p256, eth, stranger *PrivateKey
}

func newTestKeys(t testing.TB) testKeys {
	t.Helper()
	gen := func(a Algorithm) *PrivateKey {
		k, err := GenerateKey(a, nil)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	return testKeys{ed: gen(Ed25519), p256: gen(P256), eth: testEthKey(t), stranger: gen(Ed25519)}
}

func trust(keys ...*PrivateKey) VerifyOptions {
	var opts VerifyOptions
	for _, k := range keys {
		opts.Keys = append(opts.Keys, k.Public())
	}
	return opts
}

var testFiles = map[string]string{
	"config.json":       `{"layers":2}`,
	"model.safetensors": "weights\x00\x01",
	"tokenizer/vocab":   "a b c",
}

func TestVerifyEndToEnd(t *testing.T) {
	ctx := context.Background()
	k := newTestKeys(t)
	dir, m := artifact(t, testFiles)
	env, err := Sign(ctx, m, k.ed, k.p256, k.eth)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(env)
	env, err = ParseEnvelope(js)
	if err != nil {
		t.Fatal(err)
	}
	mcid, err := m.CID()
	if err != nil {
		t.Fatal(err)
	}
	opts := trust(k.ed, k.p256, k.eth)
	opts.Dir = dir
	opts.ManifestCID = mcid
	r, err := Verify(ctx, Bundle{Envelope: env}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !r.ManifestCID.Equals(mcid) || r.Manifest == nil || r.Manifest.Subject.Name != m.Subject.Name {
		t.Fatalf("report manifest %s %+v", r.ManifestCID, r.Manifest)
	}
	for i, want := range []string{k.ed.ID(), k.p256.ID(), k.eth.ID()} {
		if s := r.Signatures[i]; s.Err != nil || s.Signer != want {
			t.Errorf("signature %d: %+v, want signer %s", i, s, want)
		}
	}
	if len(r.Files) != len(testFiles) {
		t.Errorf("checked %d files, want %d", len(r.Files), len(testFiles))
	}
	// Without key IDs (cosign writes none) each trusted key is tried.
	anon := *env
	anon.Signatures = nil
	for _, s := range env.Signatures {
		anon.Signatures = append(anon.Signatures, Signature{Sig: s.Sig})
	}
	if r, err := Verify(ctx, Bundle{Envelope: &anon}, trust(k.eth, k.ed, k.p256)); err != nil || r.Signatures[1].Signer != k.p256.ID() {
		t.Fatalf("no key IDs: %v", err)
	}

	got, err := ManifestOf(env)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := got.CID(); !c.Equals(mcid) {
		t.Fatal("ManifestOf changed the manifest")
	}

	// Only the stranger trusted: nothing verifies, the policy fails.
	r, err = Verify(ctx, Bundle{Envelope: env}, trust(k.stranger))
	if !errors.Is(err, ErrPolicyNotMet) || errors.Is(err, ErrBadSignature) {
		t.Fatalf("untrusted: %v", err)
	}
	for _, s := range r.Signatures {
		if !errors.Is(s.Err, ErrUntrustedSigner) {
			t.Errorf("signature %d: %v, want ErrUntrustedSigner", s.Index, s.Err)
		}
	}
	if _, err := Verify(ctx, Bundle{Envelope: env}, VerifyOptions{}); !errors.Is(err, ErrNoTrustedKeys) {
		t.Fatalf("no keys: %v", err)
	}
}

// TestVerifyTamper: changing any byte of the payload, any signature, or a
// subject digest makes verification fail, and the report says why.
func TestVerifyTamper(t *testing.T) {
	ctx := context.Background()
	k := newTestKeys(t)
	dir, m := artifact(t, testFiles)
	env, err := Sign(ctx, m, k.ed, k.eth)
	if err != nil {
		t.Fatal(err)
	}
	opts := trust(k.ed, k.eth)
	if _, err := Verify(ctx, Bundle{Envelope: env}, opts); err != nil {
		t.Fatal(err)
	}
	copyEnv := func() *Envelope {
		e := &Envelope{PayloadType: env.PayloadType, Payload: bytes.Clone(env.Payload)}
		for _, s := range env.Signatures {
			e.Signatures = append(e.Signatures, Signature{s.KeyID, bytes.Clone(s.Sig)})
		}
		return e
	}
	for i := range env.Payload {
		e := copyEnv()
		e.Payload[i] ^= 0x01
		r, err := Verify(ctx, Bundle{Envelope: e}, opts)
		if !errors.Is(err, ErrBadSignature) {
			t.Fatalf("payload byte %d changed: err = %v", i, err)
		}
		for _, s := range r.Signatures {
			if !errors.Is(s.Err, ErrBadSignature) {
				t.Fatalf("payload byte %d changed: signature %d: %v", i, s.Index, s.Err)
			}
		}
	}
	for si := range env.Signatures {
		for i := range env.Signatures[si].Sig {
			e := copyEnv()
			e.Signatures[si].Sig[i] ^= 0x80
			r, err := Verify(ctx, Bundle{Envelope: e}, opts)
			if !errors.Is(err, ErrBadSignature) || !strings.Contains(err.Error(), fmt.Sprintf("signature %d", si)) {
				t.Fatalf("signature %d byte %d changed: err = %v", si, i, err)
			}
			if r.Signatures[1-si].Err != nil {
				t.Fatalf("the untouched signature failed: %v", r.Signatures[1-si].Err)
			}
		}
	}
	// A subject digest changed and the statement re-signed by a trusted
	// key: the signatures hold, but the statement no longer matches the
	// manifest it carries.
	st, _ := ParseStatement(env.Payload)
	st.Subject[0].Digest[DigestSHA256] = strings.Repeat("0", 64)
	payload, _ := st.Marshal()
	e := &Envelope{PayloadType: PayloadTypeInToto, Payload: payload}
	e.Sign(ctx, k.ed)
	if _, err := Verify(ctx, Bundle{Envelope: e}, opts); !errors.Is(err, ErrManifestMismatch) || !strings.Contains(err.Error(), st.Subject[0].Name) {
		t.Fatalf("re-signed subject change: %v", err)
	}
	// The predicate's manifest changed (and its CID with it), re-signed by
	// someone untrusted.
	m2 := *m
	m2.License = "MIT"
	e, _ = Sign(ctx, &m2, k.stranger)
	e.Signatures[0].KeyID = k.ed.ID() // claiming to be trusted does not help
	if _, err := Verify(ctx, Bundle{Envelope: e}, opts); !errors.Is(err, ErrBadSignature) || !errors.Is(err, ErrPolicyNotMet) {
		t.Fatalf("forged keyid: %v", err)
	}

	// Files on disk.
	opts.Dir = dir
	os.WriteFile(filepath.Join(dir, "model.safetensors"), []byte("weights\x00\x02"), 0o644)
	os.WriteFile(filepath.Join(dir, "extra.bin"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden"), []byte("x"), 0o644)
	os.Remove(filepath.Join(dir, "tokenizer", "vocab"))
	_, err = Verify(ctx, Bundle{Envelope: env}, opts)
	// Every entry is covered or reported: hidden files too (no digest
	// covers them, so they are bytes nobody signed).
	for _, want := range []string{"model.safetensors: sha256 ", "extra.bin is not covered", ".hidden is not covered", "tokenizer/vocab is missing", "hashes to root CID"} {
		if !errors.Is(err, ErrSubjectMismatch) || !strings.Contains(err.Error(), want) {
			t.Errorf("files: err = %v, want it to say %q", err, want)
		}
	}
	// A single file: matches when it is one of the subjects.
	opts.Dir = filepath.Join(dir, "config.json")
	if _, err := Verify(ctx, Bundle{Envelope: env}, opts); err != nil {
		t.Errorf("single file: %v", err)
	}
	opts.Dir = filepath.Join(dir, "extra.bin")
	if _, err := Verify(ctx, Bundle{Envelope: env}, opts); !errors.Is(err, ErrSubjectMismatch) {
		t.Errorf("single wrong file: %v", err)
	}
}

func TestVerifyPolicy(t *testing.T) {
	ctx := context.Background()
	k := newTestKeys(t)
	alice, bob, carol := k.ed, k.p256, k.eth
	_, m := artifact(t, testFiles)
	m.Contributors = []provenance.Contributor{
		{ID: alice.ID(), Role: "weights", Share: provenance.ShareWhole / 2},
		{ID: carol.ID(), Role: "data", Share: provenance.ShareWhole / 2},
	}
	bobPEM, _ := bob.Public().MarshalPEM()
	policyJSON := fmt.Sprintf(`{
	  "keys": [
	    {"id": %q, "name": "alice", "roles": ["publisher", "contributor"]},
	    {"publicKey": %q, "name": "bob", "roles": ["contributor"]},
	    {"id": %q, "name": "carol", "roles": ["contributor"]}
	  ],
	  "rules": [
	    {"role": "publisher", "threshold": 1},
	    {"role": "contributor", "threshold": 2},
	    {"contributors": true, "threshold": 2}
	  ]
	}`, alice.ID(), string(bobPEM), strings.ToLower(carol.ID()))
	pol, err := ParsePolicy([]byte(policyJSON))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		signers []Signer
		unmet   []int // indexes of rules that must fail
	}{
		{"all three", []Signer{alice, bob, carol}, nil},
		{"alice and carol", []Signer{alice, carol}, nil},
		{"alice and bob: bob is no manifest contributor", []Signer{alice, bob}, []int{2}},
		{"bob and carol: no publisher", []Signer{bob, carol}, []int{0, 2}},
		{"alice twice counts once", []Signer{alice, alice}, []int{1, 2}},
		{"stranger and alice", []Signer{k.stranger, alice}, []int{1, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env, err := Sign(ctx, m, tc.signers...)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Verify(ctx, Bundle{Envelope: env}, VerifyOptions{Policy: pol})
			for i, rr := range r.Rules {
				wantMet := true
				for _, u := range tc.unmet {
					if u == i {
						wantMet = false
					}
				}
				if rr.Satisfied != wantMet {
					t.Errorf("rule %d (%s): satisfied = %v, signers %v", i, rr.Rule, rr.Satisfied, rr.Signers)
				}
			}
			if (err == nil) != (len(tc.unmet) == 0) || (err != nil && !errors.Is(err, ErrPolicyNotMet)) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestParsePolicyErrors(t *testing.T) {
	k := newTestKeys(t)
	tests := []struct{ name, js, wantErr string }{
		{"unknown field", `{"keys":[{"id":"` + k.ed.ID() + `","role":"x"}]}`, "unknown field"},
		{"bad id", `{"keys":[{"id":"ed25519:nope"}]}`, "keys[0]"},
		{"empty key", `{"keys":[{}]}`, "needs id or publicKey"},
		{"id and key disagree", `{"keys":[{"id":"` + k.ed.ID() + `","publicKey":"` + k.stranger.ID() + `"}]}`, "does not match"},
		{"threshold 0", `{"keys":[{"id":"` + k.ed.ID() + `"}],"rules":[{"threshold":0}]}`, "threshold is 0"},
		{"impossible", `{"keys":[{"id":"` + k.ed.ID() + `","roles":["a"]}],"rules":[{"role":"a","threshold":2}]}`, "can never hold"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParsePolicy([]byte(tc.js))
			if !errors.Is(err, ErrMalformedPolicy) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want ErrMalformedPolicy mentioning %q", err, tc.wantErr)
			}
		})
	}
}

func TestVerifyEthSignatures(t *testing.T) {
	ctx := context.Background()
	k := newTestKeys(t)
	dir, m := artifact(t, testFiles)
	registry := Domain{Name: "aiprov", Version: "1", ChainID: 1337, VerifyingContract: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")}
	s712, err := SignEIP712(ctx, m, k.eth, registry)
	if err != nil {
		t.Fatal(err)
	}
	// A signer that claims one address and signs with another key is
	// caught when signing, in both formats.
	if _, err := SignEIP712(ctx, m, lyingWallet{k.eth}, registry); err == nil || !strings.Contains(err.Error(), "not its address") {
		t.Fatalf("EIP-712, a wallet signing with another key: %v", err)
	}
	if _, err := SignEIP191(ctx, m, lyingWallet{k.eth}); err == nil || !strings.Contains(err.Error(), "not its address") {
		t.Fatalf("EIP-191, a wallet signing with another key: %v", err)
	}
	s191, err := SignEIP191(ctx, m, k.eth)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*EthSignature{s712, s191} {
		js, _ := json.Marshal(s)
		back, err := ParseEthSignature(js)
		if err != nil {
			t.Fatal(err)
		}
		opts := trust(k.eth)
		opts.Dir = dir
		opts.Domain = &registry
		if _, err := Verify(ctx, Bundle{EthSignatures: []*EthSignature{back}, Manifest: m}, opts); err != nil {
			t.Errorf("%s: %v", s.Format, err)
		}
	}
	// Another chain's domain is refused when a domain is required.
	other := registry
	other.ChainID = 1
	opts := trust(k.eth)
	opts.Domain = &other
	if _, err := Verify(ctx, Bundle{EthSignatures: []*EthSignature{s712}, Manifest: m}, opts); !errors.Is(err, ErrManifestMismatch) {
		t.Errorf("other chain: %v", err)
	}
	// A signature over another manifest.
	m2 := *m
	m2.License = "MIT"
	if _, err := Verify(ctx, Bundle{EthSignatures: []*EthSignature{s712}, Manifest: &m2}, trust(k.eth)); !errors.Is(err, ErrManifestMismatch) {
		t.Errorf("other manifest: %v", err)
	}
	// A stated signer that is not the recovered one.
	forged := *s712
	forged.Signer = common.HexToAddress("0x1111111111111111111111111111111111111111")
	if _, err := Verify(ctx, Bundle{EthSignatures: []*EthSignature{&forged}, Manifest: m}, trust(k.eth)); !errors.Is(err, ErrBadSignature) {
		t.Errorf("forged signer: %v", err)
	}
	// Co-signing across formats: an ed25519 DSSE signature and an EIP-712
	// one together meet a 2-of-2 policy.
	env, _ := Sign(ctx, m, k.ed)
	pol := &Policy{Keys: []TrustedKey{{ID: k.ed.ID()}, {ID: k.eth.ID()}}, Rules: []Rule{{Threshold: 2}}}
	if _, err := Verify(ctx, Bundle{Envelope: env, EthSignatures: []*EthSignature{s712}}, VerifyOptions{Policy: pol}); err != nil {
		t.Errorf("co-signed: %v", err)
	}
	if _, err := Verify(ctx, Bundle{Envelope: env}, VerifyOptions{Policy: pol}); !errors.Is(err, ErrPolicyNotMet) {
		t.Errorf("one of two: %v", err)
	}
}

func TestVerifyMany(t *testing.T) {
	ctx := context.Background()
	k := newTestKeys(t)
	bundles, _ := lineage(t, 600, k.ed, k.p256)
	// Corrupt one ed25519 signature past the first task's bundles.
	bad := 64 + 7
	bundles[bad].Envelope.Signatures[0].Sig[10] ^= 1
	reports, err := VerifyMany(ctx, bundles, trust(k.ed, k.p256))
	if err == nil {
		t.Fatal("a bad signature went unnoticed")
	}
	for i, r := range reports {
		if (r.Err() != nil) != (i == bad) {
			t.Errorf("bundle %d: %v", i, r.Err())
		}
	}
	if !errors.Is(reports[bad].Signatures[0].Err, ErrBadSignature) {
		t.Errorf("bad bundle's signature: %v", reports[bad].Signatures[0].Err)
	}
}

// lineage makes n signed manifests, each a finetune of the previous one.
func lineage(t testing.TB, n int, signers ...Signer) ([]Bundle, *provenance.Manifest) {
	t.Helper()
	_, base := artifact(t, testFiles)
	bundles := make([]Bundle, n)
	prev := base
	for i := range bundles {
		m := *base
		m.Subject.Name = fmt.Sprintf("acme/model-v%d", i)
		m.Subject.CID = testCID(t, 0x70, m.Subject.Name)
		pc, err := prev.CID()
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			m.Parents = []provenance.Parent{{CID: pc, Relation: provenance.RelationFinetune, Share: provenance.ShareWhole / 10}}
			m.Royalty.Policy = provenance.PolicyAbsolute
		}
		env, err := Sign(context.Background(), &m, signers...)
		if err != nil {
			t.Fatal(err)
		}
		bundles[i] = Bundle{Envelope: env}
		prev = &m
	}
	return bundles, prev
}

// lyingWallet claims one address and signs with another key.
type lyingWallet struct{ *PrivateKey }

func (lyingWallet) Address() common.Address {
	return common.HexToAddress("0x1111111111111111111111111111111111111111")
}
