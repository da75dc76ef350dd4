package attest

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const omsTestdata = "testdata/oms/model-transparency"

// publishedOMSCase is one bundle that model_signing wrote (testdata/oms/README.md)
// and the way its own test scripts (scripts/tests/test-verify-*.sh) verify it.
type publishedOMSCase struct {
	name   string
	bundle string // path of the bundle
	model  string // the model it signs
	method string
	ignore []string // --ignore-paths given to model_signing verify
}

func publishedOMSCases() []publishedOMSCase {
	dir := func(v string) string { return filepath.Join(omsTestdata, v) }
	sig := func(v string) string { return filepath.Join(omsTestdata, v, "model.sig") }
	spec := "testdata/oms/spec/test-vectors/v1.0/valid/"
	return []publishedOMSCase{
		{"v0.2.0-certificate", sig("v0.2.0-certificate"), dir("v0.2.0-certificate"), OMSMethodCertificate, nil},
		{"v0.3.1-certificate", sig("v0.3.1-certificate"), dir("v0.3.1-certificate"), OMSMethodCertificate, nil},
		{"v0.3.1-elliptic-key", sig("v0.3.1-elliptic-key"), filepath.Join(dir("v0.3.1-elliptic-key"), "signme-1"), OMSMethodKey, nil},
		{"v1.0.0-certificate", sig("v1.0.0-certificate"), dir("v1.0.0-certificate"), OMSMethodCertificate, nil},
		{"v1.0.0-elliptic-key", sig("v1.0.0-elliptic-key"), filepath.Join(dir("v1.0.0-elliptic-key"), "signme-1"), OMSMethodKey, nil},
		{"v1.0.1-certificate", sig("v1.0.1-certificate"), dir("v1.0.1-certificate"), OMSMethodCertificate, []string{"ignore-me"}},
		{"v1.0.1-elliptic-key", sig("v1.0.1-elliptic-key"), dir("v1.0.1-elliptic-key"), OMSMethodKey, []string{"ignore-me"}},
		{"v1.1.0-certificate", sig("v1.1.0-certificate"), dir("v1.1.0-certificate"), OMSMethodCertificate, []string{"ignore-me"}},
		{"v1.1.0-elliptic-key", sig("v1.1.0-elliptic-key"), dir("v1.1.0-elliptic-key"), OMSMethodKey, []string{"ignore-me"}},
		// The spec's vectors sign the same two files as v1.1.0 (README).
		{"spec-valid-key", spec + "key.bundle.json", dir("v1.1.0-elliptic-key"), OMSMethodKey, []string{"ignore-me"}},
		{"spec-valid-certificate", spec + "certificate.bundle.json", dir("v1.1.0-elliptic-key"), OMSMethodCertificate, []string{"ignore-me"}},
	}
}

func readOMSBundleFile(t testing.TB, name string) *OMSBundle {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseOMSBundle(data)
	if err != nil {
		t.Fatalf("%v: %v", name, err)
	}
	return b
}

func omsTestTrust(t testing.TB) OMSVerifyOptions {
	t.Helper()
	keyPEM, err := os.ReadFile(filepath.Join(omsTestdata, "keys/certificate/signing-key-pub.pem"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := ParsePublicKey(keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := key.Algorithm(), P384; !reflect.DeepEqual(got, want) {
		t.Fatalf("key.Algorithm() = %#v, want %#v", got, want)
	}
	return OMSVerifyOptions{Keys: []*PublicKey{key}, Roots: readCertsPEM(t, filepath.Join(omsTestdata, "keys/certificate/ca-cert.pem"))}
}

func readCertsPEM(t testing.TB, name string) []*x509.Certificate {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var certs []*x509.Certificate
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		t.Fatal("certs is empty")
	}
	return certs
}

func (c publishedOMSCase) options(t testing.TB, model string) OMSVerifyOptions {
	opts := omsTestTrust(t)
	opts.IgnorePaths = c.ignore
	if fi, err := os.Stat(model); err == nil && fi.IsDir() {
		opts.SignaturePath = filepath.Join(model, "model.sig")
	}
	return opts
}

// TestOMSPublishedBundles verifies every bundle model_signing v0.2.0–v1.1.0
// published with the options its own test scripts pass, and the spec's
// valid vectors.
func TestOMSPublishedBundles(t *testing.T) {
	for _, c := range publishedOMSCases() {
		t.Run(c.name, func(t *testing.T) {
			b := readOMSBundleFile(t, c.bundle)
			if got, want := b.Method(), c.method; !reflect.DeepEqual(got, want) {
				t.Fatalf("b.Method() = %#v, want %#v", got, want)
			}
			r, err := VerifyOMS(context.Background(), b, c.model, c.options(t, c.model))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Files) == 0 {
				t.Fatal("r.Files is empty")
			}
			for _, f := range r.Files {
				if err := f.Err; err != nil {
					t.Fatal(err)
				}
			}
			if len(r.Signer) == 0 {
				t.Fatal("r.Signer is empty")
			}
		})
	}
}

// copyModel copies a published model into a temporary directory (a
// single-file model into a file of the same name).
func copyModel(t *testing.T, model string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(model))
	fi, err := os.Stat(model)
	if err != nil {
		t.Fatal(err)
	}
	if !fi.IsDir() {
		data, err := os.ReadFile(model)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return dst
	}
	if err := os.CopyFS(dst, os.DirFS(model)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestOMSPublishedBundlesTampered changes the model, the signature, the
// payload and the trust in turn; each published bundle must then fail.
func TestOMSPublishedBundlesTampered(t *testing.T) {
	ctx := context.Background()
	otherKey, err := GenerateKey(P384, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range publishedOMSCases() {
		t.Run(c.name, func(t *testing.T) {
			fail := func(t *testing.T, b *OMSBundle, model string, opts OMSVerifyOptions, want error) {
				t.Helper()
				_, err := VerifyOMS(ctx, b, model, opts)
				if err == nil {
					t.Fatal("err: no error, want one")
				}
				if !errors.Is(err, want) {
					t.Fatalf("err = %v, want %v", err, want)
				}
			}
			single := !strings.HasSuffix(filepath.Base(c.model), "key") && !strings.HasSuffix(filepath.Base(c.model), "certificate")
			t.Run("file changed", func(t *testing.T) {
				m := copyModel(t, c.model)
				target := m
				if !single {
					target = filepath.Join(m, "signme-1")
				}
				if err := os.WriteFile(target, []byte("tampered\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				fail(t, readOMSBundleFile(t, c.bundle), m, c.options(t, m), ErrSubjectMismatch)
			})
			if !single {
				t.Run("file added", func(t *testing.T) {
					m := copyModel(t, c.model)
					if err := os.WriteFile(filepath.Join(m, "injected.bin"), []byte("x"), 0o644); err != nil {
						t.Fatal(err)
					}
					fail(t, readOMSBundleFile(t, c.bundle), m, c.options(t, m), ErrSubjectMismatch)
					opts := c.options(t, m)
					opts.IgnoreUnsignedFiles = true
					_, err := VerifyOMS(ctx, readOMSBundleFile(t, c.bundle), m, opts)
					if err != nil {
						t.Fatalf("an unsigned file is accepted with IgnoreUnsignedFiles: %v", err)
					}
				})
				t.Run("file removed", func(t *testing.T) {
					m := copyModel(t, c.model)
					if err := os.Remove(filepath.Join(m, "signme-2")); err != nil {
						t.Fatal(err)
					}
					fail(t, readOMSBundleFile(t, c.bundle), m, c.options(t, m), ErrSubjectMismatch)
				})
			}
			t.Run("signature flipped", func(t *testing.T) {
				b := readOMSBundleFile(t, c.bundle)
				b.Envelope.Signatures[0].Sig[len(b.Envelope.Signatures[0].Sig)/2] ^= 1
				fail(t, b, c.model, c.options(t, c.model), ErrBadSignature)
			})
			t.Run("payload changed", func(t *testing.T) {
				b := readOMSBundleFile(t, c.bundle)
				b.Envelope.Payload = bytes.Replace(b.Envelope.Payload, []byte("signme-1"), []byte("signme-X"), 1)
				fail(t, b, c.model, c.options(t, c.model), ErrBadSignature)
			})
			t.Run("untrusted", func(t *testing.T) {
				opts := c.options(t, c.model)
				opts.Keys = []*PublicKey{otherKey.Public()}
				// A CA that did not issue the leaf: the leaf itself as a root
				// is not enough when its issuer differs; use the key's cert.
				opts.Roots = readCertsPEM(t, filepath.Join(omsTestdata, "keys/certificate/signing-key-cert.pem"))
				if c.method == OMSMethodCertificate {
					opts.Roots = []*x509.Certificate{selfSignedTestCA(t)}
				}
				fail(t, readOMSBundleFile(t, c.bundle), c.model, opts, ErrUntrustedSigner)
			})
		})
	}
}

func TestOMSPublishedSigstoreBundles(t *testing.T) {
	for _, v := range []string{"v0.3.1-sigstore", "v1.0.0-sigstore", "v1.0.1-sigstore", "v1.1.0-sigstore"} {
		t.Run(v, func(t *testing.T) {
			b := readOMSBundleFile(t, filepath.Join(omsTestdata, v, "model.sig"))
			if got, want := b.Method(), OMSMethodSigstore; !reflect.DeepEqual(got, want) {
				t.Fatalf("b.Method() = %#v, want %#v", got, want)
			}
			if len(b.TlogEntries) == 0 {
				t.Fatal("b.TlogEntries is empty")
			}
			_, err := VerifyOMS(context.Background(), b, filepath.Join(omsTestdata, v), omsTestTrust(t))
			if !errors.Is(err, ErrOMSUnsupported) {
				t.Fatalf("err = %v, want %v", err, ErrOMSUnsupported)
			}
		})
	}
}

// TestOMSSpecInvalidVectors: the spec's invalid vectors must not parse.
func TestOMSSpecInvalidVectors(t *testing.T) {
	err := fs.WalkDir(os.DirFS("testdata/oms/spec/test-vectors/v1.0"), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(name, "invalid") {
			return err
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/oms/spec/test-vectors/v1.0", name))
			if err != nil {
				t.Fatal(err)
			}
			b, err := ParseOMSBundle(data)
			if err == nil {
				_, err = ParseOMSStatement(b.Envelope.Payload)
			}
			if !errors.Is(err, ErrMalformedOMSBundle) {
				t.Fatalf("err = %v, want %v", err, ErrMalformedOMSBundle)
			}
			t.Log(err)
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestOMSStrictParsing: duplicate keys, case variants and trailing data are
// refused, with the offset or field named.
func TestOMSStrictParsing(t *testing.T) {
	good, err := os.ReadFile(filepath.Join(omsTestdata, "v1.1.0-elliptic-key/model.sig"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(good, &m); err != nil {
		t.Fatal(err)
	}
	payload := m["dsseEnvelope"]
	for _, tc := range []struct {
		name, data, want string
	}{
		{"trailing data", string(good) + "{}", "data after the JSON value"},
		{"duplicate key", `{"mediaType":"a","mediaType":"b"}`, `(field "/mediaType"): duplicate object member name`},
		{"case variant", `{"mediaType":"a","MediaType":"b"}`, `differ only in case`},
		{"case variant only", strings.Replace(string(good), `"mediaType"`, `"MediaType"`, 1), "MediaType: unknown field"},
		{"unknown field", strings.Replace(string(good), `"mediaType"`, `"messageSignature": {}, "mediaType"`, 1), "messageSignature: unknown field"},
		{"two signatures", strings.Replace(string(good), `"signatures":[`, `"signatures":[{"sig":"AAAA"},`, 1), "2 signatures"},
		{"wrong media type", strings.Replace(string(good), "bundle.v0.3+json", "bundle.v0.2+json", 1), "mediaType is"},
		{"deep", strings.Repeat("[", 100) + strings.Repeat("]", 100), "nested more than"},
		{"not utf-8", "{\"a\":\"\xff\"}", "UTF-8"},
		{"truncated", string(good[:len(good)/2]), "unexpected EOF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseOMSBundle([]byte(tc.data))
			if !errors.Is(err, ErrMalformedOMSBundle) {
				t.Fatalf("err = %v, want %v", err, ErrMalformedOMSBundle)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
	_ = payload
	stmt := `{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"m","digest":{"sha256":"` + strings.Repeat("0", 64) + `"}}],"predicateType":"https://model_signing/signature/v1.0","predicate":{"resources":[],"serialization":{"method":"files","hash_type":"sha256","allow_symlinks":false}}}`
	for _, tc := range []struct{ name, data, want string }{
		{"empty resources", stmt, "resources is empty"},
		{"duplicate in payload", strings.Replace(stmt, `"_type"`, `"_type":"x","_type"`, 1), "duplicate object member name"},
		{"two subjects", strings.Replace(stmt, `"subject":[{`, `"subject":[{"name":"a","digest":{"sha256":"`+strings.Repeat("0", 64)+`"}},{`, 1), "want exactly one"},
		{"wrong predicate", strings.Replace(stmt, "signature/v1.0", "signature/v2", 1), "predicateType is"},
		{"wrong type", strings.Replace(stmt, "Statement/v1", "Statement/v0.1", 1), "_type is"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseOMSStatement([]byte(tc.data))
			if !errors.Is(err, ErrMalformedOMSBundle) {
				t.Fatalf("err = %v, want %v", err, ErrMalformedOMSBundle)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestPythonBytesRepr(t *testing.T) {
	// Expected values are Python 3's repr() of the same bytes.
	for in, want := range map[string]string{
		"":                   `b''`,
		"{\"a\": 1}\n":       `b'{"a": 1}\n'`,
		"it's":               `b"it's"`,
		"it's \"q\"":         `b'it\'s "q"'`,
		"\x00\x7f\xff\t\r\\": `b'\x00\x7f\xff\t\r\\'`,
	} {
		if got, want := string(pythonBytesRepr([]byte(in))), want; !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: string(pythonBytesRepr([]byte(in))) = %#v, want %#v", in, got, want)
		}
	}
	_ = base64.StdEncoding
	_ = errors.New
}
