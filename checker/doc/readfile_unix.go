//go:build unix

package doc

import (
	"errors"
	"io/fs"
	"syscall"
)

// readFileInto reads the regular file at path to its end, but at most
// MaxFileSize+1 bytes, into buf (readAll). It opens and reads the file by system
// calls: os.Open puts each file in non-blocking mode, tries to register it
// with the network poller, which refuses a regular file, and takes
// non-blocking mode back, five system calls that on this project's virtual
// machine cost more than reading a report. Errors are those os.Open and
// File.Read give.
func readFileInto(path string, buf []byte) ([]byte, error) {
	fd, err := retryEINTR(func() (int, error) { return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd) //nolint:errcheck // read only: closing loses nothing
	return readAll(buf, func(b []byte) (int, error) {
		n, err := retryEINTR(func() (int, error) { return syscall.Read(fd, b) })
		if err != nil {
			return 0, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		return n, nil
	})
}

// retryEINTR calls call again while it is interrupted by a signal, as the os
// package does.
func retryEINTR(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if !errors.Is(err, syscall.EINTR) {
			return n, err
		}
	}
}
