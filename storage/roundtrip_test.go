package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/provenance"
)

// What PutPath stores, GetPath gives back: names and depths that the
// reader would call invalid are refused before anything is stored.
func TestPutGetSymmetry(t *testing.T) {
	ctx := context.Background()
	deep := func(levels int) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(append([]string{dir}, strings.Split(strings.Repeat("d/", levels-1), "/")...)...)
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(p, "f"), []byte("deep"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	file := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
				t.Skipf("the file system refuses the name %q: %v", name, err)
			}
		}
	}
	tests := []struct {
		name  string
		build func(t *testing.T, dir string)
		want  error // nil: round-trips
	}{
		{"64 levels", deep(provenance.MaxTreeDepth), nil},
		{"65 levels", deep(provenance.MaxTreeDepth + 1), provenance.ErrTooDeep},
		{"backslash", file(`a\b`), provenance.ErrUnportableName},
		{"not UTF-8", file("caf\xe9"), provenance.ErrUnportableName},
		{"UTF-8", file("café ☕"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "src")
			if err := os.Mkdir(src, 0o755); err != nil {
				t.Fatal(err)
			}
			tt.build(t, src)
			s := openTestDir(t)
			res, err := PutPath(ctx, s, src, nil)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("PutPath: got %v, want %v", err, tt.want)
				}
				if _, herr := provenance.Hash(ctx, src, nil); !errors.Is(herr, tt.want) {
					t.Fatalf("Hash: got %v, want %v", herr, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			dst := filepath.Join(t.TempDir(), "out")
			if err := GetPath(ctx, s, res.CID, dst, nil); err != nil {
				t.Fatalf("GetPath of what PutPath stored: %v", err)
			}
			back, err := provenance.Hash(ctx, dst, nil)
			if err != nil || !back.CID.Equals(res.CID) {
				t.Fatalf("round trip: %v, %v; want %s", back, err, res.CID)
			}
		})
	}
}
