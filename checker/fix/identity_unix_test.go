//go:build unix

package fix

import (
	"os"
	"syscall"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
)

func TestOwnerIsKept(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("changing a file's owner needs root")
	}
	d, path := readFile(t, "r.txt", []byte("决策程度\n"), 0o664, doc.Options{})
	if err := os.Chown(path, 4321, 4322); err != nil {
		t.Fatal(err)
	}
	if _, err := fixOne(t, d, "程度", "程序", Options{}); err != nil {
		t.Fatal(err)
	}
	fileIs(t, path, "决策程序\n")
	info, _ := os.Stat(path)
	if st := info.Sys().(*syscall.Stat_t); st.Uid != 4321 || st.Gid != 4322 || info.Mode().Perm() != 0o664 {
		t.Errorf("owner %d:%d mode %v, want 4321:4322 0664", st.Uid, st.Gid, info.Mode().Perm())
	}
}
