package royalty

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
)

// benchGraph builds a DAG of n nodes and about 4n edges with many shared
// ancestors: node i derives from node i+1 (so that all are reached), two
// random nodes after it and one of 1,000 "base model" hubs at the end, so almost every node is an
// ancestor of node 0 along astronomically many paths. Shares are 1–25% per
// edge (a node passes on at most 100%); each node has one or two contributors from a pool of n/2
// addresses, so recipients recur across nodes.
//
// For the absolute policy, shares are kept only on edges whose paths from
// node 0, times the share, still fit in what is left of 100% (walking in
// topological order); the others are zero, so the paid node's stack stays
// within 100% while every edge is still walked.
func benchGraph(n int, policy Policy) []Node {
	r := rand.New(rand.NewPCG(42, uint64(n)))
	nodes := make([]Node, n)
	hubs := min(1000, n/10)
	pool := max(n/2, 1)
	edges := make([]Edge, 0, 4*n)
	contribs := make([]Contributor, 0, 2*n)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("n%d", i)
	}
	for i := range nodes {
		start := len(edges)
		if i < n-hubs-1 {
			seen := [4]int{i + 1}
			edges = append(edges, Edge{Parent: ids[i+1], Share: uint64(1+r.IntN(25)) * shareWhole / 100})
			for k := 1; k < 3; k++ {
				p := i + 1 + r.IntN(n-hubs-1-i)
				if p == seen[0] || p == seen[1] || p == seen[2] {
					continue
				}
				seen[k] = p
				edges = append(edges, Edge{Parent: ids[p], Share: uint64(1+r.IntN(25)) * shareWhole / 100})
			}
			edges = append(edges, Edge{Parent: ids[n-1-r.IntN(hubs)], Share: uint64(1+r.IntN(25)) * shareWhole / 100})
		}
		cs := len(contribs)
		if r.IntN(2) == 0 {
			contribs = append(contribs, Contributor{ID: fmt.Sprintf("0x%040x", r.IntN(pool)+1), Share: shareWhole})
		} else {
			a, b := r.IntN(pool)+1, r.IntN(pool)+1
			if a == b {
				b = a%pool + 1
			}
			contribs = append(contribs,
				Contributor{ID: fmt.Sprintf("0x%040x", a), Share: 70_000_000},
				Contributor{ID: fmt.Sprintf("0x%040x", b), Share: 30_000_000})
		}
		nodes[i] = Node{ID: ids[i], Parents: edges[start:len(edges):len(edges)], Contributors: contribs[cs:len(contribs):len(contribs)], Policy: policy}
	}
	if policy == Absolute {
		// Parents have higher indexes: index order is topological.
		index := make(map[string]int, n)
		for i, id := range ids {
			index[id] = i
		}
		paths := make([]uint64, n)
		paths[0] = 1
		budget := uint64(shareWhole)
		for i := range nodes {
			for k := range nodes[i].Parents {
				e := &nodes[i].Parents[k]
				p := index[e.Parent]
				paths[p] = min(paths[p]+paths[i], pathsSaturated)
				if paths[i] == 0 {
					continue
				}
				if s := min(e.Share, shareWhole/100); paths[i] <= budget/s/4 {
					e.Share = s
					budget -= paths[i] * s
				} else {
					e.Share = 0
				}
			}
		}
	}
	return nodes
}

func countEdges(nodes []Node) int {
	e := 0
	for _, n := range nodes {
		e += len(n.Parents)
	}
	return e
}

var benchSizes = []int{10_000, 100_000, 1_000_000}

// BenchmarkSplit measures Graph.Split alone (the graph is built once) on
// benchGraph, for 10k to 1M nodes, under both policies. ns/edge shows the
// growth is linear.
func BenchmarkSplit(b *testing.B) {
	for _, policy := range []Policy{Relative, Absolute} {
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("%s/nodes=%d", policy, n), func(b *testing.B) {
				nodes := benchGraph(n, policy)
				edges := countEdges(nodes)
				g, err := NewGraph(nodes, Limits{})
				if err != nil {
					b.Fatal(err)
				}
				nodes = nil
				runtime.GC()
				amount := mustBig("1000000000000000000000000000000") // 1e30: enough that most weights round to a non-zero payout
				var s *Split
				b.ResetTimer()
				for b.Loop() {
					s, err = g.Split("n0", amount, SplitOptions{})
					if err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				checkConservation(b, s)
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(edges), "ns/edge")
				b.ReportMetric(float64(edges), "edges")
				b.ReportMetric(float64(len(s.Payouts)), "payees")
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heapMiB")
			})
		}
	}
}

// BenchmarkNewGraph measures validation and indexing of a []Node.
func BenchmarkNewGraph(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			nodes := benchGraph(n, Relative)
			b.ResetTimer()
			for b.Loop() {
				if _, err := NewGraph(nodes, Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildAndSplit measures what the scale target times: NewGraph
// on benchGraph's nodes and one relative split of node 0, together.
func BenchmarkBuildAndSplit(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			nodes := benchGraph(n, Relative)
			edges := countEdges(nodes)
			amount := mustBig("1000000000000000000000000000000")
			runtime.GC()
			b.ResetTimer()
			for b.Loop() {
				g, err := NewGraph(nodes, Limits{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := g.Split("n0", amount, SplitOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(edges), "ns/edge")
		})
	}
}

// BenchmarkMerkle builds StandardMerkleTrees of 10k to 1M payees.
func BenchmarkMerkle(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("payees=%d", n), func(b *testing.B) {
			payouts := make([]Payout, n)
			for i := range payouts {
				var a Address
				a[0], a[1], a[2], a[3] = byte(i>>24), byte(i>>16), byte(i>>8), byte(i)
				payouts[i] = Payout{Recipient: a.String(), Amount: new(big.Int).SetUint64(uint64(i+1) * 1e15)}
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := NewMerkleTree(payouts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMerkleVsOpenZeppelin builds the same 100,000-payee tree with
// package royalty and with @openzeppelin/merkle-tree (StandardMerkleTree.of
// under Node.js, timed inside the script so Node's start-up is excluded),
// in the same run, and reports both times and their ratio. The roots must
// agree.
func BenchmarkMerkleVsOpenZeppelin(b *testing.B) {
	const n = 100_000
	payouts := randomPayouts(rand.New(rand.NewPCG(1, 1)), n)
	values := make([][2]string, n)
	for i, p := range payouts {
		values[i] = [2]string{p.Recipient, p.Amount.String()}
	}
	in, _ := json.Marshal(values)
	out := testtools.RunNode(b, `
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { readFileSync } from "node:fs";
const values = JSON.parse(readFileSync(0, "utf8"));
const t0 = performance.now();
const tree = StandardMerkleTree.of(values, ["address", "uint256"]);
const ms = performance.now() - t0;
console.log(JSON.stringify({ root: tree.root, ms }));
`, in)
	var oz struct {
		Root string  `json:"root"`
		MS   float64 `json:"ms"`
	}
	if err := json.Unmarshal(out, &oz); err != nil {
		b.Fatalf("node output %q: %v", out, err)
	}
	var tree *MerkleTree
	b.ResetTimer()
	for b.Loop() {
		var err error
		if tree, err = NewMerkleTree(payouts); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if tree.Root().String() != oz.Root {
		b.Fatalf("root %s, OpenZeppelin %s", tree.Root(), oz.Root)
	}
	ours := float64(b.Elapsed().Milliseconds()) / float64(b.N)
	b.ReportMetric(ours, "ms")
	b.ReportMetric(oz.MS, "openzeppelin-ms")
	b.ReportMetric(oz.MS/ours, "speedup")
}
