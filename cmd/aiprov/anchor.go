package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/provenance"
)

// anchorChainHelp is the part of every anchor command's help that says
// which chain it talks to.
const anchorChainHelp = `Without --rpc, the embedded chain: go-ethereum's simulated backend running
in the process with the contracts deployed, kept in --chain-dir ($` + envChainDir + `,
default chain/ beside the default store) between runs, as the royalty payout
commands use it. With --rpc URL ($` + envRPC + `), the node at URL and the
registry at --registry ($` + envRegistry + `) that aiprov anchor deploy printed.`

type anchorFlags struct {
	chainFlags
	signature, proofs, royalty string
	batch                      bool
}

func newAnchorCmd(c *cli) *cobra.Command {
	var f anchorFlags
	cmd := &cobra.Command{
		Use:   "anchor MANIFEST... [--signature SIG.json] [--batch]",
		Short: "Register manifests on chain, each with an ERC-721 token",
		Long: `Registers a lineage manifest (DAG-JSON or DAG-CBOR) in the provenance
registry: its record names its parents' records, which must be registered
first, and an ERC-721 token for it (token id: the manifest's digest,
tokenURI ipfs://<manifest CID>) is minted to its owner. The owner signs the
registration (EIP-712, under the registry's chain id and address): the key
--key ($` + envKey + `) signs it and sends the transaction, or --signature names a
signature file that aiprov sign --format eip712 --chain-id N --contract
REGISTRY wrote, and the key only pays the gas (on the embedded chain, no key
is needed then). Running it again for a registered manifest sends nothing
and prints the existing record.

--batch anchors many manifests in one transaction, as the Merkle root of
their (owner, attestation) leaves, owned by --key; each manifest's inclusion
proof is written to --proofs DIR as <manifest CID>.inclusion.json, and
aiprov anchor prove registers it later (its token is minted then).

` + anchorChainHelp,
		Example: `  aiprov anchor model.json --key owner.key
  aiprov anchor model.json --signature model.eip712.json --rpc http://127.0.0.1:8545 --registry 0x… --key relayer.key
  aiprov anchor --batch m/*.json --key owner.key --proofs proofs/ --json
  aiprov anchor prove proofs/*.inclusion.json
  aiprov anchor show model.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("anchor takes one manifest (or, with --batch, several), or a subcommand: deploy, prove, show")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := os.Stat(args[0]); err != nil && !strings.ContainsAny(args[0], `./\`) {
				return unknownSubcommand(cmd, args[0]) // a mistyped subcommand
			}
			if !f.batch {
				if len(args) > 1 {
					return usagef("anchor takes one manifest; --batch anchors several in one transaction")
				}
				return runAnchor(cmd.Context(), c, &f, args[0])
			}
			return runAnchorBatch(cmd.Context(), c, &f, args)
		},
	}
	fs := cmd.Flags()
	f.registerSender(fs)
	fs.StringVar(&f.signature, "signature", "", "the owner's EIP-712 signature `FILE` (aiprov sign --format eip712); default: --key signs")
	fs.StringVar(&f.royalty, "royalty", "0%", "the token's EIP-2981 royalty `RATE` (e.g. 2.5%), set at registration and signed with it")
	fs.BoolVar(&f.batch, "batch", false, "anchor the manifests in one transaction as a Merkle batch")
	fs.StringVar(&f.proofs, "proofs", ".", "with --batch: write each manifest's inclusion proof to `DIR`")
	cmd.AddCommand(newAnchorDeployCmd(c), newAnchorProveCmd(c), newAnchorShowCmd(c))
	return cmd
}

// anchorManifest is a manifest read for anchoring.
type anchorManifest struct {
	name string
	m    *provenance.Manifest
	cid  cid.Cid
	att  attest.ManifestAttestation
}

func readAnchorManifest(name, royalty string) (*anchorManifest, error) {
	data, err := keysReadFile(name, 2*provenance.MaxManifestSize)
	if err != nil {
		return nil, err
	}
	m, err := signReadManifest(name, data)
	if err != nil {
		return nil, err
	}
	mcid, err := m.CID()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	a, err := attest.NewManifestAttestation(m, mcid)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	share, err := provenance.ParseShare(royalty)
	if err != nil {
		return nil, usagef("--royalty %q: %v", royalty, err)
	}
	a.RoyaltyShare = uint32(share)
	return &anchorManifest{name: name, m: m, cid: mcid, att: a}, nil
}

func runAnchor(ctx context.Context, c *cli, f *anchorFlags, name string) error {
	am, err := readAnchorManifest(name, f.royalty)
	if err != nil {
		return err
	}
	var sig *attest.EthSignature
	if f.signature != "" {
		data, err := keysReadFile(f.signature, attest.MaxEnvelopeSize)
		if err != nil {
			return err
		}
		if sig, err = attest.ParseEthSignature(data); err != nil {
			return fmt.Errorf("%s: %w", f.signature, err)
		}
		if sig.Format != attest.FormatEIP712 {
			return usagef("--signature %s: a %s signature; registering needs EIP-712 (aiprov sign --format eip712)", f.signature, sig.Format)
		}
	}
	// Without a signature the key signs, so it is needed; with one, only a
	// node needs a key to pay the gas.
	oc, err := f.open(ctx, c, sig == nil || f.rpc != "", false)
	if err != nil {
		return err
	}
	defer oc.close()
	var owner common.Address
	var sigBytes []byte
	if sig == nil {
		owner = oc.key.Address()
		if sigBytes, err = oc.reg.Sign(ctx, oc.key, am.att); err != nil {
			return err
		}
	} else if owner, sigBytes, err = anchorCheckSignature(f.signature, sig, oc.reg.Domain(), am); err != nil {
		return err
	}
	a, err := oc.reg.Register(ctx, am.att, owner, sigBytes)
	if err != nil {
		return anchorError(name, err)
	}
	return writeAnchor(c, f.json, oc.chainID, a)
}

// anchorCheckSignature checks that a signature file signs am's
// registration under the registry's domain, and returns its signer.
func anchorCheckSignature(name string, sig *attest.EthSignature, registry attest.Domain, am *anchorManifest) (common.Address, []byte, error) {
	dom, a, err := sig.TypedData.Parse()
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("%s: %w", name, err)
	}
	if dom != registry {
		return common.Address{}, nil, fmt.Errorf("%s: signed under %s, not the registry's domain %s: sign with aiprov sign --format eip712 --chain-id %d --contract %s",
			name, dom, registry, registry.ChainID, common.Address(registry.VerifyingContract).Hex())
	}
	if !a.Equal(am.att) {
		what := "another manifest"
		if a.ManifestDigest == am.att.ManifestDigest {
			what = "the same manifest with another royalty rate"
		}
		return common.Address{}, nil, fmt.Errorf("%s: signs %s, not %s (%s)", name, what, am.cid, am.name)
	}
	owner, err := sig.Recover()
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("%s: %w", name, err)
	}
	if owner != sig.Signer {
		return common.Address{}, nil, fmt.Errorf("%s: the signature recovers to %s, not its signer %s", name, owner.Hex(), sig.Signer.Hex())
	}
	raw, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(sig.Signature, "0x"), "0X"))
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("%s: signature: %w", name, err)
	}
	return owner, raw, nil
}

// anchorError adds what to do to the registry's refusals.
func anchorError(name string, err error) error {
	switch {
	case errors.Is(err, chain.ErrParentNotRegistered):
		var rev *chain.RevertError
		if errors.As(err, &rev) && len(rev.Args) > 0 {
			if p, ok := rev.Args[0].(*big.Int); ok && p.Sign() >= 0 && p.BitLen() <= 256 {
				return fmt.Errorf("%s: its parent %s is not registered: anchor the parents first (%w)", name, chain.ManifestCID([32]byte(p.FillBytes(make([]byte, 32)))), err)
			}
		}
		return fmt.Errorf("%s: %w; anchor its parents first", name, err)
	case errors.Is(err, chain.ErrInvalidSignature):
		return fmt.Errorf("%s: %w; the registry did not accept the owner's signature", name, err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// anchorJSON is the shape of anchor --json and anchor prove --json
// (docs/json.md).
type anchorJSON struct {
	Registry string `json:"registry"`
	ChainID  uint64 `json:"chainId"`
	recordJSON
	GasUsed  uint64 `json:"gasUsed"`
	Existing bool   `json:"existing"`
}

// recordJSON is a record on chain, as anchor and anchor show print it.
type recordJSON struct {
	Manifest     string   `json:"cid"` // the manifest's CID
	TokenID      string   `json:"tokenId"`
	Owner        string   `json:"owner"`
	Registrant   string   `json:"registrant"`
	Subject      string   `json:"subject"` // the artifact's root CID's sha2-256 digest
	Parents      []string `json:"parents"`
	RoyaltyShare uint32   `json:"royaltyShare"`
	BatchRoot    string   `json:"batchRoot,omitempty"`
	Block        uint64   `json:"block"`
	TxHash       string   `json:"txHash"`
}

func recordJSONOf(r *chain.Record) recordJSON {
	out := recordJSON{
		Manifest: r.ManifestCID.String(), TokenID: r.TokenID().Hex(), Owner: r.Owner.Hex(), Registrant: r.Registrant.Hex(),
		Subject: "0x" + hex.EncodeToString(r.SubjectDigest[:]), Parents: []string{}, RoyaltyShare: r.RoyaltyShare,
		Block: r.Block, TxHash: r.TxHash.Hex(),
	}
	if r.BatchRoot != (common.Hash{}) {
		out.BatchRoot = r.BatchRoot.Hex()
	}
	for _, p := range r.Parents {
		out.Parents = append(out.Parents, p.String())
	}
	return out
}

func writeAnchor(c *cli, asJSON bool, chainID uint64, a *chain.Anchor) error {
	if asJSON {
		return writeJSON(c.stdout, "anchor", anchorJSON{Registry: a.Registry.Hex(), ChainID: chainID, recordJSON: recordJSONOf(&a.Record), GasUsed: a.GasUsed, Existing: a.Existing})
	}
	if a.Existing {
		fmt.Fprintf(c.stdout, "%s is already registered (block %d): nothing sent\n", a.ManifestCID, a.Block)
	} else {
		fmt.Fprintf(c.stdout, "registered %s\n", a.ManifestCID)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  registry\t%s (chain %d)\n", a.Registry.Hex(), chainID)
	fmt.Fprintf(tw, "  token\t%s\n", a.TokenID().Hex())
	fmt.Fprintf(tw, "  owner\t%s\n", a.Owner.Hex())
	fmt.Fprintf(tw, "  tx\t%s (block %d)\n", a.TxHash.Hex(), a.Block)
	if !a.Existing {
		fmt.Fprintf(tw, "  gas used\t%d\n", a.GasUsed)
	}
	return tw.Flush()
}

// ---- batch

// batchJSON is the shape of anchor --batch --json (docs/json.md).
type batchJSON struct {
	Registry  string              `json:"registry"`
	ChainID   uint64              `json:"chainId"`
	Root      string              `json:"root"`
	Anchorer  string              `json:"anchorer"`
	Block     uint64              `json:"block"`
	TxHash    string              `json:"txHash,omitempty"`
	GasUsed   uint64              `json:"gasUsed"`
	Existing  bool                `json:"existing"`
	Manifests []batchManifestJSON `json:"manifests"`
}

type batchManifestJSON struct {
	File      string `json:"file"`
	Manifest  string `json:"cid"`
	Inclusion string `json:"inclusion"` // the inclusion proof's file
}

func runAnchorBatch(ctx context.Context, c *cli, f *anchorFlags, names []string) error {
	if f.signature != "" {
		return usagef("--signature registers one manifest; a batch is owned by --key")
	}
	if len(names) > chain.MaxBatch {
		return usagef("a batch of %d manifests, more than %d", len(names), chain.MaxBatch)
	}
	ams := make([]*anchorManifest, len(names))
	for i, name := range names {
		am, err := readAnchorManifest(name, f.royalty)
		if err != nil {
			return err
		}
		ams[i] = am
	}
	if err := os.MkdirAll(f.proofs, 0o755); err != nil {
		return err
	}
	oc, err := f.open(ctx, c, true, false)
	if err != nil {
		return err
	}
	defer oc.close()
	entries := make([]chain.BatchEntry, len(ams))
	for i, am := range ams {
		entries[i] = chain.BatchEntry{Owner: oc.key.Address(), Attestation: am.att}
	}
	b, err := chain.NewBatch(entries)
	if err != nil {
		return err
	}
	// The proofs are written first: a batch anchored without them could
	// never be proven.
	out := batchJSON{Registry: oc.reg.Address().Hex(), ChainID: oc.chainID, Root: b.Root().Hex(), Manifests: []batchManifestJSON{}}
	for i, am := range ams {
		js, err := json.MarshalIndent(b.Inclusion(i), "", "  ")
		if err != nil {
			return err
		}
		path := filepath.Join(f.proofs, am.cid.String()+".inclusion.json")
		if err := writeBytesAtomic(path, 0o644, append(js, '\n')); err != nil {
			return err
		}
		out.Manifests = append(out.Manifests, batchManifestJSON{File: am.name, Manifest: am.cid.String(), Inclusion: path})
	}
	ba, err := oc.reg.AnchorBatch(ctx, b)
	if err != nil {
		return err
	}
	out.Anchorer, out.Block, out.GasUsed, out.Existing = ba.Anchorer.Hex(), ba.Block, ba.GasUsed, ba.Existing
	if ba.TxHash != (common.Hash{}) {
		out.TxHash = ba.TxHash.Hex()
	}
	if f.json {
		return writeJSON(c.stdout, "anchor --batch", out)
	}
	if ba.Existing {
		fmt.Fprintf(c.stdout, "batch %s is already anchored (block %d): nothing sent\n", out.Root, ba.Block)
	} else {
		fmt.Fprintf(c.stdout, "anchored a batch of %d manifests: root %s\n", len(ams), out.Root)
		fmt.Fprintf(c.stdout, "  registry %s (chain %d), tx %s (block %d), %d gas (%d per manifest)\n",
			out.Registry, oc.chainID, out.TxHash, ba.Block, ba.GasUsed, ba.GasUsed/uint64(len(ams)))
	}
	fmt.Fprintf(c.stdout, "  inclusion proofs in %s; aiprov anchor prove FILE registers a manifest and mints its token\n", f.proofs)
	return nil
}

// ---- prove

func newAnchorProveCmd(c *cli) *cobra.Command {
	var f chainFlags
	cmd := &cobra.Command{
		Use:   "prove INCLUSION.json...",
		Short: "Register manifests of an anchored batch from their inclusion proofs",
		Long: `Registers each manifest whose inclusion proof (written by aiprov anchor
--batch) is given, and mints its token to the owner the batch named. Anyone
may send it: --key only pays the gas. A registered manifest is left as it is
and its record printed.

` + anchorChainHelp,
		Example: `  aiprov anchor prove proofs/bafyrei….inclusion.json
  aiprov anchor prove proofs/*.inclusion.json --rpc http://127.0.0.1:8545 --registry 0x… --key relayer.key --json`,
		Args: nargs(1, -1, "prove takes one or more inclusion proof files (aiprov anchor --batch writes them)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			ins := make([]*chain.Inclusion, len(args))
			for i, name := range args {
				data, err := keysReadFile(name, 1<<20)
				if err != nil {
					return err
				}
				ins[i] = new(chain.Inclusion)
				if err := json.Unmarshal(data, ins[i]); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				if !ins[i].Verify() {
					return fmt.Errorf("%s: %w (the file was changed, or belongs to another batch)", name, chain.ErrInvalidProof)
				}
			}
			order := parentsFirst(ins)
			oc, err := f.open(ctx, c, f.rpc != "", false)
			if err != nil {
				return err
			}
			defer oc.close()
			var outs []anchorJSON
			for _, i := range order {
				in := ins[i]
				a, err := oc.reg.ProveInclusion(ctx, in)
				if err != nil {
					if errors.Is(err, chain.ErrBatchNotAnchored) {
						err = fmt.Errorf("%w: batch %s (aiprov anchor --batch anchors it)", err, in.Root.Hex())
					}
					return anchorError(args[i], err)
				}
				if f.json {
					outs = append(outs, anchorJSON{Registry: a.Registry.Hex(), ChainID: oc.chainID, recordJSON: recordJSONOf(&a.Record), GasUsed: a.GasUsed, Existing: a.Existing})
					continue
				}
				if err := writeAnchor(c, false, oc.chainID, a); err != nil {
					return err
				}
			}
			if f.json {
				return writeJSON(c.stdout, "anchor prove", map[string]any{"records": outs})
			}
			return nil
		},
	}
	f.registerSender(cmd.Flags())
	return cmd
}

// parentsFirst orders inclusions so that a manifest comes after those of
// its parents that are among them (the registry wants parents first); the
// order is otherwise the given one.
func parentsFirst(ins []*chain.Inclusion) []int {
	index := make(map[[32]byte]int, len(ins))
	for i, in := range ins {
		index[in.Attestation.ManifestDigest] = i
	}
	done := make([]bool, len(ins))
	var order []int
	var visit func(i int, depth int)
	visit = func(i int, depth int) {
		if done[i] || depth > len(ins) { // depth: a cycle cannot be registered anyway
			return
		}
		for _, p := range ins[i].Attestation.Parents {
			if j, ok := index[p]; ok {
				visit(j, depth+1)
			}
		}
		if !done[i] {
			done[i] = true
			order = append(order, i)
		}
	}
	for i := range ins {
		visit(i, 0)
	}
	return order
}

// ---- deploy

func newAnchorDeployCmd(c *cli) *cobra.Command {
	var f chainFlags
	var asEnv bool
	cmd := &cobra.Command{
		Use:   "deploy --rpc URL [--chain-id N] --key KEY",
		Short: "Deploy the provenance registry and the royalty distributor to a node",
		Long: `Deploys the provenance registry, then the royalty distributor serving it,
from --key's account ($` + envKey + `), which pays the gas, to the node at --rpc
($` + envRPC + `); --chain-id ($` + envChainID + `) guards against the wrong network.
Prints the contracts' addresses: give them to the other commands as
--registry and --distributor, or $` + envRegistry + ` and $` + envDistributor + `.
The embedded chain needs no deploy: its contracts are deployed when it is
first opened.`,
		Example: `  aiprov anchor deploy --rpc http://127.0.0.1:8545 --chain-id 1337 --key deployer.key
  eval "$(aiprov anchor deploy --rpc $AIPROV_RPC --key deployer.key --env)"`,
		Args: nargs(0, 0, "deploy takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if f.rpc == "" {
				return usagef("deploy needs --rpc URL: the embedded chain deploys its contracts itself")
			}
			key, err := f.loadKey(c, true)
			if err != nil {
				return err
			}
			b, err := chain.DialBackend(ctx, f.rpc)
			if err != nil {
				return err
			}
			defer b.Close()
			d, err := chain.Deploy(ctx, b, f.chainID, chain.TxOptions{Signer: key})
			if err != nil {
				return err
			}
			return writeDeployment(c.stdout, d, f.json, asEnv)
		},
	}
	f.registerSender(cmd.Flags())
	cmd.Flags().BoolVar(&asEnv, "env", false, "print shell variable assignments ("+envRegistry+"=…) instead")
	return cmd
}

func writeDeployment(w io.Writer, d *chain.Deployment, asJSON, env bool) error {
	switch {
	case asJSON:
		return writeJSON(w, "anchor deploy", d)
	case env:
		_, err := fmt.Fprintf(w, "export %s=%s %s=%s %s=%d\n", envRegistry, d.Registry.Hex(), envDistributor, d.Distributor.Hex(), envChainID, d.ChainID)
		return err
	}
	_, err := fmt.Fprintf(w, "registry     %s\ndistributor  %s\nchain        %d\ngas used     %d\n", d.Registry.Hex(), d.Distributor.Hex(), d.ChainID, d.GasUsed)
	return err
}

// ---- show

// showJSON is the shape of anchor show --json (docs/json.md).
type showJSON struct {
	Registry string `json:"registry"`
	ChainID  uint64 `json:"chainId"`
	recordJSON
	Children []string `json:"children"`
	TokenURI string   `json:"tokenUri"`
}

func newAnchorShowCmd(c *cli) *cobra.Command {
	var f chainFlags
	cmd := &cobra.Command{
		Use:   "show CID|MANIFEST",
		Short: "Print a manifest's record on chain: parents, children, owner, token",
		Long: `Prints the record of the manifest with the given CID (or in the given
manifest file): its token id and tokenURI, current owner and registrant,
royalty rate, the parents its record names, the records that name it as a
parent, and the transaction that registered it. Exits 1 when it is not
registered.

` + anchorChainHelp,
		Example: `  aiprov anchor show bafyrei…
  aiprov anchor show model.json --rpc http://127.0.0.1:8545 --registry 0x… --json`,
		Args: nargs(1, 1, "show takes one manifest CID or manifest file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			mcid, err := anchorTarget(args[0])
			if err != nil {
				return err
			}
			oc, err := f.open(ctx, c, false, false)
			if err != nil {
				return err
			}
			defer oc.close()
			rec, err := oc.reg.Record(ctx, mcid)
			if err != nil {
				if errors.Is(err, chain.ErrNotRegistered) {
					return fmt.Errorf("%s is not registered in the registry %s on chain %d", mcid, oc.reg.Address().Hex(), oc.chainID)
				}
				return err
			}
			children, err := oc.reg.Children(ctx, mcid)
			if err != nil {
				return err
			}
			uri, err := oc.reg.TokenURI(ctx, mcid)
			if err != nil {
				return err
			}
			out := showJSON{Registry: oc.reg.Address().Hex(), ChainID: oc.chainID, recordJSON: recordJSONOf(rec), Children: []string{}, TokenURI: uri}
			for _, ch := range children {
				out.Children = append(out.Children, ch.String())
			}
			if f.json {
				return writeJSON(c.stdout, "anchor show", out)
			}
			tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintf(tw, "manifest\t%s\n", out.Manifest)
			fmt.Fprintf(tw, "registry\t%s (chain %d)\n", out.Registry, out.ChainID)
			fmt.Fprintf(tw, "token\t%s\n", out.TokenID)
			fmt.Fprintf(tw, "tokenURI\t%s\n", out.TokenURI)
			fmt.Fprintf(tw, "owner\t%s\n", out.Owner)
			if out.Registrant != out.Owner {
				fmt.Fprintf(tw, "registrant\t%s\n", out.Registrant)
			}
			fmt.Fprintf(tw, "subject\t%s\n", out.Subject)
			fmt.Fprintf(tw, "royalty\t%s\n", provenance.FormatShare(uint64(out.RoyaltyShare)))
			if out.BatchRoot != "" {
				fmt.Fprintf(tw, "batch\t%s\n", out.BatchRoot)
			}
			fmt.Fprintf(tw, "tx\t%s (block %d)\n", out.TxHash, out.Block)
			for _, p := range out.Parents {
				fmt.Fprintf(tw, "parent\t%s\n", p)
			}
			for _, ch := range out.Children {
				fmt.Fprintf(tw, "child\t%s\n", ch)
			}
			return tw.Flush()
		},
	}
	f.registerChain(cmd.Flags())
	cmd.Flags().BoolVar(&f.json, "json", false, "write JSON")
	return cmd
}

// anchorTarget reads a manifest CID, or the CID of the manifest in a file.
func anchorTarget(arg string) (cid.Cid, error) {
	if c, err := cid.Decode(arg); err == nil {
		if _, err := chain.Digest(c); err != nil {
			return cid.Undef, usagef("%v", err)
		}
		return c, nil
	}
	if _, err := os.Stat(arg); err != nil {
		return cid.Undef, usagef("%q is neither a manifest CID nor a manifest file", arg)
	}
	am, err := readAnchorManifest(arg, "0%")
	if err != nil {
		return cid.Undef, err
	}
	return am.cid, nil
}
