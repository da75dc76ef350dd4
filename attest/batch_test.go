package attest

import (
	"crypto/ed25519"
	"fmt"
	"testing"
)

func batchItems(t testing.TB, n, keys int) []ed25519Item {
	t.Helper()
	privs := make([]ed25519.PrivateKey, keys)
	for i := range privs {
		_, privs[i], _ = ed25519.GenerateKey(nil)
	}
	items := make([]ed25519Item, n)
	for i := range items {
		k := privs[i%keys]
		msg := PAE(PayloadTypeInToto, []byte(fmt.Sprintf(`{"n":%d}`, i)))
		items[i] = ed25519Item{pub: k.Public().(ed25519.PublicKey), msg: msg, sig: ed25519.Sign(k, msg)}
		if i%2 == 1 { // signed message = prefix‖msg, split anywhere
			cut := i % len(msg)
			items[i].prefix, items[i].msg = msg[:cut:cut], msg[cut:]
		}
	}
	return items
}

// TestEd25519Batch: a batch of valid signatures passes; changing any one
// message, signature byte or key makes it fail, as crypto/ed25519 does for
// that signature alone.
func TestEd25519Batch(t *testing.T) {
	for _, tc := range []struct{ n, keys int }{{1, 1}, {2, 1}, {17, 3}, {64, 64}} {
		items := batchItems(t, tc.n, tc.keys)
		if !verifyEd25519Batch(items, nil) {
			t.Fatalf("n=%d keys=%d: valid batch rejected", tc.n, tc.keys)
		}
		for _, mutate := range []struct {
			name string
			f    func(it *ed25519Item)
		}{
			{"message", func(it *ed25519Item) { it.msg = append([]byte{}, it.msg...); it.msg[len(it.msg)-2] ^= 1 }},
			{"R", func(it *ed25519Item) { it.sig = append([]byte{}, it.sig...); it.sig[3] ^= 1 }},
			{"S", func(it *ed25519Item) { it.sig = append([]byte{}, it.sig...); it.sig[40] ^= 1 }},
			{"S not canonical", func(it *ed25519Item) { it.sig = append([]byte{}, it.sig...); it.sig[63] |= 0xf0 }},
			{"key", func(it *ed25519Item) { pub, _, _ := ed25519.GenerateKey(nil); it.pub = pub }},
		} {
			for _, victim := range []int{0, tc.n - 1} {
				bad := append([]ed25519Item(nil), items...)
				mutate.f(&bad[victim])
				whole := append(bad[victim].prefix[:len(bad[victim].prefix):len(bad[victim].prefix)], bad[victim].msg...)
				if ed25519.Verify(bad[victim].pub, whole, bad[victim].sig) {
					continue // the mutation happened to keep it valid
				}
				if verifyEd25519Batch(bad, nil) {
					t.Errorf("n=%d keys=%d: batch accepted a changed %s in item %d", tc.n, tc.keys, mutate.name, victim)
				}
			}
		}
	}
}
