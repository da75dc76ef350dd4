package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

const manifestUsage = `usage: aiprov manifest SUBCOMMAND [flags] [args]

subcommands:
  init DIR      hash DIR and write a draft manifest (DAG-JSON; -o x.cbor for DAG-CBOR)
  cid FILE      print the manifest's CID (what ipfs dag put prints)
  validate FILE check the manifest's form and rules; list every problem
  check FILE DIR  re-hash DIR and list files that changed, are missing or are extra

Manifest files are DAG-JSON (.json) or DAG-CBOR (.cbor); FILE "-" is stdin.
Shares are percentages such as 10% or 2.5% (at most six decimals).
`

func runManifest(ctx context.Context, c *cli, args []string) error {
	if err := needSubcommand(c, manifestUsage, args); err != nil {
		return err
	}
	switch args[0] {
	case "init":
		return runManifestInit(ctx, c, args[1:])
	case "cid":
		return runManifestCID(ctx, c, args[1:])
	case "validate":
		return runManifestValidate(ctx, c, args[1:])
	case "check":
		return runManifestCheck(ctx, c, args[1:])
	}
	return usagef("unknown subcommand %q; want init, cid, validate or check", args[0])
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func runManifestInit(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "manifest init", "DIR")
	out := fs.String("o", "", "write the manifest to `FILE` (.json: DAG-JSON, .cbor: DAG-CBOR); default stdout (DAG-JSON)")
	card := fs.String("from-hf-card", "", "fill license, kind and base models from a Hugging Face model card `README.md`")
	var parents, contributors listFlag
	fs.Var(&parents, "parent", "add a parent `CID:relation[:share]` (its manifest CID, or its content CID if it has none); share is the royalty that flows to it, e.g. 10% (repeatable)")
	fs.Var(&contributors, "contributor", "add a contributor `ID:role:share`: a 0x address or ed25519:key, a role, a share such as 60% (repeatable)")
	license := fs.String("license", "", "SPDX license `expression`")
	name := fs.String("name", "", "subject `name` (default: DIR's base name)")
	kind := fs.String("kind", "", "`kind`: model, dataset, code, config or other (default model)")
	policy := fs.String("policy", "", "royalty `policy` for parents' shares: absolute or relative (default absolute when a parent has a share)")
	created := fs.String("created", "", "creation `time`, RFC 3339 UTC (default: $SOURCE_DATE_EPOCH, else now)")
	profile := fs.String("profile", provenance.ProfileUnixFSv1_2025, "import `profile` the CIDs are computed with")
	noFiles := fs.Bool("no-files", false, "record only the root CID and size, not each file (for artifacts with more files than one manifest holds, about 7,000)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("init takes one DIR")
	}
	params, err := provenance.ProfileParams(*profile)
	if err != nil {
		return usagef("--profile: %v", err)
	}
	var hf *provenance.ModelCard
	if *card != "" {
		f, err := os.Open(*card)
		if err != nil {
			return err
		}
		hf, err = provenance.ParseModelCard(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *card, err)
		}
	}
	// Parse every flag before hashing, which may take long.
	var ps []provenance.Parent
	for _, p := range parents {
		parent, err := parseParentFlag(p, hf)
		if err != nil {
			return usagef("--parent %s: %v", p, err)
		}
		ps = append(ps, parent)
	}
	var cs []provenance.Contributor
	for _, s := range contributors {
		contrib, err := parseContributorFlag(s)
		if err != nil {
			return usagef("--contributor %s: %v", s, err)
		}
		cs = append(cs, contrib)
	}
	when, err := manifestCreated(c, *created)
	if err != nil {
		return err
	}

	bopts := &provenance.BuildOptions{Params: params, Name: *name, Kind: provenance.Kind(*kind), Created: when, OmitFiles: *noFiles}
	bar := newProgressBar(c, pos[0])
	if bar != nil {
		bopts.Progress = bar.update
	}
	m, err := provenance.BuildManifest(ctx, pos[0], bopts)
	bar.finish()
	if err != nil {
		return err
	}
	m.Parents, m.Contributors, m.License = ps, cs, *license
	m.Royalty.Policy = provenance.RoyaltyPolicy(*policy)
	if m.Royalty.Policy == "" {
		for _, p := range ps {
			if p.Share > 0 {
				m.Royalty.Policy = provenance.PolicyAbsolute
			}
		}
	}
	if hf != nil {
		hf.ApplyTo(m)
		if len(hf.BaseModels)+len(hf.Datasets) > 0 && len(ps) == 0 {
			fmt.Fprintf(c.stderr, "aiprov manifest init: the card names %s; link them with --parent CID:relation[:share]\n",
				strings.Join(append(append([]string{}, hf.BaseModels...), hf.Datasets...), ", "))
		}
	}
	var data []byte
	if strings.HasSuffix(*out, ".cbor") {
		data, err = m.MarshalCBOR()
	} else {
		data, err = m.MarshalJSON()
		data = append(data, '\n')
	}
	if err != nil {
		if errors.Is(err, provenance.ErrManifestTooLarge) {
			return fmt.Errorf("%w\n(%d files: use --no-files to record only the root CID)", err, len(m.Subject.Files))
		}
		return err
	}
	id, err := m.CID()
	if err != nil {
		return err
	}
	if *out == "" || *out == "-" {
		if _, err := c.stdout.Write(data); err != nil {
			return err
		}
	} else {
		if err := writeBytesAtomic(*out, 0o644, data); err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, id)
	}
	if err := m.Validate(); err != nil {
		fmt.Fprintf(c.stderr, "aiprov manifest init: draft %s is not yet valid:\n", id)
		printProblems(c.stderr, "  ", err)
	}
	return nil
}

// manifestCreated is --created, else $SOURCE_DATE_EPOCH (reproducible
// builds), else the zero time: now, to BuildManifest.
func manifestCreated(c *cli, flag string) (time.Time, error) {
	if flag != "" {
		t, err := time.Parse(time.RFC3339, flag)
		if err != nil {
			return time.Time{}, usagef("--created %s: want an RFC 3339 time such as 2026-11-25T17:00:00Z", flag)
		}
		return t, nil
	}
	if s := c.getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want seconds since 1970", s)
		}
		return time.Unix(sec, 0), nil
	}
	return time.Time{}, nil
}

// parseParentFlag reads CID:relation[:share]; with the relation left out
// ("CID" or "CID::10%"), the model card's base_model_relation is used.
func parseParentFlag(s string, card *provenance.ModelCard) (provenance.Parent, error) {
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return provenance.Parent{}, errors.New("want CID:relation[:share]")
	}
	id, err := cid.Decode(parts[0])
	if err != nil {
		return provenance.Parent{}, fmt.Errorf("invalid CID %q: %v", parts[0], err)
	}
	p := provenance.Parent{CID: id}
	if len(parts) > 1 && parts[1] != "" {
		p.Relation = provenance.Relation(parts[1])
	} else if card != nil && card.BaseModelRelation != "" {
		p.Relation = card.BaseModelRelation
	} else {
		return p, errors.New("missing relation: want CID:relation[:share] (finetune, adapter, merge, quantized, distilled, trained-on, evaluated-on, code, other)")
	}
	if len(parts) == 3 {
		if p.Share, err = provenance.ParseShare(parts[2]); err != nil {
			return p, err
		}
	}
	return p, nil
}

// parseContributorFlag reads ID:role:share from the right, since an
// ed25519 ID contains a colon.
func parseContributorFlag(s string) (provenance.Contributor, error) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return provenance.Contributor{}, errors.New("want ID:role:share")
	}
	j := strings.LastIndex(s[:i], ":")
	if j < 0 {
		return provenance.Contributor{}, errors.New("want ID:role:share")
	}
	share, err := provenance.ParseShare(s[i+1:])
	if err != nil {
		return provenance.Contributor{}, err
	}
	return provenance.Contributor{ID: s[:j], Role: s[j+1 : i], Share: share}, nil
}

// readManifestArg reads a manifest file, or stdin for "-".
func readManifestArg(c *cli, name string) (*provenance.Manifest, cid.Cid, error) {
	if name != "-" {
		return provenance.ReadManifestFile(name)
	}
	data, err := io.ReadAll(io.LimitReader(c.stdin, 4*provenance.MaxManifestSize+1))
	if err != nil {
		return nil, cid.Undef, err
	}
	m, _, err := provenance.ReadManifest(data)
	if err != nil {
		return nil, cid.Undef, fmt.Errorf("stdin: %w", err)
	}
	id, err := m.CID()
	return m, id, err
}

func runManifestCID(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "manifest cid", "FILE")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("cid takes one FILE")
	}
	_, id, err := readManifestArg(c, pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, id)
	return nil
}

func runManifestValidate(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "manifest validate", "FILE")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("validate takes one FILE")
	}
	m, id, err := readManifestArg(c, pos[0])
	if err != nil {
		return err
	}
	if err := m.Validate(); err != nil {
		fmt.Fprintf(c.stderr, "%s: invalid manifest %s:\n", pos[0], id)
		printProblems(c.stderr, "  ", err)
		return errSilentFailure
	}
	fmt.Fprintf(c.stdout, "%s: valid manifest %s\n", pos[0], id)
	return nil
}

// printProblems prints each joined error on its own line.
func printProblems(w io.Writer, indent string, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			fmt.Fprintf(w, "%s%v\n", indent, e)
		}
		return
	}
	fmt.Fprintf(w, "%s%v\n", indent, err)
}

func runManifestCheck(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "manifest check", "FILE DIR")
	var paths listFlag
	fs.Var(&paths, "path", "check only this manifest `path` (a file, or a directory ending in /); repeatable")
	cacheFile := fs.String("cache", "", "re-check `FILE`: skip files whose size, mtime and inode are unchanged since the last check (never use for signing)")
	profile := fs.String("profile", provenance.ProfileUnixFSv1_2025, "import `profile` the manifest's CIDs were computed with")
	quiet := fs.Bool("q", false, "print nothing when everything matches")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return usagef("check takes a manifest FILE and a DIR")
	}
	params, err := provenance.ProfileParams(*profile)
	if err != nil {
		return usagef("--profile: %v", err)
	}
	m, _, err := readManifestArg(c, pos[0])
	if err != nil {
		return err
	}
	opts := &provenance.CheckOptions{Params: params, Paths: paths}
	if *cacheFile != "" {
		opts.Cache = &provenance.CheckCache{}
		if f, err := os.Open(*cacheFile); err == nil {
			cache, err := provenance.ReadCheckCache(f)
			f.Close()
			if err != nil {
				fmt.Fprintf(c.stderr, "aiprov manifest check: ignoring %s: %v\n", *cacheFile, err)
			} else {
				opts.Cache = cache
			}
		} else if !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	r, err := provenance.CheckManifest(ctx, m, pos[1], opts)
	if err != nil {
		return err
	}
	if opts.Cache != nil {
		if err := writeFileAtomic(*cacheFile, 0o644, func(w io.Writer) error {
			_, err := opts.Cache.WriteTo(w)
			return err
		}); err != nil {
			return err
		}
	}
	w := c.stdout
	for _, ch := range r.Changed {
		fmt.Fprintf(w, "changed %s: %s\n", ch.Path, ch.Reason())
	}
	for _, p := range r.Missing {
		fmt.Fprintf(w, "missing %s\n", p)
	}
	for _, p := range r.Extra {
		fmt.Fprintf(w, "extra   %s\n", p)
	}
	for _, p := range r.Refused {
		fmt.Fprintf(w, "refused %s: %s\n", p.Path, p.Reason)
	}
	if r.RootCID.Defined() && !r.RootMatches {
		fmt.Fprintf(w, "root    %s, manifest says %s\n", r.RootCID, m.Subject.CID)
	}
	if !r.OK() {
		return errSilentFailure
	}
	if !*quiet {
		how := ""
		if r.Cached > 0 {
			how = fmt.Sprintf(" (%d unchanged since the cached check, not re-read)", r.Cached)
		}
		files := "files match"
		if r.Checked == 1 {
			files = "file matches"
		}
		if len(m.Subject.Files) == 0 {
			fmt.Fprintf(w, "ok: root CID %s matches (the manifest lists no files)\n", r.RootCID)
			return nil
		}
		fmt.Fprintf(w, "ok: %d %s%s\n", r.Checked, files, how)
	}
	return nil
}
