package storage

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aiprov/aiprov/internal/testtools"
)

// kuboDaemon is a real Kubo v0.43.1 daemon on 127.0.0.1 with a temporary,
// offline repository.
type kuboDaemon struct {
	t    testing.TB
	bin  string
	repo string
	cmd  *exec.Cmd
	api  string // multiaddr from the api file
	done chan struct{}
}

// startKubo initializes a repository (`ipfs init --profile=test`, which
// binds API and gateway to 127.0.0.1 on free ports), applies config
// key/values (JSON values), starts `ipfs daemon --offline` and waits for its
// api file. The daemon is stopped in t.Cleanup.
func startKubo(t testing.TB, config ...string) *kuboDaemon {
	t.Helper()
	bin := testtools.KuboTool.Require(t)
	k := &kuboDaemon{t: t, bin: bin, repo: t.TempDir()}
	k.ipfs("init", "--profile=test")
	k.ipfs("config", "--json", "Addresses.API", `"/ip4/127.0.0.1/tcp/0"`)
	k.ipfs("config", "--json", "Addresses.Gateway", `"/ip4/127.0.0.1/tcp/0"`)
	k.ipfs("config", "--json", "Addresses.Swarm", `[]`)
	for i := 0; i+1 < len(config); i += 2 {
		k.ipfs("config", "--json", config[i], config[i+1])
	}
	k.start()
	return k
}

func (k *kuboDaemon) env() []string {
	return append(os.Environ(), "IPFS_PATH="+k.repo)
}

// ipfs runs the ipfs CLI against the repository (and the daemon, if
// running) and returns its standard output.
func (k *kuboDaemon) ipfs(args ...string) []byte {
	k.t.Helper()
	out, err := k.ipfsIn(nil, args...)
	if err != nil {
		k.t.Fatal(err)
	}
	return out
}

func (k *kuboDaemon) ipfsIn(stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.Command(k.bin, args...)
	cmd.Env = k.env()
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, &exec.ExitError{ProcessState: cmd.ProcessState, Stderr: []byte("ipfs " + strings.Join(args, " ") + ": " + stderr.String())}
	}
	return stdout.Bytes(), nil
}

func (k *kuboDaemon) start() {
	k.t.Helper()
	apiFile := filepath.Join(k.repo, "api")
	os.Remove(apiFile)
	cmd := exec.Command(k.bin, "daemon", "--offline")
	cmd.Env = k.env()
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		k.t.Fatal(err)
	}
	k.cmd = cmd
	k.done = make(chan struct{})
	go func() { cmd.Wait(); close(k.done) }()
	k.t.Cleanup(k.stop)
	deadline := time.After(60 * time.Second)
	for {
		if b, err := os.ReadFile(apiFile); err == nil && len(bytes.TrimSpace(b)) > 0 {
			k.api = string(bytes.TrimSpace(b))
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
		if _, err := k.ipfsIn(nil, "id", "-f", "<id>"); err == nil {
			return
		}
		if i > 200 {
			k.t.Fatalf("ipfs daemon does not answer:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop kills the daemon (SIGKILL: the test of a node dying mid-operation
// wants no graceful shutdown, and the repository is thrown away anyway).
func (k *kuboDaemon) stop() {
	if k.cmd == nil {
		return
	}
	k.cmd.Process.Kill()
	<-k.done
	k.cmd = nil
	// A killed daemon leaves its lock; the next start must not trip on it.
	os.Remove(filepath.Join(k.repo, "repo.lock"))
}

func (k *kuboDaemon) client(t testing.TB, opts *KuboOptions) *Kubo {
	t.Helper()
	c, err := NewKubo(k.api, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
