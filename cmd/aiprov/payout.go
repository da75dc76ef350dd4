package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
	"github.com/aiprov/aiprov/storage"
)

// payoutFlags are the flags of the on-chain royalty commands: which chain
// and contracts, who sends (chainFlags), and where the manifests and
// bindings are.
type payoutFlags struct {
	chainFlags
	artifact, manifests, token, unbound string
	payees                              []string
}

func (f *payoutFlags) registerSplit(fs *pflag.FlagSet) {
	fs.StringVar(&f.artifact, "artifact", "", "the paid artifact's manifest `CID` (it must be registered)")
	fs.StringVar(&f.manifests, "manifests", "", "`DIR` of lineage manifests and payee bindings (as royalty split --manifests)")
	fs.StringSliceVar(&f.payees, "payees", nil, "payee binding `FILE`s or directories (aiprov royalty bind), besides those in --manifests")
	fs.StringVar(&f.token, "token", "", "an ERC-20 token `ADDRESS` (default: the native currency)")
	fs.StringVar(&f.unbound, "unbound", "", "pay contributors with no payee binding to this `ADDRESS` (default: fail, naming them)")
}

// payoutChain is an open chain with the registry and the distributor.
type payoutChain struct {
	reg   chain.Chain
	dist  *chain.Distributor
	key   *attest.PrivateKey
	close func()
}

// open opens the chain (chainFlags.open) with the distributor.
func (f *payoutFlags) open(ctx context.Context, c *cli, needKey bool) (*payoutChain, error) {
	oc, err := f.chainFlags.open(ctx, c, needKey, true)
	if err != nil {
		return nil, err
	}
	d, err := chain.NewDistributor(ctx, oc.reg.Backend(), oc.addrs.Distributor, oc.chainID, oc.opt)
	if err != nil {
		oc.close()
		return nil, err
	}
	return &payoutChain{reg: oc.reg, dist: d, key: oc.key, close: oc.close}, nil
}

func (f *payoutFlags) artifactCID() (cid.Cid, error) {
	if f.artifact == "" {
		return cid.Undef, usagef("--artifact CID is required")
	}
	a, err := cid.Decode(f.artifact)
	if err != nil {
		return cid.Undef, usagef("--artifact %q: %v", f.artifact, err)
	}
	if _, err := chain.Digest(a); err != nil {
		return cid.Undef, usagef("--artifact: %v", err)
	}
	return a, nil
}

func (f *payoutFlags) tokenAddress() (common.Address, error) {
	if f.token == "" {
		return common.Address{}, nil
	}
	return addressFlag("--token", f.token)
}

// lineage is the manifests and bindings a payout is computed from.
type lineage struct {
	md     *manifestDir
	graph  *royalty.Graph
	payees chain.Payees
	opt    chain.PlanOptions
}

func (f *payoutFlags) lineage(ctx context.Context, pc *payoutChain) (*lineage, error) {
	if f.manifests == "" {
		return nil, usagef("--manifests DIR is required: the split is recomputed from the manifests")
	}
	md, err := readManifestDir(ctx, f.manifests)
	if err != nil {
		return nil, err
	}
	if err := md.requireValid(); err != nil {
		return nil, err
	}
	for _, p := range f.payees {
		if err := readPayeeFiles(&md.payees, p); err != nil {
			return nil, err
		}
	}
	nodes, err := royalty.ManifestNodes(md.inOrder(nil)...)
	if err != nil {
		return nil, err
	}
	g, err := royalty.NewGraph(nodes, royalty.Limits{})
	if err != nil {
		return nil, err
	}
	l := &lineage{md: md, graph: g, payees: chain.Payees{Bindings: &md.payees, Chain: pc.reg}}
	if l.opt.Token, err = f.tokenAddress(); err != nil {
		return nil, err
	}
	if f.unbound != "" {
		a, err := royalty.ParseAddress(f.unbound)
		if err != nil {
			return nil, usagef("--unbound: %v", err)
		}
		l.opt.Unbound = &a
	}
	return l, nil
}

// start reads --artifact, opens the chain and reads the lineage: the
// prologue of the commands that recompute a split.
func (f *payoutFlags) start(ctx context.Context, c *cli, needKey bool) (cid.Cid, *payoutChain, *lineage, error) {
	art, err := f.artifactCID()
	if err != nil {
		return cid.Undef, nil, nil, err
	}
	pc, err := f.open(ctx, c, needKey)
	if err != nil {
		return cid.Undef, nil, nil, err
	}
	l, err := f.lineage(ctx, pc)
	if err != nil {
		pc.close()
		return cid.Undef, nil, nil, err
	}
	return art, pc, l, nil
}

// readPayeeFiles adds the payee bindings in a file, or in the *.json
// files of a directory.
func readPayeeFiles(p *attest.Payees, name string) error {
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	files := []string{name}
	if st.IsDir() {
		if files, err = filepath.Glob(filepath.Join(name, "*.json")); err != nil {
			return err
		}
	}
	for _, f := range files {
		data, err := keysReadFile(f, attest.MaxPayeeBindingSize)
		if err != nil {
			return err
		}
		if st.IsDir() && !attest.IsPayeeBinding(data) {
			continue
		}
		if err := addPayeeBinding(p, f, data); err != nil {
			return err
		}
	}
	return nil
}

// ---- bind

func newRoyaltyBindCmd(c *cli) *cobra.Command {
	var keyFile, passwordFile, address, out string
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "bind --key KEY --address ADDRESS [-o FILE]",
		Short: "Bind a contributor key to the address its royalties are paid at",
		Long: `Signs a payee binding with the contributor's own key (ed25519, P-256 or
secp256k1): the royalties owed to that key are paid at ADDRESS, and the key
votes on payout epochs through it. Nobody else can redirect the money. The
binding is a DSSE envelope; it is written to FILE (or standard output) and
kept in the store by CID. Put it beside the manifests (royalty split
--manifests reads it there) or pass it with --payees. The latest binding
of a key counts.`,
		Example: `  aiprov royalty bind --key carol.pem --address 0xC0ffee… -o manifests/carol.payee.json`,
		Args:    nargs(0, 0, "bind takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			payee, err := addressFlag("--address", address)
			if err != nil {
				return err
			}
			key, err := keysLoadSigner(c, keyFile, passwordFile)
			if err != nil {
				return err
			}
			env, err := attest.SignPayeeBinding(ctx, key, payee, time.Now())
			if err != nil {
				return err
			}
			data, err := json.Marshal(env)
			if err != nil {
				return err
			}
			data = append(data, '\n')
			s, _, _, err := sf.open(c)
			if err != nil {
				return err
			}
			id, err := storage.PutData(ctx, s, cid.Raw, data)
			if err != nil {
				return err
			}
			if out == "" {
				_, err = c.stdout.Write(data)
			} else {
				err = writeBytesAtomic(out, 0o644, data)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stderr, "aiprov: %s is paid at %s; binding stored as %s\n", key.ID(), payee.Hex(), id)
			return nil
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&keyFile, "key", "k", "", "the contributor's private key `FILE` (default $"+envKey+")")
	fs.StringVar(&passwordFile, "password-file", "", "password of an encrypted key, from `FILE` (default $"+envKeyPassword+")")
	fs.StringVar(&address, "address", "", "the payout `ADDRESS`")
	fs.StringVarP(&out, "output", "o", "", "write the binding to `FILE` (default: standard output)")
	sf.register(fs)
	return cmd
}

// ---- configure

func newRoyaltyConfigureCmd(c *cli) *cobra.Command {
	var f payoutFlags
	var publisher string
	var noVote bool
	cmd := &cobra.Command{
		Use:   "configure --artifact CID --manifests DIR [--publisher ADDRESS] [--no-vote]",
		Short: "Set, once, who publishes a registered artifact's payout epochs",
		Long: `Sent by the artifact's token owner once, at registration: by default its
epochs are published with approvals of its contributors holding more than
half of its contributor shares (the voters are read from its manifest: an
address votes itself, a key through its payee binding, a token through its
owner); --publisher also lets ADDRESS publish alone, and --no-vote leaves
only the publisher.`,
		Example: `  aiprov royalty configure --artifact bafyrei… --manifests manifests/ --key owner.key`,
		Args:    nargs(0, 0, "configure takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			art, err := f.artifactCID()
			if err != nil {
				return err
			}
			var pub common.Address
			if publisher != "" {
				if pub, err = addressFlag("--publisher", publisher); err != nil {
					return err
				}
			}
			if noVote && pub == (common.Address{}) {
				return usagef("--no-vote needs --publisher: someone must publish")
			}
			pc, err := f.open(ctx, c, true)
			if err != nil {
				return err
			}
			defer pc.close()
			var voters []chain.Voter
			if !noVote {
				l, err := f.lineage(ctx, pc)
				if err != nil {
					return err
				}
				m, ok := l.md.manifests[art]
				if !ok {
					return fmt.Errorf("--artifact %s: no manifest with that CID in %s", art, f.manifests)
				}
				if voters, err = chain.NewVoters(ctx, m, l.payees); err != nil {
					return err
				}
			}
			rcpt, err := pc.dist.Configure(ctx, art, voters, pub)
			if err != nil {
				return err
			}
			if f.json {
				out := configureOut{Artifact: art.String(), Voters: []voterOut{}}
				if rcpt != nil {
					out.TxHash, out.GasUsed = rcpt.TxHash.Hex(), rcpt.GasUsed
				} else { // configured so already
					out.Existing = true
				}
				if pub != (common.Address{}) {
					out.Publisher = pub.Hex()
				}
				for _, v := range voters {
					out.Voters = append(out.Voters, voterOut{v.Account.Hex(), uint64(v.Weight), royalty.FormatFraction(big.NewRat(int64(v.Weight), provenance.ShareWhole), 6)})
				}
				return writeJSON(c.stdout, "royalty configure", out)
			}
			tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintf(tw, "%s: epochs published by", art)
			if len(voters) > 0 {
				fmt.Fprintf(tw, " a majority of %d voters", len(voters))
			}
			if pub != (common.Address{}) {
				if len(voters) > 0 {
					fmt.Fprint(tw, " or")
				}
				fmt.Fprintf(tw, " %s alone", pub.Hex())
			}
			fmt.Fprintln(tw)
			for _, v := range voters {
				fmt.Fprintf(tw, "  voter\t%s\t%s\n", v.Account.Hex(), royalty.FormatFraction(big.NewRat(int64(v.Weight), provenance.ShareWhole), 6))
			}
			return tw.Flush()
		},
	}
	f.registerSender(cmd.Flags())
	f.registerSplit(cmd.Flags())
	cmd.Flags().StringVar(&publisher, "publisher", "", "an `ADDRESS` that may publish epochs alone")
	cmd.Flags().BoolVar(&noVote, "no-vote", false, "no vote: only --publisher publishes")
	return cmd
}

// configureOut is royalty configure --json.
type configureOut struct {
	Artifact  string     `json:"artifact"`
	Voters    []voterOut `json:"voters"`
	Publisher string     `json:"publisher,omitempty"`
	TxHash    string     `json:"txHash,omitempty"`
	GasUsed   uint64     `json:"gasUsed"`
	Existing  bool       `json:"existing"` // configured so already: nothing sent
}

type voterOut struct {
	Voter   string `json:"voter"`
	Share   uint64 `json:"share"`
	Percent string `json:"percent"`
}

// ---- pay

func newRoyaltyPayCmd(c *cli) *cobra.Command {
	var f payoutFlags
	var amount string
	cmd := &cobra.Command{
		Use:   "pay ARTIFACT --amount N [--token ERC20]",
		Short: "Pay a registered artifact on chain, in the native currency or an ERC-20",
		Long: `Pays N (in the smallest unit: wei, or the token's) to the artifact whose
manifest CID is ARTIFACT, through the distributor. The payment waits in the
artifact's unallocated balance until its contributors publish a payout
epoch. With --token, the distributor is approved to take N first; a token
that takes a fee on transfer credits what arrived.`,
		Example: `  aiprov royalty pay bafyrei… --amount 1000000000000000000 --key payer.key
  aiprov royalty pay bafyrei… --amount 5000000 --token 0xA0b8… --rpc http://127.0.0.1:8545 --registry 0x… --distributor 0x…`,
		Args: nargs(1, 1, "pay takes one ARTIFACT: the manifest CID of a registered artifact"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			f.artifact = args[0]
			art, err := f.artifactCID()
			if err != nil {
				return err
			}
			amt, ok := new(big.Int).SetString(amount, 10)
			if !ok || amt.Sign() <= 0 || strings.HasPrefix(amount, "+") {
				return usagef("--amount %q: want a positive integer in the smallest unit", amount)
			}
			token, err := f.tokenAddress()
			if err != nil {
				return err
			}
			pc, err := f.open(ctx, c, true)
			if err != nil {
				return err
			}
			defer pc.close()
			p, err := pc.dist.Pay(ctx, art, token, amt)
			if errors.Is(err, chain.ErrUnknownArtifact) {
				return fmt.Errorf("%s is not registered on this chain (aiprov anchor registers it): %w", art, err)
			}
			if err != nil {
				return err
			}
			un, err := pc.dist.Unallocated(ctx, art, token)
			if err != nil {
				return err
			}
			if f.json {
				return writeJSON(c.stdout, "royalty pay", struct {
					Artifact    string `json:"artifact"`
					Token       string `json:"token"`
					Amount      string `json:"amount"`
					Unallocated string `json:"unallocated"`
					TxHash      string `json:"txHash"`
					GasUsed     uint64 `json:"gasUsed"`
				}{art.String(), token.Hex(), p.Amount.String(), un.String(), p.TxHash.Hex(), p.GasUsed})
			}
			fmt.Fprintf(c.stdout, "paid %s to %s (%s): tx %s, %d gas\nunallocated: %s\n", p.Amount, art, unitName(token), p.TxHash.Hex(), p.GasUsed, un)
			return nil
		},
	}
	f.registerSender(cmd.Flags())
	cmd.Flags().StringVar(&amount, "amount", "", "the amount, a positive integer in the smallest unit (wei)")
	cmd.Flags().StringVar(&f.token, "token", "", "pay in this ERC-20 token `ADDRESS` (default: the native currency)")
	return cmd
}

func unitName(token common.Address) string {
	if token == (common.Address{}) {
		return "wei"
	}
	return "units of " + token.Hex()
}

// ---- approve

func newRoyaltyApproveCmd(c *cli) *cobra.Command {
	var f payoutFlags
	var out string
	cmd := &cobra.Command{
		Use:   "approve --artifact CID --manifests DIR --key KEY -o APPROVAL.json",
		Short: "Recompute an artifact's payout epoch and sign it (approving is auditing)",
		Long: `Recomputes, from the manifests and payee bindings, the split of what the
artifact holds unallocated on chain, builds its Merkle tree, and signs the
epoch that would publish it (EIP-712, bound to the epoch number, artifact,
distributor and chain) with KEY, a voter's Ethereum key. Prints the payouts;
writes the approval to -o for royalty publish.`,
		Example: `  aiprov royalty approve --artifact bafyrei… --manifests manifests/ --key carol.key -o carol.approval.json`,
		Args:    nargs(0, 0, "approve takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if out == "" {
				return usagef("-o APPROVAL.json is required")
			}
			art, pc, l, err := f.start(ctx, c, true)
			if err != nil {
				return err
			}
			defer pc.close()
			plan, err := pc.dist.PlanEpoch(ctx, l.graph, art, l.payees, l.opt)
			if err != nil {
				return err
			}
			s, err := chain.SignApproval(ctx, pc.key, pc.dist.Domain(), plan.EpochApproval)
			if err != nil {
				return err
			}
			data, err := json.MarshalIndent(s, "", "  ")
			if err != nil {
				return err
			}
			if err := writeBytesAtomic(out, 0o644, append(data, '\n')); err != nil {
				return err
			}
			if f.json {
				return writeJSON(c.stdout, "royalty approve", planJSON(plan))
			}
			writePlan(c.stdout, plan)
			fmt.Fprintf(c.stdout, "approved by %s: %s\n", pc.key.Address().Hex(), out)
			return nil
		},
	}
	f.registerSender(cmd.Flags())
	f.registerSplit(cmd.Flags())
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the approval to `FILE`")
	return cmd
}

type planOut struct {
	Artifact string     `json:"artifact"`
	Epoch    uint64     `json:"epoch"`
	Token    string     `json:"token"`
	Root     string     `json:"root"`
	Total    string     `json:"total"`
	Budgets  []string   `json:"budgets"` // each claim word's share of the total (chain.ClaimBudgets)
	Payouts  []routeOut `json:"payouts"`
}

// routeOut is one payout of an epoch: the contributor the split names
// and the address paid for it (the contributor itself, its payee
// binding's address, its token's owner, or --unbound's).
type routeOut struct {
	Contributor string `json:"contributor"`
	Recipient   string `json:"recipient"`
	Amount      string `json:"amount"`
	Unbound     bool   `json:"unbound,omitempty"`
}

func planJSON(p *chain.Plan) planOut {
	out := planOut{Artifact: chain.ManifestCID([32]byte(common.BigToHash(p.Artifact))).String(), Epoch: p.Epoch, Token: p.Token.Hex(),
		Root: royalty.Hash(p.Root).String(), Total: p.Total.String(), Budgets: amountStrings(p.Budgets)}
	for _, r := range p.Resolved.Routes {
		out.Payouts = append(out.Payouts, routeOut{r.Recipient, r.Payee.String(), r.Amount.String(), r.Unbound})
	}
	return out
}

func writePlan(w io.Writer, p *chain.Plan) {
	o := planJSON(p)
	fmt.Fprintf(w, "epoch %d of %s: %s %s, root %s\n", o.Epoch, o.Artifact, o.Total, unitName(p.Token), o.Root)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "CONTRIBUTOR\tPAID AT\tAMOUNT\t\n")
	for _, r := range o.Payouts {
		at := r.Recipient
		if r.Contributor == r.Recipient {
			at = "(itself)"
		} else if r.Unbound {
			at += " (unbound)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", r.Contributor, at, r.Amount)
	}
	fmt.Fprintf(tw, "total\t\t%s\t\n", o.Total)
	tw.Flush()
}

// ---- publish

func newRoyaltyPublishCmd(c *cli) *cobra.Command {
	var f payoutFlags
	var approvals []string
	cmd := &cobra.Command{
		Use:   "publish --artifact CID --manifests DIR --approval FILE…",
		Short: "Publish an artifact's payout epoch with its voters' approvals",
		Long: `Publishes the epoch the approvals sign: its root and total leave the
artifact's unallocated balance and become claimable. The approvals must come
from voters holding more than half of the artifact's contributor shares
(the voters are read from its manifest in --manifests, with the payee
bindings). Without --approval, the sender must be the publisher the owner
configured, and the epoch is the split this command computes. Prints the
epoch, root, total and gas.`,
		Example: `  aiprov royalty publish --artifact bafyrei… --manifests manifests/ --approval carol.approval.json --approval dave.approval.json --key relayer.key`,
		Args:    nargs(0, 0, "publish takes no arguments; give approvals with --approval"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			art, pc, l, err := f.start(ctx, c, true)
			if err != nil {
				return err
			}
			defer pc.close()
			var ep chain.EpochApproval
			var signed []*chain.SignedApproval
			var voters []chain.Voter
			if len(approvals) == 0 {
				plan, err := pc.dist.PlanEpoch(ctx, l.graph, art, l.payees, l.opt)
				if err != nil {
					return err
				}
				ep = plan.EpochApproval
			} else {
				for i, name := range approvals {
					data, err := keysReadFile(name, chain.MaxApprovalSize)
					if err != nil {
						return err
					}
					s, dom, a, err := chain.ParseApproval(data)
					if err != nil {
						return fmt.Errorf("%s: %w", name, err)
					}
					if dom != pc.dist.Domain() {
						return fmt.Errorf("%s: signed for distributor %s on chain %d, not %s on chain %d", name, common.Address(dom.VerifyingContract).Hex(), dom.ChainID, pc.dist.Address().Hex(), pc.dist.Domain().ChainID)
					}
					// The same domain, so the same digest is the same message.
					if i > 0 && a.Digest(dom) != ep.Digest(dom) {
						return fmt.Errorf("%s approves another epoch than %s (epoch %d root %x total %s budgets %v)", name, approvals[0], a.Epoch, a.Root, a.Total, amountStrings(a.Budgets))
					}
					ep = a
					signed = append(signed, s)
				}
				m, ok := l.md.manifests[art]
				if !ok {
					return fmt.Errorf("--artifact %s: no manifest with that CID in %s", art, f.manifests)
				}
				if voters, err = chain.NewVoters(ctx, m, l.payees); err != nil {
					return err
				}
			}
			p, err := pc.dist.Publish(ctx, art, ep, voters, signed)
			if err != nil {
				return err
			}
			if p.Already {
				// An approval counts for one epoch: replayed, it publishes nothing.
				return fmt.Errorf("%w: epoch %d of %s (root %s); an approval counts for one epoch, so nothing was sent",
					chain.ErrEpochPublished, p.Epoch, art, royalty.Hash(p.Root))
			}
			if f.json {
				out := publishOut{Artifact: art.String(), Epoch: p.Epoch, ClaimID: p.ClaimID.String(), Token: p.Token.Hex(), Root: royalty.Hash(p.Root).String(), Total: p.Total.String(),
					Budgets: amountStrings(p.Budgets), Approvals: []string{}, TxHash: p.TxHash.Hex(), GasUsed: p.GasUsed}
				for _, s := range signed {
					out.Approvals = append(out.Approvals, s.Signer.Hex())
				}
				return writeJSON(c.stdout, "royalty publish", out)
			}
			fmt.Fprintf(c.stdout, "published epoch %d of %s\nroot  %s\ntotal %s %s\ngas   %d (%d approvals; tx %s)\n",
				p.Epoch, art, royalty.Hash(p.Root), p.Total, unitName(p.Token), p.GasUsed, len(signed), p.TxHash.Hex())
			return nil
		},
	}
	f.registerSender(cmd.Flags())
	f.registerSplit(cmd.Flags())
	cmd.Flags().StringArrayVar(&approvals, "approval", nil, "an approval `FILE` (royalty approve -o); repeat for each voter")
	return cmd
}

func amountStrings(xs []*big.Int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}

// publishOut is royalty publish --json.
type publishOut struct {
	Artifact  string   `json:"artifact"`
	Epoch     uint64   `json:"epoch"`
	ClaimID   string   `json:"claimId"` // what the epoch's claims name on chain
	Token     string   `json:"token"`
	Root      string   `json:"root"`
	Total     string   `json:"total"`
	Budgets   []string `json:"budgets"`   // each claim word's share of the total
	Approvals []string `json:"approvals"` // the voters whose approvals were sent
	TxHash    string   `json:"txHash"`
	GasUsed   uint64   `json:"gasUsed"`
}

// ---- claim

func newRoyaltyClaimCmd(c *cli) *cobra.Command {
	var f payoutFlags
	var epoch uint64
	var address string
	cmd := &cobra.Command{
		Use:   "claim --artifact CID --epoch E --address A --manifests DIR",
		Short: "Claim A's payout of a published epoch (anyone may send it)",
		Long: `Recomputes the epoch's split from the manifests and bindings, checks that
the published root is exactly it, finds A's proof and claims for A: the
sender (--key) pays the gas, A receives the money. Claiming a payout that
was claimed before sends nothing and fails (exit 1), saying so.`,
		Example: `  aiprov royalty claim --artifact bafyrei… --epoch 0 --address 0x3333… --manifests manifests/ --key relayer.key`,
		Args:    nargs(0, 0, "claim takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			claimant, err := addressFlag("--address", address)
			if err != nil {
				return err
			}
			art, pc, l, err := f.start(ctx, c, true)
			if err != nil {
				return err
			}
			defer pc.close()
			cl, err := pc.dist.ClaimFor(ctx, l.graph, art, epoch, claimant, l.payees, l.opt)
			if err != nil {
				return err
			}
			if f.json {
				out := struct {
					Artifact       string `json:"artifact"`
					Epoch          uint64 `json:"epoch"`
					Recipient      string `json:"recipient"`
					Amount         string `json:"amount"`
					AlreadyClaimed bool   `json:"alreadyClaimed"`
					TxHash         string `json:"txHash,omitempty"`
					GasUsed        uint64 `json:"gasUsed"`
				}{Artifact: art.String(), Epoch: epoch, Recipient: cl.Account.Hex(), Amount: cl.Amount.String(), AlreadyClaimed: cl.Already, GasUsed: cl.GasUsed}
				if !cl.Already {
					out.TxHash = cl.TxHash.Hex()
				}
				if err := writeJSON(c.stdout, "royalty claim", out); err != nil {
					return err
				}
			}
			if cl.Already {
				return fmt.Errorf("%w: %s's payout of epoch %d of %s (%s) was claimed before; nothing sent", chain.ErrAlreadyClaimed, cl.Account.Hex(), epoch, art, cl.Amount)
			}
			if f.json {
				return nil
			}
			fmt.Fprintf(c.stdout, "claimed %s for %s: tx %s, %d gas\n", cl.Amount, cl.Account.Hex(), cl.TxHash.Hex(), cl.GasUsed)
			return nil
		},
	}
	f.registerSender(cmd.Flags())
	f.registerSplit(cmd.Flags())
	cmd.Flags().Uint64Var(&epoch, "epoch", 0, "the epoch number")
	cmd.Flags().StringVar(&address, "address", "", "the payee's `ADDRESS`")
	return cmd
}

// ---- audit

func newRoyaltyAuditCmd(c *cli) *cobra.Command {
	var f payoutFlags
	var epoch uint64
	cmd := &cobra.Command{
		Use:   "audit --artifact CID --epoch E --manifests DIR",
		Short: "Check that a published epoch's root is exactly the artifact's split",
		Long: `Recomputes the split of the epoch's total from the manifests and payee
bindings and compares its Merkle root with the published one. Exits 0 when
they are equal, 1 when not: a root that pays even one wei differently is
caught. Token contributors are resolved to their owners now.`,
		Example: `  aiprov royalty audit --artifact bafyrei… --epoch 0 --manifests manifests/`,
		Args:    nargs(0, 0, "audit takes no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			art, pc, l, err := f.start(ctx, c, false)
			if err != nil {
				return err
			}
			defer pc.close()
			a, err := pc.dist.AuditEpoch(ctx, l.graph, art, epoch, l.payees, l.opt)
			if err != nil {
				return err
			}
			if f.json {
				if err := writeJSON(c.stdout, "royalty audit", struct {
					Artifact         string   `json:"artifact"`
					Epoch            uint64   `json:"epoch"`
					Match            bool     `json:"match"`
					PublishedRoot    string   `json:"publishedRoot"`
					PublishedBudgets []string `json:"publishedBudgets"`
					Recomputed       planOut  `json:"recomputed"`
				}{art.String(), epoch, a.Match, royalty.Hash(a.Epoch.Root).String(), amountStrings(a.Epoch.Budgets), planJSON(a.Plan)}); err != nil {
					return err
				}
			} else {
				writePlan(c.stdout, a.Plan)
				fmt.Fprintf(c.stdout, "published root %s\n", royalty.Hash(a.Epoch.Root))
				switch {
				case a.Match:
					fmt.Fprintf(c.stdout, "OK: the published root is exactly this split\n")
				case a.Epoch.Root == a.Plan.Root:
					fmt.Fprintf(c.stdout, "MISMATCH: the published claim-word budgets are not this split's\n")
				default:
					fmt.Fprintf(c.stdout, "MISMATCH: the published root is not this split\n")
				}
			}
			if a.Epoch.Root != a.Plan.Root {
				return fmt.Errorf("epoch %d of %s: the published root %s is not the root %s of the split recomputed from the manifests: it pays someone a different amount",
					epoch, art, royalty.Hash(a.Epoch.Root), royalty.Hash(a.Plan.Root))
			}
			if !a.Match {
				return fmt.Errorf("epoch %d of %s: the root is this split's, but the published claim-word budgets %v are not its budgets %v: some payees cannot claim their whole payout",
					epoch, art, amountStrings(a.Epoch.Budgets), amountStrings(a.Plan.Budgets))
			}
			return nil
		},
	}
	f.registerSender(cmd.Flags())
	f.registerSplit(cmd.Flags())
	cmd.Flags().Uint64Var(&epoch, "epoch", 0, "the epoch number")
	return cmd
}

// resolveSplitPayees replaces s.Payouts by payouts to addresses when the
// output needs addresses (--csv, --splits-v2) or when payees were given
// (--payees, --unbound, bindings in --manifests): key-named contributors
// are paid at their bound addresses, token-named ones at their owners'
// (which opens the chain, embedded or --rpc), and an unbound contributor
// fails the split unless --unbound names where its share goes.
func resolveSplitPayees(ctx context.Context, c *cli, f *splitFlags, s *royalty.Split) (resolved bool, err error) {
	var bindings attest.Payees
	if f.manifests != "" {
		md, err := readManifestDir(ctx, f.manifests)
		if err != nil {
			return false, err
		}
		bindings = md.payees
	}
	for _, p := range f.pay.payees {
		if err := readPayeeFiles(&bindings, p); err != nil {
			return false, err
		}
	}
	if !f.csv && !f.splitsV2 && f.pay.unbound == "" && len(bindings.Bindings()) == 0 {
		return false, nil
	}
	var opt royalty.ResolveOptions
	if f.pay.unbound != "" {
		a, err := royalty.ParseAddress(f.pay.unbound)
		if err != nil {
			return false, usagef("--unbound: %v", err)
		}
		opt.Unbound = &a
	}
	payees := chain.Payees{Bindings: &bindings}
	for _, p := range s.Payouts {
		if strings.HasPrefix(p.Recipient, provenance.TokenContributorPrefix) {
			pc, err := f.pay.open(ctx, c, false)
			if err != nil {
				return false, err
			}
			defer pc.close()
			payees.Chain = pc.reg
			break
		}
	}
	r, err := royalty.ResolvePayees(ctx, s.Payouts, payees, opt)
	if err != nil {
		return false, err
	}
	s.Payouts = r.Payouts
	return true, nil
}
