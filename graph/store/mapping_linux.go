//go:build linux

package store

import (
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// releaseMapping tells the kernel that the process no longer needs the
// pages of db's memory map it has read, up to size bytes: they stay in the
// page cache, and the next read maps them again without reading the disk.
// Without it, every page a long ingest reads counts in the process's
// resident memory until the end, which grows with the store.
func releaseMapping(db *bolt.DB, size int64) {
	// bbolt maps the file read-only and shared, so the pages hold nothing
	// that is not in the file; a failure only leaves them mapped.
	syscall.Syscall(syscall.SYS_MADVISE, db.Info().Data, uintptr(size), syscall.MADV_DONTNEED)
}
