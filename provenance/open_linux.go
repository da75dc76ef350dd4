package provenance

import (
	"io"
	"io/fs"
	"syscall"
	"time"
)

// openFile opens a regular file for hashing with plain system calls. For
// the many small files of a dataset, os.Open's poller registration and
// descriptor-flag calls cost as much as reading the file; a file that is
// read once, start to end, needs none of them. nofollow refuses a file that
// was replaced by a symbolic link after the walk saw it.
func openFile(path string, nofollow bool) (hashedFile, error) {
	// O_NONBLOCK: a FIFO swapped in since the walk must not block the
	// open (it is then refused as not regular); regular files ignore it.
	flags := syscall.O_RDONLY | syscall.O_CLOEXEC | syscall.O_NONBLOCK
	if nofollow {
		flags |= syscall.O_NOFOLLOW
	}
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, flags, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return &rawFile{fd: fd, path: path}, nil
}

type rawFile struct {
	fd   int
	path string
}

func (f *rawFile) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(f.fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f *rawFile) stat() (size int64, mtime time.Time, regular bool, err error) {
	var st syscall.Stat_t
	for {
		err = syscall.Fstat(f.fd, &st)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return 0, time.Time{}, false, &fs.PathError{Op: "fstat", Path: f.path, Err: err}
	}
	// The conversions matter on 386, where Timespec fields are int32.
	return st.Size, time.Unix(int64(st.Mtim.Sec), int64(st.Mtim.Nsec)), st.Mode&syscall.S_IFMT == syscall.S_IFREG, nil
}

func (f *rawFile) Close() error { return syscall.Close(f.fd) }
