package blake3x

import (
	"encoding/binary"
	"math/bits"
)

const (
	flagChunkStart = 1 << 0
	flagChunkEnd   = 1 << 1
	flagParent     = 1 << 2
	flagRoot       = 1 << 3

	blockLen = 64
	chunkLen = 1024
)

var iv = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// schedule[r] lists the message words round r reads, in the order its
// eight G calls take them: BLAKE3 permutes the words between rounds.
var schedule = func() (s [7][16]uint8) {
	perm := [16]uint8{2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8}
	for i := range s[0] {
		s[0][i] = uint8(i)
	}
	for r := 1; r < 7; r++ {
		for i := range s[r] {
			s[r][i] = s[r-1][perm[i]]
		}
	}
	return s
}()

func g(v *[16]uint32, a, b, c, d int, x, y uint32) {
	v[a] += v[b] + x
	v[d] = bits.RotateLeft32(v[d]^v[a], -16)
	v[c] += v[d]
	v[b] = bits.RotateLeft32(v[b]^v[c], -12)
	v[a] += v[b] + y
	v[d] = bits.RotateLeft32(v[d]^v[a], -8)
	v[c] += v[d]
	v[b] = bits.RotateLeft32(v[b]^v[c], -7)
}

// compress runs the compression function and returns the first 8 words
// of its output: the chaining value, or the first half of a root output.
func compress(cv *[8]uint32, block *[16]uint32, counter uint64, n uint32, flags uint32) [8]uint32 {
	v := [16]uint32{
		cv[0], cv[1], cv[2], cv[3], cv[4], cv[5], cv[6], cv[7],
		iv[0], iv[1], iv[2], iv[3], uint32(counter), uint32(counter >> 32), n, flags,
	}
	for r := range schedule {
		m := &schedule[r]
		g(&v, 0, 4, 8, 12, block[m[0]], block[m[1]])
		g(&v, 1, 5, 9, 13, block[m[2]], block[m[3]])
		g(&v, 2, 6, 10, 14, block[m[4]], block[m[5]])
		g(&v, 3, 7, 11, 15, block[m[6]], block[m[7]])
		g(&v, 0, 5, 10, 15, block[m[8]], block[m[9]])
		g(&v, 1, 6, 11, 12, block[m[10]], block[m[11]])
		g(&v, 2, 7, 8, 13, block[m[12]], block[m[13]])
		g(&v, 3, 4, 9, 14, block[m[14]], block[m[15]])
	}
	var out [8]uint32
	for i := range out {
		out[i] = v[i] ^ v[i+8]
	}
	return out
}

// words reads a block of up to 64 bytes, zero-padded, as 16 little-endian
// words.
func words(p []byte) (w [16]uint32) {
	var b [blockLen]byte
	copy(b[:], p)
	for i := range w {
		w[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return w
}

// output is a node whose compression is not yet done: the root needs the
// ROOT flag, any other node's chaining value does not have it.
type output struct {
	cv      [8]uint32
	block   [16]uint32
	counter uint64
	n       uint32
	flags   uint32
}

func (o *output) chainingValue() [8]uint32 {
	return compress(&o.cv, &o.block, o.counter, o.n, o.flags)
}

func (o *output) root() (sum [32]byte) {
	w := compress(&o.cv, &o.block, 0, o.n, o.flags|flagRoot)
	for i, x := range w {
		binary.LittleEndian.PutUint32(sum[4*i:], x)
	}
	return sum
}

func parentOutput(left, right *[8]uint32) output {
	o := output{cv: iv, n: blockLen, flags: flagParent}
	copy(o.block[:8], left[:])
	copy(o.block[8:], right[:])
	return o
}

// chunkOutput compresses all but the last block of chunk (1 to 1024 bytes,
// or 0 for the empty input) and returns the last.
func chunkOutput(chunk []byte, counter uint64) output {
	cv := iv
	flags := uint32(flagChunkStart)
	for len(chunk) > blockLen {
		b := words(chunk[:blockLen])
		cv = compress(&cv, &b, counter, blockLen, flags)
		flags = 0
		chunk = chunk[blockLen:]
	}
	return output{cv: cv, block: words(chunk), counter: counter, n: uint32(len(chunk)), flags: flags | flagChunkEnd}
}

// hashManyGeneric is hashMany16 in Go: the chaining values of 16 inputs of
// blocks full blocks each, lane l's at in[l*stride:], with counter
// counter+l*laneStep.
func hashManyGeneric(out *[16][8]uint32, in []byte, stride int, blocks int, counter uint64, laneStep uint32, flags, first, last uint32) {
	for l := range out {
		cv := iv
		p := in[l*stride:]
		for b := 0; b < blocks; b++ {
			f := flags
			if b == 0 {
				f |= first
			}
			if b == blocks-1 {
				f |= last
			}
			w := words(p[b*blockLen : (b+1)*blockLen])
			cv = compress(&cv, &w, counter+uint64(l)*uint64(laneStep), blockLen, f)
		}
		out[l] = cv
	}
}
