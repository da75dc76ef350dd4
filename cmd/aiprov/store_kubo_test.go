package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/storage/storagetest"
)

// runCLI runs aiprov in-process and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &cli{
		stdin: strings.NewReader(stdin), stdout: &stdout, stderr: &stderr,
		getenv: func(string) string { return "" },
	})
	return code, stdout.String(), stderr.String()
}

// TestStoreIPFS runs `aiprov store` against a real Kubo v0.43.1 daemon:
// put pins the file and prints the CID Kubo itself computes; get, has and
// export-car read it back through the RPC API.
func TestStoreIPFS(t *testing.T) {
	d := storagetest.StartKubo(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "weights.bin")
	content := bytes.Repeat([]byte("aiprov "), 500_000) // 3.5 MB: several chunks
	os.WriteFile(file, content, 0o644)

	code, out, errOut := runCLI(t, "", "store", "put", "--ipfs", d.API, file)
	if code != 0 {
		t.Fatalf("store put: %d %s", code, errOut)
	}
	root := strings.TrimSpace(out)
	want := strings.TrimSpace(string(d.IPFS("add", "-Q", "--only-hash", "--cid-version=1", "--raw-leaves", "--chunker=size-1048576", file)))
	if root != want {
		t.Fatalf("store put printed %s, ipfs add %s", root, want)
	}
	if pins := string(d.IPFS("pin", "ls", "--type=recursive")); !strings.Contains(pins, root) {
		t.Fatalf("root not pinned: %s", pins)
	}
	if got := d.IPFS("cat", root); !bytes.Equal(got, content) {
		t.Fatal("ipfs cat differs")
	}

	code, out, errOut = runCLI(t, "", "store", "get", root, "--ipfs", d.API)
	if code != 0 || out != string(content) {
		t.Fatalf("store get: %d, %d bytes, %s", code, len(out), errOut)
	}
	if code, _, errOut = runCLI(t, "", "store", "has", "--ipfs", d.API, root); code != 0 {
		t.Fatalf("store has: %s", errOut)
	}
	car := filepath.Join(dir, "out.car")
	if code, _, errOut = runCLI(t, "", "store", "export-car", root, "-o", car, "--ipfs", d.API); code != 0 {
		t.Fatalf("export-car: %s", errOut)
	}
	store := filepath.Join(dir, "store")
	code, out, errOut = runCLI(t, "", "store", "import-car", car, "--store", store)
	if code != 0 || strings.TrimSpace(out) != root {
		t.Fatalf("import-car: %d %q %s", code, out, errOut)
	}

	d.Stop()
	code, _, errOut = runCLI(t, "", "store", "get", root, "--ipfs", d.API)
	if code != 1 || !strings.Contains(errOut, "/api/v0/block/get") || !strings.Contains(errOut, "is the Kubo daemon running") {
		t.Fatalf("store get with the daemon down: %d %s", code, errOut)
	}
}
