package doc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Walk calls fn for each file to check under root, in sorted order. A root
// that is a file is passed to fn whatever its extension: it was named
// explicitly, and Read says why it cannot be checked if so. In a directory,
// only Checkable files are picked up (*.txt, *.md, *.markdown, *.docx,
// *.html, *.htm); a file in a format a report comes in but fzlint does not
// read (.doc, .pdf, …) is passed with its ReadError, so that a directory run
// never passes over a report in silence; other files are skipped, and so are
// hidden files and directories (names starting with "."). Symbolic links are followed, to
// files and directories, but a directory already visited (a link loop, or two
// links to one place) is not read again. A directory that cannot be read, or a
// link to a checkable name that leads nowhere, or any link that leads back
// to itself, is passed to fn with its ReadError, never skipped silently.
func Walk(root string, fn func(path string, err error)) {
	info, err := os.Stat(root)
	if err != nil {
		fn(root, ioError(root, err))
		return
	}
	if !info.IsDir() {
		fn(root, nil)
		return
	}
	w := &walker{fn: fn, seen: map[string]bool{}}
	w.dir(root)
}

type walker struct {
	fn   func(string, error)
	seen map[string]bool // real paths of the directories visited
}

func (w *walker) dir(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.fn(dir, ioError(dir, err))
		return
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if w.seen[real] {
		return
	}
	w.seen[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.fn(dir, newError(dir, ErrUnreadable, "无法读取目录：%v", unwrapPath(err)))
		return
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			info, err := os.Stat(path)
			switch {
			case errors.Is(err, syscall.ELOOP): // whatever its name: it may have been meant as a directory
				w.fn(path, ioError(path, err))
				continue
			case err != nil:
				if Checkable(name) {
					w.fn(path, newError(path, ErrNotFound, "符号链接指向的文件不存在"))
				}
				continue
			}
			isDir = info.IsDir()
		}
		switch {
		case isDir:
			w.dir(path)
		case Checkable(name):
			w.fn(path, nil)
		default:
			if err := unreadableReport(path); err != nil {
				w.fn(path, err)
			}
		}
	}
}

// unwrapPath drops the path an *os.PathError repeats, for a shorter message.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
