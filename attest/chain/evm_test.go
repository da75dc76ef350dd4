package chain_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/aiprov/aiprov/internal/testtools"
)

// compileScript compiles the Solidity sources given on stdin as
// {"path": "source"} with solc-js, resolving imports from the npm
// @openzeppelin/contracts package, and prints each contract's ABI and
// bytecode.
const compileScript = `
import solc from "solc";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const sources = JSON.parse(readFileSync(0, "utf8"));
const input = { language: "Solidity",
  sources: Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, { content: v }])),
  // The settings of contracts/compile.cjs, so gas measured here is the shipped code's.
  settings: { optimizer: { enabled: true, runs: 10000 }, viaIR: true, evmVersion: "cancun",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } } };
const findImports = p => { try { return { contents: readFileSync(require.resolve(p), "utf8") }; } catch (e) { return { error: String(e) }; } };
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (out.errors || []).filter(e => e.severity === "error");
if (errors.length) { console.error(errors.map(e => e.formattedMessage).join("\n")); process.exit(1); }
const res = {};
for (const file of Object.keys(sources)) for (const [name, c] of Object.entries(out.contracts[file])) res[name] = { abi: c.abi, bin: c.evm.bytecode.object };
console.log(JSON.stringify(res));
`

type contract struct {
	ABI abi.ABI
	Bin []byte
}

// compile compiles the Distributor and the test contracts with solc-js.
func compile(t testing.TB) map[string]contract {
	t.Helper()
	sources := map[string]string{}
	for _, glob := range []string{"contracts/*.sol", "testdata/contracts/*.sol"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sources[filepath.Base(f)] = string(b)
		}
	}
	in, _ := json.Marshal(sources)
	out := testtools.RunNode(t, compileScript, in)
	var raw map[string]struct {
		ABI json.RawMessage `json:"abi"`
		Bin string          `json:"bin"`
	}
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatalf("solc output %.200q: %v", out, err)
	}
	res := map[string]contract{}
	for name, c := range raw {
		a, err := abi.JSON(strings.NewReader(string(c.ABI)))
		if err != nil {
			t.Fatal(err)
		}
		res[name] = contract{a, common.FromHex(c.Bin)}
	}
	return res
}

// evm is a simulated chain with funded accounts and helpers that fail the
// test on any unexpected outcome.
type evm struct {
	t       testing.TB
	ctx     context.Context
	backend *simulated.Backend
	client  simulated.Client
	chainID *big.Int
	keys    []*ecdsa.PrivateKey
	errs    map[[4]byte]string // custom error selectors of the contracts
}

func newEVM(t testing.TB, accounts int, contracts map[string]contract) *evm {
	return newEVMWith(t, accounts, contracts)
}

// newEVMWith is newEVM with options for the simulated backend.
func newEVMWith(t testing.TB, accounts int, contracts map[string]contract, opts ...func(*node.Config, *ethconfig.Config)) *evm {
	alloc := types.GenesisAlloc{}
	e := &evm{t: t, ctx: context.Background(), errs: map[[4]byte]string{}}
	for range accounts {
		k, _ := crypto.GenerateKey()
		e.keys = append(e.keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))}
	}
	e.backend = simulated.NewBackend(alloc, opts...)
	t.Cleanup(func() { e.backend.Close() })
	e.client = e.backend.Client()
	var err error
	if e.chainID, err = e.client.ChainID(e.ctx); err != nil {
		t.Fatal(err)
	}
	for _, c := range contracts {
		for _, er := range c.ABI.Errors {
			e.errs[[4]byte(er.ID[:4])] = er.Name
		}
	}
	return e
}

func (e *evm) addr(i int) common.Address { return crypto.PubkeyToAddress(e.keys[i].PublicKey) }

// tx sends a transaction from account i and mines it; it returns the
// receipt, or the name of the custom error it reverted with.
func (e *evm) tx(from int, to *common.Address, value *big.Int, data []byte) (*types.Receipt, string) {
	e.t.Helper()
	sender := e.addr(from)
	msg := ethereum.CallMsg{From: sender, To: to, Value: value, Data: data}
	gas, err := e.client.EstimateGas(e.ctx, msg)
	if err != nil {
		return nil, e.revertName(err)
	}
	nonce, err := e.client.PendingNonceAt(e.ctx, sender)
	if err != nil {
		e.t.Fatal(err)
	}
	head, _ := e.client.HeaderByNumber(e.ctx, nil)
	tip := big.NewInt(params.GWei)
	tx, err := types.SignNewTx(e.keys[from], types.LatestSignerForChainID(e.chainID), &types.DynamicFeeTx{
		ChainID: e.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))),
		Gas: gas * 2, To: to, Value: value, Data: data,
	})
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.client.SendTransaction(e.ctx, tx); err != nil {
		e.t.Fatal(err)
	}
	e.backend.Commit()
	r, err := e.client.TransactionReceipt(e.ctx, tx.Hash())
	if err != nil {
		e.t.Fatal(err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		e.t.Fatalf("transaction %s failed after gas estimation succeeded", tx.Hash())
	}
	return r, ""
}

func (e *evm) revertName(err error) string {
	data, ok := ethclient.RevertErrorData(err)
	if !ok || len(data) < 4 {
		return "revert: " + err.Error()
	}
	if name, ok := e.errs[[4]byte(data[:4])]; ok {
		return name
	}
	return "unknown error 0x" + common.Bytes2Hex(data[:4])
}

func (e *evm) deploy(from int, c contract, args ...any) common.Address {
	e.t.Helper()
	in, err := c.ABI.Pack("", args...)
	if err != nil {
		e.t.Fatal(err)
	}
	r, why := e.tx(from, nil, nil, append(append([]byte(nil), c.Bin...), in...))
	if r == nil {
		e.t.Fatalf("deploy: %s", why)
	}
	return r.ContractAddress
}

// send calls method and fails the test unless it succeeds.
func (e *evm) send(from int, to common.Address, c contract, value *big.Int, method string, args ...any) *types.Receipt {
	e.t.Helper()
	r, why := e.tx(from, &to, value, e.pack(c, method, args...))
	if r == nil {
		e.t.Fatalf("%s: %s", method, why)
	}
	return r
}

// reverts calls method and fails the test unless it reverts with the
// custom error want.
func (e *evm) reverts(want string, from int, to common.Address, c contract, value *big.Int, method string, args ...any) {
	e.t.Helper()
	r, why := e.tx(from, &to, value, e.pack(c, method, args...))
	if r != nil {
		e.t.Fatalf("%s succeeded; want %s", method, want)
	}
	if why != want {
		e.t.Fatalf("%s reverted with %s; want %s", method, why, want)
	}
}

func (e *evm) pack(c contract, method string, args ...any) []byte {
	e.t.Helper()
	data, err := c.ABI.Pack(method, args...)
	if err != nil {
		e.t.Fatalf("pack %s: %v", method, err)
	}
	return data
}

func (e *evm) call(to common.Address, c contract, method string, args ...any) []any {
	e.t.Helper()
	res, err := e.client.CallContract(e.ctx, ethereum.CallMsg{To: &to, Data: e.pack(c, method, args...)}, nil)
	if err != nil {
		e.t.Fatalf("%s: %s", method, e.revertName(err))
	}
	out, err := c.ABI.Unpack(method, res)
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

func (e *evm) balance(a common.Address) *big.Int {
	e.t.Helper()
	b, err := e.client.BalanceAt(e.ctx, a, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}
