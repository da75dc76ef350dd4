// Package simulated is the embedded chain: go-ethereum's simulated backend
// running in the process, with aiprov's contracts deployed on it. It is
// what `aiprov anchor` and `aiprov demo` use when no node is named, and
// what tests use: no node to start, blocks made as soon as a transaction
// arrives.
//
//	c, err := simulated.Open(ctx, simulated.Options{Signer: key})
//	defer c.Close()
//	sig, _ := c.Sign(ctx, key, att)
//	anchor, err := c.Register(ctx, att, sig)
//
// The chain lives in memory. With Options.Dir it outlives the process: every
// transaction is appended to Dir/transactions.hex and replayed, in order,
// when the chain is opened again — the genesis, the deployer and the
// contract addresses are fixed, so the replay rebuilds the same state.
//
// This is the only aiprov package that imports go-ethereum's simulated
// backend (the whole EVM and node); package chain, which it builds on,
// does not.
package simulated

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// ChainID is the embedded chain's id (go-ethereum's simulated backend's).
const ChainID = 1337

// JournalFile is the file in Options.Dir that keeps the chain's
// transactions, one hex-encoded signed transaction a line.
const JournalFile = "transactions.hex"

// deployerKeyHex is the embedded chain's deployer and faucet: a key that
// everyone knows (keccak256("aiprov embedded chain")), funded at genesis.
// It holds play money on a chain that exists only in this process.
var deployerKeyHex = hex.EncodeToString(crypto.Keccak256([]byte("aiprov embedded chain")))

// Options configures Open.
type Options struct {
	// Signer sends the registry's transactions; Open funds its account from
	// the deployer. Nil: the deployer sends them.
	Signer chain.TxSigner
	// Dir, if set, keeps the chain's transactions there and replays them on
	// Open. It is created if missing.
	Dir string
	// DevForks runs every fork go-ethereum knows, as geth --dev does,
	// including those not yet on mainnet, whose gas prices differ (Bogota's
	// state-gas metering makes new storage dearer). The default is
	// mainnet's rules today: Osaka.
	DevForks bool
}

// Chain is the embedded chain with the registry deployed. Its embedded
// *chain.Registry implements chain.Chain.
type Chain struct {
	*chain.Registry
	Addresses chain.Addresses

	backend  *simulated.Backend
	client   *client
	deployer *ecdsa.PrivateKey
}

// client commits a block after every transaction and journals it.
type client struct {
	simulated.Client
	backend *simulated.Backend
	mu      sync.Mutex
	journal *os.File // nil: in memory only
}

func (c *client) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	if c.journal != nil {
		raw, err := tx.MarshalBinary()
		if err != nil {
			return err
		}
		if _, err := c.journal.WriteString(hex.EncodeToString(raw) + "\n"); err != nil {
			return fmt.Errorf("simulated: journaling the transaction: %w", err)
		}
		if err := c.journal.Sync(); err != nil {
			return fmt.Errorf("simulated: journaling the transaction: %w", err)
		}
	}
	// One block per transaction, so that a replay rebuilds the same
	// blocks. Commit syncs the pool first; the loop is a guard.
	for range 10 {
		c.backend.Commit()
		if _, err := c.Client.TransactionReceipt(ctx, tx.Hash()); err == nil {
			return nil
		}
	}
	return fmt.Errorf("simulated: transaction %s was accepted but not mined", tx.Hash().Hex())
}

// Open starts the embedded chain, replays Options.Dir's transactions,
// deploys the contracts if they are not there yet and funds the signer.
func Open(ctx context.Context, opt Options) (*Chain, error) {
	deployer, err := crypto.HexToECDSA(deployerKeyHex)
	if err != nil {
		return nil, err
	}
	deployerAddr := crypto.PubkeyToAddress(deployer.PublicKey)
	alloc := types.GenesisAlloc{deployerAddr: {Balance: new(big.Int).Lsh(big.NewInt(1), 100)}}
	config := *params.AllDevChainProtocolChanges
	if !opt.DevForks {
		config.AmsterdamTime, config.BogotaTime, config.UBTTime = nil, nil, nil
	}
	backend := simulated.NewBackend(alloc, func(nc *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = &config
		ec.Miner.GasCeil = 60_000_000 // room for large batches and benchmarks
	})
	c := &Chain{backend: backend, deployer: deployer}
	c.client = &client{Client: backend.Client(), backend: backend}
	fail := func(err error) (*Chain, error) {
		c.Close()
		return nil, err
	}
	if opt.Dir != "" {
		if err := c.replay(ctx, opt.Dir); err != nil {
			return fail(err)
		}
	}
	deployerKey, err := attest.ParsePrivateKey([]byte(deployerKeyHex), nil)
	if err != nil {
		return fail(err)
	}
	fast := chain.TxOptions{Signer: deployerKey, PollInterval: time.Millisecond}
	c.Addresses.Registry = crypto.CreateAddress(deployerAddr, 0)
	if code, err := c.client.CodeAt(ctx, c.Addresses.Registry, nil); err != nil {
		return fail(err)
	} else if len(code) == 0 {
		d, err := chain.Deploy(ctx, c.client, ChainID, fast)
		if err != nil {
			return fail(err)
		}
		if d.Registry != c.Addresses.Registry {
			return fail(fmt.Errorf("simulated: the registry was deployed at %s, not at the deployer's first address %s (is %s from another chain?)", d.Registry, c.Addresses.Registry, filepath.Join(opt.Dir, JournalFile)))
		}
	}
	if c.Addresses.Distributor, err = c.distributor(ctx, fast); err != nil {
		return fail(err)
	}
	if opt.Signer != nil {
		if err := c.Fund(ctx, opt.Signer.Address(), big.NewInt(1e18)); err != nil {
			return fail(err)
		}
		fast.Signer = opt.Signer
	}
	if c.Registry, err = chain.New(ctx, c.client, chain.Config{Registry: c.Addresses.Registry, ChainID: ChainID, TxOptions: fast}); err != nil {
		return fail(err)
	}
	return c, nil
}

// distributor finds the distributor among the deployer's contracts (the
// second, on a chain made since it exists; later on an older journal's) or
// deploys it.
func (c *Chain) distributor(ctx context.Context, opt chain.TxOptions) (common.Address, error) {
	from := crypto.PubkeyToAddress(c.deployer.PublicKey)
	nonce, err := c.client.NonceAt(ctx, from, nil)
	if err != nil {
		return common.Address{}, err
	}
	for n := uint64(1); n < nonce; n++ {
		addr := crypto.CreateAddress(from, n)
		if code, err := c.client.CodeAt(ctx, addr, nil); err != nil || len(code) == 0 {
			continue
		}
		if _, err := chain.NewDistributor(ctx, c.client, addr, ChainID, opt); err == nil {
			return addr, nil
		}
	}
	addr, _, err := chain.DeployDistributor(ctx, c.client, ChainID, c.Addresses.Registry, opt)
	return addr, err
}

// replay sends the journal's transactions again, then opens it for
// appending.
func (c *Chain) replay(ctx context.Context, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("simulated: %w", err)
	}
	path := filepath.Join(dir, JournalFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("simulated: %w", err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		raw, err := hex.DecodeString(text)
		var tx types.Transaction
		if err == nil {
			err = tx.UnmarshalBinary(raw)
		}
		if err == nil {
			err = c.client.SendTransaction(ctx, &tx)
			// The backend's transaction pool adopts a committed block
			// asynchronously, so for a moment after one it may check the
			// next transaction against the previous state (a journaled
			// transaction then looks unfunded). Retry briefly.
			for try := 0; err != nil && try < 100 && ctx.Err() == nil; try++ {
				time.Sleep(10 * time.Millisecond)
				err = c.client.SendTransaction(ctx, &tx)
			}
		}
		if err != nil {
			f.Close()
			return fmt.Errorf("simulated: %s line %d: %w", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		f.Close()
		return fmt.Errorf("simulated: reading %s: %w", path, err)
	}
	c.client.journal = f // at its end: new transactions are appended
	return nil
}

// Fund tops addr up to at least amount wei from the deployer.
func (c *Chain) Fund(ctx context.Context, addr common.Address, amount *big.Int) error {
	bal, err := c.client.BalanceAt(ctx, addr, nil)
	if err != nil {
		return err
	}
	if bal.Cmp(amount) >= 0 {
		return nil
	}
	from := crypto.PubkeyToAddress(c.deployer.PublicKey)
	nonce, err := c.client.PendingNonceAt(ctx, from)
	if err != nil {
		return err
	}
	head, err := c.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(1e9))
	tx, err := types.SignNewTx(c.deployer, types.LatestSignerForChainID(big.NewInt(ChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(ChainID), Nonce: nonce, GasTipCap: big.NewInt(1e9), GasFeeCap: feeCap,
		Gas: 21000, To: &addr, Value: new(big.Int).Mul(amount, big.NewInt(10)),
	})
	if err != nil {
		return err
	}
	if err := c.client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	// The pending state, which gas estimation reads, adopts the committed
	// block asynchronously (see replay): until it shows the funds, the
	// account's first transaction would look unfunded. Wait for it.
	for try := 0; try < 200 && ctx.Err() == nil; try++ {
		if bal, err := c.client.PendingBalanceAt(ctx, addr); err == nil && bal.Cmp(amount) >= 0 {
			return nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	return ctx.Err()
}

// Client returns the chain's client, for sending other transactions or
// deploying other contracts on it (as the gas benchmark does).
func (c *Chain) Client() chain.Backend { return c.client }

// Close stops the chain. With Options.Dir, its transactions stay in the
// journal.
func (c *Chain) Close() error {
	var errs []error
	if c.client != nil && c.client.journal != nil {
		errs = append(errs, c.client.journal.Close())
		c.client.journal = nil
	}
	errs = append(errs, c.backend.Close())
	return errors.Join(errs...)
}
