//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSignalStopsBlockedCommand runs the aiprov binary (this test binary,
// installed in $PATH by testscript.Main) on a FIFO that nobody writes, or a
// stdin that never ends, where it blocks in a read the command's context
// cannot interrupt, and checks that SIGINT (SIGTERM) stops it promptly with
// status 130 (143). Special files inside a tree are refused up front instead:
// those cases must fail by themselves, without a signal.
func TestSignalStopsBlockedCommand(t *testing.T) {
	aiprov := aiprovBinary(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	model := filepath.Join(dir, "model")
	for _, err := range []error{
		syscall.Mkfifo(fifo, 0o600),
		os.Mkdir(model, 0o755),
		os.WriteFile(filepath.Join(model, "w.bin"), []byte("weights"), 0o644),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	manifest := filepath.Join(dir, "m.json")
	if out, err := exec.Command(aiprov, "manifest", "init", model, "--draft", "--name", "x", "-o", manifest).CombinedOutput(); err != nil {
		t.Fatalf("manifest init: %v\n%s", err, out)
	}
	if err := syscall.Mkfifo(filepath.Join(model, "pipe"), 0o600); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "k.pub")
	if out, err := exec.Command(aiprov, "keys", "generate", "--type", "ed25519", "--out", filepath.Join(dir, "k")).CombinedOutput(); err != nil {
		t.Fatalf("keys generate: %v\n%s", err, out)
	}

	tests := []struct {
		name   string
		args   []string
		signal syscall.Signal // 0: the command must stop by itself
		want   int
	}{
		{"verify envelope FIFO", []string{"verify", fifo, "--key", pub}, syscall.SIGINT, 130},
		{"verify policy FIFO", []string{"verify", manifest, "--policy", fifo}, syscall.SIGINT, 130},
		{"manifest check FIFO", []string{"manifest", "check", fifo, model}, syscall.SIGINT, 130},
		{"hash silent stdin", []string{"hash", "-"}, syscall.SIGINT, 130},
		{"store put silent stdin SIGTERM", []string{"store", "put", "--store", filepath.Join(dir, "store"), "-"}, syscall.SIGTERM, 143},
		{"manifest check FIFO in tree", []string{"manifest", "check", manifest, model}, 0, 1},
		{"hash FIFO", []string{"hash", fifo}, 0, 1},
		{"store put FIFO in tree", []string{"store", "put", "--store", filepath.Join(dir, "store"), model}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each mostly waits
			cmd := exec.Command(aiprov, tt.args...)
			// A pipe whose write end stays open and silent: stdin never ends.
			stdinR, stdinW, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdinW.Close()
			cmd.Stdin = stdinR
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			stdinR.Close()
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			if tt.signal != 0 {
				select {
				case err := <-exited:
					t.Fatalf("exited before the signal (%v); it should block:\n%s", err, stderr.String())
				// Long enough for the child to start and install its signal
				// handlers, even built with -race on a loaded machine.
				case <-time.After(1500 * time.Millisecond):
				}
				if err := cmd.Process.Signal(tt.signal); err != nil {
					t.Fatal(err)
				}
			}
			// interruptGrace plus slack for a loaded machine.
			var werr error
			select {
			case werr = <-exited:
			case <-time.After(interruptGrace + 10*time.Second):
				cmd.Process.Kill()
				<-exited
				t.Fatalf("still running after %v; stderr:\n%s", interruptGrace+10*time.Second, stderr.String())
			}
			got := 0
			var ee *exec.ExitError
			if errors.As(werr, &ee) {
				got = ee.ExitCode()
			} else if werr != nil {
				t.Fatal(werr)
			}
			if got != tt.want {
				t.Errorf("exit status %d, want %d; stderr:\n%s", got, tt.want, stderr.String())
			}
			t.Logf("stderr: %s", bytes.TrimSpace(stderr.Bytes()))
		})
	}
}
