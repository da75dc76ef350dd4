package omsinterop

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/sigstore/sigstore-go/pkg/bundle"
	"github.com/sigstore/sigstore-go/pkg/root"
	"github.com/sigstore/sigstore-go/pkg/verify"
	"github.com/sigstore/sigstore/pkg/signature"

	"github.com/aiprov/aiprov/attest"
)

func writeModel(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "model")
	for name, content := range map[string]string{"config.json": "{}", "weights.bin": "weights", "sub/adapter.bin": "adapter"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// sigstoreGoVerify verifies a bundle with sigstore-go: the DSSE signature
// against trusted, and the in-toto subject against the root digest.
func sigstoreGoVerify(t *testing.T, data []byte, trusted root.TrustedMaterial, rootDigest string, withKey bool, opts ...verify.VerifierOption) error {
	t.Helper()
	path := filepath.Join(t.TempDir(), "model.sig")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := bundle.LoadJSONFromPath(path, bundle.AllowCertificateChain())
	if err != nil {
		return err
	}
	v, err := verify.NewVerifier(trusted, opts...)
	if err != nil {
		t.Fatal(err)
	}
	digest, err := hex.DecodeString(rootDigest)
	if err != nil {
		t.Fatal(err)
	}
	identity := verify.WithoutIdentitiesUnsafe()
	if withKey {
		identity = verify.WithKey()
	}
	_, err = v.Verify(b, verify.NewPolicy(verify.WithArtifactDigest("sha256", digest), identity))
	return err
}

var hashes = map[attest.Algorithm]crypto.Hash{attest.P256: crypto.SHA256, attest.P384: crypto.SHA384, attest.P521: crypto.SHA512}

func TestSigstoreGoVerifiesKeyBundles(t *testing.T) {
	ctx := context.Background()
	manifest, err := cid.Decode("bafyreigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")
	if err != nil {
		t.Fatal(err)
	}
	for alg, hash := range hashes {
		t.Run(string(alg), func(t *testing.T) {
			model := writeModel(t)
			key, err := attest.GenerateKey(alg, nil)
			if err != nil {
				t.Fatal(err)
			}
			b, err := attest.SignOMS(ctx, model, attest.OMSSignOptions{Signer: key, ManifestCID: manifest})
			if err != nil {
				t.Fatal(err)
			}
			data, err := b.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			st, err := attest.ParseOMSStatement(b.Envelope.Payload)
			if err != nil {
				t.Fatal(err)
			}

			// The trust root: the key, under the hint OMS bundles carry
			// (hex SHA-256 of its PEM), computed here independently.
			pemKey, err := key.Public().MarshalPEM()
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(pemKey)
			sv, err := signature.LoadVerifier(key.Public().CryptoPublicKey(), hash)
			if err != nil {
				t.Fatal(err)
			}
			trusted := root.NewTrustedPublicKeyMaterialFromMapping(map[string]*root.ExpiringKey{
				hex.EncodeToString(sum[:]): root.NewExpiringKey(sv, time.Time{}, time.Time{}),
			})
			if err := sigstoreGoVerify(t, data, trusted, st.RootDigest, true, verify.WithNoObserverTimestamps()); err != nil {
				t.Fatal(err)
			}

			// A changed payload, or another subject digest, fails.
			p64 := base64.StdEncoding.EncodeToString(b.Envelope.Payload)
			changed := base64.StdEncoding.EncodeToString(bytes.Replace(b.Envelope.Payload, []byte("weights.bin"), []byte("weights.bim"), 1))
			if err := sigstoreGoVerify(t, bytes.Replace(data, []byte(p64), []byte(changed), 1), trusted, st.RootDigest, true, verify.WithNoObserverTimestamps()); err == nil {
				t.Fatal("sigstoreGoVerify(t, bytes.Replace(data, []byte(p64), []byte(changed), 1), trusted, st.RootDigest, true, verify.WithNoObserverTimestamps()): no error, want one")
			}
			other := sha256.Sum256([]byte("other model"))
			if err := sigstoreGoVerify(t, data, trusted, hex.EncodeToString(other[:]), true, verify.WithNoObserverTimestamps()); err == nil {
				t.Fatal("sigstoreGoVerify(t, data, trusted, hex.EncodeToString(other[:]), true, verify.WithNoObserverTimestamps()): no error, want one")
			}
		})
	}
}

type caTrust struct {
	root.BaseTrustedMaterial
	ca *root.FulcioCertificateAuthority
}

func (c *caTrust) FulcioCertificateAuthorities() []root.CertificateAuthority {
	return []root.CertificateAuthority{c.ca}
}

func newCert(t *testing.T, tmpl, parent *x509.Certificate, pub, priv any) *x509.Certificate {
	t.Helper()
	if parent == nil {
		parent = tmpl
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, priv)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSigstoreGoVerifiesCertificateBundles(t *testing.T) {
	ctx := context.Background()
	now := time.Now()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "root"}, NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caCert := newCert(t, ca, nil, &caKey.PublicKey, caKey)
	for alg := range hashes {
		t.Run(string(alg), func(t *testing.T) {
			key, err := attest.GenerateKey(alg, nil)
			if err != nil {
				t.Fatal(err)
			}
			leaf := newCert(t, &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "publisher"}, EmailAddresses: []string{"publisher@example.com"}, NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
				KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning}}, caCert, key.Public().CryptoPublicKey(), caKey)
			model := writeModel(t)
			b, err := attest.SignOMS(ctx, model, attest.OMSSignOptions{Signer: key, Certificates: []*x509.Certificate{leaf}})
			if err != nil {
				t.Fatal(err)
			}
			data, err := b.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			st, err := attest.ParseOMSStatement(b.Envelope.Payload)
			if err != nil {
				t.Fatal(err)
			}
			trusted := &caTrust{ca: &root.FulcioCertificateAuthority{Root: caCert}}
			if err := sigstoreGoVerify(t, data, trusted, st.RootDigest, false, verify.WithCurrentTime()); err != nil {
				t.Fatal(err)
			}

			otherKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
			if err != nil {
				t.Fatal(err)
			}
			other := &caTrust{ca: &root.FulcioCertificateAuthority{Root: newCert(t, ca, nil, &otherKey.PublicKey, otherKey)}}
			if err := sigstoreGoVerify(t, data, other, st.RootDigest, false, verify.WithCurrentTime()); err == nil {
				t.Fatal("sigstoreGoVerify(t, data, other, st.RootDigest, false, verify.WithCurrentTime()): no error, want one")
			}
		})
	}
}
