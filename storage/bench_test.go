package storage

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/aiprov/aiprov/provenance"
)

// The benchmarks import a 256 MiB stream (unixfs-v1-2025) from memory, so
// they measure hashing and the store's write path; `go run
// ./internal/bench/storebench` compares against cp and cat on disk.
const benchSize = 256 << 20

func benchContent(b *testing.B) []byte {
	b.Helper()
	return randomBytes(benchSize, 99)
}

func BenchmarkHashOnly(b *testing.B) {
	content := benchContent(b)
	b.SetBytes(benchSize)
	for b.Loop() {
		if _, err := provenance.HashReader(context.Background(), bytes.NewReader(content), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPutMemory(b *testing.B) {
	content := benchContent(b)
	b.SetBytes(benchSize)
	for b.Loop() {
		if _, err := Put(context.Background(), NewMemory(), bytes.NewReader(content), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPutDir(b *testing.B) {
	content := benchContent(b)
	b.SetBytes(benchSize)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		d, err := OpenDir(filepath.Join(dir, "store"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := Put(context.Background(), d, bytes.NewReader(content), nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
	}
}

func BenchmarkGetDir(b *testing.B) {
	content := benchContent(b)
	d, err := OpenDir(filepath.Join(b.TempDir(), "store"))
	if err != nil {
		b.Fatal(err)
	}
	res, err := Put(context.Background(), d, bytes.NewReader(content), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(benchSize)
	for b.Loop() {
		r, err := Get(context.Background(), d, res.CID)
		if err != nil {
			b.Fatal(err)
		}
		if n, err := io.Copy(io.Discard, r); err != nil || n != benchSize {
			b.Fatal(n, err)
		}
		r.Close()
	}
}
