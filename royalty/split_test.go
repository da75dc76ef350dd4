package royalty

import (
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func addr(i int) string { return fmt.Sprintf("0x%040x", 0x1000+i) }

// The worked example of the package doc, checked against the path-by-path
// reference below.
func workedExample() []Node {
	return []Node{
		{ID: "app", Policy: Relative, Parents: []Edge{{"chat", 50_000_000}}, Contributors: []Contributor{{ID: addr(5), Share: shareWhole}}},
		{ID: "chat", Parents: []Edge{{"base", 10_000_000}, {"data", 20_000_000}}, Contributors: []Contributor{{ID: addr(4), Share: shareWhole}}},
		{ID: "base", Contributors: []Contributor{{ID: addr(1), Share: shareWhole}}},
		{ID: "data", Contributors: []Contributor{{ID: addr(2), Share: 60_000_000}, {ID: addr(3), Share: 40_000_000}}},
	}
}

// refSplit is an independent, deliberately naive implementation of the
// policies as their definitions state them: it enumerates every path from
// the paid node with exact rationals, then rounds by largest remainder with
// exact rationals. Only for small graphs.
func refSplit(nodes []Node, root string, amount *big.Int, policy Policy) (map[string]*big.Int, error) {
	byID := map[string]*Node{}
	for i := range nodes {
		byID[nodes[i].ID] = &nodes[i]
	}
	whole := big.NewRat(1, 1)
	share := func(s uint64) *big.Rat { return big.NewRat(int64(s), shareWhole) }
	received := map[string]*big.Rat{}
	add := func(id string, r *big.Rat) {
		if received[id] == nil {
			received[id] = new(big.Rat)
		}
		received[id].Add(received[id], r)
	}
	var walk func(id string, product *big.Rat)
	walk = func(id string, product *big.Rat) {
		for _, e := range byID[id].Parents {
			if policy == Relative {
				p := new(big.Rat).Mul(product, share(e.Share))
				add(e.Parent, p)
				walk(e.Parent, p)
			} else {
				add(e.Parent, share(e.Share)) // once per path ending with this edge
				walk(e.Parent, nil)
			}
		}
	}
	walk(root, whole)
	received[root] = whole
	kept := map[string]*big.Rat{}
	if policy == Relative {
		for id, r := range received {
			var stack uint64
			for _, e := range byID[id].Parents {
				stack += e.Share
			}
			kept[id] = new(big.Rat).Mul(r, share(shareWhole-stack))
		}
	} else {
		rest := new(big.Rat).Set(whole)
		for id, r := range received {
			if id != root {
				kept[id] = r
				rest.Sub(rest, r)
			}
		}
		if rest.Sign() < 0 {
			return nil, ErrStackOverflow
		}
		kept[root] = rest
	}
	weights := map[string]*big.Rat{}
	for id, k := range kept {
		if k.Sign() == 0 {
			continue
		}
		if len(byID[id].Contributors) == 0 {
			return nil, ErrNoPayee
		}
		for _, c := range byID[id].Contributors {
			rid, _ := canonicalRecipient(c.ID)
			if weights[rid] == nil {
				weights[rid] = new(big.Rat)
			}
			weights[rid].Add(weights[rid], new(big.Rat).Mul(k, share(c.Share)))
		}
	}
	type quota struct {
		id   string
		rem  *big.Rat
		paid *big.Int
	}
	var qs []quota
	left := new(big.Int).Set(amount)
	for id, w := range weights {
		q := new(big.Rat).Mul(w, new(big.Rat).SetInt(amount))
		fl := new(big.Int).Quo(q.Num(), q.Denom())
		qs = append(qs, quota{id, new(big.Rat).Sub(q, new(big.Rat).SetInt(fl)), fl})
		left.Sub(left, fl)
	}
	slices.SortFunc(qs, func(a, b quota) int {
		if c := b.rem.Cmp(a.rem); c != 0 {
			return c
		}
		return cmp.Compare(recipientKey(a.id), recipientKey(b.id))
	})
	out := map[string]*big.Int{}
	for i, q := range qs {
		if int64(i) < left.Int64() {
			q.paid.Add(q.paid, big.NewInt(1))
		}
		if q.paid.Sign() > 0 {
			out[q.id] = q.paid
		}
	}
	return out, nil
}

func payoutMap(s *Split) map[string]*big.Int {
	m := map[string]*big.Int{}
	for _, p := range s.Payouts {
		m[p.Recipient] = p.Amount
	}
	return m
}

func TestWorkedExample(t *testing.T) {
	g, err := NewGraph(workedExample(), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		policy Policy
		want   []int64 // addr(1) … addr(5), from refSplit and by hand
	}{
		{Relative, []int64{50, 60, 40, 350, 500}},
		{Absolute, []int64{100, 120, 80, 500, 200}},
	} {
		t.Run(string(tt.policy), func(t *testing.T) {
			s, err := g.Split("app", big.NewInt(1000), SplitOptions{Policy: tt.policy})
			if err != nil {
				t.Fatal(err)
			}
			ref, err := refSplit(workedExample(), "app", big.NewInt(1000), tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			got := payoutMap(s)
			for i, w := range tt.want {
				a, _ := canonicalRecipient(addr(i + 1))
				if got[a].Int64() != w || ref[a].Int64() != w {
					t.Errorf("%s: got %v, reference %v, want %d", a, got[a], ref[a], w)
				}
			}
		})
	}
}

// randomGraph builds a small random DAG: node i's parents have higher
// indexes, so node 0 can be paid. Recipients repeat across nodes.
func randomGraph(r *rand.Rand, n int, maxShare uint64) []Node {
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i].ID = fmt.Sprintf("n%d", i)
		var left uint64 = shareWhole
		for j := i + 1; j < n; j++ {
			if r.IntN(3) == 0 || left == 0 {
				continue
			}
			s := min(r.Uint64N(maxShare+1), left)
			if r.IntN(8) == 0 {
				s = 0
			}
			left -= s
			nodes[i].Parents = append(nodes[i].Parents, Edge{Parent: fmt.Sprintf("n%d", j), Share: s})
		}
		k := 1 + r.IntN(3)
		perm := r.Perm(8)
		left = shareWhole
		for c := range k {
			s := r.Uint64N(left + 1)
			if c == k-1 {
				s = left
			}
			left -= s
			nodes[i].Contributors = append(nodes[i].Contributors, Contributor{ID: addr(perm[c]), Share: s})
		}
	}
	return nodes
}

func TestSplitMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	amounts := []*big.Int{big.NewInt(1), big.NewInt(7), big.NewInt(1000), mustBig("1000000000000000000000"), mustBig("123456789012345678901234567")}
	for iter := range 300 {
		n := 1 + r.IntN(9)
		maxShare := []uint64{shareWhole, 30_000_000, 1_000}[r.IntN(3)]
		nodes := randomGraph(r, n, maxShare)
		g, err := NewGraph(nodes, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		amount := amounts[r.IntN(len(amounts))]
		for _, policy := range []Policy{Relative, Absolute} {
			ref, refErr := refSplit(nodes, "n0", amount, policy)
			s, err := g.Split("n0", amount, SplitOptions{Policy: policy})
			if refErr != nil || err != nil {
				if !errors.Is(err, refErr) {
					t.Fatalf("iter %d %s: err %v, reference err %v", iter, policy, err, refErr)
				}
				continue
			}
			checkConservation(t, s)
			got := payoutMap(s)
			for id, want := range ref {
				diff := new(big.Int).Sub(orZero(got[id]), want)
				if policy == Absolute && diff.Sign() != 0 || diff.CmpAbs(big.NewInt(1)) > 0 {
					t.Fatalf("iter %d %s amount %v: %s gets %v, reference %v", iter, policy, amount, id, got[id], want)
				}
			}
			for id := range got {
				if ref[id] == nil && got[id].Cmp(big.NewInt(1)) > 0 {
					t.Fatalf("iter %d %s: %s gets %v, reference nothing", iter, policy, id, got[id])
				}
			}
		}
	}
}

func orZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}

func checkConservation(t testing.TB, s *Split) {
	t.Helper()
	sum := new(big.Int)
	for i, p := range s.Payouts {
		if p.Amount.Sign() <= 0 {
			t.Fatalf("payout %d to %s is %v", i, p.Recipient, p.Amount)
		}
		if i > 0 && recipientKey(s.Payouts[i-1].Recipient) >= recipientKey(p.Recipient) {
			t.Fatalf("payouts out of order at %d", i)
		}
		sum.Add(sum, p.Amount)
	}
	if sum.Cmp(s.Amount) != 0 {
		t.Fatalf("payouts sum to %v, paid %v", sum, s.Amount)
	}
}

// Shares along a 40-deep chain multiply past any exact 128-bit fraction;
// the fixed-point result stays within a unit of the exact one.
func TestDeepChainPrecision(t *testing.T) {
	const depth = 40
	var nodes []Node
	for i := range depth {
		n := Node{ID: fmt.Sprintf("n%d", i), Contributors: []Contributor{{ID: addr(i), Share: shareWhole}}}
		if i+1 < depth {
			n.Parents = []Edge{{fmt.Sprintf("n%d", i+1), 99_999_999}}
		}
		nodes = append(nodes, n)
	}
	g, err := NewGraph(nodes, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	amount := mustBig("100000000000000000000000000") // 1e26
	s, err := g.Split("n0", amount, SplitOptions{Policy: Relative})
	if err != nil {
		t.Fatal(err)
	}
	checkConservation(t, s)
	ref, err := refSplit(nodes, "n0", amount, Relative)
	if err != nil {
		t.Fatal(err)
	}
	got := payoutMap(s)
	for id, want := range ref {
		if d := new(big.Int).Sub(orZero(got[id]), want); d.CmpAbs(big.NewInt(1)) > 0 {
			t.Errorf("%s: got %v, exact %v", id, got[id], want)
		}
	}
}

// A diamond-heavy graph has 2^60 paths; the split walks 120 edges.
func TestManyPathsLinear(t *testing.T) {
	const layers = 60
	var nodes []Node
	for i := range layers {
		id := func(i int, side string) string { return fmt.Sprintf("%d%s", i, side) }
		for _, side := range []string{"a", "b"} {
			n := Node{ID: id(i, side), Contributors: []Contributor{{ID: addr(2*i + len(side)), Share: shareWhole}}}
			if side == "b" {
				n.Contributors[0].ID = addr(2*i + 1)
			}
			if i+1 < layers {
				n.Parents = []Edge{{id(i+1, "a"), 0}, {id(i+1, "b"), 0}}
			}
			nodes = append(nodes, n)
		}
	}
	nodes = append(nodes, Node{ID: "paid", Parents: []Edge{{"0a", 1}}, Contributors: []Contributor{{ID: addr(999), Share: shareWhole}}})
	nodes[len(nodes)-3].Parents = nil
	g, err := NewGraph(nodes, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// Zero shares on the diamonds: absolute is fine however many paths.
	s, err := g.Split("paid", big.NewInt(100_000_000), SplitOptions{Policy: Absolute})
	if err != nil {
		t.Fatal(err)
	}
	checkConservation(t, s)
	if got := payoutMap(s)[s.Payouts[0].Recipient]; got.Int64() != 1 {
		t.Errorf("first ancestor gets %v, want 1", got)
	}
	f, err := s.Flow("59a")
	if err != nil {
		t.Fatal(err)
	}
	if f.Paths != 1<<58 || len(f.Inflows) != 2 {
		t.Errorf("flow of 59a: paths %d, want 2^58; inflows %d, want 2", f.Paths, len(f.Inflows))
	}
}

func TestOrderIndependence(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for iter := range 100 {
		nodes := randomGraph(r, 2+r.IntN(12), 20_000_000)
		amount := big.NewInt(r.Int64N(1e12) + 1)
		for _, policy := range []Policy{Relative, Absolute} {
			a, errA := splitOf(nodes, amount, policy)
			b, errB := splitOf(shuffled(r, nodes), amount, policy)
			if (errA == nil) != (errB == nil) {
				t.Fatalf("iter %d: errors differ: %v / %v", iter, errA, errB)
			}
			if errA == nil && fmt.Sprint(a.Payouts) != fmt.Sprint(b.Payouts) {
				t.Fatalf("iter %d %s: payouts depend on order:\n%v\n%v", iter, policy, a.Payouts, b.Payouts)
			}
		}
	}
}

func splitOf(nodes []Node, amount *big.Int, policy Policy) (*Split, error) {
	g, err := NewGraph(nodes, Limits{})
	if err != nil {
		return nil, err
	}
	return g.Split("n0", amount, SplitOptions{Policy: policy})
}

func shuffled(r *rand.Rand, nodes []Node) []Node {
	out := make([]Node, len(nodes))
	for i, j := range r.Perm(len(nodes)) {
		n := nodes[j]
		n.Parents = slices.Clone(n.Parents)
		n.Contributors = slices.Clone(n.Contributors)
		r.Shuffle(len(n.Parents), func(a, b int) { n.Parents[a], n.Parents[b] = n.Parents[b], n.Parents[a] })
		r.Shuffle(len(n.Contributors), func(a, b int) { n.Contributors[a], n.Contributors[b] = n.Contributors[b], n.Contributors[a] })
		for k := range n.Contributors {
			if r.IntN(2) == 0 {
				n.Contributors[k].ID = strings.ToUpper(n.Contributors[k].ID[:2]) + strings.ToUpper(n.Contributors[k].ID[2:])
				n.Contributors[k].ID = "0x" + n.Contributors[k].ID[2:]
			}
		}
		out[i] = n
	}
	return out
}

func TestMinPayout(t *testing.T) {
	g, err := NewGraph(workedExample(), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	dust := addr(77)
	s, err := g.Split("app", big.NewInt(1000), SplitOptions{MinPayout: big.NewInt(55), DustRecipient: dust})
	if err != nil {
		t.Fatal(err)
	}
	checkConservation(t, s)
	got := payoutMap(s)
	// addr(1) (50) and addr(3) (40) are below 55: 90 rolls to dust.
	d, _ := canonicalRecipient(dust)
	if got[d].Int64() != 90 || s.Dust.Int64() != 90 || len(got) != 4 {
		t.Fatalf("payouts %v, dust %v", s.Payouts, s.Dust)
	}
	e, err := s.Explain(addr(1))
	if err != nil {
		t.Fatal(err)
	}
	if e.Amount.Sign() != 0 || e.RolledToDust.Int64() != 50 {
		t.Errorf("explain rolled recipient: amount %v, rolled %v", e.Amount, e.RolledToDust)
	}
	e, err = s.Explain(dust)
	if err != nil || e.DustReceived.Int64() != 90 {
		t.Errorf("explain dust recipient: %+v, %v", e, err)
	}
	// The dust recipient can be a contributor too, and is exempt.
	s, err = g.Split("app", big.NewInt(1000), SplitOptions{MinPayout: big.NewInt(55), DustRecipient: addr(3)})
	if err != nil {
		t.Fatal(err)
	}
	a3, _ := canonicalRecipient(addr(3))
	if got := payoutMap(s)[a3]; got.Int64() != 90 {
		t.Errorf("dust recipient that is a contributor gets %v, want 40 + 50", got)
	}
}

func TestExplain(t *testing.T) {
	g, err := NewGraph(workedExample(), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, policy := range []Policy{Relative, Absolute} {
		s, err := g.Split("app", big.NewInt(1000), SplitOptions{Policy: policy})
		if err != nil {
			t.Fatal(err)
		}
		e, err := s.Explain(addr(2)) // 60% of data, which receives 20% via chat
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Credits) != 1 || e.Credits[0].Node != "data" || len(e.Credits[0].Inflows) != 1 {
			t.Fatalf("%s: credits %+v", policy, e.Credits)
		}
		c := e.Credits[0]
		in := c.Inflows[0]
		wantReceived := map[Policy]*big.Rat{Relative: big.NewRat(1, 10), Absolute: big.NewRat(1, 5)}[policy]
		if in.Child != "chat" || in.Share != 20_000_000 || !near(in.Amount, wantReceived) || !near(c.Received, wantReceived) {
			t.Errorf("%s: inflow %+v, received %v", policy, in, c.Received)
		}
		wantPart := new(big.Rat).Mul(wantReceived, big.NewRat(3, 5))
		if !near(c.Part, wantPart) || !near(e.Fraction, wantPart) {
			t.Errorf("%s: part %v, fraction %v, want %v", policy, c.Part, e.Fraction, wantPart)
		}
		if _, err := s.Explain(addr(99)); !errors.Is(err, ErrInvalid) {
			t.Errorf("explaining a stranger: %v", err)
		}
	}
	if got := FormatFraction(big.NewRat(1, 3), 4); got != "33.3333%" {
		t.Errorf("FormatFraction(1/3) = %s", got)
	}
	if got := FormatFraction(big.NewRat(1, 8), 4); got != "12.5%" {
		t.Errorf("FormatFraction(1/8) = %s", got)
	}
}

func TestGraphErrors(t *testing.T) {
	c := []Contributor{{ID: addr(1), Share: shareWhole}}
	tests := []struct {
		name  string
		nodes []Node
		limit Limits
		want  error
		msg   string
	}{
		{"cycle", []Node{
			{ID: "a", Parents: []Edge{{"b", 1}}, Contributors: c},
			{ID: "b", Parents: []Edge{{"c", 1}}, Contributors: c},
			{ID: "c", Parents: []Edge{{"a", 1}}, Contributors: c},
			{ID: "d", Parents: []Edge{{"a", 1}}, Contributors: c},
		}, Limits{}, ErrCycle, "cycle in graph: "},
		{"self loop", []Node{{ID: "a", Parents: []Edge{{"a", 1}}, Contributors: c}}, Limits{}, ErrCycle, "a -> a"},
		{"missing parent", []Node{{ID: "a", Parents: []Edge{{"zz", 1}}, Contributors: c}}, Limits{}, ErrMissingParent, `node a: parents[0]: missing parent: "zz"`},
		{"stack", []Node{{ID: "a", Parents: []Edge{{"b", 60_000_000}, {"c", 50_000_000}}, Contributors: c}, {ID: "b"}, {ID: "c"}}, Limits{}, ErrStackOverflow, "110%"},
		{"edge over 100%", []Node{{ID: "a", Parents: []Edge{{"b", shareWhole + 1}}}, {ID: "b"}}, Limits{}, ErrStackOverflow, "parents[0].share"},
		{"duplicate node", []Node{{ID: "a"}, {ID: "a"}}, Limits{}, ErrInvalid, "appears twice"},
		{"empty id", []Node{{ID: ""}}, Limits{}, ErrInvalid, "#0"},
		{"duplicate parent", []Node{{ID: "a", Parents: []Edge{{"b", 1}, {"b", 2}}}, {ID: "b"}}, Limits{}, ErrInvalid, `parent "b" appears twice`},
		{"duplicate contributor, other case", []Node{{ID: "a", Contributors: []Contributor{{ID: addr(10), Share: 1}, {ID: "0x" + strings.ToUpper(addr(10)[2:]), Share: shareWhole - 1}}}}, Limits{}, ErrDuplicateRecipient, "appears twice"},
		{"contributors under 100%", []Node{{ID: "a", Contributors: []Contributor{{ID: addr(1), Share: 99_000_000}}}}, Limits{}, ErrInvalid, "sum to 99%"},
		{"bad address", []Node{{ID: "a", Contributors: []Contributor{{ID: "0x12", Share: shareWhole}}}}, Limits{}, ErrNotAddress, "contributors[0].id"},
		{"bad recipient", []Node{{ID: "a", Contributors: []Contributor{{ID: "alice", Share: shareWhole}}}}, Limits{}, ErrInvalid, "scheme:value"},
		// The first node with a problem decides; within a node, a bad ID
		// comes before a repeat, and a repeat before a wrong sum.
		{"repeat before a later bad ID", []Node{
			{ID: "a", Contributors: []Contributor{{ID: addr(1), Share: 1}, {ID: addr(1), Share: shareWhole - 1}}},
			{ID: "b", Contributors: []Contributor{{ID: "0x12", Share: shareWhole}}}}, Limits{}, ErrDuplicateRecipient, "node a: contributors:"},
		{"bad ID before a later repeat", []Node{
			{ID: "a", Contributors: []Contributor{{ID: "0x12", Share: shareWhole}}},
			{ID: "b", Contributors: []Contributor{{ID: addr(1), Share: 1}, {ID: addr(1), Share: shareWhole - 1}}}}, Limits{}, ErrNotAddress, "node a: contributors[0].id"},
		{"bad ID before a repeat in its node", []Node{
			{ID: "a", Contributors: []Contributor{{ID: addr(1), Share: 1}, {ID: addr(1), Share: 1}, {ID: "0x12", Share: 1}}}}, Limits{}, ErrNotAddress, "node a: contributors[2].id"},
		{"repeat before a wrong sum in its node", []Node{
			{ID: "a", Contributors: []Contributor{{ID: "did:x", Share: 1}, {ID: "did:x", Share: 1}}}}, Limits{}, ErrDuplicateRecipient, "did:x appears twice"},
		{"unknown policy", []Node{{ID: "a", Policy: "lol"}}, Limits{}, ErrInvalid, "unknown policy"},
		{"too many nodes", []Node{{ID: "a"}, {ID: "b"}}, Limits{MaxNodes: 1}, ErrLimit, "2 nodes"},
		{"too many edges", []Node{{ID: "a", Parents: []Edge{{"b", 1}}}, {ID: "b", Parents: []Edge{{"c", 1}}}, {ID: "c"}}, Limits{MaxEdges: 1}, ErrLimit, "edges"},
		{"too many parents", []Node{{ID: "a", Parents: []Edge{{"b", 1}, {"c", 1}}}, {ID: "b"}, {ID: "c"}}, Limits{MaxParents: 1}, ErrLimit, "parents"},
		{"long id", []Node{{ID: strings.Repeat("x", 20)}}, Limits{MaxIDLength: 10}, ErrLimit, "20 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewGraph(tt.nodes, tt.limit)
			if !errors.Is(err, tt.want) || !strings.Contains(fmt.Sprint(err), tt.msg) {
				t.Fatalf("err = %v, want %v containing %q", err, tt.want, tt.msg)
			}
		})
	}
	var ce *CycleError
	_, err := NewGraph(tests[0].nodes, Limits{})
	if !errors.As(err, &ce) || len(ce.Nodes) != 4 || ce.Nodes[0] != ce.Nodes[3] {
		t.Fatalf("cycle error %v: want a 3-node cycle named", err)
	}
}

func TestSplitErrors(t *testing.T) {
	c := []Contributor{{ID: addr(1), Share: shareWhole}}
	diamond := []Node{
		{ID: "d", Policy: Absolute, Parents: []Edge{{"b", 10_000_000}, {"c", 10_000_000}}, Contributors: c},
		{ID: "b", Parents: []Edge{{"a", 50_000_000}}, Contributors: c},
		{ID: "c", Parents: []Edge{{"a", 50_000_000}}, Contributors: c},
		{ID: "a", Contributors: c},
		{ID: "orphan", Parents: []Edge{{"nobody", 10}}, Contributors: c},
		{ID: "nobody"},
		{ID: "nopolicy", Contributors: c},
		{ID: "nopolicyup", Parents: []Edge{{"a", 10_000_000}}, Contributors: c},
	}
	g, err := NewGraph(diamond, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		artifact string
		amount   *big.Int
		opts     SplitOptions
		want     error
		msg      string
	}{
		{"absolute stack over 100%", "d", big.NewInt(100), SplitOptions{}, ErrStackOverflow, "passing 100% at the edge c -> a"},
		{"zero amount", "d", big.NewInt(0), SplitOptions{Policy: Relative}, ErrInvalid, "positive"},
		{"negative amount", "d", big.NewInt(-5), SplitOptions{Policy: Relative}, ErrInvalid, "positive"},
		{"nil amount", "d", nil, SplitOptions{Policy: Relative}, ErrInvalid, "positive"},
		{"over uint256", "d", new(big.Int).Lsh(big.NewInt(1), 256), SplitOptions{Policy: Relative}, ErrLimit, "uint256"},
		{"unknown artifact", "zz", big.NewInt(1), SplitOptions{}, ErrInvalid, "not in the graph"},
		{"no policy, shares upstream", "nopolicyup", big.NewInt(1), SplitOptions{}, ErrNoPolicy, "passes shares to its parents"},
		{"bad policy", "d", big.NewInt(1), SplitOptions{Policy: "x"}, ErrInvalid, "unknown policy"},
		{"no payee", "orphan", big.NewInt(1), SplitOptions{Policy: Relative}, ErrNoPayee, "node nobody"},
		{"min without dust", "d", big.NewInt(100), SplitOptions{Policy: Relative, MinPayout: big.NewInt(1)}, ErrInvalid, "dust recipient"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := g.Split(tt.artifact, tt.amount, tt.opts)
			if s != nil || !errors.Is(err, tt.want) || !strings.Contains(fmt.Sprint(err), tt.msg) {
				t.Fatalf("split %v, err = %v, want %v containing %q", s, err, tt.want, tt.msg)
			}
		})
	}
	// A node with no policy and nothing passed upstream needs none: both
	// policies give its contributors everything.
	s0, err := g.Split("nopolicy", big.NewInt(100), SplitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s0.Payouts) != 1 || s0.Payouts[0].Amount.Int64() != 100 {
		t.Errorf("nopolicy payouts %v, want all 100 to its contributor", s0.Payouts)
	}
	// The same diamond splits under the relative policy: a gets 10%.
	s, err := g.Split("d", big.NewInt(100), SplitOptions{Policy: Relative})
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := s.Flow("a"); !near(f.Received, big.NewRat(1, 10)) {
		t.Errorf("a receives %v, want 1/10", f.Received)
	}
}

// near reports whether two fractions differ by less than 2^-120: the
// fixed-point fractions of the relative policy are exact to 2^-127 per edge.
func near(a, b *big.Rat) bool {
	d := new(big.Rat).Sub(a, b)
	d.Abs(d)
	return d.Cmp(new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), 120))) < 0
}

// Large enough for NewGraph and NewMerkleTree to work in parallel (run
// under -race); the error reported is the first bad node's, as in a
// sequential pass.
func TestParallelBuild(t *testing.T) {
	nodes := benchGraph(20_000, Relative)
	g, err := NewGraph(nodes, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := g.Split("n0", mustBig("1000000000000000000"), SplitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkConservation(t, s)
	if _, err := NewMerkleTree(s.Payouts); err != nil {
		t.Fatal(err)
	}
	nodes[15_000].Parents = append(nodes[15_000].Parents, Edge{Parent: "ghost-b"})
	nodes[12_000].Parents = append(nodes[12_000].Parents, Edge{Parent: "ghost-a"})
	if _, err := NewGraph(nodes, Limits{}); !errors.Is(err, ErrMissingParent) || !strings.Contains(err.Error(), "node n12000") {
		t.Fatalf("err = %v, want the missing parent of n12000", err)
	}
}

func TestIndexAndFraction(t *testing.T) {
	g, err := NewGraph(workedExample(), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// addr(77) is not in the graph: it receives only the rolled-up dust.
	s, err := g.Split("app", big.NewInt(1000), SplitOptions{MinPayout: big.NewInt(55), DustRecipient: addr(77)})
	if err != nil {
		t.Fatal(err)
	}
	sum := new(big.Rat)
	for i, p := range s.Payouts {
		a, err := ParseAddress(p.Recipient)
		if err != nil {
			t.Fatal(err)
		}
		lower := "0x" + hex.EncodeToString(a[:])
		upper := "0x" + strings.ToUpper(lower[2:])
		for _, id := range []string{p.Recipient, lower, upper} {
			if got := s.Index(id); got != i {
				t.Errorf("Index(%s) = %d, want %d", id, got, i)
			}
		}
		want := new(big.Rat).SetFrac(p.Amount, big.NewInt(1000))
		if got := s.Fraction(i); got.Cmp(want) != 0 {
			t.Errorf("Fraction(%d) = %v, want %v", i, got, want)
		}
		sum.Add(sum, s.Fraction(i))
	}
	if sum.Cmp(big.NewRat(1, 1)) != 0 {
		t.Errorf("fractions sum to %v, want 1", sum)
	}
	for _, id := range []string{
		addr(1), // rolled into dust: paid nothing
		addr(99),
		"not an address",
	} {
		if got := s.Index(id); got != -1 {
			t.Errorf("Index(%q) = %d, want -1", id, got)
		}
	}
}

// TestPayoutOrderMixedIDs: payouts are ordered by recipient key, addresses
// by value, with other IDs below "0x" before them and the rest after.
func TestPayoutOrderMixedIDs(t *testing.T) {
	ids := []string{"ed25519:z", addr(2), "0:zero", "!x:1", "0X" + strings.ToUpper(addr(1)[2:]), "did:a"}
	var cs []Contributor
	for i, id := range ids {
		cs = append(cs, Contributor{ID: id, Share: uint64(10_000_000 + 100*i)})
	}
	cs[0].Share += shareWhole - 60_001_500
	g, err := NewGraph([]Node{{ID: "n", Contributors: cs}}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := g.Split("n", big.NewInt(1_000_000), SplitOptions{Policy: Relative})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range s.Payouts {
		got = append(got, p.Recipient)
	}
	a1, _ := canonicalRecipient(addr(1))
	a2, _ := canonicalRecipient(addr(2))
	want := []string{"!x:1", "0:zero", a1, a2, "did:a", "ed25519:z"}
	if !slices.Equal(got, want) {
		t.Fatalf("payout order %q, want %q", got, want)
	}
	for i, id := range ids {
		if k := s.Index(id); k < 0 || s.Payouts[k].Amount.Cmp(new(big.Int).SetUint64(cs[i].Share/100)) != 0 {
			t.Errorf("Index(%s) = %d", id, k)
		}
		if _, err := s.Explain(id); err != nil {
			t.Errorf("Explain(%s): %v", id, err)
		}
	}
}
