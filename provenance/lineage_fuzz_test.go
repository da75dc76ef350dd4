package provenance

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/ipfs/go-cid"
)

// FuzzGraph adds manifests whose parent links the fuzzer chooses (cycles,
// self-links, repeated parents and CIDs included) and compares every
// answer of the Graph with a plain map-based model of the same links.
func FuzzGraph(f *testing.F) {
	f.Add([]byte{1, 0, 2, 1, 1, 3, 2, 1, 2})         // a chain
	f.Add([]byte{1, 1, 2, 2, 1, 3, 3, 1, 1})         // a cycle
	f.Add([]byte{4, 3, 5, 5, 11, 5, 2, 11, 4, 4, 0}) // repeats, a content parent, a self-link
	f.Fuzz(func(t *testing.T, data []byte) {
		ids := make([]cid.Cid, 12)
		for i := range ids {
			codec := uint64(cid.DagCBOR)
			if i >= 10 {
				codec = cid.Raw // artifacts without manifests
			}
			ids[i] = testCID(fmt.Sprint("node", i), codec)
		}
		g := NewGraph(nil)
		// The model: nodes in the order first seen, each manifest's parent
		// links, and each node's children in the order they were added.
		var order []cid.Cid
		seen := map[cid.Cid]bool{}
		see := func(c cid.Cid) {
			if !seen[c] {
				seen[c] = true
				order = append(order, c)
			}
		}
		parents := map[cid.Cid][]cid.Cid{}
		children := map[cid.Cid][]cid.Cid{}
		for k := 0; k+1 < len(data) && len(parents) < 64; {
			c := ids[int(data[k])%10]
			n := int(data[k+1]) % 4
			k += 2
			m := chainManifest(c.String())
			var ps []cid.Cid
			for ; n > 0 && k < len(data); n, k = n-1, k+1 {
				ps = append(ps, ids[int(data[k])%len(ids)])
			}
			m.Parents = nil
			for _, p := range ps {
				m.Parents = append(m.Parents, Parent{CID: p, Relation: RelationMerge, Share: uint64(k)})
			}
			if err := g.Add(c, m); err != nil {
				t.Fatal(err)
			}
			see(c)
			if _, dup := parents[c]; dup {
				continue // a second Add of a CID is a no-op
			}
			parents[c] = ps
			for _, p := range ps {
				see(p)
				children[p] = append(children[p], c)
			}
		}

		if g.Len() != len(order) {
			t.Fatalf("Len %d, model %d", g.Len(), len(order))
		}
		bfs := func(start cid.Cid, next func(cid.Cid) []cid.Cid) []cid.Cid {
			var out []cid.Cid
			visited := map[cid.Cid]bool{start: true}
			for frontier := []cid.Cid{start}; len(frontier) > 0; {
				var nf []cid.Cid
				for _, x := range frontier {
					for _, y := range next(x) {
						if !visited[y] {
							visited[y] = true
							nf = append(nf, y)
							out = append(out, y)
						}
					}
				}
				frontier = nf
			}
			return out
		}
		for _, c := range order {
			n, ok := g.Node(c)
			_, isManifest := parents[c]
			if !ok || n.HasManifest != isManifest || (isManifest && n.Name != c.String()) {
				t.Fatalf("Node(%s) = %+v, %v", c, n, ok)
			}
			var ps []cid.Cid
			for _, p := range n.Parents {
				ps = append(ps, p.CID)
			}
			if !slices.Equal(ps, parents[c]) || !slices.Equal(n.Children, children[c]) {
				t.Fatalf("Node(%s): parents %v children %v; model %v, %v", c, ps, n.Children, parents[c], children[c])
			}
			anc, err1 := g.Ancestors(c)
			desc, err2 := g.Descendants(c)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if want := bfs(c, func(x cid.Cid) []cid.Cid { return parents[x] }); !slices.Equal(anc, want) {
				t.Fatalf("Ancestors(%s) = %v; model %v", c, anc, want)
			}
			if want := bfs(c, func(x cid.Cid) []cid.Cid { return children[x] }); !slices.Equal(desc, want) {
				t.Fatalf("Descendants(%s) = %v; model %v", c, desc, want)
			}
		}

		topo, err := g.TopoOrder()
		var ce *CycleError
		if err != nil {
			if !errors.As(err, &ce) || len(ce.CIDs) == 0 {
				t.Fatalf("TopoOrder: %v", err)
			}
			// Each is a parent of the next, and the last of the first.
			for i, c := range ce.CIDs {
				child := ce.CIDs[(i+1)%len(ce.CIDs)]
				if !slices.Contains(parents[child], c) {
					t.Fatalf("cycle %v: %s is not a parent of %s", ce.CIDs, c, child)
				}
			}
		} else {
			pos := map[cid.Cid]int{}
			for i, c := range topo {
				pos[c] = i
			}
			if len(pos) != len(order) {
				t.Fatalf("TopoOrder lists %d of %d nodes", len(pos), len(order))
			}
			for c, ps := range parents {
				for _, p := range ps {
					if pos[p] >= pos[c] {
						t.Fatalf("TopoOrder puts %s before its parent %s", c, p)
					}
				}
			}
		}
		for _, w := range []func() error{
			func() error { return g.WriteDOT(io.Discard, nil) },
			func() error { return g.WriteJSON(io.Discard, order[:len(order)/2]) },
		} {
			if err := w(); (err != nil) != (ce != nil) {
				t.Fatalf("writing the graph: %v (cycle: %v)", err, ce)
			}
		}
		// Check: the cycle (if any) and each link to a missing dag-cbor parent.
		var dangling int
		for _, ps := range parents {
			for _, p := range ps {
				if _, ok := parents[p]; !ok && p.Type() == cid.DagCBOR {
					dangling++
				}
			}
		}
		errs := g.Check()
		var got int
		if errs != nil {
			for _, e := range errs.(interface{ Unwrap() []error }).Unwrap() {
				var de *DanglingError
				if errors.As(e, &de) {
					got++
				}
			}
		}
		if got != dangling || (errs == nil) != (ce == nil && dangling == 0) {
			t.Fatalf("Check: %v; model: %d dangling links, cycle %v", errs, dangling, ce)
		}
	})
}
