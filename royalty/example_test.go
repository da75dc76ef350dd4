package royalty_test

import (
	"fmt"
	"log"
	"math/big"
	"os"
	"strings"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
)

// A fine-tuned model pays 50% up to its base model, which pays 10% to the
// dataset it was trained on. 1 ETH paid to the fine-tune is split exactly,
// then published as a Merkle root for a claim contract.
func Example() {
	graph := `{"nodes": [
	  {"id": "chat", "policy": "relative",
	   "parents": [{"id": "base", "share": "50%"}],
	   "contributors": [{"id": "0x1111111111111111111111111111111111111111", "share": "100%"}]},
	  {"id": "base",
	   "parents": [{"id": "data", "share": "10%"}],
	   "contributors": [{"id": "0x2222222222222222222222222222222222222222", "share": "70%", "role": "weights"},
	                    {"id": "0x3333333333333333333333333333333333333333", "share": "30%", "role": "compute"}]},
	  {"id": "data", "contributors": [{"id": "0x4444444444444444444444444444444444444444", "share": "100%"}]}
	]}`
	g, err := royalty.ReadGraph(strings.NewReader(graph), royalty.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	oneETH, _ := new(big.Int).SetString("1000000000000000000", 10)
	split, err := g.Split("chat", oneETH, royalty.SplitOptions{})
	if err != nil {
		log.Fatal(err)
	}
	split.WriteCSV(os.Stdout)

	e, _ := split.Explain("0x4444444444444444444444444444444444444444")
	in := e.Credits[0].Inflows[0]
	fmt.Printf("data: %s of the %s that reached %s\n",
		royalty.FormatFraction(big.NewRat(int64(in.Share), provenance.ShareWhole), 6), royalty.FormatFraction(in.ChildReceived, 6), in.Child)

	// Look a contributor's payout up by ID, written in any case.
	i := split.Index("0x3333333333333333333333333333333333333333")
	fmt.Printf("compute: %s wei, %s of the payment\n", split.Payouts[i].Amount, royalty.FormatFraction(split.Fraction(i), 6))

	tree, err := royalty.NewMerkleTree(split.Payouts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("leaves:", tree.Len(), "proof of the first:", len(tree.Proof(0)), "hashes")
	// Output:
	// 0x1111111111111111111111111111111111111111,500000000000000000
	// 0x2222222222222222222222222222222222222222,315000000000000000
	// 0x3333333333333333333333333333333333333333,135000000000000000
	// 0x4444444444444444444444444444444444444444,50000000000000000
	// data: 10% of the 50% that reached base
	// compute: 135000000000000000 wei, 13.5% of the payment
	// leaves: 4 proof of the first: 2 hashes
}
