//go:build unix

package article

import "syscall"

// mkfifo makes a named pipe for the tests of special files.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
