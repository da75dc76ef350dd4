package attest

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/edwards25519"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
	"golang.org/x/crypto/ssh"

	"github.com/aiprov/aiprov/internal/eip55"
)

// Algorithm names a signature scheme.
type Algorithm string

const (
	// Ed25519 is pure Ed25519 (RFC 8032) over the message.
	Ed25519 Algorithm = "ed25519"
	// Secp256k1 is an Ethereum account key. In a DSSE envelope it signs the
	// PAE bytes as an EIP-191 personal_sign message, so that any wallet can
	// make the signature; for EIP-712 it signs the typed-data hash.
	// Signatures are 65 bytes r‖s‖v.
	Secp256k1 Algorithm = "secp256k1"
	// P256 is ECDSA on NIST P-256 over the SHA-256 of the message, ASN.1 DER
	// signatures: what cosign and OpenSSF model signing use.
	P256 Algorithm = "p256"
	// P384 and P521 are ECDSA on NIST P-384 over SHA-384 and on NIST P-521
	// over SHA-512, ASN.1 DER signatures: the other curves OpenSSF model
	// signing accepts (the Sigstore algorithm registry's pairings).
	P384 Algorithm = "p384"
	P521 Algorithm = "p521"
)

// Identity prefixes. An identity is the string form of a public key that
// policies, reports, DSSE key IDs and manifest contributors use:
//
//	ed25519:<base64url, unpadded, of the 32-byte key>
//	p256:<base64url, unpadded, of the 33-byte compressed SEC 1 point>
//	p384:, p521:<the same for P-384 and P-521 keys>
//	0x<EIP-55 checksummed address>   (secp256k1)
const (
	ed25519Prefix = "ed25519:"
	p256Prefix    = "p256:"
	p384Prefix    = "p384:"
	p521Prefix    = "p521:"
)

// nistCurves maps the NIST ECDSA algorithms to their curves, hashes and
// identity prefixes.
var nistCurves = []struct {
	alg    Algorithm
	curve  func() elliptic.Curve
	hash   crypto.Hash
	prefix string
}{
	{P256, elliptic.P256, crypto.SHA256, p256Prefix},
	{P384, elliptic.P384, crypto.SHA384, p384Prefix},
	{P521, elliptic.P521, crypto.SHA512, p521Prefix},
}

// nistAlgorithm returns the algorithm of a NIST curve, or "".
func nistAlgorithm(c elliptic.Curve) Algorithm {
	for _, n := range nistCurves {
		if n.curve() == c {
			return n.alg
		}
	}
	return ""
}

// nistHash returns the hash an ECDSA algorithm signs over, or 0 when alg
// is not a NIST curve.
func nistHash(alg Algorithm) crypto.Hash {
	for _, n := range nistCurves {
		if n.alg == alg {
			return n.hash
		}
	}
	return 0
}

func isNIST(alg Algorithm) bool { return nistHash(alg) != 0 }

// nistDigest hashes message with the algorithm's hash.
func nistDigest(alg Algorithm, message []byte) []byte {
	h := nistHash(alg).New()
	h.Write(message)
	return h.Sum(nil)
}

// ErrWrongAlgorithm reports a key used for a scheme it does not support,
// such as EIP-712 with an ed25519 key.
var ErrWrongAlgorithm = errors.New("attest: key algorithm does not support this operation")

// PublicKey is a verification key: an ed25519 key, a NIST P-256, P-384 or
// P-521 key, or a secp256k1 key known by its public key or only by its
// Ethereum address.
// It implements Verifier.
type PublicKey struct {
	alg  Algorithm
	ed   ed25519.PublicKey
	ec   *ecdsa.PublicKey // P-256, or secp256k1 when the key itself is known
	addr common.Address   // secp256k1
}

// PrivateKey is a signing key. It implements Signer, and for secp256k1
// also EthSigner. Its fmt verbs print only its public identity.
type PrivateKey struct {
	alg Algorithm
	ed  ed25519.PrivateKey
	ec  *ecdsa.PrivateKey
	pub *PublicKey
}

// GenerateKey makes a new key. rand may be nil for crypto/rand.
func GenerateKey(alg Algorithm, random io.Reader) (*PrivateKey, error) {
	if random == nil {
		random = rand.Reader
	}
	switch alg {
	case Ed25519:
		_, priv, err := ed25519.GenerateKey(random)
		if err != nil {
			return nil, err
		}
		return newEd25519Private(priv), nil
	case P256, P384, P521:
		var curve elliptic.Curve
		for _, n := range nistCurves {
			if n.alg == alg {
				curve = n.curve()
			}
		}
		k, err := ecdsa.GenerateKey(curve, random)
		if err != nil {
			return nil, err
		}
		return newECDSAPrivate(alg, k), nil
	case Secp256k1:
		k, err := ecdsa.GenerateKey(ethcrypto.S256(), random)
		if err != nil {
			return nil, err
		}
		return newECDSAPrivate(Secp256k1, k), nil
	default:
		return nil, fmt.Errorf("attest: unknown key type %q (want ed25519, secp256k1, p256, p384 or p521)", alg)
	}
}

func newEd25519Private(k ed25519.PrivateKey) *PrivateKey {
	return &PrivateKey{alg: Ed25519, ed: k, pub: &PublicKey{alg: Ed25519, ed: k.Public().(ed25519.PublicKey)}}
}

func newECDSAPrivate(alg Algorithm, k *ecdsa.PrivateKey) *PrivateKey {
	pub := &PublicKey{alg: alg, ec: &k.PublicKey}
	if alg == Secp256k1 {
		pub.addr = ethcrypto.PubkeyToAddress(k.PublicKey)
	}
	return &PrivateKey{alg: alg, ec: k, pub: pub}
}

// NewEd25519PublicKey wraps a raw ed25519 public key. Weak keys are
// refused (see ErrWeakKey).
func NewEd25519PublicKey(k ed25519.PublicKey) (*PublicKey, error) {
	if len(k) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("attest: ed25519 public key is %d bytes, want %d", len(k), ed25519.PublicKeySize)
	}
	if err := checkEd25519Key(k); err != nil {
		return nil, err
	}
	return &PublicKey{alg: Ed25519, ed: bytes.Clone(k)}, nil
}

// ErrWeakKey is matched by the error for an ed25519 public key that no
// honest key generation yields: a point of small order (for which anyone
// can forge signatures that crypto/ed25519 accepts), a point with a
// small-order component (whose signatures verifiers may judge differently,
// cofactored or not), a point not on the curve, or a non-canonical encoding
// (a second identity for one key, which would let one signer count twice).
var ErrWeakKey = errors.New("attest: weak or malformed ed25519 public key")

// ed25519InvEight is 8⁻¹ mod ℓ: [8⁻¹]([8]A) = A exactly when A has no
// small-order component.
var ed25519InvEight = func() *edwards25519.Scalar {
	var b [32]byte
	b[0] = 8
	eight, _ := edwards25519.NewScalar().SetCanonicalBytes(b[:])
	return edwards25519.NewScalar().Invert(eight)
}()

// checkEd25519Key refuses weak ed25519 public keys (see ErrWeakKey).
func checkEd25519Key(k []byte) error {
	a, err := new(edwards25519.Point).SetBytes(k)
	if err != nil {
		return fmt.Errorf("%w: not a point on the curve", ErrWeakKey)
	}
	if !bytes.Equal(a.Bytes(), k) {
		return fmt.Errorf("%w: non-canonical encoding", ErrWeakKey)
	}
	a8 := new(edwards25519.Point).MultByCofactor(a)
	if a8.Equal(edwards25519.NewIdentityPoint()) == 1 {
		return fmt.Errorf("%w: a point of small order, for which anyone can forge signatures", ErrWeakKey)
	}
	if new(edwards25519.Point).ScalarMult(ed25519InvEight, a8).Equal(a) != 1 {
		return fmt.Errorf("%w: the point has a small-order component", ErrWeakKey)
	}
	return nil
}

// NewAddressKey makes a secp256k1 verification key from an Ethereum address
// alone: signatures are checked by recovering their signer's address.
func NewAddressKey(addr common.Address) *PublicKey {
	return &PublicKey{alg: Secp256k1, addr: addr}
}

// Algorithm returns the key's signature scheme.
func (k *PublicKey) Algorithm() Algorithm { return k.alg }

// ID returns the key's identity string (see the identity prefixes).
func (k *PublicKey) ID() string {
	switch k.alg {
	case Ed25519:
		return ed25519Prefix + base64.RawURLEncoding.EncodeToString(k.ed)
	case P256, P384, P521:
		prefix := p256Prefix
		for _, n := range nistCurves {
			if n.alg == k.alg {
				prefix = n.prefix
			}
		}
		//lint:ignore SA1019 the compressed SEC1 form has no non-deprecated encoder in the standard library; X and Y are only read
		return prefix + base64.RawURLEncoding.EncodeToString(elliptic.MarshalCompressed(k.ec.Curve, k.ec.X, k.ec.Y))
	case Secp256k1:
		return k.addr.Hex()
	}
	return ""
}

// String returns ID.
func (k *PublicKey) String() string { return k.ID() }

// Address returns the Ethereum address of a secp256k1 key.
func (k *PublicKey) Address() (common.Address, bool) {
	return k.addr, k.alg == Secp256k1
}

// Equal reports whether two keys have the same identity.
func (k *PublicKey) Equal(other *PublicKey) bool {
	return other != nil && k.alg == other.alg && k.ID() == other.ID()
}

// CryptoPublicKey returns the standard library form of the key
// (ed25519.PublicKey or *ecdsa.PublicKey), or nil for a secp256k1 key known
// only by its address.
func (k *PublicKey) CryptoPublicKey() crypto.PublicKey {
	switch {
	case k.alg == Ed25519:
		return k.ed
	case k.ec != nil:
		return k.ec
	}
	return nil
}

// MarshalPEM returns the PKIX "PUBLIC KEY" PEM of an ed25519 or P-256 key,
// the form cosign reads. A secp256k1 key has no PKIX form that verifiers
// use: its public identity is its address.
func (k *PublicKey) MarshalPEM() ([]byte, error) {
	if k.alg == Secp256k1 {
		return nil, fmt.Errorf("%w: a secp256k1 key is published as its address %s, not PEM", ErrWrongAlgorithm, k.addr.Hex())
	}
	der, err := x509.MarshalPKIXPublicKey(k.CryptoPublicKey())
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), nil
}

// MarshalText returns the key's public file form: PKIX PEM for ed25519 and
// P-256, the 0x address plus a newline for secp256k1. ParsePublicKey reads it.
func (k *PublicKey) MarshalText() ([]byte, error) {
	if k.alg == Secp256k1 {
		return []byte(k.addr.Hex() + "\n"), nil
	}
	return k.MarshalPEM()
}

// Algorithm returns the key's signature scheme.
func (k *PrivateKey) Algorithm() Algorithm { return k.alg }

// Public returns the key's public half.
func (k *PrivateKey) Public() *PublicKey { return k.pub }

// ID returns the public identity.
func (k *PrivateKey) ID() string { return k.pub.ID() }

// String prints the public identity only.
func (k *PrivateKey) String() string { return "attest.PrivateKey(" + k.pub.ID() + ")" }

// Format makes every fmt verb (%v, %+v, %#v, %x …) print String, so that a
// private key that ends up in a log line shows nothing secret.
func (k *PrivateKey) Format(f fmt.State, verb rune) { io.WriteString(f, k.String()) }

// MarshalJSON refuses: private keys are written only through the explicit
// Marshal methods.
func (k *PrivateKey) MarshalJSON() ([]byte, error) {
	return nil, errors.New("attest: refusing to encode a private key as JSON; use MarshalKeystore")
}

// Sign signs message with the scheme's DSSE rule: pure ed25519; ECDSA P-256
// over SHA-256, P-384 over SHA-384, P-521 over SHA-512 (DER); secp256k1 as an EIP-191 personal_sign message (65
// bytes, v = 27/28).
func (k *PrivateKey) Sign(ctx context.Context, message []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	switch k.alg {
	case Ed25519:
		return ed25519.Sign(k.ed, message), nil
	case P256:
		h := sha256.Sum256(message)
		return ecdsa.SignASN1(rand.Reader, k.ec, h[:])
	case P384, P521:
		return ecdsa.SignASN1(rand.Reader, k.ec, nistDigest(k.alg, message))
	case Secp256k1:
		return k.signHash(hashSlice(PersonalSignHash(message)))
	}
	return nil, ErrWrongAlgorithm
}

// SignHash signs a 32-byte digest with a secp256k1 key (EIP-712 and EIP-191
// digests). The signature is r‖s‖v with low s and v = 27/28, as wallets
// and Solidity's ecrecover use.
func (k *PrivateKey) SignHash(ctx context.Context, hash [32]byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if k.alg != Secp256k1 {
		return nil, fmt.Errorf("%w: %s keys cannot sign Ethereum digests", ErrWrongAlgorithm, k.alg)
	}
	return k.signHash(hash[:])
}

// Address returns the Ethereum address of a secp256k1 key (the zero address
// for other keys).
func (k *PrivateKey) Address() common.Address { return k.pub.addr }

func (k *PrivateKey) signHash(hash []byte) ([]byte, error) {
	sig, err := ethcrypto.Sign(hash, k.ec)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// stdKey returns an ed25519 or P-256 key as crypto/x509 and x/crypto/ssh
// take it, or nil for secp256k1, which they do not know.
func (k *PrivateKey) stdKey() crypto.PrivateKey {
	switch k.alg {
	case Ed25519:
		return k.ed
	case P256, P384, P521:
		return k.ec
	}
	return nil
}

// MarshalPKCS8PEM returns an ed25519 or P-256 key as an unencrypted PKCS#8
// "PRIVATE KEY" PEM block (cosign's import-key-pair and OpenSSL read it).
// Store it with mode 0600.
func (k *PrivateKey) MarshalPKCS8PEM() ([]byte, error) {
	key := k.stdKey()
	if key == nil {
		return nil, fmt.Errorf("%w: store secp256k1 keys as hex or keystore v3", ErrWrongAlgorithm)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// MarshalOpenSSH returns an ed25519 or P-256 key in the OpenSSH private key
// format, encrypted with passphrase unless it is empty.
func (k *PrivateKey) MarshalOpenSSH(comment string, passphrase []byte) ([]byte, error) {
	key := k.stdKey()
	if key == nil {
		return nil, fmt.Errorf("%w: OpenSSH has no secp256k1 keys", ErrWrongAlgorithm)
	}
	var block *pem.Block
	var err error
	if len(passphrase) == 0 {
		block, err = ssh.MarshalPrivateKey(key, comment)
	} else {
		block, err = ssh.MarshalPrivateKeyWithPassphrase(key, comment, passphrase)
	}
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(block), nil
}

// MarshalHex returns a secp256k1 key as 64 hex digits with a 0x prefix and a
// newline: the form CI secrets and `cast wallet` use.
func (k *PrivateKey) MarshalHex() ([]byte, error) {
	if k.alg != Secp256k1 {
		return nil, fmt.Errorf("%w: only secp256k1 keys are stored as hex", ErrWrongAlgorithm)
	}
	return []byte("0x" + hex.EncodeToString(ethcrypto.FromECDSA(k.ec)) + "\n"), nil
}

// KeystoreParams are the scrypt cost parameters of a keystore v3 file.
type KeystoreParams struct {
	N, P int // zero values mean geth's standard parameters (N=2^18, P=1)
}

// MarshalKeystore encrypts a secp256k1 key as an Ethereum keystore v3 JSON
// file (geth, MetaMask and ethers read it).
func (k *PrivateKey) MarshalKeystore(password []byte, params KeystoreParams) ([]byte, error) {
	if k.alg != Secp256k1 {
		return nil, fmt.Errorf("%w: keystore v3 holds secp256k1 keys only", ErrWrongAlgorithm)
	}
	if params.N == 0 {
		params.N, params.P = keystore.StandardScryptN, keystore.StandardScryptP
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return nil, err
	}
	return keystore.EncryptKey(&keystore.Key{Id: id, Address: k.pub.addr, PrivateKey: k.ec}, string(password), params.N, params.P)
}

// maxKeyFile bounds key files; real ones are under 2 KiB.
const maxKeyFile = 64 << 10

// maxKeystoreScryptN bounds the scrypt cost a keystore file may ask for, so
// that a hostile file cannot demand gigabytes of memory (geth writes 2^18).
const maxKeystoreScryptN = 1 << 20

// ParsePrivateKey reads a private key in any supported form:
//
//   - PEM: PKCS#8 "PRIVATE KEY" (ed25519, P-256), SEC 1 "EC PRIVATE KEY"
//     (P-256), "OPENSSH PRIVATE KEY" (ed25519, P-256; encrypted ones use
//     password)
//   - Ethereum keystore v3 JSON (secp256k1; decrypted with password)
//   - 64 hex digits, with or without 0x (secp256k1)
//
// password is called only when the key is encrypted; it may be nil.
func ParsePrivateKey(data []byte, password func() ([]byte, error)) (*PrivateKey, error) {
	if len(data) > maxKeyFile {
		return nil, fmt.Errorf("attest: key file is %d bytes, more than the %d a key can be", len(data), maxKeyFile)
	}
	trimmed := bytes.TrimSpace(data)
	getPassword := func(what string) ([]byte, error) {
		if password == nil {
			return nil, fmt.Errorf("attest: %s is encrypted and no password was given", what)
		}
		return password()
	}
	switch {
	case bytes.HasPrefix(trimmed, []byte("-----BEGIN")):
		block, _ := pem.Decode(trimmed)
		if block == nil {
			return nil, errors.New("attest: malformed PEM block")
		}
		switch block.Type {
		case "PRIVATE KEY":
			key, err := x509.ParsePKCS8PrivateKey(block.Bytes)
			if err != nil {
				return nil, fmt.Errorf("attest: PKCS#8 private key: %w", err)
			}
			return fromCryptoPrivate(key)
		case "EC PRIVATE KEY":
			key, err := x509.ParseECPrivateKey(block.Bytes)
			if err != nil {
				return nil, fmt.Errorf("attest: SEC 1 private key: %w", err)
			}
			return fromCryptoPrivate(key)
		case "OPENSSH PRIVATE KEY":
			key, err := ssh.ParseRawPrivateKey(trimmed)
			var missing *ssh.PassphraseMissingError
			if errors.As(err, &missing) {
				pw, perr := getPassword("OpenSSH private key")
				if perr != nil {
					return nil, perr
				}
				key, err = ssh.ParseRawPrivateKeyWithPassphrase(trimmed, pw)
			}
			if err != nil {
				return nil, fmt.Errorf("attest: OpenSSH private key: %w", err)
			}
			return fromCryptoPrivate(key)
		case "ENCRYPTED PRIVATE KEY":
			return nil, errors.New("attest: encrypted PKCS#8 keys are not supported; use OpenSSH with a passphrase or an unencrypted 0600 file")
		default:
			return nil, fmt.Errorf("attest: PEM block %q is not a private key", block.Type)
		}
	case bytes.HasPrefix(trimmed, []byte("{")):
		if err := checkKeystoreCost(trimmed); err != nil {
			return nil, err
		}
		pw, err := getPassword("keystore v3 file")
		if err != nil {
			return nil, err
		}
		key, err := keystore.DecryptKey(trimmed, string(pw))
		if err != nil {
			return nil, fmt.Errorf("attest: keystore v3: %w", err)
		}
		return newECDSAPrivate(Secp256k1, key.PrivateKey), nil
	default:
		return parseHexKey(string(trimmed))
	}
}

func parseHexKey(s string) (*PrivateKey, error) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 64 {
		return nil, fmt.Errorf("attest: a hex secp256k1 key is 64 hex digits (optionally after 0x), got %d characters", len(s))
	}
	raw, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("attest: hex secp256k1 key: not hex")
	}
	key, err := ethcrypto.ToECDSA(raw)
	clear(raw)
	if err != nil {
		return nil, fmt.Errorf("attest: hex secp256k1 key: %w", err)
	}
	return newECDSAPrivate(Secp256k1, key), nil
}

func checkKeystoreCost(data []byte) error {
	var ks struct {
		Version int `json:"version"`
		Crypto  struct {
			KDF       string         `json:"kdf"`
			KDFParams map[string]any `json:"kdfparams"`
		} `json:"crypto"`
	}
	if err := json.Unmarshal(data, &ks); err != nil {
		return fmt.Errorf("attest: keystore v3: %w", err)
	}
	if ks.Version != 3 {
		return fmt.Errorf("attest: keystore: version %d, want 3", ks.Version)
	}
	cost := func(name string, limit float64) error {
		v, _ := ks.Crypto.KDFParams[name].(float64)
		if v > limit {
			return fmt.Errorf("attest: keystore v3: kdfparams.%s = %v exceeds the limit %v", name, v, limit)
		}
		return nil
	}
	switch ks.Crypto.KDF {
	case "scrypt":
		if err := cost("n", maxKeystoreScryptN); err != nil {
			return err
		}
		if err := cost("p", 16); err != nil {
			return err
		}
		return cost("r", 16)
	case "pbkdf2":
		return cost("c", 10_000_000)
	}
	return fmt.Errorf("attest: keystore v3: unsupported kdf %q", ks.Crypto.KDF)
}

func fromCryptoPrivate(key any) (*PrivateKey, error) {
	switch k := key.(type) {
	case ed25519.PrivateKey:
		return newEd25519Private(k), nil
	case *ed25519.PrivateKey:
		return newEd25519Private(*k), nil
	case *ecdsa.PrivateKey:
		if alg := nistAlgorithm(k.Curve); alg != "" {
			return newECDSAPrivate(alg, k), nil
		}
		return nil, fmt.Errorf("attest: ECDSA curve %s is not supported (want P-256, P-384 or P-521)", k.Curve.Params().Name)
	}
	return nil, fmt.Errorf("attest: unsupported private key type %T (want ed25519, P-256 or secp256k1)", key)
}

// ParsePublicKey reads a public key or identity in any supported form:
//
//   - PKIX "PUBLIC KEY" PEM (ed25519, P-256): what cosign and OpenSSL write
//   - an OpenSSH authorized_keys line (ssh-ed25519, ecdsa-sha2-nistp256)
//   - an Ethereum address, 0x + 40 hex digits (secp256k1)
//   - an identity string, "ed25519:…" or "p256:…"
//   - 0x + 130 hex digits, an uncompressed secp256k1 public key
func ParsePublicKey(data []byte) (*PublicKey, error) {
	if len(data) > maxKeyFile {
		return nil, fmt.Errorf("attest: public key file is %d bytes, more than the %d a key can be", len(data), maxKeyFile)
	}
	trimmed := bytes.TrimSpace(data)
	s := string(trimmed)
	switch {
	// PEM may follow explanatory text, as GnuTLS certtool writes it.
	case strings.HasPrefix(s, "-----BEGIN") || strings.Contains(s, "\n-----BEGIN PUBLIC KEY-----"):
		block, _ := pem.Decode(trimmed)
		if block == nil {
			return nil, errors.New("attest: malformed PEM block")
		}
		if block.Type != "PUBLIC KEY" {
			return nil, fmt.Errorf("attest: PEM block %q is not a PKIX public key (want \"PUBLIC KEY\")", block.Type)
		}
		key, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("attest: PKIX public key: %w", err)
		}
		return fromCryptoPublic(key)
	case strings.HasPrefix(s, "ssh-") || strings.HasPrefix(s, "ecdsa-sha2-"):
		pk, _, _, _, err := ssh.ParseAuthorizedKey(trimmed)
		if err != nil {
			return nil, fmt.Errorf("attest: OpenSSH public key: %w", err)
		}
		cpk, ok := pk.(ssh.CryptoPublicKey)
		if !ok {
			return nil, fmt.Errorf("attest: OpenSSH key type %s is not supported", pk.Type())
		}
		return fromCryptoPublic(cpk.CryptoPublicKey())
	default:
		return ParseIdentity(s)
	}
}

// ParseIdentity parses an identity string: "ed25519:…", "p256:…", an 0x
// address, or an 0x-prefixed uncompressed secp256k1 public key.
func ParseIdentity(s string) (*PublicKey, error) {
	switch {
	case strings.HasPrefix(s, ed25519Prefix):
		// Strict: the one encoding of each key, so that one key has one
		// identity.
		raw, err := base64.RawURLEncoding.Strict().DecodeString(s[len(ed25519Prefix):])
		if err != nil || len(raw) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("attest: identity %q: want ed25519: and 43 base64url characters (32 bytes, unpadded, canonical)", s)
		}
		if err := checkEd25519Key(raw); err != nil {
			return nil, fmt.Errorf("identity %q: %w", s, err)
		}
		return &PublicKey{alg: Ed25519, ed: raw}, nil
	case strings.HasPrefix(s, p256Prefix), strings.HasPrefix(s, p384Prefix), strings.HasPrefix(s, p521Prefix):
		n := nistCurves[0]
		for _, c := range nistCurves {
			if strings.HasPrefix(s, c.prefix) {
				n = c
			}
		}
		raw, err := base64.RawURLEncoding.Strict().DecodeString(s[len(n.prefix):])
		if err != nil {
			return nil, fmt.Errorf("attest: identity %q: not canonical unpadded base64url", s)
		}
		x, y := elliptic.UnmarshalCompressed(n.curve(), raw)
		if x == nil {
			return nil, fmt.Errorf("attest: identity %q: not a compressed %s point", s, n.curve().Params().Name)
		}
		//lint:ignore SA1019 x, y come from elliptic.UnmarshalCompressed, which checked the point is on the curve
		return &PublicKey{alg: n.alg, ec: &ecdsa.PublicKey{Curve: n.curve(), X: x, Y: y}}, nil
	case (strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")) && len(s) == 42:
		// The grammar of addresses everywhere in aiprov: mixed case must be
		// the EIP-55 checksum (common.IsHexAddress ignores case).
		addr, err := eip55.Parse(s, nil)
		if err != nil {
			return nil, fmt.Errorf("attest: identity %q: %w", s, err)
		}
		return NewAddressKey(addr), nil
	case (strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")) && len(s) == 132:
		raw, err := hex.DecodeString(s[2:])
		if err != nil {
			return nil, fmt.Errorf("attest: %q: not hex", s)
		}
		pub, err := ethcrypto.UnmarshalPubkey(raw)
		if err != nil {
			return nil, fmt.Errorf("attest: secp256k1 public key: %w", err)
		}
		return &PublicKey{alg: Secp256k1, ec: pub, addr: ethcrypto.PubkeyToAddress(*pub)}, nil
	}
	// The input is not echoed: it may be a private key given by mistake.
	return nil, fmt.Errorf("attest: not a public key (%d characters; want PKIX PEM, an OpenSSH public key, an 0x address, or an ed25519:/p256: identity)", len(s))
}

func fromCryptoPublic(key any) (*PublicKey, error) {
	switch k := key.(type) {
	case ed25519.PublicKey:
		return NewEd25519PublicKey(k)
	case *ecdsa.PublicKey:
		if alg := nistAlgorithm(k.Curve); alg != "" {
			return &PublicKey{alg: alg, ec: k}, nil
		}
		return nil, fmt.Errorf("attest: ECDSA curve %s is not supported (want P-256, P-384 or P-521)", k.Curve.Params().Name)
	}
	return nil, fmt.Errorf("attest: unsupported public key type %T (want ed25519 or P-256)", key)
}
