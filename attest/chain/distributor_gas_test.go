package chain_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/node"

	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/internal/testtools"
)

// uniswapDistributor loads @uniswap/merkle-distributor's compiled
// MerkleDistributor from npm, as published (solc 0.6.11).
func uniswapDistributor(b testing.TB) contract {
	data, err := os.ReadFile(filepath.Join(testtools.NodeDir(b), "node_modules/@uniswap/merkle-distributor/build/MerkleDistributor.json"))
	if err != nil {
		b.Fatal(err)
	}
	var art struct {
		ABI      json.RawMessage `json:"abi"`
		Bytecode string          `json:"bytecode"`
	}
	if err := json.Unmarshal(data, &art); err != nil {
		b.Fatal(err)
	}
	a, err := abi.JSON(bytes.NewReader(art.ABI))
	if err != nil {
		b.Fatal(err)
	}
	return contract{a, common.FromHex(art.Bytecode)}
}

// uniswapTree builds the tree Uniswap's distributor checks: leaves
// keccak256(abi.encodePacked(uint256 index, address account, uint256
// amount)), pairs hashed sorted (its MerkleProof, OpenZeppelin 3.1), an
// odd node carried up. The contract accepting every claim is the check.
func uniswapTree(accounts []common.Address, amounts []*big.Int) (root [32]byte, proofs [][][32]byte) {
	level := make([][32]byte, len(accounts))
	pos := make([]int, len(accounts))
	for i, a := range accounts {
		var enc [32 + 20 + 32]byte
		big.NewInt(int64(i)).FillBytes(enc[:32])
		copy(enc[32:52], a[:])
		amounts[i].FillBytes(enc[52:])
		level[i] = crypto.Keccak256Hash(enc[:])
		pos[i] = i
	}
	proofs = make([][][32]byte, len(accounts))
	for len(level) > 1 {
		next := make([][32]byte, (len(level)+1)/2)
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next[i/2] = level[i]
				continue
			}
			x, y := level[i], level[i+1]
			if bytes.Compare(x[:], y[:]) > 0 {
				x, y = y, x
			}
			next[i/2] = crypto.Keccak256Hash(x[:], y[:])
		}
		for k, p := range pos {
			if sib := p ^ 1; sib < len(level) {
				proofs[k] = append(proofs[k], level[sib])
			}
			pos[k] = p / 2
		}
		level = next
	}
	return level[0], proofs
}

// osakaPricing runs the simulated chain under today's mainnet gas schedule
// (Osaka) instead of go-ethereum's development default, which also enables
// the Bogota fork and with it EIP-8037's state-creation gas.
func osakaPricing(_ *node.Config, c *ethconfig.Config) {
	cfg := *c.Genesis.Config
	cfg.BogotaTime = nil
	c.Genesis.Config = &cfg
}

// BenchmarkDistributorGas prints, side by side on one chain, the gas of a
// Distributor claim (native currency and ERC-20) and of
// @uniswap/merkle-distributor's claim for the same payees and the same
// OpenZeppelin ERC-20, and the gas to publish an epoch alone (owner's
// publisher) and per approval. Each payee is a fresh account, as most
// royalty payees are; artifact ids are digests, as real ones. The first
// publish on a new distributor also creates its epoch counter (~17,100
// gas once); the figure reported is the next one's. Run it with
//
//	go test ./attest/chain -run '^$' -bench DistributorGas -benchtime 1x
func BenchmarkDistributorGas(b *testing.B) {
	c := contracts(b)
	uni := uniswapDistributor(b)
	for _, sched := range []struct {
		name string
		opts []func(*node.Config, *ethconfig.Config)
	}{{"osaka", []func(*node.Config, *ethconfig.Config){osakaPricing}}, {"dev-default", nil}} {
		for _, n := range []int{4, 16, 256, 1024} {
			b.Run(fmt.Sprintf("%s/payees=%d", sched.name, n), func(b *testing.B) {
				for range b.N {
					gasTable(b, c, uni, n, sched.opts...)
				}
			})
		}
	}
}

func gasTable(b *testing.B, c map[string]contract, uni contract, n int, opts ...func(*node.Config, *ethconfig.Config)) {
	e := newEVMWith(b, 6, c, opts...)
	const owner, relayer, payer = 0, 1, 2
	D, T := c["Distributor"], c["TestToken"]
	reg := e.deploy(owner, c["TestRegistry"])
	dist := e.deploy(owner, D, reg)
	tok := e.deploy(payer, T, ether(1_000_000))
	// Artifact ids are manifest digests: 32 bytes of calldata that are
	// almost never zero, as in real use.
	art1, art2 := artifactID(b, "gas 1"), artifactID(b, "gas 2")
	e.send(owner, reg, c["TestRegistry"], nil, "mint", e.addr(owner), art1)
	e.send(owner, reg, c["TestRegistry"], nil, "mint", e.addr(owner), art2)

	payees := make([]common.Address, n)
	amounts := make([]*big.Int, n)
	total := new(big.Int)
	for i := range payees {
		k, _ := crypto.GenerateKey()
		payees[i] = crypto.PubkeyToAddress(k.PublicKey)
		amounts[i] = big.NewInt(1e16 + int64(i)) // 0.01 ether and a little
		total.Add(total, amounts[i])
	}
	tree, proofs := payoutTree(b, payees, amounts)

	// Artifact 1 publishes by its owner alone; artifact 2 by 3 of 5
	// voters.
	e.send(owner, dist, D, nil, "configure", art1, []voter{}, e.addr(owner))
	var voters []voter
	for k := 1; k < 6; k++ {
		voters = append(voters, voter{e.addr(k), 20_000_000})
	}
	sortVoters(voters)
	e.send(owner, dist, D, nil, "configure", art2, voters, common.Address{})
	e.send(payer, dist, D, total, "pay", art1)
	e.send(payer, dist, D, total, "pay", art2)
	e.send(payer, tok, T, nil, "approve", dist, total)
	payGas := e.send(payer, dist, D, nil, "payToken", art1, tok, total).GasUsed

	root := [32]byte(tree.Root())
	budgets, err := chain.ClaimBudgets(tree)
	if err != nil {
		b.Fatal(err)
	}
	r := e.send(owner, dist, D, nil, "publish", art1, common.Address{}, root, budgets, []voter{}, []approval{})
	pubOwner, nativeID := r.GasUsed, claimID(b, D, r)
	r = e.send(owner, dist, D, nil, "publish", art1, tok, root, budgets, []voter{}, []approval{})
	pubToken, tokenID := r.GasUsed, claimID(b, D, r)
	a := chain.EpochApproval{Artifact: art2, Root: root, Total: total, Budgets: budgets}
	domain := chain.DistributorDomain(e.chainID.Uint64(), dist)
	var approvals []approval
	for i := range 3 {
		s, err := chain.SignApproval(context.Background(), attestKey(b, e, voterIndexKey(e, voters[i].Account)), domain, a)
		if err != nil {
			b.Fatal(err)
		}
		approvals = append(approvals, approval{uint32(i), common.FromHex(s.Signature)})
	}
	pubVoted := e.send(relayer, dist, D, nil, "publish", art2, common.Address{}, root, budgets, voters, approvals).GasUsed

	var native, erc20, uniswap uint64
	for i := range payees {
		native += e.send(relayer, dist, D, nil, "claim", nativeID, payees[i], amounts[i], proofs[i]).GasUsed
	}
	// Each payee holds no token before its claim, on both sides.
	for i := range payees {
		erc20 += e.send(relayer, dist, D, nil, "claim", tokenID, payees[i], amounts[i], proofs[i]).GasUsed
	}
	// Uniswap's claims pay a second set of fresh payees, the same amounts.
	payees2 := make([]common.Address, n)
	for i := range payees2 {
		k, _ := crypto.GenerateKey()
		payees2[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	uniRoot2, uniProofs2 := uniswapTree(payees2, amounts)
	// Uniswap's distributor is one contract per distribution (its root
	// and token are immutables): an epoch costs its deployment and funding.
	in, err := uni.ABI.Pack("", tok, uniRoot2)
	if err != nil {
		b.Fatal(err)
	}
	deployed, why := e.tx(owner, nil, nil, append(append([]byte(nil), uni.Bin...), in...))
	if deployed == nil {
		b.Fatalf("deploying Uniswap's distributor: %s", why)
	}
	uni2 := deployed.ContractAddress
	uniFund := e.send(payer, tok, T, nil, "transfer", uni2, total).GasUsed
	for i := range payees2 {
		uniswap += e.send(relayer, uni2, uni, nil, "claim", big.NewInt(int64(i)), payees2[i], amounts[i], uniProofs2[i]).GasUsed
	}
	if got := e.call(tok, T, "balanceOf", payees2[n-1])[0].(*big.Int); got.Cmp(amounts[n-1]) != 0 {
		b.Fatalf("Uniswap's claim paid %v, want %v", got, amounts[n-1])
	}
	nf := float64(n)
	b.ReportMetric(float64(native)/nf, "gas/claim-native")
	b.ReportMetric(float64(erc20)/nf, "gas/claim-erc20")
	b.ReportMetric(float64(uniswap)/nf, "gas/claim-uniswap")
	b.ReportMetric(float64(erc20)/float64(uniswap), "erc20/uniswap")
	b.ReportMetric(float64(pubToken), "gas/publish-owner")
	b.ReportMetric(float64(pubVoted), "gas/publish-3-approvals")
	// A whole ERC-20 epoch: ours pays, publishes and claims; Uniswap's
	// deploys, is funded and claims.
	ourEpoch := payGas + pubToken + erc20
	uniEpoch := deployed.GasUsed + uniFund + uniswap
	b.ReportMetric(float64(ourEpoch)/float64(uniEpoch), "epoch-ours/uniswap")
	b.Logf("\n%-46s %10s\n%-46s %10.0f\n%-46s %10.0f\n%-46s %10.0f  (ours/Uniswap %.3f)\n%-46s %10d\n%-46s %10d\n%-46s %10d  (%d per approval above the owner's)",
		fmt.Sprintf("%d payees", n), "gas",
		"claim, native (mean)", float64(native)/nf,
		"claim, Uniswap distributor (mean)", float64(uniswap)/nf,
		"claim, ERC-20 (mean)", float64(erc20)/nf, float64(erc20)/float64(uniswap),
		"publish by the owner's publisher", pubToken,
		"  the first on a new distributor", pubOwner,
		"publish with 3 of 5 approvals", pubVoted, (pubVoted-pubToken)/3)
	b.Logf("\nwhole ERC-20 epoch of %d payees             gas\nours: pay %d + publish %d + claims %d   %10d\nUniswap: deploy %d + fund %d + claims %d   %10d  (ours/Uniswap %.3f)",
		n, payGas, pubToken, erc20, ourEpoch, deployed.GasUsed, uniFund, uniswap, uniEpoch, float64(ourEpoch)/float64(uniEpoch))
}

// artifactID returns the registry token id of a manifest named by label:
// a digest, as chain.ArtifactID gives.
func artifactID(t testing.TB, label string) *big.Int {
	t.Helper()
	return new(big.Int).SetBytes(crypto.Keccak256([]byte(label)))
}

// claimID returns the claim id of the epoch a publish receipt of the
// distributor D published (EpochPublished's third indexed topic).
func claimID(t testing.TB, D contract, r *types.Receipt) *big.Int {
	t.Helper()
	id := D.ABI.Events["EpochPublished"].ID
	for _, l := range r.Logs {
		if len(l.Topics) == 4 && l.Topics[0] == id {
			return l.Topics[3].Big()
		}
	}
	t.Fatal("no EpochPublished event")
	return nil
}

func voterIndexKey(e *evm, a common.Address) int {
	for i := range e.keys {
		if e.addr(i) == a {
			return i
		}
	}
	panic("no key for " + a.Hex())
}
