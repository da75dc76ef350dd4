package provenance

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Throughput benchmarks. The comparison with Kubo on the same machine is
// internal/bench/cid-vs-kubo.sh; these track the library alone:
//
//	go test -run '^$' -bench . -benchtime 3x ./provenance

// BenchmarkSHA256 is one core of crypto/sha256 over 1 MiB chunks, for
// comparison: the importer hashes equal-length leaves two at a time
// (internal/sha256x2), which runs faster than this per core.
func BenchmarkSHA256(b *testing.B) {
	buf := randomBytes(1, 1<<20)
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		sha256.Sum256(buf)
	}
}

// BenchmarkHashReader streams 256 MiB of memory through the importer.
func BenchmarkHashReader(b *testing.B) {
	const size = 256 << 20
	for _, tc := range []struct {
		name    string
		profile string
		workers int
	}{
		{"v1-2025/1-worker", ProfileUnixFSv1_2025, 1},
		{"v1-2025/all-workers", ProfileUnixFSv1_2025, 0},
		{"v0-2015/all-workers", ProfileUnixFSv0_2015, 0},
	} {
		b.Run(tc.name, func(b *testing.B) {
			p := must(ProfileParams(tc.profile))
			b.SetBytes(size)
			for b.Loop() {
				if _, err := HashReader(context.Background(), io.LimitReader(zeros{}, size), &Options{Params: p, Concurrency: tc.workers}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHashFile hashes a 256 MiB file (in the page cache after the
// first run), with and without the per-file SHA-256.
func BenchmarkHashFile(b *testing.B) {
	const size = 256 << 20
	name := filepath.Join(b.TempDir(), "weights.bin")
	f, err := os.Create(name)
	if err != nil {
		b.Fatal(err)
	}
	chunk := randomBytes(2, 1<<20)
	for i := 0; i < size>>20; i++ {
		f.Write(chunk)
	}
	f.Close()
	for _, sha := range []bool{false, true} {
		b.Run(fmt.Sprintf("sha256=%v", sha), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				if _, err := Hash(context.Background(), name, &Options{SHA256: sha}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHashSmallFiles hashes a dataset of 2,000 files of 100 B–8 KiB in
// 20 directories; bytes/s counts file contents.
func BenchmarkHashSmallFiles(b *testing.B) {
	dir := b.TempDir()
	var total int64
	for i := 0; i < 2000; i++ {
		d := filepath.Join(dir, fmt.Sprintf("shard-%02d", i%20))
		os.MkdirAll(d, 0o755)
		n := 100 + (i*7919)%8000
		total += int64(n)
		if err := os.WriteFile(filepath.Join(d, fmt.Sprintf("sample-%05d.json", i)), randomBytes(uint64(i), n), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(total)
	for b.Loop() {
		if _, err := Hash(context.Background(), dir, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHashTensors hashes a 256 MiB safetensors file (in the page
// cache after the first run) for its CID alone, and for its CID plus the
// layout and BLAKE3 digest of every tensor in the same read; and both again
// with the file's SHA-256, as manifest init computes it. The ratios of the
// pairs are the cost of tensor evidence; cpu-ns/op (the process's CPU time)
// is steadier than ns/op on a busy machine:
//
//	go test -run '^$' -bench HashTensors -benchtime 5x -count 5 ./provenance
func BenchmarkHashTensors(b *testing.B) {
	const layers = 32
	var ts []testTensor
	for i := range layers {
		// 8 MiB of BF16 weights and a small norm per layer.
		ts = append(ts,
			testTensor{name: fmt.Sprintf("model.layers.%d.mlp.weight", i), dtype: "BF16", shape: []uint64{2048, 2048}},
			testTensor{name: fmt.Sprintf("model.layers.%d.norm.weight", i), dtype: "F32", shape: []uint64{2048}},
		)
	}
	name := filepath.Join(b.TempDir(), "model.safetensors")
	if err := os.WriteFile(name, writeSafetensors(ts, nil), 0o644); err != nil {
		b.Fatal(err)
	}
	st, _ := os.Stat(name)
	for _, sha := range []bool{false, true} {
		for _, tensors := range []bool{false, true} {
			b.Run(fmt.Sprintf("sha256=%v/tensors=%v", sha, tensors), func(b *testing.B) {
				b.SetBytes(st.Size())
				cpu0 := cpuTime()
				for b.Loop() {
					res, err := Hash(context.Background(), name, &Options{SHA256: sha, Tensors: tensors})
					if err != nil {
						b.Fatal(err)
					}
					if tensors && res.Tensors.Count() != 2*layers {
						b.Fatalf("read %d tensors, want %d", res.Tensors.Count(), 2*layers)
					}
				}
				if cpu0 >= 0 {
					b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}
