//go:build !linux

package provenance

import (
	"os"
	"time"

	"github.com/aiprov/aiprov/internal/fsutil"
)

func openFile(path string, nofollow bool) (hashedFile, error) {
	f, err := os.OpenFile(path, fsutil.ReadNonblock, 0)
	if err != nil {
		return nil, err
	}
	return osFile{f}, nil
}

type osFile struct{ *os.File }

func (f osFile) stat() (size int64, mtime time.Time, regular bool, err error) {
	st, err := f.Stat()
	if err != nil {
		return 0, time.Time{}, false, err
	}
	return st.Size(), st.ModTime(), st.Mode().IsRegular(), nil
}
