package royalty

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"sync"
)

// SplitOptions tune Graph.Split. The zero value splits under the paid
// node's recorded policy with no minimum payout.
type SplitOptions struct {
	// Policy overrides the policy recorded on the paid node.
	Policy Policy
	// MinPayout, if positive, is the smallest amount worth paying out:
	// smaller payouts are rolled into DustRecipient's.
	MinPayout *big.Int
	// DustRecipient receives the rolled-up small payouts; required when
	// MinPayout is positive. It is never itself subject to MinPayout.
	DustRecipient string
}

// Payout is an amount owed to one recipient.
type Payout struct {
	// Recipient is the canonical ID: EIP-55 (mixed case) for addresses, so
	// compare it with contributor IDs through Split.Index or ParseAddress,
	// not as strings.
	Recipient string
	Amount    *big.Int // in the payment's smallest unit (wei, …)
}

// maxAmount is the largest amount Split accepts: 2^256 − 1, the largest
// uint256, so that every payout fits in a Merkle leaf or a token transfer.
var maxAmount = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// A Split is the result of Graph.Split: who gets how much of one payment,
// with what is needed to explain it.
type Split struct {
	Artifact string   // the paid node
	Policy   Policy   // the policy applied
	Amount   *big.Int // the amount paid
	// Payouts are the non-zero payouts, ordered by recipient: bytewise by
	// the lower-case form, which puts addresses in numeric order (other
	// IDs sort before them if below "0x", as "0:…" is, else after). They
	// sum exactly to Amount.
	// Their amounts belong to the Split: copy before modifying.
	Payouts []Payout
	// Dust is the total of small payouts rolled into the dust recipient.
	Dust *big.Int

	g      *Graph
	root   int32
	seen   []bool             // nodes reached from the paid node
	frac   []fixed            // relative: fraction of the payment reaching each node
	paths  []uint64           // absolute: number of paths from the paid node (saturating)
	lap    []uint64           // absolute: share of the payment owed to each ancestor
	stack  uint64             // absolute: sum of lap over ancestors
	weight []wide             // per recipient index
	total  wide               // sum of weight
	amount []big.Int          // per recipient index, final
	rolled map[int32]*big.Int // recipient index → payout rolled into dust
	dustTo int32              // recipient index of the dust recipient, or -1
	extra  []string           // a dust recipient not otherwise in the graph

	// Built once, for Explain and Flow.
	indexOnce sync.Once
	childIdx  []int32 // reached children of each node, compressed rows
	childAt   []int32
	childSh   []uint32
	creditAt  []int32 // contributions (index into contrib*) of each recipient at reached nodes, compressed rows
	creditIdx []int32
	creditOf  []int32 // the node of each entry of creditIdx

	payoutOnce sync.Once
	payoutAt   map[string]int // canonical recipient → index in Payouts
}

// pathsSaturated marks a path count too large to matter: under the absolute
// policy any positive share on an edge from such a node is over 100%.
const pathsSaturated = 1 << 62

// Split divides amount, paid to the node artifact, among the contributors
// of that node and of its ancestors.
//
// Each node reached from artifact receives a fraction of the payment,
// passes part of it to its parents (per the policy) and keeps the rest,
// which its contributors divide by their shares:
//
//   - Relative (LRP): the paid node receives 100%; a node passes
//     received × share to each parent edge and keeps received × (100% −
//     its parents' shares). An ancestor thus receives the product of the
//     shares along each path from the paid node, summed over paths.
//   - Absolute (LAP): an ancestor receives and keeps the sum, over every
//     path from the paid node, of the share on the last edge of the path
//     (paths(child) × share, summed over its child edges); the paid node
//     keeps 100% minus the sum over all its ancestors, which must not
//     exceed 100% (ErrStackOverflow).
//
// One policy applies to the whole graph — SplitOptions.Policy, or else the
// paid node's — as in Story Protocol, where a payment follows the terms of
// the license it was made under; ancestors' own recorded policies are not
// consulted. Both walk each edge once, in topological order: the time is
// linear in the edges reached, however many paths there are.
//
// Fractions under the absolute policy are exact integers in provenance.ShareWhole
// units. Under the relative policy they are 128-bit fixed point with 127
// fractional bits: each recipient's weight is at most E × 2^-127 of the payment
// below the exact rational one, for E edges reached.
//
// Rounding happens once: recipient i with weight w_i out of W = Σ w gets
// floor(amount × w_i / W), and the units left over (fewer than the number
// of recipients) go one each to the largest remainders, ties to the lower
// recipient (addresses by numeric value). The payouts therefore sum to
// amount exactly and depend only on the graph's content, never on the order
// of nodes, edges or contributors. Against the exact rational allocation,
// a payout differs by less than 1 + 2 × amount × E × 2^-127 units: for
// amounts below 2^90 and fewer than 2^32 edges, at most one unit.
//
// A node that keeps a non-zero part but has no contributors is an error
// (ErrNoPayee); on any error no payout is returned.
//
// artifact is a node ID; for a graph from ManifestNodes, the manifest
// CID's String().
func (g *Graph) Split(artifact string, amount *big.Int, opts SplitOptions) (*Split, error) {
	root, ok := g.index[artifact]
	if !ok {
		return nil, fmt.Errorf("%w: artifact %q is not in the graph", ErrInvalid, artifact)
	}
	if amount == nil || amount.Sign() <= 0 {
		return nil, fmt.Errorf("%w: amount must be positive, got %v", ErrInvalid, amount)
	}
	if amount.Cmp(maxAmount) > 0 {
		return nil, fmt.Errorf("%w: amount %v does not fit in a uint256", ErrLimit, amount)
	}
	policy := opts.Policy
	if policy == "" {
		policy = g.policy[root]
	}
	if policy == "" && g.stack[root] == 0 {
		// Nothing flows upstream from the paid node: both policies give
		// its contributors the whole amount, so neither needs choosing.
		policy = Absolute
	}
	if policy != Absolute && policy != Relative {
		if policy == "" {
			return nil, fmt.Errorf("%w: node %s records none and passes shares to its parents, where the policies differ; choose %q or %q",
				ErrNoPolicy, artifact, Absolute, Relative)
		}
		return nil, fmt.Errorf("%w: unknown policy %q, want %q or %q", ErrInvalid, policy, Absolute, Relative)
	}
	s := &Split{
		Artifact: artifact,
		Policy:   policy,
		Amount:   new(big.Int).Set(amount),
		Dust:     new(big.Int),
		g:        g,
		root:     root,
		seen:     make([]bool, len(g.ids)),
		weight:   make([]wide, len(g.recipients)),
		dustTo:   -1,
	}
	var err error
	if policy == Relative {
		err = s.propagateRelative()
	} else {
		err = s.propagateAbsolute()
	}
	if err != nil {
		return nil, err
	}
	if err := s.allocate(opts); err != nil {
		return nil, err
	}
	return s, nil
}

// reached yields the nodes reached from the paid node, children before
// parents. Nodes are marked reached (seen) as their children are visited.
func (s *Split) reached(yield func(int32) bool) {
	g := s.g
	for _, v := range g.topo[g.pos[s.root]:] {
		if s.seen[v] && !yield(v) {
			return
		}
	}
}

func (s *Split) propagateRelative() error {
	g := s.g
	s.frac = make([]fixed, len(g.ids))
	s.frac[s.root] = fixedOne
	s.seen[s.root] = true
	for v := range s.reached {
		fv := s.frac[v]
		for e := g.parentStart[v]; e < g.parentStart[v+1]; e++ {
			p := g.parentIdx[e]
			s.seen[p] = true
			s.frac[p] = s.frac[p].add(fv.mulShare(g.parentShare[e]))
		}
		kept := fv.mulWide(uint64(shareWhole - g.stack[v]))
		if err := s.credit(v, kept); err != nil {
			return err
		}
	}
	return nil
}

func (s *Split) propagateAbsolute() error {
	g := s.g
	s.paths = make([]uint64, len(g.ids))
	s.lap = make([]uint64, len(g.ids))
	s.paths[s.root] = 1
	s.seen[s.root] = true
	for v := range s.reached {
		pv := s.paths[v]
		for e := g.parentStart[v]; e < g.parentStart[v+1]; e++ {
			p := g.parentIdx[e]
			s.seen[p] = true
			s.paths[p] = min(s.paths[p]+pv, pathsSaturated)
			share := uint64(g.parentShare[e])
			if share == 0 {
				continue
			}
			if pv > (shareWhole-s.stack)/share {
				return &GraphError{Node: s.Artifact, Err: fmt.Errorf(
					"%w: under the absolute policy its ancestors would take more than 100%%, passing 100%% at the edge %s -> %s (%s share × %s path(s) to %s)",
					ErrStackOverflow, g.ids[v], g.ids[p], formatShare(share), pathCountString(pv), g.ids[v])}
			}
			s.lap[p] += pv * share
			s.stack += pv * share
		}
	}
	// Every ancestor keeps what it receives; the paid node keeps the rest.
	for v := range s.reached {
		kept := s.lap[v]
		if v == s.root {
			kept = shareWhole - s.stack
		}
		if err := s.credit(v, wide{0, 0, kept}); err != nil {
			return err
		}
	}
	return nil
}

func pathCountString(n uint64) string {
	if n >= pathsSaturated {
		return "more than 2^62"
	}
	return fmt.Sprint(n)
}

// credit adds a node's kept part to its contributors' weights.
func (s *Split) credit(v int32, kept wide) error {
	if kept.isZero() {
		return nil
	}
	g := s.g
	lo, hi := g.contribStart[v], g.contribStart[v+1]
	if lo == hi {
		return &GraphError{Node: g.ids[v], Field: "contributors", Err: fmt.Errorf("%w: the node keeps part of the payment but has no contributors", ErrNoPayee)}
	}
	for c := lo; c < hi; c++ {
		r := g.contribRecipient[c]
		s.weight[r] = s.weight[r].add(kept.mul(uint64(g.contribShare[c])))
	}
	return nil
}

// allocate rounds weights to amounts (largest remainder) and applies the
// minimum payout.
func (s *Split) allocate(opts SplitOptions) error {
	g := s.g
	for _, w := range s.weight {
		s.total = s.total.add(w)
	}
	if s.total.isZero() {
		return fmt.Errorf("%w: nothing of the payment reaches a contributor", ErrNoPayee)
	}
	total := s.total.setBig(new(big.Int))
	s.amount = make([]big.Int, len(g.recipients), len(g.recipients)+1)
	rem := make([]wide, len(g.recipients))
	var candidates []int32
	var num, r, w big.Int
	left := new(big.Int).Set(s.Amount)
	for i, wi := range s.weight {
		if wi.isZero() {
			continue
		}
		num.Mul(s.Amount, wi.setBig(&w))
		s.amount[i].QuoRem(&num, total, &r)
		left.Sub(left, &s.amount[i])
		if r.Sign() != 0 {
			rem[i] = wideFromBig(&r)
			candidates = append(candidates, int32(i))
		}
	}
	// left < len(candidates): Σ floor(amount × w_i / W) > amount − #remainders.
	if left.Sign() > 0 {
		slices.SortFunc(candidates, func(a, b int32) int {
			if c := rem[b].cmp(rem[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		for _, i := range candidates[:left.Int64()] {
			s.amount[i].Add(&s.amount[i], big.NewInt(1))
		}
	}

	if opts.MinPayout != nil && opts.MinPayout.Sign() > 0 {
		if err := s.rollDust(opts); err != nil {
			return err
		}
	}

	s.Payouts = make([]Payout, 0, len(candidates))
	for i := range g.recipients {
		if s.amount[i].Sign() > 0 {
			s.Payouts = append(s.Payouts, Payout{Recipient: g.recipients[i], Amount: &s.amount[i]})
		}
	}
	if s.dustTo >= int32(len(g.recipients)) && s.amount[s.dustTo].Sign() > 0 {
		// A dust recipient from outside the graph: insert in order.
		p := Payout{Recipient: s.extra[0], Amount: &s.amount[s.dustTo]}
		key := recipientKey(p.Recipient)
		at, _ := slices.BinarySearchFunc(s.Payouts, key, func(q Payout, k string) int {
			return cmp.Compare(recipientKey(q.Recipient), k)
		})
		s.Payouts = slices.Insert(s.Payouts, at, p)
	}
	return nil
}

func (s *Split) rollDust(opts SplitOptions) error {
	g := s.g
	if opts.DustRecipient == "" {
		return fmt.Errorf("%w: a minimum payout needs a dust recipient", ErrInvalid)
	}
	id, err := parseRecipient(opts.DustRecipient, nil)
	if err != nil {
		return fmt.Errorf("dust recipient: %w", err)
	}
	if r, ok := g.recipientIndex(id); ok {
		s.dustTo = r
	} else {
		s.dustTo = int32(len(s.amount))
		s.amount = append(s.amount, big.Int{})
		s.extra = []string{id.String()}
	}
	s.rolled = make(map[int32]*big.Int)
	for i := range g.recipients {
		a := &s.amount[i]
		if int32(i) == s.dustTo || a.Sign() == 0 || a.Cmp(opts.MinPayout) >= 0 {
			continue
		}
		s.Dust.Add(s.Dust, a)
		s.rolled[int32(i)] = new(big.Int).Set(a)
		a.SetInt64(0)
	}
	d := &s.amount[s.dustTo]
	d.Add(d, s.Dust)
	return nil
}

// recipientKey is the order of payouts: addresses by numeric value, then
// other IDs bytewise.
func recipientKey(id string) string {
	key, err := recipientSortKey(id)
	if err != nil {
		return id
	}
	return key
}

// Index returns the index in s.Payouts of the payout to recipient, or -1
// if it is paid nothing. recipient may be written in any form a contributor
// ID may take (an address in lower case, say); an invalid ID is not found.
func (s *Split) Index(recipient string) int {
	id, err := canonicalRecipient(recipient)
	if err != nil {
		return -1
	}
	s.payoutOnce.Do(func() {
		s.payoutAt = make(map[string]int, len(s.Payouts))
		for i, p := range s.Payouts {
			s.payoutAt[p.Recipient] = i
		}
	})
	if i, ok := s.payoutAt[id]; ok {
		return i
	}
	return -1
}

// Fraction returns the exact fraction of the amount paid that s.Payouts[i]
// is, for FormatFraction.
func (s *Split) Fraction(i int) *big.Rat {
	return new(big.Rat).SetFrac(s.Payouts[i].Amount, s.Amount)
}
