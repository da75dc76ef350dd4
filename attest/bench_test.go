package attest

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/sha256"
	"strconv"
	"sync"
	"testing"
	"time"

	ethcrypto "github.com/ethereum/go-ethereum/crypto"
)

// benchRatio runs primitive and library alternately, in blocks of 16
// calls, b.N calls each. It reports each one's fastest block per call and
// the library's overhead computed from those minima: on a shared machine
// the slowest blocks measure other processes, the fastest the code.
func benchRatio(b *testing.B, primitive, library func()) {
	const block = 16
	minP, minL := time.Duration(1<<62), time.Duration(1<<62)
	b.ResetTimer()
	for i := 0; i < b.N; i += block {
		t0 := time.Now()
		for range block {
			primitive()
		}
		t1 := time.Now()
		for range block {
			library()
		}
		t2 := time.Now()
		minP, minL = min(minP, t1.Sub(t0)/block), min(minL, t2.Sub(t1)/block)
	}
	b.ReportMetric(float64(minP.Nanoseconds()), "primitive-ns/op")
	b.ReportMetric(float64(minL.Nanoseconds()), "library-ns/op")
	b.ReportMetric(1e9/float64(minL.Nanoseconds()), "library-ops/s")
	b.ReportMetric(100*(float64(minL)/float64(minP)-1), "overhead-%")
}

// BenchmarkVerifySignature measures one signature verification as the
// library does it (PAE or typed-data hashing, key lookup by key ID,
// signature checks) against the bare primitive on the same input:
// crypto/ed25519.Verify, ecdsa.VerifyASN1 over SHA-256, go-ethereum's
// crypto.Ecrecover.
func BenchmarkVerifySignature(b *testing.B) {
	ctx := context.Background()
	k := newTestKeys(b)
	_, m := artifact(b, testFiles)
	for _, key := range []*PrivateKey{k.ed, k.p256, k.eth} {
		env, err := Sign(ctx, m, key)
		if err != nil {
			b.Fatal(err)
		}
		opts := trust(key)
		pol, _ := opts.compile()
		s := env.Signatures[0]
		pae := PAE(env.PayloadType, env.Payload)
		library := func() {
			trials := maxKeyTrials
			if r := pol.verifyDSSE(0, s, PAE(env.PayloadType, env.Payload), &trials); r.Err != nil {
				b.Fatal(r.Err)
			}
		}
		var primitive func()
		switch key.Algorithm() {
		case Ed25519:
			primitive = func() {
				if !ed25519.Verify(key.ed.Public().(ed25519.PublicKey), pae, s.Sig) {
					b.Fatal("invalid")
				}
			}
		case P256:
			primitive = func() {
				h := sha256.Sum256(pae)
				if !ecdsa.VerifyASN1(&key.ec.PublicKey, h[:], s.Sig) {
					b.Fatal("invalid")
				}
			}
		case Secp256k1:
			// As for the other two, the primitive hashes the signed bytes
			// itself: keccak256 of the EIP-191 message, then Ecrecover.
			sig := append([]byte(nil), s.Sig...)
			sig[64] -= 27
			primitive = func() {
				hash := ethcrypto.Keccak256([]byte("\x19Ethereum Signed Message:\n"+strconv.Itoa(len(pae))), pae)
				if _, err := ethcrypto.Ecrecover(hash, sig); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Run("dsse-"+string(key.Algorithm()), func(b *testing.B) { benchRatio(b, primitive, library) })
	}

	// EIP-712: the library parses the typed data, hashes it and recovers
	// the signer; the primitive is Ecrecover on the precomputed digest.
	s712, err := SignEIP712(ctx, m, k.eth, DefaultDomain())
	if err != nil {
		b.Fatal(err)
	}
	hash, _ := s712.TypedData.Hash()
	sig, _ := decodeHex(s712.Signature)
	sig[64] -= 27
	b.Run("eip712-secp256k1", func(b *testing.B) {
		benchRatio(b, func() {
			if _, err := ethcrypto.Ecrecover(hash[:], sig); err != nil {
				b.Fatal(err)
			}
		}, func() {
			if addr, err := s712.Recover(); err != nil || addr != k.eth.Address() {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkVerifyLineage verifies a 10,000-manifest lineage (each a
// finetune of the previous, signed by one of three ed25519 keys) end to
// end: signatures, policy, the manifest in each statement decoded,
// validated and its CID recomputed, subjects compared. "parallel" is
// VerifyMany on all cores (each signature checked on its own: there is no
// batch verification); "sequential" is Verify in a loop on one goroutine,
// for comparison; "signatures-only-single" is crypto/ed25519 alone on both
// cores, the floor.
func BenchmarkVerifyLineage(b *testing.B) {
	ctx := context.Background()
	keys := []*PrivateKey{mustKey(b, Ed25519), mustKey(b, Ed25519), mustKey(b, Ed25519)}
	const n = 10_000
	bundles := make([]Bundle, 0, n)
	for i := range keys {
		part, _ := lineage(b, n/len(keys)+1, keys[i])
		bundles = append(bundles, part...)
	}
	bundles = bundles[:n]
	opts := trust(keys...)
	// cpu-s/lineage is the process's CPU time per lineage: on a shared
	// machine wall time also counts other processes, CPU time does not.
	b.Run("parallel", func(b *testing.B) {
		cpu0 := cpuTime()
		fastest := time.Duration(1 << 62)
		for b.Loop() {
			t0 := time.Now()
			if _, err := VerifyMany(ctx, bundles, opts); err != nil {
				b.Fatal(err)
			}
			fastest = min(fastest, time.Since(t0))
		}
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/lineage")
		b.ReportMetric(fastest.Seconds(), "fastest-s/lineage")
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/lineage")
	})
	// The signature part alone, on both cores: every envelope's PAE and
	// signature, checked one by one with crypto/ed25519.
	byID := map[string]ed25519.PublicKey{}
	for _, k := range keys {
		byID[k.ID()] = k.Public().ed
	}
	type item struct{ pub, msg, sig []byte }
	items := make([]item, len(bundles))
	for i, bu := range bundles {
		env := bu.Envelope
		items[i] = item{pub: byID[env.Signatures[0].KeyID], msg: PAE(env.PayloadType, env.Payload), sig: env.Signatures[0].Sig}
	}
	onBothCores := func(f func(part []item)) {
		var wg sync.WaitGroup
		for _, part := range [][]item{items[:n/2], items[n/2:]} {
			wg.Add(1)
			go func() { defer wg.Done(); f(part) }()
		}
		wg.Wait()
	}
	b.Run("signatures-only-single", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			onBothCores(func(part []item) {
				for _, it := range part {
					if !ed25519.Verify(it.pub, it.msg, it.sig) {
						panic("invalid")
					}
				}
			})
		}
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/lineage")
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/lineage")
	})
	b.Run("sequential", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			for _, bu := range bundles {
				if _, err := Verify(ctx, bu, opts); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/lineage")
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/lineage")
	})
}
