// Package sha256x2 computes the SHA-256 digests of two equal-length
// messages at once. On amd64 CPUs with the SHA extensions it interleaves
// the two messages' rounds, which runs them in little more time than one:
// a single message's rounds are a chain of dependent instructions, and the
// second message fills the gaps. Elsewhere it falls back to crypto/sha256.
package sha256x2

import (
	"crypto/sha256"
	"encoding/binary"
)

// Available reports whether Sum is faster than two crypto/sha256 calls.
func Available() bool { return available }

// Sum returns the SHA-256 digests of a and b, which must be the same
// length.
func Sum(a, b []byte) (da, db [32]byte) {
	if len(a) != len(b) {
		panic("sha256x2: messages of different lengths")
	}
	if !available {
		return sha256.Sum256(a), sha256.Sum256(b)
	}
	sa, sb := initState, initState
	full := len(a) / 64
	if full > 0 {
		blocks2(&sa, &sb, &a[0], &b[0], full)
	}
	// Both messages pad the same way, since their lengths are equal.
	var ta, tb [128]byte
	rest := len(a) - 64*full
	copy(ta[:], a[64*full:])
	copy(tb[:], b[64*full:])
	ta[rest], tb[rest] = 0x80, 0x80
	n := 64
	if rest >= 56 {
		n = 128
	}
	binary.BigEndian.PutUint64(ta[n-8:], uint64(len(a))*8)
	binary.BigEndian.PutUint64(tb[n-8:], uint64(len(b))*8)
	blocks2(&sa, &sb, &ta[0], &tb[0], n/64)
	for i := range 8 {
		binary.BigEndian.PutUint32(da[4*i:], sa[i])
		binary.BigEndian.PutUint32(db[4*i:], sb[i])
	}
	return da, db
}

var initState = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
