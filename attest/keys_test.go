package attest

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	ethcrypto "github.com/ethereum/go-ethereum/crypto"
)

func pw(s string) func() ([]byte, error) { return func() ([]byte, error) { return []byte(s), nil } }

// TestPrivateKeyFormats round-trips every key type through every private
// format it supports, and its public form through ParsePublicKey.
func TestPrivateKeyFormats(t *testing.T) {
	ctx := context.Background()
	for _, alg := range []Algorithm{Ed25519, P256, Secp256k1} {
		k, err := GenerateKey(alg, nil)
		if err != nil {
			t.Fatal(err)
		}
		type format struct {
			name     string
			marshal  func() ([]byte, error)
			password string
		}
		var formats []format
		switch alg {
		case Ed25519, P256:
			formats = []format{
				{"pkcs8", k.MarshalPKCS8PEM, ""},
				{"openssh", func() ([]byte, error) { return k.MarshalOpenSSH("test", nil) }, ""},
				{"openssh encrypted", func() ([]byte, error) { return k.MarshalOpenSSH("test", []byte("pass")) }, "pass"},
			}
		case Secp256k1:
			formats = []format{
				{"hex", k.MarshalHex, ""},
				{"hex without 0x", func() ([]byte, error) {
					b, err := k.MarshalHex()
					return []byte(strings.TrimPrefix(string(b), "0x")), err
				}, ""},
				{"keystore", func() ([]byte, error) { return k.MarshalKeystore([]byte("pass"), KeystoreParams{N: 1 << 10, P: 1}) }, "pass"},
			}
		}
		for _, f := range formats {
			t.Run(string(alg)+"/"+f.name, func(t *testing.T) {
				data, err := f.marshal()
				if err != nil {
					t.Fatal(err)
				}
				var get func() ([]byte, error)
				if f.password != "" {
					if _, err := ParsePrivateKey(data, nil); err == nil || !strings.Contains(err.Error(), "no password") {
						t.Fatalf("encrypted key without password: err = %v", err)
					}
					if _, err := ParsePrivateKey(data, pw("wrong")); err == nil {
						t.Fatal("wrong password accepted")
					}
					get = pw(f.password)
				}
				back, err := ParsePrivateKey(data, get)
				if err != nil {
					t.Fatal(err)
				}
				if back.ID() != k.ID() {
					t.Fatalf("round trip changed identity: %s → %s", k.ID(), back.ID())
				}
				sig, err := back.Sign(ctx, []byte("msg"))
				if err != nil {
					t.Fatal(err)
				}
				if err := k.Public().Verify([]byte("msg"), sig); err != nil {
					t.Fatal(err)
				}
			})
		}
		t.Run(string(alg)+"/public", func(t *testing.T) {
			txt, err := k.Public().MarshalText()
			if err != nil {
				t.Fatal(err)
			}
			for _, in := range []string{string(txt), k.ID()} {
				pk, err := ParsePublicKey([]byte(in))
				if err != nil {
					t.Fatal(err)
				}
				if !pk.Equal(k.Public()) {
					t.Fatalf("ParsePublicKey(%q) = %s, want %s", in, pk.ID(), k.ID())
				}
			}
		})
	}
}

// TestPrivateKeyNeverPrinted: every fmt verb prints the identity only.
func TestPrivateKeyNeverPrinted(t *testing.T) {
	k := testEthKey(t)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%x", "%q", "%d"} {
		s := fmt.Sprintf(verb, k)
		if strings.Contains(strings.ToLower(s), testEthKeyHex[:16]) || !strings.Contains(s, testEthAddress) {
			t.Errorf("Sprintf(%s) = %q", verb, s)
		}
	}
	s := fmt.Sprintf("%+v", struct{ K *PrivateKey }{k})
	if strings.Contains(s, testEthKeyHex[:16]) {
		t.Errorf("key inside a struct printed as %q", s)
	}
	// A private key passed where a public key belongs is not echoed back.
	for _, in := range []string{"0x" + testEthKeyHex, testEthKeyHex} {
		if _, err := ParsePublicKey([]byte(in)); err == nil || strings.Contains(err.Error(), testEthKeyHex[:8]) {
			t.Errorf("ParsePublicKey(private hex): %v", err)
		}
	}
	if _, err := k.MarshalJSON(); err == nil {
		t.Error("MarshalJSON of a private key succeeded")
	}
}

func TestParseKeyErrors(t *testing.T) {
	tests := []struct {
		name, data, wantErr string
		public              bool
	}{
		{"short hex", "0x1234", "64 hex digits", false},
		{"not hex", "0x" + strings.Repeat("zz", 32), "not hex", false},
		{"zero key", "0x" + strings.Repeat("00", 32), "secp256k1", false},
		{"certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "not a private key", false},
		{"keystore v1", `{"version":1}`, "version 1", false},
		{"keystore huge n", `{"version":3,"crypto":{"kdf":"scrypt","kdfparams":{"n":1073741824,"r":8,"p":1}}}`, "kdfparams.n", false},
		{"address too short", "0x1234", "not a public key", true},
		{"bad identity", "ed25519:AAAA", "43 base64url", true},
		{"private PEM as public", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "not a PKIX public key", true},
		{"rsa ssh", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDM", "OpenSSH", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.public {
				_, err = ParsePublicKey([]byte(tc.data))
			} else {
				_, err = ParsePrivateKey([]byte(tc.data), pw("x"))
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want one mentioning %q", err, tc.wantErr)
			}
		})
	}
}

// TestOpenSSLInterop: keys OpenSSL generates parse here, and OpenSSL
// verifies signatures made here (pure ed25519; ECDSA P-256 over SHA-256).
func TestOpenSSLInterop(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not on PATH")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		if out, err := exec.Command(openssl, args...).CombinedOutput(); err != nil {
			t.Fatalf("openssl %v: %v\n%s", args, err, out)
		}
	}
	msg := filepath.Join(dir, "msg")
	os.WriteFile(msg, []byte("DSSEv1 29 http://example.com/HelloWorld 11 hello world"), 0o600)
	for _, tc := range []struct {
		alg    Algorithm
		genArg []string
		verify func(pub, sig string) []string
	}{
		{Ed25519, []string{"genpkey", "-algorithm", "ed25519"}, func(pub, sig string) []string {
			return []string{"pkeyutl", "-verify", "-pubin", "-inkey", pub, "-rawin", "-in", msg, "-sigfile", sig}
		}},
		{P256, []string{"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"}, func(pub, sig string) []string {
			return []string{"dgst", "-sha256", "-verify", pub, "-signature", sig, msg}
		}},
	} {
		t.Run(string(tc.alg), func(t *testing.T) {
			priv := filepath.Join(dir, string(tc.alg)+".key")
			pub := filepath.Join(dir, string(tc.alg)+".pub")
			run(append(tc.genArg, "-out", priv)...)
			run("pkey", "-in", priv, "-pubout", "-out", pub)
			privPEM, _ := os.ReadFile(priv)
			pubPEM, _ := os.ReadFile(pub)
			k := parseKeyPair(t, privPEM, pubPEM, nil)
			data, _ := os.ReadFile(msg)
			sig, err := k.Sign(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			sigFile := filepath.Join(dir, string(tc.alg)+".sig")
			os.WriteFile(sigFile, sig, 0o600)
			run(tc.verify(pub, sigFile)...)
			// Our public PEM is byte-identical to OpenSSL's.
			ours, _ := k.Public().MarshalPEM()
			if string(ours) != string(pubPEM) {
				t.Errorf("MarshalPEM:\n%s\nopenssl:\n%s", ours, pubPEM)
			}
		})
	}
}

// TestSSHKeygenInterop: ssh-keygen's ed25519 and P-256 keys, plain and
// passphrase-protected, and their authorized_keys lines parse here.
func TestSSHKeygenInterop(t *testing.T) {
	keygen, err := exec.LookPath("ssh-keygen")
	if err != nil {
		t.Skip("ssh-keygen not on PATH")
	}
	dir := t.TempDir()
	for _, tc := range []struct{ name, typ, pass string }{
		{"ed25519", "ed25519", ""},
		{"ed25519 passphrase", "ed25519", "sekrit"},
		{"p256", "ecdsa", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			args := []string{"-q", "-t", tc.typ, "-N", tc.pass, "-C", "test", "-f", f}
			if tc.typ == "ecdsa" {
				args = append(args, "-b", "256")
			}
			if out, err := exec.Command(keygen, args...).CombinedOutput(); err != nil {
				t.Fatalf("ssh-keygen: %v\n%s", err, out)
			}
			priv, _ := os.ReadFile(f)
			pubLine, _ := os.ReadFile(f + ".pub")
			parseKeyPair(t, priv, pubLine, pw(tc.pass))
		})
	}
}

func TestHexKeyMatchesGoEthereum(t *testing.T) {
	k := testEthKey(t)
	ref, err := ethcrypto.HexToECDSA(testEthKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(ethcrypto.FromECDSA(ref)); got != testEthKeyHex {
		t.Fatal(got)
	}
	if k.Address() != ethcrypto.PubkeyToAddress(ref.PublicKey) {
		t.Fatal("address differs from go-ethereum's")
	}
	_, err = k.Public().MarshalPEM()
	if !errors.Is(err, ErrWrongAlgorithm) {
		t.Fatalf("MarshalPEM of a secp256k1 key: %v", err)
	}
}

// parseKeyPair parses a private key and its public key, written by another
// tool, and checks that they belong together.
func parseKeyPair(t *testing.T, priv, pub []byte, password func() ([]byte, error)) *PrivateKey {
	t.Helper()
	k, err := ParsePrivateKey(priv, password)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := ParsePublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if !pk.Equal(k.Public()) {
		t.Fatalf("public %s, private's %s", pk.ID(), k.ID())
	}
	return k
}
