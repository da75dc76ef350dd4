package royalty

import (
	"math/big"
	"math/bits"
)

// The relative policy multiplies shares along paths, so an exact fraction
// for a node at depth d has denominator provenance.ShareWhole^d: exact rationals grow
// without bound on deep graphs. Instead a node's fraction of the payment is
// a 128-bit fixed-point number with fracBits fractional bits (1.0 = 2^127),
// and each edge computes floor(fraction × share / provenance.ShareWhole). Every such
// floor loses less than one unit in the last place (ulp = 2^-127), and lost
// mass is never re-created, so over a graph of E edges the fractions that
// recipients keep fall short of the exact rational ones by less than
// E × 2^-127 in total. See Split for how that bounds payouts.
const fracBits = 127

// fixed is an unsigned 128-bit fixed-point number: hi·2^64 + lo in units of
// 2^-fracBits.
type fixed struct{ hi, lo uint64 }

var fixedOne = fixed{hi: 1 << 63}

func (a fixed) isZero() bool { return a.hi == 0 && a.lo == 0 }

func (a fixed) add(b fixed) fixed {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	hi, _ := bits.Add64(a.hi, b.hi, c)
	return fixed{hi, lo}
}

// mulShare returns floor(a × share / provenance.ShareWhole), share ≤ provenance.ShareWhole.
func (a fixed) mulShare(share uint32) fixed {
	if share == shareWhole {
		return a
	}
	if share == 0 || a.isZero() {
		return fixed{}
	}
	// a × share is at most 128 + 27 bits: three limbs x2:x1:x0.
	c0, x0 := bits.Mul64(a.lo, uint64(share))
	c1, x1 := bits.Mul64(a.hi, uint64(share))
	x1, carry := bits.Add64(x1, c0, 0)
	x2 := c1 + carry
	// Long division by provenance.ShareWhole, limb by limb; the quotient fits in 128
	// bits because share ≤ provenance.ShareWhole.
	_, r := bits.Div64(0, x2, shareWhole)
	q1, r := bits.Div64(r, x1, shareWhole)
	q0, _ := bits.Div64(r, x0, shareWhole)
	return fixed{q1, q0}
}

// mulWide returns a × m as a 192-bit number.
func (a fixed) mulWide(m uint64) wide {
	c0, x0 := bits.Mul64(a.lo, m)
	c1, x1 := bits.Mul64(a.hi, m)
	x1, carry := bits.Add64(x1, c0, 0)
	return wide{c1 + carry, x1, x0}
}

// rat returns a as an exact rational.
func (a fixed) rat() *big.Rat {
	n := new(big.Int).SetUint64(a.hi)
	n.Lsh(n, 64)
	n.Or(n, new(big.Int).SetUint64(a.lo))
	d := new(big.Int).Lsh(big.NewInt(1), fracBits)
	return new(big.Rat).SetFrac(n, d)
}

// wide is an unsigned 192-bit integer, hi:mid:lo, for recipient weights.
type wide [3]uint64

func (a wide) isZero() bool { return a[0] == 0 && a[1] == 0 && a[2] == 0 }

func (a wide) add(b wide) wide {
	lo, c := bits.Add64(a[2], b[2], 0)
	mid, c := bits.Add64(a[1], b[1], c)
	hi, _ := bits.Add64(a[0], b[0], c)
	return wide{hi, mid, lo}
}

// mul multiplies by a small factor; the caller guarantees no overflow.
func (a wide) mul(m uint64) wide {
	c2, x2 := bits.Mul64(a[2], m)
	c1, x1 := bits.Mul64(a[1], m)
	_, x0 := bits.Mul64(a[0], m)
	x1, c := bits.Add64(x1, c2, 0)
	x0, _ = bits.Add64(x0, c1, c)
	return wide{x0, x1, x2}
}

func (a wide) cmp(b wide) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func (a wide) setBig(z *big.Int) *big.Int {
	var buf [24]byte
	for i, w := range a {
		for j := range 8 {
			buf[i*8+j] = byte(w >> (56 - 8*j))
		}
	}
	return z.SetBytes(buf[:])
}

func wideFromBig(z *big.Int) wide {
	var buf [24]byte
	z.FillBytes(buf[:])
	var a wide
	for i := range a {
		for j := range 8 {
			a[i] = a[i]<<8 | uint64(buf[i*8+j])
		}
	}
	return a
}
