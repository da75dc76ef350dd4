package attest

import (
	"crypto/ed25519"
	"testing"
)

// BenchmarkEd25519Batch reports the batch cost per signature next to
// crypto/ed25519's single verification of the same items.
func BenchmarkEd25519Batch(b *testing.B) {
	items := batchItems(b, 256, 2)
	b.Run("stdlib-single", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			it := items[i%len(items)]
			if !ed25519.Verify(it.pub, it.msg, it.sig) {
				b.Fatal("invalid")
			}
		}
	})
	b.Run("batch256-per-sig", func(b *testing.B) {
		n := 0
		for b.Loop() {
			if !verifyEd25519Batch(items, nil) {
				b.Fatal("invalid")
			}
			n += len(items)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/sig")
	})
}
