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
// sel when sel is not nil, and the parent links between them.
func (g *Graph) subset(sel []cid.Cid) ([]int32, []glink, error) {
	order, cyc := g.topo()
	if cyc != nil {
		return nil, nil, cyc
	}
	keep := make([]bool, g.n)
	if sel == nil {
		for i := range keep {
			keep[i] = true
		}
	} else {
		for _, c := range sel {
			i, ok := g.index[c]
			if !ok {
				return nil, nil, fmt.Errorf("%s: %w", c, ErrNotInGraph)
			}
			keep[i] = true
		}
		out := order[:0:0]
		for _, i := range order {
			if keep[i] {
				out = append(out, i)
			}
		}
		order = out
	}
	var links []glink
	for _, i := range order {
		for _, e := range g.parents(g.at(i)) {
			if keep[e.to] {
				links = append(links, glink{child: i, gedge: e})
			}
		}
	}
	return order, links, nil
}

// glink is a parent link with the child it belongs to.
type glink struct {
	child int32
	gedge
}

// WriteDOT writes the graph, or the nodes in sel and the edges between
// them, as a Graphviz digraph: edges point from child to parent, labelled
// with the relation and share; nodes without a manifest are dashed.
func (g *Graph) WriteDOT(w io.Writer, sel []cid.Cid) error {
	nodes, links, err := g.subset(sel)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph lineage {")
	fmt.Fprintln(bw, "  rankdir=BT;")
	fmt.Fprintln(bw, "  node [shape=box];")
	for _, i := range nodes {
		n := g.at(i)
		label := n.cid.String()
		style := ""
		if n.manifest {
			label = n.name + "\n" + g.strs[n.kind] + "\n" + label
		} else {
			style = ", style=dashed"
		}
		fmt.Fprintf(bw, "  %s [label=%s%s];\n", dotQuote(n.cid.String()), dotQuote(label), style)
	}
	for _, l := range links {
		fmt.Fprintf(bw, "  %s -> %s [label=%s];\n", dotQuote(g.at(l.child).cid.String()), dotQuote(g.at(l.to).cid.String()),
			dotQuote(g.strs[l.relation]+" "+FormatShare(l.share)))
	}
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// dotQuote quotes s as a DOT string; "\n" becomes a centred line break.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// graphJSON is the JSON form WriteJSON writes; the package doc
// describes it.
type graphJSON struct {
	Nodes []graphJSONNode `json:"nodes"`
	Edges []graphJSONEdge `json:"edges"`
}

type graphJSONNode struct {
	CID         string `json:"cid"`
	HasManifest bool   `json:"manifest"`
	Name        string `json:"name,omitempty"`
	Kind        Kind   `json:"kind,omitempty"`
}

type graphJSONEdge struct {
	Child    string   `json:"child"`
	Parent   string   `json:"parent"`
	Relation Relation `json:"relation"`
	Share    uint64   `json:"share"`
	Percent  string   `json:"percent"`
}

// WriteJSON writes the graph, or the nodes in sel and the edges between
// them, as JSON with nodes in topological order (parents first); the
// package doc shows the format.
func (g *Graph) WriteJSON(w io.Writer, sel []cid.Cid) error {
	nodes, links, err := g.subset(sel)
	if err != nil {
		return err
	}
	out := graphJSON{Nodes: make([]graphJSONNode, 0, len(nodes)), Edges: make([]graphJSONEdge, 0, len(links))}
	for _, i := range nodes {
		n := g.at(i)
		jn := graphJSONNode{CID: n.cid.String(), HasManifest: n.manifest, Name: n.name}
		if n.manifest {
			jn.Kind = Kind(g.strs[n.kind])
		}
		out.Nodes = append(out.Nodes, jn)
	}
	for _, l := range links {
		out.Edges = append(out.Edges, graphJSONEdge{Child: g.at(l.child).cid.String(), Parent: g.at(l.to).cid.String(),
			Relation: Relation(g.strs[l.relation]), Share: l.share, Percent: FormatShare(l.share)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
