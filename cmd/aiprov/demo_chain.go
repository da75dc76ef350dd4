package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/aiprov/aiprov/royalty"
)

// demoChain is the on-chain step's part of the summary.
type demoChain struct {
	ChainID         uint64           `json:"chainId"`
	Registry        string           `json:"registry"`
	Distributor     string           `json:"distributor"`
	Tokens          []string         `json:"tokens"` // token ids of the registered manifests, in manifest order
	Paid            string           `json:"paid"`
	Epoch           uint64           `json:"epoch"`
	Root            string           `json:"root"`
	Approvals       []string         `json:"approvals"`       // the voters who signed, in signing order
	MinorityRefused bool             `json:"minorityRefused"` // publishing with D's 30% alone was refused
	PublishGas      uint64           `json:"publishGas"`
	Claims          []demoChainClaim `json:"claims"`
	AllEqual        bool             `json:"allEqual"` // every balance change equals the split
	AuditOK         bool             `json:"auditOk"`
}

type demoChainClaim struct {
	Recipient string `json:"recipient"`
	Split     string `json:"split"`
	Received  string `json:"received"` // the recipient's balance change on chain
	GasUsed   uint64 `json:"gasUsed"`
}

// onChain anchors the manifests on the embedded chain (registers each in
// the provenance registry, as aiprov anchor does), pays the finetune 1 ETH
// through the distributor, has its contributors approve its split by
// EIP-712 signatures (D's 30% alone is refused; C's 70% with it publishes),
// claims every payout and compares the balance changes with the split.
func (d *demo) onChain(ctx context.Context) error {
	owner, err := attest.GenerateKey(attest.Secp256k1, nil)
	if err != nil {
		return err
	}
	payer, err := attest.GenerateKey(attest.Secp256k1, nil)
	if err != nil {
		return err
	}
	carol, err := demoKey("carol")
	if err != nil {
		return err
	}
	dave, err := demoKey("dave")
	if err != nil {
		return err
	}
	c, err := simulated.Open(ctx, simulated.Options{Signer: owner})
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Fund(ctx, payer.Address(), new(big.Int).Mul(big.NewInt(2), demoPayment)); err != nil {
		return err
	}
	sum := &d.sum.Chain
	sum.ChainID, sum.Registry, sum.Distributor = simulated.ChainID, c.Addresses.Registry.Hex(), c.Addresses.Distributor.Hex()
	d.printf("   embedded chain %d: registry %s, distributor %s\n", simulated.ChainID, sum.Registry, sum.Distributor)
	for i, m := range d.manifests {
		a, err := attest.NewManifestAttestation(m, d.mcids[i])
		if err != nil {
			return err
		}
		sig, err := c.Sign(ctx, owner, a)
		if err != nil {
			return err
		}
		an, err := c.Register(ctx, a, owner.Address(), sig)
		if err != nil {
			return err
		}
		sum.Tokens = append(sum.Tokens, an.TokenID().Hex())
		d.printf("   anchored %-11s registry token %s…, %d gas\n", d.sum.Artifacts[i].Name, an.TokenID().Hex()[:18], an.GasUsed)
	}
	opt := chain.TxOptions{Signer: owner, PollInterval: time.Millisecond}
	asOwner, err := chain.NewDistributor(ctx, c.Client(), c.Addresses.Distributor, simulated.ChainID, opt)
	if err != nil {
		return err
	}
	opt.Signer = payer
	asPayer, err := chain.NewDistributor(ctx, c.Client(), c.Addresses.Distributor, simulated.ChainID, opt)
	if err != nil {
		return err
	}
	ft, ftCID := d.manifests[2], d.mcids[2]
	payees := chain.Payees{Chain: c}
	voters, err := chain.NewVoters(ctx, ft, payees)
	if err != nil {
		return err
	}
	// No publisher: only the contributors' vote publishes an epoch.
	if _, err := asOwner.Configure(ctx, ftCID, voters, common.Address{}); err != nil {
		return err
	}
	d.printf("   the finetune's owner set its payout policy: epochs approved by more than half of C (70%%) and D (30%%)\n")
	p, err := asPayer.Pay(ctx, ftCID, common.Address{}, demoPayment)
	if err != nil {
		return err
	}
	sum.Paid = p.Amount.String()
	d.printf("   paid the finetune %s wei: %d gas\n", p.Amount, p.GasUsed)

	g, err := d.graph()
	if err != nil {
		return err
	}
	// Each contributor recomputes the epoch from the manifests and the
	// chain and signs it (aiprov royalty approve): approving is auditing.
	var plan *chain.Plan
	var approvals []*chain.SignedApproval
	for _, v := range []struct {
		name string
		key  *attest.PrivateKey
	}{{"D", dave}, {"C", carol}} {
		pl, err := asPayer.PlanEpoch(ctx, g, ftCID, payees, chain.PlanOptions{})
		if err != nil {
			return err
		}
		if plan != nil && pl.Root != plan.Root {
			return fmt.Errorf("%s computed another epoch than the others", v.name)
		}
		plan = pl
		s, err := chain.SignApproval(ctx, v.key, asPayer.Domain(), pl.EpochApproval)
		if err != nil {
			return err
		}
		approvals = append(approvals, s)
		sum.Approvals = append(sum.Approvals, s.Signer.Hex())
		d.printf("   %s approved epoch %d: root %s, total %s wei (EIP-712, signed by %s)\n", v.name, pl.Epoch, royalty.Hash(pl.Root), pl.Total, s.Signer.Hex())
	}
	// D's 30% alone is no majority: refused (the contract would revert
	// with NoMajority; the client says so before sending).
	_, err = asPayer.Publish(ctx, ftCID, plan.EpochApproval, voters, approvals[:1])
	if !errors.Is(err, chain.ErrNoMajority) {
		return fmt.Errorf("publishing with 30%% of the shares: %v, want %v", err, chain.ErrNoMajority)
	}
	sum.MinorityRefused = true
	d.printf("   publish with D's approval alone: refused, %v\n", err)
	pub, err := asPayer.Publish(ctx, ftCID, plan.EpochApproval, voters, approvals)
	if err != nil {
		return err
	}
	sum.Epoch, sum.Root, sum.PublishGas = pub.Epoch, royalty.Hash(pub.Root).String(), pub.GasUsed
	d.printf("   published epoch %d with C's and D's approvals (100%%): root %s, total %s wei, %d gas\n", pub.Epoch, sum.Root, pub.Total, pub.GasUsed)

	// Every recipient's claim is sent by a relayer (here the payer), as
	// anyone may send it, so that each balance must grow by exactly its
	// payout, no gas taken from it.
	bal := c.Client().(interface {
		BalanceAt(context.Context, common.Address, *big.Int) (*big.Int, error)
	})
	d.printf("     %-44s %-22s %20s %20s %8s\n", "recipient", "", "split (wei)", "received on chain", "gas")
	sum.AllEqual = true
	total := new(big.Int)
	for i := range plan.Tree.Len() {
		po := plan.Tree.Payout(i)
		a, _ := royalty.ParseAddress(po.Recipient)
		before, err := bal.BalanceAt(ctx, common.Address(a), nil)
		if err != nil {
			return err
		}
		cl, err := asPayer.Claim(ctx, ftCID, pub.Epoch, common.Address(a), po.Amount, plan.Tree.Proof(i))
		if err != nil {
			return err
		}
		after, err := bal.BalanceAt(ctx, common.Address(a), nil)
		if err != nil {
			return err
		}
		got := new(big.Int).Sub(after, before)
		total.Add(total, got)
		sum.AllEqual = sum.AllEqual && got.Cmp(po.Amount) == 0
		sum.Claims = append(sum.Claims, demoChainClaim{Recipient: po.Recipient, Split: po.Amount.String(), Received: got.String(), GasUsed: cl.GasUsed})
		d.printf("     %-44s %-22s %20s %20s %8d\n", po.Recipient, demoPeople[strings.ToLower(po.Recipient)], po.Amount, got, cl.GasUsed)
	}
	d.printf("     %-44s %-22s %20s %20s\n", "sum", "", plan.Total, total)
	if !sum.AllEqual || total.Cmp(demoPayment) != 0 {
		return fmt.Errorf("the balances that changed on chain differ from the split")
	}
	d.printf("     every balance change equals the split to the wei\n")
	audit, err := asPayer.AuditEpoch(ctx, g, ftCID, pub.Epoch, payees, chain.PlanOptions{})
	if err != nil {
		return err
	}
	sum.AuditOK = audit.Match
	if !audit.Match {
		return fmt.Errorf("the audit of epoch %d does not match", pub.Epoch)
	}
	d.printf("   audit: the published root is exactly the split of the manifests (aiprov royalty audit)\n")
	return nil
}

// graph is the royalty graph of the demo's manifests.
func (d *demo) graph() (*royalty.Graph, error) {
	nodes, err := royalty.ManifestNodes(d.manifests[:]...)
	if err != nil {
		return nil, err
	}
	return royalty.NewGraph(nodes, royalty.Limits{})
}
