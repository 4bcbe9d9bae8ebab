//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// releaseMapping does nothing where it is not known to be safe.
func releaseMapping(*bolt.DB, int64) {}
