package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"


	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/royalty"
)

const royaltyUsage = `usage: aiprov royalty split   --amount N (--graph FILE | --manifests DIR) --artifact ID [flags]
       aiprov royalty explain --amount N (--graph FILE | --manifests DIR) --artifact ID [--recipient ADDR] [--json]
       aiprov royalty merkle  --payouts FILE.csv [--json] [--dump FILE]

split divides an amount paid to one artifact among the contributors of that
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
graph. A parent without a manifest in DIR must have a zero share.

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

func runRoyalty(ctx context.Context, c *cli, args []string) error {
	if err := needSubcommand(c, royaltyUsage, args); err != nil {
		return err
	}
	switch args[0] {
	case "split":
		return runRoyaltySplit(ctx, c, args[1:], false)
	case "explain":
		return runRoyaltySplit(ctx, c, args[1:], true)
	case "merkle":
		return runRoyaltyMerkle(ctx, c, args[1:])
	default:
		return usagef("unknown subcommand %q: want split, explain or merkle", args[0])
	}
}

// splitFlags are the flags split and explain share.
type splitFlags struct {
	amount, policy, graph, manifests, artifact string
	minPayout, dust                            string
}

func runRoyaltySplit(ctx context.Context, c *cli, args []string, explain bool) error {
	name := "royalty split"
	if explain {
		name = "royalty explain"
	}
	fs := newFlagSet(c, name, "")
	var f splitFlags
	fs.StringVar(&f.amount, "amount", "", "the amount paid, a positive integer in the smallest unit (wei)")
	fs.StringVar(&f.policy, "policy", "", "absolute or relative (default: the policy the artifact records)")
	fs.StringVar(&f.graph, "graph", "", "JSON graph description (see aiprov royalty -h); - for stdin")
	fs.StringVar(&f.manifests, "manifests", "", "directory of lineage manifests (*.cbor DAG-CBOR or *.json DAG-JSON, read recursively)")
	fs.StringVar(&f.artifact, "artifact", "", "the paid artifact: its manifest CID (--manifests) or node id (--graph)")
	fs.StringVar(&f.minPayout, "min-payout", "", "roll payouts below this amount into --dust")
	fs.StringVar(&f.dust, "dust", "", "address that receives payouts below --min-payout")
	asJSON := fs.Bool("json", false, "write JSON")
	var asCSV, splitsV2 *bool
	var eip2981, totalAlloc *string
	var incentive *uint
	var recipient *string
	if explain {
		recipient = fs.String("recipient", "", "explain only this recipient")
	} else {
		asCSV = fs.Bool("csv", false, "write address,amount lines (what royalty merkle --payouts reads)")
		splitsV2 = fs.Bool("splits-v2", false, "write a 0xSplits v2 split configuration (JSON) instead of payouts")
		totalAlloc = fs.String("total-allocation", "", "with --splits-v2: scale allocations to sum to this (0xSplits uses 1000000); default: the payouts themselves")
		incentive = fs.Uint("incentive", 0, "with --splits-v2: distribution incentive, in 1e6 units (at most 65535)")
		eip2981 = fs.String("eip2981", "", "write EIP-2981 royalty info sending the artifact's upstream share to this receiver address")
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
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
	for _, b := range []bool{*asJSON, asCSV != nil && *asCSV, splitsV2 != nil && *splitsV2, eip2981 != nil && *eip2981 != ""} {
		if b {
			formats++
		}
	}
	if formats > 1 {
		return usagef("choose one of --json, --csv, --splits-v2 and --eip2981")
	}
	var receiver royalty.Address
	if eip2981 != nil && *eip2981 != "" {
		if receiver, err = royalty.ParseAddress(*eip2981); err != nil {
			return usagef("--eip2981: %v", err)
		}
	}
	var total *big.Int
	if totalAlloc != nil && *totalAlloc != "" {
		if total, ok = new(big.Int).SetString(*totalAlloc, 10); !ok || total.Sign() <= 0 {
			return usagef("--total-allocation %q: want a positive integer", *totalAlloc)
		}
	}
	if incentive != nil && *incentive > 65535 {
		return usagef("--incentive %d: at most 65535 (6.5535%%)", *incentive)
	}

	g, err := loadRoyaltyGraph(ctx, c, f)
	if err != nil {
		return err
	}
	if f.manifests != "" && !g.Has(f.artifact) {
		return fmt.Errorf("--artifact %s: no manifest with that CID in %s (give the manifest's CID, not the artifact's content CID)", f.artifact, f.manifests)
	}
	s, err := g.Split(f.artifact, amount, opts)
	if err != nil {
		return err
	}
	if explain {
		return writeExplanations(c.stdout, s, *recipient, *asJSON)
	}
	switch {
	case *asJSON:
		return s.WriteJSON(c.stdout)
	case *asCSV:
		return s.WriteCSV(c.stdout)
	case *splitsV2:
		cfg, err := royalty.NewSplitsV2(s.Payouts, total, uint16(*incentive))
		if err != nil {
			return err
		}
		return cfg.WriteJSON(c.stdout)
	case *eip2981 != "":
		info := s.RoyaltyInfo(receiver)
		bps, exact := info.BasisPoints()
		out := map[string]any{
			"receiver":       info.Receiver.String(),
			"feeNumerator":   info.Share,
			"feeDenominator": royalty.ShareWhole,
			"percent":        royalty.FormatFraction(big.NewRat(int64(info.Share), royalty.ShareWhole), 6),
		}
		if exact {
			out["basisPoints"] = bps
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	default:
		tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "RECIPIENT\tAMOUNT\tSHARE\t\n")
		for i, p := range s.Payouts {
			fmt.Fprintf(tw, "%s\t%s\t%s\t\n", p.Recipient, p.Amount, royalty.FormatFraction(s.Fraction(i), 4))
		}
		fmt.Fprintf(tw, "total\t%s\t\t\n", s.Amount)
		if s.Dust.Sign() > 0 {
			fmt.Fprintf(tw, "of which dust\t%s\t\t\n", s.Dust)
		}
		return tw.Flush()
	}
}

func loadRoyaltyGraph(ctx context.Context, c *cli, f splitFlags) (*royalty.Graph, error) {
	if f.manifests != "" {
		nodes, err := manifestDirNodes(ctx, f.manifests)
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

// maxManifestFiles bounds how many manifests --manifests reads.
const maxManifestFiles = 10_000_000

// manifestDirNodes reads the lineage manifests in dir and turns them into
// graph nodes. It takes the files `aiprov lineage` does
// (provenance.Graph.AddDir): *.cbor as DAG-CBOR and *.json as DAG-JSON,
// under dir and its subdirectories, skipping hidden files and directories,
// each read by provenance.ReadManifestFile. provenance.Graph keeps no
// contributors or policy, so the walk is repeated here rather than
// shared; a test runs both commands on one directory. Unlike lineage,
// which draws whatever decodes, a payment also needs every manifest to
// pass Validate.
func manifestDirNodes(ctx context.Context, dir string) ([]royalty.Node, error) {
	var manifests []*provenance.Manifest
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(path)
		if !d.Type().IsRegular() || (ext != ".cbor" && ext != ".json") {
			return nil
		}
		if len(manifests) >= maxManifestFiles {
			return fmt.Errorf("%s: more than %d manifests", dir, maxManifestFiles)
		}
		m, _, err := provenance.ReadManifestFile(path)
		if err != nil {
			return err
		}
		if err := m.Validate(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		manifests = append(manifests, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(manifests) == 0 {
		return nil, fmt.Errorf("%s: no manifests (*.cbor or *.json files)", dir)
	}
	return royalty.ManifestNodes(manifests...)
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

func sharePct(s uint64) string { return pct(big.NewRat(int64(s), royalty.ShareWhole)) }

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
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(all)
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

func runRoyaltyMerkle(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "royalty merkle", "")
	payouts := fs.String("payouts", "", `CSV of "address,amount" lines (what royalty split --csv writes); - for stdin`)
	asJSON := fs.Bool("json", false, "write the root and every proof as JSON")
	dump := fs.String("dump", "", "write the @openzeppelin/merkle-tree standard-v1 dump to this file")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *payouts == "" {
		return usagef("--payouts FILE.csv is required")
	}
	var r io.Reader = c.stdin
	if *payouts != "-" {
		f, err := os.Open(*payouts)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	list, err := royalty.ReadPayouts(r, royalty.PayoutLimits{})
	if err != nil {
		return fmt.Errorf("%s: %w", *payouts, err)
	}
	tree, err := royalty.NewMerkleTree(list)
	if err != nil {
		return fmt.Errorf("%s: %w", *payouts, err)
	}
	if *dump != "" {
		if err := writeFileAtomic(*dump, 0o644, tree.WriteDump); err != nil {
			return err
		}
	}
	if !*asJSON {
		_, err := fmt.Fprintln(c.stdout, tree.Root())
		return err
	}
	type entry struct {
		Address string   `json:"address"`
		Amount  string   `json:"amount"`
		Proof   []string `json:"proof"`
	}
	out := struct {
		Root    string  `json:"root"`
		Entries []entry `json:"entries"`
	}{Root: tree.Root().String()}
	for i := range tree.Len() {
		p := tree.Payout(i)
		e := entry{Address: p.Recipient, Amount: p.Amount.String(), Proof: []string{}}
		for _, h := range tree.Proof(i) {
			e.Proof = append(e.Proof, h.String())
		}
		out.Entries = append(out.Entries, e)
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
