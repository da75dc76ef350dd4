//go:build unix

package attest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/aiprov/aiprov/provenance"
)

// A FIFO in place of a listed file fails that file at once: opening one
// for reading with no writer would block the verifier forever.
func TestCheckFilesFIFO(t *testing.T) {
	check := func(path string, m *provenance.Manifest) []error {
		r := &Report{Manifest: m}
		r.checkFiles(context.Background(), path, &provenance.CheckOptions{Params: provenance.DefaultParams()})
		return r.Problems
	}
	dir, m := artifact(t, testFiles)
	listed := filepath.Join(dir, "model.safetensors")
	os.Remove(listed)
	if err := syscall.Mkfifo(listed, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	single := filepath.Join(t.TempDir(), "fifo")
	syscall.Mkfifo(single, 0o644)
	done := make(chan []error, 2)
	go func() {
		done <- check(dir, m)
		done <- check(single, m)
	}()
	for _, what := range []string{"directory", "single file"} {
		select {
		case res := <-done:
			failed := false
			for _, err := range res {
				failed = failed || errors.Is(err, ErrSubjectMismatch)
			}
			if !failed {
				t.Errorf("%s: a FIFO passed: %+v", what, res)
			}
		case <-time.After(30 * time.Second): // a hang detector, not a performance bound
			t.Fatalf("%s: checking files blocked on a FIFO", what)
		}
	}
}
