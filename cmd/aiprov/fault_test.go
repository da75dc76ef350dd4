//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aiprov/aiprov/attest/chain"
	"github.com/aiprov/aiprov/storage"
	"github.com/aiprov/aiprov/storage/storagetest"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ipfs/go-cid"
)

// TestFaultMatrix injects the faults a pipeline meets — a full disk, kill -9
// and signals in the middle of a write, corrupted blocks on disk, a Kubo
// daemon that is down or restarted, JSON-RPC and Kubo nodes that accept a
// connection and never answer — into the aiprov binary (this test binary,
// installed in $PATH by testscript.Main) and the library, and checks that
// each is survived: the command fails (or stops) with a clear error, leaves
// no partial output under the name asked for, and nothing stored before is
// lost or corrupted (`store check` finds nothing, every earlier CID reads
// back byte for byte). It ends with "fault matrix: tried N, survived N".
//
// A full disk is RLIMIT_FSIZE in the child (`ulimit -f`): writes past the
// limit fail with EFBIG, as they would with ENOSPC, without needing a small
// file system. The Kubo faults skip without the ipfs binary
// (AIPROV_REQUIRE_TOOLS=1 makes that a failure).
func TestFaultMatrix(t *testing.T) {
	aiprov := aiprovBinary(t)
	dir := t.TempDir()
	// The artifact whose writes are interrupted: several 1 MiB blocks, not
	// compressible into anything special.
	big := filepath.Join(dir, "big.bin")
	bigData := make([]byte, 24<<20)
	rng := rand.NewChaCha8([32]byte{1})
	rng.Read(bigData)
	if err := os.WriteFile(big, bigData, 0o644); err != nil {
		t.Fatal(err)
	}
	// What is already stored, and must survive every fault.
	precious := filepath.Join(dir, "precious")
	if err := os.MkdirAll(filepath.Join(precious, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"a.txt": "alpha\n", "sub/b.bin": strings.Repeat("beta", 1<<18)} {
		if err := os.WriteFile(filepath.Join(precious, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// newStore returns a store holding precious, and its root CID.
	newStore := func(t *testing.T) (string, string) {
		store := filepath.Join(t.TempDir(), "store")
		code, out, errOut := runBin(t, nil, aiprov, "store", "put", "--store", store, precious)
		if code != 0 {
			t.Fatalf("store put: %d %s", code, errOut)
		}
		return store, strings.TrimSpace(out)
	}
	// intact checks that store check finds nothing corrupt and that root
	// reads back as precious.
	intact := func(t *testing.T, store, root string) {
		t.Helper()
		code, out, errOut := runBin(t, nil, aiprov, "store", "check", "--store", store)
		if code != 0 || !strings.Contains(out, " 0 corrupt") {
			t.Fatalf("store check after the fault: %d %s%s", code, out, errOut)
		}
		got := filepath.Join(t.TempDir(), "got")
		if code, _, errOut := runBin(t, nil, aiprov, "store", "get", "--store", store, root, "-o", got); code != 0 {
			t.Fatalf("store get of what was stored before: %d %s", code, errOut)
		}
		if code, _, errOut := runBin(t, nil, aiprov, "hash", got); code != 0 || !sameTree(t, got, precious) {
			t.Fatalf("what was stored before does not read back whole: %s", errOut)
		}
	}
	// bigRoundTrips checks that big can be stored and read back after the
	// fault (nothing half-written blocks it).
	bigRoundTrips := func(t *testing.T, store string) {
		t.Helper()
		code, out, errOut := runBin(t, nil, aiprov, "store", "put", "--store", store, big)
		if code != 0 {
			t.Fatalf("store put after the fault: %d %s", code, errOut)
		}
		code, out, errOut = runBin(t, nil, aiprov, "store", "get", "--store", store, strings.TrimSpace(out))
		if code != 0 || out != string(bigData) {
			t.Fatalf("store get after the fault: %d, %d bytes, %s", code, len(out), errOut)
		}
	}
	// putBig stores big in a store of its own and returns it and its CID.
	putBig := func(t *testing.T) (string, string) {
		store, root := newStore(t)
		code, out, errOut := runBin(t, nil, aiprov, "store", "put", "--store", store, big)
		if code != 0 {
			t.Fatalf("store put: %d %s", code, errOut)
		}
		_ = root
		return store, strings.TrimSpace(out)
	}
	// noPartial checks that nothing is at path and no temporary file is
	// left beside it.
	noPartial := func(t *testing.T, path string) {
		t.Helper()
		if _, err := os.Lstat(path); err == nil {
			t.Errorf("%s exists after the fault", path)
		}
		entries, _ := os.ReadDir(filepath.Dir(path))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "."+filepath.Base(path)) {
				t.Errorf("temporary %s left beside %s", e.Name(), path)
			}
		}
	}
	// blockFiles lists a directory store's block files.
	blockFiles := func(store string) []string {
		files, _ := filepath.Glob(filepath.Join(store, "blocks", "*", "*"))
		return files
	}

	type fault struct {
		class, name string
		inject      func(t *testing.T)
	}
	var faults []fault
	add := func(class, name string, inject func(t *testing.T)) {
		faults = append(faults, fault{class, name, inject})
	}

	// Disk full.
	fsizeLimit := []string{"sh", "-c", `ulimit -f 512 && exec "$0" "$@"`} // 256 KiB (dash) to 512 KiB (bash)
	add("disk full", "store put", func(t *testing.T) {
		store, root := newStore(t)
		code, _, errOut := runBin(t, fsizeLimit, aiprov, "store", "put", "--store", store, big)
		if code != 1 || !strings.Contains(errOut, "file too large") {
			t.Fatalf("store put on a full disk: exit %d, want 1 naming the error: %s", code, errOut)
		}
		intact(t, store, root)
		bigRoundTrips(t, store)
	})
	for _, cmd := range []string{"get", "export-car"} {
		add("disk full", "store "+cmd+" -o", func(t *testing.T) {
			store, root := putBig(t)
			out := filepath.Join(t.TempDir(), "out")
			code, _, errOut := runBin(t, fsizeLimit, aiprov, "store", cmd, "--store", store, root, "-o", out)
			if code != 1 || !strings.Contains(errOut, "file too large") {
				t.Fatalf("exit %d, want 1 naming the error: %s", code, errOut)
			}
			noPartial(t, out)
		})
	}
	add("disk full", "import-car", func(t *testing.T) {
		src, root := putBig(t)
		car := filepath.Join(t.TempDir(), "big.car")
		if code, _, errOut := runBin(t, nil, aiprov, "store", "export-car", "--store", src, root, "-o", car); code != 0 {
			t.Fatal(errOut)
		}
		store, proot := newStore(t)
		code, _, errOut := runBin(t, fsizeLimit, aiprov, "store", "import-car", "--store", store, car)
		if code != 1 || !strings.Contains(errOut, "file too large") {
			t.Fatalf("import-car on a full disk: exit %d: %s", code, errOut)
		}
		intact(t, store, proot)
	})

	// kill -9 and signals in the middle of writes: the child is stopped as
	// soon as its first new block (or temporary file) appears.
	midWrite := func(t *testing.T, sig syscall.Signal, watch string, args ...string) (int, string) {
		t.Helper()
		before := countEntries(watch)
		cmd := exec.Command(aiprov, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		deadline := time.Now().Add(20 * time.Second)
		for countEntries(watch) == before {
			select {
			case err := <-exited:
				t.Fatalf("finished (%v) before it wrote anything the test saw; the fault was not injected: %s", err, stderr.String())
			default:
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("nothing written to %s in 20 s: %s", watch, stderr.String())
			}
			time.Sleep(time.Millisecond)
		}
		cmd.Process.Signal(sig)
		t.Logf("%v after %d new entries in %s", sig, countEntries(watch)-before, watch)
		var err error
		select {
		case err = <-exited:
		case <-time.After(interruptGrace + 20*time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v did not stop it", sig)
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				return -int(ws.Signal()), stderr.String()
			}
			return ee.ExitCode(), stderr.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, stderr.String()
	}
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT, syscall.SIGTERM} {
		want := 128 + int(sig)
		if sig == syscall.SIGKILL {
			want = -int(sig)
		}
		add("signal", fmt.Sprintf("%v during store put", sig), func(t *testing.T) {
			store, root := newStore(t)
			code, errOut := midWrite(t, sig, filepath.Join(store, "blocks"), "store", "put", "--store", store, big)
			if code != want {
				t.Fatalf("exit %d, want %d: %s", code, want, errOut)
			}
			intact(t, store, root)
			bigRoundTrips(t, store)
		})
		add("signal", fmt.Sprintf("%v during store get -o", sig), func(t *testing.T) {
			store, root := putBig(t)
			outDir := t.TempDir()
			out := filepath.Join(outDir, "restored.bin")
			code, errOut := midWrite(t, sig, outDir, "store", "get", "--store", store, root, "-o", out)
			if code != want {
				t.Fatalf("exit %d, want %d: %s", code, want, errOut)
			}
			if _, err := os.Lstat(out); err == nil {
				t.Fatalf("%s exists although the get was stopped", out)
			}
		})
		add("signal", fmt.Sprintf("%v during import-car", sig), func(t *testing.T) {
			src, root := putBig(t)
			car := filepath.Join(t.TempDir(), "big.car")
			if code, _, errOut := runBin(t, nil, aiprov, "store", "export-car", "--store", src, root, "-o", car); code != 0 {
				t.Fatal(errOut)
			}
			store, proot := newStore(t)
			code, errOut := midWrite(t, sig, filepath.Join(store, "blocks"), "store", "import-car", "--store", store, car)
			if code != want {
				t.Fatalf("exit %d, want %d: %s", code, want, errOut)
			}
			intact(t, store, proot)
			// The import can be run again and completes.
			if code, _, errOut := runBin(t, nil, aiprov, "store", "import-car", "--store", store, car); code != 0 {
				t.Fatalf("import-car again: %s", errOut)
			}
		})
	}

	// Corruption on disk: detected on read, reported and quarantined by
	// store check, repaired by storing the artifact again.
	for _, c := range []struct {
		name    string
		corrupt func(path string) error
	}{
		{"a flipped byte", func(p string) error {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b[len(b)/2] ^= 0x01
			return os.WriteFile(p, b, 0o644)
		}},
		{"a truncated block", func(p string) error { return os.Truncate(p, 100) }},
		{"an empty block", func(p string) error { return os.Truncate(p, 0) }},
		{"a block replaced by a FIFO", func(p string) error {
			if err := os.Remove(p); err != nil {
				return err
			}
			return syscall.Mkfifo(p, 0o644)
		}},
	} {
		add("corruption", c.name, func(t *testing.T) {
			store, root := putBig(t)
			before := blockFiles(store)
			// The largest block: a 1 MiB chunk of big.
			victim := before[0]
			for _, f := range before {
				if fi, err := os.Stat(f); err == nil && fi.Size() > 1<<19 {
					victim = f
				}
			}
			if err := c.corrupt(victim); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runBin(t, nil, aiprov, "store", "get", "--store", store, root)
			if code != 1 || out == string(bigData) || !strings.Contains(errOut, "aiprov store get:") {
				t.Fatalf("store get of a corrupt DAG: exit %d, %d bytes: %s", code, len(out), errOut)
			}
			code, out, errOut = runBin(t, nil, aiprov, "store", "check", "--store", store)
			if code != 1 || !strings.Contains(out, "1 corrupt") || !strings.Contains(out, "quarantine") {
				t.Fatalf("store check: exit %d: %s%s", code, out, errOut)
			}
			bigRoundTrips(t, store) // the put restores the block
			if code, out, errOut := runBin(t, nil, aiprov, "store", "check", "--store", store); code != 0 || !strings.Contains(out, " 0 corrupt") {
				t.Fatalf("store check after the repair: %d %s%s", code, out, errOut)
			}
		})
	}

	// Nodes that are down, restarted or silent.
	add("network", "silent JSON-RPC node", func(t *testing.T) {
		addr := silentListener(t)
		t0 := time.Now()
		_, err := chain.Dial(context.Background(), "http://"+addr, chain.Config{Registry: common.Address{1}, Timeout: time.Second})
		if err == nil || !strings.Contains(err.Error(), "sent no reply within 1s") {
			t.Fatalf("Dial of a silent node: %v", err)
		}
		if d := time.Since(t0); d > 15*time.Second {
			t.Fatalf("took %v to fail", d)
		}
	})
	add("network", "silent JSON-RPC node over a websocket", func(t *testing.T) {
		// A node that completes the websocket handshake, then answers
		// nothing: go-ethereum's RPC server with an eth_chainId that waits.
		release := make(chan struct{})
		srv := rpc.NewServer()
		if err := srv.RegisterName("eth", silentEth{release}); err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv.WebsocketHandler([]string{"*"}))
		t.Cleanup(func() { close(release); srv.Stop(); ts.Close() })
		t0 := time.Now()
		_, err := chain.Dial(context.Background(), "ws"+strings.TrimPrefix(ts.URL, "http"), chain.Config{Registry: common.Address{1}, Timeout: time.Second})
		if err == nil || !strings.Contains(err.Error(), "sent no reply within 1s") {
			t.Fatalf("Dial of a silent websocket node: %v", err)
		}
		if d := time.Since(t0); d > 15*time.Second {
			t.Fatalf("took %v to fail", d)
		}
	})
	add("network", "JSON-RPC node down", func(t *testing.T) {
		addr := closedPort(t)
		key := filepath.Join(t.TempDir(), "payer")
		if code, _, errOut := runBin(t, nil, aiprov, "keys", "generate", "--type", "secp256k1", "--out", key); code != 0 {
			t.Fatal(errOut)
		}
		code, _, errOut := runBin(t, nil, aiprov, "royalty", "pay", "bafyreihq4mg3hxko2kcmi3gig57kla3tvxarbhvhxtb6ry4ofhadhwx52i", "--amount", "1", "--key", key,
			"--rpc", "http://"+addr, "--registry", common.Address{1}.Hex(), "--distributor", common.Address{2}.Hex())
		if code != 1 || !strings.Contains(errOut, "connection refused") {
			t.Fatalf("royalty pay against a node that is down: exit %d: %s", code, errOut)
		}
	})
	add("network", "silent Kubo node", func(t *testing.T) {
		addr := silentListener(t)
		k, err := storage.NewKubo("http://"+addr, &storage.KuboOptions{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		_, err = k.Has(context.Background(), mustCID(t, "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4"))
		if !errors.Is(err, storage.ErrTimeout) {
			t.Fatalf("Has on a silent node: %v", err)
		}
		if d := time.Since(t0); d > 15*time.Second {
			t.Fatalf("took %v to fail", d)
		}
	})
	add("network", "Kubo down, then restarted", func(t *testing.T) {
		d := storagetest.StartKubo(t)
		code, out, errOut := runBin(t, nil, aiprov, "store", "put", "--api", d.API, precious)
		if code != 0 {
			t.Fatalf("store put: %s", errOut)
		}
		root := strings.TrimSpace(out)
		d.Stop()
		code, _, errOut = runBin(t, nil, aiprov, "store", "put", "--api", d.API, big)
		if code != 1 || !strings.Contains(errOut, "is the Kubo daemon running") {
			t.Fatalf("store put with the daemon down: exit %d: %s", code, errOut)
		}
		d.Start()
		// Stored before: pinned, so a garbage collection after the restart
		// keeps it.
		d.IPFS("repo", "gc")
		got := filepath.Join(t.TempDir(), "got")
		if code, _, errOut := runBin(t, nil, aiprov, "store", "get", "--api", d.API, root, "-o", got); code != 0 || !sameTree(t, got, precious) {
			t.Fatalf("store get after the restart: %d %s", code, errOut)
		}
		if code, _, errOut := runBin(t, nil, aiprov, "store", "put", "--api", d.API, big); code != 0 {
			t.Fatalf("store put after the restart: %s", errOut)
		}
	})

	tried, survived := 0, 0
	var mu sync.Mutex
	byClass := map[string][2]int{}
	for _, f := range faults {
		t.Run(f.class+"/"+f.name, func(t *testing.T) {
			mu.Lock()
			tried++
			n := byClass[f.class]
			n[0]++
			byClass[f.class] = n
			mu.Unlock()
			f.inject(t)
			if !t.Failed() && !t.Skipped() {
				mu.Lock()
				survived++
				n := byClass[f.class]
				n[1]++
				byClass[f.class] = n
				mu.Unlock()
			}
		})
	}
	for _, class := range []string{"disk full", "signal", "corruption", "network"} {
		n := byClass[class]
		t.Logf("  %-10s tried %d, survived %d", class, n[0], n[1])
	}
	t.Logf("fault matrix: tried %d, survived %d", tried, survived)
	fmt.Printf("fault matrix: tried %d, survived %d\n", tried, survived)
}

// runBin runs aiprov (prefixed by wrapper, e.g. a shell setting a limit)
// and returns its exit status and output.
func runBin(t *testing.T, wrapper []string, aiprov string, args ...string) (int, string, string) {
	t.Helper()
	argv := append(append(append([]string{}, wrapper...), aiprov), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ee.ExitCode(), stdout.String(), stderr.String()
	case err != nil:
		t.Fatal(err)
	}
	return 0, stdout.String(), stderr.String()
}

// sameTree reports whether two trees hash to the same CID.
func sameTree(t *testing.T, a, b string) bool {
	t.Helper()
	var outs [2]string
	for i, p := range []string{a, b} {
		code, out, errOut := runCLI(t, "", "hash", p)
		if code != 0 {
			t.Fatalf("hash %s: %s", p, errOut)
		}
		outs[i] = out
	}
	return outs[0] == outs[1]
}

// countEntries counts the files and directories under dir.
func countEntries(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(string, os.DirEntry, error) error { n++; return nil })
	return n
}

// silentListener accepts connections on 127.0.0.1 and never answers.
// silentEth is an eth namespace whose chainId never answers until
// released.
type silentEth struct{ release chan struct{} }

func (s silentEth) ChainId(ctx context.Context) (*hexutil.Big, error) {
	select {
	case <-s.release:
	case <-ctx.Done():
	}
	return nil, errors.New("released")
}

func silentListener(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// closedPort returns a 127.0.0.1 address nothing listens on.
func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func mustCID(t *testing.T, s string) cid.Cid {
	t.Helper()
	c, err := cid.Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
