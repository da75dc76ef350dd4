package sha256x2

import (
	"crypto/sha256"
	"math/rand/v2"
	"testing"
)

func check(t testing.TB, a, b []byte) {
	da, db := Sum(a, b)
	if da != sha256.Sum256(a) || db != sha256.Sum256(b) {
		t.Fatalf("length %d: digests differ from crypto/sha256", len(a))
	}
	// With a prefix and suffix of lengths that move the block boundaries.
	for _, pre := range []int{0, 1, 5, 63, 64, 70} {
		prefix := make([]byte, pre)
		for i := range prefix {
			prefix[i] = byte(i + 1)
		}
		suffix := prefix[:pre/2]
		da, db := SumAround(prefix, a, b, suffix)
		join := func(x []byte) []byte { return append(append(append([]byte(nil), prefix...), x...), suffix...) }
		if da != sha256.Sum256(join(a)) || db != sha256.Sum256(join(b)) {
			t.Fatalf("length %d, prefix %d: digests differ from crypto/sha256", len(a), pre)
		}
	}
}

// Every length up to a few blocks past each padding boundary, and some
// large ones, against crypto/sha256.
func TestSum(t *testing.T) {
	if !Available() {
		t.Log("no SHA extensions here: testing the fallback")
	}
	r := rand.New(rand.NewPCG(1, 2))
	fill := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return b
	}
	for n := 0; n < 300; n++ {
		check(t, fill(n), fill(n))
	}
	for _, n := range []int{1 << 20, 1<<20 + 55, 3<<20 - 1} {
		check(t, fill(n), fill(n))
	}
	same := fill(1000)
	check(t, same, same)
}

func FuzzSum(f *testing.F) {
	f.Add([]byte("abc"), []byte("xyz"))
	f.Add(make([]byte, 64), make([]byte, 64))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		n := min(len(a), len(b))
		check(t, a[:n], b[:n])
	})
}

func BenchmarkSum(b *testing.B) {
	x, y := make([]byte, 1<<20), make([]byte, 1<<20)
	b.Run("sha256x2", func(b *testing.B) {
		b.SetBytes(2 << 20)
		for b.Loop() {
			Sum(x, y)
		}
	})
	b.Run("crypto-sha256", func(b *testing.B) {
		b.SetBytes(2 << 20)
		for b.Loop() {
			sha256.Sum256(x)
			sha256.Sum256(y)
		}
	})
}
