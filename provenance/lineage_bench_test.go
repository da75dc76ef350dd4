package provenance

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
)

const benchGraphSize = 1_000_000

var benchGraph struct {
	once sync.Once
	src  *arenaSource // DAG-CBOR manifests, parents before children
}

// benchManifests encodes n benchManifest documents (once).
func benchManifests(b *testing.B, n int) *arenaSource {
	benchGraph.once.Do(func() {
		start := time.Now()
		cids := make([]cid.Cid, n)
		docs := make([][]byte, n)
		for i := range n {
			var err error
			if docs[i], err = benchManifest(i, cids).MarshalCBOR(); err != nil {
				b.Fatal(err)
			}
			cids[i] = manifestCID(docs[i])
		}
		benchGraph.src = newArenaSource(docs, cids)
		b.Logf("encoded %d manifests in %v", n, time.Since(start))
	})
	return benchGraph.src
}

// benchManifest is manifest i of a benchmark graph whose earlier manifests
// have the given CIDs: node i > 0 derives from (i-1)/2 and (i-1)/3, so
// node 0 is everyone's ancestor and depths are logarithmic; every 1000th
// also names a dataset by content CID.
func benchManifest(i int, cids []cid.Cid) *Manifest {
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
	return m
}

// writeManifestDir writes n manifests made by manifest (given the CIDs of
// those before) into dir, as d<i/100>/m<i>.json for even i and .cbor for
// odd i, so that a walk of dir meets them in order. It returns them with
// their CIDs.
func writeManifestDir(tb testing.TB, dir string, n int, manifest func(i int, cids []cid.Cid) *Manifest) ([]*Manifest, []cid.Cid) {
	ms := make([]*Manifest, n)
	cids := make([]cid.Cid, n)
	for i := range n {
		m := manifest(i, cids)
		c, err := m.CID()
		if err != nil {
			tb.Fatal(err)
		}
		ms[i], cids[i] = m, c
		name := filepath.Join(dir, fmt.Sprintf("d%03d", i/100), fmt.Sprintf("m%05d", i))
		data, err := m.MarshalJSON()
		if i%2 == 0 {
			name += ".json"
		} else {
			name += ".cbor"
			data, err = m.MarshalCBOR()
		}
		if err == nil {
			err = os.MkdirAll(filepath.Dir(name), 0o755)
		}
		if err == nil {
			err = os.WriteFile(name, data, 0o644)
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	return ms, cids
}

// BenchmarkLineage1M loads 1,000,000 DAG-CBOR manifests into a Graph
// (strict decode, CID, add) and walks it: topological order, the graph
// check, all descendants of the common root and the ancestors of the
// newest manifest. graph-MiB is the heap the loaded graph holds. Run it
// with
//
//	go test -run '^$' -bench Lineage1M -benchtime 1x ./provenance/
func BenchmarkLineage1M(b *testing.B) {
	src := benchManifests(b, benchSize())
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		heap0 := liveHeap()
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		g := NewGraph(nil)
		if err := g.Load(context.Background(), src); err != nil {
			b.Fatal(err)
		}
		first, last := src.cids[0], src.cids[len(src.cids)-1]
		loaded, cpu1 := time.Now(), cpuTime()
		b.StopTimer()
		b.ReportMetric(float64(liveHeap()-heap0)/(1<<20), "graph-MiB")
		b.StartTimer()
		walkStart, cpu2 := time.Now(), cpuTime()
		order, err := g.TopoOrder()
		if err != nil || len(order) != g.Len() {
			b.Fatal(err)
		}
		if err := g.Check(); err != nil {
			b.Fatal(err)
		}
		desc, err := g.Descendants(first)
		if err != nil || len(desc) != len(src.cids)-1 {
			b.Fatalf("descendants: %d, %v", len(desc), err)
		}
		anc, err := g.Ancestors(last)
		if err != nil || len(anc) == 0 {
			b.Fatal(err)
		}
		b.ReportMetric(loaded.Sub(start).Seconds(), "load-s")
		b.ReportMetric(time.Since(walkStart).Seconds(), "walk-s")
		if cpu0 >= 0 {
			b.ReportMetric((cpu1 - cpu0).Seconds(), "load-cpu-s")
			b.ReportMetric((cpuTime() - cpu2).Seconds(), "walk-cpu-s")
		}
		b.ReportMetric(float64(g.Len()), "nodes")
	}
}

// liveHeap is the heap in use after a full collection: what a graph
// holds, measured around its Load.
func liveHeap() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// arenaSource is a ManifestSource holding every document in one
// pointer-free byte slice, so that the benchmark's own fixture does not
// dominate garbage collection as a million small slices would. Tests use
// it too.
type arenaSource struct {
	data  []byte
	offs  []int
	cids  []cid.Cid
	index map[cid.Cid]int32
}

// newArenaSource holds docs under cids, or under their own CIDs if cids
// is nil.
func newArenaSource(docs [][]byte, cids []cid.Cid) *arenaSource {
	s := &arenaSource{offs: make([]int, 0, len(docs)+1), cids: make([]cid.Cid, len(docs)), index: make(map[cid.Cid]int32, len(docs))}
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	s.data = make([]byte, 0, n)
	for i, d := range docs {
		s.offs = append(s.offs, len(s.data))
		s.data = append(s.data, d...)
		if cids != nil {
			s.cids[i] = cids[i]
		} else {
			s.cids[i] = manifestCID(d)
		}
		s.index[s.cids[i]] = int32(i)
	}
	s.offs = append(s.offs, len(s.data))
	return s
}

func (s *arenaSource) GetBlock(ctx context.Context, c cid.Cid) ([]byte, error) {
	i, ok := s.index[c]
	if !ok {
		return nil, fmt.Errorf("%s not found", c)
	}
	return s.data[s.offs[i]:s.offs[i+1]:s.offs[i+1]], nil
}

func (s *arenaSource) List(ctx context.Context) iter.Seq2[cid.Cid, error] {
	return func(yield func(cid.Cid, error) bool) {
		for _, c := range s.cids {
			if !yield(c, nil) {
				return
			}
		}
	}
}

// BenchmarkAddDir loads a directory of 20,000 manifest files, half
// DAG-JSON and half DAG-CBOR, in 200 subdirectories. Run it with
//
//	go test -run '^$' -bench AddDir -benchmem ./provenance/
func BenchmarkAddDir(b *testing.B) {
	const n = 20_000
	dir := b.TempDir()
	writeManifestDir(b, dir, n, benchManifest)
	b.ResetTimer()
	for b.Loop() {
		cpu0 := cpuTime()
		g := NewGraph(nil)
		if err := g.AddDir(context.Background(), dir); err != nil {
			b.Fatal(err)
		}
		if g.Len() != n+n/1000 { // with the datasets
			b.Fatalf("%d nodes", g.Len())
		}
		if cpu0 >= 0 {
			b.ReportMetric((cpuTime() - cpu0).Seconds(), "cpu-s")
		}
	}
}
