// Package gethtest runs a real `geth --dev` node on 127.0.0.1 for tests,
// which can be stopped and restarted on the same data directory and port.
// The geth binary comes from testtools.GethTool: the test is skipped when
// it is missing (and fails under AIPROV_REQUIRE_TOOLS=1).
package gethtest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/aiprov/aiprov/internal/testtools"
)

// DevKey is geth --dev's funded account (go-ethereum cmd/utils/flags.go),
// address 0x71562b71999873DB5b286dF957af199Ec94617F7.
const DevKey = "0xb71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// ChainID is geth --dev's chain id.
const ChainID = 1337

// Node is a geth --dev node.
type Node struct {
	t       testing.TB
	bin     string
	dir     string
	port    int
	cmd     *exec.Cmd
	log     bytes.Buffer
	mu      sync.Mutex
	stopped chan struct{}
}

// Start starts geth --dev on a free port of 127.0.0.1, blocks made
// on demand, until the test ends; its log is printed if the test fails.
func Start(t testing.TB) *Node {
	bin := testtools.GethTool.Require(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	g := &Node{t: t, bin: bin, dir: t.TempDir(), port: port}
	g.Start()
	t.Cleanup(func() {
		g.Stop()
		if t.Failed() {
			g.mu.Lock()
			t.Logf("geth log:\n%s", g.log.String())
			g.mu.Unlock()
		}
	})
	return g
}

// URL is the node's HTTP JSON-RPC endpoint.
func (g *Node) URL() string { return fmt.Sprintf("http://127.0.0.1:%d", g.port) }

// Start (re)starts the node on its data directory and waits until it
// answers.
func (g *Node) Start() {
	g.t.Helper()
	g.cmd = exec.Command(g.bin, "--dev", "--dev.period", "0", "--http", "--http.addr", "127.0.0.1",
		"--http.port", fmt.Sprint(g.port), "--datadir", g.dir, "--ipcdisable", "--port", "0", "--nodiscover",
		"--authrpc.port", "0", "--verbosity", "2")
	g.cmd.Stdout, g.cmd.Stderr = &lockedWriter{w: &g.log, mu: &g.mu}, &lockedWriter{w: &g.log, mu: &g.mu}
	if err := g.cmd.Start(); err != nil {
		g.t.Fatal(err)
	}
	g.stopped = make(chan struct{})
	go func(cmd *exec.Cmd, done chan struct{}) { cmd.Wait(); close(done) }(g.cmd, g.stopped)
	deadline := time.Now().Add(60 * time.Second)
	for {
		c, err := ethclient.Dial(g.URL())
		if err == nil {
			_, err = c.ChainID(context.Background())
			c.Close()
			if err == nil {
				return
			}
		}
		if time.Now().After(deadline) {
			g.mu.Lock()
			defer g.mu.Unlock()
			g.t.Fatalf("geth did not answer on %s: %v\n%s", g.URL(), err, g.log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Stop stops geth with SIGTERM, while requests may be in flight. (After a
// SIGKILL, geth --dev v1.17.10 itself cannot build blocks again on the same
// data directory: "empty system contract" — its dev chain's state is not
// crash-safe — so a hard kill would test geth, not the client.)
func (g *Node) Stop() {
	if g.cmd != nil && g.cmd.Process != nil {
		g.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-g.stopped:
		case <-time.After(30 * time.Second):
			g.cmd.Process.Kill()
			<-g.stopped
		}
		g.cmd = nil
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
