//go:build !linux && !darwin

package fsutil

// FreeSpace cannot tell on this system.
func FreeSpace(dir string) (free int64, ok bool) { return 0, false }
