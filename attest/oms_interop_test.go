package attest

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
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
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
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
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		require.NoError(t, err)
		require.NoError(t, c.AddResource("https://model_signing/"+name+"/v1.0/schema", doc))
	}
	var err error
	bundleSchema, err = c.Compile("https://model_signing/bundle/v1.0/schema")
	require.NoError(t, err)
	statementSchema, err = c.Compile("https://model_signing/statement/v1.0/schema")
	require.NoError(t, err)
	return bundleSchema, statementSchema
}

func validateOMSSchemas(t testing.TB, bundleJSON []byte) error {
	t.Helper()
	bs, ss := omsSchemas(t)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bundleJSON))
	require.NoError(t, err)
	if err := bs.Validate(inst); err != nil {
		return err
	}
	b, err := ParseOMSBundle(bundleJSON)
	if err != nil {
		return err
	}
	st, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Envelope.Payload))
	require.NoError(t, err)
	return ss.Validate(st)
}

// TestOMSSchemaHarness checks the schema harness itself on the spec's own
// vectors: valid ones pass, invalid ones fail.
func TestOMSSchemaHarness(t *testing.T) {
	dir := "testdata/oms/spec/test-vectors/v1.0"
	for _, name := range []string{"valid/key", "valid/certificate", "valid/sigstore"} {
		data, err := os.ReadFile(filepath.Join(dir, name+".bundle.json"))
		require.NoError(t, err)
		require.NoError(t, validateOMSSchemas(t, data), name)
	}
	bs, ss := omsSchemas(t)
	for _, name := range []string{"invalid/missing-envelope", "invalid/missing-tlog-entries", "invalid/missing-verification-material"} {
		f, err := os.Open(filepath.Join(dir, name+".bundle.json"))
		require.NoError(t, err)
		inst, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		require.NoError(t, err)
		require.Error(t, bs.Validate(inst), name)
	}
	data, err := os.ReadFile(filepath.Join(dir, "invalid-payload/wrong-predicate.bundle.json"))
	require.NoError(t, err)
	b, err := parseOMSBundle(data)
	require.NoError(t, err)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Envelope.Payload))
	require.NoError(t, err)
	require.Error(t, ss.Validate(inst))
}

func TestOMSSignKeyInterop(t *testing.T) {
	ctx := context.Background()
	manifest, err := cid.Decode("bafyreigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")
	require.NoError(t, err)
	for _, alg := range []Algorithm{P256, P384, P521} {
		t.Run(string(alg), func(t *testing.T) {
			model := writeTestModel(t, omsTestFiles)
			key, err := GenerateKey(alg, nil)
			require.NoError(t, err)
			sigPath := filepath.Join(model, "model.sig")
			b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, SignaturePath: sigPath, IgnorePaths: []string{"weights.bin"}, ManifestCID: manifest})
			require.NoError(t, err)
			data, err := b.MarshalJSON()
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(sigPath, data, 0o644))

			st, err := ParseOMSStatement(b.Envelope.Payload)
			require.NoError(t, err)
			var names []string
			for _, r := range st.Resources {
				names = append(names, r.Name)
			}
			// Sorted by code point; .git and .gitattributes at the top level,
			// weights.bin and the bundle left out.
			require.Equal(t, []string{".hidden", "a-b", "a/b", "config.json", "sub/.git", "sub/dir/adapter.bin"}, names)
			require.Equal(t, []string{".git", ".gitattributes", ".github", ".gitignore", "model.sig", "weights.bin"}, st.Serialization.IgnorePaths)
			require.Equal(t, "my-model", st.ModelName)

			// Independent check: the spec's schemas.
			require.NoError(t, validateOMSSchemas(t, data))

			// And aiprov's own verifier, which also reports the lineage.
			r, err := VerifyOMS(ctx, b, model, OMSVerifyOptions{Keys: []*PublicKey{key.Public()}, SignaturePath: sigPath})
			require.NoError(t, err)
			require.True(t, r.ManifestCID.Equals(manifest))
			require.Equal(t, key.ID(), r.Signer)

			tampered := bytes.Replace(data, []byte(b64(b.Envelope.Payload)), []byte(b64(bytes.Replace(b.Envelope.Payload, []byte("a-b"), []byte("a-c"), 1))), 1)
			require.NotEqual(t, data, tampered)
			_, err = VerifyOMS(ctx, readOMSBundleBytes(t, tampered), model, OMSVerifyOptions{Keys: []*PublicKey{key.Public()}, SignaturePath: sigPath})
			require.ErrorIs(t, err, ErrBadSignature)
		})
	}
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func readOMSBundleBytes(t testing.TB, data []byte) *OMSBundle {
	t.Helper()
	b, err := ParseOMSBundle(data)
	require.NoError(t, err)
	return b
}

func TestOMSSignCertificateInterop(t *testing.T) {
	ctx := context.Background()
	for _, alg := range []Algorithm{P256, P384, P521} {
		t.Run(string(alg), func(t *testing.T) {
			pki := newTestPKI(t, alg)
			model := writeTestModel(t, omsTestFiles)
			b, err := SignOMS(ctx, model, OMSSignOptions{Signer: pki.key, Certificates: []*x509.Certificate{pki.leaf, pki.intermediate}})
			require.NoError(t, err)
			require.Equal(t, OMSMethodCertificate, b.Method())
			data, err := b.MarshalJSON()
			require.NoError(t, err)
			require.NoError(t, validateOMSSchemas(t, data))

			r, err := VerifyOMS(ctx, readOMSBundleBytes(t, data), model, OMSVerifyOptions{Roots: []*x509.Certificate{pki.root}})
			require.NoError(t, err)
			require.Equal(t, "CN=model publisher", r.Signer)

			// Another CA's root is not trusted; nor is the chain after it expired.
			_, err = VerifyOMS(ctx, b, model, OMSVerifyOptions{Roots: []*x509.Certificate{selfSignedTestCA(t)}})
			require.ErrorIs(t, err, ErrUntrustedSigner)
			_, err = VerifyOMS(ctx, b, model, OMSVerifyOptions{Roots: []*x509.Certificate{pki.root}, Time: time.Now().Add(48 * time.Hour)})
			require.ErrorIs(t, err, ErrUntrustedSigner)
			other := newTestPKI(t, alg)
			_, err = SignOMS(ctx, model, OMSSignOptions{Signer: other.key, Certificates: []*x509.Certificate{pki.leaf}})
			require.ErrorContains(t, err, "not the signer's")
		})
	}
}
