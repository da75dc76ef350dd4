//go:build unix

package provenance

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestErrorsNamePath(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no fifos here:", err)
	}
	_, err := Hash(context.Background(), dir, nil)
	var pe *fs.PathError
	if !errors.Is(err, ErrSpecialFile) || !errors.As(err, &pe) || pe.Path != fifo {
		t.Errorf("fifo: %v", err)
	}
	os.Remove(fifo)

	if os.Getuid() != 0 {
		secret := filepath.Join(dir, "secret")
		os.WriteFile(secret, []byte("x"), 0o000)
		_, err = Hash(context.Background(), dir, nil)
		if !errors.Is(err, fs.ErrPermission) || !errors.As(err, &pe) || pe.Path != secret {
			t.Errorf("unreadable: %v", err)
		}
		os.Remove(secret)
	}

	_, err = Hash(context.Background(), filepath.Join(dir, "missing"), nil)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing: %v", err)
	}
}
