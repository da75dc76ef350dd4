package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/aiprov/aiprov/internal/fsutil"
)

// writeFileAtomic writes a file whole or not at all: into a temporary file
// beside it, renamed over it once complete, so that a failure never leaves a
// half-written manifest, envelope or dump where the old one was.
func writeFileAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	return writeFileWhole(path, perm, true, write)
}

// writeFileNoReplace writes a file whole or not at all, as writeFileAtomic
// does, but never replaces anything at path: an existing file or symbolic
// link (checked before writing, so that a long write is not wasted) or
// one created while it wrote (the final rename refuses to replace it).
func writeFileNoReplace(path string, perm os.FileMode, write func(io.Writer) error) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s already exists; use --force to replace it", path)
	}
	return writeFileWhole(path, perm, false, write)
}

func writeFileWhole(path string, perm os.FileMode, replace bool, write func(io.Writer) error) error {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return fmt.Errorf("%s: ends in a slash, which names a directory; give a file name", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	err = write(tmp)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if err == nil {
		err = tmp.Sync() // the rename must not expose a file whose data is not on disk
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		if replace {
			err = os.Rename(tmp.Name(), path)
		} else if err = fsutil.RenameNoReplace(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s was created while aiprov wrote it; left alone (use --force to replace it)", path)
		}
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// writeBytesAtomic is writeFileAtomic for data already in memory.
func writeBytesAtomic(path string, perm os.FileMode, data []byte) error {
	return writeFileAtomic(path, perm, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// writeFileNew creates name exclusively (never replacing a file) with
// mode perm and writes data; on failure it removes what it created.
func writeFileNew(name string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(name)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}
