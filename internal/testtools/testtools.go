// Package testtools finds the reference tools (Kubo, cosign, geth, Node.js
// packages) that interop tests compare against.
//
// Plain `go test ./...` needs none of them: a test that asks for a missing tool
// is skipped with a message saying how to get it. The project's test command
// (.ci/test) installs them into a cache and sets AIPROV_REQUIRE_TOOLS=1, which
// turns those skips into failures so that CI cannot pass by skipping.
package testtools

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Tool describes a reference binary.
type Tool struct {
	Name   string // binary name, e.g. "ipfs"
	EnvVar string // environment variable that may hold its path
	What   string // for messages, e.g. "Kubo v0.43.1"
}

var (
	KuboTool   = Tool{Name: "ipfs", EnvVar: "AIPROV_IPFS", What: "Kubo v0.43.1 (ipfs)"}
	CosignTool = Tool{Name: "cosign", EnvVar: "AIPROV_COSIGN", What: "cosign v2.6.5"}
	GethTool   = Tool{Name: "geth", EnvVar: "AIPROV_GETH", What: "geth v1.17.10"}
	AbigenTool = Tool{Name: "abigen", EnvVar: "AIPROV_ABIGEN", What: "abigen v1.17.10"}
	// ChromiumTool is Debian's chromium package (apt-get install chromium).
	ChromiumTool = Tool{Name: "chromium", EnvVar: "AIPROV_CHROMIUM", What: "headless Chromium (Debian's chromium)"}
)

// CacheDir is where .ci/test installs tools: $AIPROV_CACHE, or
// $HOME/.cache/aiprov.
func CacheDir() string {
	if d := os.Getenv("AIPROV_CACHE"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "aiprov-cache")
	}
	return filepath.Join(home, ".cache", "aiprov")
}

// Find returns the path of tool: its environment variable, the tool cache,
// then $PATH. It returns "" when the tool is nowhere.
func (tool Tool) Find() string {
	if p := os.Getenv(tool.EnvVar); p != "" {
		return p
	}
	if p := filepath.Join(CacheDir(), "tools", "bin", tool.Name); isExecutable(p) {
		return p
	}
	if p, err := exec.LookPath(tool.Name); err == nil {
		return p
	}
	return ""
}

// Require returns the tool's path, or skips the test (fails it when
// AIPROV_REQUIRE_TOOLS=1) with a message saying how to install it.
func (tool Tool) Require(t testing.TB) string {
	t.Helper()
	p := tool.Find()
	if p == "" {
		missing(t, fmt.Sprintf("%s not found: set %s, put %s on PATH, or run .ci/test once to install it into %s",
			tool.What, tool.EnvVar, tool.Name, filepath.Join(CacheDir(), "tools", "bin")))
	}
	return p
}

func missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("AIPROV_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

// NodeDir returns the directory whose node_modules holds the npm reference
// packages (ethers, viem, @openzeppelin/merkle-tree, @ipld/dag-cbor, …; see
// .ci/node/package.json): $AIPROV_NODE_DIR or <cache>/node.
func NodeDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("AIPROV_NODE_DIR")
	if dir == "" {
		dir = filepath.Join(CacheDir(), "node")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		missing(t, fmt.Sprintf("npm reference packages not found in %s/node_modules: set AIPROV_NODE_DIR or run .ci/test once", dir))
	}
	if _, err := exec.LookPath("node"); err != nil {
		missing(t, "node (Node.js 20) not found on PATH")
	}
	return dir
}

// RunNode runs an ES module script with Node.js so that it resolves the npm
// reference packages, feeding stdin, and returns its standard output. The
// script's arguments are available as process.argv.slice(2).
func RunNode(t testing.TB, script string, stdin []byte, args ...string) []byte {
	t.Helper()
	dir := NodeDir(t)
	// ES modules resolve packages relative to the script's own location, not
	// NODE_PATH, so the script is written beside node_modules.
	f, err := os.CreateTemp(dir, "aiprov-test-*.mjs")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(f.Name()) })
	if _, err := f.WriteString(script); err != nil {
		t.Fatal(err)
	}
	f.Close()
	cmd := exec.Command("node", append([]string{f.Name()}, args...)...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node script failed: %v\nstderr:\n%s", err, stderr.String())
	}
	return stdout.Bytes()
}
