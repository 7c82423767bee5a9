package doc

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decode turns raw bytes into text. It refuses empty input and invalid bytes,
// naming where the first bad byte is.
func decode(path string, data []byte, forced string) (string, string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", newError(path, ErrEmpty, "文件为空")
	}
	enc := "utf-8"
	if bytes.HasPrefix(data, utf8BOM) {
		data = data[len(utf8BOM):]
		enc = "utf-8-bom"
	}
	if forced != "" && !strings.EqualFold(forced, "utf-8") && !strings.EqualFold(forced, "utf8") {
		return "", "", newError(path, ErrEncoding, "不支持的编码 %q", forced)
	}
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line := bytes.Count(data[:bad], []byte{'\n'}) + 1
		return "", "", newError(path, ErrEncoding, "第 %d 行（字节 %d）不是有效的 UTF-8，请用 --encoding 指定编码或另存为 UTF-8", line, bad)
	}
	return string(data), enc, nil
}
