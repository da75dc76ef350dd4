// Package storagetest runs a real Kubo (IPFS) daemon for tests of code
// that talks to IPFS, as net/http/httptest runs HTTP servers.
package storagetest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aiprov/aiprov/internal/testtools"
)

// Kubo is a real Kubo v0.43.1 daemon on 127.0.0.1 with a temporary,
// offline repository.
type Kubo struct {
	// Repo is the repository directory (IPFS_PATH).
	Repo string
	// API is the RPC API address, a multiaddr from the repository's api
	// file, e.g. /ip4/127.0.0.1/tcp/40123.
	API string
	// Gateway is the HTTP gateway's address, a multiaddr as the daemon
	// prints it: the wrong endpoint for RPC calls.
	Gateway string

	t    testing.TB
	bin  string
	cmd  *exec.Cmd
	done chan struct{}
}

// StartKubo initializes a repository (`ipfs init --profile=test`, which
// binds API and gateway to 127.0.0.1 on free ports), applies config
// key/values (JSON values), starts `ipfs daemon --offline` and waits for its
// api file. The daemon is stopped in t.Cleanup.
func StartKubo(t testing.TB, config ...string) *Kubo {
	t.Helper()
	bin := testtools.KuboTool.Require(t)
	k := &Kubo{t: t, bin: bin, Repo: t.TempDir()}
	k.IPFS("init", "--profile=test")
	k.IPFS("config", "--json", "Addresses.API", `"/ip4/127.0.0.1/tcp/0"`)
	k.IPFS("config", "--json", "Addresses.Gateway", `"/ip4/127.0.0.1/tcp/0"`)
	k.IPFS("config", "--json", "Addresses.Swarm", `[]`)
	for i := 0; i+1 < len(config); i += 2 {
		k.IPFS("config", "--json", config[i], config[i+1])
	}
	k.Start()
	return k
}

func (k *Kubo) env() []string {
	return append(os.Environ(), "IPFS_PATH="+k.Repo)
}

// IPFS runs the ipfs CLI against the repository (and the daemon, if
// running) and returns its standard output.
func (k *Kubo) IPFS(args ...string) []byte {
	k.t.Helper()
	out, err := k.IPFSIn(nil, args...)
	if err != nil {
		k.t.Fatal(err)
	}
	return out
}

// IPFSIn runs the ipfs CLI with stdin as its standard input; a failure's
// error holds the command's standard error.
func (k *Kubo) IPFSIn(stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.Command(k.bin, args...)
	cmd.Env = k.env()
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("ipfs %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes(), nil
}

// Start starts the daemon (again, after Stop) on the same repository and
// waits until it answers; API is updated.
func (k *Kubo) Start() {
	k.t.Helper()
	apiFile := filepath.Join(k.Repo, "api")
	os.Remove(apiFile)
	cmd := exec.Command(k.bin, "daemon", "--offline")
	cmd.Env = k.env()
	logs := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		k.t.Fatal(err)
	}
	k.cmd = cmd
	k.done = make(chan struct{})
	go func() { cmd.Wait(); close(k.done) }()
	k.t.Cleanup(k.Stop)
	deadline := time.After(60 * time.Second)
	for {
		if b, err := os.ReadFile(apiFile); err == nil && len(bytes.TrimSpace(b)) > 0 {
			k.API = string(bytes.TrimSpace(b))
			break
		}
		select {
		case <-k.done:
			k.t.Fatalf("ipfs daemon exited before writing its api file:\n%s", logs.String())
		case <-deadline:
			k.t.Fatalf("ipfs daemon did not write %s within 60s:\n%s", apiFile, logs.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	// The api file appears just before the listener serves; wait for an
	// answer.
	for i := 0; ; i++ {
		if _, err := k.IPFSIn(nil, "id", "-f", "<id>"); err == nil {
			const gw = "Gateway server listening on "
			if _, after, ok := strings.Cut(logs.String(), gw); ok {
				k.Gateway, _, _ = strings.Cut(after, "\n")
				k.Gateway = strings.TrimSpace(k.Gateway)
			}
			return
		}
		if i > 200 {
			k.t.Fatalf("ipfs daemon does not answer:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop kills the daemon (SIGKILL: the test of a node dying mid-operation
// wants no graceful shutdown, and the repository is thrown away anyway).
func (k *Kubo) Stop() {
	if k.cmd == nil {
		return
	}
	k.cmd.Process.Kill()
	<-k.done
	k.cmd = nil
	// A killed daemon leaves its lock; the next start must not trip on it.
	os.Remove(filepath.Join(k.Repo, "repo.lock"))
}

// lockedBuffer collects a daemon's output while tests read it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
