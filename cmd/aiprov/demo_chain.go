package main

import (
	"context"
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
	ChainID     uint64           `json:"chainId"`
	Registry    string           `json:"registry"`
	Distributor string           `json:"distributor"`
	Tokens      []string         `json:"tokens"` // token ids of the registered manifests, in manifest order
	Paid        string           `json:"paid"`
	Epoch       uint64           `json:"epoch"`
	Root        string           `json:"root"`
	PublishGas  uint64           `json:"publishGas"`
	Claims      []demoChainClaim `json:"claims"`
	AllEqual    bool             `json:"allEqual"` // every balance change equals the split
	AuditOK     bool             `json:"auditOk"`
}

type demoChainClaim struct {
	Recipient string `json:"recipient"`
	Split     string `json:"split"`
	Received  string `json:"received"` // the recipient's balance change on chain
	GasUsed   uint64 `json:"gasUsed"`
}

// onChain registers the manifests on the embedded chain, pays the finetune
// 1 ETH through the distributor, publishes its split as a payout epoch,
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
		d.printf("   registered %-11s token %s…, %d gas\n", d.sum.Artifacts[i].Name, an.TokenID().Hex()[:18], an.GasUsed)
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
	// C and D are placeholder addresses no one holds a key for, so they
	// cannot sign approvals here: the owner also names itself publisher,
	// the other policy an owner may set at registration.
	if _, err := asOwner.Configure(ctx, ftCID, voters, owner.Address()); err != nil {
		return err
	}
	d.printf("   finetune's epochs: approved by more than half of C (70%%) and D (30%%), or published by its owner\n")
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
	plan, err := asOwner.PlanEpoch(ctx, g, ftCID, payees, chain.PlanOptions{})
	if err != nil {
		return err
	}
	pub, err := asOwner.Publish(ctx, ftCID, plan.EpochApproval, nil, nil)
	if err != nil {
		return err
	}
	sum.Epoch, sum.Root, sum.PublishGas = pub.Epoch, royalty.Hash(pub.Root).String(), pub.GasUsed
	d.printf("   published epoch %d: root %s, total %s wei, %d gas\n", pub.Epoch, sum.Root, pub.Total, pub.GasUsed)

	// A relayer (here the payer) sends every claim; each recipient's
	// balance must grow by exactly its payout.
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
