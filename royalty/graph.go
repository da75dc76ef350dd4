package royalty

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aiprov/aiprov/provenance"
)

// ShareWhole is 100% in the share unit of every share in this package:
// parts per hundred million, as in provenance and Story Protocol.
const ShareWhole = provenance.ShareWhole

// Policy names how a payment flows up the parent edges of a graph.
type Policy string

const (
	// Absolute is Story Protocol's LAP: an ancestor receives, summed over
	// every path from the paid node, the share on the last edge into it.
	Absolute Policy = Policy(provenance.PolicyAbsolute)
	// Relative is Story Protocol's LRP: an ancestor receives the product of
	// the shares along each path, summed over paths.
	Relative Policy = Policy(provenance.PolicyRelative)
)

// Node is one artifact of a contributor graph: its identifier (for lineage
// manifests, the manifest's CID string), the edges to what it was derived
// from, and the people credited for it.
type Node struct {
	ID string
	// Parents are the derivation edges. Each edge's Share, in ShareWhole
	// units, is the part of what this node receives that flows to that
	// parent; the shares of one node's parents sum to at most ShareWhole.
	Parents []Edge
	// Contributors split what the node keeps. Their shares sum to exactly
	// ShareWhole; a node may have none only if it never keeps anything.
	Contributors []Contributor
	// Policy is the policy the node's manifest records. Graph.Split uses
	// the paid node's Policy unless SplitOptions.Policy overrides it.
	Policy Policy
}

// Edge links a node to one parent.
type Edge struct {
	Parent string // the parent node's ID
	Share  uint64 // in ShareWhole units
}

// Contributor is a payee of a node.
type Contributor struct {
	// ID is who gets paid: an Ethereum address ("0x" + 40 hex digits, any
	// case; payouts name it in its EIP-55 checksummed form) or another
	// identifier such as "ed25519:…", which payout tables carry through but
	// Merkle trees and 0xSplits exports refuse.
	ID    string
	Share uint64 // in ShareWhole units
	Role  string // optional: weights, data, compute, …
}

// Limits bound what a graph may hold, so that untrusted input cannot
// exhaust memory. A zero field takes its default.
type Limits struct {
	MaxNodes        int // default 10,000,000
	MaxEdges        int // default 100,000,000
	MaxParents      int // per node; default 100,000
	MaxContributors int // per node; default 100,000
	MaxIDLength     int // bytes per node or contributor ID; default 1024
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxNodes, 10_000_000)
	def(&l.MaxEdges, 100_000_000)
	def(&l.MaxParents, 100_000)
	def(&l.MaxContributors, 100_000)
	def(&l.MaxIDLength, 1024)
	// Indexes are int32.
	l.MaxNodes = min(l.MaxNodes, 1<<31-1)
	l.MaxEdges = min(l.MaxEdges, 1<<31-1)
	return l
}

// Graph is a validated, immutable contributor graph: a DAG of nodes with
// parent edges and contributors. It is safe for concurrent use.
type Graph struct {
	ids    []string
	index  map[string]int32
	policy []Policy

	// Parent edges in compressed rows: node i's parents are
	// parentIdx[parentStart[i]:parentStart[i+1]].
	parentStart []int32
	parentIdx   []int32
	parentShare []uint32
	stack       []uint32 // sum of node i's parent shares

	contribStart     []int32
	contribRecipient []int32 // index into recipients
	contribShare     []uint32
	contribRole      []string

	recipByKey map[string]int32
	recipients []string // canonical IDs
	recipKeys  []string // sort keys (lower-case addresses); only while building
	recipOrder []int32  // recipient indexes in key order
	recipRank  []int32  // inverse of recipOrder

	// topo lists every node, children before parents; pos is its inverse.
	topo []int32
	pos  []int32
}

// NewGraph validates nodes and builds a Graph. It reports, as a *GraphError
// naming the node and field, a duplicate or empty ID, a parent that is not
// among nodes (ErrMissingParent), a node whose parent shares exceed 100%
// (ErrStackOverflow), contributors that repeat (ErrDuplicateRecipient) or
// do not sum to 100%, a cycle (*CycleError, naming it), and anything past
// limits (ErrLimit). The order of nodes, edges and contributors does not
// affect any result computed from the graph.
func NewGraph(nodes []Node, limits Limits) (*Graph, error) {
	lim := limits.withDefaults()
	if len(nodes) > lim.MaxNodes {
		return nil, fmt.Errorf("%w: %d nodes, at most %d allowed", ErrLimit, len(nodes), lim.MaxNodes)
	}
	g := &Graph{
		ids:         make([]string, len(nodes)),
		index:       make(map[string]int32, len(nodes)),
		policy:      make([]Policy, len(nodes)),
		parentStart: make([]int32, len(nodes)+1),
		stack:       make([]uint32, len(nodes)),
	}
	edges, contribs := 0, 0
	for i := range nodes {
		n := &nodes[i]
		if n.ID == "" {
			return nil, &GraphError{Node: fmt.Sprintf("#%d", i), Field: "id", Err: fmt.Errorf("%w: empty node ID", ErrInvalid)}
		}
		if len(n.ID) > lim.MaxIDLength {
			return nil, &GraphError{Node: fmt.Sprintf("#%d", i), Field: "id", Err: fmt.Errorf("%w: ID is %d bytes, at most %d allowed", ErrLimit, len(n.ID), lim.MaxIDLength)}
		}
		if _, dup := g.index[n.ID]; dup {
			return nil, &GraphError{Node: n.ID, Field: "id", Err: fmt.Errorf("%w: node appears twice", ErrInvalid)}
		}
		switch n.Policy {
		case "", Absolute, Relative:
		default:
			return nil, &GraphError{Node: n.ID, Field: "policy", Err: fmt.Errorf("%w: unknown policy %q, want %q or %q", ErrInvalid, n.Policy, Absolute, Relative)}
		}
		if len(n.Parents) > lim.MaxParents {
			return nil, &GraphError{Node: n.ID, Field: "parents", Err: fmt.Errorf("%w: %d parents, at most %d allowed", ErrLimit, len(n.Parents), lim.MaxParents)}
		}
		if len(n.Contributors) > lim.MaxContributors {
			return nil, &GraphError{Node: n.ID, Field: "contributors", Err: fmt.Errorf("%w: %d contributors, at most %d allowed", ErrLimit, len(n.Contributors), lim.MaxContributors)}
		}
		g.ids[i] = n.ID
		g.index[n.ID] = int32(i)
		g.policy[i] = n.Policy
		edges += len(n.Parents)
		contribs += len(n.Contributors)
		if edges > lim.MaxEdges {
			return nil, fmt.Errorf("%w: more than %d edges", ErrLimit, lim.MaxEdges)
		}
		if contribs > 1<<31-1 {
			return nil, fmt.Errorf("%w: more than %d contributors in all", ErrLimit, 1<<31-1)
		}
	}

	g.parentIdx = make([]int32, 0, edges)
	g.parentShare = make([]uint32, 0, edges)
	g.contribStart = make([]int32, len(nodes)+1)
	g.contribRecipient = make([]int32, 0, contribs)
	g.contribShare = make([]uint32, 0, contribs)
	g.contribRole = make([]string, 0, contribs)
	recipIndex := make(map[string]int32)
	for i := range nodes {
		n := &nodes[i]
		var stack uint64
		for j, e := range n.Parents {
			p, ok := g.index[e.Parent]
			if !ok {
				return nil, &GraphError{Node: n.ID, Field: fmt.Sprintf("parents[%d]", j), Err: fmt.Errorf("%w: %q is not in the graph", ErrMissingParent, e.Parent)}
			}
			if e.Share > ShareWhole {
				return nil, &GraphError{Node: n.ID, Field: fmt.Sprintf("parents[%d].share", j), Err: fmt.Errorf("%w: share %d is over 100%% (%d)", ErrStackOverflow, e.Share, ShareWhole)}
			}
			stack += e.Share
			g.parentIdx = append(g.parentIdx, p)
			g.parentShare = append(g.parentShare, uint32(e.Share))
		}
		if stack > ShareWhole {
			return nil, &GraphError{Node: n.ID, Field: "parents", Err: fmt.Errorf("%w: parent shares sum to %s, over 100%%", ErrStackOverflow, formatShare(stack))}
		}
		g.stack[i] = uint32(stack)
		start := g.parentStart[i]
		g.parentStart[i+1] = int32(len(g.parentIdx))
		if dup := firstDuplicate(g.parentIdx[start:]); dup >= 0 {
			return nil, &GraphError{Node: n.ID, Field: "parents", Err: fmt.Errorf("%w: parent %q appears twice", ErrInvalid, g.ids[dup])}
		}

		var total uint64
		cstart := len(g.contribRecipient)
		for j, c := range n.Contributors {
			field := fmt.Sprintf("contributors[%d]", j)
			if len(c.ID) > lim.MaxIDLength {
				return nil, &GraphError{Node: n.ID, Field: field + ".id", Err: fmt.Errorf("%w: ID is %d bytes, at most %d allowed", ErrLimit, len(c.ID), lim.MaxIDLength)}
			}
			key, err := recipientSortKey(c.ID)
			if err != nil {
				return nil, &GraphError{Node: n.ID, Field: field + ".id", Err: err}
			}
			if c.Share > ShareWhole {
				return nil, &GraphError{Node: n.ID, Field: field + ".share", Err: fmt.Errorf("%w: share %d is over 100%% (%d)", ErrInvalid, c.Share, ShareWhole)}
			}
			total += c.Share
			r, ok := recipIndex[key]
			if !ok {
				r = int32(len(g.recipKeys))
				recipIndex[key] = r
				g.recipKeys = append(g.recipKeys, key)
			}
			g.contribRecipient = append(g.contribRecipient, r)
			g.contribShare = append(g.contribShare, uint32(c.Share))
			g.contribRole = append(g.contribRole, c.Role)
		}
		if dup := firstDuplicate(g.contribRecipient[cstart:]); dup >= 0 {
			return nil, &GraphError{Node: n.ID, Field: "contributors", Err: fmt.Errorf("%w: %s appears twice", ErrDuplicateRecipient, displayRecipient(g.recipKeys[dup]))}
		}
		if len(n.Contributors) > 0 && total != ShareWhole {
			return nil, &GraphError{Node: n.ID, Field: "contributors", Err: fmt.Errorf("%w: contributor shares sum to %s, want exactly 100%% (%d)", ErrInvalid, formatShare(total), ShareWhole)}
		}
		g.contribStart[i+1] = int32(len(g.contribRecipient))
	}
	if err := g.sortTopologically(); err != nil {
		return nil, err
	}
	// EIP-55 checksums cost a Keccak-256 each: once per distinct recipient,
	// in parallel.
	g.recipients = make([]string, len(g.recipKeys))
	parallel(len(g.recipKeys), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			g.recipients[i] = displayRecipient(g.recipKeys[i])
		}
	})
	g.recipOrder = make([]int32, len(g.recipients))
	for i := range g.recipOrder {
		g.recipOrder[i] = int32(i)
	}
	slices.SortFunc(g.recipOrder, func(a, b int32) int { return strings.Compare(g.recipKeys[a], g.recipKeys[b]) })
	g.recipRank = make([]int32, len(g.recipients))
	for k, r := range g.recipOrder {
		g.recipRank[r] = int32(k)
	}
	g.recipKeys = nil
	g.recipByKey = recipIndex
	return g, nil
}

// firstDuplicate returns a value that occurs twice in s, or -1. s is short
// (one node's edges), so a sorted copy is cheap.
func firstDuplicate(s []int32) int32 {
	switch len(s) {
	case 0, 1:
		return -1
	case 2:
		if s[0] == s[1] {
			return s[0]
		}
		return -1
	}
	c := slices.Clone(s)
	slices.Sort(c)
	for i := 1; i < len(c); i++ {
		if c[i] == c[i-1] {
			return c[i]
		}
	}
	return -1
}

// sortTopologically orders nodes children first (Kahn's algorithm), or
// reports a cycle.
func (g *Graph) sortTopologically() error {
	n := len(g.ids)
	children := make([]int32, n) // number of child edges into each node
	for _, p := range g.parentIdx {
		children[p]++
	}
	g.topo = make([]int32, 0, n)
	for i := range n {
		if children[i] == 0 {
			g.topo = append(g.topo, int32(i))
		}
	}
	for k := 0; k < len(g.topo); k++ {
		v := g.topo[k]
		for _, p := range g.parentIdx[g.parentStart[v]:g.parentStart[v+1]] {
			children[p]--
			if children[p] == 0 {
				g.topo = append(g.topo, p)
			}
		}
	}
	if len(g.topo) < n {
		return g.findCycle(children)
	}
	g.pos = make([]int32, n)
	for k, v := range g.topo {
		g.pos[v] = int32(k)
	}
	return nil
}

// findCycle names one cycle among the nodes Kahn's algorithm could not
// order (those with children[i] > 0). Every such node has a child that is
// also unordered, so walking from child to child must revisit a node. The
// cycle is reported in parent direction: each node derives from the next.
func (g *Graph) findCycle(children []int32) error {
	someChild := make([]int32, len(children))
	start := int32(-1)
	for u := range children {
		if children[u] == 0 {
			continue
		}
		start = int32(u)
		for _, p := range g.parentIdx[g.parentStart[u]:g.parentStart[u+1]] {
			if children[p] > 0 {
				someChild[p] = int32(u)
			}
		}
	}
	seen := map[int32]int{}
	var path []int32
	for v := start; ; v = someChild[v] {
		if at, ok := seen[v]; ok {
			cycle := make([]string, 0, len(path)-at+1)
			cycle = append(cycle, g.ids[v])
			for k := len(path) - 1; k >= at; k-- {
				cycle = append(cycle, g.ids[path[k]])
			}
			return &CycleError{Nodes: cycle}
		}
		seen[v] = len(path)
		path = append(path, v)
	}
}

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.ids) }

// Has reports whether the graph has a node with this ID.
func (g *Graph) Has(id string) bool { _, ok := g.index[id]; return ok }

func formatShare(s uint64) string {
	whole, frac := s/(ShareWhole/100), s%(ShareWhole/100)
	if frac == 0 {
		return fmt.Sprintf("%d%%", whole)
	}
	return strings.TrimRight(fmt.Sprintf("%d.%06d", whole, frac), "0") + "%"
}
