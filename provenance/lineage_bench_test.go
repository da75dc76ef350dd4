package provenance

import (
	"context"
	"fmt"
	"iter"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
)

const benchGraphSize = 1_000_000

var benchGraph struct {
	once sync.Once
	docs [][]byte // DAG-CBOR manifests, parents before children
}

// benchManifests encodes n manifests (once): node i > 0 derives from
// (i-1)/2 and (i-1)/3, so node 0 is everyone's ancestor and depths are
// logarithmic; every 1000th also names a dataset by content CID.
func benchManifests(b *testing.B, n int) [][]byte {
	benchGraph.once.Do(func() {
		start := time.Now()
		cids := make([]cid.Cid, n)
		docs := make([][]byte, n)
		for i := range n {
			m := minimalManifest()
			m.Subject.Name = fmt.Sprintf("org/model-%d", i)
			m.Subject.CID = testCID(m.Subject.Name, cid.Raw)
			if i > 0 {
				m.Royalty.Policy = PolicyRelative
				m.Parents = append(m.Parents, Parent{CID: cids[(i-1)/2], Relation: RelationFinetune, Share: 5_000_000})
				if p := (i - 1) / 3; p != (i-1)/2 {
					m.Parents = append(m.Parents, Parent{CID: cids[p], Relation: RelationMerge, Share: 2_500_000})
				}
			}
			if i%1000 == 999 {
				m.Parents = append(m.Parents, Parent{CID: testCID(fmt.Sprint("dataset", i), cid.DagProtobuf), Relation: RelationTrainedOn})
			}
			var err error
			if docs[i], err = m.MarshalCBOR(); err != nil {
				b.Fatal(err)
			}
			cids[i], _ = ManifestCID(docs[i])
		}
		benchGraph.docs = docs
		b.Logf("encoded %d manifests in %v", n, time.Since(start))
	})
	return benchGraph.docs
}

// BenchmarkLineage1M loads 1,000,000 DAG-CBOR manifests into a Graph
// (strict decode, CID, add) and walks it: topological order, the graph
// check, all descendants of the common root and the ancestors of the
// newest manifest. Run it with
//
//	go test -run '^$' -bench Lineage1M -benchtime 1x ./provenance/
func BenchmarkLineage1M(b *testing.B) {
	docs := benchManifests(b, benchSize())
	src := newMemSource(docs)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		g := NewGraph(nil)
		if err := g.Load(context.Background(), src); err != nil {
			b.Fatal(err)
		}
		first, last := src.cids[0], src.cids[len(src.cids)-1]
		loaded := time.Now()
		order, err := g.TopoOrder()
		if err != nil || len(order) != g.Len() {
			b.Fatal(err)
		}
		if err := g.Check(); err != nil {
			b.Fatal(err)
		}
		desc, err := g.Descendants(first)
		if err != nil || len(desc) != len(docs)-1 {
			b.Fatalf("descendants: %d, %v", len(desc), err)
		}
		anc, err := g.Ancestors(last)
		if err != nil || len(anc) == 0 {
			b.Fatal(err)
		}
		b.ReportMetric(loaded.Sub(start).Seconds(), "load-s")
		b.ReportMetric(time.Since(loaded).Seconds(), "walk-s")
		b.ReportMetric(float64(g.Len()), "nodes")
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
