//go:build !unix

package doc

import "os"

// readFileInto reads the regular file at path to its end, but at most
// MaxFileSize+1 bytes, into buf (readAll).
func readFileInto(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(buf, f.Read)
}
