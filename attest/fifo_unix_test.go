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
)

// A FIFO in place of a listed file fails that file at once: opening one
// for reading with no writer would block the verifier forever.
func TestCheckFilesFIFO(t *testing.T) {
	dir, m := artifact(t, testFiles)
	listed := filepath.Join(dir, "model.safetensors")
	os.Remove(listed)
	if err := syscall.Mkfifo(listed, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	single := filepath.Join(t.TempDir(), "fifo")
	syscall.Mkfifo(single, 0o644)
	done := make(chan []FileResult, 2)
	go func() {
		done <- CheckFiles(context.Background(), dir, m)
		done <- CheckFiles(context.Background(), single, m)
	}()
	for _, what := range []string{"directory", "single file"} {
		select {
		case res := <-done:
			failed := false
			for _, f := range res {
				failed = failed || f.Err != nil && errors.Is(f.Err, ErrSubjectMismatch)
			}
			if !failed {
				t.Errorf("%s: a FIFO passed: %+v", what, res)
			}
		case <-time.After(30 * time.Second): // a hang detector, not a performance bound
			t.Fatalf("%s: CheckFiles blocked on a FIFO", what)
		}
	}
}
