package attest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"
)

// testPKI is a root CA, an intermediate CA and a code-signing leaf whose
// key is an attest key, made with crypto/x509 for the tests.
type testPKI struct {
	root, intermediate, leaf *x509.Certificate
	key                      *PrivateKey
}

func newTestCert(t testing.TB, tmpl *x509.Certificate, parent *x509.Certificate, pub any, signer any) *x509.Certificate {
	t.Helper()
	if parent == nil {
		parent = tmpl
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func caTemplate(name string, serial int64) *x509.Certificate {
	return &x509.Certificate{
		SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
}

func newTestPKI(t testing.TB, alg Algorithm) *testPKI {
	t.Helper()
	rootKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	interKey, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	root := newTestCert(t, caTemplate("aiprov test root", 1), nil, &rootKey.PublicKey, rootKey)
	inter := newTestCert(t, caTemplate("aiprov test intermediate", 2), root, &interKey.PublicKey, rootKey)
	key, err := GenerateKey(alg, nil)
	if err != nil {
		t.Fatal(err)
	}
	leaf := newTestCert(t, &x509.Certificate{
		SerialNumber: big.NewInt(3), Subject: pkix.Name{CommonName: "model publisher"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning},
	}, inter, key.Public().CryptoPublicKey(), interKey)
	return &testPKI{root: root, intermediate: inter, leaf: leaf, key: key}
}

func selfSignedTestCA(t testing.TB) *x509.Certificate {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return newTestCert(t, caTemplate("unrelated CA", 9), nil, &k.PublicKey, k)
}
