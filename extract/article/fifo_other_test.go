//go:build !unix

package article

import "errors"

// mkfifo makes a named pipe for the tests of special files.
func mkfifo(string) error { return errors.New("no named pipes here") }
