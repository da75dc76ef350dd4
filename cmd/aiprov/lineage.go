package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"
)

func newLineageCmd(c *cli) *cobra.Command {
	return newGroupCmd("lineage", "Walk ancestors and descendants over a directory of manifests",
		`DIR holds manifest files (*.json DAG-JSON, *.cbor DAG-CBOR), searched
recursively, skipping hidden files and directories. Nodes are manifest
CIDs; a parent without a manifest in DIR is a node without a manifest.

evidence and suspects compare the tensor indexes manifests record
(aiprov manifest init --tensors): do the weights agree with the claimed
relation, and who shares a model's tensors without being declared.`,
		newLineageWalkCmd(c, "ancestors", "Everything the manifest derives from, nearest first"),
		newLineageWalkCmd(c, "descendants", "Everything derived from the manifest, nearest first"),
		newLineageGraphCmd(c),
		newLineageCheckCmd(c),
		newLineageEvidenceCmd(c),
		newLineageSuspectsCmd(c))
}

// loadGraph reads the lineage graph of the manifests in dir
// (readManifestDir): files that are not manifests are skipped, and said
// so on stderr; a broken manifest fails, since the graph would silently
// lack its node.
func loadGraph(ctx context.Context, c *cli, dir, cmd string) (*provenance.Graph, error) {
	md, err := readManifestDir(ctx, dir)
	if err != nil {
		return nil, err
	}
	md.noteSkipped(c, cmd)
	if len(md.broken) > 0 {
		return nil, errors.Join(md.broken...)
	}
	g := provenance.NewGraph(nil)
	for _, id := range md.order {
		if err := g.Add(id, md.manifests[id]); err != nil {
			return nil, fmt.Errorf("%s: %w", md.files[id], err)
		}
	}
	return g, nil
}

// resolveNode takes a CID, or a manifest file whose CID is meant.
func resolveNode(arg string) (cid.Cid, error) {
	id, file, err := parseManifestArg(arg)
	if err != nil || file == "" {
		return id, err
	}
	_, id, err = provenance.ReadManifestFile(file)
	return id, err
}

// parseManifestArg reads the CID|FILE argument of the commands that take a
// manifest either way: a CID aiprov accepts, or else an existing file.
// Anything else, a CID aiprov refuses included, is a usage error.
func parseManifestArg(arg string) (id cid.Cid, file string, err error) {
	if id, err := cid.Decode(arg); err == nil {
		if err := provenance.CheckCID(id); err != nil {
			return cid.Undef, "", usagef("%s: %v", arg, err)
		}
		return id, "", nil
	}
	if _, err := os.Stat(arg); err != nil {
		return cid.Undef, "", usagef("%q is neither a CID nor a manifest file", arg)
	}
	return cid.Undef, arg, nil
}

type nodeJSON struct {
	CID         string          `json:"cid"`
	HasManifest bool            `json:"manifest"`
	Name        string          `json:"name,omitempty"`
	Kind        provenance.Kind `json:"kind,omitempty"`
	Parents     []edgeJSON      `json:"parents,omitempty"`
}

// edgeJSON is an edge as Graph.WriteJSON writes it.
type edgeJSON struct {
	Child    string              `json:"child"`
	Parent   string              `json:"parent"`
	Relation provenance.Relation `json:"relation"`
	Share    uint64              `json:"share"`
	Percent  string              `json:"percent"`
}

func newLineageWalkCmd(c *cli, which, short string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   which + " DIR CID|FILE",
		Short: short,
		Long: short + `, one per line:
CID, kind and name (tab-separated), or with --json an array of nodes.
CID|FILE is a manifest CID or a manifest file.`,
		Example: "  aiprov lineage " + which + " manifests/ chat.json\n  aiprov lineage " + which + " manifests/ bafyrei… --json",
		Args:    nargs(2, 2, which+" takes a DIR of manifests and a CID or manifest FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLineageWalk(cmd.Context(), c, which, args, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of nodes")
	return cmd
}

func runLineageWalk(ctx context.Context, c *cli, which string, pos []string, asJSON bool) error {
	g, err := loadGraph(ctx, c, pos[0], "lineage "+which)
	if err != nil {
		return err
	}
	start, err := resolveNode(pos[1])
	if err != nil {
		return err
	}
	var ids []cid.Cid
	if which == "ancestors" {
		ids, err = g.Ancestors(start)
	} else {
		ids, err = g.Descendants(start)
	}
	if err != nil {
		return err
	}
	if asJSON {
		out := []nodeJSON{}
		for _, id := range ids {
			n, _ := g.Node(id)
			nj := nodeJSON{CID: id.String(), HasManifest: n.HasManifest, Name: n.Name, Kind: n.Kind}
			for _, p := range n.Parents {
				nj.Parents = append(nj.Parents, edgeJSON{Child: id.String(), Parent: p.CID.String(), Relation: p.Relation, Share: p.Share, Percent: provenance.FormatShare(p.Share)})
			}
			out = append(out, nj)
		}
		return writeJSON(c.stdout, "lineage "+which, struct {
			Nodes []nodeJSON `json:"nodes"`
		}{out})
	}
	for _, id := range ids {
		n, _ := g.Node(id)
		if n.HasManifest {
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", id, n.Kind, n.Name)
		} else {
			fmt.Fprintf(c.stdout, "%s\t-\t(no manifest)\n", id)
		}
	}
	return nil
}

// lineageGraphFormats are the formats lineage graph writes; a new format
// is a new entry here and a case in runLineageGraph.
var lineageGraphFormats = []string{"dot", "json"}

func newLineageGraphCmd(c *cli) *cobra.Command {
	var root, format, html string
	cmd := &cobra.Command{
		Use:   "graph DIR",
		Short: "Print the lineage graph (or one artifact's ancestors and descendants)",
		Long: `Prints the lineage graph of the manifests in DIR: Graphviz DOT by default,
or JSON with --format json. With --root, only that node, its ancestors and
its descendants. With --html FILE it writes instead one self-contained page
that draws the graph in a browser (artifacts with names and kinds,
relations and shares, contributors on click), laid out by dagre.`,
		Example: `  aiprov lineage graph manifests/ | dot -Tsvg > lineage.svg
  aiprov lineage graph manifests/ --root chat.json --format json
  aiprov lineage graph manifests/ --html lineage.html`,
		Args: nargs(1, 1, "graph takes one DIR of manifests"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLineageGraph(cmd.Context(), c, args[0], root, format, html)
		},
	}
	cmd.Flags().StringVar(&html, "html", "", "write the graph as a self-contained HTML page to `FILE` instead")
	cmd.Flags().StringVar(&root, "root", "", "show only this `CID or FILE` with its ancestors and descendants")
	cmd.Flags().StringVar(&format, "format", "dot", "output `format`: "+strings.Join(lineageGraphFormats, ", "))
	return cmd
}

func runLineageGraph(ctx context.Context, c *cli, dir, root, format, html string) error {
	if !slices.Contains(lineageGraphFormats, format) {
		return usagef("--format %q: want %s", format, strings.Join(lineageGraphFormats, " or "))
	}
	g, err := loadGraph(ctx, c, dir, "lineage")
	if err != nil {
		return err
	}
	var sel []cid.Cid
	if root != "" {
		id, err := resolveNode(root)
		if err != nil {
			return err
		}
		anc, err := g.Ancestors(id)
		if err != nil {
			return err
		}
		desc, err := g.Descendants(id)
		if err != nil {
			return err
		}
		sel = append(append(append(sel, id), anc...), desc...)
	}
	if html != "" {
		return writeLineagePage(ctx, c, html, "Lineage of "+dir, g, dir, sel, nil)
	}
	switch format {
	case "json":
		return versionedFrom(c.stdout, "lineage graph", func(w io.Writer) error { return g.WriteJSON(w, sel) })
	default:
		return g.WriteDOT(c.stdout, sel)
	}
}

func newLineageCheckCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "check DIR",
		Short: "Report cycles and parent manifests that are missing",
		Long: `Checks the lineage graph of the manifests in DIR: prints each cycle and each
parent whose manifest is not in DIR, and exits 1 if there is any.`,
		Example: "  aiprov lineage check manifests/",
		Args:    nargs(1, 1, "check takes one DIR of manifests"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLineageCheck(cmd.Context(), c, args[0])
		},
	}
}

func runLineageCheck(ctx context.Context, c *cli, dir string) error {
	g, err := loadGraph(ctx, c, dir, "lineage")
	if err != nil {
		return err
	}
	if err := g.Check(); err != nil {
		printProblems(c.stdout, "", err)
		return errSilentFailure
	}
	fmt.Fprintf(c.stdout, "ok: %d nodes, no cycles, no missing parent manifests\n", g.Len())
	return nil
}
