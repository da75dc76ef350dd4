package blake3x

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"math/rand/v2"
	"os"
	"testing"

	"lukechampine.com/blake3"
)

var _ hash.Hash = (*Hasher)(nil)

// reference is lukechampine.com/blake3, the implementation provenance
// used before this package: its digests are in manifests already.
func reference(p []byte) []byte {
	h := blake3.New(32, nil)
	h.Write(p)
	return h.Sum(nil)
}

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 0))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestVectors checks the official test vectors (testdata/README.md says
// where the file comes from): the first 32 bytes of each case's unkeyed
// output.
func TestVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/test_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Cases []struct {
			InputLen int    `json:"input_len"`
			Hash     string `json:"hash"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Cases) < 30 {
		t.Fatalf("read %d cases", len(v.Cases))
	}
	for _, c := range v.Cases {
		in := make([]byte, c.InputLen)
		for i := range in {
			in[i] = byte(i % 251)
		}
		want := c.Hash[:64]
		if got := Sum256(in); hex.EncodeToString(got[:]) != want {
			t.Errorf("len %d: Sum256 %x, want %s", c.InputLen, got, want)
		}
		// The same bytes in writes of 1 and of 1000 bytes.
		for _, step := range []int{1, 1000} {
			h := New()
			for p := in; len(p) > 0; p = p[min(step, len(p)):] {
				h.Write(p[:min(step, len(p))])
			}
			if got := h.Sum(nil); hex.EncodeToString(got) != want {
				t.Errorf("len %d in writes of %d: %x, want %s", c.InputLen, step, got, want)
			}
		}
	}
}

// lengths are the input lengths around every block, chunk, batch and
// subtree boundary up to a little past 1 MiB, and some in between.
func lengths() []int {
	seen := map[int]bool{}
	var ls []int
	add := func(n int) {
		if n >= 0 && !seen[n] {
			seen[n] = true
			ls = append(ls, n)
		}
	}
	for n := 0; n <= 2*chunkLen+blockLen; n++ {
		add(n)
	}
	for _, unit := range []int{blockLen, chunkLen, batch * chunkLen} {
		for k := 1; k*unit <= 1<<20+2*batch*chunkLen; k *= 2 {
			for d := -2; d <= 2; d++ {
				add(k*unit + d)
				add(3*k*unit + d)
			}
		}
	}
	r := rand.New(rand.NewPCG(7, 7))
	for range 200 {
		add(r.IntN(1<<20 + 1))
	}
	return ls
}

func TestAgainstReference(t *testing.T) {
	data := randomBytes(1, 3<<20+5*chunkLen)
	for _, n := range lengths() {
		want := reference(data[:n])
		if got := Sum256(data[:n]); !bytes.Equal(got[:], want) {
			t.Fatalf("len %d: %x, want %x", n, got, want)
		}
	}
}

// TestGenericPath runs the Go code the kernels stand in for where they
// cannot run, on a machine where they can.
func TestGenericPath(t *testing.T) {
	defer func(a bool) { available = a }(available)
	available = false
	data := randomBytes(6, 300_000)
	for _, n := range []int{0, 1, 1024, 1025, 2048, 16384, 16385, 40_000, 262_144, 262_145, 300_000} {
		want := reference(data[:n])
		if got := Sum256(data[:n]); !bytes.Equal(got[:], want) {
			t.Fatalf("len %d: %x, want %x", n, got, want)
		}
	}
}

// TestWriteSplits feeds inputs in pieces of many sizes, the way the
// importer hands over a tensor: the digest must not depend on them.
func TestWriteSplits(t *testing.T) {
	data := randomBytes(2, 3<<20+3*chunkLen+17)
	r := rand.New(rand.NewPCG(3, 3))
	sizes := []int{1, 63, 64, 65, 1000, 1024, 1025, 16383, 16384, 16385, 100_000, 1 << 18, 1<<20 - 1, 1 << 20, 1<<20 + 1}
	h := New()
	for _, n := range []int{0, 1, 1024, 16384, 16385, 300_000, 1 << 20, 1<<20 + 513, len(data)} {
		want := reference(data[:n])
		for _, size := range append(sizes, -1) {
			h.Reset()
			for p := data[:n]; len(p) > 0; {
				k := size
				if k < 0 {
					k = 1 + r.IntN(70_000) // random pieces
				}
				k = min(k, len(p))
				h.Write(p[:k])
				p = p[k:]
			}
			if got := h.Sum(nil); !bytes.Equal(got, want) {
				t.Fatalf("len %d in writes of %d: %x, want %x", n, size, got, want)
			}
		}
	}
}

// TestSumKeepsState checks that Sum does not change the running hash.
func TestSumKeepsState(t *testing.T) {
	data := randomBytes(4, 600_000)
	h := New()
	for i, p := 0, data; len(p) > 0; i++ {
		k := min(len(p), 1+i*7919%40000)
		h.Write(p[:k])
		p = p[k:]
		done := len(data) - len(p)
		if got, want := h.Sum([]byte("x")), append([]byte("x"), reference(data[:done])...); !bytes.Equal(got, want) {
			t.Fatalf("after %d bytes: %x, want %x", done, got, want)
		}
	}
}

// column returns value i of word-major scratch.
func column(cvs *[8][maxSubtree]uint32, i int) (cv [8]uint32) {
	for j := range cv {
		cv[j] = cvs[j][i]
	}
	return cv
}

// TestCounterCarry hashes batches whose chunk counters cross 2^32 in the
// middle of the kernel's 16 lanes, against the generic code.
func TestCounterCarry(t *testing.T) {
	p := randomBytes(5, batch*chunkLen)
	for _, c := range []uint64{0, 1<<32 - 16, 1<<32 - 5, 1<<32 - 1, 1 << 32, 5<<32 + 3} {
		var got [8][maxSubtree]uint32
		var want [batch][8]uint32
		chunks16(&got, 32, p, c)
		hashManyGeneric(&want, p, chunkLen, chunkLen/blockLen, c, 1, 0, flagChunkStart, flagChunkEnd)
		for l := range want {
			if column(&got, 32+l) != want[l] {
				t.Errorf("counter %#x: lane %d differs", c, l)
			}
		}
	}
}

// TestParents checks the parents kernel against the Go code, in place at
// the start of the scratch and further on, as subtree uses it.
func TestParents(t *testing.T) {
	var cvs [8][maxSubtree]uint32
	for j := range cvs {
		for i := range cvs[j] {
			cvs[j][i] = uint32(i*8+j) * 0x9e3779b9
		}
	}
	for _, at := range []int{0, 16, maxSubtree/2 - batch} {
		var want [batch][8]uint32
		for k := range want {
			l, r := column(&cvs, 2*(at+k)), column(&cvs, 2*(at+k)+1)
			o := parentOutput(&l, &r)
			want[k] = o.chainingValue()
		}
		parents16(&cvs, at)
		for k := range want {
			if column(&cvs, at+k) != want[k] {
				t.Errorf("at %d: parent %d differs", at, k)
			}
		}
	}
}

func FuzzAgainstReference(f *testing.F) {
	f.Add(uint64(1), 0, uint16(0))
	f.Add(uint64(2), 16385, uint16(1024))
	f.Add(uint64(3), 300_000, uint16(16383))
	f.Fuzz(func(t *testing.T, seed uint64, n int, step uint16) {
		if n < 0 || n > 2<<20 {
			return
		}
		data := randomBytes(seed, n)
		want := reference(data)
		h := New()
		s := int(step)
		if s == 0 {
			s = n + 1
		}
		for p := data; len(p) > 0; p = p[min(s, len(p)):] {
			h.Write(p[:min(s, len(p))])
		}
		if got := h.Sum(nil); !bytes.Equal(got, want) {
			t.Fatalf("len %d in writes of %d: %x, want %x", n, s, got, want)
		}
	})
}

// BenchmarkWrite compares this package and lukechampine.com/blake3 on one
// core, in writes of the sizes the importer hands the tensor digests.
func BenchmarkWrite(b *testing.B) {
	buf := randomBytes(1, 1<<20)
	for _, size := range []int{16 << 10, 256 << 10, 1 << 20} {
		for _, impl := range []struct {
			name string
			new  func() hash.Hash
		}{
			{"blake3x", func() hash.Hash { return New() }},
			{"lukechampine", func() hash.Hash { return blake3.New(32, nil) }},
		} {
			b.Run(fmt.Sprintf("%s/write=%dKiB", impl.name, size>>10), func(b *testing.B) {
				h := impl.new()
				b.SetBytes(int64(len(buf)))
				var sum [32]byte
				for b.Loop() {
					h.Reset()
					for p := buf; len(p) > 0; p = p[size:] {
						h.Write(p[:size])
					}
					h.Sum(sum[:0])
				}
			})
		}
	}
}

// BenchmarkWriteCold hashes a 256 MiB buffer in 1 MiB writes: most of it
// comes from memory or L3, as tensor data from the importer's buffers
// does, so this shows the kernel's prefetching.
func BenchmarkWriteCold(b *testing.B) {
	buf := randomBytes(1, 256<<20)
	for _, impl := range []struct {
		name string
		new  func() hash.Hash
	}{
		{"blake3x", func() hash.Hash { return New() }},
		{"lukechampine", func() hash.Hash { return blake3.New(32, nil) }},
	} {
		b.Run(impl.name, func(b *testing.B) {
			h := impl.new()
			b.SetBytes(int64(len(buf)))
			for b.Loop() {
				h.Reset()
				for p := buf; len(p) > 0; p = p[1<<20:] {
					h.Write(p[:1<<20])
				}
				h.Sum(nil)
			}
		})
	}
}

// BenchmarkChunks16 is the kernel alone: 16 chunks (16 KiB, in L1/L2)
// into their chaining values.
func BenchmarkChunks16(b *testing.B) {
	p := randomBytes(1, batch*chunkLen)
	var out [8][maxSubtree]uint32
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		chunks16(&out, 0, p, 0)
	}
}
