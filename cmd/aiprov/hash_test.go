package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
)

// TestHashFlagsKubo checks that `aiprov hash --profile P FLAGS` resolves
// profile and flags as Kubo does: for each profile, a Kubo repository
// initialised with it runs `ipfs add -r -Q --only-hash FLAGS` on the same
// tree, and both must print the same CID, or both fail.
func TestHashFlagsKubo(t *testing.T) {
	ipfs := testtools.KuboTool.Require(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	r := rand.New(rand.NewPCG(1, 2))
	big := make([]byte, 300<<10) // between the profiles' chunk sizes
	for i := range big {
		big[i] = byte(r.Uint32())
	}
	for name, content := range map[string][]byte{
		"model.bin":         big,
		"config.json":       []byte(`{"a":1}`),
		".hidden/secret":    []byte("s"),
		"sub/日本語.txt":       []byte("unicode"),
		"sub/deeper/x.json": []byte("{}"),
	} {
		p := filepath.Join(data, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(data, "empty"), 0o755)
	os.Symlink("config.json", filepath.Join(data, "link"))

	flagSets := []string{
		"",
		"--cid-version=0",
		"--cid-version=1",
		"--cid-version=1 --raw-leaves=false",
		"--raw-leaves",
		"--raw-leaves=false",
		"--hash=blake3",
		"--hash=blake3 --cid-version=0",
		"--chunker=size-65536",
		"--chunker=size-1000 --max-file-links=7",
		"--trickle",
		"--trickle --chunker=size-5000 --raw-leaves=false",
		"--hidden",
		"--empty-dirs=false",
		"--dereference-symlinks",
	}
	for _, profile := range []string{"unixfs-v1-2025", "unixfs-v0-2015", ""} {
		repo := filepath.Join(t.TempDir(), "repo")
		initArgs := []string{"init", "--empty-repo"}
		if profile != "" {
			initArgs = append(initArgs, "--profile="+profile)
		}
		kubo := func(args ...string) (string, error) {
			cmd := exec.Command(ipfs, args...)
			cmd.Env = append(os.Environ(), "IPFS_PATH="+repo)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			err := cmd.Run()
			if err != nil {
				return errb.String(), err
			}
			return strings.TrimSpace(out.String()), nil
		}
		if out, err := kubo(initArgs...); err != nil {
			t.Fatalf("ipfs init: %v\n%s", err, out)
		}
		ourProfile := profile
		if ourProfile == "" {
			ourProfile = "kubo-default"
		}
		for _, flags := range flagSets {
			f := strings.Fields(flags)
			want, kerr := kubo(append(append([]string{"add", "-r", "-Q", "--only-hash", "--pin=false"}, f...), data)...)
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), append(append([]string{"hash", "--profile", ourProfile}, f...), data),
				&cli{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }})
			got := strings.TrimSpace(stdout.String())
			switch {
			case kerr != nil && code == exitOK:
				t.Errorf("profile %q flags %q: Kubo fails (%s), aiprov printed %s", profile, flags, want, got)
			case kerr == nil && code != exitOK:
				t.Errorf("profile %q flags %q: Kubo printed %s, aiprov failed: %s", profile, flags, want, stderr.String())
			case kerr == nil && got != want:
				t.Errorf("profile %q flags %q: aiprov %s, Kubo %s", profile, flags, got, want)
			}
		}
	}
}

// TestHashProgressBar: a bar is drawn on stderr only when it is a terminal
// (and --progress=false is not given), reaches 100%, and is erased before
// the CID is printed.
func TestHashProgressBar(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "weights.bin")
	if err := os.WriteFile(f, make([]byte, 3<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		terminal bool
		flags    []string
	}{{true, nil}, {false, nil}, {true, []string{"--progress=false"}}} {
		terminal := tc.terminal && tc.flags == nil
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append([]string{"hash", f}, tc.flags...), &cli{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }, stderrIsTerminal: tc.terminal})
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		// Kubo v0.43.1 `ipfs add --only-hash` of 3 MiB of zeros, unixfs-v1-2025.
		if got := strings.TrimSpace(stdout.String()); got != "bafybeigdsjup7aizxrrjn7yqtcmqg6ffksaugwr7is2ind3cf7esaqrz4m" {
			t.Errorf("stdout %q", got)
		}
		bar := stderr.String()
		if terminal && (!strings.Contains(bar, "100%") || !strings.Contains(bar, "3.0 MiB/3.0 MiB") || !strings.HasSuffix(bar, "\r\033[K")) {
			t.Errorf("terminal: stderr %q", bar)
		}
		if !terminal && bar != "" {
			t.Errorf("not a terminal: stderr %q", bar)
		}
	}
}

// TestStoreProgress: export-car, import-car and store get draw a bar on a
// terminal (ending erased), and none with --progress=false or when stderr
// is not a terminal.
func TestStoreProgress(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	file := filepath.Join(dir, "w.bin")
	if err := os.WriteFile(file, bytes.Repeat([]byte("aiprov"), 1<<19), 0o644); err != nil {
		t.Fatal(err)
	}
	runT := func(terminal bool, args ...string) (string, string) {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), args, &cli{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }, stderrIsTerminal: terminal})
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
		return stdout.String(), stderr.String()
	}
	out, _ := runT(false, "store", "put", "--store", store, file)
	root := strings.TrimSpace(out)
	car := filepath.Join(dir, "x.car")
	for _, args := range [][]string{
		{"store", "export-car", "--store", store, root, "-o", car, "--force"},
		{"store", "import-car", "--store", filepath.Join(dir, "store2"), car},
		{"store", "get", "--store", store, root},
	} {
		if _, bar := runT(true, args...); !strings.Contains(bar, "\r") || !strings.HasSuffix(bar, "\r\033[K") {
			t.Errorf("%v on a terminal: stderr %q", args[1], bar)
		}
		if _, bar := runT(true, append(args, "--progress=false")...); bar != "" {
			t.Errorf("%v --progress=false: stderr %q", args[1], bar)
		}
		if _, bar := runT(false, args...); bar != "" {
			t.Errorf("%v not a terminal: stderr %q", args[1], bar)
		}
	}
}

// TestCheckProgress: manifest check (in full, and file by file with
// --cache), verify --dir and OMS signing and verification draw a bar on a
// terminal (ending erased), and none with --progress=false or when stderr
// is not a terminal.
func TestCheckProgress(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "model")
	if err := os.MkdirAll(model, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(model, "w.bin"), bytes.Repeat([]byte("aiprov"), 1<<19), 0o644); err != nil {
		t.Fatal(err)
	}
	runT := func(terminal bool, args ...string) string {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), args, &cli{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }, stderrIsTerminal: terminal})
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr.String())
		}
		return stderr.String()
	}
	m := filepath.Join(dir, "m.json")
	key := filepath.Join(dir, "k")
	env := filepath.Join(dir, "env.json")
	runT(false, "manifest", "init", model, "--name", "x", "--license", "MIT", "--contributor", "0x71562b71999873DB5b286dF957af199Ec94617F7:weights:100%", "-o", m)
	runT(false, "keys", "generate", "--type", "ed25519", "--out", key)
	runT(false, "sign", "--key", key, m, "-o", env)
	p256, oms := filepath.Join(dir, "p256"), filepath.Join(dir, "model.sig")
	runT(false, "keys", "generate", "--type", "p256", "--out", p256)
	for _, args := range [][]string{
		{"manifest", "check", m, model},
		{"manifest", "check", m, model, "--cache", filepath.Join(dir, "cache")},
		{"verify", env, "--key", key + ".pub", "--dir", model},
		{"sign", "--format", "oms", "--key", p256, model, "-o", oms},
		{"verify", oms, "--key", p256 + ".pub", "--dir", model},
	} {
		// sign writes what it did on stderr too, after the bar is erased.
		if bar := runT(true, args...); !strings.Contains(bar, "100%") || !strings.Contains(bar, "\r\033[K") {
			t.Errorf("%v on a terminal: stderr %q", args[:2], bar)
		}
		if bar := runT(true, append(args, "--progress=false")...); strings.Contains(bar, "\r") {
			t.Errorf("%v --progress=false: stderr %q", args[:2], bar)
		}
		if bar := runT(false, args...); strings.Contains(bar, "\r") {
			t.Errorf("%v not a terminal: stderr %q", args[:2], bar)
		}
	}
}
