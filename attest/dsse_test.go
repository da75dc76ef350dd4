package attest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

// TestPAE uses the example from the DSSE specification (protocol.md).
func TestPAE(t *testing.T) {
	got := string(PAE("http://example.com/HelloWorld", []byte("hello world")))
	if want := "DSSEv1 29 http://example.com/HelloWorld 11 hello world"; got != want {
		t.Fatalf("PAE = %q, want %q", got, want)
	}
	if got := string(PAE("", nil)); got != "DSSEv1 0  0 " {
		t.Fatalf("empty PAE = %q", got)
	}
}

func TestEnvelopeBase64Variants(t *testing.T) {
	// Payload bytes chosen so that the encodings differ: 0xfb 0xff → "+/8" vs "-_8".
	payload := []byte{0xfb, 0xff, 'a', 'b'}
	k, _ := GenerateKey(Ed25519, nil)
	env := &Envelope{PayloadType: PayloadTypeInToto, Payload: payload}
	if err := env.Sign(context.Background(), k); err != nil {
		t.Fatal(err)
	}
	sig := env.Signatures[0].Sig
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		js := `{"payloadType":"` + PayloadTypeInToto + `","payload":"` + enc.EncodeToString(payload) +
			`","signatures":[{"keyid":"","sig":"` + enc.EncodeToString(sig) + `"}]}`
		got, err := ParseEnvelope([]byte(js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		if !bytes.Equal(got.Payload, payload) || got.VerifySignature(0, k.Public()) != nil {
			t.Fatalf("%s: payload %x", js, got.Payload)
		}
	}
}

func TestParseEnvelopeErrors(t *testing.T) {
	good := `{"payloadType":"t","payload":"aGk=","signatures":[{"keyid":"k","sig":"c2ln"}]}`
	if _, err := ParseEnvelope([]byte(good)); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, js, wantErr string }{
		{"not json", `{"payloadType":`, "invalid JSON"},
		{"trailing data", good + `{}`, "data after the JSON value"},
		{"no type", `{"payload":"aGk=","signatures":[{"sig":"c2ln"}]}`, "payloadType is missing"},
		{"bad base64", strings.Replace(good, "aGk=", "a$k=", 1), "payload: invalid base64"},
		{"non-canonical base64", strings.Replace(good, "aGk=", "aGl=", 1), "payload: invalid base64"},
		{"bad padding", strings.Replace(good, "aGk=", "aGk===", 1), "padding"},
		{"line break", strings.Replace(good, "aGk=", `aG\nk=`, 1), "line break"},
		{"no signatures", `{"payloadType":"t","payload":"aGk=","signatures":[]}`, "no signatures"},
		{"empty sig", strings.Replace(good, "c2ln", "", 1), "signatures[0].sig is empty"},
		{"sig type", strings.Replace(good, `"c2ln"`, `5`, 1), "/signatures/0/sig"},
		{"huge sig", strings.Replace(good, "c2ln", strings.Repeat("A", 8000), 1), "more than a signature"},
		{"too many", `{"payloadType":"t","payload":"","signatures":[` + strings.Repeat(`{"sig":"c2ln"},`, MaxEnvelopeSignatures) + `{"sig":"c2ln"}]}`, "257 signatures"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseEnvelope([]byte(tc.js))
			if !errors.Is(err, ErrMalformedEnvelope) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want ErrMalformedEnvelope mentioning %q", err, tc.wantErr)
			}
		})
	}
	if _, err := ParseEnvelope(make([]byte, MaxEnvelopeSize+1)); !errors.Is(err, ErrMalformedEnvelope) {
		t.Fatalf("oversized: %v", err)
	}
}

func FuzzParseEnvelope(f *testing.F) {
	f.Add([]byte(`{"payloadType":"t","payload":"aGk=","signatures":[{"keyid":"k","sig":"c2ln"}]}`))
	f.Add([]byte(`{"payloadType":"application/vnd.in-toto+json","payload":"-_8","signatures":[{"sig":"AA"},{"sig":"AQ=="}]}`))
	f.Add([]byte(`{"payloadType":"t","payload":"","signatures":[{"sig":"c2ln"}],"extra":[1,2,{"a":null}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		env, err := ParseEnvelope(data)
		if err != nil {
			if !errors.Is(err, ErrMalformedEnvelope) {
				t.Fatalf("error not ErrMalformedEnvelope: %v", err)
			}
			return
		}
		// What parses re-encodes and parses to the same envelope.
		js, err := json.Marshal(env)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseEnvelope(js)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", js, err)
		}
		if again.PayloadType != env.PayloadType || !bytes.Equal(again.Payload, env.Payload) || len(again.Signatures) != len(env.Signatures) {
			t.Fatal("round trip changed the envelope")
		}
		for i := range env.Signatures {
			if !bytes.Equal(again.Signatures[i].Sig, env.Signatures[i].Sig) || again.Signatures[i].KeyID != env.Signatures[i].KeyID {
				t.Fatal("round trip changed a signature")
			}
		}
		// Statement parsing of arbitrary payloads must not panic either.
		if st, err := ParseStatement(env.Payload); err == nil {
			st.Lineage()
		}
	})
}

// artifact writes files into a temporary directory and returns a manifest
// listing them. Each file is one chunk, so its CIDv1 with raw leaves is the
// raw CID of its bytes (what `ipfs add --cid-version 1` prints).
func artifact(t testing.TB, files map[string]string) (string, *provenance.Manifest) {
	t.Helper()
	dir := t.TempDir()
	m := &provenance.Manifest{
		Schema:       provenance.ManifestSchema,
		Subject:      provenance.Subject{Name: "acme/tiny-model", Kind: provenance.KindModel, CID: testCID(t, cid.DagProtobuf, "root")},
		Contributors: []provenance.Contributor{{ID: testEthAddress, Role: "weights", Share: provenance.ShareWhole}},
		License:      "Apache-2.0",
		Royalty:      provenance.RoyaltyTerms{Policy: provenance.PolicyAbsolute},
		Created:      time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC),
	}
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sortStrings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(files[name]))
		m.Subject.Files = append(m.Subject.Files, provenance.File{
			Path: name, CID: testCID(t, cid.Raw, files[name]), Size: int64(len(files[name])), SHA256: hex.EncodeToString(sum[:]),
		})
		m.Subject.Size += int64(len(files[name]))
	}
	// The root CID as `ipfs add` computes it, so that verifying the
	// directory (which recomputes it) passes.
	res, err := provenance.Hash(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	m.Subject.CID = res.CID
	return dir, m
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

// TestCosignVerifiesEnvelope: cosign v2.6.5 verify-blob-attestation accepts
// the project's envelope (ed25519 and P-256 keys) for a subject file, and
// rejects it for a changed file, a changed payload and a changed signature.
func TestCosignVerifiesEnvelope(t *testing.T) {
	cosign := testtools.CosignTool.Require(t)
	dir, m := artifact(t, map[string]string{"config.json": `{"layers":2}`, "model.safetensors": "weights\x00\x01"})
	m.Subject.Name = "acme/<tiny>&co" // characters encoding/json would escape
	signed, err := Sign(context.Background(), m, mustKey(t, Ed25519))
	if err != nil {
		t.Fatal(err)
	}
	payload := signed.Payload
	if !bytes.Contains(payload, []byte(`"name":"acme/<tiny>&co"`)) {
		t.Fatalf("manifest JSON was re-escaped in the payload: %s", payload)
	}
	work := t.TempDir()
	changed := filepath.Join(work, "model.safetensors")
	os.WriteFile(changed, []byte("weights\x00\x02"), 0o644)
	for _, alg := range []Algorithm{Ed25519, P256} {
		t.Run(string(alg), func(t *testing.T) {
			k, _ := GenerateKey(alg, nil)
			other, _ := GenerateKey(alg, nil)
			env := &Envelope{PayloadType: PayloadTypeInToto, Payload: payload}
			// Two signatures: cosign accepts when one verifies with --key.
			for _, s := range []Signer{other, k} {
				if err := env.Sign(context.Background(), s); err != nil {
					t.Fatal(err)
				}
			}
			pubPEM, _ := k.Public().MarshalPEM()
			pub := filepath.Join(work, string(alg)+".pub")
			os.WriteFile(pub, pubPEM, 0o644)
			write := func(name string, e *Envelope) string {
				js, err := json.Marshal(e)
				if err != nil {
					t.Fatal(err)
				}
				p := filepath.Join(work, string(alg)+name)
				os.WriteFile(p, js, 0o644)
				return p
			}
			verify := func(envFile, file string) error {
				cmd := exec.Command(cosign, "verify-blob-attestation", "--key", pub, "--signature", envFile,
					"--type", PredicateTypeLineage, "--insecure-ignore-tlog=true", file)
				cmd.Env = append(os.Environ(), "HOME="+work, "TUF_ROOT="+filepath.Join(work, "tuf"))
				out, err := cmd.CombinedOutput()
				if err != nil {
					return errors.New(string(out))
				}
				if !strings.Contains(string(out), "Verified OK") {
					t.Fatalf("cosign succeeded without saying Verified OK: %s", out)
				}
				return nil
			}
			good := write("-env.json", env)
			for _, f := range []string{"config.json", "model.safetensors"} {
				if err := verify(good, filepath.Join(dir, f)); err != nil {
					t.Fatalf("cosign rejected %s: %v", f, err)
				}
			}
			if err := verify(good, changed); err == nil {
				t.Fatal("cosign accepted a changed file")
			}
			tampered := *env
			tampered.Payload = bytes.Replace(payload, []byte(m.Subject.Files[1].SHA256[:8]), []byte("00000000"), 1)
			if err := verify(write("-tampered-payload.json", &tampered), changed); err == nil {
				t.Fatal("cosign accepted a changed payload")
			}
			tampered = *env
			tampered.Signatures = []Signature{{KeyID: k.ID(), Sig: bytes.Clone(env.Signatures[1].Sig)}}
			tampered.Signatures[0].Sig[5] ^= 1
			if err := verify(write("-tampered-sig.json", &tampered), filepath.Join(dir, "config.json")); err == nil {
				t.Fatal("cosign accepted a changed signature")
			}
		})
	}
}

func mustKey(t testing.TB, alg Algorithm) *PrivateKey {
	t.Helper()
	k, err := GenerateKey(alg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestDirHashMatchesShell: the root subject's dirHash equals the command
// in-toto's DigestSet specification defines it by.
func TestDirHashMatchesShell(t *testing.T) {
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Skip("sha256sum not on PATH")
	}
	dir, m := artifact(t, map[string]string{"b.txt": "b", "a/z.bin": "z", "a/b c.txt": "space", "A.txt": "upper"})
	cmd := exec.Command("sh", "-c", "find . -type f | cut -c3- | LC_ALL=C sort | xargs -r -d '\\n' sha256sum | sha256sum | cut -f1 -d' '")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	subjects, err := StatementSubjects(m)
	if err != nil {
		t.Fatal(err)
	}
	root := subjects[len(subjects)-1]
	if got, want := root.Digest[DigestDirHash], strings.TrimSpace(string(out)); got != want {
		t.Fatalf("dirHash %s, shell says %s", got, want)
	}
}

// TestEnvelopeSignTwice: signing again with a key that already signed
// leaves the envelope unchanged, for every algorithm (ECDSA signatures
// differ each time, so equal bytes are not what is compared); another
// key still adds its signature.
func TestEnvelopeSignTwice(t *testing.T) {
	ctx := context.Background()
	for _, alg := range []Algorithm{Ed25519, P256, Secp256k1} {
		t.Run(string(alg), func(t *testing.T) {
			k, err := GenerateKey(alg, nil)
			if err != nil {
				t.Fatal(err)
			}
			other, _ := GenerateKey(alg, nil)
			env := &Envelope{PayloadType: PayloadTypeInToto, Payload: []byte(`{"x":1}`)}
			for _, s := range []Signer{k, k, other, k, other} {
				if err := env.Sign(ctx, s); err != nil {
					t.Fatal(err)
				}
			}
			if len(env.Signatures) != 2 {
				t.Fatalf("%d signatures, want 2 (one per key)", len(env.Signatures))
			}
			if got := env.SignedBy(k.Public()); got != 0 {
				t.Errorf("SignedBy(k) = %d, want 0", got)
			}
			if got := env.SignedBy(other.Public()); got != 1 {
				t.Errorf("SignedBy(other) = %d, want 1", got)
			}
			third, _ := GenerateKey(alg, nil)
			if got := env.SignedBy(third.Public()); got != -1 {
				t.Errorf("SignedBy(third) = %d, want -1", got)
			}
		})
	}
}
