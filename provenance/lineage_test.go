package provenance

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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
	// A failed Add leaves the graph usable: the nodes it made are parents
	// without manifests.
	g = NewGraph(&GraphOptions{MaxNodes: 3})
	root, _ := g.AddManifest(chainManifest("root"))
	if _, err := g.Descendants(root); err != nil {
		t.Fatal(err)
	}
	p1, p2 := testCID("p1", cid.DagCBOR), testCID("p2", cid.DagCBOR)
	if _, err := g.AddManifest(chainManifest("child", p1, p2)); !errors.Is(err, ErrGraphLimit) {
		t.Fatalf("adding past MaxNodes: %v", err)
	}
	if n, ok := g.Node(p1); !ok || n.HasManifest || len(n.Children) != 0 || g.Len() != 3 {
		t.Errorf("after a failed Add: %+v, %d nodes", n, g.Len())
	}
	if err := g.Check(); err != nil {
		t.Errorf("Check after a failed Add: %v", err)
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
		c := manifestCID(d)
		cids = append(cids, c)
	}
	other := []byte{0xa1, 0x61, 0x61, 0x01} // a dag-cbor block that is no manifest
	src := newArenaSource(append(slices.Clone(docs), other), nil)
	src.cids = append(src.cids, testCID("raw", cid.Raw)) // listed, never read: not dag-cbor
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
	broken := slices.Clone(docs)
	broken[3] = slices.Clone(docs[3])
	broken[3][len(broken[3])-1] ^= 1
	err := NewGraph(nil).Load(context.Background(), newArenaSource(broken, cids))
	if !errors.Is(err, ErrMalformedManifest) || !strings.Contains(err.Error(), cids[3].String()) {
		t.Errorf("Load with a broken manifest: %v", err)
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

// AddDir reads files in parallel but adds them in walk order: the graph
// equals one built by adding the same manifests one by one, and of two
// broken files the first in walk order is reported, whatever the timing.
func TestGraphAddDirOrder(t *testing.T) {
	dir := t.TempDir()
	ms, cids := writeManifestDir(t, dir, 700, func(i int, cids []cid.Cid) *Manifest { // several batches
		if i == 0 {
			return chainManifest("m0")
		}
		return chainManifest(fmt.Sprint("m", i), cids[(i-1)/2])
	})
	want := NewGraph(nil)
	for i, m := range ms {
		if err := want.Add(cids[i], m); err != nil {
			t.Fatal(err)
		}
	}
	g := NewGraph(nil)
	if err := g.AddDir(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	gotOrder, err1 := g.TopoOrder()
	wantOrder, err2 := want.TopoOrder()
	if err1 != nil || err2 != nil || !slices.Equal(gotOrder, wantOrder) || !slices.Equal(wantOrder, cids) {
		t.Fatalf("AddDir order differs from adding one by one (%v, %v)", err1, err2)
	}
	for _, c := range cids {
		got, _ := g.Node(c)
		exp, _ := want.Node(c)
		if !reflect.DeepEqual(got, exp) {
			t.Fatalf("Node(%s) = %+v\nwant %+v", c, got, exp)
		}
	}

	for _, bad := range []string{"d006/m00650.json", "d002/m00250.json"} {
		os.WriteFile(filepath.Join(dir, filepath.FromSlash(bad)), []byte(`{"schema":1}`), 0o644)
	}
	for range 5 {
		err := NewGraph(nil).AddDir(context.Background(), dir)
		if !errors.Is(err, ErrMalformedManifest) || !strings.Contains(err.Error(), filepath.FromSlash("d002/m00250.json")) {
			t.Fatalf("AddDir with two bad files: %v; want the first, d002/m00250.json", err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := NewGraph(nil).AddDir(ctx, dir); !errors.Is(err, context.Canceled) {
		t.Errorf("AddDir with a cancelled context: %v", err)
	}
}

// Children are listed in the order they were added, even one first seen
// as someone's parent.
func TestGraphChildrenOrder(t *testing.T) {
	g := NewGraph(nil)
	p := testCID("parent", cid.DagCBOR)
	a, c, x := testCID("a", cid.DagCBOR), testCID("c", cid.DagCBOR), testCID("x", cid.DagCBOR)
	g.Add(x, chainManifest("x", c)) // c is made here, as x's parent
	g.Add(a, chainManifest("a", p))
	g.Add(c, chainManifest("c", p))
	n, _ := g.Node(p)
	if !slices.Equal(n.Children, []cid.Cid{a, c}) {
		t.Errorf("children %v; want a, c", n.Children)
	}
	desc, _ := g.Descendants(p)
	if !slices.Equal(desc, []cid.Cid{a, c, x}) {
		t.Errorf("Descendants %v; want a, c, x", desc)
	}
	// Adding after a walk is seen by the next walk.
	d := testCID("d", cid.DagCBOR)
	g.Add(d, chainManifest("d", p))
	if n, _ := g.Node(p); !slices.Equal(n.Children, []cid.Cid{a, c, d}) {
		t.Errorf("children after another add %v; want a, c, d", n.Children)
	}
}
