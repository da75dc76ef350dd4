package royalty

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
)

// Explanation says why a recipient is paid what it is: for each node where
// it is a contributor, the fraction of the payment that reached that node,
// what the node kept, and the recipient's share of it. How a node's
// fraction arose is in its Flow: one term per edge from a child, which in
// turn is explained by that child's Flow — so a path-by-path account is
// there to be followed without ever listing the (possibly exponentially
// many) paths.
type Explanation struct {
	Recipient string
	Amount    *big.Int // the final payout
	// Fraction is the recipient's part of the payment before rounding:
	// its weight over the total weight.
	Fraction *big.Rat
	// RolledToDust is what the recipient's payout was before a minimum
	// payout rolled it into the dust recipient; nil if it was not.
	RolledToDust *big.Int
	// DustReceived is the dust the recipient received as dust recipient.
	DustReceived *big.Int
	Credits      []Credit
}

// Credit is what a recipient earns as contributor of one node.
type Credit struct {
	Flow
	Role  string
	Share uint64   // the contributor's share of what the node keeps, provenance.ShareWhole units
	Part  *big.Rat // Kept × Share / provenance.ShareWhole: this credit's part of the payment
}

// Flow describes the money reaching one node.
type Flow struct {
	Node string
	// Received is the fraction of the payment reaching the node: 1 for the
	// paid node. Under the relative policy it is the fixed-point value the
	// split used (a multiple of 2^-127), under the absolute policy exact.
	Received *big.Rat
	// Kept is the part of Received the node keeps for its contributors.
	Kept *big.Rat
	// Paths is the number of paths from the paid node to this one, under
	// the absolute policy (0 when it exceeds 2^62); 0 under the relative.
	Paths uint64
	// Inflows are the terms of Received, one per edge from a child the
	// payment reached.
	Inflows []Inflow
}

// Inflow is one edge's contribution to its parent's Received.
type Inflow struct {
	Child string
	Share uint64 // the share on the edge child -> node
	// ChildReceived is the child's Received (relative policy), or nil.
	ChildReceived *big.Rat
	// ChildPaths is the child's path count (absolute policy), or 0.
	ChildPaths uint64
	// Amount is this edge's term: ChildReceived × Share (relative) or
	// ChildPaths × Share (absolute), as a fraction of the payment.
	Amount *big.Rat
}

func shareRat(s uint64) *big.Rat { return big.NewRat(int64(s), shareWhole) }

// Flow returns the flow into a node the payment reached.
func (s *Split) Flow(node string) (*Flow, error) {
	v, ok := s.g.index[node]
	if !ok || !s.seen[v] {
		return nil, fmt.Errorf("%w: node %q is not reached from %s", ErrInvalid, node, s.Artifact)
	}
	return s.flow(v), nil
}

func (s *Split) flow(v int32) *Flow {
	g := s.g
	s.indexOnce.Do(s.buildIndex)
	f := &Flow{Node: g.ids[v]}
	if s.Policy == Relative {
		f.Received = s.frac[v].rat()
		f.Kept = new(big.Rat).Mul(f.Received, shareRat(uint64(shareWhole-g.stack[v])))
	} else {
		f.Received = shareRat(s.lap[v])
		if v == s.root {
			f.Received = big.NewRat(1, 1)
			f.Kept = shareRat(shareWhole - s.stack)
		} else {
			f.Kept = f.Received
		}
		if s.paths[v] < pathsSaturated {
			f.Paths = s.paths[v]
		}
	}
	for k := s.childAt[v]; k < s.childAt[v+1]; k++ {
		c, share := s.childIdx[k], s.childSh[k]
		in := Inflow{Child: g.ids[c], Share: uint64(share)}
		if s.Policy == Relative {
			in.ChildReceived = s.frac[c].rat()
			in.Amount = new(big.Rat).Mul(in.ChildReceived, shareRat(uint64(share)))
		} else {
			if s.paths[c] < pathsSaturated {
				in.ChildPaths = s.paths[c]
			}
			in.Amount = new(big.Rat).Mul(new(big.Rat).SetInt64(int64(min(s.paths[c], pathsSaturated))), shareRat(uint64(share)))
		}
		f.Inflows = append(f.Inflows, in)
	}
	return f
}

// buildIndex builds, once, the reverse edges among reached nodes and each
// recipient's contributions at reached nodes.
func (s *Split) buildIndex() {
	g := s.g
	s.creditAt = make([]int32, len(g.recipients)+1)
	for v := range g.ids {
		if s.seen[v] {
			for _, r := range g.contribRecipient[g.contribStart[v]:g.contribStart[v+1]] {
				s.creditAt[r+1]++
			}
		}
	}
	for i := 1; i < len(s.creditAt); i++ {
		s.creditAt[i] += s.creditAt[i-1]
	}
	s.creditIdx = make([]int32, s.creditAt[len(g.recipients)])
	s.creditOf = make([]int32, len(s.creditIdx))
	next := make([]int32, len(g.recipients))
	copy(next, s.creditAt)
	for v := range g.ids {
		if s.seen[v] {
			for c := g.contribStart[v]; c < g.contribStart[v+1]; c++ {
				r := g.contribRecipient[c]
				s.creditIdx[next[r]], s.creditOf[next[r]] = c, int32(v)
				next[r]++
			}
		}
	}

	s.childAt = make([]int32, len(g.ids)+1)
	for v := range g.ids {
		if !s.seen[v] {
			continue
		}
		for _, p := range g.parentIdx[g.parentStart[v]:g.parentStart[v+1]] {
			s.childAt[p+1]++
		}
	}
	for i := 1; i < len(s.childAt); i++ {
		s.childAt[i] += s.childAt[i-1]
	}
	fill := make([]int32, len(g.ids))
	s.childIdx = make([]int32, s.childAt[len(g.ids)])
	s.childSh = make([]uint32, len(s.childIdx))
	for v := range g.ids {
		if !s.seen[v] {
			continue
		}
		for e := g.parentStart[v]; e < g.parentStart[v+1]; e++ {
			p := g.parentIdx[e]
			at := s.childAt[p] + fill[p]
			fill[p]++
			s.childIdx[at] = int32(v)
			s.childSh[at] = g.parentShare[e]
		}
	}
}

// Explain explains one recipient's payout. Credits are in the order of the
// nodes' IDs.
func (s *Split) Explain(recipient string) (*Explanation, error) {
	g := s.g
	rid, err := parseRecipient(recipient, nil)
	if err != nil {
		return nil, err
	}
	id := rid.String()
	r, ok := g.recipientIndex(rid)
	if !ok {
		r = -1
	}
	for i, name := range s.extra {
		if name == id {
			r = int32(len(g.recipients) + i)
		}
	}
	if r < 0 {
		return nil, fmt.Errorf("%w: %s is not a recipient of this split", ErrInvalid, id)
	}
	e := &Explanation{Recipient: id, Amount: new(big.Int).Set(&s.amount[r]), Fraction: new(big.Rat)}
	if int(r) < len(s.weight) {
		e.Fraction.SetFrac(s.weight[r].setBig(new(big.Int)), s.total.setBig(new(big.Int)))
	}
	if a, ok := s.rolled[r]; ok {
		e.RolledToDust = new(big.Int).Set(a)
	}
	if r == s.dustTo {
		e.DustReceived = new(big.Int).Set(s.Dust)
	}
	if int(r) < len(g.recipients) {
		s.indexOnce.Do(s.buildIndex)
		for k := s.creditAt[r]; k < s.creditAt[r+1]; k++ {
			c, v := s.creditIdx[k], s.creditOf[k]
			cr := Credit{Flow: *s.flow(v), Role: g.contribRole[c], Share: uint64(g.contribShare[c])}
			cr.Part = new(big.Rat).Mul(cr.Kept, shareRat(cr.Share))
			e.Credits = append(e.Credits, cr)
		}
	}
	sortCredits(e.Credits)
	return e, nil
}

func sortCredits(cs []Credit) {
	slices.SortFunc(cs, func(a, b Credit) int { return strings.Compare(a.Node, b.Node) })
}

// FormatFraction writes a fraction as a percentage rounded to digits
// decimals, trailing zeros trimmed: "12.5%".
func FormatFraction(f *big.Rat, digits int) string {
	str := new(big.Rat).Mul(f, big.NewRat(100, 1)).FloatString(digits)
	if strings.Contains(str, ".") {
		str = strings.TrimRight(strings.TrimRight(str, "0"), ".")
	}
	return str + "%"
}
