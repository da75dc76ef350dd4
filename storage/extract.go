package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/aiprov/aiprov/internal/dagpb"
	"github.com/ipfs/go-cid"
)

// GetPath writes the UnixFS file or directory c to dst, which must not
// exist. Everything is verified as it is read (see Get and ReadDir); the
// result is written under a temporary name beside dst and renamed to dst
// only when complete, so dst appears whole or not at all. Symlink entries
// are refused rather than created.
func GetPath(ctx context.Context, s Store, c cid.Cid, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("%s already exists", dst)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	parent := filepath.Dir(dst)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dst)+".aiprov-tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	staged := filepath.Join(tmp, "x")
	if err := writeNode(ctx, s, c, staged, 0); err != nil {
		return err
	}
	if err := os.Rename(staged, dst); err != nil {
		return err
	}
	return nil
}

func writeNode(ctx context.Context, s Store, c cid.Cid, path string, depth int) error {
	if depth > maxDepth {
		return &DAGError{CID: c, Msg: fmt.Sprintf("directory tree deeper than %d levels", maxDepth)}
	}
	n, err := loadNode(ctx, s, c)
	if err != nil {
		return err
	}
	switch {
	case n.isFile():
		return writeFile(ctx, s, c, path)
	case n.isDir():
		entries, err := ReadDir(ctx, s, c)
		if err != nil {
			return err
		}
		if err := os.Mkdir(path, 0o755); err != nil {
			return err
		}
		for _, e := range entries {
			if err := writeNode(ctx, s, e.CID, filepath.Join(path, e.Name), depth+1); err != nil {
				return fmt.Errorf("%s: %w", e.Name, err)
			}
		}
		return nil
	case n.unixf.Type == dagpb.TypeSymlink:
		return fmt.Errorf("%s is a symlink (%q): symlinks are not extracted", c, n.unixf.Data)
	}
	return &DAGError{CID: c, Msg: fmt.Sprintf("cannot extract a UnixFS %s", n.unixf.Type)}
}

func writeFile(ctx context.Context, s Store, c cid.Cid, path string) error {
	r, err := Get(ctx, s, c)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
