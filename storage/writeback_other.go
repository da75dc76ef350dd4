//go:build !linux

package storage

// startWriteback is a no-op where sync_file_range(2) does not exist.
func startWriteback(f tempFile) {}
