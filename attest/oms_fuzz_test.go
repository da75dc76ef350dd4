package attest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseOMSBundle: parsing never panics; a bundle that parses has one
// signature, names its method, and survives a write and a re-read
// unchanged; whatever parses as a statement has a root digest that matches
// its resources (v1.0) and no duplicate names.
func FuzzParseOMSBundle(f *testing.F) {
	for _, name := range []string{
		filepath.Join(omsTestdata, "v0.2.0-certificate/model.sig"),
		filepath.Join(omsTestdata, "v0.3.1-elliptic-key/model.sig"),
		filepath.Join(omsTestdata, "v1.1.0-elliptic-key/model.sig"),
		filepath.Join(omsTestdata, "v1.1.0-sigstore/model.sig"),
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"publicKey":{"hint":"x"}},"dsseEnvelope":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ParseOMSBundle(data)
		if err != nil {
			if st, serr := ParseOMSStatement(data); serr == nil {
				checkFuzzedStatement(t, st)
			}
			return
		}
		if len(b.Envelope.Signatures) != 1 || b.Method() == "" {
			t.Fatalf("parsed with %d signatures, method %q", len(b.Envelope.Signatures), b.Method())
		}
		out, err := b.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseOMSBundle(out)
		if err != nil {
			t.Fatalf("re-reading a written bundle: %v", err)
		}
		if !bytes.Equal(again.Envelope.Payload, b.Envelope.Payload) || !bytes.Equal(again.Envelope.Signatures[0].Sig, b.Envelope.Signatures[0].Sig) || again.Method() != b.Method() {
			t.Fatal("a written bundle reads back differently")
		}
		if st, err := ParseOMSStatement(b.Envelope.Payload); err == nil {
			checkFuzzedStatement(t, st)
		}
	})
}

func checkFuzzedStatement(t *testing.T, st *OMSStatement) {
	seen := map[string]bool{}
	for _, r := range st.Resources {
		if seen[r.Name] {
			t.Fatalf("resource %q twice", r.Name)
		}
		seen[r.Name] = true
	}
	if st.PredicateType == PredicateTypeOMS {
		root, err := omsRootDigest(st.Resources)
		if err != nil || root != st.RootDigest {
			t.Fatalf("root digest %s, resources hash to %s (%v)", st.RootDigest, root, err)
		}
	}
}
