package doc

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"report.txt", "page.html", "numbered.docx", "report-gb18030-crlf.txt"} {
		d, err := Read(filepath.Join(fixtures, name), Options{})
		if err != nil || d.Path != filepath.Join(fixtures, name) || len(d.Lines) < 10 {
			t.Errorf("%s: %v", name, err)
		}
	}
	md := writeFile(t, dir, "a.md", []byte("# 标题\n\n正文"))
	if d, err := Read(md, Options{}); err != nil || d.Format != FormatMarkdown || d.Lines[0].Heading != 1 {
		t.Errorf("markdown: %v", err)
	}
	d, err := Read(filepath.Join(fixtures, "numbered.docx"), Options{})
	if err == nil && d.LineText(3) != "一、主要举措和成效" {
		t.Errorf("docx read from a file: %q", d.LineText(3))
	}

	missing := filepath.Join(dir, "missing.txt")
	_, err = Read(missing, Options{})
	checkError(t, "missing", nil, err, ErrNotFound, "文件不存在")
	_, err = Read(dir, Options{})
	checkError(t, "directory", nil, err, ErrIsDirectory, "目录")
	_, err = Read(filepath.Join(md, "x.txt"), Options{}) // a path through a file
	checkError(t, "not a directory", nil, err, ErrUnreadable, "无法读取")
	_, err = Read(filepath.Join(dir, "a.doc"), Options{}) // refused by its name, before it is looked for
	checkError(t, ".doc", nil, err, ErrUnsupported, "另存为 .docx")
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		_, err = Read(fifo, Options{})
		checkError(t, "named pipe", nil, err, ErrUnreadable, "不是普通文件")
	}
}

func TestReadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads a file whatever its mode; TestReadFiles covers another unreadable path")
	}
	path := writeFile(t, t.TempDir(), "secret.txt", []byte("正文"))
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	_, err := Read(path, Options{})
	checkError(t, "mode 000", nil, err, ErrUnreadable, "没有读取权限")
}

// TestReadHuge checks that over-large inputs get a clear answer quickly and
// that a long line costs memory proportional to the file only.
func TestReadHuge(t *testing.T) {
	dir := t.TempDir()
	// 100 MB on one line: refused by its size before it is read (the file is sparse).
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Read(huge, Options{})
	checkError(t, "100 MB", nil, err, ErrTooLarge, "超过上限 64.0 MB")

	// 2 MB on one line: over the line limit.
	_, err = ReadBytes("line.txt", bytes.Repeat([]byte("ab"), 1<<20), Options{})
	checkError(t, "2 MB line", nil, err, ErrTooLarge, "第 1 行长 2.0 MB，超过单行上限 1.0 MB")
	_, err = ReadBytes("lines.txt", bytes.Repeat([]byte("a\n"), MaxLines), Options{})
	checkError(t, "too many lines", nil, err, ErrTooLarge, "共 1048577 行，超过上限 1048576 行")

	// 60 MB read from disk: over the text limit, refused without being
	// decoded, so reading allocates little more than the file once (the
	// buffer), also under the race detector.
	const size = 60 << 20
	big := writeFile(t, dir, "big.txt", bytes.Repeat([]byte("0123456789abcdef"), size/16))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = Read(big, Options{})
	runtime.ReadMemStats(&after)
	checkError(t, "60 MB", nil, err, ErrTooLarge, "文字内容超过上限 2.0 MB")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size+size/2 {
		t.Errorf("reading a %d MB file allocated %d MB", size>>20, alloc>>20)
	}
}
