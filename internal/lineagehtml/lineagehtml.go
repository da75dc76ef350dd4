// Package lineagehtml writes a lineage graph, and optionally how a royalty
// payment flows through it, as one self-contained HTML page.
//
// The page draws the DAG in the browser: the layout is computed by dagre
// (@dagrejs/dagre from npm, MIT), a maintained layered-graph layout library,
// which is embedded in the binary the way pprof embeds d3, so the page needs
// no network and no other file. The graph travels as JSON inside the page
// and is rendered into SVG with textContent only, so names from untrusted
// manifests cannot inject markup.
//
// To refresh the embedded copy after bumping @dagrejs/dagre in
// .ci/node/package.json, run update-dagre.sh beside this file;
// TestEmbeddedDagreIsNPMs fails while the copy differs from the npm package.
package lineagehtml

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
)

//go:embed dagre.min.js
var dagreJS string

//go:embed page.js
var pageJS string

//go:embed page.css
var pageCSS string

// DagreVersion is the @dagrejs/dagre release embedded in the page.
const DagreVersion = "3.1.4"

// Page is what the page shows. Amounts and shares are decimal strings, as
// the CLI prints them, so that the page never rounds a number.
type Page struct {
	Title string `json:"title"`
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Payment, when set, colours the graph by the money reaching each node
	// and lists what each recipient gets.
	Payment *Payment `json:"payment,omitempty"`
}

// Node is one artifact.
type Node struct {
	ID           string        `json:"id"` // the manifest CID, or the graph's node id
	Name         string        `json:"name,omitempty"`
	Kind         string        `json:"kind,omitempty"`
	Missing      bool          `json:"missing,omitempty"` // a parent whose manifest is not at hand
	Contributors []Contributor `json:"contributors,omitempty"`
}

// Contributor is a contributor of a node and its share of what the node
// keeps, as a percentage string ("70%").
type Contributor struct {
	ID    string `json:"id"`
	Role  string `json:"role,omitempty"`
	Share string `json:"share"`
}

// Edge links a child (the derivative) to a parent, with the relation and
// the share of the child's royalty that the edge passes on.
type Edge struct {
	Child    string `json:"child"`
	Parent   string `json:"parent"`
	Relation string `json:"relation"`
	Share    string `json:"share"`
}

// Payment is a royalty split over the graph.
type Payment struct {
	Artifact string `json:"artifact"` // the paid node's ID
	Amount   string `json:"amount"`
	Policy   string `json:"policy"`
	// Received is the amount (in the payment's units, exact or rounded as
	// the caller chooses to show it) reaching each node the payment reached.
	Received   map[string]string `json:"received,omitempty"`
	Recipients []Recipient       `json:"recipients"`
}

// Recipient is one line of the payout table.
type Recipient struct {
	Recipient string `json:"recipient"`
	Amount    string `json:"amount"`
}

// Limits keep a page usable: dagre lays out a few thousand nodes in a
// browser in seconds, not a million.
const (
	MaxNodes = 5000
	MaxEdges = 20000
)

// ErrTooLarge is returned for a graph over MaxNodes or MaxEdges.
var ErrTooLarge = errors.New("lineagehtml: graph too large to draw")

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="aiprov">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<header><h1>{{.Title}}</h1><p id="summary"></p></header>
<main>
<section id="graph-section"><svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="lineage graph"></svg></section>
<aside id="side">
<div id="payment"></div>
<div id="details"><p class="hint">Click an artifact to see its contributors.</p></div>
</aside>
</main>
<p id="error" hidden></p>
<footer>Drawn by aiprov with dagre {{.DagreVersion}} (MIT License, Copyright (c) 2012-2014 Chris Pettitt).</footer>
<script type="application/json" id="lineage-data">{{.Data}}</script>
<script>{{.Dagre}}</script>
<script>{{.JS}}</script>
</body>
</html>
`))

// Write writes the page for p to w.
func Write(w io.Writer, p *Page) error {
	if len(p.Nodes) > MaxNodes || len(p.Edges) > MaxEdges {
		return fmt.Errorf("%w: %d nodes and %d edges (at most %d and %d); use --format dot with Graphviz",
			ErrTooLarge, len(p.Nodes), len(p.Edges), MaxNodes, MaxEdges)
	}
	ids := make(map[string]bool, len(p.Nodes))
	for i, n := range p.Nodes {
		if n.ID == "" {
			return fmt.Errorf("lineagehtml: nodes[%d]: empty id", i)
		}
		if ids[n.ID] {
			return fmt.Errorf("lineagehtml: nodes[%d]: duplicate id %q", i, n.ID)
		}
		ids[n.ID] = true
	}
	for i, e := range p.Edges {
		if !ids[e.Child] || !ids[e.Parent] {
			return fmt.Errorf("lineagehtml: edges[%d]: %q -> %q names a node the page does not have", i, e.Child, e.Parent)
		}
	}
	if p.Payment != nil && !ids[p.Payment.Artifact] {
		return fmt.Errorf("lineagehtml: payment.artifact %q is not a node of the page", p.Payment.Artifact)
	}
	// encoding/json escapes <, > and & as \u003c…, so the data cannot close
	// its script element.
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	title := p.Title
	if title == "" {
		title = "aiprov lineage"
	}
	return pageTemplate.Execute(w, struct {
		Title, DagreVersion string
		CSS                 template.CSS
		Data, Dagre, JS     template.JS
	}{title, DagreVersion, template.CSS(pageCSS), template.JS(data), template.JS(dagreJS), template.JS(pageJS)})
}
