package main

import (
	"context"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/attest/chain/simulated"
	"github.com/aiprov/aiprov/storage"
)

// envChainDir is where the embedded chain keeps its transactions between
// runs (--chain-dir).
const envChainDir = "AIPROV_CHAIN_DIR"

// chainFlags are the flags of every command that talks to the chain (anchor,
// verify --chain, the royalty payout commands): which chain and contracts,
// and who sends.
type chainFlags struct {
	rpc, registry, distributor, chainDir string
	chainID                              uint64
	keyFile, passwordFile                string
	json                                 bool
	fs                                   *pflag.FlagSet
}

// registerChain adds the flags that say which chain and contracts.
func (f *chainFlags) registerChain(fs *pflag.FlagSet) {
	f.registerRegistry(fs)
	fs.Uint64Var(&f.chainID, "chain-id", 0, "the chain's id, checked against the node's (with --rpc)")
	bindEnv(fs, "chain-id", envChainID)
	fs.StringVar(&f.distributor, "distributor", "", "the distributor's `ADDRESS` (with --rpc)")
	bindEnv(fs, "distributor", envDistributor)
}

// registerRegistry adds the flags that say where the registry is: --rpc,
// --registry, --chain-dir (for a command with a --chain-id of its own).
func (f *chainFlags) registerRegistry(fs *pflag.FlagSet) {
	f.fs = fs
	fs.StringVar(&f.rpc, "rpc", "", "Ethereum JSON-RPC `URL` of the chain (default: the embedded chain)")
	bindEnv(fs, "rpc", envRPC)
	fs.StringVar(&f.registry, "registry", "", "the provenance registry's `ADDRESS` (with --rpc)")
	bindEnv(fs, "registry", envRegistry)
	fs.StringVar(&f.chainDir, "chain-dir", "", "where the embedded chain keeps its transactions between runs (default: chain/ beside the default store)")
	bindEnv(fs, "chain-dir", envChainDir)
}

// registerSender adds the flags of commands that send transactions, and
// --json.
func (f *chainFlags) registerSender(fs *pflag.FlagSet) {
	f.registerChain(fs)
	fs.StringVarP(&f.keyFile, "key", "k", "", "the sender's secp256k1 key `FILE`, who pays the gas (default $"+envKey+")")
	fs.StringVar(&f.passwordFile, "password-file", "", "password of an encrypted key, from `FILE` (default $"+envKeyPassword+")")
	fs.BoolVar(&f.json, "json", false, "write JSON")
}

// openChain is an open chain: the registry and the contracts' addresses.
type openChain struct {
	reg      *chain.Registry
	addrs    chain.Addresses // Distributor is zero when not asked for
	chainID  uint64
	key      *attest.PrivateKey // nil without --key and $AIPROV_KEY
	opt      chain.TxOptions    // how the registry sends; for other contracts
	embedded *simulated.Chain   // nil with --rpc
	close    func()
}

// open opens the chain: the node at --rpc, or the embedded chain in
// --chain-dir, whose contracts it deploys the first time. With needKey,
// --key (or $AIPROV_KEY) must name a secp256k1 key, which sends; without
// it the embedded chain's deployer sends. needDistributor requires
// --distributor with --rpc.
func (f *chainFlags) open(ctx context.Context, c *cli, needKey, needDistributor bool) (*openChain, error) {
	key, err := f.loadKey(c, needKey)
	if err != nil {
		return nil, err
	}
	opt := chain.TxOptions{}
	if key != nil {
		opt.Signer = key
	}
	if f.rpc == "" {
		so := simulated.Options{Dir: f.chainDir}
		if so.Dir == "" {
			if so.Dir, err = defaultChainDir(c); err != nil {
				return nil, err
			}
		}
		if key != nil {
			so.Signer = key
		}
		sc, err := simulated.Open(ctx, so)
		if err != nil {
			return nil, err
		}
		opt.PollInterval = time.Millisecond
		return &openChain{reg: sc.Registry, addrs: sc.Addresses, chainID: simulated.ChainID, key: key, opt: opt, embedded: sc, close: func() { sc.Close() }}, nil
	}
	if f.registry == "" || (needDistributor && f.distributor == "") {
		if needDistributor {
			return nil, usagef("--rpc needs --registry ADDRESS and --distributor ADDRESS (aiprov anchor deploy prints them)")
		}
		return nil, usagef("--rpc needs --registry ADDRESS (aiprov anchor deploy prints it)")
	}
	var addrs chain.Addresses
	if addrs.Registry, err = addressFlag("--registry", f.registry); err != nil {
		return nil, err
	}
	if needDistributor {
		if addrs.Distributor, err = addressFlag("--distributor", f.distributor); err != nil {
			return nil, err
		}
	}
	reg, err := chain.Dial(ctx, f.rpc, chain.Config{Registry: addrs.Registry, ChainID: f.chainID, TxOptions: opt})
	if err != nil {
		return nil, err
	}
	return &openChain{reg: reg, addrs: addrs, chainID: reg.ChainID(), key: key, opt: opt, close: reg.Close}, nil
}

// loadKey loads --key or $AIPROV_KEY, a secp256k1 key; nil when neither
// is given and !need.
func (f *chainFlags) loadKey(c *cli, need bool) (*attest.PrivateKey, error) {
	if !need && f.keyFile == "" && c.getenv(envKey) == "" {
		return nil, nil
	}
	k, err := keysLoadSigner(c, f.keyFile, f.passwordFile)
	if err != nil {
		return nil, err
	}
	if k.Algorithm() != attest.Secp256k1 {
		return nil, usagef("--key: transactions need a secp256k1 (Ethereum) key, not %s", k.Algorithm())
	}
	return k, nil
}

// defaultChainDir is the embedded chain's directory: chain/ beside the
// default store.
func defaultChainDir(c *cli) (string, error) {
	store, err := storage.DefaultDir(c.getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(store), "chain"), nil
}
