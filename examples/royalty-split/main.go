// Command royalty-split splits a payment across a three-artifact contributor
// graph, exactly, and prints the payout table and the Merkle root a claim
// contract (OpenZeppelin MerkleProof) would pay out against.
//
//	go run ./examples/royalty-split [AMOUNT]
//
// AMOUNT is in the smallest unit (wei); the default is 1 ETH. The graph: a
// chat model derived from a base model (20% of what it earns flows there),
// which was itself trained on a dataset (10% of what the base receives).
package main

import (
	"fmt"
	"log"
	"math/big"
	"os"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("royalty-split: ")

	amount, _ := new(big.Int).SetString("1000000000000000000", 10)
	switch len(os.Args) {
	case 1:
	case 2:
		var ok bool
		if amount, ok = new(big.Int).SetString(os.Args[1], 10); !ok || amount.Sign() <= 0 {
			log.Fatalf("AMOUNT %q: want a positive integer in the smallest unit (wei)", os.Args[1])
		}
	default:
		log.Fatal("usage: royalty-split [AMOUNT]")
	}

	pct := func(p uint64) uint64 { return p * provenance.ShareWhole / 100 }
	g, err := royalty.NewGraph([]royalty.Node{
		{ID: "chat", Policy: royalty.Relative,
			Parents:      []royalty.Edge{{Parent: "base", Share: pct(20)}},
			Contributors: []royalty.Contributor{{ID: "0x1111111111111111111111111111111111111111", Share: pct(100), Role: "weights"}}},
		{ID: "base",
			Parents: []royalty.Edge{{Parent: "data", Share: pct(10)}},
			Contributors: []royalty.Contributor{
				{ID: "0x2222222222222222222222222222222222222222", Share: pct(60), Role: "weights"},
				{ID: "0x3333333333333333333333333333333333333333", Share: pct(40), Role: "compute"}}},
		{ID: "data",
			Contributors: []royalty.Contributor{{ID: "0x4444444444444444444444444444444444444444", Share: pct(100), Role: "curation"}}},
	}, royalty.Limits{})
	if err != nil {
		log.Fatal(err)
	}

	split, err := g.Split("chat", amount, royalty.SplitOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s paid to chat, %s policy:\n", amount, split.Policy)
	for _, p := range split.Payouts {
		fmt.Printf("  %s %24s  %s\n", p.Recipient, p.Amount, royalty.FormatFraction(new(big.Rat).SetFrac(p.Amount, amount), 6))
	}

	tree, err := royalty.NewMerkleTree(split.Payouts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("merkle root", tree.Root())
}
