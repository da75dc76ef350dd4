//go:build unix

// Command storebench measures the directory store against the tools it
// replaces, in one run on the same file: a verified put (import, hash,
// durable writes) against `cp`, and a verified get against `cat`. It
// prints wall-clock and CPU times and their ratios (reference ÷ store:
// 1.0 means as fast, 0.5 half as fast).
//
//	go run ./internal/bench/storebench -size 1GiB -dir /var/tmp
//
// Each step runs -runs times, interleaved with the others, and the fastest
// wall time is kept, which filters out some of the noise of a shared
// machine; CPU time (user + system) does not depend on what else runs, so
// it is shown too. The file is read from the page cache by every step (it
// is written just before and read once untimed), so the numbers compare the
// CPU and write paths, not the disk's read speed. cp does not fsync and the
// store does, so "cp + sync" is also shown. GNU cp copies inside the kernel
// (copy_file_range) while the store must bring every byte into user space
// to hash it, so `dd bs=1M conv=fsync` (read and write through user space,
// durable) is shown as the like-for-like reference. A verified get must SHA-256 every byte, so it is also
// compared with hashing the file on all cores, its ceiling: with
// crypto/sha256, and with internal/sha256x2 (two 1 MiB leaves at once, as
// the store verifies a file's leaves).
package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/aiprov/aiprov/internal/sha256x2"
	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
)

// cost is what one step took.
type cost struct {
	wall, cpu time.Duration
}

func main() {
	sizeFlag := flag.String("size", "1GiB", "file size (e.g. 256MiB, 4GiB)")
	dirFlag := flag.String("dir", os.TempDir(), "working directory (on the disk to measure)")
	runs := flag.Int("runs", 3, "measure each step this many times, interleaved, and keep the fastest")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the in-process steps (put, get, hashing) to this file")
	flag.Parse()
	size, err := parseSize(*sizeFlag)
	if err != nil {
		log.Fatal(err)
	}
	work, err := os.MkdirTemp(*dirFlag, "storebench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	src := filepath.Join(work, "input.bin")
	if err := writeRandom(src, size); err != nil {
		log.Fatal(err)
	}
	run("cat", src) // warm the page cache

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}

	ctx := context.Background()
	names := []string{"cp", "cp + sync", "dd bs=1M conv=fsync", "store put (verified)", "cat > /dev/null", "store get (verified)", "sha256, all cores", "sha256x2, all cores"}
	best := map[string]cost{}
	keep := func(name string, c cost) {
		if b, ok := best[name]; !ok || c.wall < b.wall {
			best[name] = c
		}
	}
	var root cid.Cid
	copyPath := filepath.Join(work, "copy.bin")
	storeDir := filepath.Join(work, "store")
	for range *runs {
		keep("cp", run("cp", src, copyPath))
		os.Remove(copyPath)
		run("sync")
		a := run("cp", src, copyPath)
		b := run("sync", "-f", copyPath)
		keep("cp + sync", cost{a.wall + b.wall, a.cpu + b.cpu})
		os.Remove(copyPath)
		run("sync")
		keep("dd bs=1M conv=fsync", run("dd", "if="+src, "of="+copyPath, "bs=1M", "conv=fsync", "status=none"))
		os.Remove(copyPath)

		os.RemoveAll(storeDir)
		run("sync")
		s, err := storage.OpenDir(storeDir)
		if err != nil {
			log.Fatal(err)
		}
		keep("store put (verified)", self(func() {
			f, err := os.Open(src)
			if err != nil {
				log.Fatal(err)
			}
			defer f.Close()
			res, err := storage.Put(ctx, s, f, nil)
			if err != nil {
				log.Fatal(err)
			}
			root = res.CID
		}))

		keep("cat > /dev/null", run("cat", src))
		keep("store get (verified)", self(func() {
			r, err := storage.Get(ctx, s, root)
			if err != nil {
				log.Fatal(err)
			}
			n, err := io.Copy(io.Discard, r)
			r.Close()
			if err != nil || n != size {
				log.Fatalf("get: %d bytes, %v", n, err)
			}
		}))
		keep("sha256, all cores", self(func() { sha256All(src, size, false) }))
		keep("sha256x2, all cores", self(func() { sha256All(src, size, true) }))
	}

	mib := float64(size) / (1 << 20)
	fmt.Printf("file %s (%d bytes), root %s, %d runs (fastest kept), GOMAXPROCS %d, work dir %s\n",
		*sizeFlag, size, root, *runs, runtime.GOMAXPROCS(0), *dirFlag)
	fmt.Printf("  %-22s %9s %11s %9s\n", "step", "wall", "MiB/s", "CPU")
	for _, n := range names {
		c := best[n]
		fmt.Printf("  %-22s %8.3fs %11.1f %8.3fs\n", n, c.wall.Seconds(), mib/c.wall.Seconds(), c.cpu.Seconds())
	}
	ratio := func(label, ref, store string) {
		r, s := best[ref], best[store]
		fmt.Printf("  %-18s wall %.2f×   CPU %.2f×\n", label, r.wall.Seconds()/s.wall.Seconds(), r.cpu.Seconds()/s.cpu.Seconds())
	}
	fmt.Println("ratios (reference ÷ store; 1.00× = as fast):")
	ratio("put vs cp", "cp", "store put (verified)")
	ratio("put vs cp + sync", "cp + sync", "store put (verified)")
	ratio("put vs dd", "dd bs=1M conv=fsync", "store put (verified)")
	ratio("get vs cat", "cat > /dev/null", "store get (verified)")
	ratio("get vs sha256", "sha256, all cores", "store get (verified)")
	ratio("get vs sha256x2", "sha256x2, all cores", "store get (verified)")
}

// self measures a step run in this process.
func self(f func()) cost {
	var before, after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	start := time.Now()
	f()
	wall := time.Since(start)
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano()+after.Stime.Nano()-before.Utime.Nano()-before.Stime.Nano()) * time.Nanosecond
	return cost{wall, cpu}
}

// run runs a reference tool with its output discarded (cat's to
// /dev/null, as `cat f > /dev/null` does) and measures it.
func run(name string, args ...string) cost {
	cmd := exec.Command(name, args...)
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		log.Fatal(err)
	}
	defer devnull.Close()
	cmd.Stdout, cmd.Stderr = devnull, os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return cost{time.Since(start), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
}

func writeRandom(path string, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.CopyN(f, rand.Reader, size); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"", 1}}
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseInt(n, 10, 64)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("bad size %q", s)
			}
			return v * u.mult, nil
		}
	}
	return 0, fmt.Errorf("bad size %q", s)
}

// sha256All hashes the file in 1 MiB pieces on every CPU: the fastest a
// verified read of it can be. With pairs, it hashes two pieces at once
// with internal/sha256x2.
func sha256All(path string, size int64, pairs bool) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	piece := int64(1 << 20)
	if pairs {
		piece *= 2
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, piece)
			for {
				off := next.Add(piece) - piece
				if off >= size {
					return
				}
				n, _ := f.ReadAt(buf, off)
				if h := n / 2; pairs && n%2 == 0 {
					sha256x2.Sum(buf[:h], buf[h:n])
				} else {
					sha256.Sum256(buf[:n])
				}
			}
		}()
	}
	wg.Wait()
}
