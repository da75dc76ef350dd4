package royalty

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"math/big"
	"slices"
	"testing"
)

// TestResolvePayees splits the worked example with key- and token-named
// contributors and resolves them: the expected payouts are the split's
// own (checked against refSplit elsewhere) added up per address by hand.
func TestResolvePayees(t *testing.T) {
	const (
		edKey = "ed25519:11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
		p256  = "p256:AhXPIRn3m5Q6yVn6fQ6XRpdbQs3R1hbaPcrNgwqfGCEl"
		token = "token:bafyreib2rxk3rybk3aobmv5cjuql3bm2twh4jo5uxtj2ekufr5yv4qs6ke"
	)
	nodes := workedExample()
	nodes[1].Contributors = []Contributor{{ID: edKey, Share: shareWhole}}                                // chat: 350
	nodes[3].Contributors = []Contributor{{ID: p256, Share: 60_000_000}, {ID: token, Share: 40_000_000}} // data: 60, 40
	g, err := NewGraph(nodes, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := g.Split("app", big.NewInt(1000), SplitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := func(i int) Address { x, _ := ParseAddress(addr(i)); return x }
	ctx := context.Background()

	if _, err := NewMerkleTree(s.Payouts); !errors.Is(err, ErrNotAddress) {
		t.Fatalf("a Merkle tree over key-named payouts: %v, want ErrNotAddress", err)
	}
	bound := PayeeMap{edKey: a(7), p256: a(5), token: a(9)} // p256 is bound to app's contributor, addr(5)
	tests := []struct {
		name     string
		resolver PayeeResolver
		opts     ResolveOptions
		want     map[Address]int64
		unbound  []string
	}{
		{"all bound", bound, ResolveOptions{}, map[Address]int64{a(1): 50, a(5): 500 + 60, a(7): 350, a(9): 40}, nil},
		{"unbound named", PayeeMap{edKey: a(7)}, ResolveOptions{}, nil, []string{p256, token}},
		{"nil resolver", nil, ResolveOptions{}, nil, []string{edKey, p256, token}},
		{"unbound routed", PayeeMap{edKey: a(7)}, ResolveOptions{Unbound: ptr(a(8))}, map[Address]int64{a(1): 50, a(5): 500, a(7): 350, a(8): 100}, nil},
		{"address redirected", PayeeMap{edKey: a(7), p256: a(6), token: a(6), a(1).String(): a(6)}, ResolveOptions{}, map[Address]int64{a(5): 500, a(6): 150, a(7): 350}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ResolvePayees(ctx, s.Payouts, tt.resolver, tt.opts)
			if tt.unbound != nil {
				var ue *UnboundError
				if !errors.As(err, &ue) || !errors.Is(err, ErrUnboundPayee) || !slices.Equal(ue.IDs, tt.unbound) {
					t.Fatalf("got %v, want an UnboundError naming %v", err, tt.unbound)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[Address]int64{}
			sum := new(big.Int)
			for i, p := range r.Payouts {
				pa, err := ParseAddress(p.Recipient)
				if err != nil {
					t.Fatal(err)
				}
				if prev, _ := ParseAddress(r.Payouts[max(i-1, 0)].Recipient); i > 0 && bytes.Compare(prev[:], pa[:]) >= 0 {
					t.Errorf("payouts %d and %d are not in ascending address order", i-1, i)
				}
				got[pa] = p.Amount.Int64()
				sum.Add(sum, p.Amount)
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if sum.Cmp(s.Amount) != 0 {
				t.Errorf("resolved payouts sum to %v, want %v", sum, s.Amount)
			}
			if len(r.Routes) != len(s.Payouts) {
				t.Errorf("%d routes for %d payouts", len(r.Routes), len(s.Payouts))
			}
			if _, err := NewMerkleTree(r.Payouts); err != nil {
				t.Errorf("Merkle tree over resolved payouts: %v", err)
			}
			if _, err := NewSplitsV2(r.Payouts, nil, 0); err != nil {
				t.Errorf("0xSplits over resolved payouts: %v", err)
			}
		})
	}
	if _, err := ResolvePayees(ctx, s.Payouts, PayeeMap{edKey: {}, p256: a(1), token: a(1)}, ResolveOptions{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a binding to the zero address: %v, want ErrInvalid", err)
	}
}

func ptr[T any](v T) *T { return &v }
