package simulated_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/aiprov/aiprov/internal/payouttest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
)

func manifest(t testing.TB, name string, contributors []provenance.Contributor, parents ...provenance.Parent) *provenance.Manifest {
	t.Helper()
	m := &provenance.Manifest{
		Schema:       provenance.ManifestSchema,
		Subject:      provenance.Subject{Name: name, Kind: provenance.KindModel, CID: manifestCID(t, "content of "+name), Size: 1000},
		Parents:      parents,
		Contributors: contributors,
		License:      "MIT",
		Created:      time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC),
		Royalty:      provenance.RoyaltyTerms{Policy: provenance.PolicyRelative},
	}
	return m
}

func mcid(t testing.TB, m *provenance.Manifest) cid.Cid {
	t.Helper()
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	c, err := m.CID()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestPayoutFlow pays a finetune on the embedded chain and runs the whole
// payout: governance from its manifest, payee bindings for key-named
// contributors, the base model's token as a contributor, approvals by a
// majority, publish, every payee claimed by a relayer, balances equal to
// the split to the wei, an audit that catches a root one wei wrong, and a
// token transfer that moves the token's royalties.
func TestPayoutFlow(t *testing.T) {
	ctx := context.Background()
	owner, relayer, payer := newKey(t), newKey(t), newKey(t)
	alice, carol, dave := newKey(t), newKey(t), newKey(t) // Ethereum accounts
	edKey, _ := attest.GenerateKey(attest.Ed25519, nil)
	pKey, _ := attest.GenerateKey(attest.P256, nil)
	c := open(t, relayer)
	for _, k := range []*attest.PrivateKey{owner, payer} {
		if err := c.Fund(ctx, k.Address(), new(big.Int).Lsh(big.NewInt(1), 70)); err != nil {
			t.Fatal(err)
		}
	}

	share := func(pct uint64) uint64 { return pct * provenance.ShareWhole / 100 }
	base := manifest(t, "base", []provenance.Contributor{{ID: alice.ID(), Role: "weights", Share: share(60)}, {ID: edKey.ID(), Role: "weights", Share: share(40)}})
	baseCID := mcid(t, base)
	data := manifest(t, "data", []provenance.Contributor{{ID: provenance.TokenContributorPrefix + baseCID.String(), Role: "curation", Share: share(100)}})
	dataCID := mcid(t, data)
	ft := manifest(t, "finetune", []provenance.Contributor{{ID: carol.ID(), Role: "weights", Share: share(55)}, {ID: pKey.ID(), Role: "compute", Share: share(45)}},
		provenance.Parent{CID: baseCID, Relation: provenance.RelationFinetune, Share: share(10)},
		provenance.Parent{CID: dataCID, Relation: provenance.RelationTrainedOn, Share: share(5)})
	ftCID := mcid(t, ft)
	ms := map[cid.Cid]*provenance.Manifest{baseCID: base, dataCID: data, ftCID: ft}
	nodes, err := royalty.ManifestNodes(base, data, ft)
	if err != nil {
		t.Fatal(err)
	}
	g, err := royalty.NewGraph(nodes, royalty.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, mc := range []cid.Cid{baseCID, dataCID, ftCID} {
		a, err := attest.NewManifestAttestation(ms[mc], mc)
		if err != nil {
			t.Fatal(err)
		}
		register(t, c, owner, a)
	}

	// The key-named contributors bind themselves to accounts: ed25519 to
	// a fresh address, P-256 to dave's account (so dave votes for it).
	edPayee := common.HexToAddress("0x00000000000000000000000000000000000ed255")
	var bindings attest.Payees
	for _, b := range []struct {
		k  *attest.PrivateKey
		to common.Address
	}{{edKey, edPayee}, {pKey, dave.Address()}} {
		env, err := attest.SignPayeeBinding(ctx, b.k, b.to, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		pb, err := attest.VerifyPayeeBinding(env)
		if err != nil {
			t.Fatal(err)
		}
		if err := bindings.Add(pb); err != nil {
			t.Fatal(err)
		}
	}
	payees := chain.Payees{Bindings: &bindings, Chain: c}

	dist := func(k *attest.PrivateKey) *chain.Distributor {
		d, err := chain.NewDistributor(ctx, c.Client(), c.Addresses.Distributor, simulated.ChainID, chain.TxOptions{Signer: k, PollInterval: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	asOwner, asRelayer, asPayer := dist(owner), dist(relayer), dist(payer)

	// Without bindings the voters cannot be formed: the P-256 key is named.
	if _, err := chain.NewVoters(ctx, ft, chain.Payees{}); !errors.Is(err, royalty.ErrUnboundPayee) {
		t.Fatalf("voters without bindings: %v, want ErrUnboundPayee", err)
	}
	voters, err := chain.NewVoters(ctx, ft, payees)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := asRelayer.Configure(ctx, ftCID, voters, common.Address{}); !errors.Is(err, chain.ErrNotArtifactOwner) {
		t.Fatalf("configure by a stranger: %v, want ErrNotArtifactOwner", err)
	}
	if _, err := asOwner.Configure(ctx, ftCID, voters, common.Address{}); err != nil {
		t.Fatal(err)
	}
	gov, err := asOwner.Governance(ctx, ftCID)
	if err != nil || gov.VotersHash != chain.VotersHash(voters) || gov.TotalWeight != uint32(provenance.ShareWhole) {
		t.Fatalf("governance = %+v, %v", gov, err)
	}

	oneEth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	if _, err := asPayer.Pay(ctx, ftCID, common.Address{}, oneEth); err != nil {
		t.Fatal(err)
	}

	// Each voter computes the plan itself and signs it.
	approve := func(k *attest.PrivateKey) (*chain.Plan, *chain.SignedApproval) {
		plan, err := dist(k).PlanEpoch(ctx, g, ftCID, payees, chain.PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := chain.SignApproval(ctx, k, dist(k).Domain(), plan.EpochApproval)
		if err != nil {
			t.Fatal(err)
		}
		return plan, s
	}
	plan, carolOK := approve(carol)
	_, daveOK := approve(dave)
	if plan.Total.Cmp(oneEth) != 0 || plan.Epoch != 0 {
		t.Fatalf("plan = %+v", plan.EpochApproval)
	}
	// Carol's 55% alone is a majority; dave's 45% is not.
	if _, err := asRelayer.Publish(ctx, ftCID, plan.EpochApproval, voters, []*chain.SignedApproval{daveOK}); !errors.Is(err, chain.ErrNoMajority) {
		t.Fatalf("publish with 45%%: %v, want ErrNoMajority", err)
	}
	pub, err := asRelayer.Publish(ctx, ftCID, plan.EpochApproval, voters, []*chain.SignedApproval{carolOK, daveOK})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("publish with 2 approvals: %d gas", pub.GasUsed)

	// Expected: the split of 1 ETH (royalty's, checked against a reference
	// elsewhere) with the data's token share going to the base's owner and
	// the keys' shares to their bound accounts.
	want := map[common.Address]*big.Int{}
	for _, p := range plan.Resolved.Payouts {
		a, _ := royalty.ParseAddress(p.Recipient)
		want[common.Address(a)] = p.Amount
	}
	for _, who := range []common.Address{alice.Address(), edPayee, owner.Address(), carol.Address(), dave.Address()} {
		if want[who] == nil {
			t.Fatalf("no payout for %s in %v", who.Hex(), plan.Resolved.Payouts)
		}
	}
	before := map[common.Address]*big.Int{}
	for a := range want {
		before[a] = balanceOf(t, c, a)
	}
	ep0, err := asPayer.Epoch(ctx, ftCID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if left, err := asPayer.Remaining(ctx, ep0); err != nil || left.Cmp(oneEth) != 0 {
		t.Fatalf("before any claim, Remaining = %v, %v; want 1 ETH", left, err)
	}
	for a := range want {
		cl, err := asRelayer.ClaimFor(ctx, g, ftCID, 0, a, payees, chain.PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if again, err := asRelayer.ClaimFor(ctx, g, ftCID, 0, a, payees, chain.PlanOptions{}); err != nil || !again.Already {
			t.Fatalf("claiming twice: %+v, %v", again, err)
		}
		t.Logf("claim for %s: %s wei, %d gas", a.Hex(), cl.Amount, cl.GasUsed)
	}
	sum := new(big.Int)
	for a, w := range want {
		after := balanceOf(t, c, a)
		got := new(big.Int).Sub(after, before[a])
		if got.Cmp(w) != 0 {
			t.Errorf("%s: balance changed by %s, split says %s", a.Hex(), got, w)
		}
		sum.Add(sum, got)
	}
	if sum.Cmp(oneEth) != 0 {
		t.Errorf("claims paid %s in all, want exactly 1 ETH", sum)
	}
	if left, err := asPayer.Remaining(ctx, ep0); err != nil || left.Sign() != 0 {
		t.Errorf("after every claim, Remaining = %v, %v; want 0", left, err)
	}
	audit, err := asPayer.AuditEpoch(ctx, g, ftCID, 0, payees, chain.PlanOptions{})
	if err != nil || !audit.Match {
		t.Fatalf("audit of an honest epoch: %+v, %v", audit, err)
	}

	// A second payment, published with a root that moves one wei from the
	// first payee to the second: the voters sign it (they did not audit),
	// and the audit catches it.
	if _, err := asPayer.Pay(ctx, ftCID, common.Address{}, oneEth); err != nil {
		t.Fatal(err)
	}
	plan1, err := asPayer.PlanEpoch(ctx, g, ftCID, payees, chain.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wrong, err := payouttest.OneWeiWrong(plan1)
	if err != nil {
		t.Fatal(err)
	}
	s, err := chain.SignApproval(ctx, carol, asPayer.Domain(), wrong)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := asRelayer.Publish(ctx, ftCID, wrong, voters, []*chain.SignedApproval{s}); err != nil {
		t.Fatal(err)
	}
	audit, err = asPayer.AuditEpoch(ctx, g, ftCID, 1, payees, chain.PlanOptions{})
	if err != nil || audit.Match || audit.Plan.Root != plan1.Root {
		t.Fatalf("audit of a root one wei wrong: match=%v, %v", audit != nil && audit.Match, err)
	}
	if _, err := asRelayer.ClaimFor(ctx, g, ftCID, 1, carol.Address(), payees, chain.PlanOptions{}); err == nil {
		t.Fatal("ClaimFor found a proof in a root that is not the split")
	}

	// A third payment, published with the right root but its total in the
	// next claim word: the audit says so, and the payees' claims fail
	// rather than pay from a budget that is not theirs.
	if _, err := asPayer.Pay(ctx, ftCID, common.Address{}, oneEth); err != nil {
		t.Fatal(err)
	}
	plan3, err := asPayer.PlanEpoch(ctx, g, ftCID, payees, chain.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	shifted := plan3.EpochApproval
	shifted.Budgets = append([]*big.Int{new(big.Int)}, plan3.Budgets...)
	if s, err = chain.SignApproval(ctx, carol, asPayer.Domain(), shifted); err != nil {
		t.Fatal(err)
	}
	if _, err := asRelayer.Publish(ctx, ftCID, shifted, voters, []*chain.SignedApproval{s}); err != nil {
		t.Fatal(err)
	}
	audit, err = asPayer.AuditEpoch(ctx, g, ftCID, 2, payees, chain.PlanOptions{})
	if err != nil || audit.Match || audit.Epoch.Root != plan3.Root {
		t.Fatalf("audit of the right root with shifted budgets: match=%v, %v", audit != nil && audit.Match, err)
	}
	if _, err := asRelayer.ClaimFor(ctx, g, ftCID, 2, carol.Address(), payees, chain.PlanOptions{}); !errors.Is(err, chain.ErrNotInEpoch) {
		t.Fatalf("claim from shifted budgets: %v, want %v", err, chain.ErrNotInEpoch)
	}

	// The base's token moves to the relayer: the data's royalties follow.
	regAsOwner, err := chain.New(ctx, c.Client(), chain.Config{Registry: c.Addresses.Registry, ChainID: simulated.ChainID, TxOptions: chain.TxOptions{Signer: owner, PollInterval: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := regAsOwner.Transfer(ctx, baseCID, relayer.Address()); err != nil {
		t.Fatal(err)
	}
	plan2, err := asPayer.PlanEpoch(ctx, g, ftCID, payees, chain.PlanOptions{Total: oneEth})
	if err != nil {
		t.Fatal(err)
	}
	var toRelayer *big.Int
	for _, r := range plan2.Resolved.Routes {
		if r.Recipient == provenance.TokenContributorPrefix+baseCID.String() {
			if r.Payee != royalty.Address(relayer.Address()) {
				t.Errorf("the token's share goes to %s, not its new owner", r.Payee)
			}
			toRelayer = r.Amount
		}
	}
	if toRelayer == nil || toRelayer.Sign() <= 0 {
		t.Errorf("no route for the token contributor: %+v", plan2.Resolved.Routes)
	}
}

func balanceOf(t testing.TB, c *simulated.Chain, a common.Address) *big.Int {
	t.Helper()
	b, err := c.Client().(interface {
		BalanceAt(context.Context, common.Address, *big.Int) (*big.Int, error)
	}).BalanceAt(context.Background(), a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
