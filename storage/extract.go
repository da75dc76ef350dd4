package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/aiprov/aiprov/internal/dagpb"
	"github.com/ipfs/go-cid"
)

// GetPath writes the UnixFS file or directory c to dst, which must not
// exist. Everything is verified as it is read (see Get and ReadDir); the
// result is written under a temporary name beside dst and renamed to dst
// only when complete, so dst appears whole or not at all. Symlinks are
// created as symlinks, never followed.
func GetPath(ctx context.Context, s Store, c cid.Cid, dst string) error {
	// "restored/" names the directory to create, as for ipfs get -o; the
	// staging directory goes beside it, not inside.
	dst = filepath.Clean(dst)
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
	x := &extractor{s: s}
	if err := x.writeNode(ctx, c, staged, 0); err != nil {
		return err
	}
	if err := os.Rename(staged, dst); err != nil {
		return err
	}
	return nil
}

// extractor writes one tree, counting entries: a DAG may reuse a
// directory many times, so the written tree can be far larger than the
// blocks that describe it.
type extractor struct {
	s       Store
	entries int
}

func (x *extractor) writeNode(ctx context.Context, c cid.Cid, path string, depth int) error {
	s := x.s
	x.entries++
	if x.entries > maxEntries {
		return &DAGError{CID: c, Msg: fmt.Sprintf("tree has more than %d entries", maxEntries)}
	}
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
			if err := x.writeNode(ctx, e.CID, filepath.Join(path, e.Name), depth+1); err != nil {
				return fmt.Errorf("%s: %w", e.Name, err)
			}
		}
		return nil
	case n.unixf.Type == dagpb.TypeSymlink:
		// Created as `ipfs get` does, never followed: every entry is
		// created with O_EXCL under a directory made here, so no later
		// write can go through a link.
		target := string(n.unixf.Data)
		if target == "" || strings.ContainsRune(target, 0) {
			return &DAGError{CID: c, Msg: fmt.Sprintf("symlink target %q", target)}
		}
		return os.Symlink(target, path)
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
