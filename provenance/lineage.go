package provenance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/ipfs/go-cid"
)

// GraphOptions bound a lineage graph built from untrusted manifests. Zero
// fields take the defaults below.
type GraphOptions struct {
	// MaxNodes bounds manifests plus the parents they name (default
	// 10,000,000).
	MaxNodes int
	// MaxDepth bounds how many generations Ancestors and Descendants walk
	// (default 100,000).
	MaxDepth int
}

const (
	defaultMaxNodes = 10_000_000
	defaultMaxDepth = 100_000
)

var (
	// ErrNotInGraph is returned for a CID the graph has never seen.
	ErrNotInGraph = errors.New("not in the lineage graph")
	// ErrGraphLimit is wrapped when a graph or a walk exceeds GraphOptions.
	ErrGraphLimit = errors.New("lineage graph limit exceeded")
)

// CycleError names manifests whose parent links form a cycle. Manifests
// linked by honest CIDs cannot form one; a cycle means a source lied about
// a CID.
type CycleError struct {
	CIDs []cid.Cid // each is a parent of the next; the last is a parent of the first
}

func (e *CycleError) Error() string {
	s := make([]string, len(e.CIDs))
	for i, c := range e.CIDs {
		s[i] = c.String()
	}
	return "lineage cycle: " + strings.Join(s, " -> ") + " -> " + s[0]
}

// DanglingError names a parent manifest (a dag-cbor CID) that a manifest
// links to but the graph does not hold. Parents named by content CIDs
// (raw, dag-pb) are artifacts without manifests, not dangling.
type DanglingError struct {
	Child, Parent cid.Cid
}

func (e *DanglingError) Error() string {
	return fmt.Sprintf("manifest %s names parent manifest %s, which is missing", e.Child, e.Parent)
}

// Graph is a lineage DAG: manifests as nodes, parent links as edges, indexed
// by CID. Nodes are also made for parents the graph has no manifest for. A
// Graph is not safe for concurrent modification.
type Graph struct {
	opts  GraphOptions
	index map[cid.Cid]int32
	nodes []gnode
	edges int
	// Relations are interned so that edges hold no pointers for the
	// garbage collector to chase in graphs of millions of nodes.
	relations []Relation
	relIndex  map[Relation]uint16
}

type gnode struct {
	cid      cid.Cid
	name     string
	kind     Kind
	manifest bool // false: known only as someone's parent
	parents  []gedge
	children []int32
}

type gedge struct {
	to       int32
	relation uint16 // index into Graph.relations
	share    uint64
}

// GraphNode describes one node of a Graph.
type GraphNode struct {
	CID         cid.Cid
	HasManifest bool   // false for a parent the graph only knows by its CID
	Name        string // the manifest's subject name
	Kind        Kind
	Parents     []Parent // CID, Relation and Share of each parent link (Name is the parent's subject name if known)
	Children    []cid.Cid
}

// NewGraph returns an empty graph. A nil opts means the defaults.
func NewGraph(opts *GraphOptions) *Graph {
	g := &Graph{index: map[cid.Cid]int32{}, relIndex: map[Relation]uint16{}}
	if opts != nil {
		g.opts = *opts
	}
	if g.opts.MaxNodes <= 0 {
		g.opts.MaxNodes = defaultMaxNodes
	}
	if g.opts.MaxDepth <= 0 {
		g.opts.MaxDepth = defaultMaxDepth
	}
	return g
}

// Len returns the number of nodes, including parents without manifests.
func (g *Graph) Len() int { return len(g.nodes) }

func (g *Graph) node(c cid.Cid) (int32, error) {
	if i, ok := g.index[c]; ok {
		return i, nil
	}
	if len(g.nodes) >= g.opts.MaxNodes {
		return 0, fmt.Errorf("%w: more than %d nodes", ErrGraphLimit, g.opts.MaxNodes)
	}
	i := int32(len(g.nodes))
	g.nodes = append(g.nodes, gnode{cid: c})
	g.index[c] = i
	return i, nil
}

// Add adds the manifest m whose CID is c. The caller vouches that c is m's
// CID (AddManifest computes it). Adding a CID again is a no-op.
func (g *Graph) Add(c cid.Cid, m *Manifest) error {
	if !c.Defined() {
		return errors.New("lineage: undefined CID")
	}
	i, err := g.node(c)
	if err != nil {
		return err
	}
	n := &g.nodes[i]
	if n.manifest {
		return nil
	}
	if len(m.Parents) > MaxParents {
		return fmt.Errorf("lineage: manifest %s: %d parents, more than %d", c, len(m.Parents), MaxParents)
	}
	n.manifest, n.name, n.kind = true, m.Subject.Name, m.Subject.Kind
	edges := make([]gedge, 0, len(m.Parents))
	for _, p := range m.Parents {
		j, err := g.node(p.CID)
		if err != nil {
			return err
		}
		rel, err := g.relation(p.Relation)
		if err != nil {
			return err
		}
		edges = append(edges, gedge{to: j, relation: rel, share: p.Share})
		g.nodes[j].children = append(g.nodes[j].children, i)
	}
	g.nodes[i].parents = edges
	g.edges += len(edges)
	return nil
}

func (g *Graph) relation(r Relation) (uint16, error) {
	if i, ok := g.relIndex[r]; ok {
		return i, nil
	}
	if len(g.relations) > math.MaxUint16 {
		return 0, fmt.Errorf("%w: more than %d distinct relations", ErrGraphLimit, math.MaxUint16+1)
	}
	i := uint16(len(g.relations))
	g.relations = append(g.relations, r)
	g.relIndex[r] = i
	return i, nil
}

// AddManifest computes m's CID, adds m and returns the CID.
func (g *Graph) AddManifest(m *Manifest) (cid.Cid, error) {
	c, err := m.CID()
	if err != nil {
		return cid.Undef, err
	}
	return c, g.Add(c, m)
}

// Node returns what the graph knows about c.
func (g *Graph) Node(c cid.Cid) (GraphNode, bool) {
	i, ok := g.index[c]
	if !ok {
		return GraphNode{}, false
	}
	n := &g.nodes[i]
	out := GraphNode{CID: n.cid, HasManifest: n.manifest, Name: n.name, Kind: n.kind}
	for _, e := range n.parents {
		out.Parents = append(out.Parents, Parent{CID: g.nodes[e.to].cid, Relation: g.relations[e.relation], Share: e.share, Name: g.nodes[e.to].name})
	}
	for _, ch := range n.children {
		out.Children = append(out.Children, g.nodes[ch].cid)
	}
	return out, true
}

// Ancestors returns everything c derives from, nearest generation first,
// each once.
func (g *Graph) Ancestors(c cid.Cid) ([]cid.Cid, error) {
	return g.walk(c, func(n *gnode, visit func(int32)) {
		for _, e := range n.parents {
			visit(e.to)
		}
	})
}

// Descendants returns everything derived from c, nearest generation first,
// each once.
func (g *Graph) Descendants(c cid.Cid) ([]cid.Cid, error) {
	return g.walk(c, func(n *gnode, visit func(int32)) {
		for _, ch := range n.children {
			visit(ch)
		}
	})
}

// walk is a breadth-first search from c over next, bounded by MaxDepth.
func (g *Graph) walk(c cid.Cid, next func(*gnode, func(int32))) ([]cid.Cid, error) {
	start, ok := g.index[c]
	if !ok {
		return nil, fmt.Errorf("%s: %w", c, ErrNotInGraph)
	}
	seen := make([]bool, len(g.nodes))
	seen[start] = true
	frontier := []int32{start}
	var out []cid.Cid
	for depth := 0; len(frontier) > 0; depth++ {
		if depth > g.opts.MaxDepth {
			return nil, fmt.Errorf("%w: lineage of %s deeper than %d generations", ErrGraphLimit, c, g.opts.MaxDepth)
		}
		var nextFrontier []int32
		for _, i := range frontier {
			next(&g.nodes[i], func(j int32) {
				if !seen[j] {
					seen[j] = true
					nextFrontier = append(nextFrontier, j)
					out = append(out, g.nodes[j].cid)
				}
			})
		}
		frontier = nextFrontier
	}
	return out, nil
}

// TopoOrder returns every node with parents before children; among nodes
// whose order is free, in the order they were added. It fails with a
// *CycleError if parent links form a cycle.
func (g *Graph) TopoOrder() ([]cid.Cid, error) {
	order, cyc := g.topo()
	if cyc != nil {
		return nil, cyc
	}
	out := make([]cid.Cid, len(order))
	for k, i := range order {
		out[k] = g.nodes[i].cid
	}
	return out, nil
}

// topo is Kahn's algorithm over parent→child edges.
func (g *Graph) topo() ([]int32, *CycleError) {
	pending := make([]int32, len(g.nodes)) // parents not yet placed
	queue := make([]int32, 0, len(g.nodes))
	for i := range g.nodes {
		pending[i] = int32(len(g.nodes[i].parents))
		if pending[i] == 0 {
			queue = append(queue, int32(i))
		}
	}
	for k := 0; k < len(queue); k++ {
		for _, ch := range g.nodes[queue[k]].children {
			if pending[ch]--; pending[ch] == 0 {
				queue = append(queue, ch)
			}
		}
	}
	if len(queue) == len(g.nodes) {
		return queue, nil
	}
	return nil, g.findCycle(pending)
}

// findCycle follows parent links among unplaced nodes (each has an unplaced
// parent) until one repeats.
func (g *Graph) findCycle(pending []int32) *CycleError {
	start := int32(-1)
	for i, p := range pending {
		if p > 0 {
			start = int32(i)
			break
		}
	}
	pos := map[int32]int{}
	var path []int32
	for i := start; ; {
		if k, ok := pos[i]; ok {
			cyc := path[k:]
			slices.Reverse(cyc) // parent first
			e := &CycleError{}
			for _, j := range cyc {
				e.CIDs = append(e.CIDs, g.nodes[j].cid)
			}
			return e
		}
		pos[i] = len(path)
		path = append(path, i)
		for _, e := range g.nodes[i].parents {
			if pending[e.to] > 0 {
				i = e.to
				break
			}
		}
	}
}

// Check reports what is wrong with the graph as a whole: a *CycleError if
// parent links form a cycle, and a *DanglingError for each missing parent
// manifest, joined.
func (g *Graph) Check() error {
	var errs []error
	if _, cyc := g.topo(); cyc != nil {
		errs = append(errs, cyc)
	}
	for i := range g.nodes {
		n := &g.nodes[i]
		if n.manifest {
			continue
		}
		if n.cid.Type() != cid.DagCBOR {
			continue // an artifact without a manifest
		}
		for _, ch := range n.children {
			errs = append(errs, &DanglingError{Child: g.nodes[ch].cid, Parent: n.cid})
		}
	}
	return errors.Join(errs...)
}

// ManifestSource is a store of encoded manifests that a graph can be loaded
// from; storage.Store satisfies it. Blocks whose CID codec is not dag-cbor
// are skipped, as are dag-cbor blocks that are not manifests.
type ManifestSource interface {
	GetBlock(ctx context.Context, c cid.Cid) ([]byte, error)
	List(ctx context.Context) iter.Seq2[cid.Cid, error]
}

// Load adds every manifest in src. Blocks are read and decoded on
// GOMAXPROCS goroutines and added in the order src lists them, so the
// result does not depend on scheduling. The source vouches for the CIDs
// (a storage.Store verifies every block it returns).
func (g *Graph) Load(ctx context.Context, src ManifestSource) error {
	// CIDs travel in batches so that channel operations and reordering
	// cost little per manifest.
	const batchSize = 256
	type job struct {
		seq  int
		cids []cid.Cid
	}
	type result struct {
		seq  int
		cids []cid.Cid
		ms   []*Manifest // nil entries: skipped
		err  error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, 2*workers)
	results := make(chan result, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := result{seq: j.seq, cids: j.cids, ms: make([]*Manifest, len(j.cids))}
				for i, c := range j.cids {
					data, err := src.GetBlock(ctx, c)
					if err != nil {
						r.err = fmt.Errorf("lineage: reading %s: %w", c, err)
						break
					}
					if !looksLikeManifest(data) {
						continue
					}
					if r.ms[i], err = DecodeManifest(data); err != nil {
						r.err = fmt.Errorf("lineage: manifest %s: %w", c, err)
						break
					}
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	listErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		seq := 0
		batch := make([]cid.Cid, 0, batchSize)
		send := func() bool {
			select {
			case jobs <- job{seq, batch}:
				seq++
				batch = make([]cid.Cid, 0, batchSize)
				return true
			case <-ctx.Done():
				listErr <- ctx.Err()
				return false
			}
		}
		for c, err := range src.List(ctx) {
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				listErr <- err
				return
			}
			if c.Type() != cid.DagCBOR {
				continue
			}
			if batch = append(batch, c); len(batch) == batchSize && !send() {
				return
			}
		}
		if len(batch) > 0 && !send() {
			return
		}
		listErr <- nil
	}()
	go func() { wg.Wait(); close(results) }()

	// Add in list order: hold early batches until their turn.
	waiting := map[int]result{}
	next := 0
	for r := range results {
		waiting[r.seq] = r
		for {
			r, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			for i, m := range r.ms {
				if m == nil {
					continue
				}
				if err := g.Add(r.cids[i], m); err != nil {
					return err
				}
			}
			if r.err != nil {
				return r.err
			}
		}
	}
	return <-listErr
}

// looksLikeManifest reports whether DAG-CBOR data holds the manifest schema
// string, so that other DAG-CBOR blocks in a store are skipped while broken
// manifests are still reported.
func looksLikeManifest(data []byte) bool {
	// 0x66 is the CBOR head of a 6-byte string: the key "schema".
	return bytes.Contains(data, []byte("\x66schema")) && bytes.Contains(data, []byte("aiprov/manifest/"))
}

// AddDir adds every manifest file under dir: *.json as DAG-JSON, *.cbor as
// DAG-CBOR; hidden files and directories are skipped. Errors name the file.
func (g *Graph) AddDir(ctx context.Context, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(p)
		if !d.Type().IsRegular() || (ext != ".json" && ext != ".cbor") {
			return nil
		}
		m, c, err := ReadManifestFile(p)
		if err != nil {
			return err
		}
		return g.Add(c, m)
	})
}

// ReadManifestFile reads a manifest file (DAG-JSON or DAG-CBOR, by content)
// and returns it with its CID. Errors name the file.
func ReadManifestFile(name string) (*Manifest, cid.Cid, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, cid.Undef, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxManifestJSONSize+1))
	if err != nil {
		return nil, cid.Undef, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxManifestJSONSize {
		return nil, cid.Undef, fmt.Errorf("%s: %w", name, &FieldError{Offset: -1, Err: fmt.Errorf("file larger than %d bytes", maxManifestJSONSize), kind: ErrMalformedManifest})
	}
	m, err := ReadManifest(data)
	if err != nil {
		return nil, cid.Undef, fmt.Errorf("%s: %w", name, err)
	}
	c, err := m.CID()
	if err != nil {
		return nil, cid.Undef, fmt.Errorf("%s: %w", name, err)
	}
	return m, c, nil
}
