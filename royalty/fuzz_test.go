package royalty

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// fuzzGraph derives a small DAG from fuzz input: node i's parents have
// higher indexes, so node 0 is paid and there are no cycles.
func fuzzGraph(data []byte) []Node {
	seed := make([]byte, 16)
	copy(seed, data)
	r := rand.New(rand.NewPCG(binary.LittleEndian.Uint64(seed), binary.LittleEndian.Uint64(seed[8:])))
	n := 1
	if len(data) > 16 {
		n += int(data[16]) % 10
	}
	maxShare := []uint64{shareWhole, 40_000_000, 3_000_000, 17}[r.IntN(4)]
	return randomGraph(r, n, maxShare)
}

// FuzzSplitProperties checks, on fuzzed graphs and amounts: payouts sum
// exactly to the amount (conservation), do not depend on the order of
// nodes, edges, contributors or address case (order independence), and
// raising the share on an edge never lowers what a contributor of the
// parent (and only of the parent and its ancestors) is paid by more than
// the one unit that rounding may move (monotonicity; its weight, before
// rounding, never falls at all).
func FuzzSplitProperties(f *testing.F) {
	f.Add([]byte("seed-one-sixteen\x05"), uint64(1000), uint8(0), uint32(1_000_000))
	f.Add([]byte("another-seed-xyz\x09"), uint64(1), uint8(1), uint32(50_000_000))
	f.Add([]byte("0123456789abcdef\x03"), uint64(1<<63), uint8(2), uint32(1))
	f.Fuzz(func(t *testing.T, data []byte, amt uint64, pick uint8, raise uint32) {
		if amt == 0 {
			amt = 1
		}
		nodes := fuzzGraph(data)
		amount := new(big.Int).SetUint64(amt)
		amount.Mul(amount, big.NewInt(int64(pick)+1)) // reach past 64 bits
		for _, policy := range []Policy{Relative, Absolute} {
			s, err := splitOf(nodes, amount, policy)
			if err != nil {
				continue // e.g. an absolute stack over 100%: checked against the reference elsewhere
			}
			checkConservation(t, s)

			r := rand.New(rand.NewPCG(uint64(pick), amt))
			s2, err := splitOf(shuffled(r, nodes), amount, policy)
			if err != nil || fmt.Sprint(s.Payouts) != fmt.Sprint(s2.Payouts) {
				t.Fatalf("%s: order changed the result: %v\n%v\n%v", policy, err, s.Payouts, s2.Payouts)
			}

			checkMonotone(t, nodes, s, policy, int(pick), uint64(raise))
		}
	})
}

func checkMonotone(t *testing.T, nodes []Node, before *Split, policy Policy, pick int, raise uint64) {
	t.Helper()
	// Pick an edge child -> parent with room to raise.
	var child, edge int = -1, -1
	for k := range nodes {
		i := (pick + k) % len(nodes)
		if len(nodes[i].Parents) > 0 {
			child, edge = i, pick%len(nodes[i].Parents)
			break
		}
	}
	if child < 0 {
		return
	}
	var stack uint64
	for _, e := range nodes[child].Parents {
		stack += e.Share
	}
	raise = min(raise%(shareWhole+1), shareWhole-stack)
	if raise == 0 {
		return
	}
	after := make([]Node, len(nodes))
	copy(after, nodes)
	after[child].Parents = append([]Edge(nil), nodes[child].Parents...)
	after[child].Parents[edge].Share += raise
	parent := after[child].Parents[edge].Parent
	s, err := splitOf(after, before.Amount, policy)
	if err != nil {
		return // the raise pushed an absolute stack over 100%
	}
	// Recipients credited only at parent or its ancestors gain.
	up := map[string]bool{}
	var mark func(id string)
	mark = func(id string) {
		up[id] = true
		for _, n := range nodes {
			if n.ID == id {
				for _, e := range n.Parents {
					if policy == Relative { // under LAP an ancestor's part does not depend on the edge below it
						mark(e.Parent)
					}
				}
			}
		}
	}
	mark(parent)
	onlyUp := map[string]bool{}
	for _, n := range nodes {
		for _, c := range n.Contributors {
			id, _ := canonicalRecipient(c.ID)
			if _, ok := onlyUp[id]; !ok {
				onlyUp[id] = true
			}
			if !up[n.ID] && c.Share > 0 {
				onlyUp[id] = false
			}
		}
	}
	b, a := payoutMap(before), payoutMap(s)
	for id, ok := range onlyUp {
		if !ok {
			continue
		}
		if orZero(a[id]).Cmp(new(big.Int).Sub(orZero(b[id]), big.NewInt(1))) < 0 {
			t.Fatalf("%s: raising %s -> %s by %d lowered %s from %v to %v", policy, nodes[child].ID, parent, raise, id, b[id], a[id])
		}
		eb, _ := before.Explain(id)
		ea, _ := s.Explain(id)
		if eb != nil && ea != nil && weightOf(ea).Cmp(weightOf(eb)) < 0 {
			t.Fatalf("%s: raising %s -> %s lowered the weight of %s", policy, nodes[child].ID, parent, id)
		}
	}
}

func weightOf(e *Explanation) *big.Rat {
	sum := new(big.Rat)
	for _, c := range e.Credits {
		sum.Add(sum, c.Part)
	}
	return sum
}

// FuzzReadGraph feeds arbitrary JSON to ReadGraph: it must never panic, and
// a graph it accepts must split with conservation.
func FuzzReadGraph(f *testing.F) {
	f.Add([]byte(exampleGraphJSON))
	f.Add([]byte(`{"nodes":[{"id":"a","parents":[{"id":"a","share":1}]}]}`))
	f.Add([]byte(`{"nodes":[{"id":"a","policy":"absolute","contributors":[{"id":"0x1111111111111111111111111111111111111111","share":"100%"}]}]}`))
	f.Add([]byte(`{"nodes":[{"id":"a","parents":[{"id":"b","share":"50.5%"}],"contributors":[{"id":"ed25519:AAAA","share":100000000}]},{"id":"b","contributors":[{"id":"0x1111111111111111111111111111111111111111","share":100000000}]}]}`))
	f.Add([]byte(`{"nodes":[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ReadGraph(bytes.NewReader(data), Limits{MaxNodes: 1000, MaxEdges: 10000})
		if err != nil {
			if !strings.Contains(err.Error(), "") {
				t.Fatal("empty error")
			}
			return
		}
		for _, id := range g.ids {
			for _, p := range []Policy{Relative, Absolute} {
				s, err := g.Split(id, big.NewInt(1_000_003), SplitOptions{Policy: p})
				if err == nil {
					checkConservation(t, s)
				}
			}
		}
	})
}

// FuzzReadPayouts: arbitrary CSV never panics; what is accepted builds a
// Merkle tree and writes back to the same rows.
func FuzzReadPayouts(f *testing.F) {
	f.Add([]byte("0x1111111111111111111111111111111111111111,5000000000000000000\n0x2222222222222222222222222222222222222222,2500000000000000000\n"))
	f.Add([]byte("address,amount\n0x1111111111111111111111111111111111111111,0\n"))
	f.Add([]byte("0x1111111111111111111111111111111111111111,-1\n"))
	f.Add([]byte("\"0x1111111111111111111111111111111111111111\",\"1\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		payouts, err := ReadPayouts(bytes.NewReader(data), PayoutLimits{MaxRows: 1000})
		if err != nil {
			return
		}
		if _, err := NewMerkleTree(payouts); err != nil {
			t.Fatalf("accepted payouts do not build a tree: %v", err)
		}
		var buf bytes.Buffer
		if err := WritePayoutsCSV(&buf, payouts); err != nil {
			t.Fatal(err)
		}
		again, err := ReadPayouts(&buf, PayoutLimits{})
		if err != nil || fmt.Sprint(again) != fmt.Sprint(payouts) {
			t.Fatalf("round trip: %v\n%v\n%v", err, payouts, again)
		}
	})
}
