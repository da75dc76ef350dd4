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

	"github.com/aiprov/aiprov/attest"
	"github.com/ipfs/go-cid"
	"github.com/sigstore/sigstore-go/pkg/bundle"
	"github.com/sigstore/sigstore-go/pkg/root"
	"github.com/sigstore/sigstore-go/pkg/verify"
	"github.com/sigstore/sigstore/pkg/signature"
	"github.com/stretchr/testify/require"
)

func writeModel(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "model")
	for name, content := range map[string]string{"config.json": "{}", "weights.bin": "weights", "sub/adapter.bin": "adapter"} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

// sigstoreGoVerify verifies a bundle with sigstore-go: the DSSE signature
// against trusted, and the in-toto subject against the root digest.
func sigstoreGoVerify(t *testing.T, data []byte, trusted root.TrustedMaterial, rootDigest string, withKey bool, opts ...verify.VerifierOption) error {
	t.Helper()
	path := filepath.Join(t.TempDir(), "model.sig")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	b, err := bundle.LoadJSONFromPath(path, bundle.AllowCertificateChain())
	if err != nil {
		return err
	}
	v, err := verify.NewVerifier(trusted, opts...)
	require.NoError(t, err)
	digest, err := hex.DecodeString(rootDigest)
	require.NoError(t, err)
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
	require.NoError(t, err)
	for alg, hash := range hashes {
		t.Run(string(alg), func(t *testing.T) {
			model := writeModel(t)
			key, err := attest.GenerateKey(alg, nil)
			require.NoError(t, err)
			b, err := attest.SignOMS(ctx, model, attest.OMSSignOptions{Signer: key, ManifestCID: manifest})
			require.NoError(t, err)
			data, err := b.MarshalJSON()
			require.NoError(t, err)
			st, err := attest.ParseOMSStatement(b.Envelope.Payload)
			require.NoError(t, err)

			// The trust root: the key, under the hint OMS bundles carry
			// (hex SHA-256 of its PEM), computed here independently.
			pemKey, err := key.Public().MarshalPEM()
			require.NoError(t, err)
			sum := sha256.Sum256(pemKey)
			sv, err := signature.LoadVerifier(key.Public().CryptoPublicKey(), hash)
			require.NoError(t, err)
			trusted := root.NewTrustedPublicKeyMaterialFromMapping(map[string]*root.ExpiringKey{
				hex.EncodeToString(sum[:]): root.NewExpiringKey(sv, time.Time{}, time.Time{}),
			})
			require.NoError(t, sigstoreGoVerify(t, data, trusted, st.RootDigest, true, verify.WithNoObserverTimestamps()))

			// A changed payload, or another subject digest, fails.
			p64 := base64.StdEncoding.EncodeToString(b.Envelope.Payload)
			changed := base64.StdEncoding.EncodeToString(bytes.Replace(b.Envelope.Payload, []byte("weights.bin"), []byte("weights.bim"), 1))
			require.Error(t, sigstoreGoVerify(t, bytes.Replace(data, []byte(p64), []byte(changed), 1), trusted, st.RootDigest, true, verify.WithNoObserverTimestamps()))
			other := sha256.Sum256([]byte("other model"))
			require.Error(t, sigstoreGoVerify(t, data, trusted, hex.EncodeToString(other[:]), true, verify.WithNoObserverTimestamps()))
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
	require.NoError(t, err)
	c, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return c
}

func TestSigstoreGoVerifiesCertificateBundles(t *testing.T) {
	ctx := context.Background()
	now := time.Now()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "root"}, NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caCert := newCert(t, ca, nil, &caKey.PublicKey, caKey)
	for alg := range hashes {
		t.Run(string(alg), func(t *testing.T) {
			key, err := attest.GenerateKey(alg, nil)
			require.NoError(t, err)
			leaf := newCert(t, &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "publisher"}, EmailAddresses: []string{"publisher@example.com"}, NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
				KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning}}, caCert, key.Public().CryptoPublicKey(), caKey)
			model := writeModel(t)
			b, err := attest.SignOMS(ctx, model, attest.OMSSignOptions{Signer: key, Certificates: []*x509.Certificate{leaf}})
			require.NoError(t, err)
			data, err := b.MarshalJSON()
			require.NoError(t, err)
			st, err := attest.ParseOMSStatement(b.Envelope.Payload)
			require.NoError(t, err)
			trusted := &caTrust{ca: &root.FulcioCertificateAuthority{Root: caCert}}
			require.NoError(t, sigstoreGoVerify(t, data, trusted, st.RootDigest, false, verify.WithCurrentTime()))

			otherKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
			require.NoError(t, err)
			other := &caTrust{ca: &root.FulcioCertificateAuthority{Root: newCert(t, ca, nil, &otherKey.PublicKey, otherKey)}}
			require.Error(t, sigstoreGoVerify(t, data, other, st.RootDigest, false, verify.WithCurrentTime()))
		})
	}
}
