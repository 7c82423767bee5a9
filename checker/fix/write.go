package fix

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// replaceFile writes after in place of the file path names, which was read as
// before. The file is the one path leads to (a symlink is followed and kept),
// and it keeps its mode, owner and hard links:
//
//   - A file without write permission is refused unless allowReadOnly.
//   - The file must still hold exactly the bytes that were read (and its size
//     and modification time must not move while it is replaced); otherwise
//     the user's version is left and the fix refused.
//   - Normally a temporary file in the same directory, given the file's mode
//     and owner, is renamed over it (atomic). A file with more than one hard
//     link, or whose owner the temporary file cannot be given, is instead
//     rewritten through its own inode after the same check: the links and
//     owner stay, at the price of atomicity.
func replaceFile(path string, before, after []byte, allowReadOnly bool) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("%s: 找不到要修复的文件：%w", path, err)
	}
	info, err := os.Stat(real)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: 不是普通文件，未修复", path)
	}
	if info.Mode().Perm()&0o200 == 0 && !allowReadOnly {
		return fmt.Errorf("%s: 文件是只读的，未修复（确要修复请加 --fix-readonly）", path)
	}
	if err := sameContent(path, real, before); err != nil {
		return err
	}
	if linkCount(info) > 1 {
		return rewriteInPlace(path, real, before, after)
	}
	return replaceAtomic(path, real, info, before, after)
}

// sameContent checks that the file still holds what was read.
func sameContent(path, real string, before []byte) error {
	now, err := os.ReadFile(real)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !bytes.Equal(now, before) {
		return changedError(path)
	}
	return nil
}

func changedError(path string) error {
	return fmt.Errorf("%s: 文件在检查之后被改动过，未修复，保留现有内容；请重新运行", path)
}

// unchanged tells whether the file still has the size and modification time
// of info: the last check before it is replaced.
func unchanged(real string, info os.FileInfo) bool {
	now, err := os.Stat(real)
	return err == nil && now.Size() == info.Size() && now.ModTime().Equal(info.ModTime())
}

// replaceAtomic renames a temporary file holding after over real. When the
// temporary file cannot be given real's owner, it falls back to rewriting in
// place, which keeps the owner.
func replaceAtomic(path, real string, info os.FileInfo, before, after []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".fzlint-*")
	if err != nil {
		return fmt.Errorf("%s: 无法在文件所在目录写临时文件：%w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := keepOwner(tmp, info); err != nil {
		tmp.Close()
		return rewriteInPlace(path, real, before, after)
	}
	_, err = tmp.Write(after)
	if err == nil {
		err = tmp.Chmod(info.Mode().Perm())
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !unchanged(real, info) {
		return changedError(path)
	}
	if err := os.Rename(tmp.Name(), real); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// rewriteInPlace writes after through the file's own inode, after checking
// through the same open file that it still holds before.
func rewriteInPlace(path, real string, before, after []byte) error {
	f, err := os.OpenFile(real, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	now, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !bytes.Equal(now, before) {
		return changedError(path)
	}
	if _, err := f.WriteAt(after, 0); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Truncate(int64(len(after))); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
