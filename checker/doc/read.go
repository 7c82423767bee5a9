package doc

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/fzlint/fzlint/checker/lend"
)

// MaxFileSize bounds what a reader loads into memory.
const MaxFileSize = 64 << 20

// Options steer reading.
type Options struct {
	// Encoding forces a text encoding (one of Encodings) instead of detecting
	// it. Empty means detect. It applies to text, Markdown and HTML.
	Encoding string
	// Format forces the reader; empty picks it by the file's extension.
	Format Format
	// Loan, when set, lends Read the memory of an earlier file's check:
	// the document and everything made of it must not be used once the
	// loan is released (package lend). Nil reads into fresh memory.
	Loan *lend.Loan
	// owned: the bytes read are the reader's alone, never changed once
	// read (Read's own buffer), so the text may be those bytes themselves.
	owned bool
}

// Read reads the file at path, picking the reader by the file's extension.
func Read(path string, opts Options) (*Document, error) {
	if err := unsupportedExt(path); err != nil {
		return nil, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, ioError(path, err)
	}
	if info.IsDir() {
		return nil, newError(path, ErrIsDirectory, "这是目录，不是文件")
	}
	if !info.Mode().IsRegular() { // a pipe or device could block or never end
		return nil, newError(path, ErrUnreadable, "不是普通文件（管道、设备等），请用 - 从标准输入读取")
	}
	if info.Size() > MaxFileSize {
		return nil, newError(path, ErrTooLarge, "文件大小 %s，超过上限 %s", sizeText(int(info.Size())), sizeText(MaxFileSize))
	}
	size := int(info.Size())
	data, err := readFileInto(path, lend.Slice[byte](opts.Loan, lend.Input, size+bytes.MinRead))
	if err != nil {
		return nil, ioError(path, err)
	}
	lend.Keep(opts.Loan, lend.Input, data)
	if len(data) > MaxFileSize {
		return nil, newError(path, ErrTooLarge, "文件超过上限 %s", sizeText(MaxFileSize))
	}
	opts.owned = true
	return ReadBytes(path, data, opts)
}

// readAll reads a file with read, to its end but at most MaxFileSize+1
// bytes, into buf, empty and made the file's size (it may have changed
// since it was measured) and bytes.MinRead more: io.ReadAll would grow its
// buffer by copies. A read of no bytes and no error is the end, as io.EOF
// is.
func readAll(buf []byte, read func([]byte) (int, error)) ([]byte, error) {
	for len(buf) <= MaxFileSize {
		if cap(buf)-len(buf) < bytes.MinRead {
			buf = slices.Grow(buf, bytes.MinRead)
		}
		n, err := read(buf[len(buf):min(cap(buf), MaxFileSize+1)])
		switch {
		case errors.Is(err, io.EOF) || err == nil && n == 0:
			return buf, nil
		case err != nil:
			return nil, err
		}
		buf = buf[:len(buf)+n]
	}
	return buf, nil
}

// ioError turns an error from the file system into a ReadError.
func ioError(path string, err error) *ReadError {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return newError(path, ErrNotFound, "文件不存在")
	case errors.Is(err, fs.ErrPermission):
		return newError(path, ErrUnreadable, "没有读取权限")
	case errors.Is(err, syscall.ELOOP):
		return newError(path, ErrLinkLoop, "符号链接构成循环（链接最终指回自己），没有指向任何文件")
	}
	return newError(path, ErrUnreadable, "无法读取：%v", err)
}

// ReadBytes reads data as the content of a file named path. A bug in a
// reader is reported as ErrInternal for this input, not a crash of the run.
func ReadBytes(path string, data []byte, opts Options) (d *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, newError(path, ErrInternal, "fzlint 内部错误，此文件未能检查（请报告这个问题）：%v", r)
		}
	}()
	if err := unsupportedExt(path); err != nil {
		return nil, err
	}
	format := opts.Format
	if format == "" {
		format = FormatOf(path)
	}
	if format != FormatDocx {
		if err := contentError(path, data); err != nil {
			return nil, err
		}
	}
	// No encoding takes more than two bytes for a byte of its text (UTF-16
	// for ASCII), so a file over twice the limit is refused undecoded.
	if (format == FormatText || format == FormatMarkdown) && len(data) > 2*MaxTextBytes+len(bomUTF8) {
		return nil, tooMuchText(path)
	}
	switch format {
	case FormatDocx:
		d, err = readDocxIn(path, data, opts.Loan)
	case FormatHTML:
		d, err = readHTML(path, data, opts)
	case FormatMarkdown:
		d, err = readMarkdown(path, data, opts)
	default:
		d, err = readText(path, data, opts)
	}
	if err != nil {
		return nil, err
	}
	d.loan = opts.Loan
	if !hasCheckedText(d) {
		return nil, newError(path, ErrNoText, "除代码块和文件头元数据外没有正文文字，没有可检查的内容")
	}
	return d, nil
}

// hasCheckedText tells whether some line the rules check holds text: a
// Markdown file whose body is all in code blocks or front matter has none.
func hasCheckedText(d *Document) bool {
	for i, l := range d.Lines {
		if !l.Skip && strings.TrimSpace(d.LineText(i+1)) != "" {
			return true
		}
	}
	return false
}

// SniffFormat tells the format of content that comes without a file name
// (standard input): a zip is taken for a .docx, a page that starts as an HTML
// document for HTML, anything else for text.
func SniffFormat(data []byte) Format {
	if sniff(data) == kindZip {
		return FormatDocx
	}
	if htmlStart(data) {
		return FormatHTML
	}
	return FormatText
}

// htmlStart tells whether data starts, after a byte order mark, blank space
// and comments, with <!DOCTYPE html>, <html>, <head> or <body>.
func htmlStart(data []byte) bool {
	rest := bytes.TrimPrefix(data, bomUTF8)
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n\f")
		if !bytes.HasPrefix(rest, []byte("<!--")) {
			break
		}
		end := bytes.Index(rest, []byte("-->"))
		if end < 0 {
			return false
		}
		rest = rest[end+3:]
	}
	head := strings.ToLower(string(rest[:min(len(rest), 15)]))
	for _, start := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(head, start) && (len(head) == len(start) || strings.ContainsRune(" \t\r\n\f>", rune(head[len(start)]))) {
			return true
		}
	}
	return false
}

// FormatOf tells which reader handles path, from its extension.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".docx", ".docm", ".dotx", ".dotm":
		return FormatDocx
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	default:
		return FormatText
	}
}

// Checkable tells whether a directory walk picks up path: reports saved as
// text, Markdown, .docx or a web page.
func Checkable(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown", ".docx", ".html", ".htm":
		return true
	}
	return false
}
