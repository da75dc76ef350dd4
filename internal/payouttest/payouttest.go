// Package payouttest builds the wrong payout epochs that tests of
// aiprov's on-chain royalties publish to check that an audit catches them.
package payouttest

import (
	"errors"
	"math/big"

	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/royalty"
)

// OneWeiWrong returns plan's epoch with the root of a tree that pays its
// first payout one wei less and its second one wei more: the same total,
// the same payees, a root that voters who sign without auditing would
// publish and `aiprov royalty audit` must refuse.
func OneWeiWrong(plan *chain.Plan) (chain.EpochApproval, error) {
	payouts := plan.Resolved.Payouts
	if len(payouts) < 2 || payouts[0].Amount.Sign() == 0 {
		return chain.EpochApproval{}, errors.New("payouttest: the plan needs two payouts, the first not zero")
	}
	bad := append([]royalty.Payout(nil), payouts...)
	bad[0].Amount = new(big.Int).Sub(bad[0].Amount, big.NewInt(1))
	bad[1].Amount = new(big.Int).Add(bad[1].Amount, big.NewInt(1))
	tree, err := royalty.NewMerkleTree(bad)
	if err != nil {
		return chain.EpochApproval{}, err
	}
	wrong := plan.EpochApproval
	wrong.Root = tree.Root()
	if wrong.Budgets, err = chain.ClaimBudgets(tree); err != nil {
		return chain.EpochApproval{}, err
	}
	return wrong, nil
}
