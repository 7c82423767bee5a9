//go:build unix

package fix

import (
	"os"
	"syscall"
)

// linkCount is the number of hard links to the file info describes.
func linkCount(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink) //nolint:unconvert // uint16 on darwin, uint32 on some BSDs
	}
	return 1
}

// keepOwner gives f the owner and group of the file info describes.
func keepOwner(f *os.File, info os.FileInfo) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return f.Chown(int(st.Uid), int(st.Gid))
}
