// Package fsutil opens files that must be regular files without the ways
// that can hang: opening a named pipe (FIFO) for reading blocks until a
// writer appears, so a FIFO planted where a file is expected would stall
// a verifier forever.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ReadNonblock are flags for opening for reading without blocking on a
// FIFO or device; for a regular file O_NONBLOCK changes nothing. Use it
// with os.OpenFile or os.Root.OpenFile, then CheckRegular.
const ReadNonblock = os.O_RDONLY | syscall.O_NONBLOCK

// ErrNotRegular is matched by errors.Is for a file that is not a regular
// file (a FIFO, socket, device or directory).
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens path for reading, refusing anything but a regular
// file without blocking on it.
func OpenRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, ReadNonblock, 0)
	if err != nil {
		return nil, err
	}
	if err := CheckRegular(f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// CheckRegular returns an error matching ErrNotRegular, naming the file,
// unless f is a regular file.
func CheckRegular(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return &os.PathError{Op: "open", Path: f.Name(), Err: fmt.Errorf("%w (%s)", ErrNotRegular, st.Mode().Type())}
	}
	return nil
}

// renameChecked is RenameNoReplace without kernel help.
func renameChecked(oldpath, newpath string) error {
	if _, err := os.Lstat(newpath); err == nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: fs.ErrExist}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Rename(oldpath, newpath)
}
