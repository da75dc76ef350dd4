//go:build !linux

package fsutil

// RenameNoReplace renames oldpath to newpath, failing with an error
// matching fs.ErrExist if newpath exists. Outside Linux the check and the
// rename are two steps: a file created between them is replaced.
func RenameNoReplace(oldpath, newpath string) error {
	return renameChecked(oldpath, newpath)
}
