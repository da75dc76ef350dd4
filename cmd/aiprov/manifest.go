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
	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"
)

func newManifestCmd(c *cli) *cobra.Command {
	return newGroupCmd("manifest", "Create, validate and check lineage manifests",
		`A lineage manifest records an artifact (its root CID and each file's CID
and sha256), what it derives from (parents, by CID, with a relation and a
royalty share), its contributors and their shares, and its license.

Manifest files are DAG-JSON (.json) or DAG-CBOR (.cbor); FILE "-" is
standard input. Shares are percentages such as 10% or 2.5% (at most six
decimals). The manifest's CID is that of its canonical DAG-CBOR encoding.`,
		newManifestInitCmd(c), newManifestCIDCmd(c), newManifestValidateCmd(c), newManifestCheckCmd(c))
}

type manifestInitFlags struct {
	out, card, license, name, kind, policy, created, profile string
	parents, contributors                                    []string
	noFiles, force, draft, tensors                           bool
	store                                                    storeFlags // where --tensors keeps a paged index
}

func newManifestInitCmd(c *cli) *cobra.Command {
	var f manifestInitFlags
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Hash DIR and write a draft manifest",
		Long: `Hashes DIR (a directory or a file) and writes a manifest for it: DAG-JSON
to standard output, or to --output FILE (.cbor: DAG-CBOR), then printing
its CID. Parents, contributors and license come from the flags (or a
Hugging Face model card). If the manifest would not be valid, it lists
every problem and exits 1 without writing anything, unless --draft asks
for a draft to finish by hand. An existing --output FILE is replaced only
with --force.

With --tensors the manifest also records the tensor index of the weight
files (*.safetensors, sharded checkpoints checked against their
model.safetensors.index.json, *.gguf): each tensor's name, dtype, shape,
byte range and BLAKE3 digest, read in the same pass as the CIDs. An index
of more than 1024 tensors goes in DAG-CBOR pages the manifest links by
CID; they are put in the store (--store DIR or --api URL, as aiprov store
put) once the manifest is written. aiprov lineage evidence compares these
indexes.`,
		Example: `  aiprov manifest init model/ --license MIT \
      --contributor 0x1111111111111111111111111111111111111111:weights:100% \
      --parent bafyrei…:finetune:10% -o model.json
  aiprov manifest init model/ --from-hf-card model/README.md --draft -o model.json
  aiprov manifest init model/ --tensors --license MIT … -o model.json`,
		Args: nargs(1, 1, "init takes one DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runManifestInit(cmd.Context(), c, &f, args[0])
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&f.out, "output", "o", "", "write the manifest to `FILE` (.json: DAG-JSON, .cbor: DAG-CBOR); default stdout (DAG-JSON)")
	fs.StringVar(&f.card, "from-hf-card", "", "fill license, kind and base models from a Hugging Face model card `README.md`")
	fs.StringArrayVar(&f.parents, "parent", nil, "add a parent `CID:relation[:share]` (its manifest CID, or its content CID if it has none); share is the royalty that flows to it, e.g. 10% (repeatable)")
	fs.StringArrayVar(&f.contributors, "contributor", nil, "add a contributor `ID:role:share`: a 0x address or ed25519:key, a role, a share such as 60% (repeatable)")
	fs.StringVar(&f.license, "license", "", "SPDX license `expression`")
	fs.StringVar(&f.name, "name", "", "subject `name` (default: DIR's base name)")
	fs.StringVar(&f.kind, "kind", "", "`kind`: model, dataset, code, config or other (default model)")
	fs.StringVar(&f.policy, "policy", "", "royalty `policy` for parents' shares: absolute or relative (default absolute when a parent has a share)")
	fs.StringVar(&f.created, "created", "", "creation `time`, RFC 3339 UTC (default: $SOURCE_DATE_EPOCH, else now)")
	fs.StringVar(&f.profile, "profile", provenance.ProfileUnixFSv1_2025, "import `profile` the CIDs are computed with")
	fs.BoolVar(&f.force, "force", false, "replace --output FILE if it exists")
	fs.BoolVar(&f.draft, "draft", false, "write the manifest even if it is not yet valid (to finish by hand), listing what is missing")
	fs.BoolVar(&f.noFiles, "no-files", false, "record only the root CID and size, not each file (for artifacts with more files than one manifest holds, about 7,000)")
	fs.BoolVar(&f.tensors, "tensors", false, "record the weight files' tensor index (names, dtypes, shapes, BLAKE3 digests) for aiprov lineage evidence")
	f.store.register(fs)
	return cmd
}

func runManifestInit(ctx context.Context, c *cli, f *manifestInitFlags, dir string) error {
	params, err := provenance.ProfileParams(f.profile)
	if err != nil {
		return usagef("--profile: %v", err)
	}
	// Checked before hashing, which may take long.
	if err := refuseOverwrite(f.out, f.force); err != nil {
		return err
	}
	var hf *provenance.ModelCard
	if f.card != "" {
		file, err := os.Open(f.card)
		if err != nil {
			return err
		}
		hf, err = provenance.ParseModelCard(file)
		file.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.card, err)
		}
	}
	// Parse every flag before hashing, which may take long.
	var ps []provenance.Parent
	for _, p := range f.parents {
		parent, err := parseParentFlag(p, hf)
		if err != nil {
			return usagef("--parent %s: %v", p, err)
		}
		ps = append(ps, parent)
	}
	var cs []provenance.Contributor
	for _, s := range f.contributors {
		contrib, err := parseContributorFlag(s)
		if err != nil {
			return usagef("--contributor %s: %v", s, err)
		}
		cs = append(cs, contrib)
	}
	when, err := manifestCreated(c, f.created)
	if err != nil {
		return err
	}
	if f.tensors && f.noFiles {
		return usagef("--tensors needs the file list that --no-files leaves out: the index names the files it describes")
	}

	// A paged tensor index is kept here until the manifest is written,
	// then put in the store: nothing is stored for a manifest refused.
	pages := storage.NewMemory()
	bopts := &provenance.BuildOptions{Params: params, Name: f.name, Kind: provenance.Kind(f.kind), Created: when, OmitFiles: f.noFiles,
		Tensors: f.tensors, TensorPages: pages}
	bar := newProgressBar(c, dir)
	if bar != nil {
		bopts.Progress = bar.update
	}
	m, err := provenance.BuildManifest(ctx, dir, bopts)
	bar.finish()
	if err != nil {
		return err
	}
	m.Parents, m.Contributors, m.License = ps, cs, f.license
	m.Royalty.Policy = provenance.RoyaltyPolicy(f.policy)
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
	if strings.HasSuffix(f.out, ".cbor") {
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
	verr := m.Validate()
	if verr != nil && !f.draft {
		fmt.Fprintf(c.stderr, "aiprov manifest init: not written: the manifest would not be valid:\n")
		printProblems(c.stderr, "  ", verr)
		fmt.Fprintf(c.stderr, "Give what is missing with flags (--license, --contributor, …), or write a draft to edit with --draft.\n")
		return errSilentFailure
	}
	if toStdout(f.out) {
		if _, err := c.stdout.Write(data); err != nil {
			return err
		}
	} else {
		if err := writeBytesAtomic(f.out, 0o644, data); err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, id)
	}
	if verr != nil {
		fmt.Fprintf(c.stderr, "aiprov manifest init: draft %s is not yet valid:\n", id)
		printProblems(c.stderr, "  ", verr)
	}
	if f.tensors {
		return noteTensors(ctx, c, &f.store, m, pages)
	}
	return nil
}

// noteTensors says on stderr what --tensors recorded, and puts the pages
// of a paged index in the store.
func noteTensors(ctx context.Context, c *cli, sf *storeFlags, m *provenance.Manifest, pages *storage.Memory) error {
	n, files := 0, len(m.Subject.Tensors)
	var ids []cid.Cid
	for _, mt := range m.Subject.Tensors {
		n += len(mt.Tensors) + mt.Count
		ids = append(ids, mt.Pages...)
	}
	if files == 0 {
		fmt.Fprintf(c.stderr, "aiprov manifest init: --tensors: no weight files (*.safetensors, *.gguf) found; no tensor index recorded\n")
		return nil
	}
	in := fmt.Sprintf("%d tensors in %d weight files", n, files)
	if files == 1 {
		in = fmt.Sprintf("%d tensors in 1 weight file", n)
	}
	if len(ids) == 0 {
		fmt.Fprintf(c.stderr, "aiprov manifest init: tensor index: %s, inline\n", in)
		return nil
	}
	s, _, _, err := sf.open(c)
	if err != nil {
		return fmt.Errorf("storing the tensor index: %w", err)
	}
	for _, id := range ids {
		data, err := pages.GetBlock(ctx, id)
		if err == nil {
			err = s.PutBlock(ctx, id, data)
		}
		if err != nil {
			return fmt.Errorf("storing tensor page %s: %w", id, err)
		}
	}
	fmt.Fprintf(c.stderr, "aiprov manifest init: tensor index: %s, in %d pages put in the store (aiprov store export-car bundles them with the manifest)\n", in, len(ids))
	return nil
}

func toStdout(out string) bool { return out == "" || out == "-" }

// refuseOverwrite fails when out names an existing file and force is not
// set: a manifest or envelope replaced by mistake can break a lineage
// whose children name its CID.
func refuseOverwrite(out string, force bool) error {
	if force || toStdout(out) {
		return nil
	}
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("%s already exists; use --force to replace it", out)
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
	id, err := provenance.ParseCID(parts[0])
	if err != nil {
		return provenance.Parent{}, fmt.Errorf("invalid CID %q: %w", parts[0], err)
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

func newManifestCIDCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:     "cid FILE",
		Short:   "Print a manifest's CID (what ipfs dag put prints)",
		Long:    "Prints the CID of the manifest's canonical DAG-CBOR encoding, what `ipfs dag put` prints for it.",
		Example: "  aiprov manifest cid model.json\n  aiprov manifest cid - < model.cbor",
		Args:    nargs(1, 1, "cid takes one FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, id, err := readManifestArg(c, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, id)
			return nil
		},
	}
}

func newManifestValidateCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a manifest's form and rules; list every problem",
		Long: `Decodes the manifest strictly (canonical encoding, known fields) and checks
its rules (shares, addresses, SPDX license, digests). Prints every problem
on stderr and exits 1 if there is any.`,
		Example: "  aiprov manifest validate model.json",
		Args:    nargs(1, 1, "validate takes one FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, id, err := readManifestArg(c, args[0])
			if err != nil {
				return err
			}
			if err := m.Validate(); err != nil {
				fmt.Fprintf(c.stderr, "%s: invalid manifest %s:\n", args[0], id)
				printProblems(c.stderr, "  ", err)
				return errSilentFailure
			}
			fmt.Fprintf(c.stdout, "%s: valid manifest %s\n", args[0], id)
			return nil
		},
	}
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

type manifestCheckFlags struct {
	paths     []string
	cacheFile string
	profile   string
	quiet     bool
}

func newManifestCheckCmd(c *cli) *cobra.Command {
	var f manifestCheckFlags
	cmd := &cobra.Command{
		Use:   "check FILE DIR",
		Short: "Re-hash DIR and list files that changed, are missing or are extra",
		Long: `Re-hashes DIR and compares it with the manifest in FILE: prints each file
that changed (and how), is missing or is extra, and exits 1 if any did.`,
		Example: `  aiprov manifest check model.json model/
  aiprov manifest check model.json model/ --path config.json --path tokenizer/
  aiprov manifest check model.json model/ --cache .aiprov-check  # fast re-checks`,
		Args: nargs(2, 2, "check takes a manifest FILE and a DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runManifestCheck(cmd.Context(), c, &f, args)
		},
	}
	fs := cmd.Flags()
	fs.StringArrayVar(&f.paths, "path", nil, "check only this manifest `path` (a file, or a directory ending in /); repeatable")
	fs.StringVar(&f.cacheFile, "cache", "", "re-check `FILE`: skip files whose size, mtime and inode are unchanged since the last check (never use for signing)")
	fs.StringVar(&f.profile, "profile", provenance.ProfileUnixFSv1_2025, "import `profile` the manifest's CIDs were computed with")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print nothing when everything matches")
	return cmd
}

func runManifestCheck(ctx context.Context, c *cli, f *manifestCheckFlags, pos []string) error {
	params, err := provenance.ProfileParams(f.profile)
	if err != nil {
		return usagef("--profile: %v", err)
	}
	m, _, err := readManifestArg(c, pos[0])
	if err != nil {
		return err
	}
	opts := &provenance.CheckOptions{Params: params, Paths: f.paths}
	if f.cacheFile != "" {
		opts.Cache = &provenance.CheckCache{}
		if file, err := os.Open(f.cacheFile); err == nil {
			cache, err := provenance.ReadCheckCache(file)
			file.Close()
			if err != nil {
				fmt.Fprintf(c.stderr, "aiprov manifest check: ignoring %s: %v\n", f.cacheFile, err)
			} else {
				opts.Cache = cache
			}
		} else if !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	bar := newProgressBar(c, pos[1]) // nil unless stderr is a terminal
	if bar != nil {
		opts.Progress = bar.update
	}
	r, err := provenance.CheckManifest(ctx, m, pos[1], opts)
	bar.finish()
	if err != nil {
		return err
	}
	if opts.Cache != nil {
		if err := writeFileAtomic(f.cacheFile, 0o644, func(w io.Writer) error {
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
	if !f.quiet {
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
