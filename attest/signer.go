package attest

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Signer makes DSSE signatures. Implement it to sign with a KMS, an HSM or a
// hardware wallet; *PrivateKey implements it for the built-in key types.
type Signer interface {
	// ID is the signer's identity string, written as the DSSE key ID and
	// matched against trust policies ("ed25519:…", "p256:…" or an 0x
	// address).
	ID() string
	// Sign signs message, the exact bytes given, following the rule of the
	// identity's scheme (see Algorithm).
	Sign(ctx context.Context, message []byte) ([]byte, error)
}

// EthSigner signs as an Ethereum account, the two ways a wallet does:
// Sign is personal_sign (EIP-191) of the message, and SignTypedData is
// eth_signTypedData_v4 of typed data whole. Both return 65 bytes r‖s‖v,
// v = 0/1 or 27/28. *PrivateKey implements it for secp256k1 keys; a wallet
// connector implements it with those two calls, and a KMS that signs
// digests with PersonalSignHash and TypedData.Hash. An EthSigner is a
// Signer, so it also co-signs DSSE envelopes; its ID is its 0x address.
type EthSigner interface {
	Signer
	Address() common.Address
	SignTypedData(ctx context.Context, td *TypedData) ([]byte, error)
}

// Verifier checks DSSE signatures made by one identity. *PublicKey
// implements it; implement it to verify against keys held elsewhere.
type Verifier interface {
	ID() string
	// Verify returns nil when sig is a valid signature of message, and
	// otherwise an error matching ErrBadSignature.
	Verify(message, sig []byte) error
}

// ErrBadSignature is matched (errors.Is) by every failed signature check.
var ErrBadSignature = errors.New("signature does not verify")

// Verify checks sig over message following the key's scheme (see
// Algorithm). A secp256k1 signature must be 65 bytes with low s and v in
// {0, 1, 27, 28}. Errors do not repeat the key's identity, which the
// caller knows and reports.
func (k *PublicKey) Verify(message, sig []byte) error {
	switch k.alg {
	case Ed25519:
		if len(sig) != ed25519.SignatureSize {
			return fmt.Errorf("%w: %d bytes, an ed25519 signature has %d", ErrBadSignature, len(sig), ed25519.SignatureSize)
		}
		if !ed25519.Verify(k.ed, message, sig) {
			return ErrBadSignature
		}
		return nil
	case P256:
		h := sha256.Sum256(message)
		if !ecdsa.VerifyASN1(k.ec, h[:], sig) {
			return ErrBadSignature
		}
		return nil
	case Secp256k1:
		return k.VerifyHash(PersonalSignHash(message), sig)
	}
	return fmt.Errorf("%w: unknown key algorithm %q", ErrBadSignature, k.alg)
}

// VerifyHash checks an Ethereum signature over a 32-byte digest against a
// secp256k1 key or address.
func (k *PublicKey) VerifyHash(hash [32]byte, sig []byte) error {
	if k.alg != Secp256k1 {
		return fmt.Errorf("%w: %s key cannot check an Ethereum signature", ErrWrongAlgorithm, k.alg)
	}
	addr, err := RecoverAddress(hash, sig)
	if err != nil {
		return err
	}
	if addr != k.addr {
		return fmt.Errorf("%w: made by %s", ErrBadSignature, addr.Hex())
	}
	return nil
}
