//go:build linux

package store

import (
	"bytes"
	"math/bits"
	"os"
	"strconv"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
)

// mapSize is the address space bbolt maps for a store on 64-bit Linux:
// far more than any store's file, so that bbolt never maps the file again
// while the process runs (it remaps when the file outgrows the mapping,
// at 1 GiB steps by default). The mapping then stays where it is, which is
// what lets releaseDuring release its pages while bbolt works in it.
// Address space costs nothing until pages are read.
const mapSize = 1 << 40

// initialMmapSize is the bbolt option giving mapSize where the address
// space allows it, and 1 GiB elsewhere.
func initialMmapSize() int {
	if bits.UintSize == 64 {
		return mapSize
	}
	return 1 << 30
}

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

// releaseAbove is the size of a bbolt file below which its pages are
// never released: the whole file fits in the budget.
const releaseAbove = 256 << 20

// mappedBudget is how much of the process's memory may be pages of files
// (the store's mapping, and the binary with its models) before
// trimMapping releases the store's. Releasing is not free: every page
// read after it is mapped again, which made a 10,000-article ingest 9%
// slower when done every few milliseconds whatever the memory.
const mappedBudget = 128 << 20

// trimMapping releases db's mapped pages (see releaseMapping) when the
// file is larger than releaseAbove and the process holds more than
// mappedBudget of file pages.
func trimMapping(db *bolt.DB, size int64) {
	if size > releaseAbove && residentFilePages() > mappedBudget {
		releaseMapping(db, size)
	}
}

// residentFilePages returns the bytes of file and shared-memory pages the
// process has resident (the third field of /proc/self/statm), or the
// largest int64 when it cannot tell, so that pages are released as if
// memory were short.
func residentFilePages() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 1<<63 - 1
	}
	fields := bytes.Fields(b)
	if len(fields) < 3 {
		return 1<<63 - 1
	}
	pages, err := strconv.ParseInt(string(fields[2]), 10, 64)
	if err != nil {
		return 1<<63 - 1
	}
	return pages * int64(os.Getpagesize())
}

// releaseDuring runs fn, typically a bbolt commit, while trimming db's
// mapping (trimMapping) every few milliseconds. A commit reads the old
// copy of every page it rewrites (to free it), and on a store of
// gigabytes those reads alone mapped 0.5 GB at once into the process,
// growing with the store. Releasing them while bbolt reads is safe only
// because the mapping cannot move (see mapSize): it is not done for files
// that could outgrow it, nor where addresses are 32 bits.
func releaseDuring(db *bolt.DB, size int64, fn func() error) error {
	if bits.UintSize != 64 || size > mapSize/2 || size <= releaseAbove {
		return fn()
	}
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				trimMapping(db, size)
			}
		}
	}()
	err := fn()
	close(stop)
	<-done
	return err
}
