package chain_test

import (
	"cmp"
	"context"
	"encoding/json"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/aiprov/aiprov/royalty"
)

var (
	compileOnce sync.Once
	compiled    map[string]contract
)

// contracts compiles once per test binary: solc-js takes half a minute.
func contracts(t testing.TB) map[string]contract {
	compileOnce.Do(func() { compiled = compile(t) })
	if compiled == nil {
		t.Skip("contracts did not compile")
	}
	return compiled
}

// voter is the ABI shape of Distributor.Voter.
type voter struct {
	Account common.Address
	Weight  uint32
}

// approval is the ABI shape of Distributor.Approval.
type approval struct {
	Voter     uint32
	Signature []byte
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.Ether)) }

// payoutTree builds the royalty package's tree over addresses with
// amounts, and returns it with the proofs as the ABI takes them.
func payoutTree(t testing.TB, addrs []common.Address, amounts []*big.Int) (*royalty.MerkleTree, [][][32]byte) {
	t.Helper()
	payouts := make([]royalty.Payout, len(addrs))
	for i, a := range addrs {
		payouts[i] = royalty.Payout{Recipient: a.Hex(), Amount: amounts[i]}
	}
	tree, err := royalty.NewMerkleTree(payouts)
	if err != nil {
		t.Fatal(err)
	}
	proofs := make([][][32]byte, len(addrs))
	for i := range addrs {
		for _, h := range tree.Proof(i) {
			proofs[i] = append(proofs[i], h)
		}
		if proofs[i] == nil {
			proofs[i] = [][32]byte{}
		}
	}
	return tree, proofs
}

// distributorFixture is a fresh chain with a registry, a distributor and
// two artifacts: artifact 1 published by the vote of voters 3, 4 and 5
// (50%, 30%, 20%), artifact 2 by its owner alone; 3 ether paid to
// artifact 1 and 1 ether to artifact 2. Each subtest of
// TestDistributorContract starts from its own, so that any runs alone.
type distributorFixture struct {
	*evm
	c                        map[string]contract
	D                        contract
	reg, dist                common.Address
	voters                   []voter
	domain                   attest.Domain
	owner, relayer, stranger int
}

func newDistributorFixture(t *testing.T) *distributorFixture {
	c := contracts(t)
	f := &distributorFixture{evm: newEVM(t, 8, c), c: c, D: c["Distributor"], owner: 0, relayer: 1, stranger: 2}
	f.reg = f.deploy(f.owner, c["TestRegistry"])
	f.dist = f.deploy(f.owner, f.D, f.reg)
	f.send(f.owner, f.reg, c["TestRegistry"], nil, "mint", f.addr(f.owner), big.NewInt(1))
	f.send(f.owner, f.reg, c["TestRegistry"], nil, "mint", f.addr(f.owner), big.NewInt(2))
	weights := map[int]uint32{3: 50_000_000, 4: 30_000_000, 5: 20_000_000}
	for _, k := range []int{3, 4, 5} {
		f.voters = append(f.voters, voter{f.addr(k), weights[k]})
	}
	sortVoters(f.voters) // configure takes them sorted by address
	f.domain = chain.DistributorDomain(f.chainID.Uint64(), f.dist)
	return f
}

// configured configures both artifacts and pays them.
func (f *distributorFixture) configured() *distributorFixture {
	f.send(f.owner, f.dist, f.D, nil, "configure", big.NewInt(1), f.voters, common.Address{})
	f.send(f.owner, f.dist, f.D, nil, "configure", big.NewInt(2), []voter{}, f.addr(f.owner))
	f.send(f.stranger, f.dist, f.D, ether(3), "pay", big.NewInt(1))
	f.send(f.stranger, f.dist, f.D, ether(1), "pay", big.NewInt(2))
	return f
}

// sign returns key k's approval of a under d, checked by ParseApproval.
func (f *distributorFixture) sign(k int, a chain.EpochApproval, d attest.Domain) []byte {
	f.t.Helper()
	s, err := chain.SignApproval(context.Background(), attestKey(f.t, f.evm, k), d, a)
	if err != nil {
		f.t.Fatal(err)
	}
	if _, _, _, err := chain.ParseApproval(mustJSON(f.t, s)); err != nil {
		f.t.Fatal(err)
	}
	return common.FromHex(s.Signature)
}

// approvals returns the approvals of a by keys ks under d, in voter order.
func (f *distributorFixture) approvals(a chain.EpochApproval, d attest.Domain, ks ...int) []approval {
	f.t.Helper()
	var out []approval
	for _, k := range ks {
		i := slices.IndexFunc(f.voters, func(v voter) bool { return v.Account == f.addr(k) })
		if i < 0 {
			f.t.Fatalf("key %d is no voter", k)
		}
		out = append(out, approval{uint32(i), f.sign(k, a, d)})
	}
	sortApprovals(out)
	return out
}

// epochOf returns the approval message of a tree's epoch: its root, total
// and claim-word budgets.
func epochOf(t testing.TB, artifact int64, epoch uint64, token common.Address, tree *royalty.MerkleTree) chain.EpochApproval {
	t.Helper()
	budgets, err := chain.ClaimBudgets(tree)
	if err != nil {
		t.Fatal(err)
	}
	total := new(big.Int)
	for _, b := range budgets {
		total.Add(total, b)
	}
	return chain.EpochApproval{Artifact: big.NewInt(artifact), Epoch: epoch, Token: token, Root: tree.Root(), Total: total, Budgets: budgets}
}

// publish publishes a (by the voters' approvals ks, or by the owner when
// ks is empty) and returns the epoch's claim id.
func (f *distributorFixture) publish(a chain.EpochApproval, ks ...int) *big.Int {
	f.t.Helper()
	from, vs, as := f.owner, []voter{}, []approval{}
	if len(ks) > 0 {
		from, vs, as = f.relayer, f.voters, f.approvals(a, f.domain, ks...)
	}
	r := f.send(from, f.dist, f.D, nil, "publish", a.Artifact, a.Token, a.Root, a.Budgets, vs, as)
	f.t.Logf("publish (%d approvals, %d claim words): %d gas", len(as), len(a.Budgets), r.GasUsed)
	return claimID(f.t, f.D, r)
}

// TestDistributorContract drives every path of Distributor.sol on the
// simulated backend, reverts included. Trees come from package royalty
// (whose roots equal @openzeppelin/merkle-tree's, royalty's tests check);
// approvals are signed with attest keys over chain.EpochApproval's
// digest, which must equal the contract's own (OpenZeppelin's EIP712);
// claim-word budgets are chain.ClaimBudgets', which must put each leaf in
// the word the contract computes from its proof, or its claim fails.
func TestDistributorContract(t *testing.T) {
	t.Run("configure", func(t *testing.T) {
		f := newDistributorFixture(t)
		unsorted := []voter{f.voters[2], f.voters[0], f.voters[1]}
		f.reverts("NotArtifactOwner", f.stranger, f.dist, f.D, nil, "configure", big.NewInt(1), f.voters, common.Address{})
		f.reverts("UnknownArtifact", f.owner, f.dist, f.D, nil, "configure", big.NewInt(99), f.voters, common.Address{})
		f.reverts("BadVoters", f.owner, f.dist, f.D, nil, "configure", big.NewInt(1), unsorted, common.Address{})
		f.reverts("BadVoters", f.owner, f.dist, f.D, nil, "configure", big.NewInt(1), []voter{}, common.Address{})
		f.send(f.owner, f.dist, f.D, nil, "configure", big.NewInt(1), f.voters, common.Address{})
		f.reverts("AlreadyConfigured", f.owner, f.dist, f.D, nil, "configure", big.NewInt(1), f.voters, f.addr(f.owner))
		f.send(f.owner, f.dist, f.D, nil, "configure", big.NewInt(2), []voter{}, f.addr(f.owner))
	})

	t.Run("pay", func(t *testing.T) {
		f := newDistributorFixture(t)
		f.reverts("ZeroAmount", f.stranger, f.dist, f.D, nil, "pay", big.NewInt(1))
		f.reverts("UnknownArtifact", f.stranger, f.dist, f.D, ether(1), "pay", big.NewInt(7))
		f.send(f.stranger, f.dist, f.D, ether(1), "pay", big.NewInt(1))
		f.send(f.stranger, f.dist, f.D, ether(2), "pay", big.NewInt(1))
		if got := f.call(f.dist, f.D, "unallocated", big.NewInt(1), common.Address{})[0].(*big.Int); got.Cmp(ether(3)) != 0 {
			t.Fatalf("unallocated = %v, want 3 ether", got)
		}
	})

	// Payees of artifact 1's epochs: three accounts and a contract that
	// tries to re-enter claim when paid.
	payeesAndTree := func(f *distributorFixture, reenter common.Address) ([]common.Address, []*big.Int, *royalty.MerkleTree, [][][32]byte) {
		payees := []common.Address{f.addr(6), f.addr(7), common.HexToAddress("0x00000000000000000000000000000000000a11ce"), reenter}
		amounts := []*big.Int{ether(1), big.NewInt(12345), new(big.Int).Sub(ether(1), big.NewInt(12345)), big.NewInt(777)}
		tree, proofs := payoutTree(t, payees, amounts)
		return payees, amounts, tree, proofs
	}

	t.Run("digest", func(t *testing.T) {
		f := newDistributorFixture(t)
		_, _, tree, _ := payeesAndTree(f, common.Address{})
		ep0 := epochOf(t, 1, 0, common.Address{}, tree)
		got := f.call(f.dist, f.D, "approvalDigest", ep0.Artifact, new(big.Int).SetUint64(ep0.Epoch), ep0.Token, ep0.Root, ep0.Total, ep0.Budgets)[0].([32]byte)
		if got != ep0.Digest(f.domain) {
			t.Fatalf("contract digest %x, Go digest %x", got, ep0.Digest(f.domain))
		}
		// ethers v6, a wallet's EIP-712 implementation, reads the approval
		// file as eth_signTypedData_v4 gives it: the same digest (with the
		// uint256[] budgets, two words of which one empty) and signer.
		ep0.Budgets = []*big.Int{new(big.Int), ep0.Total}
		s, err := chain.SignApproval(context.Background(), attestKey(t, f.evm, 3), f.domain, ep0)
		if err != nil {
			t.Fatal(err)
		}
		const script = `
import { ethers } from "ethers";
import { readFileSync } from "node:fs";
const s = JSON.parse(readFileSync(0, "utf8"));
const { EIP712Domain, ...types } = s.typedData.types;
const td = s.typedData;
console.log(ethers.TypedDataEncoder.hash(td.domain, types, td.message) + " " + ethers.verifyTypedData(td.domain, types, td.message, s.signature));
`
		out := strings.Fields(string(testtools.RunNode(t, script, mustJSON(t, s))))
		want := f.call(f.dist, f.D, "approvalDigest", ep0.Artifact, new(big.Int).SetUint64(ep0.Epoch), ep0.Token, ep0.Root, ep0.Total, ep0.Budgets)[0].([32]byte)
		if len(out) != 2 || out[0] != "0x"+common.Bytes2Hex(want[:]) || out[1] != f.addr(3).Hex() {
			t.Fatalf("ethers: digest and signer %q, want 0x%x and %s", out, want, f.addr(3).Hex())
		}
	})

	t.Run("publish reverts", func(t *testing.T) {
		f := newDistributorFixture(t).configured()
		_, _, tree, _ := payeesAndTree(f, common.Address{})
		ep0 := epochOf(t, 1, 0, common.Address{}, tree)
		root, total := ep0.Root, ep0.Total
		pub := func(want string, from int, a chain.EpochApproval, vs []voter, as []approval) {
			t.Helper()
			f.reverts(want, from, f.dist, f.D, nil, "publish", a.Artifact, a.Token, a.Root, a.Budgets, vs, as)
		}
		minority := f.approvals(ep0, f.domain, 4, 5) // 50%: not more than half
		pub("NoMajority", f.relayer, ep0, f.voters, minority)
		pub("NoMajority", f.relayer, ep0, f.voters, []approval{})
		good := f.approvals(ep0, f.domain, 3, 4)
		pub("VotersMismatch", f.relayer, ep0, []voter{f.voters[2], f.voters[0], f.voters[1]}, good)
		heavier := append([]voter(nil), f.voters...)
		heavier[0].Weight *= 2
		pub("VotersMismatch", f.relayer, ep0, heavier, good)
		pub("ApprovalsOutOfOrder", f.relayer, ep0, f.voters, []approval{good[1], good[0]})
		pub("ApprovalsOutOfOrder", f.relayer, ep0, f.voters, []approval{good[0], good[0]})
		pub("ApprovalsOutOfOrder", f.relayer, ep0, f.voters, []approval{{9, good[0].Signature}})
		// Approvals of another epoch, artifact, total, budgets, token,
		// chain or distributor do not count.
		moved := []*big.Int{new(big.Int), total} // the same total in word 1, not 0
		for _, a := range []chain.EpochApproval{
			{Artifact: big.NewInt(1), Epoch: 1, Root: root, Total: total, Budgets: ep0.Budgets},
			{Artifact: big.NewInt(2), Epoch: 0, Root: root, Total: total, Budgets: ep0.Budgets},
			{Artifact: big.NewInt(1), Epoch: 0, Root: root, Total: new(big.Int).Add(total, big.NewInt(1)), Budgets: []*big.Int{new(big.Int).Add(total, big.NewInt(1))}},
			{Artifact: big.NewInt(1), Epoch: 0, Root: root, Total: total, Budgets: moved},
			{Artifact: big.NewInt(1), Epoch: 0, Root: root, Total: total, Budgets: ep0.Budgets, Token: f.reg},
		} {
			pub("BadApproval", f.relayer, ep0, f.voters, f.approvals(a, f.domain, 3, 4))
		}
		pub("BadApproval", f.relayer, ep0, f.voters, f.approvals(ep0, chain.DistributorDomain(f.chainID.Uint64()+1, f.dist), 3, 4))
		pub("BadApproval", f.relayer, ep0, f.voters, f.approvals(ep0, chain.DistributorDomain(f.chainID.Uint64(), f.reg), 3, 4))
		// Budgets published otherwise than approved.
		shifted := ep0
		shifted.Budgets = moved
		pub("BadApproval", f.relayer, shifted, f.voters, good)
		// A voter's slot signed by someone else.
		forged := f.approvals(ep0, f.domain, 3, 4)
		forged[0].Signature = f.sign(f.stranger, ep0, f.domain)
		pub("BadApproval", f.relayer, ep0, f.voters, forged)
		big4 := chain.EpochApproval{Artifact: big.NewInt(1), Root: root, Total: ether(4), Budgets: []*big.Int{ether(4)}}
		pub("InsufficientUnallocated", f.relayer, big4, f.voters, f.approvals(big4, f.domain, 3, 4))
		max96 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 96), big.NewInt(1))
		pub("TotalTooLarge", f.relayer, chain.EpochApproval{Artifact: big.NewInt(1), Root: root, Budgets: []*big.Int{new(big.Int).Lsh(big.NewInt(1), 96)}}, f.voters, good)
		pub("TotalTooLarge", f.relayer, chain.EpochApproval{Artifact: big.NewInt(1), Root: root, Budgets: []*big.Int{max96, big.NewInt(1)}}, f.voters, good)
		pub("ZeroRoot", f.relayer, chain.EpochApproval{Artifact: big.NewInt(1), Budgets: ep0.Budgets}, f.voters, good)
		pub("ZeroAmount", f.relayer, chain.EpochApproval{Artifact: big.NewInt(1), Root: root, Budgets: []*big.Int{}}, f.voters, good)
		pub("ZeroAmount", f.relayer, chain.EpochApproval{Artifact: big.NewInt(1), Root: root, Budgets: []*big.Int{new(big.Int)}}, f.voters, good)
		pub("NotConfigured", f.relayer, chain.EpochApproval{Artifact: big.NewInt(3), Root: root, Budgets: ep0.Budgets}, f.voters, good)
		pub("NotPublisher", f.relayer, chain.EpochApproval{Artifact: big.NewInt(2), Root: root, Budgets: ep0.Budgets}, []voter{}, []approval{})
	})

	t.Run("publish and claim", func(t *testing.T) {
		f := newDistributorFixture(t).configured()
		reenter := f.deploy(f.stranger, f.c["Reenter"])
		payees, amounts, tree, proofs := payeesAndTree(f, reenter)
		ep0 := epochOf(t, 1, 0, common.Address{}, tree)
		id := f.publish(ep0, 3, 5)
		if got := f.call(f.dist, f.D, "unallocated", big.NewInt(1), common.Address{})[0].(*big.Int); got.Cmp(new(big.Int).Sub(ether(3), ep0.Total)) != 0 {
			t.Errorf("unallocated after publish = %v", got)
		}
		// The same approvals cannot publish epoch 1.
		f.reverts("BadApproval", f.relayer, f.dist, f.D, nil, "publish", ep0.Artifact, ep0.Token, ep0.Root, ep0.Budgets, f.voters, f.approvals(ep0, f.domain, 3, 5))

		claim := func(i int) {
			t.Helper()
			before := f.balance(payees[i])
			r := f.send(f.relayer, f.dist, f.D, nil, "claim", id, payees[i], amounts[i], proofs[i])
			if got := new(big.Int).Sub(f.balance(payees[i]), before); got.Cmp(amounts[i]) != 0 {
				t.Errorf("payee %d received %v, want %v", i, got, amounts[i])
			}
			t.Logf("claim %d (native, relayed): %d gas", i, r.GasUsed)
		}
		// The re-entering payee, while paid, tries to claim its own leaf
		// again (another leaf: the next subtest).
		f.send(f.stranger, reenter, f.c["Reenter"], nil, "arm", f.dist, id, payees[3], amounts[3], proofs[3])
		claim(3)
		if !f.call(reenter, f.c["Reenter"], "tried")[0].(bool) || f.call(reenter, f.c["Reenter"], "reentered")[0].(bool) {
			t.Fatal("the re-entrant claim of its own leaf was not tried, or succeeded")
		}
		f.reverts("AlreadyClaimed", f.relayer, f.dist, f.D, nil, "claim", id, payees[3], amounts[3], proofs[3])
		f.reverts("NotInEpoch", f.relayer, f.dist, f.D, nil, "claim", id, payees[0], amounts[1], proofs[0])
		f.reverts("NotInEpoch", f.relayer, f.dist, f.D, nil, "claim", id, payees[0], amounts[0], proofs[1])
		// A claim id names the token: the same counter with another token
		// finds no word; an unpublished counter is unknown.
		f.reverts("NotInEpoch", f.relayer, f.dist, f.D, nil, "claim", new(big.Int).Or(id, new(big.Int).Lsh(big.NewInt(1), 64)), payees[0], amounts[0], proofs[0])
		f.reverts("UnknownClaimId", f.relayer, f.dist, f.D, nil, "claim", new(big.Int).Add(id, big.NewInt(1)), payees[0], amounts[0], proofs[0])
		f.reverts("UnknownClaimId", f.relayer, f.dist, f.D, nil, "claim", new(big.Int), payees[0], amounts[0], proofs[0])
		for i := range 3 {
			if f.call(f.dist, f.D, "isClaimed", id, payees[i], amounts[i], proofs[i])[0].(bool) {
				t.Errorf("leaf %d claimed before its claim", i)
			}
			claim(i)
			if !f.call(f.dist, f.D, "isClaimed", id, payees[i], amounts[i], proofs[i])[0].(bool) {
				t.Errorf("leaf %d not claimed after its claim", i)
			}
		}
		for w, b := range ep0.Budgets {
			cw := f.call(f.dist, f.D, "claimWord", id, ep0.Root, big.NewInt(int64(w)))
			if cw[0].(*big.Int).Sign() != 0 || (b.Sign() != 0) != (cw[1].(*big.Int).Sign() != 0) {
				t.Errorf("claim word %d after every claim: remaining %v, claimed bits %x", w, cw[0], cw[1])
			}
		}
	})

	t.Run("re-entry into another leaf", func(t *testing.T) {
		f := newDistributorFixture(t).configured()
		reenter := f.deploy(f.stranger, f.c["Reenter"])
		payees, amounts, tree, proofs := payeesAndTree(f, reenter)
		id := f.publish(epochOf(t, 1, 0, common.Address{}, tree), 3, 4)
		f.send(f.stranger, reenter, f.c["Reenter"], nil, "arm", f.dist, id, payees[0], amounts[0], proofs[0])
		f.send(f.relayer, f.dist, f.D, nil, "claim", id, payees[3], amounts[3], proofs[3])
		if !f.call(reenter, f.c["Reenter"], "tried")[0].(bool) || f.call(reenter, f.c["Reenter"], "reentered")[0].(bool) {
			t.Fatal("the re-entrant claim of another leaf was not tried, or succeeded")
		}
		if f.call(f.dist, f.D, "isClaimed", id, payees[0], amounts[0], proofs[0])[0].(bool) {
			t.Fatal("payee 0's leaf was claimed inside another payment")
		}
	})

	t.Run("budgets cap claims", func(t *testing.T) {
		// The publisher of artifact 2 publishes a tree paying 2 ether with
		// budgets of 1 ether: the second claim finds its word's budget
		// spent, and artifact 1's money is untouched.
		f := newDistributorFixture(t).configured()
		over := []*big.Int{ether(1), ether(1)}
		ps := []common.Address{f.addr(6), f.addr(7)}
		tree2, proofs2 := payoutTree(t, ps, over)
		a := epochOf(t, 2, 0, common.Address{}, tree2)
		if len(a.Budgets) != 1 {
			t.Fatalf("two leaves in %d claim words", len(a.Budgets))
		}
		a.Budgets = []*big.Int{ether(1)}
		id := f.publish(a)
		f.send(f.relayer, f.dist, f.D, nil, "claim", id, ps[0], over[0], proofs2[0])
		f.reverts("EpochExhausted", f.relayer, f.dist, f.D, nil, "claim", id, ps[1], over[1], proofs2[1])
		if got := f.balance(f.dist); got.Cmp(ether(3)) != 0 {
			t.Errorf("distributor holds %v, want artifact 1's unallocated 3 ether", got)
		}
	})

	// Hundreds of payees spread over several claim words: each claim
	// succeeds only if chain.ClaimBudgets put its leaf in the word the
	// contract computes, and every word ends exactly spent.
	t.Run("many claim words", func(t *testing.T) {
		f := newDistributorFixture(t).configured()
		const n = 300
		ps := make([]common.Address, n)
		am := make([]*big.Int, n)
		for i := range ps {
			k, _ := crypto.GenerateKey()
			ps[i] = crypto.PubkeyToAddress(k.PublicKey)
			am[i] = big.NewInt(int64(1_000_000 + i))
		}
		tr, pr := payoutTree(t, ps, am)
		a := epochOf(t, 2, 0, common.Address{}, tr)
		words := 0
		for _, b := range a.Budgets {
			if b.Sign() != 0 {
				words++
			}
		}
		if words < 3 {
			t.Fatalf("%d payees fill %d claim words; the test needs several", n, words)
		}
		id := f.publish(a)
		for i := range ps {
			f.send(f.relayer, f.dist, f.D, nil, "claim", id, ps[i], am[i], pr[i])
			if got := f.balance(ps[i]); got.Cmp(am[i]) != 0 {
				t.Fatalf("payee %d received %v, want %v", i, got, am[i])
			}
		}
		for w, b := range a.Budgets {
			cw := f.call(f.dist, f.D, "claimWord", id, a.Root, big.NewInt(int64(w)))
			if cw[0].(*big.Int).Sign() != 0 {
				t.Errorf("claim word %d (budget %v) has %v left after every claim", w, b, cw[0])
			}
		}
	})

	t.Run("erc20", func(t *testing.T) {
		f := newDistributorFixture(t).configured()
		tok := f.deploy(f.stranger, f.c["TestToken"], ether(1000))
		fee := f.deploy(f.stranger, f.c["FeeToken"], ether(1000))
		T := f.c["TestToken"]
		f.reverts("NotAToken", f.stranger, f.dist, f.D, nil, "payToken", big.NewInt(1), common.Address{}, ether(1))
		f.reverts("ZeroAmount", f.stranger, f.dist, f.D, nil, "payToken", big.NewInt(1), tok, new(big.Int))
		f.reverts("ERC20InsufficientAllowance", f.stranger, f.dist, f.D, nil, "payToken", big.NewInt(1), tok, ether(1))
		f.send(f.stranger, tok, T, nil, "approve", f.dist, ether(10))
		f.send(f.stranger, fee, f.c["FeeToken"], nil, "approve", f.dist, ether(10))
		f.send(f.stranger, f.dist, f.D, nil, "payToken", big.NewInt(1), tok, ether(10))
		f.send(f.stranger, f.dist, f.D, nil, "payToken", big.NewInt(1), fee, ether(10))
		if got := f.call(f.dist, f.D, "unallocated", big.NewInt(1), tok)[0].(*big.Int); got.Cmp(ether(10)) != 0 {
			t.Errorf("unallocated TST = %v", got)
		}
		// 1% of the fee token burns on the way in: 9.9 arrive.
		if got := f.call(f.dist, f.D, "unallocated", big.NewInt(1), fee)[0].(*big.Int); got.Cmp(new(big.Int).Div(ether(990), big.NewInt(100))) != 0 {
			t.Errorf("unallocated FEE = %v, want 9.9 ether", got)
		}
		ps := []common.Address{f.addr(6), f.addr(7), common.HexToAddress("0x00000000000000000000000000000000000b0b00")}
		am := []*big.Int{ether(6), ether(3), ether(1)}
		tr, pr := payoutTree(t, ps, am)
		id := f.publish(epochOf(t, 1, 0, tok, tr), 3, 4)
		// The native epoch id of the same counter pays nothing.
		f.reverts("NotInEpoch", f.relayer, f.dist, f.D, nil, "claim", new(big.Int).And(id, big.NewInt(1<<62-1)), ps[0], am[0], pr[0])
		for i := range ps {
			r := f.send(f.relayer, f.dist, f.D, nil, "claim", id, ps[i], am[i], pr[i])
			t.Logf("claim %d (ERC-20): %d gas", i, r.GasUsed)
			if got := f.call(tok, T, "balanceOf", ps[i])[0].(*big.Int); got.Cmp(am[i]) != 0 {
				t.Errorf("payee %d holds %v TST, want %v", i, got, am[i])
			}
		}
		// The native balance of artifact 1 did not move.
		if got := f.call(f.dist, f.D, "unallocated", big.NewInt(1), common.Address{})[0].(*big.Int); got.Cmp(ether(3)) != 0 {
			t.Errorf("native unallocated moved: %v", got)
		}
	})

	// Non-standard ERC-20s, through OpenZeppelin's SafeERC20: one that
	// returns nothing (as USDT) is paid in, published and claimed; one
	// that returns false is refused, crediting nothing.
	t.Run("non-standard erc20", func(t *testing.T) {
		f := newDistributorFixture(t).configured()
		NR := f.c["NoReturnToken"]
		nr := f.deploy(f.stranger, NR, ether(1000))
		f.send(f.stranger, nr, NR, nil, "approve", f.dist, ether(10))
		f.send(f.stranger, f.dist, f.D, nil, "payToken", big.NewInt(1), nr, ether(10))
		if got := f.call(f.dist, f.D, "unallocated", big.NewInt(1), nr)[0].(*big.Int); got.Cmp(ether(10)) != 0 {
			t.Fatalf("unallocated of the no-return token = %v, want 10 ether", got)
		}
		ps := []common.Address{f.addr(6), f.addr(7)}
		am := []*big.Int{ether(7), ether(3)}
		tr, pr := payoutTree(t, ps, am)
		id := f.publish(epochOf(t, 1, 0, nr, tr), 3, 4)
		for i := range ps {
			f.send(f.relayer, f.dist, f.D, nil, "claim", id, ps[i], am[i], pr[i])
			if got := f.call(nr, NR, "balanceOf", ps[i])[0].(*big.Int); got.Cmp(am[i]) != 0 {
				t.Errorf("payee %d holds %v of the no-return token, want %v", i, got, am[i])
			}
		}
		f.reverts("AlreadyClaimed", f.relayer, f.dist, f.D, nil, "claim", id, ps[0], am[0], pr[0])

		F := f.c["FalseToken"]
		ft := f.deploy(f.stranger, F, ether(1000))
		f.send(f.stranger, ft, F, nil, "approve", f.dist, ether(10))
		f.reverts("SafeERC20FailedOperation", f.stranger, f.dist, f.D, nil, "payToken", big.NewInt(1), ft, ether(10))
		if got := f.call(f.dist, f.D, "unallocated", big.NewInt(1), ft)[0].(*big.Int); got.Sign() != 0 {
			t.Errorf("a token whose transfer returned false credited %v", got)
		}
	})
}

func sortVoters(v []voter) {
	slices.SortFunc(v, func(a, b voter) int { return a.Account.Cmp(b.Account) })
}

func sortApprovals(a []approval) {
	slices.SortFunc(a, func(x, y approval) int { return cmp.Compare(x.Voter, y.Voter) })
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func attestKey(t testing.TB, e *evm, k int) *attest.PrivateKey {
	t.Helper()
	key, err := attest.ParsePrivateKey([]byte(common.Bytes2Hex(crypto.FromECDSA(e.keys[k]))), nil)
	if err != nil {
		t.Fatal(err)
	}
	return key
}
