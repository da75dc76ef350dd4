package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/aiprov/aiprov/provenance"
	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"
)

// manifestSource finds manifests named by file or CID, and the pages of
// their tensor indexes: a CID is looked up in --manifests DIR (by manifest
// or content CID) when it is given, else in the store; pages are read from
// the store, which is opened when first needed.
type manifestSource struct {
	c     *cli
	dir   string
	md    *manifestDir
	store storeFlags
	s     storage.Store
}

func (src *manifestSource) register(cmd *cobra.Command, dirUse string) {
	cmd.Flags().StringVar(&src.dir, "manifests", "", dirUse)
	src.store.register(cmd.Flags())
}

// load reads --manifests DIR, if given.
func (src *manifestSource) load(ctx context.Context, cmd string) error {
	if src.dir == "" || src.md != nil {
		return nil
	}
	md, err := readManifestDir(ctx, src.dir)
	if err != nil {
		return err
	}
	if len(md.broken) > 0 {
		return errors.Join(md.broken...)
	}
	md.noteSkipped(src.c, cmd)
	src.md = md
	return nil
}

func (src *manifestSource) openStore() (storage.Store, error) {
	if src.s == nil {
		s, _, _, err := src.store.open(src.c)
		if err != nil {
			return nil, err
		}
		src.s = s
	}
	return src.s, nil
}

// manifest resolves arg, a manifest file or a CID.
func (src *manifestSource) manifest(ctx context.Context, arg string) (*provenance.Manifest, cid.Cid, error) {
	id, file, err := parseManifestArg(arg)
	if err != nil {
		return nil, cid.Undef, err
	}
	if file != "" {
		return provenance.ReadManifestFile(file)
	}
	if src.md != nil {
		if m, ok := src.md.manifests[id]; ok {
			return m, id, nil
		}
		for _, mid := range src.md.order {
			if m := src.md.manifests[mid]; m.Subject.CID.Equals(id) {
				return m, mid, nil
			}
		}
		return nil, cid.Undef, fmt.Errorf("%s: no manifest in %s has this CID (as its own or its subject's)", id, src.dir)
	}
	s, err := src.openStore()
	if err != nil {
		return nil, cid.Undef, err
	}
	m, err := storage.GetManifest(ctx, s, id)
	if err != nil {
		return nil, cid.Undef, fmt.Errorf("%s: %w (give its manifest file, or --manifests DIR)", id, err)
	}
	return m, id, nil
}

// tensorIndex returns m's tensor index, fetching pages from the store.
func (src *manifestSource) tensorIndex(ctx context.Context, m *provenance.Manifest) (*provenance.TensorIndex, error) {
	return m.Subject.TensorIndex(ctx, func(ctx context.Context, id cid.Cid) ([]byte, error) {
		s, err := src.openStore()
		if err != nil {
			return nil, err
		}
		return s.GetBlock(ctx, id)
	})
}

// requireIndex is tensorIndex, failing for a manifest without one.
func (src *manifestSource) requireIndex(ctx context.Context, what string, m *provenance.Manifest, id cid.Cid) (*provenance.TensorIndex, error) {
	x, err := src.tensorIndex(ctx, m)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", what, id, err)
	}
	if x == nil {
		return nil, fmt.Errorf("%s %s (%s): the manifest has no tensor index; make it with aiprov manifest init --tensors", what, id, m.Subject.Name)
	}
	return x, nil
}

type artifactJSON struct {
	CID  string `json:"cid"`
	Name string `json:"name"`
}

func newLineageEvidenceCmd(c *cli) *cobra.Command {
	src := &manifestSource{c: c}
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "evidence CHILD PARENT",
		Short: "Compare two artifacts' tensors: do the weights agree with the claimed relation?",
		Long: `Compares the tensor indexes of CHILD and PARENT (manifests made with
aiprov manifest init --tensors; each a manifest file, or a CID found in
--manifests DIR or the store): which tensors are identical, renamed,
changed in value with the same name, dtype and shape ("finetuned"),
changed in dtype with the same number of elements ("quantized"),
reshaped, added (LoRA tensors aimed at the parent's modules: an adapter)
or removed ("pruned"); and whether that agrees with the relation CHILD's
manifest claims for PARENT.

Equal digests prove shared bytes. Everything else is a pattern: a tensor
changed by one ulp counts as "finetuned", and perturbing, renaming,
permuting or re-quantizing every tensor hides a base from this check.

Exits 1 when the weights contradict the claim, or when CHILD shares
tensor bytes with a PARENT it does not declare.`,
		Example: `  aiprov lineage evidence finetune.json base.json
  aiprov lineage evidence bafyrei… bafyrei… --manifests manifests/ --json`,
		Args: nargs(2, 2, "evidence takes a CHILD and a PARENT (manifest files or CIDs)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLineageEvidence(cmd.Context(), c, src, args[0], args[1], asJSON)
		},
	}
	src.register(cmd, "look CIDs up in the manifests under `DIR` (default: the store)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the comparison as JSON (see docs/json.md)")
	return cmd
}

func runLineageEvidence(ctx context.Context, c *cli, src *manifestSource, childArg, parentArg string, asJSON bool) error {
	if err := src.load(ctx, "lineage evidence"); err != nil {
		return err
	}
	child, childID, err := src.manifest(ctx, childArg)
	if err != nil {
		return err
	}
	parent, parentID, err := src.manifest(ctx, parentArg)
	if err != nil {
		return err
	}
	cx, err := src.requireIndex(ctx, "child", child, childID)
	if err != nil {
		return err
	}
	px, err := src.requireIndex(ctx, "parent", parent, parentID)
	if err != nil {
		return err
	}
	declared := false
	var claim provenance.Relation
	for _, p := range child.Parents {
		if p.CID.Equals(parentID) || p.CID.Equals(parent.Subject.CID) {
			declared, claim = true, p.Relation
			break
		}
	}
	ev := provenance.CompareTensors(cx, px, claim)
	undeclaredShare := !declared && len(ev.Identical)+len(ev.Renamed) > 0
	if asJSON {
		err = writeJSON(c.stdout, "lineage evidence", struct {
			Child    artifactJSON `json:"child"`
			Parent   artifactJSON `json:"parent"`
			Declared bool         `json:"declared"`
			*provenance.TensorEvidence
		}{artifactJSON{childID.String(), child.Subject.Name}, artifactJSON{parentID.String(), parent.Subject.Name}, declared, ev})
	} else {
		err = printEvidence(c.stdout, child, childID, parent, parentID, declared, ev)
	}
	if err != nil {
		return err
	}
	if ev.Verdict == provenance.VerdictInconsistent || undeclaredShare {
		return errSilentFailure
	}
	return nil
}

func printEvidence(w io.Writer, child *provenance.Manifest, childID cid.Cid, parent *provenance.Manifest, parentID cid.Cid, declared bool, ev *provenance.TensorEvidence) error {
	fmt.Fprintf(w, "child   %s %s: %d tensors, %s\n", childID, child.Subject.Name, ev.ChildTensors, humanBytes(int64(ev.ChildBytes)))
	fmt.Fprintf(w, "parent  %s %s: %d tensors\n", parentID, parent.Subject.Name, ev.ParentTensors)
	retyped := make([]string, len(ev.Retyped))
	for i, r := range ev.Retyped {
		retyped[i] = fmt.Sprintf("%s (%s→%s)", r.Name, r.From, r.To)
	}
	renamed := make([]string, len(ev.Renamed))
	for i, r := range ev.Renamed {
		renamed[i] = fmt.Sprintf("%s (was %s)", r.Child, r.Parent)
	}
	for _, row := range []struct {
		label string
		names []string
	}{
		{"identical", ev.Identical}, {"renamed", renamed}, {"changed", ev.Changed}, {"retyped", retyped},
		{"reshaped", ev.Reshaped}, {"added", ev.Added}, {"adapter", ev.AdapterTensors}, {"removed", ev.Removed},
	} {
		if len(row.names) > 0 {
			fmt.Fprintf(w, "  %-9s %3d  %s\n", row.label, len(row.names), listSome(row.names, 4))
		}
	}
	fmt.Fprintf(w, "shared  %s of the child's %s are the parent's bytes\n", humanBytes(int64(ev.SharedBytes)), humanBytes(int64(ev.ChildBytes)))
	fmt.Fprintf(w, "weights look: %s\n", ev.Suggests)
	if !declared {
		if len(ev.Identical)+len(ev.Renamed) > 0 {
			fmt.Fprintf(w, "claim   none: the child does not declare this parent, yet shares %d tensors' bytes with it\n", len(ev.Identical)+len(ev.Renamed))
		} else {
			fmt.Fprintf(w, "claim   none: the child does not declare this parent\n")
		}
		return nil
	}
	fmt.Fprintf(w, "claim   %s: %s\n", ev.Claim, ev.Verdict)
	for _, r := range ev.Reasons {
		fmt.Fprintf(w, "  %s\n", r)
	}
	return nil
}

// listSome joins up to n names, saying how many more there are.
func listSome(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(", … (%d more)", len(names)-n)
}

func newLineageSuspectsCmd(c *cli) *cobra.Command {
	src := &manifestSource{c: c}
	var asJSON bool
	var minBytes uint64
	cmd := &cobra.Command{
		Use:   "suspects MODEL",
		Short: "Find artifacts sharing MODEL's tensors that its lineage does not declare",
		Long: `Compares MODEL's tensor index (a manifest file, or a CID) with that of every
manifest under --manifests DIR, or else every manifest in the store
(--store DIR or --api URL, as aiprov store), and lists those that hold
bytes of MODEL's tensors but are not in its declared lineage — not its
ancestors (by the parent links of the manifests read), not its
descendants: the undeclared base. Most shared bytes first.

Shared bytes prove common content, not its direction: a suspect made after
MODEL may have copied it (compare the created times). Tensors smaller
than --min-tensor-bytes do not count, since unrelated models can hold equal
small tensors (untrained norms, zero biases).

Exits 1 if there is any suspect.`,
		Example: `  aiprov lineage suspects finetune.json --manifests manifests/
  aiprov lineage suspects bafyrei… --store /data/aiprov --json`,
		Args: nargs(1, 1, "suspects takes one MODEL (a manifest file or CID)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLineageSuspects(cmd.Context(), c, src, args[0], minBytes, asJSON)
		},
	}
	src.register(cmd, "compare with the manifests under `DIR` (default: every manifest in the store)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the suspects as JSON (see docs/json.md)")
	cmd.Flags().Uint64Var(&minBytes, "min-tensor-bytes", 4096, "ignore shared tensors smaller than `N` bytes")
	return cmd
}

// storeManifests reads every DAG-CBOR block of s that decodes as a
// manifest; other blocks (tensor pages, artifacts) are skipped.
func storeManifests(ctx context.Context, s storage.Store) (map[cid.Cid]*provenance.Manifest, error) {
	out := map[cid.Cid]*provenance.Manifest{}
	for id, err := range s.List(ctx) {
		if err != nil {
			return nil, err
		}
		if id.Type() != cid.DagCBOR {
			continue
		}
		if m, err := storage.GetManifest(ctx, s, id); err == nil {
			out[id] = m
		}
	}
	return out, nil
}

func runLineageSuspects(ctx context.Context, c *cli, src *manifestSource, modelArg string, minBytes uint64, asJSON bool) error {
	if minBytes == 0 {
		return usagef("--min-tensor-bytes must be at least 1")
	}
	if err := src.load(ctx, "lineage suspects"); err != nil {
		return err
	}
	model, modelID, err := src.manifest(ctx, modelArg)
	if err != nil {
		return err
	}
	var ms map[cid.Cid]*provenance.Manifest
	where := src.dir
	if src.md != nil {
		ms = src.md.manifests
	} else {
		s, err := src.openStore()
		if err != nil {
			return err
		}
		if ms, err = storeManifests(ctx, s); err != nil {
			return err
		}
		where = "the store"
	}
	index := func(m *provenance.Manifest) (*provenance.TensorIndex, error) { return src.tensorIndex(ctx, m) }
	sus, err := provenance.LineageSuspects(modelID, model, ms, index, &provenance.SuspectOptions{MinTensorBytes: minBytes})
	if err != nil {
		return fmt.Errorf("%s (%s): %w", modelArg, model.Subject.Name, err)
	}
	withIndex := 0
	for id, m := range ms {
		if id != modelID && len(m.Subject.Tensors) > 0 {
			withIndex++
		}
	}
	if asJSON {
		type suspectJSON struct {
			CID          string   `json:"cid"`
			Name         string   `json:"name"`
			Created      string   `json:"created"`
			Shared       int      `json:"shared_tensors"`
			SharedBytes  uint64   `json:"shared_bytes"`
			ModelBytes   uint64   `json:"model_bytes"`
			ExampleNames []string `json:"examples"`
		}
		out := []suspectJSON{}
		for _, s := range sus {
			out = append(out, suspectJSON{s.CID.String(), s.Name, s.Created, s.Shared, s.SharedBytes, s.ModelBytes, s.Examples})
		}
		err = writeJSON(c.stdout, "lineage suspects", struct {
			Model    artifactJSON  `json:"model"`
			Compared int           `json:"compared"`
			Suspects []suspectJSON `json:"suspects"`
		}{artifactJSON{modelID.String(), model.Subject.Name}, withIndex, out})
	} else {
		for _, s := range sus {
			fmt.Fprintf(c.stdout, "suspect %s %s (created %s): %d of the model's tensors, %s of %s: %s\n",
				s.CID, s.Name, s.Created, s.Shared, humanBytes(int64(s.SharedBytes)), humanBytes(int64(s.ModelBytes)), listSome(s.Examples, 3))
		}
		if len(sus) == 0 {
			fmt.Fprintf(c.stdout, "ok: no artifact outside the lineage of %s shares its tensors (%d manifests with tensor indexes in %s)\n", model.Subject.Name, withIndex, where)
		}
	}
	if err != nil {
		return err
	}
	if len(sus) > 0 {
		return errSilentFailure
	}
	return nil
}
