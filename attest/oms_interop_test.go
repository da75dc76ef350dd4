package attest

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The tests here check bundles SignOMS writes against the OMS JSON schemas
// of the spec (testdata/oms/spec), validated with santhosh-tekuri/jsonschema,
// and against aiprov's verifier. internal/omsinterop (a module of its own,
// to keep sigstore-go's dependencies out of aiprov's) checks them with
// sigstore-go.

func writeTestModel(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "my-model")
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var omsTestFiles = map[string]string{
	"config.json":         `{"arch":"llama"}`,
	"weights.bin":         "weights",
	"a-b":                 "dash sorts before slash",
	"a/b":                 "in a directory",
	"sub/dir/adapter.bin": "adapter",
	".hidden":             "hidden files are signed",
	".git/HEAD":           "ref: refs/heads/main",
	".gitattributes":      "*.bin filter=lfs",
	"sub/.git":            "only top-level git paths are ignored",
}

// omsSchemas compiles the spec's bundle and statement schemas.
func omsSchemas(t testing.TB) (bundleSchema, statementSchema *jsonschema.Schema) {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, name := range []string{"bundle", "envelope", "statement", "predicate"} {
		f, err := os.Open(filepath.Join("testdata/oms/spec/schemas/v1.0", name+".schema.json"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource("https://model_signing/"+name+"/v1.0/schema", doc); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	bundleSchema, err = c.Compile("https://model_signing/bundle/v1.0/schema")
	if err != nil {
		t.Fatal(err)
	}
	statementSchema, err = c.Compile("https://model_signing/statement/v1.0/schema")
	if err != nil {
		t.Fatal(err)
	}
	return bundleSchema, statementSchema
}

func validateOMSSchemas(t testing.TB, bundleJSON []byte) error {
	t.Helper()
	bs, ss := omsSchemas(t)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bundleJSON))
	if err != nil {
		t.Fatal(err)
	}
	if err := bs.Validate(inst); err != nil {
		return err
	}
	b, err := ParseOMSBundle(bundleJSON)
	if err != nil {
		return err
	}
	st, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Envelope.Payload))
	if err != nil {
		t.Fatal(err)
	}
	return ss.Validate(st)
}

// TestOMSSchemaHarness checks the schema harness itself on the spec's own
// vectors: valid ones pass, invalid ones fail.
func TestOMSSchemaHarness(t *testing.T) {
	dir := "testdata/oms/spec/test-vectors/v1.0"
	for _, name := range []string{"valid/key", "valid/certificate", "valid/sigstore"} {
		data, err := os.ReadFile(filepath.Join(dir, name+".bundle.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := validateOMSSchemas(t, data); err != nil {
			t.Fatalf("%v: %v", name, err)
		}
	}
	bs, ss := omsSchemas(t)
	for _, name := range []string{"invalid/missing-envelope", "invalid/missing-tlog-entries", "invalid/missing-verification-material"} {
		f, err := os.Open(filepath.Join(dir, name+".bundle.json"))
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := bs.Validate(inst); err == nil {
			t.Fatalf("%v: bs.Validate(inst): no error, want one", name)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "invalid-payload/wrong-predicate.bundle.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := parseOMSBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Envelope.Payload))
	if err != nil {
		t.Fatal(err)
	}
	if err := ss.Validate(inst); err == nil {
		t.Fatal("ss.Validate(inst): no error, want one")
	}
}

func TestOMSSignKeyInterop(t *testing.T) {
	ctx := context.Background()
	manifest, err := cid.Decode("bafyreigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")
	if err != nil {
		t.Fatal(err)
	}
	for _, alg := range []Algorithm{P256, P384, P521} {
		t.Run(string(alg), func(t *testing.T) {
			model := writeTestModel(t, omsTestFiles)
			key, err := GenerateKey(alg, nil)
			if err != nil {
				t.Fatal(err)
			}
			sigPath := filepath.Join(model, "model.sig")
			b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, SignaturePath: sigPath, IgnorePaths: []string{"weights.bin"}, ManifestCID: manifest})
			if err != nil {
				t.Fatal(err)
			}
			data, err := b.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(sigPath, data, 0o644); err != nil {
				t.Fatal(err)
			}

			st, err := ParseOMSStatement(b.Envelope.Payload)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, r := range st.Resources {
				names = append(names, r.Name)
			}
			// Sorted by code point; .git and .gitattributes at the top level,
			// weights.bin and the bundle left out.
			if got, want := names, []string{".hidden", "a-b", "a/b", "config.json", "sub/.git", "sub/dir/adapter.bin"}; !reflect.DeepEqual(got, want) {
				t.Fatalf("names = %#v, want %#v", got, want)
			}
			if got, want := st.Serialization.IgnorePaths, []string{".git", ".gitattributes", ".github", ".gitignore", "model.sig", "weights.bin"}; !reflect.DeepEqual(got, want) {
				t.Fatalf("st.Serialization.IgnorePaths = %#v, want %#v", got, want)
			}
			if got := st.ModelName; got != "my-model" {
				t.Fatalf("st.ModelName = %#v, want %#v", got, "my-model")
			}

			// Independent check: the spec's schemas.
			if err := validateOMSSchemas(t, data); err != nil {
				t.Fatal(err)
			}

			// And aiprov's own verifier, which also reports the lineage.
			r, err := VerifyOMS(ctx, b, model, OMSVerifyOptions{Keys: []*PublicKey{key.Public()}, SignaturePath: sigPath})
			if err != nil {
				t.Fatal(err)
			}
			if !(r.ManifestCID.Equals(manifest)) {
				t.Fatal("r.ManifestCID.Equals(manifest) is false")
			}
			if got, want := r.Signer, key.ID(); !reflect.DeepEqual(got, want) {
				t.Fatalf("r.Signer = %#v, want %#v", got, want)
			}

			tampered := bytes.Replace(data, []byte(b64(b.Envelope.Payload)), []byte(b64(bytes.Replace(b.Envelope.Payload, []byte("a-b"), []byte("a-c"), 1))), 1)
			if got, other := tampered, data; reflect.DeepEqual(got, other) {
				t.Fatalf("tampered = %#v, want anything else", got)
			}
			_, err = VerifyOMS(ctx, readOMSBundleBytes(t, tampered), model, OMSVerifyOptions{Keys: []*PublicKey{key.Public()}, SignaturePath: sigPath})
			if !errors.Is(err, ErrBadSignature) {
				t.Fatalf("err = %v, want %v", err, ErrBadSignature)
			}
		})
	}
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func readOMSBundleBytes(t testing.TB, data []byte) *OMSBundle {
	t.Helper()
	b, err := ParseOMSBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOMSSignCertificateInterop(t *testing.T) {
	ctx := context.Background()
	for _, alg := range []Algorithm{P256, P384, P521} {
		t.Run(string(alg), func(t *testing.T) {
			pki := newTestPKI(t, alg)
			model := writeTestModel(t, omsTestFiles)
			b, err := SignOMS(ctx, model, OMSSignOptions{Signer: pki.key, Certificates: []*x509.Certificate{pki.leaf, pki.intermediate}})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := b.Method(), OMSMethodCertificate; !reflect.DeepEqual(got, want) {
				t.Fatalf("b.Method() = %#v, want %#v", got, want)
			}
			data, err := b.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if err := validateOMSSchemas(t, data); err != nil {
				t.Fatal(err)
			}

			r, err := VerifyOMS(ctx, readOMSBundleBytes(t, data), model, OMSVerifyOptions{Roots: []*x509.Certificate{pki.root}})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Signer; got != "CN=model publisher" {
				t.Fatalf("r.Signer = %#v, want %#v", got, "CN=model publisher")
			}

			// Another CA's root is not trusted; nor is the chain after it expired.
			_, err = VerifyOMS(ctx, b, model, OMSVerifyOptions{Roots: []*x509.Certificate{selfSignedTestCA(t)}})
			if !errors.Is(err, ErrUntrustedSigner) {
				t.Fatalf("err = %v, want %v", err, ErrUntrustedSigner)
			}
			_, err = VerifyOMS(ctx, b, model, OMSVerifyOptions{Roots: []*x509.Certificate{pki.root}, Time: time.Now().Add(48 * time.Hour)})
			if !errors.Is(err, ErrUntrustedSigner) {
				t.Fatalf("err = %v, want %v", err, ErrUntrustedSigner)
			}
			other := newTestPKI(t, alg)
			_, err = SignOMS(ctx, model, OMSSignOptions{Signer: other.key, Certificates: []*x509.Certificate{pki.leaf}})
			if err == nil || !strings.Contains(err.Error(), "not the signer's") {
				t.Fatalf("err = %v, want one containing %q", err, "not the signer's")
			}
		})
	}
}
