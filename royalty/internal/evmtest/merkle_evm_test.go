package evmtest

import (
	"context"
	"encoding/json"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/aiprov/aiprov/royalty"
)

// claimSource is the leaf check a distributor contract makes before paying
// (account, amount): OpenZeppelin's StandardMerkleTree leaf, verified with
// OpenZeppelin's MerkleProof.
const claimSource = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
contract Claim {
    function verify(bytes32[] calldata proof, bytes32 root, address account, uint256 amount) external pure returns (bool) {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
        return MerkleProof.verify(proof, root, leaf);
    }
}
`

// compileScript compiles stdin's source with solc-js, resolving imports
// from the npm @openzeppelin/contracts package, and prints the ABI and
// bytecode.
const compileScript = `
import solc from "solc";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const source = readFileSync(0, "utf8");
const input = { language: "Solidity", sources: { "Claim.sol": { content: source } },
  settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "paris",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } } };
const findImports = p => { try { return { contents: readFileSync(require.resolve(p), "utf8") }; } catch (e) { return { error: String(e) }; } };
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (out.errors || []).filter(e => e.severity === "error");
if (errors.length) { console.error(JSON.stringify(errors, null, 2)); process.exit(1); }
const c = out.contracts["Claim.sol"].Claim;
console.log(JSON.stringify({ abi: c.abi, bin: c.evm.bytecode.object, version: solc.version() }));
`

// TestProofsVerifyInMerkleProof builds trees with package royalty and
// checks every proof with OpenZeppelin's MerkleProof (@openzeppelin/contracts
// 5.x compiled by solc-js) on go-ethereum's simulated backend, and that a
// wrong amount or a proof for another leaf is refused.
func TestProofsVerifyInMerkleProof(t *testing.T) {
	out := testtools.RunNode(t, compileScript, []byte(claimSource))
	var compiled struct {
		ABI     json.RawMessage `json:"abi"`
		Bin     string          `json:"bin"`
		Version string          `json:"version"`
	}
	if err := json.Unmarshal(out, &compiled); err != nil {
		t.Fatalf("solc output %.200q: %v", out, err)
	}
	t.Logf("compiled with solc %s", compiled.Version)
	contractABI, err := abi.JSON(strings.NewReader(string(compiled.ABI)))
	if err != nil {
		t.Fatal(err)
	}

	key, _ := crypto.GenerateKey()
	from := crypto.PubkeyToAddress(key.PublicKey)
	backend := simulated.NewBackend(types.GenesisAlloc{from: {Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}})
	t.Cleanup(func() { backend.Close() })
	client := backend.Client()
	ctx := context.Background()
	chainID, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	signer := types.LatestSignerForChainID(chainID)
	nonce, _ := client.PendingNonceAt(ctx, from)
	tip, _ := client.SuggestGasTipCap(ctx)
	head, _ := client.HeaderByNumber(ctx, nil)
	tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))),
		Gas: 3_000_000, Data: common.FromHex(compiled.Bin),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	backend.Commit()
	receipt, err := client.TransactionReceipt(ctx, tx.Hash())
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("deploy: %v, receipt %+v", err, receipt)
	}
	contract := receipt.ContractAddress

	verify := func(proof []royalty.Hash, root royalty.Hash, account royalty.Address, amount *big.Int) bool {
		t.Helper()
		p := make([][32]byte, len(proof))
		for i, h := range proof {
			p[i] = h
		}
		data, err := contractABI.Pack("verify", p, [32]byte(root), common.Address(account), amount)
		if err != nil {
			t.Fatal(err)
		}
		res, err := client.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: data}, nil)
		if err != nil {
			t.Fatal(err)
		}
		vals, err := contractABI.Unpack("verify", res)
		if err != nil {
			t.Fatal(err)
		}
		return vals[0].(bool)
	}

	r := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{1, 2, 3, 10, 65} {
		payouts := make([]royalty.Payout, n)
		for i := range payouts {
			var a royalty.Address
			for j := range a {
				a[j] = byte(r.IntN(256))
			}
			amt := new(big.Int).SetUint64(r.Uint64())
			if i%3 == 0 {
				amt.Lsh(amt, 190) // wei-scale and beyond
			}
			payouts[i] = royalty.Payout{Recipient: a.String(), Amount: amt}
		}
		tree, err := royalty.NewMerkleTree(payouts)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range payouts {
			a, _ := royalty.ParseAddress(p.Recipient)
			if !verify(tree.Proof(i), tree.Root(), a, p.Amount) {
				t.Fatalf("n=%d: MerkleProof rejects the proof of payout %d", n, i)
			}
			if verify(tree.Proof(i), tree.Root(), a, new(big.Int).Add(p.Amount, big.NewInt(1))) {
				t.Fatalf("n=%d: MerkleProof accepts payout %d with a wrong amount", n, i)
			}
			if n > 1 && verify(tree.Proof((i+1)%n), tree.Root(), a, p.Amount) {
				t.Fatalf("n=%d: MerkleProof accepts payout %d with another leaf's proof", n, i)
			}
		}
	}
}
