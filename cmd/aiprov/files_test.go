package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteFileNoReplace: what is at the path, or appears there while the
// file is written (another process, an attacker racing a symbolic link in),
// is left alone and no temporary file remains; writeFileAtomic replaces.
func TestWriteFileNoReplace(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.car")
	tests := []struct {
		name    string
		before  func() error // what is at out before the write
		during  func() error // what appears at out while writing
		replace bool
		wantErr string
		want    string // out's content afterwards
	}{
		{"new", nil, nil, false, "", "new"},
		{"existing file", func() error { return os.WriteFile(out, []byte("old"), 0o644) }, nil, false, "already exists", "old"},
		{"existing symlink", func() error { return os.Symlink("target", out) }, nil, false, "already exists", ""},
		{"created while writing", nil, func() error { return os.WriteFile(out, []byte("theirs"), 0o644) }, false, "created while aiprov wrote it", "theirs"},
		{"symlink raced in", nil, func() error { return os.Symlink("target", out) }, false, "created while aiprov wrote it", ""},
		{"force replaces", func() error { return os.WriteFile(out, []byte("old"), 0o644) }, nil, true, "", "new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(out)
			if tt.before != nil {
				if err := tt.before(); err != nil {
					t.Fatal(err)
				}
			}
			write := writeFileNoReplace
			if tt.replace {
				write = writeFileAtomic
			}
			err := write(out, 0o644, func(w io.Writer) error {
				if tt.during != nil {
					if err := tt.during(); err != nil {
						return err
					}
				}
				_, err := io.WriteString(w, "new")
				return err
			})
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if fi, err := os.Lstat(out); err == nil && fi.Mode()&os.ModeSymlink != 0 {
				if tt.want != "" {
					t.Errorf("out is a symbolic link, want a file holding %q", tt.want)
				}
			} else if got, err := os.ReadFile(out); err != nil || string(got) != tt.want {
				t.Errorf("out holds %q (%v), want %q", got, err, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("%d entries in the directory, want only out.car: %v", len(entries), entries)
			}
		})
	}
}
