//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapping does nothing where it is not known to be safe.
func releaseMapping(*bolt.DB, int64) {}

// initialMmapSize is bbolt's default initial mapping of 1 GiB.
func initialMmapSize() int { return 1 << 30 }

// trimMapping does nothing where releasing is not known to be safe.
func trimMapping(*bolt.DB, int64) {}

// releaseDuring runs fn.
func releaseDuring(_ *bolt.DB, _ int64, fn func() error) error { return fn() }
