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

	"github.com/aiprov/aiprov/internal/ipld"
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
//
// It keeps only what walking and rendering need — each node's CID, subject
// name and kind, and its parent links — in a few large arrays rather than
// an object per node, so that a graph of millions of manifests costs the
// garbage collector little.
type Graph struct {
	opts  GraphOptions
	index map[cid.Cid]int32
	nodes [][]gnode // in chunks of nodeChunk: growing never copies nodes
	n     int32     // nodes in use
	// edges holds every node's parent links, node after node, in the
	// order manifests were added (added lists those nodes).
	edges []gedge
	added []int32
	// children is the reverse of edges, built when a walk needs it and
	// dropped when a manifest is added.
	children *childIndex
	// Relations and kinds are interned so that nodes and edges hold no
	// pointers for them.
	strs     []string
	strIndex map[string]uint16
}

const (
	nodeChunkBits = 12
	nodeChunk     = 1 << nodeChunkBits
)

type gnode struct {
	cid      cid.Cid
	name     string
	first    uint32 // index of the first parent link in Graph.edges
	nparents uint16 // at most MaxParents
	kind     uint16 // index into Graph.strs
	manifest bool   // false: known only as someone's parent
}

type gedge struct {
	to       int32
	relation uint16 // index into Graph.strs
	share    uint64
}

// childIndex lists each node's children: those of node i are
// list[start[i]:start[i+1]], in the order they were added.
type childIndex struct {
	start []int32
	list  []int32
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
	g := &Graph{index: map[cid.Cid]int32{}, strIndex: map[string]uint16{}}
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
func (g *Graph) Len() int { return int(g.n) }

// at returns node i.
func (g *Graph) at(i int32) *gnode { return &g.nodes[i>>nodeChunkBits][i&(nodeChunk-1)] }

// parents returns node n's parent links.
func (g *Graph) parents(n *gnode) []gedge { return g.edges[n.first : n.first+uint32(n.nparents)] }

func (g *Graph) node(c cid.Cid) (int32, error) {
	if i, ok := g.index[c]; ok {
		return i, nil
	}
	if int(g.n) >= g.opts.MaxNodes || g.n == math.MaxInt32 {
		return 0, fmt.Errorf("%w: more than %d nodes", ErrGraphLimit, g.Len())
	}
	i := g.n
	if i&(nodeChunk-1) == 0 {
		g.nodes = append(g.nodes, make([]gnode, nodeChunk))
	}
	g.n++
	*g.at(i) = gnode{cid: c}
	g.index[c] = i
	g.children = nil
	return i, nil
}

// Add adds the manifest m whose CID is c. The caller vouches that c is m's
// CID (AddManifest computes it). Adding a CID again is a no-op. The graph
// keeps m's subject name and kind and its parent links, not m.
func (g *Graph) Add(c cid.Cid, m *Manifest) error {
	return g.add(c, m.Subject.Name, m.Subject.Kind, m.Parents)
}

// add adds what the graph keeps of manifest c.
func (g *Graph) add(c cid.Cid, name string, kind Kind, parents []Parent) error {
	if !c.Defined() {
		return errors.New("lineage: undefined CID")
	}
	if i, ok := g.index[c]; ok && g.at(i).manifest {
		return nil
	}
	if len(parents) > MaxParents {
		return fmt.Errorf("lineage: manifest %s: %d parents, more than %d", c, len(parents), MaxParents)
	}
	if uint64(len(g.edges))+uint64(len(parents)) > math.MaxUint32 {
		return fmt.Errorf("%w: more than %d parent links", ErrGraphLimit, uint32(math.MaxUint32))
	}
	i, err := g.node(c)
	if err != nil {
		return err
	}
	k, err := g.intern(string(kind))
	if err != nil {
		return err
	}
	first := len(g.edges)
	for _, p := range parents {
		j, err := g.node(p.CID)
		if err == nil {
			var rel uint16
			if rel, err = g.intern(string(p.Relation)); err == nil {
				g.edges = append(g.edges, gedge{to: j, relation: rel, share: p.Share})
				continue
			}
		}
		g.edges = g.edges[:first] // nodes made for parents stay, as parents without manifests
		return err
	}
	n := g.at(i)
	n.manifest, n.name, n.kind = true, name, k
	n.first, n.nparents = uint32(first), uint16(len(parents))
	g.added = append(g.added, i)
	g.children = nil
	return nil
}

// intern returns the index of s in g.strs, adding it if new.
func (g *Graph) intern(s string) (uint16, error) {
	if i, ok := g.strIndex[s]; ok {
		return i, nil
	}
	if len(g.strs) > math.MaxUint16 {
		return 0, fmt.Errorf("%w: more than %d distinct relations and kinds", ErrGraphLimit, math.MaxUint16+1)
	}
	i := uint16(len(g.strs))
	g.strs = append(g.strs, s)
	g.strIndex[s] = i
	return i, nil
}

// childIndex returns each node's children, building the index if a
// manifest was added since it was last built.
func (g *Graph) childIndex() *childIndex {
	if g.children != nil {
		return g.children
	}
	ci := &childIndex{start: make([]int32, g.n+1), list: make([]int32, len(g.edges))}
	for _, e := range g.edges {
		ci.start[e.to+1]++
	}
	for i := int32(1); i <= g.n; i++ {
		ci.start[i] += ci.start[i-1]
	}
	fill := slices.Clone(ci.start[:g.n])
	for _, i := range g.added {
		for _, e := range g.parents(g.at(i)) {
			ci.list[fill[e.to]] = i
			fill[e.to]++
		}
	}
	g.children = ci
	return ci
}

func (ci *childIndex) of(i int32) []int32 { return ci.list[ci.start[i]:ci.start[i+1]] }

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
	n := g.at(i)
	out := GraphNode{CID: n.cid, HasManifest: n.manifest, Name: n.name}
	if n.manifest {
		out.Kind = Kind(g.strs[n.kind])
	}
	for _, e := range g.parents(n) {
		p := g.at(e.to)
		out.Parents = append(out.Parents, Parent{CID: p.cid, Relation: Relation(g.strs[e.relation]), Share: e.share, Name: p.name})
	}
	for _, ch := range g.childIndex().of(i) {
		out.Children = append(out.Children, g.at(ch).cid)
	}
	return out, true
}

// Ancestors returns everything c derives from, nearest generation first,
// each once.
func (g *Graph) Ancestors(c cid.Cid) ([]cid.Cid, error) {
	return g.walk(c, func(i int32, visit func(int32)) {
		for _, e := range g.parents(g.at(i)) {
			visit(e.to)
		}
	})
}

// Descendants returns everything derived from c, nearest generation first,
// each once.
func (g *Graph) Descendants(c cid.Cid) ([]cid.Cid, error) {
	ci := g.childIndex()
	return g.walk(c, func(i int32, visit func(int32)) {
		for _, ch := range ci.of(i) {
			visit(ch)
		}
	})
}

// walk is a breadth-first search from c over next, bounded by MaxDepth.
func (g *Graph) walk(c cid.Cid, next func(int32, func(int32))) ([]cid.Cid, error) {
	start, ok := g.index[c]
	if !ok {
		return nil, fmt.Errorf("%s: %w", c, ErrNotInGraph)
	}
	seen := make([]bool, g.n)
	seen[start] = true
	frontier := []int32{start}
	var out []cid.Cid
	for depth := 0; len(frontier) > 0; depth++ {
		if depth > g.opts.MaxDepth {
			return nil, fmt.Errorf("%w: lineage of %s deeper than %d generations", ErrGraphLimit, c, g.opts.MaxDepth)
		}
		var nextFrontier []int32
		for _, i := range frontier {
			next(i, func(j int32) {
				if !seen[j] {
					seen[j] = true
					nextFrontier = append(nextFrontier, j)
					out = append(out, g.at(j).cid)
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
		out[k] = g.at(i).cid
	}
	return out, nil
}

// topo is Kahn's algorithm over parent→child edges.
func (g *Graph) topo() ([]int32, *CycleError) {
	ci := g.childIndex()
	pending := make([]int32, g.n) // parents not yet placed
	queue := make([]int32, 0, g.n)
	for i := range g.n {
		pending[i] = int32(g.at(i).nparents)
		if pending[i] == 0 {
			queue = append(queue, i)
		}
	}
	for k := 0; k < len(queue); k++ {
		for _, ch := range ci.of(queue[k]) {
			if pending[ch]--; pending[ch] == 0 {
				queue = append(queue, ch)
			}
		}
	}
	if len(queue) == int(g.n) {
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
				e.CIDs = append(e.CIDs, g.at(j).cid)
			}
			return e
		}
		pos[i] = len(path)
		path = append(path, i)
		for _, e := range g.parents(g.at(i)) {
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
	ci := g.childIndex()
	for i := range g.n {
		n := g.at(i)
		if n.manifest {
			continue
		}
		if n.cid.Type() != cid.DagCBOR {
			continue // an artifact without a manifest
		}
		for _, ch := range ci.of(i) {
			errs = append(errs, &DanglingError{Child: g.at(ch).cid, Parent: n.cid})
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
	manifests := func(yield func(cid.Cid, error) bool) {
		for c, err := range src.List(ctx) {
			if err == nil && c.Type() != cid.DagCBOR {
				continue
			}
			if !yield(c, err) {
				return
			}
		}
	}
	return addOrdered(ctx, g, manifests, func(ctx context.Context, c cid.Cid, scratch *decodeScratch) (cid.Cid, *Manifest, error) {
		data, err := src.GetBlock(ctx, c)
		if err != nil {
			return c, nil, fmt.Errorf("lineage: reading %s: %w", c, err)
		}
		if !looksLikeManifest(data) {
			return c, nil, nil
		}
		if err := decodeManifestInto(data, &scratch.m, &scratch.r); err != nil {
			return c, nil, fmt.Errorf("lineage: manifest %s: %w", c, err)
		}
		return c, &scratch.m, nil
	})
}

// addOrdered reads manifests named by items on GOMAXPROCS goroutines and
// adds them to g in the order items yields them, so that the graph, and
// which error is returned first, do not depend on scheduling. read returns
// a nil manifest for an item to skip; it may decode into scratch, which
// its goroutine reuses, since only what the graph keeps is passed on.
func addOrdered[T any](ctx context.Context, g *Graph, items iter.Seq2[T, error],
	read func(ctx context.Context, item T, scratch *decodeScratch) (cid.Cid, *Manifest, error)) error {
	// Items travel in batches so that channel operations and reordering
	// cost little per manifest.
	const batchSize = 256
	type job struct {
		seq   int
		items []T
	}
	// A result holds what the graph keeps of a batch's manifests, in
	// arrays shared by the batch.
	type result struct {
		seq     int
		cids    []cid.Cid // cid.Undef: skipped
		names   []string
		kinds   []Kind
		ends    []int    // manifest i's parents are parents[ends[i-1]:ends[i]]
		parents []Parent // without names, which the graph does not keep
		err     error    // after the manifests before it
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
			scratch := &decodeScratch{}
			for j := range jobs {
				n := len(j.items)
				r := result{seq: j.seq, cids: make([]cid.Cid, n), names: make([]string, n), kinds: make([]Kind, n), ends: make([]int, n)}
				for i, it := range j.items {
					c, m, err := read(ctx, it, scratch)
					if err != nil {
						r.err = err
						r.cids, r.ends = r.cids[:i], r.ends[:i]
						break
					}
					if m != nil {
						r.cids[i], r.names[i], r.kinds[i] = c, m.Subject.Name, m.Subject.Kind
						for _, p := range m.Parents {
							r.parents = append(r.parents, Parent{CID: p.CID, Relation: p.Relation, Share: p.Share})
						}
					}
					r.ends[i] = len(r.parents)
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
		batch := make([]T, 0, batchSize)
		send := func() bool {
			select {
			case jobs <- job{seq, batch}:
				seq++
				batch = make([]T, 0, batchSize)
				return true
			case <-ctx.Done():
				listErr <- ctx.Err()
				return false
			}
		}
		for it, err := range items {
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				listErr <- err
				return
			}
			if batch = append(batch, it); len(batch) == batchSize && !send() {
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
			start := 0
			for i, c := range r.cids {
				if c.Defined() {
					if err := g.add(c, r.names[i], r.kinds[i], r.parents[start:r.ends[i]]); err != nil {
						return err
					}
				}
				start = r.ends[i]
			}
			if r.err != nil {
				return r.err
			}
		}
	}
	return <-listErr
}

// decodeScratch is what one of addOrdered's goroutines reuses from one
// manifest to the next.
type decodeScratch struct {
	m Manifest
	r ipld.CBORReader
}

// looksLikeManifest reports whether DAG-CBOR data holds the manifest schema
// string, so that other DAG-CBOR blocks in a store are skipped while broken
// manifests are still reported.
func looksLikeManifest(data []byte) bool {
	// 0x66 is the CBOR head of a 6-byte string: the key "schema".
	return bytes.Contains(data, []byte("\x66schema")) && bytes.Contains(data, []byte("aiprov/manifest/"))
}

// AddDir adds every manifest file under dir: *.json as DAG-JSON, *.cbor as
// DAG-CBOR; hidden files and directories are skipped. Files are read and
// decoded on GOMAXPROCS goroutines and added in the order of a walk of dir
// in lexical order, as Load does. Errors name the file.
func (g *Graph) AddDir(ctx context.Context, dir string) error {
	files := func(yield func(string, error) bool) {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
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
			if !yield(p, nil) {
				return filepath.SkipAll
			}
			return nil
		})
		if err != nil {
			yield("", err)
		}
	}
	return addOrdered(ctx, g, files, func(_ context.Context, name string, _ *decodeScratch) (cid.Cid, *Manifest, error) {
		m, c, err := ReadManifestFile(name)
		return c, m, err
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
	m, c, err := ReadManifest(data)
	if err != nil {
		return nil, cid.Undef, fmt.Errorf("%s: %w", name, err)
	}
	return m, c, nil
}
