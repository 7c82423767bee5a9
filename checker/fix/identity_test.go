package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// readFile writes data to a new file of the given mode and reads it as fzlint does.
func readFile(t *testing.T, name string, data []byte, mode os.FileMode, opts doc.Options) (*doc.Document, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // WriteFile's mode passes through the umask
		t.Fatal(err)
	}
	d, err := doc.Read(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	return d, path
}

// fixOne applies one fix replacing the first old with repl in d's file.
func fixOne(t *testing.T, d *doc.Document, old, repl string, opts Options) (Result, error) {
	t.Helper()
	return Apply(d, []checker.Finding{findingAt(d, old, repl)}, noFindings, opts)
}

func fileIs(t *testing.T, path, want string) {
	t.Helper()
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Errorf("%s = %q, want %q", path, got, want)
	}
}

// TestLineEndsStayPerLine: each line keeps its own end, a final lone CR
// stays, and a fix's line break is the end of its own line.
func TestLineEndsStayPerLine(t *testing.T) {
	src := "甲程度\r\n乙\n丙程度\r丁\r\n戊\r"
	cases := []struct{ old, repl, want string }{
		{"程度\n乙", "程序\n乙", "甲程序\r\n乙\n丙程度\r丁\r\n戊\r"},
		{"丙程度", "丙\n程度", "甲程度\r\n乙\n丙\r程度\r丁\r\n戊\r"}, // the line's own CR
		{"乙\n丙", "乙丙", "甲程度\r\n乙丙程度\r丁\r\n戊\r"},       // a deleted LF
		{"甲程度\n乙\n", "", "丙程度\r丁\r\n戊\r"},             // two lines deleted
		{"戊", "戊\n己", "甲程度\r\n乙\n丙程度\r丁\r\n戊\r己\r"},   // the last line ends in CR
		{"乙", "乙\n\n", "甲程度\r\n乙\n\n\n丙程度\r丁\r\n戊\r"}, // inserted after an LF line
	}
	for _, c := range cases {
		d, path := readFile(t, "r.txt", []byte(src), 0o644, doc.Options{})
		if _, err := fixOne(t, d, c.old, c.repl, Options{}); err != nil {
			t.Fatalf("%q → %q: %v", c.old, c.repl, err)
		}
		fileIs(t, path, c.want)
	}
}

// TestFixJoiningCRAndLFIsNotApplied: deleting the text between a CR line end
// and an LF would make them one CRLF, and lose a line; that fix is refused,
// the other one applied.
func TestFixJoiningCRAndLFIsNotApplied(t *testing.T) {
	d, path := readFile(t, "r.txt", []byte("甲程度\r乙\n丙\n"), 0o644, doc.Options{})
	recheck := func(d *doc.Document) []checker.Finding { return []checker.Finding{findingAt(d, "乙", "")} }
	res, err := Apply(d, []checker.Finding{findingAt(d, "程度", "程序"), findingAt(d, "乙", "")}, recheck, Options{})
	if err != nil || res.Fixed != 1 || len(res.NotApplied) != 1 || res.NotApplied[0].Reason != "修复会让前后的回车符与换行符连成一个换行" {
		t.Fatalf("%+v err=%v", res, err)
	}
	fileIs(t, path, "甲程序\r乙\n丙\n")
}

// TestNoBOMAdded: a UTF-16LE file without BOM, read with --encoding, gains none.
func TestNoBOMAdded(t *testing.T) {
	src := []byte{0x73, 0x51, 0x0B, 0x7A, 0xA6, 0x5E, 0x0A, 0x00} // 决程度\n
	d, path := readFile(t, "r.txt", src, 0o644, doc.Options{Encoding: "utf-16le"})
	if _, err := fixOne(t, d, "程度", "程序", Options{}); err != nil {
		t.Fatal(err)
	}
	fileIs(t, path, "\x73\x51\x0B\x7A\x8F\x5E\x0A\x00")
}

// TestUnencodableFixIsNotApplied: a replacement Big5 cannot hold is left
// out and listed; the other fix is applied.
func TestUnencodableFixIsNotApplied(t *testing.T) {
	d, path := readFile(t, "r.txt", []byte("\xA5\x5D\xAC\x41\xA4\x51"), 0o644, doc.Options{Encoding: "big5"}) // 包括十
	// The re-check finds the fix that was left out again, as the rules do.
	recheck := func(d *doc.Document) []checker.Finding { return []checker.Finding{findingAt(d, "包", "𠀀")} }
	fs := []checker.Finding{findingAt(d, "包", "𠀀"), findingAt(d, "十", "兀")}
	res, err := Apply(d, fs, recheck, Options{})
	if err != nil || res.Fixed != 1 || len(res.NotApplied) != 1 || !strings.Contains(res.NotApplied[0].Reason, "无法按文件的 big5 编码保存") {
		t.Fatalf("%+v err=%v", res, err)
	}
	fileIs(t, path, "\xA5\x5D\xAC\x41\xA4\x61")
}

func TestSymlinkFixesTheTarget(t *testing.T) {
	d, target := readFile(t, "r.txt", []byte("决策程度\n"), 0o640, doc.Options{})
	link := filepath.Join(t.TempDir(), "link.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	d.Path = link
	if _, err := fixOne(t, d, "程度", "程序", Options{}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a symlink: %v %v", info.Mode(), err)
	}
	fileIs(t, target, "决策程序\n")
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v", info.Mode().Perm())
	}
}

func TestHardLinkStaysLinked(t *testing.T) {
	d, path := readFile(t, "r.txt", []byte("决策程度\n"), 0o644, doc.Options{})
	other := filepath.Join(filepath.Dir(path), "other.txt")
	if err := os.Link(path, other); err != nil {
		t.Skip("no hard links here:", err)
	}
	if _, err := fixOne(t, d, "程度", "程序", Options{}); err != nil {
		t.Fatal(err)
	}
	fileIs(t, other, "决策程序\n")
	a, _ := os.Stat(path)
	b, _ := os.Stat(other)
	if !os.SameFile(a, b) {
		t.Error("the hard link was split")
	}
}

func TestReadOnlyFileIsRefused(t *testing.T) {
	d, path := readFile(t, "r.txt", []byte("决策程度\n"), 0o444, doc.Options{})
	res, err := fixOne(t, d, "程度", "程序", Options{})
	if err == nil || !strings.Contains(err.Error(), "文件是只读的") || res.Fixed != 0 {
		t.Fatalf("a read-only file: %+v err=%v", res, err)
	}
	fileIs(t, path, "决策程度\n")
	if _, err := fixOne(t, d, "程度", "程序", Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	fileIs(t, path, "决策程序\n")
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o444 {
		t.Errorf("mode %v, want 0444", info.Mode().Perm())
	}
}

// TestConcurrentEditIsKept: text appended while --fix runs (here: while the
// fixed text is re-checked) is not overwritten.
func TestConcurrentEditIsKept(t *testing.T) {
	d, path := readFile(t, "r.txt", []byte("决策程度\n"), 0o644, doc.Options{})
	appendLine := func(*doc.Document) []checker.Finding {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString("新增一行\n"); err != nil {
			t.Fatal(err)
		}
		return nil
	}
	_, err := Apply(d, []checker.Finding{findingAt(d, "程度", "程序")}, appendLine, Options{})
	if err == nil || !strings.Contains(err.Error(), "文件在检查之后被改动过") {
		t.Fatalf("err = %v", err)
	}
	fileIs(t, path, "决策程度\n新增一行\n")
}

func TestDryRunWritesNothing(t *testing.T) {
	d, path := readFile(t, "r.txt", []byte("决策程度\n"), 0o644, doc.Options{})
	res, err := fixOne(t, d, "程度", "程序", Options{DryRun: true})
	if err != nil || string(res.Before) != "决策程度\n" || string(res.After) != "决策程序\n" {
		t.Fatalf("%q → %q err=%v", res.Before, res.After, err)
	}
	fileIs(t, path, "决策程度\n")
}

func TestWantSelectsFixes(t *testing.T) {
	d, path := readFile(t, "r.txt", []byte("决策程度，甲乙\n"), 0o644, doc.Options{})
	a, b := findingAt(d, "程度", "程序"), findingAt(d, "甲乙", "甲、乙")
	b.Rule = "t/y"
	res, err := Apply(d, []checker.Finding{a, b}, noFindings, Options{Want: func(f checker.Finding) bool { return f.Rule == "t/y" }})
	if err != nil || res.Fixed != 1 || len(res.NotApplied) != 0 {
		t.Fatalf("%+v err=%v", res, err)
	}
	fileIs(t, path, "决策程度，甲、乙\n")
}
