package attest

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha512"
	"io"

	"filippo.io/edwards25519"
)

// ed25519Item is one signature of a batch, over the message prefix‖msg
// (a DSSE PAE header and the payload, so that the PAE need not be copied).
type ed25519Item struct {
	pub    ed25519.PublicKey
	prefix []byte
	msg    []byte
	sig    []byte
}

// verifyEd25519Batch reports whether every item is a valid signature, by
// checking one random linear combination of the verification equations:
//
//	[8]( −(Σ zᵢSᵢ)B + Σ zᵢRᵢ + Σ_keys (Σ zᵢkᵢ)A ) = 0
//
// with independent random 128-bit zᵢ, so that a batch containing an invalid
// signature passes with probability about 2⁻¹²⁸. Terms of one key share a
// single coefficient, which is why a lineage signed by a few keys costs
// little more than one point per signature.
//
// The equation is cofactored (as ZIP 215 and ed25519consensus specify):
// every signature the standard library accepts passes, and the only
// signatures that pass here but fail crypto/ed25519 carry small-order
// components that only their key's holder can craft. S must be canonical
// and R and A must decode, as in crypto/ed25519. A false result says only
// that some item is invalid: callers verify one at a time to find which.
func verifyEd25519Batch(items []ed25519Item, random io.Reader) bool {
	if len(items) == 0 {
		return true
	}
	if random == nil {
		random = rand.Reader
	}
	zs := make([]byte, 16*len(items))
	if _, err := io.ReadFull(random, zs); err != nil {
		return false
	}
	type keyTerm struct {
		point *edwards25519.Point
		coef  *edwards25519.Scalar
	}
	keys := make(map[[32]byte]*keyTerm)
	scalars := make([]*edwards25519.Scalar, 0, len(items)+2)
	points := make([]*edwards25519.Point, 0, len(items)+2)
	sumZS := edwards25519.NewScalar()
	var zbuf [32]byte
	var h [64]byte
	hasher := sha512.New()
	for i, it := range items {
		if len(it.pub) != ed25519.PublicKeySize || len(it.sig) != ed25519.SignatureSize {
			return false
		}
		kt := keys[[32]byte(it.pub)]
		if kt == nil {
			a, err := new(edwards25519.Point).SetBytes(it.pub)
			if err != nil {
				return false
			}
			kt = &keyTerm{point: a, coef: edwards25519.NewScalar()}
			keys[[32]byte(it.pub)] = kt
		}
		r, err := new(edwards25519.Point).SetBytes(it.sig[:32])
		if err != nil {
			return false
		}
		s, err := edwards25519.NewScalar().SetCanonicalBytes(it.sig[32:])
		if err != nil {
			return false
		}
		hasher.Reset()
		hasher.Write(it.sig[:32])
		hasher.Write(it.pub)
		hasher.Write(it.prefix)
		hasher.Write(it.msg)
		k, _ := edwards25519.NewScalar().SetUniformBytes(hasher.Sum(h[:0]))
		copy(zbuf[:16], zs[16*i:16*i+16]) // the upper 16 bytes stay zero: z < 2¹²⁸ < ℓ
		z, _ := edwards25519.NewScalar().SetCanonicalBytes(zbuf[:])
		sumZS.MultiplyAdd(z, s, sumZS)
		kt.coef.MultiplyAdd(z, k, kt.coef)
		scalars = append(scalars, z)
		points = append(points, r)
	}
	for _, kt := range keys {
		scalars = append(scalars, kt.coef)
		points = append(points, kt.point)
	}
	scalars = append(scalars, edwards25519.NewScalar().Negate(sumZS))
	points = append(points, edwards25519.NewGeneratorPoint())
	check := new(edwards25519.Point).VarTimeMultiScalarMult(scalars, points)
	check.MultByCofactor(check)
	return check.Equal(edwards25519.NewIdentityPoint()) == 1
}
