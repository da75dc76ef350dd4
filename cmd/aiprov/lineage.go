package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/aiprov/aiprov/provenance"
	"github.com/ipfs/go-cid"
)

const lineageUsage = `usage: aiprov lineage SUBCOMMAND [flags] DIR [args]

DIR holds manifest files (*.json DAG-JSON, *.cbor DAG-CBOR), searched recursively.

subcommands:
  ancestors DIR CID|FILE    everything the manifest derives from, nearest first
  descendants DIR CID|FILE  everything derived from it, nearest first
  graph DIR [--root CID|FILE] [--format dot|json]
                            the lineage graph (or the root's ancestors and descendants)
  check DIR                 report cycles and parent manifests that are missing
`

func runLineage(ctx context.Context, c *cli, args []string) error {
	if err := needSubcommand(c, lineageUsage, args); err != nil {
		return err
	}
	switch args[0] {
	case "ancestors", "descendants":
		return runLineageWalk(ctx, c, args[0], args[1:])
	case "graph":
		return runLineageGraph(ctx, c, args[1:])
	case "check":
		return runLineageCheck(ctx, c, args[1:])
	}
	return usagef("unknown subcommand %q; want ancestors, descendants, graph or check", args[0])
}

func loadGraph(ctx context.Context, dir string) (*provenance.Graph, error) {
	g := provenance.NewGraph(nil)
	if err := g.AddDir(ctx, dir); err != nil {
		return nil, err
	}
	return g, nil
}

// resolveNode takes a CID, or a manifest file whose CID is meant.
func resolveNode(arg string) (cid.Cid, error) {
	if id, err := cid.Decode(arg); err == nil {
		return id, nil
	}
	if _, err := os.Stat(arg); err != nil {
		return cid.Undef, usagef("%q is neither a CID nor a manifest file", arg)
	}
	_, id, err := provenance.ReadManifestFile(arg)
	return id, err
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

func runLineageWalk(ctx context.Context, c *cli, which string, args []string) error {
	fs := newFlagSet(c, "lineage "+which, "DIR CID|FILE")
	asJSON := fs.Bool("json", false, "print a JSON array of nodes")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return usagef("%s takes a DIR of manifests and a CID or manifest FILE", which)
	}
	g, err := loadGraph(ctx, pos[0])
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
	if *asJSON {
		out := []nodeJSON{}
		for _, id := range ids {
			n, _ := g.Node(id)
			nj := nodeJSON{CID: id.String(), HasManifest: n.HasManifest, Name: n.Name, Kind: n.Kind}
			for _, p := range n.Parents {
				nj.Parents = append(nj.Parents, edgeJSON{Child: id.String(), Parent: p.CID.String(), Relation: p.Relation, Share: p.Share, Percent: provenance.FormatShare(p.Share)})
			}
			out = append(out, nj)
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
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

func runLineageGraph(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "lineage graph", "DIR")
	root := fs.String("root", "", "show only this `CID or FILE` with its ancestors and descendants")
	format := fs.String("format", "dot", "output `format`: dot (Graphviz) or json")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("graph takes one DIR of manifests")
	}
	if *format != "dot" && *format != "json" {
		return usagef("--format %q: want dot or json", *format)
	}
	g, err := loadGraph(ctx, pos[0])
	if err != nil {
		return err
	}
	var sel []cid.Cid
	if *root != "" {
		id, err := resolveNode(*root)
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
	if *format == "json" {
		return g.WriteJSON(c.stdout, sel)
	}
	return g.WriteDOT(c.stdout, sel)
}

func runLineageCheck(ctx context.Context, c *cli, args []string) error {
	fs := newFlagSet(c, "lineage check", "DIR")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usagef("check takes one DIR of manifests")
	}
	g, err := loadGraph(ctx, pos[0])
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
