package attest

import (
	"bytes"
	"encoding/hex"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/crypto/sha3"
)

// secp256k1 group order N and N/2, big-endian, for range and low-s checks
// done on bytes (cheaper than math/big on the verification hot path).
var (
	secp256k1N, _     = hex.DecodeString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
	secp256k1HalfN, _ = hex.DecodeString("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")
)

// RecoverAddress returns the Ethereum address that made sig over hash. sig is
// 65 bytes r‖s‖v; v may be 0/1 or 27/28. Signatures with s in the upper half
// of the group order (malleable copies of a valid one) and r or s out of
// range are rejected with ErrBadSignature.
func RecoverAddress(hash [32]byte, sig []byte) (common.Address, error) {
	if len(sig) != 65 {
		return common.Address{}, fmt.Errorf("%w: Ethereum signature is %d bytes, want 65 (r‖s‖v)", ErrBadSignature, len(sig))
	}
	v := sig[64]
	if v >= 27 {
		v -= 27
	}
	if v > 1 {
		return common.Address{}, fmt.Errorf("%w: v = %d, want 0, 1, 27 or 28", ErrBadSignature, sig[64])
	}
	r, s := sig[:32], sig[32:64]
	var zero [32]byte
	switch {
	case bytes.Equal(r, zero[:]) || bytes.Compare(r, secp256k1N) >= 0:
		return common.Address{}, fmt.Errorf("%w: r out of range", ErrBadSignature)
	case bytes.Equal(s, zero[:]):
		return common.Address{}, fmt.Errorf("%w: s is zero", ErrBadSignature)
	case bytes.Compare(s, secp256k1HalfN) > 0:
		return common.Address{}, fmt.Errorf("%w: high s (malleable signature; EIP-2 requires s ≤ n/2)", ErrBadSignature)
	}
	var norm [65]byte
	copy(norm[:], sig)
	norm[64] = v
	pub, err := ethcrypto.Ecrecover(hash[:], norm[:])
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	var addr common.Address
	h := sha3.NewLegacyKeccak256()
	h.Write(pub[1:])
	var sum [32]byte
	h.Sum(sum[:0])
	copy(addr[:], sum[12:])
	return addr, nil
}

// PersonalSignHash is the EIP-191 version 0x45 (personal_sign) hash of
// message: keccak256("\x19Ethereum Signed Message:\n" + len + message).
func PersonalSignHash(message []byte) [32]byte {
	h := sha3.NewLegacyKeccak256()
	fmt.Fprintf(h, "\x19Ethereum Signed Message:\n%d", len(message))
	h.Write(message)
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

func keccak(parts ...[]byte) [32]byte {
	h := sha3.NewLegacyKeccak256()
	for _, p := range parts {
		h.Write(p)
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

func hashSlice(h [32]byte) []byte { return h[:] }
