package provenance

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"
)

// chainManifest returns a valid manifest named name with the given parents.
func chainManifest(name string, parents ...cid.Cid) *Manifest {
	m := minimalManifest()
	m.Subject.Name = name
	m.Subject.CID = testCID("content "+name, cid.Raw)
	for _, p := range parents {
		m.Parents = append(m.Parents, Parent{CID: p, Relation: RelationFinetune, Share: 1_000_000})
	}
	if len(parents) > 0 {
		m.Royalty.Policy = PolicyAbsolute
	}
	return m
}

func TestGraphWalks(t *testing.T) {
	g := NewGraph(nil)
	add := func(m *Manifest) cid.Cid {
		c, err := g.AddManifest(m)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	dataset := testCID("raw dataset", cid.DagProtobuf) // no manifest: an external artifact
	base := add(chainManifest("base", dataset))
	ft := add(chainManifest("finetune", base))
	ad := add(chainManifest("adapter", base))
	merged := add(chainManifest("merged", ft, ad))
	q := add(chainManifest("quantized", merged))

	anc, err := g.Ancestors(q)
	if err != nil {
		t.Fatal(err)
	}
	if want := []cid.Cid{merged, ft, ad, base, dataset}; !slices.Equal(anc, want) {
		t.Errorf("Ancestors = %v\nwant %v", anc, want)
	}
	desc, err := g.Descendants(base)
	if err != nil {
		t.Fatal(err)
	}
	if want := []cid.Cid{ft, ad, merged, q}; !slices.Equal(desc, want) {
		t.Errorf("Descendants = %v\nwant %v", desc, want)
	}
	order, err := g.TopoOrder()
	if err != nil {
		t.Fatal(err)
	}
	pos := map[cid.Cid]int{}
	for i, c := range order {
		pos[c] = i
	}
	for _, c := range order {
		n, _ := g.Node(c)
		for _, p := range n.Parents {
			if pos[p.CID] > pos[c] {
				t.Errorf("%s before its parent %s", n.Name, p.CID)
			}
		}
	}
	if err := g.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	if _, err := g.Ancestors(testCID("nope", cid.DagCBOR)); !errors.Is(err, ErrNotInGraph) {
		t.Errorf("Ancestors of unknown = %v", err)
	}
}

func TestGraphDangling(t *testing.T) {
	g := NewGraph(nil)
	missing := testCID("missing manifest", cid.DagCBOR)
	child, _ := g.AddManifest(chainManifest("child", missing, testCID("content parent", cid.Raw)))
	err := g.Check()
	var de *DanglingError
	if !errors.As(err, &de) || de.Child != child || de.Parent != missing {
		t.Fatalf("Check = %v; want a DanglingError naming %s → %s", err, child, missing)
	}
}

func TestGraphCycle(t *testing.T) {
	// Honest CIDs cannot form a cycle, so lie about them with Add.
	g := NewGraph(nil)
	a, b, c := testCID("a", cid.DagCBOR), testCID("b", cid.DagCBOR), testCID("c", cid.DagCBOR)
	root := testCID("root", cid.DagCBOR)
	g.Add(root, chainManifest("root"))
	g.Add(a, chainManifest("a", c, root))
	g.Add(b, chainManifest("b", a))
	g.Add(c, chainManifest("c", b))
	_, err := g.TopoOrder()
	var ce *CycleError
	if !errors.As(err, &ce) {
		t.Fatalf("TopoOrder = %v; want a CycleError", err)
	}
	got := map[cid.Cid]bool{}
	for _, x := range ce.CIDs {
		got[x] = true
	}
	if len(ce.CIDs) != 3 || !got[a] || !got[b] || !got[c] {
		t.Errorf("cycle %v; want a, b, c", ce)
	}
	// Walks terminate despite the cycle.
	anc, err := g.Ancestors(a)
	if err != nil || len(anc) != 3 { // c, root, b
		t.Errorf("Ancestors(a) = %v, %v", anc, err)
	}
	if !errors.As(g.Check(), &ce) {
		t.Error("Check does not report the cycle")
	}
}

func TestGraphLimits(t *testing.T) {
	g := NewGraph(&GraphOptions{MaxNodes: 3, MaxDepth: 2})
	prev := cid.Undef
	var last cid.Cid
	var err error
	for i := range 4 {
		var ps []cid.Cid
		if prev.Defined() {
			ps = append(ps, prev)
		}
		last, err = g.AddManifest(chainManifest(fmt.Sprint(i), ps...))
		if err != nil {
			break
		}
		prev = last
	}
	if !errors.Is(err, ErrGraphLimit) {
		t.Fatalf("adding a 4th node: %v; want ErrGraphLimit", err)
	}
	g = NewGraph(&GraphOptions{MaxDepth: 2})
	prev = cid.Undef
	for i := range 5 {
		var ps []cid.Cid
		if prev.Defined() {
			ps = append(ps, prev)
		}
		prev, _ = g.AddManifest(chainManifest(fmt.Sprint(i), ps...))
	}
	if _, err := g.Ancestors(prev); !errors.Is(err, ErrGraphLimit) {
		t.Errorf("walking 4 generations with MaxDepth 2: %v; want ErrGraphLimit", err)
	}
}

func TestGraphAddDir(t *testing.T) {
	dir := t.TempDir()
	base := chainManifest("base")
	baseCID, _ := base.CID()
	child := chainManifest("child", baseCID)
	js, _ := base.MarshalJSON()
	cb, _ := child.MarshalCBOR()
	os.WriteFile(filepath.Join(dir, "base.json"), js, 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "child.cbor"), cb, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("ignored"), 0o644)
	g := NewGraph(nil)
	if err := g.AddDir(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	childCID, _ := child.CID()
	anc, err := g.Ancestors(childCID)
	if err != nil || !slices.Equal(anc, []cid.Cid{baseCID}) {
		t.Errorf("Ancestors = %v, %v", anc, err)
	}
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"schema":1}`), 0o644)
	err = NewGraph(nil).AddDir(context.Background(), dir)
	if !errors.Is(err, ErrMalformedManifest) || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("AddDir with a bad file: %v", err)
	}
}

func TestGraphLoad(t *testing.T) {
	var docs [][]byte
	var cids []cid.Cid
	for i := range 50 {
		var ps []cid.Cid
		if i > 0 {
			ps = append(ps, cids[(i-1)/2])
		}
		d, _ := chainManifest(fmt.Sprint("m", i), ps...).MarshalCBOR()
		docs = append(docs, d)
		c, _ := ManifestCID(d)
		cids = append(cids, c)
	}
	other, _ := ManifestCID([]byte{0xa1, 0x61, 0x61, 0x01}) // a dag-cbor block that is no manifest
	src := newMemSource(docs)
	src.cids = append(src.cids, other, testCID("raw", cid.Raw))
	src.blocks[other] = []byte{0xa1, 0x61, 0x61, 0x01}
	g := NewGraph(nil)
	if err := g.Load(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	if g.Len() != 50 {
		t.Errorf("Len = %d; want 50", g.Len())
	}
	order, _ := g.TopoOrder()
	if !slices.Equal(order, cids) {
		t.Error("Load did not add in list order")
	}
	// A broken manifest is reported, naming its CID.
	bad := slices.Clone(docs[3])
	bad[len(bad)-1] ^= 1
	src.blocks[cids[3]] = bad
	err := NewGraph(nil).Load(context.Background(), src)
	if !errors.Is(err, ErrMalformedManifest) || !strings.Contains(err.Error(), cids[3].String()) {
		t.Errorf("Load with a broken manifest: %v", err)
	}
}

// memSource is a ManifestSource over encoded manifests in memory.
type memSource struct {
	cids   []cid.Cid
	blocks map[cid.Cid][]byte
}

func newMemSource(docs [][]byte) *memSource {
	s := &memSource{blocks: make(map[cid.Cid][]byte, len(docs))}
	for _, d := range docs {
		c, _ := ManifestCID(d)
		s.cids = append(s.cids, c)
		s.blocks[c] = d
	}
	return s
}

func (s *memSource) GetBlock(ctx context.Context, c cid.Cid) ([]byte, error) {
	b, ok := s.blocks[c]
	if !ok {
		return nil, fmt.Errorf("%s not found", c)
	}
	return b, nil
}

func (s *memSource) List(ctx context.Context) iter.Seq2[cid.Cid, error] {
	return func(yield func(cid.Cid, error) bool) {
		for _, c := range s.cids {
			if !yield(c, nil) {
				return
			}
		}
	}
}

// benchSize is benchGraphSize unless AIPROV_BENCH_MANIFESTS says otherwise
// (for profiling with fewer).
func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("AIPROV_BENCH_MANIFESTS")); err == nil && n > 0 {
		return n
	}
	return benchGraphSize
}
