package storage

import "golang.org/x/sys/unix"

// startWriteback asks the kernel to start writing f's dirty pages to disk
// now, without waiting for it. A batch's blocks are fsynced only at the
// end; started early, their writeback overlaps the import, and the final
// fsyncs find the data already on its way instead of a whole file's worth
// dirty at once. Only a hint: durability still comes from the fsync.
func startWriteback(f tempFile) {
	if fd, ok := f.(interface{ Fd() uintptr }); ok {
		unix.SyncFileRange(int(fd.Fd()), 0, 0, unix.SYNC_FILE_RANGE_WRITE)
	}
}
