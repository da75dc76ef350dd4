package chain

import (
	"bytes"
	"fmt"
	"math/big"

	"github.com/aiprov/aiprov/royalty"
)

// ClaimWordBits is how many leaves share one claim word of the
// distributor: one storage slot holds their claimed bits (the low 128
// bits) and what they may still take (the high 128).
const ClaimWordBits = 128

// maxProofLength is Distributor.sol's MAX_PROOF_LENGTH.
const maxProofLength = 64

// LeafPosition returns the position the distributor gives a leaf with
// this proof, as Distributor.sol's _leaf computes it: bit i is set when
// the node at step i is the smaller of its pair (the order OpenZeppelin's
// sorted-pair proofs hash in), above a sentinel bit at the proof's
// length. Its claim word is position / ClaimWordBits.
func LeafPosition(leaf royalty.Hash, proof []royalty.Hash) (*big.Int, error) {
	if len(proof) > maxProofLength {
		return nil, fmt.Errorf("chain: a proof of %d hashes is longer than the distributor's %d", len(proof), maxProofLength)
	}
	pos := new(big.Int)
	node := leaf
	for i, sib := range proof {
		if bytes.Compare(node[:], sib[:]) < 0 {
			pos.SetBit(pos, i, 1)
			node = royalty.Hash(keccak(node[:], sib[:]))
		} else {
			node = royalty.Hash(keccak(sib[:], node[:]))
		}
	}
	return pos.SetBit(pos, len(proof), 1), nil
}

// maxClaimWords bounds ClaimBudgets: a tree of 2^20 leaves at most has
// positions below 2^21, in 2^14 words.
const maxClaimWords = 1 << 16

// ClaimBudgets returns what an epoch publishing tree gives each claim
// word: budgets[w] is the sum of the amounts of the leaves whose position
// (LeafPosition) falls in word w. Their sum is the tree's total. The
// distributor never pays a word's leaves more than its budget, so
// approving the budgets with the root keeps an epoch's claims within its
// total without a per-claim read of it.
func ClaimBudgets(tree *royalty.MerkleTree) ([]*big.Int, error) {
	var budgets []*big.Int
	for i := range tree.Len() {
		p := tree.Payout(i)
		a, err := royalty.ParseAddress(p.Recipient)
		if err != nil {
			return nil, fmt.Errorf("chain: payout %d: %w", i, err)
		}
		pos, err := LeafPosition(royalty.LeafHash(a, p.Amount), tree.Proof(i))
		if err != nil {
			return nil, err
		}
		w := new(big.Int).Rsh(pos, 7)
		if !w.IsInt64() || w.Int64() >= maxClaimWords {
			return nil, fmt.Errorf("chain: payout %d falls in claim word %v, beyond the %d an epoch may have", i, w, maxClaimWords)
		}
		for int64(len(budgets)) <= w.Int64() {
			budgets = append(budgets, new(big.Int))
		}
		budgets[w.Int64()].Add(budgets[w.Int64()], p.Amount)
	}
	return budgets, nil
}
