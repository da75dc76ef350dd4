package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/aiprov/aiprov/attest"
	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"
)

const royaltyLong = `split divides an amount paid to one artifact among the contributors of that
artifact and of everything it derives from, exactly: payouts are integers
(wei, or any smallest unit) that add up to the amount. explain says, for
each recipient, which nodes it is paid as and how much of the payment reached
each (per edge, never path by path). merkle builds the OpenZeppelin
StandardMerkleTree a claim contract checks: its root, proofs and the
standard-v1 dump that @openzeppelin/merkle-tree loads.

split --csv writes "address,amount" lines, what merkle --payouts reads:

  aiprov royalty split --graph g.json --artifact app --amount 1000000 --csv > payouts.csv
  aiprov royalty merkle --payouts payouts.csv --dump tree.json

Policies (--policy, default: the one the paid artifact records):
  relative  Story Protocol's LRP: each node passes share × what it receives to
            each parent and keeps the rest; an ancestor gets the product of the
            shares along each path, summed over paths.
  absolute  Story Protocol's LAP: an ancestor gets the share on the last edge
            into it, once per path from the paid artifact; the artifact keeps
            100% minus the sum, which must not exceed 100%.

--manifests DIR reads every *.cbor (DAG-CBOR) and *.json (DAG-JSON) lineage
manifest under DIR, skipping hidden files and directories, as aiprov lineage
does; --artifact is then the paid artifact's manifest CID, and
each manifest's parents (by CID), shares, contributors and policy make the
graph. A parent without a manifest in DIR must have a zero share. Files
that are not manifests (no top-level "schema", e.g. config.json) are
skipped and listed on stderr; only the paid artifact and its ancestors
must be valid manifests (broken ones elsewhere are noted and ignored).

A graph file (--graph, "-" for stdin) is JSON:

  {"nodes": [
    {"id": "app", "policy": "relative",
     "parents": [{"id": "base", "share": "10%"}],
     "contributors": [{"id": "0xAb…", "share": "100%", "role": "weights"}]},
    {"id": "base", "contributors": [{"id": "0xCd…", "share": 100000000}]}]}

Shares are integers in units of 1/100,000,000 (100000000 = 100%) or strings
like "2.5%". A node's parent shares sum to at most 100%; its contributors'
shares to exactly 100%.
`

func newRoyaltyCmd(c *cli) *cobra.Command {
	return newGroupCmd("royalty", "Split an amount across a contributor graph; build Merkle distributions",
		royaltyLong, newRoyaltySplitCmd(c, false), newRoyaltySplitCmd(c, true), newRoyaltyMerkleCmd(c),
		newRoyaltyBindCmd(c), newRoyaltyConfigureCmd(c), newRoyaltyPayCmd(c), newRoyaltyApproveCmd(c),
		newRoyaltyPublishCmd(c), newRoyaltyClaimCmd(c), newRoyaltyAuditCmd(c))
}

// splitFlags are the flags split and explain share, and those of split.
type splitFlags struct {
	amount, policy, graph, manifests, artifact string
	minPayout, dust                            string
	json                                       bool
	html                                       string
	// explain
	recipient string
	// split
	csv, splitsV2            bool
	eip2981, totalAllocation string
	incentive                uint
	// payees: --payees, --unbound and the chain that resolves tokens
	pay payoutFlags
}

func newRoyaltySplitCmd(c *cli, explain bool) *cobra.Command {
	var f splitFlags
	cmd := &cobra.Command{
		Use:   "split --amount N (--graph FILE | --manifests DIR) --artifact ID",
		Short: "Divide a payment among the contributors of an artifact and its ancestors",
		Long: `Divides an amount paid to one artifact among the contributors of that
artifact and of everything it derives from, exactly: payouts are integers
(wei, or any smallest unit) that add up to the amount. Prints a table, or
--json, --csv (what royalty merkle --payouts reads), --splits-v2 or
--eip2981. See aiprov royalty --help for policies and the graph format.`,
		Example: `  aiprov royalty split --manifests manifests/ --artifact bafyrei… --amount 1000000000000000000
  aiprov royalty split --graph g.json --artifact app --amount 1000000 --csv > payouts.csv`,
		Args: nargs(0, 0, "split takes no arguments; name the artifact with --artifact"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRoyaltySplit(cmd.Context(), c, &f, explain)
		},
	}
	if explain {
		cmd.Use = "explain --amount N (--graph FILE | --manifests DIR) --artifact ID [--recipient ADDR]"
		cmd.Short = "Say, per recipient, which nodes it is paid as and how the payment reached them"
		cmd.Long = `Says, for each recipient of a split (or only --recipient), which nodes it
is paid as and how much of the payment reached each, per edge (never path
by path).`
		cmd.Example = `  aiprov royalty explain --manifests manifests/ --artifact bafyrei… --amount 1000 --recipient 0x1111…`
		cmd.Args = nargs(0, 0, "explain takes no arguments; name the artifact with --artifact")
	}
	fs := cmd.Flags()
	fs.StringVar(&f.amount, "amount", "", "the amount paid, a positive integer in the smallest unit (wei)")
	fs.StringVar(&f.policy, "policy", "", "absolute or relative (default: the policy the artifact records)")
	fs.StringVar(&f.graph, "graph", "", "JSON graph description (see aiprov royalty -h); - for stdin")
	fs.StringVar(&f.manifests, "manifests", "", "directory of lineage manifests (*.cbor DAG-CBOR or *.json DAG-JSON, read recursively)")
	fs.StringVar(&f.artifact, "artifact", "", "the paid artifact: its manifest CID (--manifests) or node id (--graph)")
	fs.StringVar(&f.minPayout, "min-payout", "", "roll payouts below this amount into --dust")
	fs.StringVar(&f.dust, "dust", "", "address that receives payouts below --min-payout")
	fs.BoolVar(&f.json, "json", false, "write JSON")
	fs.StringVar(&f.html, "html", "", "also write a self-contained HTML page to `FILE` showing how the payment flows along the lineage (needs --manifests)")
	if explain {
		fs.StringVar(&f.recipient, "recipient", "", "explain only this recipient")
	} else {
		fs.BoolVar(&f.csv, "csv", false, "write address,amount lines (what royalty merkle --payouts reads)")
		fs.BoolVar(&f.splitsV2, "splits-v2", false, "write a 0xSplits v2 split configuration (JSON) instead of payouts")
		fs.StringVar(&f.totalAllocation, "total-allocation", "", "with --splits-v2: scale allocations to sum to this (0xSplits uses 1000000); default: the payouts themselves")
		fs.UintVar(&f.incentive, "incentive", 0, "with --splits-v2: distribution incentive, in 1e6 units (at most 65535)")
		fs.StringVar(&f.eip2981, "eip2981", "", "write EIP-2981 royalty info sending the artifact's upstream share to this receiver address")
		fs.StringSliceVar(&f.pay.payees, "payees", nil, "payee binding `FILE`s or directories (aiprov royalty bind): pay key-named contributors at their bound addresses")
		fs.StringVar(&f.pay.unbound, "unbound", "", "pay contributors with no payee binding to this `ADDRESS` (default: fail, naming them)")
		f.pay.registerChain(fs)
	}
	return cmd
}

func runRoyaltySplit(ctx context.Context, c *cli, f *splitFlags, explain bool) error {
	var err error
	amount, ok := new(big.Int).SetString(f.amount, 10)
	switch {
	case f.amount == "":
		return usagef("--amount is required")
	case !ok || amount.Sign() <= 0 || strings.HasPrefix(f.amount, "+"):
		return usagef("--amount %q: want a positive integer in the smallest unit (wei), e.g. 1000000000000000000 for 1 ETH", f.amount)
	case f.artifact == "":
		return usagef("--artifact is required")
	case (f.graph == "") == (f.manifests == ""):
		return usagef("give exactly one of --graph FILE or --manifests DIR")
	case f.html != "" && f.manifests == "":
		return usagef("--html draws manifests: give --manifests DIR")
	}
	var opts royalty.SplitOptions
	switch f.policy {
	case "", "absolute", "relative":
		opts.Policy = royalty.Policy(f.policy)
	default:
		return usagef("--policy %q: want absolute or relative", f.policy)
	}
	if f.minPayout != "" {
		m, ok := new(big.Int).SetString(f.minPayout, 10)
		if !ok || m.Sign() < 0 {
			return usagef("--min-payout %q: want a non-negative integer", f.minPayout)
		}
		if f.dust == "" && m.Sign() > 0 {
			return usagef("--min-payout needs --dust ADDRESS to receive the small payouts")
		}
		opts.MinPayout, opts.DustRecipient = m, f.dust
	}
	formats := 0
	for _, b := range []bool{f.json, f.csv, f.splitsV2, f.eip2981 != ""} {
		if b {
			formats++
		}
	}
	if formats > 1 {
		return usagef("choose one of --json, --csv, --splits-v2 and --eip2981")
	}
	var receiver royalty.Address
	if f.eip2981 != "" {
		if receiver, err = royalty.ParseAddress(f.eip2981); err != nil {
			return usagef("--eip2981: %v", err)
		}
	}
	var total *big.Int
	if f.totalAllocation != "" {
		if total, ok = new(big.Int).SetString(f.totalAllocation, 10); !ok || total.Sign() <= 0 {
			return usagef("--total-allocation %q: want a positive integer", f.totalAllocation)
		}
	}
	if f.incentive > 65535 {
		return usagef("--incentive %d: at most 65535 (6.5535%%)", f.incentive)
	}

	cmd := "royalty split"
	if explain {
		cmd = "royalty explain"
	}
	g, err := loadRoyaltyGraph(ctx, c, *f, cmd)
	if err != nil {
		return err
	}
	if f.manifests != "" && !g.Has(f.artifact) {
		return fmt.Errorf("--artifact %s: no manifest with that CID in %s (give the manifest's CID, not the artifact's content CID)", f.artifact, f.manifests)
	}
	s, err := g.Split(f.artifact, amount, opts)
	if errors.Is(err, royalty.ErrNoPolicy) {
		return usagef("%v: give --policy absolute or --policy relative", err)
	}
	if err != nil {
		return err
	}
	if f.html != "" {
		pg, err := loadGraph(ctx, c, f.manifests, cmd)
		if err != nil {
			return err
		}
		if err := writeLineagePage(ctx, c, f.html, "Royalty split of "+f.artifact, pg, f.manifests, nil, s); err != nil {
			return err
		}
	}
	if explain {
		return writeExplanations(c.stdout, s, f.recipient, f.json)
	}
	resolved, err := resolveSplitPayees(ctx, c, f, s)
	if err != nil {
		return err
	}
	switch {
	case f.json:
		return versionedFrom(c.stdout, "royalty split", s.WriteJSON)
	case f.csv:
		return s.WriteCSV(c.stdout)
	case f.splitsV2:
		cfg, err := royalty.NewSplitsV2(s.Payouts, total, uint16(f.incentive))
		if err != nil {
			return err
		}
		return cfg.WriteJSON(c.stdout)
	case f.eip2981 != "":
		info := s.RoyaltyInfo(receiver)
		bps, exact := info.BasisPoints()
		out := map[string]any{
			"receiver":       info.Receiver.String(),
			"feeNumerator":   info.Share,
			"feeDenominator": provenance.ShareWhole,
			"percent":        royalty.FormatFraction(big.NewRat(int64(info.Share), provenance.ShareWhole), 6),
		}
		if exact {
			out["basisPoints"] = bps
		}
		return writeJSON(c.stdout, "royalty split --eip2981", out)
	default:
		tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "RECIPIENT\tAMOUNT\tSHARE\t\n")
		for i, p := range s.Payouts {
			frac := new(big.Rat).SetFrac(p.Amount, s.Amount) // resolved payouts merge recipients
			if !resolved {
				frac = s.Fraction(i)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t\n", p.Recipient, p.Amount, royalty.FormatFraction(frac, 4))
		}
		fmt.Fprintf(tw, "total\t%s\t\t\n", s.Amount)
		if s.Dust.Sign() > 0 {
			fmt.Fprintf(tw, "of which dust\t%s\t\t\n", s.Dust)
		}
		return tw.Flush()
	}
}

func loadRoyaltyGraph(ctx context.Context, c *cli, f splitFlags, cmd string) (*royalty.Graph, error) {
	if f.manifests != "" {
		nodes, err := manifestDirNodes(ctx, c, f.manifests, f.artifact, cmd)
		if err != nil {
			return nil, err
		}
		return royalty.NewGraph(nodes, royalty.Limits{})
	}
	var r io.Reader = c.stdin
	if f.graph != "-" {
		file, err := os.Open(f.graph)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		r = file
	}
	g, err := royalty.ReadGraph(r, royalty.Limits{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.graph, err)
	}
	return g, nil
}

// manifestDirNodes reads the manifests in dir (readManifestDir, as aiprov
// lineage does) and returns the graph nodes of the paid artifact and its
// ancestors: only those must be valid, since only they change the answer.
// A broken or invalid manifest elsewhere is noted on stderr and ignored; a
// parent that is missing while some file was broken names those files.
func manifestDirNodes(ctx context.Context, c *cli, dir, artifact, cmd string) ([]royalty.Node, error) {
	md, err := readManifestDir(ctx, dir)
	if err != nil {
		return nil, err
	}
	md.noteSkipped(c, cmd)
	if len(md.manifests) == 0 && len(md.broken) == 0 {
		return nil, fmt.Errorf("%s: no manifests (*.cbor or *.json files)", dir)
	}
	brokenNote := func() string {
		if len(md.broken) == 0 {
			return ""
		}
		var b strings.Builder
		fmt.Fprintf(&b, "\n%d file(s) in %s could not be read as manifests; one may be it:", len(md.broken), dir)
		for _, e := range md.broken {
			fmt.Fprintf(&b, "\n  %v", e)
		}
		return b.String()
	}
	root, err := cid.Decode(artifact)
	if err != nil {
		return nil, usagef("--artifact %q: not a manifest CID: %v", artifact, err)
	}
	if _, ok := md.manifests[root]; !ok {
		return nil, fmt.Errorf("--artifact %s: no manifest with that CID in %s (give the manifest's CID, not the artifact's content CID)%s", artifact, dir, brokenNote())
	}
	// The paid artifact and its ancestors with a manifest in dir.
	lineage := map[cid.Cid]*provenance.Manifest{}
	var ordered []*provenance.Manifest // lineage's manifests, breadth first from root
	var problems []error
	queue := []cid.Cid{root}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		m, ok := md.manifests[id]
		if !ok || lineage[id] != nil {
			continue
		}
		if err := m.Validate(); err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", md.files[id], err))
		}
		lineage[id] = m
		ordered = append(ordered, m)
		for _, p := range m.Parents {
			if _, ok := md.manifests[p.CID]; !ok && p.Share > 0 {
				problems = append(problems, fmt.Errorf("%s: parent %s has a %s share but no manifest in %s", md.files[id], p.CID, provenance.FormatShare(p.Share), dir))
			}
			queue = append(queue, p.CID)
		}
	}
	if len(problems) > 0 {
		err := errors.Join(problems...)
		if note := brokenNote(); note != "" {
			err = fmt.Errorf("%w%s", err, note)
		}
		return nil, err
	}
	for _, e := range md.broken {
		fmt.Fprintf(c.stderr, "aiprov %s: ignored (outside the paid lineage): %v\n", cmd, e)
	}
	return royalty.ManifestNodes(ordered...)
}

// addPayeeBinding verifies a payee binding file and adds it to p.
func addPayeeBinding(p *attest.Payees, name string, data []byte) error {
	b, err := attest.ParsePayeeBinding(data)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := p.Add(b); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

type explainJSON struct {
	Recipient    string       `json:"recipient"`
	Amount       string       `json:"amount"`
	Percent      string       `json:"percent"`
	RolledToDust string       `json:"rolledToDust,omitempty"`
	DustReceived string       `json:"dustReceived,omitempty"`
	Credits      []creditJSON `json:"credits"`
}

type creditJSON struct {
	Node     string       `json:"node"`
	Role     string       `json:"role,omitempty"`
	Share    string       `json:"share"`
	Received string       `json:"received"`
	Kept     string       `json:"kept"`
	Part     string       `json:"part"`
	Paths    uint64       `json:"paths,omitempty"`
	Inflows  []inflowJSON `json:"inflows,omitempty"`
}

type inflowJSON struct {
	Child         string `json:"child"`
	Share         string `json:"share"`
	ChildReceived string `json:"childReceived,omitempty"`
	ChildPaths    uint64 `json:"childPaths,omitempty"`
	Amount        string `json:"amount"`
}

const explainDigits = 12

func pct(r *big.Rat) string { return royalty.FormatFraction(r, explainDigits) }

func sharePct(s uint64) string { return pct(big.NewRat(int64(s), provenance.ShareWhole)) }

func writeExplanations(w io.Writer, s *royalty.Split, recipient string, asJSON bool) error {
	var recipients []string
	if recipient != "" {
		recipients = []string{recipient}
	} else {
		for _, p := range s.Payouts {
			recipients = append(recipients, p.Recipient)
		}
	}
	var all []explainJSON
	for _, r := range recipients {
		e, err := s.Explain(r)
		if err != nil {
			return err
		}
		ej := explainJSON{Recipient: e.Recipient, Amount: e.Amount.String(), Percent: pct(e.Fraction)}
		if e.RolledToDust != nil {
			ej.RolledToDust = e.RolledToDust.String()
		}
		if e.DustReceived != nil && e.DustReceived.Sign() > 0 {
			ej.DustReceived = e.DustReceived.String()
		}
		for _, cr := range e.Credits {
			cj := creditJSON{Node: cr.Node, Role: cr.Role, Share: sharePct(cr.Share), Received: pct(cr.Received), Kept: pct(cr.Kept), Part: pct(cr.Part), Paths: cr.Paths}
			for _, in := range cr.Inflows {
				ij := inflowJSON{Child: in.Child, Share: sharePct(in.Share), ChildPaths: in.ChildPaths, Amount: pct(in.Amount)}
				if in.ChildReceived != nil {
					ij.ChildReceived = pct(in.ChildReceived)
				}
				cj.Inflows = append(cj.Inflows, ij)
			}
			ej.Credits = append(ej.Credits, cj)
		}
		all = append(all, ej)
	}
	if asJSON {
		return writeJSON(w, "royalty explain", struct {
			Artifact   string        `json:"artifact"`
			Amount     string        `json:"amount"`
			Recipients []explainJSON `json:"recipients"`
		}{s.Artifact, s.Amount.String(), all})
	}
	for i, e := range all {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s gets %s of %s (%s)\n", e.Recipient, e.Amount, s.Amount, e.Percent)
		if e.RolledToDust != "" {
			fmt.Fprintf(w, "  its payout of %s is below the minimum and went to the dust recipient\n", e.RolledToDust)
		}
		if e.DustReceived != "" {
			fmt.Fprintf(w, "  including %s of dust from payouts below the minimum\n", e.DustReceived)
		}
		for _, cr := range e.Credits {
			role := ""
			if cr.Role != "" {
				role = ", " + cr.Role
			}
			fmt.Fprintf(w, "  %s of node %s%s: %s of the payment\n", cr.Share, cr.Node, role, cr.Part)
			paths := ""
			if s.Policy == royalty.Absolute && cr.Paths > 0 {
				paths = fmt.Sprintf(" over %d path(s)", cr.Paths)
			}
			fmt.Fprintf(w, "    %s receives %s%s and keeps %s\n", cr.Node, cr.Received, paths, cr.Kept)
			for _, in := range cr.Inflows {
				if s.Policy == royalty.Absolute {
					fmt.Fprintf(w, "      from %s: %s × %d path(s) = %s\n", in.Child, in.Share, in.ChildPaths, in.Amount)
				} else {
					fmt.Fprintf(w, "      from %s: %s of its %s = %s\n", in.Child, in.Share, in.ChildReceived, in.Amount)
				}
			}
		}
	}
	return nil
}

func newRoyaltyMerkleCmd(c *cli) *cobra.Command {
	var payouts, dump string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "merkle --payouts FILE.csv [--json] [--dump FILE]",
		Short: "Build the OpenZeppelin Merkle tree a claim contract checks",
		Long: `Builds the OpenZeppelin StandardMerkleTree of (address, uint256) leaves from
"address,amount" lines: prints its root, or with --json the root and every
proof; --dump writes the standard-v1 dump that @openzeppelin/merkle-tree
loads (StandardMerkleTree.load).`,
		Example: `  aiprov royalty split --graph g.json --artifact app --amount 1000000 --csv > payouts.csv
  aiprov royalty merkle --payouts payouts.csv --dump tree.json`,
		Args: nargs(0, 0, "merkle takes no arguments; give the payouts with --payouts FILE.csv"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRoyaltyMerkle(c, payouts, dump, asJSON)
		},
	}
	cmd.Flags().StringVar(&payouts, "payouts", "", `CSV of "address,amount" lines (what royalty split --csv writes); - for stdin`)
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the root and every proof as JSON")
	cmd.Flags().StringVar(&dump, "dump", "", "write the @openzeppelin/merkle-tree standard-v1 dump to this `FILE`")
	return cmd
}

func runRoyaltyMerkle(c *cli, payoutsFile, dumpFile string, wantJSON bool) error {
	if payoutsFile == "" {
		return usagef("--payouts FILE.csv is required")
	}
	var r io.Reader = c.stdin
	if payoutsFile != "-" {
		f, err := os.Open(payoutsFile)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	list, err := royalty.ReadPayouts(r, royalty.PayoutLimits{})
	if err != nil {
		return fmt.Errorf("%s: %w", payoutsFile, err)
	}
	tree, err := royalty.NewMerkleTree(list)
	if err != nil {
		return fmt.Errorf("%s: %w", payoutsFile, err)
	}
	if dumpFile != "" {
		if err := writeFileAtomic(dumpFile, 0o644, tree.WriteDump); err != nil {
			return err
		}
	}
	if !wantJSON {
		_, err := fmt.Fprintln(c.stdout, tree.Root())
		return err
	}
	type entry struct {
		Recipient string   `json:"recipient"`
		Amount    string   `json:"amount"`
		Proof     []string `json:"proof"`
	}
	out := struct {
		Root    string  `json:"root"`
		Entries []entry `json:"entries"`
	}{Root: tree.Root().String()}
	for i := range tree.Len() {
		p := tree.Payout(i)
		e := entry{Recipient: p.Recipient, Amount: p.Amount.String(), Proof: []string{}}
		for _, h := range tree.Proof(i) {
			e.Proof = append(e.Proof, h.String())
		}
		out.Entries = append(out.Entries, e)
	}
	return writeJSON(c.stdout, "royalty merkle", out)
}
