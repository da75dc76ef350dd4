package royalty

import (
	"encoding/json"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
)

func TestSplitsV2Allocations(t *testing.T) {
	g, _ := NewGraph(workedExample(), Limits{})
	s, err := g.Split("app", big.NewInt(1000), SplitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	exact, err := NewSplitsV2(s.Payouts, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if exact.TotalAllocation.Int64() != 1000 || len(exact.Recipients) != 5 || exact.Allocations[4].Int64() != 500 {
		t.Fatalf("exact split %+v", exact)
	}
	// 1/3 each of 1e6: 333334, 333333, 333333 — the lowest address takes
	// the unit left over.
	thirds := []Payout{{addr(3), big.NewInt(1)}, {addr(1), big.NewInt(1)}, {addr(2), big.NewInt(1)}}
	sc, err := NewSplitsV2(thirds, big.NewInt(1_000_000), 0)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Recipients[0].String() != addrC(1) || sc.Allocations[0].Int64() != 333334 || sc.Allocations[2].Int64() != 333333 {
		t.Fatalf("scaled split %v %v", sc.Recipients, sc.Allocations)
	}
	if _, err := NewSplitsV2([]Payout{{"ed25519:x", big.NewInt(1)}}, nil, 0); err == nil {
		t.Fatal("accepted a non-address")
	}
	if _, err := NewSplitsV2([]Payout{{addr(1), big.NewInt(1)}, {addr(1), big.NewInt(2)}}, nil, 0); err == nil {
		t.Fatal("accepted a duplicate")
	}
	info := s.RoyaltyInfo(Address{1})
	if info.Share != 50_000_000 || info.Amount(big.NewInt(999)).Int64() != 499 {
		t.Fatalf("royalty info %+v", info)
	}
	if bps, exact := info.BasisPoints(); bps != 5000 || !exact {
		t.Fatalf("basis points %d %v", bps, exact)
	}
	abs, _ := g.Split("app", big.NewInt(1000), SplitOptions{Policy: Absolute})
	if abs.UpstreamShare() != 80_000_000 {
		t.Fatalf("absolute upstream share %d, want 80%%", abs.UpstreamShare())
	}
}

// TestSplitsV2HashMatchesEthers checks Hash against ethers v6's ABI coder:
// keccak256(abi.encode((address[],uint256[],uint256,uint16))).
func TestSplitsV2HashMatchesEthers(t *testing.T) {
	testtools.NodeDir(t)
	r := rand.New(rand.NewPCG(5, 6))
	var splits []*SplitsV2
	var inputs []any
	for _, n := range []int{1, 2, 5, 40} {
		s, err := NewSplitsV2(randomPayouts(r, n), big.NewInt(1_000_000), uint16(r.IntN(65536)))
		if err != nil {
			t.Fatal(err)
		}
		var buf strings.Builder
		s.WriteJSON(&buf)
		var j map[string]any
		json.Unmarshal([]byte(buf.String()), &j)
		splits = append(splits, s)
		inputs = append(inputs, j)
	}
	in, _ := json.Marshal(inputs)
	out := testtools.RunNode(t, `
import { AbiCoder, keccak256 } from "ethers";
import { readFileSync } from "node:fs";
const splits = JSON.parse(readFileSync(0, "utf8"));
console.log(JSON.stringify(splits.map(s => keccak256(AbiCoder.defaultAbiCoder().encode(
  ["tuple(address[] recipients, uint256[] allocations, uint256 totalAllocation, uint16 distributionIncentive)"],
  [[s.recipients, s.allocations, s.totalAllocation, s.distributionIncentive]])))));
`, in)
	var hashes []string
	if err := json.Unmarshal(out, &hashes); err != nil || len(hashes) != len(splits) {
		t.Fatalf("node output %q: %v", out, err)
	}
	for i, s := range splits {
		if s.Hash().String() != hashes[i] {
			t.Errorf("split %d: hash %s, ethers %s", i, s.Hash(), hashes[i])
		}
	}
}
