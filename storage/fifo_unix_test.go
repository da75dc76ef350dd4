//go:build unix

package storage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test if fn blocks: it is a hang detector, not a
// performance bound.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s blocked on a FIFO", what)
	}
}

// A FIFO where the store expects an object is refused and quarantined,
// never read (reading one with no writer blocks forever).
func TestDirFIFOObject(t *testing.T) {
	ctx := context.Background()
	d := openTestDir(t)
	data := []byte("block")
	c := rawCID(t, data)
	_, file := d.blockPath(c)
	if err := syscall.Mkfifo(file, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	within(t, "GetBlock", func() {
		if _, err := d.GetBlock(ctx, c); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("GetBlock: %v", err)
		}
	})
	within(t, "PutBlock", func() {
		if err := d.PutBlock(ctx, c, data); err != nil {
			t.Errorf("PutBlock over a FIFO: %v", err)
		}
	})
	os.Remove(file)
	syscall.Mkfifo(file, 0o644)
	within(t, "Check", func() {
		rep, err := d.Check(ctx, nil)
		if err != nil || len(rep.Quarantined) != 1 {
			t.Errorf("Check: %+v, %v", rep, err)
		}
	})
	within(t, "GetPath", func() {
		if err := d.PutBlock(ctx, c, data); err != nil {
			t.Fatal(err)
		}
		if err := GetPath(ctx, d, c, filepath.Join(t.TempDir(), "out"), nil); err != nil {
			t.Errorf("GetPath after repair: %v", err)
		}
	})
}
