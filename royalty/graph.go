package royalty

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/crypto/sha3"

	"github.com/aiprov/aiprov/provenance"
)

// shareWhole is 100% in the share unit of every share in this package,
// provenance.ShareWhole: parts per hundred million, Story Protocol's unit.
const shareWhole = provenance.ShareWhole

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
	// Parents are the derivation edges. Each edge's Share, in provenance.ShareWhole
	// units, is the part of what this node receives that flows to that
	// parent; the shares of one node's parents sum to at most provenance.ShareWhole.
	Parents []Edge
	// Contributors split what the node keeps. Their shares sum to exactly
	// provenance.ShareWhole; a node may have none only if it never keeps anything.
	Contributors []Contributor
	// Policy is the policy the node's manifest records. Graph.Split uses
	// the paid node's Policy unless SplitOptions.Policy overrides it.
	Policy Policy
}

// Edge links a node to one parent.
type Edge struct {
	Parent string // the parent node's ID
	Share  uint64 // in provenance.ShareWhole units
}

// Contributor is a payee of a node.
type Contributor struct {
	// ID is who gets paid: an Ethereum address ("0x" + 40 hex digits, any
	// case; payouts name it in its EIP-55 checksummed form) or another
	// identifier such as "ed25519:…", which payout tables carry through but
	// Merkle trees and 0xSplits exports refuse.
	ID    string
	Share uint64 // in provenance.ShareWhole units
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

	// Recipients are numbered in payout order (recipient.Compare).
	recipIDs   []recipient
	recipients []string // canonical IDs

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
		// One map operation per node: a repeated ID leaves the map's size
		// unchanged.
		g.index[n.ID] = int32(i)
		if len(g.index) != i+1 {
			return nil, &GraphError{Node: n.ID, Field: "id", Err: fmt.Errorf("%w: node appears twice", ErrInvalid)}
		}
		g.policy[i] = n.Policy
		edges += len(n.Parents)
		g.parentStart[i+1] = int32(edges)
		contribs += len(n.Contributors)
		if edges > lim.MaxEdges {
			return nil, fmt.Errorf("%w: more than %d edges", ErrLimit, lim.MaxEdges)
		}
		if contribs > 1<<31-1 {
			return nil, fmt.Errorf("%w: more than %d contributors in all", ErrLimit, 1<<31-1)
		}
	}

	if err := g.resolveParents(nodes); err != nil {
		return nil, err
	}

	if err := g.indexContributors(nodes, contribs, lim); err != nil {
		return nil, err
	}
	if err := g.sortTopologically(); err != nil {
		return nil, err
	}
	g.orderRecipients()
	return g, nil
}

// indexContributors validates contributors, fills the contributor rows
// and numbers the recipients. Rather than look each contributor up in a
// map (a cache miss each, with millions), it sorts them by recipient and
// numbers the distinct ones in that order, which is also the payout order.
// Errors are those of a node-by-node pass: the first node with a problem
// decides, and within a node a bad ID or share comes before a repeated
// recipient, which comes before a wrong sum.
func (g *Graph) indexContributors(nodes []Node, contribs int, lim Limits) error {
	g.contribStart = make([]int32, len(nodes)+1)
	g.contribShare = make([]uint32, 0, contribs)
	g.contribRole = make([]string, 0, contribs)
	// Addresses as integers, so that sorting compares without calls.
	type addrKey struct {
		hi, mid uint64
		lo      uint32
		c       int32 // contributor row
	}
	addrs := make([]addrKey, 0, contribs)
	type otherKey struct {
		id string
		c  int32
	}
	var others []otherKey
	h := sha3.NewLegacyKeccak256()
	failAt, failErr, sumFail := len(nodes), error(nil), false
scan:
	for i := range nodes {
		n := &nodes[i]
		var total uint64
		for j, c := range n.Contributors {
			if len(c.ID) > lim.MaxIDLength {
				failAt, failErr = i, &GraphError{Node: n.ID, Field: contributorField(j, "id"), Err: fmt.Errorf("%w: ID is %d bytes, at most %d allowed", ErrLimit, len(c.ID), lim.MaxIDLength)}
				break scan
			}
			id, err := parseRecipient(c.ID, h)
			if err != nil {
				failAt, failErr = i, &GraphError{Node: n.ID, Field: contributorField(j, "id"), Err: err}
				break scan
			}
			if c.Share > shareWhole {
				failAt, failErr = i, &GraphError{Node: n.ID, Field: contributorField(j, "share"), Err: fmt.Errorf("%w: share %d is over 100%% (%d)", ErrInvalid, c.Share, shareWhole)}
				break scan
			}
			total += c.Share
			row := int32(len(g.contribShare))
			if id.other != "" {
				others = append(others, otherKey{id.other, row})
			} else {
				a := &id.addr
				addrs = append(addrs, addrKey{binary.BigEndian.Uint64(a[:8]), binary.BigEndian.Uint64(a[8:16]), binary.BigEndian.Uint32(a[16:]), row})
			}
			g.contribShare = append(g.contribShare, uint32(c.Share))
			g.contribRole = append(g.contribRole, c.Role)
		}
		g.contribStart[i+1] = int32(len(g.contribShare))
		if len(n.Contributors) > 0 && total != shareWhole {
			failAt, failErr, sumFail = i, &GraphError{Node: n.ID, Field: "contributors", Err: fmt.Errorf("%w: contributor shares sum to %s, want exactly 100%% (%d)", ErrInvalid, formatShare(total), shareWhole)}, true
			break
		}
	}

	slices.SortFunc(addrs, func(a, b addrKey) int {
		if a.hi != b.hi {
			return cmp.Compare(a.hi, b.hi)
		}
		if a.mid != b.mid {
			return cmp.Compare(a.mid, b.mid)
		}
		return cmp.Compare(a.lo, b.lo)
	})
	slices.SortFunc(others, func(a, b otherKey) int { return strings.Compare(a.id, b.id) })
	// Payout order: other IDs below "0x", addresses, other IDs above.
	below, _ := slices.BinarySearchFunc(others, "0x", func(o otherKey, t string) int { return strings.Compare(o.id, t) })
	g.contribRecipient = make([]int32, len(g.contribShare))
	number := func(id recipient, c int32, same bool) {
		if !same {
			g.recipIDs = append(g.recipIDs, id)
		}
		g.contribRecipient[c] = int32(len(g.recipIDs) - 1)
	}
	for k, o := range others[:below] {
		number(recipient{other: o.id}, o.c, k > 0 && o.id == others[k-1].id)
	}
	for k, a := range addrs {
		var id recipient
		binary.BigEndian.PutUint64(id.addr[:8], a.hi)
		binary.BigEndian.PutUint64(id.addr[8:16], a.mid)
		binary.BigEndian.PutUint32(id.addr[16:], a.lo)
		same := k > 0 && a.hi == addrs[k-1].hi && a.mid == addrs[k-1].mid && a.lo == addrs[k-1].lo
		number(id, a.c, same)
	}
	for k, o := range others[below:] {
		number(recipient{other: o.id}, o.c, k > 0 && o.id == others[below+k-1].id)
	}

	// Repeated recipients, in the nodes before the first other problem
	// (and in that node, if the problem is its sum).
	last := failAt
	if sumFail {
		last++
	}
	for i := range min(last, len(nodes)) {
		lo, hi := g.contribStart[i], g.contribStart[i+1]
		if dup := firstDuplicate(g.contribRecipient[lo:hi]); dup >= 0 {
			return &GraphError{Node: nodes[i].ID, Field: "contributors", Err: fmt.Errorf("%w: %s appears twice", ErrDuplicateRecipient, g.recipIDs[dup])}
		}
	}
	return failErr
}

// orderRecipients computes the recipients' canonical IDs.
func (g *Graph) orderRecipients() {
	// EIP-55 checksums cost a Keccak-256 each: once per distinct recipient,
	// in parallel.
	g.recipients = make([]string, len(g.recipIDs))
	parallel(len(g.recipIDs), func(lo, hi int) {
		h := sha3.NewLegacyKeccak256()
		var buf []byte
		for i := lo; i < hi; i++ {
			buf = g.recipIDs[i].appendString(buf[:0], h)
			g.recipients[i] = string(buf)
		}
	})
}

// recipientIndex returns the number of a recipient of the graph.
func (g *Graph) recipientIndex(id recipient) (int32, bool) {
	r, ok := slices.BinarySearchFunc(g.recipIDs, id, recipient.Compare)
	return int32(r), ok
}

func contributorField(j int, name string) string {
	return "contributors[" + strconv.Itoa(j) + "]." + name
}

// resolveParents fills the parent rows (parentStart is already set),
// looking parent IDs up in parallel: with millions of edges the map lookups
// dominate building a graph. It reports the error of the lowest-numbered
// node, as a sequential pass would.
func (g *Graph) resolveParents(nodes []Node) error {
	edges := g.parentStart[len(nodes)]
	g.parentIdx = make([]int32, edges)
	g.parentShare = make([]uint32, edges)
	return parallelFirstError(len(nodes), func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			if err := g.resolveNode(int32(i), &nodes[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func (g *Graph) resolveNode(i int32, n *Node) error {
	start := g.parentStart[i]
	var stack uint64
	for j, e := range n.Parents {
		p, ok := g.index[e.Parent]
		if !ok {
			return &GraphError{Node: n.ID, Field: fmt.Sprintf("parents[%d]", j), Err: fmt.Errorf("%w: %q is not in the graph", ErrMissingParent, e.Parent)}
		}
		if e.Share > shareWhole {
			return &GraphError{Node: n.ID, Field: fmt.Sprintf("parents[%d].share", j), Err: fmt.Errorf("%w: share %d is over 100%% (%d)", ErrStackOverflow, e.Share, shareWhole)}
		}
		stack += e.Share
		g.parentIdx[start+int32(j)] = p
		g.parentShare[start+int32(j)] = uint32(e.Share)
	}
	if stack > shareWhole {
		return &GraphError{Node: n.ID, Field: "parents", Err: fmt.Errorf("%w: parent shares sum to %s, over 100%%", ErrStackOverflow, formatShare(stack))}
	}
	g.stack[i] = uint32(stack)
	if dup := firstDuplicate(g.parentIdx[start:g.parentStart[i+1]]); dup >= 0 {
		return &GraphError{Node: n.ID, Field: "parents", Err: fmt.Errorf("%w: parent %q appears twice", ErrInvalid, g.ids[dup])}
	}
	return nil
}

// firstDuplicate returns a value that occurs twice in s, or -1. s is one
// node's edges or contributors: usually a handful, compared pairwise
// without allocating; longer lists are sorted.
func firstDuplicate(s []int32) int32 {
	if len(s) <= 16 {
		for i := 1; i < len(s); i++ {
			for _, v := range s[:i] {
				if v == s[i] {
					return v
				}
			}
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
	whole, frac := s/(shareWhole/100), s%(shareWhole/100)
	if frac == 0 {
		return fmt.Sprintf("%d%%", whole)
	}
	return strings.TrimRight(fmt.Sprintf("%d.%06d", whole, frac), "0") + "%"
}
