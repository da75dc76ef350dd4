//go:build unix

package fsutil

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO with no writer: os.Open would block forever; OpenRegular refuses
// it at once (the test would hang, and time out, if it blocked).
func TestOpenRegularFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	if _, err := OpenRegular(fifo); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("FIFO: got %v, want ErrNotRegular", err)
	}
	if _, err := OpenRegular(dir); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("directory: got %v, want ErrNotRegular", err)
	}
	file := filepath.Join(dir, "f")
	os.WriteFile(file, []byte("x"), 0o644)
	f, err := OpenRegular(file)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 2)
	if n, _ := f.Read(b); n != 1 {
		t.Fatalf("read %d bytes", n)
	}
	f.Close()
}
