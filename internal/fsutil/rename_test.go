package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Whatever appeared at the destination (a file, an empty directory, a
// symbolic link) stays; the rename fails saying it exists.
func TestRenameNoReplace(t *testing.T) {
	for _, kind := range []string{"file", "empty dir", "symlink"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "dst")
			os.Mkdir(src, 0o755)
			switch kind {
			case "file":
				os.WriteFile(dst, []byte("theirs"), 0o644)
			case "empty dir":
				os.Mkdir(dst, 0o755) // plain rename(2) would replace it
			case "symlink":
				if err := os.Symlink("/nonexistent", dst); err != nil {
					t.Skip(err)
				}
			}
			if err := RenameNoReplace(src, dst); !errors.Is(err, fs.ErrExist) {
				t.Fatalf("got %v, want fs.ErrExist", err)
			}
			if _, err := os.Lstat(src); err != nil {
				t.Fatalf("source gone: %v", err)
			}
		})
	}
	dir := t.TempDir()
	if err := RenameNoReplace(filepath.Join(dir, "nope"), filepath.Join(dir, "x")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("missing source: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "a"), nil, 0o644)
	if err := RenameNoReplace(filepath.Join(dir, "a"), filepath.Join(dir, "b")); err != nil {
		t.Fatal(err)
	}
}
