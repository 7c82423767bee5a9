//go:build !unix

package doc

import "os"

// readFile reads the regular file at path, which measured size bytes, to its
// end but at most MaxFileSize+1 bytes.
func readFile(path string, size int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(size, f.Read)
}
