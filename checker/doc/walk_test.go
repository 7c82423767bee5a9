package doc

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// walkAll returns what Walk passes to fn: paths relative to root, with the
// code of their error if any.
func walkAll(root string) []string {
	var got []string
	Walk(root, func(path string, err error) {
		rel, _ := filepath.Rel(root, path)
		var re *ReadError
		if errors.As(err, &re) {
			rel += " " + re.Code
		}
		got = append(got, rel)
	})
	return got
}

func TestWalk(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"b.txt", "a.md", "c.docx", "d.html", "e.htm", "f.markdown", "G.TXT",
		"report.pdf", "report.DOC", "skip.xlsx", "skip.png", "skip.go", "noext", ".hidden.txt", ".git/x.txt", "sub/z.txt", "sub/deeper/y.docx"} {
		writeFile(t, root, name, []byte("正文"))
	}
	links := []struct{ name, target string }{
		{"sub/loop", ".."},                                // a loop back to the root
		{"sub/self", "."},                                 // a loop onto itself
		{"alias", "sub"},                                  // a second way into sub
		{"linked.txt", "b.txt"},                           // a link to a file
		{"broken.txt", "nowhere.txt"},                     // a link to nothing
		{"broken.bin", "nowhere.bin"},                     // a link to nothing, not checkable
		{"outside", filepath.Join(root, "sub", "deeper")}, // absolute
		{"loop.txt", "loop.txt"},                          // a link to itself
		{"ring-a", "ring-b"},                              // two links to each other
		{"ring-b", "ring-a"},
	}
	for _, l := range links {
		if err := os.Symlink(l.target, filepath.Join(root, l.name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	got := strings.Join(walkAll(root), "\n")
	// The root's own entries come in sorted order; a directory reached twice
	// (alias and sub, outside and sub/deeper) is read once, under the first name.
	want := strings.Join([]string{
		"G.TXT",
		"a.md",
		"alias/deeper/y.docx",
		"alias/z.txt",
		"b.txt",
		"broken.txt not-found",
		"c.docx",
		"d.html",
		"e.htm",
		"f.markdown",
		"linked.txt",
		"loop.txt link-loop",
		"report.DOC unsupported",
		"report.pdf unsupported",
		"ring-a link-loop",
		"ring-b link-loop",
	}, "\n")
	if got != want {
		t.Errorf("Walk gave\n%s\nwant\n%s", got, want)
	}
}

func TestWalkRoots(t *testing.T) {
	root := t.TempDir()
	file := writeFile(t, root, "报告.pdf", []byte("x"))
	if got := walkAll(file); len(got) != 1 || got[0] != "." {
		t.Errorf("a file root is passed on whatever its name: %q", got)
	}
	if got := walkAll(filepath.Join(root, "missing")); len(got) != 1 || !strings.HasSuffix(got[0], " not-found") {
		t.Errorf("missing root: %q", got)
	}
	loop := filepath.Join(root, "loop.txt")
	if err := os.Symlink("loop.txt", loop); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
	if got := walkAll(loop); len(got) != 1 || !strings.HasSuffix(got[0], " link-loop") {
		t.Errorf("a link loop as the root: %q", got)
	}
	_, err := Read(loop, Options{})
	checkError(t, "link loop", nil, err, ErrLinkLoop, "符号链接构成循环")
	hidden := filepath.Join(root, ".reports")
	writeFile(t, hidden, "a.txt", []byte("x"))
	if got := walkAll(hidden); len(got) != 1 || got[0] != "a.txt" {
		t.Errorf("a hidden directory named as the root is read: %q", got)
	}
}

func TestWalkUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads a directory whatever its mode")
	}
	root := t.TempDir()
	writeFile(t, root, "locked/a.txt", []byte("x"))
	writeFile(t, root, "open.txt", []byte("x"))
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	if got := strings.Join(walkAll(root), "|"); got != "locked unreadable|open.txt" {
		t.Errorf("got %q", got)
	}
}
