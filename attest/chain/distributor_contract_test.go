package chain_test

import (
	"cmp"
	"context"
	"encoding/json"
	"math/big"
	"slices"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
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

// TestDistributorContract drives every path of Distributor.sol on the
// simulated backend, reverts included. Trees come from package royalty
// (whose roots equal @openzeppelin/merkle-tree's, royalty's tests check);
// approvals are signed with attest keys over chain.EpochApproval's
// digest, which must equal the contract's own (OpenZeppelin's EIP712).
func TestDistributorContract(t *testing.T) {
	c := contracts(t)
	e := newEVM(t, 8, c)
	const owner, relayer, stranger = 0, 1, 2
	// Voters 3, 4, 5 hold 50%, 30% and 20% of artifact 1.
	voterKeys := []int{3, 4, 5}
	weights := map[int]uint32{3: 50_000_000, 4: 30_000_000, 5: 20_000_000}

	reg := e.deploy(owner, c["TestRegistry"])
	dist := e.deploy(owner, c["Distributor"], reg)
	D := c["Distributor"]
	e.send(owner, reg, c["TestRegistry"], nil, "mint", e.addr(owner), big.NewInt(1))
	e.send(owner, reg, c["TestRegistry"], nil, "mint", e.addr(owner), big.NewInt(2))

	// Voters sorted by address, as configure requires.
	var voters []voter
	for _, k := range voterKeys {
		voters = append(voters, voter{e.addr(k), weights[k]})
	}
	sortVoters(voters)
	unsorted := []voter{voters[2], voters[0], voters[1]}

	t.Run("configure", func(t *testing.T) {
		e.reverts("NotArtifactOwner", stranger, dist, D, nil, "configure", big.NewInt(1), voters, common.Address{})
		e.reverts("UnknownArtifact", owner, dist, D, nil, "configure", big.NewInt(99), voters, common.Address{})
		e.reverts("BadVoters", owner, dist, D, nil, "configure", big.NewInt(1), unsorted, common.Address{})
		e.reverts("BadVoters", owner, dist, D, nil, "configure", big.NewInt(1), []voter{}, common.Address{})
		e.send(owner, dist, D, nil, "configure", big.NewInt(1), voters, common.Address{})
		e.reverts("AlreadyConfigured", owner, dist, D, nil, "configure", big.NewInt(1), voters, e.addr(owner))
		// Artifact 2: its owner publishes alone.
		e.send(owner, dist, D, nil, "configure", big.NewInt(2), []voter{}, e.addr(owner))
	})

	t.Run("pay", func(t *testing.T) {
		e.reverts("ZeroAmount", stranger, dist, D, nil, "pay", big.NewInt(1))
		e.reverts("UnknownArtifact", stranger, dist, D, ether(1), "pay", big.NewInt(7))
		e.send(stranger, dist, D, ether(1), "pay", big.NewInt(1))
		e.send(stranger, dist, D, ether(2), "pay", big.NewInt(1))
		e.send(stranger, dist, D, ether(1), "pay", big.NewInt(2))
		if got := e.call(dist, D, "unallocated", big.NewInt(1), common.Address{})[0].(*big.Int); got.Cmp(ether(3)) != 0 {
			t.Fatalf("unallocated = %v, want 3 ether", got)
		}
	})

	// Payees of epoch 0 of artifact 1: three accounts and a contract that
	// tries to re-enter claim when paid.
	reenter := e.deploy(stranger, c["Reenter"])
	payees := []common.Address{e.addr(6), e.addr(7), common.HexToAddress("0x00000000000000000000000000000000000a11ce"), reenter}
	amounts := []*big.Int{ether(1), big.NewInt(12345), new(big.Int).Sub(ether(1), big.NewInt(12345)), big.NewInt(777)}
	total := new(big.Int)
	for _, a := range amounts {
		total.Add(total, a)
	}
	tree, proofs := payoutTree(t, payees, amounts)
	root := [32]byte(tree.Root())
	domain := chain.DistributorDomain(e.chainID.Uint64(), dist)
	sign := func(k int, a chain.EpochApproval, d attest.Domain) []byte {
		key := attestKey(t, e, k)
		s, err := chain.SignApproval(context.Background(), key, d, a)
		if err != nil {
			t.Fatal(err)
		}
		_, _, _, err = chain.ParseApproval(mustJSON(t, s))
		if err != nil {
			t.Fatal(err)
		}
		return common.FromHex(s.Signature)
	}
	index := func(k int) uint32 {
		for i, v := range voters {
			if v.Account == e.addr(k) {
				return uint32(i)
			}
		}
		t.Fatal("no voter")
		return 0
	}
	approvalsBy := func(a chain.EpochApproval, d attest.Domain, ks ...int) []approval {
		var out []approval
		for _, k := range ks {
			out = append(out, approval{index(k), sign(k, a, d)})
		}
		sortApprovals(out)
		return out
	}
	ep0 := chain.EpochApproval{Artifact: big.NewInt(1), Epoch: 0, Root: root, Total: total}

	t.Run("digest", func(t *testing.T) {
		got := e.call(dist, D, "approvalDigest", ep0.Artifact, new(big.Int).SetUint64(ep0.Epoch), ep0.Token, ep0.Root, ep0.Total)[0].([32]byte)
		if got != ep0.Digest(domain) {
			t.Fatalf("contract digest %x, Go digest %x", got, ep0.Digest(domain))
		}
	})

	t.Run("publish reverts", func(t *testing.T) {
		pub := func(want string, from int, a chain.EpochApproval, vs []voter, as []approval) {
			t.Helper()
			e.reverts(want, from, dist, D, nil, "publish", a.Artifact, a.Token, a.Root, a.Total, vs, as)
		}
		minority := approvalsBy(ep0, domain, 4, 5) // 50%: not more than half
		pub("NoMajority", relayer, ep0, voters, minority)
		pub("NoMajority", relayer, ep0, voters, []approval{})
		good := approvalsBy(ep0, domain, 3, 4)
		pub("VotersMismatch", relayer, ep0, unsorted, good)
		heavier := append([]voter(nil), voters...)
		heavier[0].Weight *= 2
		pub("VotersMismatch", relayer, ep0, heavier, good)
		pub("ApprovalsOutOfOrder", relayer, ep0, voters, []approval{good[1], good[0]})
		pub("ApprovalsOutOfOrder", relayer, ep0, voters, []approval{good[0], good[0]})
		pub("ApprovalsOutOfOrder", relayer, ep0, voters, []approval{{9, good[0].Signature}})
		// Approvals of another epoch, artifact, total, chain or
		// distributor do not count.
		for name, a := range map[string]chain.EpochApproval{
			"epoch 1":  {Artifact: big.NewInt(1), Epoch: 1, Root: root, Total: total},
			"artifact": {Artifact: big.NewInt(2), Epoch: 0, Root: root, Total: total},
			"total":    {Artifact: big.NewInt(1), Epoch: 0, Root: root, Total: new(big.Int).Add(total, big.NewInt(1))},
			"token":    {Artifact: big.NewInt(1), Epoch: 0, Root: root, Total: total, Token: reg},
		} {
			t.Run(name, func(t *testing.T) { pub("BadApproval", relayer, ep0, voters, approvalsBy(a, domain, 3, 4)) })
		}
		pub("BadApproval", relayer, ep0, voters, approvalsBy(ep0, chain.DistributorDomain(e.chainID.Uint64()+1, dist), 3, 4))
		pub("BadApproval", relayer, ep0, voters, approvalsBy(ep0, chain.DistributorDomain(e.chainID.Uint64(), reg), 3, 4))
		// A voter's slot signed by someone else.
		forged := approvalsBy(ep0, domain, 3, 4)
		forged[0].Signature = sign(stranger, ep0, domain)
		pub("BadApproval", relayer, ep0, voters, forged)
		big4 := chain.EpochApproval{Artifact: big.NewInt(1), Root: root, Total: ether(4)}
		pub("InsufficientUnallocated", relayer, big4, voters, approvalsBy(big4, domain, 3, 4))
		huge := chain.EpochApproval{Artifact: big.NewInt(1), Root: root, Total: new(big.Int).Lsh(big.NewInt(1), 96)}
		pub("TotalTooLarge", relayer, huge, voters, approvalsBy(huge, domain, 3, 4))
		pub("ZeroRoot", relayer, chain.EpochApproval{Artifact: big.NewInt(1), Total: total}, voters, good)
		pub("ZeroAmount", relayer, chain.EpochApproval{Artifact: big.NewInt(1), Root: root, Total: new(big.Int)}, voters, good)
		pub("NotConfigured", relayer, chain.EpochApproval{Artifact: big.NewInt(3), Root: root, Total: total}, voters, good)
		pub("NotPublisher", relayer, chain.EpochApproval{Artifact: big.NewInt(2), Root: root, Total: total}, nil, nil)
	})

	t.Run("publish and claim", func(t *testing.T) {
		r := e.send(relayer, dist, D, nil, "publish", ep0.Artifact, ep0.Token, ep0.Root, ep0.Total, voters, approvalsBy(ep0, domain, 3, 5))
		t.Logf("publish with 2 approvals of 3 voters: %d gas", r.GasUsed)
		if got := e.call(dist, D, "unallocated", big.NewInt(1), common.Address{})[0].(*big.Int); got.Cmp(new(big.Int).Sub(ether(3), total)) != 0 {
			t.Errorf("unallocated after publish = %v", got)
		}
		// The same approvals cannot publish epoch 1.
		e.reverts("BadApproval", relayer, dist, D, nil, "publish", ep0.Artifact, ep0.Token, ep0.Root, ep0.Total, voters, approvalsBy(ep0, domain, 3, 5))

		// The re-entering payee tries to claim payee 0's leaf while paid.
		e.send(stranger, reenter, c["Reenter"], nil, "arm", dist, big.NewInt(1), big.NewInt(0), payees[0], amounts[0], proofs[0])
		claim := func(i int) {
			t.Helper()
			before := e.balance(payees[i])
			r := e.send(relayer, dist, D, nil, "claim", big.NewInt(1), big.NewInt(0), payees[i], amounts[i], proofs[i])
			if got := new(big.Int).Sub(e.balance(payees[i]), before); got.Cmp(amounts[i]) != 0 {
				t.Errorf("payee %d received %v, want %v", i, got, amounts[i])
			}
			t.Logf("claim %d (native, relayed): %d gas", i, r.GasUsed)
		}
		claim(3)
		if !e.call(reenter, c["Reenter"], "tried")[0].(bool) || e.call(reenter, c["Reenter"], "reentered")[0].(bool) {
			t.Fatal("the re-entrant claim was not tried, or succeeded")
		}
		e.reverts("AlreadyClaimed", relayer, dist, D, nil, "claim", big.NewInt(1), big.NewInt(0), payees[3], amounts[3], proofs[3])
		e.reverts("InvalidProof", relayer, dist, D, nil, "claim", big.NewInt(1), big.NewInt(0), payees[0], amounts[1], proofs[0])
		e.reverts("InvalidProof", relayer, dist, D, nil, "claim", big.NewInt(1), big.NewInt(0), payees[0], amounts[0], proofs[1])
		e.reverts("UnknownEpoch", relayer, dist, D, nil, "claim", big.NewInt(1), big.NewInt(1), payees[0], amounts[0], proofs[0])
		for i := range 3 {
			if e.call(dist, D, "isClaimed", big.NewInt(1), big.NewInt(0), payees[i], amounts[i], proofs[i])[0].(bool) {
				t.Errorf("leaf %d claimed before its claim", i)
			}
			claim(i)
			if !e.call(dist, D, "isClaimed", big.NewInt(1), big.NewInt(0), payees[i], amounts[i], proofs[i])[0].(bool) {
				t.Errorf("leaf %d not claimed after its claim", i)
			}
		}
		ep := e.call(dist, D, "epochOf", big.NewInt(1), big.NewInt(0))
		if ep[0].([32]byte) != root || ep[2].(*big.Int).Sign() != 0 {
			t.Errorf("epochOf after every claim = %v", ep)
		}
	})

	t.Run("epoch total caps claims", func(t *testing.T) {
		// The publisher of artifact 2 publishes a tree paying 2 ether in
		// an epoch of 1 ether: the second claim finds the epoch exhausted,
		// and artifact 1's money is untouched.
		over := []*big.Int{ether(1), ether(1)}
		ps := []common.Address{e.addr(6), e.addr(7)}
		tree2, proofs2 := payoutTree(t, ps, over)
		e.send(owner, dist, D, nil, "publish", big.NewInt(2), common.Address{}, [32]byte(tree2.Root()), ether(1), []voter{}, []approval{})
		e.send(relayer, dist, D, nil, "claim", big.NewInt(2), big.NewInt(0), ps[0], over[0], proofs2[0])
		e.reverts("EpochExhausted", relayer, dist, D, nil, "claim", big.NewInt(2), big.NewInt(0), ps[1], over[1], proofs2[1])
		if got := e.balance(dist); got.Cmp(new(big.Int).Sub(ether(3), total)) != 0 {
			t.Errorf("distributor holds %v, want artifact 1's unallocated %v", got, new(big.Int).Sub(ether(3), total))
		}
	})

	t.Run("erc20", func(t *testing.T) {
		tok := e.deploy(stranger, c["TestToken"], ether(1000))
		fee := e.deploy(stranger, c["FeeToken"], ether(1000))
		T := c["TestToken"]
		e.reverts("NotAToken", stranger, dist, D, nil, "payToken", big.NewInt(1), common.Address{}, ether(1))
		e.reverts("ZeroAmount", stranger, dist, D, nil, "payToken", big.NewInt(1), tok, new(big.Int))
		e.reverts("ERC20InsufficientAllowance", stranger, dist, D, nil, "payToken", big.NewInt(1), tok, ether(1))
		e.send(stranger, tok, T, nil, "approve", dist, ether(10))
		e.send(stranger, fee, c["FeeToken"], nil, "approve", dist, ether(10))
		e.send(stranger, dist, D, nil, "payToken", big.NewInt(1), tok, ether(10))
		e.send(stranger, dist, D, nil, "payToken", big.NewInt(1), fee, ether(10))
		if got := e.call(dist, D, "unallocated", big.NewInt(1), tok)[0].(*big.Int); got.Cmp(ether(10)) != 0 {
			t.Errorf("unallocated TST = %v", got)
		}
		// 1% of the fee token burns on the way in: 9.9 arrive.
		if got := e.call(dist, D, "unallocated", big.NewInt(1), fee)[0].(*big.Int); got.Cmp(new(big.Int).Div(ether(990), big.NewInt(100))) != 0 {
			t.Errorf("unallocated FEE = %v, want 9.9 ether", got)
		}
		ps := []common.Address{e.addr(6), e.addr(7), common.HexToAddress("0x00000000000000000000000000000000000b0b00")}
		am := []*big.Int{ether(6), ether(3), ether(1)}
		tr, pr := payoutTree(t, ps, am)
		a := chain.EpochApproval{Artifact: big.NewInt(1), Epoch: 1, Token: tok, Root: tr.Root(), Total: ether(10)}
		r := e.send(relayer, dist, D, nil, "publish", a.Artifact, a.Token, a.Root, a.Total, voters, approvalsBy(a, domain, 3, 4))
		t.Logf("publish (ERC-20): %d gas", r.GasUsed)
		for i := range ps {
			r := e.send(relayer, dist, D, nil, "claim", big.NewInt(1), big.NewInt(1), ps[i], am[i], pr[i])
			t.Logf("claim %d (ERC-20): %d gas", i, r.GasUsed)
			if got := e.call(tok, T, "balanceOf", ps[i])[0].(*big.Int); got.Cmp(am[i]) != 0 {
				t.Errorf("payee %d holds %v TST, want %v", i, got, am[i])
			}
		}
		// The native balance of artifact 1 did not move.
		if got := e.call(dist, D, "unallocated", big.NewInt(1), common.Address{})[0].(*big.Int); got.Cmp(new(big.Int).Sub(ether(3), total)) != 0 {
			t.Errorf("native unallocated moved: %v", got)
		}
	})

	// Non-standard ERC-20s, through OpenZeppelin's SafeERC20: one that
	// returns nothing (as USDT) is paid in, published as epoch 2 and
	// claimed; one that returns false is refused, crediting nothing.
	t.Run("non-standard erc20", func(t *testing.T) {
		NR := c["NoReturnToken"]
		nr := e.deploy(stranger, NR, ether(1000))
		e.send(stranger, nr, NR, nil, "approve", dist, ether(10))
		e.send(stranger, dist, D, nil, "payToken", big.NewInt(1), nr, ether(10))
		if got := e.call(dist, D, "unallocated", big.NewInt(1), nr)[0].(*big.Int); got.Cmp(ether(10)) != 0 {
			t.Fatalf("unallocated of the no-return token = %v, want 10 ether", got)
		}
		ps := []common.Address{e.addr(6), e.addr(7)}
		am := []*big.Int{ether(7), ether(3)}
		tr, pr := payoutTree(t, ps, am)
		a := chain.EpochApproval{Artifact: big.NewInt(1), Epoch: 2, Token: nr, Root: tr.Root(), Total: ether(10)}
		e.send(relayer, dist, D, nil, "publish", a.Artifact, a.Token, a.Root, a.Total, voters, approvalsBy(a, domain, 3, 4))
		for i := range ps {
			e.send(relayer, dist, D, nil, "claim", big.NewInt(1), big.NewInt(2), ps[i], am[i], pr[i])
			if got := e.call(nr, NR, "balanceOf", ps[i])[0].(*big.Int); got.Cmp(am[i]) != 0 {
				t.Errorf("payee %d holds %v of the no-return token, want %v", i, got, am[i])
			}
		}
		e.reverts("AlreadyClaimed", relayer, dist, D, nil, "claim", big.NewInt(1), big.NewInt(2), ps[0], am[0], pr[0])

		F := c["FalseToken"]
		ft := e.deploy(stranger, F, ether(1000))
		e.send(stranger, ft, F, nil, "approve", dist, ether(10))
		e.reverts("SafeERC20FailedOperation", stranger, dist, D, nil, "payToken", big.NewInt(1), ft, ether(10))
		if got := e.call(dist, D, "unallocated", big.NewInt(1), ft)[0].(*big.Int); got.Sign() != 0 {
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

func mustJSON(t *testing.T, v any) []byte {
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
