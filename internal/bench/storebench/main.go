// Command storebench measures the directory store against the tools it
// replaces, in one run on the same file: `aiprov store put` (import, hash,
// verify, durable writes) against `cp`, and a verified get against `cat`.
// It prints throughputs and ratios (store ÷ reference; ≥ 1 is as fast).
// Each step runs -runs times, interleaved with the others, and the fastest
// time is kept, which filters out noise from other work on the machine.
//
//	go run ./internal/bench/storebench -size 1GiB -dir /var/tmp
//
// The file is read from the page cache by both sides (it is written just
// before and read once untimed), so the numbers compare the CPU and write
// paths, not the disk's read speed. cp does not fsync; the store does, so
// "cp + sync" is also shown: the fair reference for a durable write. A
// verified get must SHA-256 every byte, so it is also compared with hashing
// the file on all cores, its ceiling.
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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aiprov/aiprov/storage"
	"github.com/ipfs/go-cid"
)

func main() {
	sizeFlag := flag.String("size", "1GiB", "file size (e.g. 256MiB, 4GiB)")
	dirFlag := flag.String("dir", os.TempDir(), "working directory (on the disk to measure)")
	runs := flag.Int("runs", 3, "measure each step this many times, interleaved, and keep the fastest")
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
	// Warm the page cache.
	run("cat", src)

	ctx := context.Background()
	var cpTime, cpSyncTime, putTime, catTime, getTime, shaTime time.Duration
	best := func(d *time.Duration, t time.Duration) {
		if *d == 0 || t < *d {
			*d = t
		}
	}
	var res string
	for range *runs {
		copyPath := filepath.Join(work, "copy.bin")
		best(&cpTime, timeIt(func() { run("cp", src, copyPath) }))
		os.Remove(copyPath)
		run("sync")
		best(&cpSyncTime, timeIt(func() {
			run("cp", src, copyPath)
			run("sync", "-f", copyPath)
		}))
		os.Remove(copyPath)
		run("sync")

		storeDir := filepath.Join(work, "store")
		os.RemoveAll(storeDir)
		run("sync")
		s, err := storage.OpenDir(storeDir)
		if err != nil {
			log.Fatal(err)
		}
		best(&putTime, timeIt(func() {
			f, err := os.Open(src)
			if err != nil {
				log.Fatal(err)
			}
			defer f.Close()
			r, err := storage.Put(ctx, s, f, nil)
			if err != nil {
				log.Fatal(err)
			}
			res = r.CID.String()
		}))

		best(&catTime, timeIt(func() { run("cat", src) }))
		c, err := cid.Decode(res)
		if err != nil {
			log.Fatal(err)
		}
		best(&getTime, timeIt(func() {
			r, err := storage.Get(ctx, s, c)
			if err != nil {
				log.Fatal(err)
			}
			n, err := io.Copy(io.Discard, r)
			r.Close()
			if err != nil || n != size {
				log.Fatalf("get: %d bytes, %v", n, err)
			}
		}))
		best(&shaTime, timeIt(func() { sha256All(src, size) }))
	}

	mib := float64(size) / (1 << 20)
	fmt.Printf("file %s (%d bytes), root %s, work dir %s\n", *sizeFlag, size, res, *dirFlag)
	row := func(name string, d time.Duration) {
		fmt.Printf("  %-26s %8.3fs %9.1f MiB/s\n", name, d.Seconds(), mib/d.Seconds())
	}
	row("cp", cpTime)
	row("cp + sync", cpSyncTime)
	row("store put (verified)", putTime)
	row("cat > /dev/null", catTime)
	row("store get (verified)", getTime)
	row("sha256, all cores", shaTime)
	fmt.Printf("ratios (store throughput ÷ reference):\n")
	fmt.Printf("  put vs cp        %.2f×\n", cpTime.Seconds()/putTime.Seconds())
	fmt.Printf("  put vs cp + sync %.2f×\n", cpSyncTime.Seconds()/putTime.Seconds())
	fmt.Printf("  get vs cat       %.2f×\n", catTime.Seconds()/getTime.Seconds())
	fmt.Printf("  get vs sha256    %.2f×  (verification must hash every byte: its ceiling)\n", shaTime.Seconds()/getTime.Seconds())
}

func timeIt(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

// run runs a reference tool with its output discarded (cat's to
// /dev/null, as `cat f > /dev/null` does).
func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		log.Fatal(err)
	}
	defer devnull.Close()
	cmd.Stdout, cmd.Stderr = devnull, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
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
// verified read of it can be.
func sha256All(path string, size int64) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	const piece = 1 << 20
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
				sha256.Sum256(buf[:n])
			}
		}()
	}
	wg.Wait()
}
