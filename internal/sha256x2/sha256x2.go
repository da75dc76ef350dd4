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
	return SumAround(nil, a, b, nil)
}

// SumAround returns the SHA-256 digests of prefix‖a‖suffix and
// prefix‖b‖suffix, for a and b of the same length, without copying a or b:
// a leaf block that wraps a chunk in a few header bytes hashes in place.
func SumAround(prefix, a, b, suffix []byte) (da, db [32]byte) {
	if len(a) != len(b) {
		panic("sha256x2: messages of different lengths")
	}
	if !available {
		ha, hb := sha256.New(), sha256.New()
		for _, part := range [][2][]byte{{prefix, prefix}, {a, b}, {suffix, suffix}} {
			ha.Write(part[0])
			hb.Write(part[1])
		}
		ha.Sum(da[:0])
		hb.Sum(db[:0])
		return da, db
	}
	var p pair
	p.sa, p.sb = initState, initState
	p.write(prefix, prefix)
	p.write(a, b)
	p.write(suffix, suffix)
	return p.sum()
}

// pair is two SHA-256 states fed equal-length writes: the two lanes' partial
// blocks always fill to the same level.
type pair struct {
	sa, sb [8]uint32
	ba, bb [64]byte
	n      int    // bytes in ba and bb
	length uint64 // bytes written to each lane
}

func (p *pair) write(a, b []byte) {
	p.length += uint64(len(a))
	if p.n > 0 {
		k := copy(p.ba[p.n:], a)
		copy(p.bb[p.n:], b)
		p.n += k
		a, b = a[k:], b[k:]
		if p.n < 64 {
			return
		}
		blocks2(&p.sa, &p.sb, &p.ba[0], &p.bb[0], 1)
		p.n = 0
	}
	if full := len(a) / 64; full > 0 {
		blocks2(&p.sa, &p.sb, &a[0], &b[0], full)
		a, b = a[64*full:], b[64*full:]
	}
	p.n = copy(p.ba[:], a)
	copy(p.bb[:], b)
}

func (p *pair) sum() (da, db [32]byte) {
	var pad [72]byte
	pad[0] = 0x80
	k := 56 - p.n // zeros so that the length ends a block
	if k <= 0 {
		k += 64
	}
	binary.BigEndian.PutUint64(pad[k:], p.length*8)
	p.write(pad[:k+8], pad[:k+8])
	for i := range 8 {
		binary.BigEndian.PutUint32(da[4*i:], p.sa[i])
		binary.BigEndian.PutUint32(db[4*i:], p.sb[i])
	}
	return da, db
}

var initState = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
