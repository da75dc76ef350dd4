package provenance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ipfs/go-cid"
)

// subset returns the graph's nodes in topological order, restricted to
// sel when sel is not nil.
func (g *Graph) subset(sel []cid.Cid) ([]int32, error) {
	order, cyc := g.topo()
	if cyc != nil {
		return nil, cyc
	}
	if sel == nil {
		return order, nil
	}
	keep := make(map[int32]bool, len(sel))
	for _, c := range sel {
		i, ok := g.index[c]
		if !ok {
			return nil, fmt.Errorf("%s: %w", c, ErrNotInGraph)
		}
		keep[i] = true
	}
	out := order[:0:0]
	for _, i := range order {
		if keep[i] {
			out = append(out, i)
		}
	}
	return out, nil
}

// WriteDOT writes the graph, or the nodes in sel and the edges between
// them, as a Graphviz digraph: edges point from child to parent, labelled
// with the relation and share; nodes without a manifest are dashed.
func (g *Graph) WriteDOT(w io.Writer, sel []cid.Cid) error {
	nodes, err := g.subset(sel)
	if err != nil {
		return err
	}
	in := make(map[int32]bool, len(nodes))
	for _, i := range nodes {
		in[i] = true
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph lineage {")
	fmt.Fprintln(bw, "  rankdir=BT;")
	fmt.Fprintln(bw, "  node [shape=box];")
	for _, i := range nodes {
		n := &g.nodes[i]
		label := n.cid.String()
		style := ""
		if n.manifest {
			label = n.name + "\n" + string(n.kind) + "\n" + label
		} else {
			style = ", style=dashed"
		}
		fmt.Fprintf(bw, "  %s [label=%s%s];\n", dotQuote(n.cid.String()), dotQuote(label), style)
	}
	for _, i := range nodes {
		n := &g.nodes[i]
		for _, e := range n.parents {
			if !in[e.to] {
				continue
			}
			fmt.Fprintf(bw, "  %s -> %s [label=%s];\n", dotQuote(n.cid.String()), dotQuote(g.nodes[e.to].cid.String()),
				dotQuote(string(g.relations[e.relation])+" "+FormatShare(e.share)))
		}
	}
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// dotQuote quotes s as a DOT string; "\n" becomes a centred line break.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// GraphJSON is the JSON form WriteJSON writes.
type GraphJSON struct {
	Nodes []GraphJSONNode `json:"nodes"`
	Edges []GraphJSONEdge `json:"edges"`
}

// GraphJSONNode is one node of GraphJSON.
type GraphJSONNode struct {
	CID         string `json:"cid"`
	HasManifest bool   `json:"manifest"`
	Name        string `json:"name,omitempty"`
	Kind        Kind   `json:"kind,omitempty"`
}

// GraphJSONEdge links a child to a parent; Share is in ShareWhole units
// and Percent the same share as text.
type GraphJSONEdge struct {
	Child    string   `json:"child"`
	Parent   string   `json:"parent"`
	Relation Relation `json:"relation"`
	Share    uint64   `json:"share"`
	Percent  string   `json:"percent"`
}

// WriteJSON writes the graph, or the nodes in sel and the edges between
// them, as GraphJSON with nodes in topological order (parents first).
func (g *Graph) WriteJSON(w io.Writer, sel []cid.Cid) error {
	nodes, err := g.subset(sel)
	if err != nil {
		return err
	}
	in := make(map[int32]bool, len(nodes))
	out := GraphJSON{Nodes: []GraphJSONNode{}, Edges: []GraphJSONEdge{}}
	for _, i := range nodes {
		in[i] = true
		n := &g.nodes[i]
		out.Nodes = append(out.Nodes, GraphJSONNode{CID: n.cid.String(), HasManifest: n.manifest, Name: n.name, Kind: n.kind})
	}
	for _, i := range nodes {
		n := &g.nodes[i]
		for _, e := range n.parents {
			if in[e.to] {
				out.Edges = append(out.Edges, GraphJSONEdge{Child: n.cid.String(), Parent: g.nodes[e.to].cid.String(),
					Relation: g.relations[e.relation], Share: e.share, Percent: FormatShare(e.share)})
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
