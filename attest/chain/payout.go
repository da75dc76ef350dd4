package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
)

// Payees resolves contributors to the addresses royalties are paid at, for
// royalty.ResolvePayees: a key through its payee binding; a registry token
// ("token:<manifest CID>") through its owner on Chain at the time of
// asking, so whoever holds the token when the split is taken is paid; an
// address through its own binding if it made one, else itself.
type Payees struct {
	Bindings *attest.Payees // nil: none
	Chain    Chain          // nil: token contributors are unbound
}

// Payee implements royalty.PayeeResolver.
func (p Payees) Payee(ctx context.Context, id string) (royalty.Address, bool, error) {
	if p.Bindings != nil {
		if a, ok := p.Bindings.Payee(id); ok {
			return royalty.Address(a), true, nil
		}
	}
	if rest, ok := strings.CutPrefix(id, provenance.TokenContributorPrefix); ok && p.Chain != nil {
		c, err := cid.Decode(rest)
		if err != nil {
			return royalty.Address{}, false, fmt.Errorf("contributor %s: %w", id, err)
		}
		owner, err := p.Chain.OwnerOf(ctx, c)
		if errors.Is(err, ErrNotRegistered) {
			return royalty.Address{}, false, nil
		}
		if err != nil {
			return royalty.Address{}, false, fmt.Errorf("owner of the token of %s: %w", c, err)
		}
		return royalty.Address(owner), true, nil
	}
	return royalty.Address{}, false, nil
}

// NewVoters returns the voters of an artifact's payout epochs: its
// manifest's contributors, weighted by their shares. An address votes
// itself; a key votes through the address its payee binding names (which
// the key itself signed); a registry token through its owner now. One
// address credited several times votes with the sum. A contributor with no
// address is an error naming it.
func NewVoters(ctx context.Context, m *provenance.Manifest, payees royalty.PayeeResolver) ([]Voter, error) {
	weights := map[common.Address]uint64{}
	var unbound []string
	for _, c := range m.Contributors {
		var addr common.Address
		if a, err := royalty.ParseAddress(c.ID); err == nil {
			addr = common.Address(a)
		} else {
			a, ok, err := payees.Payee(ctx, c.ID)
			if err != nil {
				return nil, err
			}
			if !ok {
				unbound = append(unbound, c.ID)
				continue
			}
			addr = common.Address(a)
		}
		weights[addr] += c.Share
	}
	if len(unbound) > 0 {
		return nil, &royalty.UnboundError{IDs: unbound}
	}
	voters := make([]Voter, 0, len(weights))
	for a, w := range weights {
		if w > 0 {
			voters = append(voters, Voter{Account: a, Weight: uint32(w)})
		}
	}
	slices.SortFunc(voters, func(x, y Voter) int { return x.Account.Cmp(y.Account) })
	return voters, nil
}

// Plan is a payout epoch as its artifact's contributors compute it: the
// split of Total over the lineage, its payees resolved to addresses, and
// the tree whose root is published. Approving a plan is auditing it.
type Plan struct {
	EpochApproval
	Split    *royalty.Split
	Resolved *royalty.Resolved
	Tree     *royalty.MerkleTree
}

// PlanOptions tune PlanEpoch.
type PlanOptions struct {
	Token common.Address // zero: the native currency
	// Total to split; nil: the artifact's whole unallocated balance.
	Total *big.Int
	// Epoch number; nil: the next one.
	Epoch *uint64
	Split royalty.SplitOptions
	royalty.ResolveOptions
}

// PlanEpoch computes the epoch the artifact's contributors would publish:
// the split of opt.Total (by default what the artifact holds unallocated
// in opt.Token) over the graph g, resolved through payees.
func (d *Distributor) PlanEpoch(ctx context.Context, g *royalty.Graph, artifact cid.Cid, payees royalty.PayeeResolver, opt PlanOptions) (*Plan, error) {
	id, err := ArtifactID(artifact)
	if err != nil {
		return nil, err
	}
	total := opt.Total
	if total == nil {
		if total, err = d.Unallocated(ctx, artifact, opt.Token); err != nil {
			return nil, err
		}
		if total.Sign() == 0 {
			return nil, fmt.Errorf("chain: %s has nothing unallocated in %s to pay out", artifact, tokenName(opt.Token))
		}
	}
	var epoch uint64
	if opt.Epoch != nil {
		epoch = *opt.Epoch
	} else {
		gov, err := d.Governance(ctx, artifact)
		if err != nil {
			return nil, err
		}
		epoch = gov.Epochs
	}
	if !g.Has(artifact.String()) {
		return nil, fmt.Errorf("chain: no manifest for %s among the manifests given", artifact)
	}
	split, err := g.Split(artifact.String(), total, opt.Split)
	if err != nil {
		return nil, err
	}
	res, err := royalty.ResolvePayees(ctx, split.Payouts, payees, opt.ResolveOptions)
	if err != nil {
		return nil, err
	}
	tree, err := royalty.NewMerkleTree(res.Payouts)
	if err != nil {
		return nil, err
	}
	budgets, err := ClaimBudgets(tree)
	if err != nil {
		return nil, err
	}
	return &Plan{
		EpochApproval: EpochApproval{Artifact: id, Epoch: epoch, Token: opt.Token, Root: tree.Root(), Total: new(big.Int).Set(total), Budgets: budgets},
		Split:         split, Resolved: res, Tree: tree,
	}, nil
}

func tokenName(token common.Address) string {
	if token == (common.Address{}) {
		return "the native currency"
	}
	return "token " + token.Hex()
}

// Audit is the outcome of AuditEpoch.
type Audit struct {
	Epoch *Epoch // as published
	Plan  *Plan  // as recomputed
	// Match: the published root is exactly the recomputed one, and so are
	// the budgets of its claim words.
	Match bool
}

// AuditEpoch recomputes a published epoch's split from the manifests (g)
// and payees, for the total and token it was published with, and says
// whether its root is exactly the published one: anyone can check a
// payout without trusting whoever published it. Token contributors
// resolve to their owners now, which may differ from when it was
// published.
func (d *Distributor) AuditEpoch(ctx context.Context, g *royalty.Graph, artifact cid.Cid, epoch uint64, payees royalty.PayeeResolver, opt PlanOptions) (*Audit, error) {
	ep, err := d.Epoch(ctx, artifact, epoch)
	if err != nil {
		return nil, err
	}
	opt.Token, opt.Total, opt.Epoch = ep.Token, ep.Total, &epoch
	plan, err := d.PlanEpoch(ctx, g, artifact, payees, opt)
	if err != nil {
		return nil, err
	}
	return &Audit{Epoch: ep, Plan: plan, Match: plan.Root == ep.Root && equalAmounts(plan.Budgets, ep.Budgets)}, nil
}

// Leaf returns the index in p.Tree of account's payout, or -1.
func (p *Plan) Leaf(account common.Address) int {
	for i := range p.Tree.Len() {
		if a, err := royalty.ParseAddress(p.Tree.Payout(i).Recipient); err == nil && common.Address(a) == account {
			return i
		}
	}
	return -1
}

// ClaimFor claims account's payout of a published epoch: it recomputes the
// plan (AuditEpoch), refuses when the published root is not it (the proof
// could not be found), and claims with account's proof.
func (d *Distributor) ClaimFor(ctx context.Context, g *royalty.Graph, artifact cid.Cid, epoch uint64, account common.Address, payees royalty.PayeeResolver, opt PlanOptions) (*Claimed, error) {
	audit, err := d.AuditEpoch(ctx, g, artifact, epoch, payees, opt)
	if err != nil {
		return nil, err
	}
	if audit.Epoch.Root != audit.Plan.Root {
		return nil, fmt.Errorf("chain: %s epoch %d: the published root %x is not the split of these manifests (%x): no proof for %s", artifact, epoch, audit.Epoch.Root, audit.Plan.Root, account.Hex())
	}
	i := audit.Plan.Leaf(account)
	if i < 0 {
		return nil, fmt.Errorf("chain: %s epoch %d pays nothing to %s", artifact, epoch, account.Hex())
	}
	return d.claim(ctx, audit.Epoch, account, audit.Plan.Tree.Payout(i).Amount, audit.Plan.Tree.Proof(i))
}
