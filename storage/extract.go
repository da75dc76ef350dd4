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
	"github.com/aiprov/aiprov/internal/fsutil"
	"github.com/ipfs/go-cid"
)

// Default output limits of GetPath. A DAG may reuse a block any number of
// times, so a CAR of a few kilobytes can describe terabytes or millions of
// files; these bound what a get writes unless the caller raises them.
const (
	DefaultMaxGetBytes   = 256 << 30 // 256 GiB
	DefaultMaxGetEntries = 100_000   // files, directories and symbolic links
)

// ErrOutputLimit is matched by errors.Is when what GetPath would write
// exceeds GetOptions' limits or the free space at the destination.
var ErrOutputLimit = errors.New("output limit exceeded")

// GetOptions bounds what GetPath writes; the zero value applies the
// defaults.
type GetOptions struct {
	// MaxBytes bounds the file content written: default
	// DefaultMaxGetBytes; negative for no limit.
	MaxBytes int64
	// MaxEntries bounds the files, directories and symbolic links
	// created: default DefaultMaxGetEntries; negative for no limit (the
	// reader's own bound of 2^24 still applies).
	MaxEntries int
}

func (o *GetOptions) limits() (maxBytes int64, maxEntries int) {
	maxBytes, maxEntries = DefaultMaxGetBytes, DefaultMaxGetEntries
	if o != nil && o.MaxBytes != 0 {
		maxBytes = o.MaxBytes
	}
	if o != nil && o.MaxEntries != 0 {
		maxEntries = o.MaxEntries
	}
	if maxBytes < 0 {
		maxBytes = 1<<63 - 1
	}
	if maxEntries < 0 || maxEntries > maxEntries0 {
		maxEntries = maxEntries0
	}
	return maxBytes, maxEntries
}

const maxEntries0 = maxEntries

// Usage is what a UnixFS DAG declares it holds, as Measure counts it.
type Usage struct {
	Bytes   int64 // file content, counting a reused file each time it appears
	Entries int   // files, directories and symbolic links, the root included
}

// Measure walks the UnixFS file or directory c without reading file
// content (only directories and each file's root block) and returns what
// writing it out would take. It stops with an error matching
// ErrOutputLimit as soon as the limits of opts are exceeded.
func Measure(ctx context.Context, s Store, c cid.Cid, opts *GetOptions) (Usage, error) {
	maxBytes, maxEntries := opts.limits()
	var u Usage
	err := walkTree(ctx, s, c, "", 0, func(c cid.Cid, n *node, _ string) error {
		u.Entries++
		if u.Entries > maxEntries {
			return fmt.Errorf("%w: %s holds more than %d files, directories and links (raise the limit to get it)", ErrOutputLimit, c, maxEntries)
		}
		if n.isFile() {
			size := n.fileSize()
			if size > uint64(maxBytes) || u.Bytes+int64(size) > maxBytes {
				return fmt.Errorf("%w: %s holds more than %d bytes (raise the limit to get it)", ErrOutputLimit, c, maxBytes)
			}
			u.Bytes += int64(size)
		}
		return nil
	})
	return u, err
}

// walkTree calls visit for the UnixFS node c at path, then, when c is a
// directory, walks its entries at path/name: the one walk Measure and
// GetPath share, so both see the same tree, with the same depth bound.
// Errors are prefixed with the entry's name, except ErrOutputLimit's, which
// name their CID.
func walkTree(ctx context.Context, s Store, c cid.Cid, path string, depth int, visit func(c cid.Cid, n *node, path string) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if depth > maxDepth {
		return &DAGError{CID: c, Msg: fmt.Sprintf("directory tree deeper than %d levels", maxDepth)}
	}
	n, err := loadNode(ctx, s, c)
	if err != nil {
		return err
	}
	if err := visit(c, n, path); err != nil || !n.isDir() {
		return err
	}
	entries, err := ReadDir(ctx, s, c)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := walkTree(ctx, s, e.CID, filepath.Join(path, e.Name), depth+1, visit); err != nil {
			if errors.Is(err, ErrOutputLimit) {
				return err
			}
			return fmt.Errorf("%s: %w", e.Name, err)
		}
	}
	return nil
}

// GetPath writes the UnixFS file or directory c to dst, which must not
// exist. It first measures what c declares (see Measure) and refuses,
// before writing anything, output beyond the limits of opts or the free
// space at dst. Everything is verified as it is read (see Get and
// ReadDir); the result is written under a temporary name beside dst and
// renamed to dst only when complete, so dst appears whole or not at all,
// and never replaces something created at dst meanwhile (atomically on
// Linux). Symlinks are created as symlinks, never followed.
func GetPath(ctx context.Context, s Store, c cid.Cid, dst string, opts *GetOptions) error {
	// "restored/" names the directory to create, as for ipfs get -o; the
	// staging directory goes beside it, not inside.
	dst = filepath.Clean(dst)
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("%s already exists", dst)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	parent := filepath.Dir(dst)
	use, err := Measure(ctx, s, c, opts)
	if err != nil {
		return err
	}
	if free, ok := fsutil.FreeSpace(parent); ok && use.Bytes > free {
		return fmt.Errorf("%w: %s holds %d bytes, and only %d are free in %s", ErrOutputLimit, c, use.Bytes, free, parent)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dst)+".aiprov-tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	staged := filepath.Join(tmp, "x")
	x := &extractor{s: s, budget: use}
	write := func(c cid.Cid, n *node, path string) error { return x.write(ctx, c, n, path) }
	if err := walkTree(ctx, s, c, staged, 0, write); err != nil {
		return err
	}
	if err := fsutil.RenameNoReplace(staged, dst); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s was created while it was being written; left as it is", dst)
		}
		return err
	}
	return nil
}

// extractor writes one tree within the budget Measure found: a store
// that changed since cannot make it write more.
type extractor struct {
	s      Store
	budget Usage
	used   Usage
}

// write creates the entry for node n at path; walkTree then writes a
// directory's entries into it.
func (x *extractor) write(ctx context.Context, c cid.Cid, n *node, path string) error {
	x.used.Entries++
	if x.used.Entries > x.budget.Entries {
		return fmt.Errorf("%w: more entries than measured", ErrOutputLimit)
	}
	switch {
	case n.isFile():
		return x.writeFile(ctx, c, path)
	case n.isDir():
		return os.Mkdir(path, 0o755)
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

func (x *extractor) writeFile(ctx context.Context, c cid.Cid, path string) error {
	r, err := Get(ctx, x.s, c)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	// Limited on the writer's side, so that Get's reader still hands its
	// verified blocks to the file without another copy.
	lw := &limitedWriter{w: f, left: x.budget.Bytes - x.used.Bytes}
	n, err := io.Copy(lw, r)
	x.used.Bytes += n
	if err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// limitedWriter fails a write that would go past left bytes.
type limitedWriter struct {
	w    io.Writer
	left int64
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > l.left {
		return 0, fmt.Errorf("%w: more bytes than measured", ErrOutputLimit)
	}
	n, err := l.w.Write(p)
	l.left -= int64(n)
	return n, err
}
