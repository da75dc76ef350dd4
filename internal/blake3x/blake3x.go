// Package blake3x computes unkeyed BLAKE3-256 digests, the same as
// lukechampine.com/blake3's New(32, nil), faster on large inputs: on amd64
// CPUs with AVX-512 one kernel hashes 16 chunks at a time and another their
// parents 16 at a time (blake3x_amd64.s, written by gen.go), and a large
// write is hashed in place rather than through a buffer. Elsewhere it runs
// the same tree in Go; callers that want speed there should prefer another
// implementation (see Available).
package blake3x

// Available reports whether the AVX-512 kernels are in use.
func Available() bool { return available }

// Size is the length of a digest in bytes.
const Size = 32

const (
	batch = 16 // chunks per kernel call
	// maxSubtree is the most chunks hashed as one subtree out of a write:
	// the kernel then hashes their parents level by level, and the last
	// levels (fewer than 16 parents) waste lanes, so larger is better, at
	// 32 bytes of scratch per chunk.
	maxSubtree = 256
)

// Hasher computes a BLAKE3-256 digest. It implements hash.Hash. The zero
// value is not ready: use New.
type Hasher struct {
	// stack holds the chaining values of the complete subtrees left of
	// the buffer, largest first; each is merged into its parent as soon
	// as that parent's right half is complete, which is safe because the
	// buffer always holds the input's last bytes (a parent finished early
	// is never the root).
	stack [54][8]uint32 // 2^54 chunks of 1 KiB is 2^64 bytes
	depth int
	// chunks is the number of chunks before buf: a multiple of batch.
	chunks uint64
	buf    [batch * chunkLen]byte
	n      int // bytes in buf
	// cvs is scratch for the chaining values of a subtree's chunks and
	// parents, word-major: cvs[j][i] is word j of value i, so the kernels
	// load and store 16 values' word j as one register.
	cvs [8][maxSubtree]uint32
}

// New returns a Hasher for unkeyed BLAKE3 with a 32-byte digest.
func New() *Hasher { return new(Hasher) }

// Sum256 returns the BLAKE3-256 digest of data.
func Sum256(data []byte) [Size]byte {
	h := New()
	h.Write(data)
	return h.sum256()
}

// Reset forgets everything written.
func (h *Hasher) Reset() { h.depth, h.chunks, h.n = 0, 0, 0 }

// Size returns 32.
func (h *Hasher) Size() int { return Size }

// BlockSize returns BLAKE3's block size, 64.
func (h *Hasher) BlockSize() int { return blockLen }

// Write adds p to the input. It never fails.
func (h *Hasher) Write(p []byte) (int, error) {
	n := len(p)
	if h.n > 0 {
		k := copy(h.buf[h.n:], p)
		h.n += k
		p = p[k:]
		if len(p) == 0 {
			return n, nil
		}
		// The buffer is full and more input follows it.
		h.push(h.subtree(h.buf[:], batch), batch)
		h.n = 0
	}
	// Hash whole subtrees in place while more than a buffer's worth is
	// left: the last bytes stay in the buffer for Sum.
	for len(p) > len(h.buf) {
		avail := uint64(len(p)-1) / chunkLen // chunks with a byte after them
		s := uint64(batch)
		// A subtree must start at a multiple of its size.
		for s*2 <= avail && s*2 <= maxSubtree && h.chunks%(s*2) == 0 {
			s *= 2
		}
		h.push(h.subtree(p[:s*chunkLen], s), s)
		p = p[s*chunkLen:]
	}
	h.n = copy(h.buf[:], p)
	return n, nil
}

// subtree returns the chaining value of the s chunks of p (s a power of two
// from 16 to maxSubtree) that follow the h.chunks already hashed.
func (h *Hasher) subtree(p []byte, s uint64) [8]uint32 {
	for i := uint64(0); i < s; i += batch {
		chunks16(&h.cvs, int(i), p[i*chunkLen:], h.chunks+i)
	}
	for n := s / 2; n > 0; n /= 2 {
		// Parents of values 2k and 2k+1 go to value k, 16 at a time; a
		// group's output overwrites only inputs already read. With fewer
		// than 16 parents the spare lanes hash stale scratch.
		for k := uint64(0); k < n; k += batch {
			parents16(&h.cvs, int(k))
		}
	}
	return h.cv(0)
}

// cv returns chaining value i of the scratch.
func (h *Hasher) cv(i int) (cv [8]uint32) {
	for j := range cv {
		cv[j] = h.cvs[j][i]
	}
	return cv
}

// push adds the chaining value of a subtree of size chunks, merging it
// with the subtrees to its left that it completes.
func (h *Hasher) push(cv [8]uint32, size uint64) {
	h.chunks += size
	h.depth = merge(&h.stack, h.depth, cv, h.chunks/size)
}

// merge pushes cv onto stack[:depth], where t is the number of cv-sized
// subtrees up to and including cv, and returns the new depth.
func merge(stack *[54][8]uint32, depth int, cv [8]uint32, t uint64) int {
	for ; t&1 == 0; t >>= 1 {
		depth--
		o := parentOutput(&stack[depth], &cv)
		cv = o.chainingValue()
	}
	stack[depth] = cv
	return depth + 1
}

// Sum appends the digest of the input so far to b. It uses the scratch
// but leaves the state as it was.
func (h *Hasher) Sum(b []byte) []byte {
	s := h.sum256()
	return append(b, s[:]...)
}

func (h *Hasher) sum256() [Size]byte {
	var stack [54][8]uint32
	depth := copy(stack[:], h.stack[:h.depth])
	// The buffer's full chunks but the last go onto the stack; the last
	// chunk (1 to 1024 bytes, or none for an empty input) is the right
	// edge of the tree.
	full := 0
	if h.n > 0 {
		full = (h.n - 1) / chunkLen
	}
	var cvs [batch][8]uint32
	if available && full >= 2 {
		chunks16(&h.cvs, 0, h.buf[:], h.chunks) // lanes past full hash stale bytes
		for i := range full {
			cvs[i] = h.cv(i)
		}
	} else {
		for i := range full {
			o := chunkOutput(h.buf[i*chunkLen:(i+1)*chunkLen], h.chunks+uint64(i))
			cvs[i] = o.chainingValue()
		}
	}
	for i := range full {
		depth = merge(&stack, depth, cvs[i], h.chunks+uint64(i)+1)
	}
	o := chunkOutput(h.buf[full*chunkLen:h.n], h.chunks+uint64(full))
	for depth > 0 {
		depth--
		cv := o.chainingValue()
		o = parentOutput(&stack[depth], &cv)
	}
	return o.root()
}

// chunks16 writes the chaining values of the 16 chunks at the start of p,
// the first of them chunk number counter, to values at to to+15 of cvs.
func chunks16(cvs *[8][maxSubtree]uint32, at int, p []byte, counter uint64) {
	p = p[:batch*chunkLen]
	_ = cvs[0][at+batch-1]
	if available {
		hashMany16(&cvs[0][at], &p[0], chunkLen, chunkLen/blockLen, uint32(counter), uint32(counter>>32), 1, 0, flagChunkStart, flagChunkEnd)
		return
	}
	var res [batch][8]uint32
	hashManyGeneric(&res, p, chunkLen, chunkLen/blockLen, counter, 1, 0, flagChunkStart, flagChunkEnd)
	for l, cv := range res {
		for j, w := range cv {
			cvs[j][at+l] = w
		}
	}
}

// parents16 writes to value at+k of cvs, for k < 16, the chaining value of
// the parent of values 2(at+k) and 2(at+k)+1.
func parents16(cvs *[8][maxSubtree]uint32, at int) {
	_ = cvs[0][2*at+2*batch-1]
	if available {
		parents16AVX512(&cvs[0][at], &cvs[0][2*at])
		return
	}
	var res [batch][8]uint32
	for k := range res {
		var left, right [8]uint32
		for j := range left {
			left[j], right[j] = cvs[j][2*(at+k)], cvs[j][2*(at+k)+1]
		}
		o := parentOutput(&left, &right)
		res[k] = o.chainingValue()
	}
	for k, cv := range res {
		for j, w := range cv {
			cvs[j][at+k] = w
		}
	}
}
