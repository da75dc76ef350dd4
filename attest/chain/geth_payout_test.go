package chain_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/internal/gethtest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
)

// startGethClient runs `geth --dev` on 127.0.0.1 until the test ends
// (gethtest.Start) and returns its URL and a client.
func startGethClient(t *testing.T) (string, *ethclient.Client) {
	t.Helper()
	g := gethtest.Start(t)
	c, err := ethclient.Dial(g.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return g.URL(), c
}

// fundFromDev sends eth from geth's unlocked dev account.
func fundFromDev(t *testing.T, url string, to common.Address, eth int64) {
	t.Helper()
	c, err := rpc.Dial(url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var accounts []common.Address
	if err := c.Call(&accounts, "eth_accounts"); err != nil || len(accounts) == 0 {
		t.Fatalf("eth_accounts: %v %v", accounts, err)
	}
	var h common.Hash
	if err := c.Call(&h, "eth_sendTransaction", map[string]any{"from": accounts[0], "to": to, "value": (*hexutil.Big)(ether(eth))}); err != nil {
		t.Fatal(err)
	}
	// geth --dev seals the transaction in a block of its own, shortly after.
	for deadline := time.Now().Add(60 * time.Second); ; {
		var receipt map[string]any
		if err := c.Call(&receipt, "eth_getTransactionReceipt", h); err == nil && receipt != nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("funding transaction %s was not mined", h)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestPayoutOnGeth runs the payout flow through the JSON-RPC backend
// against a real geth --dev: deploy the registry and distributor, register
// a manifest whose contributors are an Ethereum account and an ed25519 key
// bound to another, configure the vote, pay, approve by the majority,
// publish, claim for both, compare balances with the split, audit.
func TestPayoutOnGeth(t *testing.T) {
	url, client := startGethClient(t)
	ctx := context.Background()
	owner, _ := attest.GenerateKey(attest.Secp256k1, nil)
	carol, _ := attest.GenerateKey(attest.Secp256k1, nil)
	dave, _ := attest.GenerateKey(attest.Secp256k1, nil)
	ed, _ := attest.GenerateKey(attest.Ed25519, nil)
	fundFromDev(t, url, owner.Address(), 10)
	opt := chain.TxOptions{Signer: owner, PollInterval: 20 * time.Millisecond}
	dep, err := chain.Deploy(ctx, client, 1337, opt)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := chain.Dial(ctx, url, chain.Config{Registry: dep.Registry, ChainID: 1337, TxOptions: opt})
	if err != nil {
		t.Fatal(err)
	}
	defer reg.Close()
	m := &provenance.Manifest{
		Schema:  provenance.ManifestSchema,
		Subject: provenance.Subject{Name: "model", Kind: provenance.KindModel, CID: cid.MustParse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"), Size: 1},
		Contributors: []provenance.Contributor{
			{ID: carol.ID(), Role: "weights", Share: 60_000_000},
			{ID: ed.ID(), Role: "compute", Share: 40_000_000}},
		License: "MIT", Created: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC),
		Royalty: provenance.RoyaltyTerms{Policy: provenance.PolicyRelative},
	}
	mc, err := m.CID()
	if err != nil {
		t.Fatal(err)
	}
	a, err := attest.NewManifestAttestation(m, mc)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := reg.Sign(ctx, owner, a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.Register(ctx, a, owner.Address(), sig); err != nil {
		t.Fatal(err)
	}
	env, err := attest.SignPayeeBinding(ctx, ed, dave.Address(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	b, err := attest.VerifyPayeeBinding(env)
	if err != nil {
		t.Fatal(err)
	}
	var bindings attest.Payees
	if err := bindings.Add(b); err != nil {
		t.Fatal(err)
	}
	payees := chain.Payees{Bindings: &bindings, Chain: reg}
	d, err := chain.NewDistributor(ctx, client, dep.Distributor, 1337, opt)
	if err != nil {
		t.Fatal(err)
	}
	voters, err := chain.NewVoters(ctx, m, payees)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Configure(ctx, mc, voters, common.Address{}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Pay(ctx, mc, common.Address{}, ether(1)); err != nil {
		t.Fatal(err)
	}
	nodes, _ := royalty.ManifestNodes(m)
	g, _ := royalty.NewGraph(nodes, royalty.Limits{})
	plan, err := d.PlanEpoch(ctx, g, mc, payees, chain.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	approval, err := chain.SignApproval(ctx, carol, d.Domain(), plan.EpochApproval)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := d.Publish(ctx, mc, plan.EpochApproval, voters, []*chain.SignedApproval{approval})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("geth: publish %d gas", pub.GasUsed)
	want := map[common.Address]*big.Int{carol.Address(): big.NewInt(6e17), dave.Address(): big.NewInt(4e17)}
	for who, amount := range want {
		before, _ := client.BalanceAt(ctx, who, nil)
		cl, err := d.ClaimFor(ctx, g, mc, 0, who, payees, chain.PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		after, _ := client.BalanceAt(ctx, who, nil)
		if got := new(big.Int).Sub(after, before); got.Cmp(amount) != 0 {
			t.Errorf("%s received %s, want %s", who.Hex(), got, amount)
		}
		t.Logf("geth: claim for %s, %d gas", who.Hex(), cl.GasUsed)
	}
	audit, err := d.AuditEpoch(ctx, g, mc, 0, payees, chain.PlanOptions{})
	if err != nil || !audit.Match {
		t.Fatalf("audit: %+v %v", audit, err)
	}
}
