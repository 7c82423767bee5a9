package doc

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MaxFileSize bounds what a reader loads into memory.
const MaxFileSize = 64 << 20

// Options steer reading.
type Options struct {
	// Encoding forces a text encoding ("utf-8", "gb18030", "gbk", "big5", "utf-16le",
	// "utf-16be") instead of detecting it. Empty means detect.
	Encoding string
}

// Read reads the file at path, picking the reader by the file's extension.
func Read(path string, opts Options) (*Document, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, newError(path, ErrNotFound, "文件不存在")
		}
		return nil, newError(path, ErrUnreadable, "无法读取：%v", err)
	}
	if info.IsDir() {
		return nil, newError(path, ErrIsDirectory, "这是目录，不是文件")
	}
	if info.Size() > MaxFileSize {
		return nil, newError(path, ErrTooLarge, "文件大小 %d 字节，超过上限 %d 字节", info.Size(), MaxFileSize)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, newError(path, ErrUnreadable, "无法读取：%v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, newError(path, ErrUnreadable, "无法读取：%v", err)
	}
	if len(data) > MaxFileSize {
		return nil, newError(path, ErrTooLarge, "文件超过上限 %d 字节", MaxFileSize)
	}
	return ReadBytes(path, data, opts)
}

// ReadBytes reads data as the content of a file named path ("-" for standard input,
// which is read as text or Markdown).
func ReadBytes(path string, data []byte, opts Options) (*Document, error) {
	switch FormatOf(path) {
	case FormatMarkdown:
		return readMarkdown(path, data, opts)
	default:
		return readText(path, data, opts)
	}
}

// FormatOf tells which reader handles path, from its extension.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".docx":
		return FormatDocx
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	default:
		return FormatText
	}
}

// Checkable tells whether a directory walk should pick up path.
func Checkable(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown":
		return true
	}
	return false
}
