package doc

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Encoding names reported in Document.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncGB18030 = "gb18030" // also GBK and GB2312, which it extends
	EncBig5    = "big5"
)

// Encodings lists the names Options.Encoding (--encoding) accepts.
var Encodings = []string{"utf-8", "gb18030", "gbk", "big5", "utf-16le", "utf-16be"}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode turns raw bytes into text: the forced encoding if any, else the one a
// BOM names, else the one detected. It refuses empty and binary input, invalid
// bytes for the encoding (naming the line and byte of the first one), and
// text over the line limits.
func decode(path string, data []byte, forced string, owned bool) (text, enc string, err error) {
	if text, enc, err = decodeBytes(path, data, forced, owned); err != nil {
		return "", "", err
	}
	return text, enc, checkText(path, text)
}

// decodeBytes is decode without the checks on the decoded text's lines.
// When data is owned (no one else holds it, and no one will change it), UTF-8
// text is data itself, not a copy.
func decodeBytes(path string, data []byte, forced string, owned bool) (text, enc string, err error) {
	if len(data) == 0 {
		return "", "", newError(path, ErrEmpty, "文件为空")
	}
	if forced == "" && !bytes.HasPrefix(data, bomUTF8) && utf8.Valid(data) {
		// What most files are: chooseEncoding would check the bytes for
		// control characters, detect would find them valid UTF-8 and decodeAs
		// check that again.
		if looksBinary(data) {
			return "", "", binaryError(path)
		}
		return utf8Text(data, owned), EncUTF8, nil
	}
	enc, bom, err := chooseEncoding(path, data, forced)
	if err != nil {
		return "", "", err
	}
	if text, err = decodeAs(path, enc, data, bom); err != nil {
		return "", "", err
	}
	// UTF-8 without a BOM is data itself, which chooseEncoding checked.
	if enc != EncUTF8 && looksBinary(text) { // UTF-16, or after a BOM
		return "", "", binaryError(path)
	}
	return text, enc, nil
}

// utf8Text is data, which is UTF-8, as a string: a copy, unless data is
// owned, when the string is data itself.
func utf8Text(data []byte, owned bool) string {
	if owned && len(data) > 0 {
		return unsafe.String(&data[0], len(data))
	}
	return string(data)
}

// validDecoded tells whether text, decoded as enc, is valid UTF-8: decodeAs
// has checked the text of UTF-8 input, so only other encodings' is looked at.
func validDecoded(enc, text string) bool {
	return enc == EncUTF8 || enc == EncUTF8BOM || utf8.ValidString(text)
}

// chooseEncoding returns the encoding of data and the length of its BOM.
// Input in a byte encoding with control bytes is refused as binary here,
// before detection would take it for text in a wrong encoding.
func chooseEncoding(path string, data []byte, forced string) (string, int, error) {
	if forced != "" {
		enc, err := canonicalEncoding(path, forced)
		if err != nil {
			return "", 0, err
		}
		switch {
		case enc == EncUTF8 && bytes.HasPrefix(data, bomUTF8):
			return EncUTF8BOM, len(bomUTF8), nil
		case enc == EncUTF16LE && bytes.HasPrefix(data, bomUTF16LE),
			enc == EncUTF16BE && bytes.HasPrefix(data, bomUTF16BE):
			return enc, 2, nil
		case enc != EncUTF16LE && enc != EncUTF16BE && looksBinary(data):
			return "", 0, binaryError(path)
		}
		return enc, 0, nil
	}
	if enc, bom := bomEncoding(data); enc != "" {
		return enc, bom, nil
	}
	if looksBinary(data) {
		return "", 0, binaryError(path)
	}
	return detect(data), 0, nil
}

// bomEncoding returns the encoding a byte order mark names, and the mark's length.
func bomEncoding(data []byte) (string, int) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return EncUTF8BOM, len(bomUTF8)
	case bytes.HasPrefix(data, bomUTF16LE):
		return EncUTF16LE, 2
	case bytes.HasPrefix(data, bomUTF16BE):
		return EncUTF16BE, 2
	}
	return "", 0
}

// canonicalEncoding maps an --encoding name to the name reported.
func canonicalEncoding(path, name string) (string, error) {
	switch strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "_", "-") {
	case "utf-8", "utf8":
		return EncUTF8, nil
	case "gb18030", "gbk", "gb2312", "cp936":
		return EncGB18030, nil
	case "big5", "big-5", "cp950":
		return EncBig5, nil
	case "utf-16le", "utf16le":
		return EncUTF16LE, nil
	case "utf-16be", "utf16be":
		return EncUTF16BE, nil
	}
	return "", newError(path, ErrEncoding, "不支持的编码 %q，可用：%s", name, strings.Join(Encodings, "、"))
}

// decodeAs decodes data (whose first bom bytes are a byte order mark) as enc.
func decodeAs(path, enc string, data []byte, bom int) (string, error) {
	body := data[bom:]
	switch enc {
	case EncUTF16LE, EncUTF16BE:
		return decodeUTF16(path, body, enc == EncUTF16BE, bom)
	case EncGB18030, EncBig5:
		return decodeMultibyte(path, enc, body)
	}
	if !utf8.Valid(body) {
		bad := firstInvalidUTF8(body)
		return "", invalidAt(path, "UTF-8", body, bad, bom)
	}
	return string(body), nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// invalidAt reports an invalid byte at offset bad of body, which starts skip
// bytes into the file (after a byte order mark).
func invalidAt(path, name string, body []byte, bad, skip int) *ReadError {
	line := lineOfByte(body, bad)
	return newError(path, ErrEncoding,
		"第 %d 行（文件第 %d 字节）不是有效的 %s 编码；请用 --encoding 指定正确的编码，或另存为 UTF-8",
		line, skip+bad+1, name)
}

// lineOfByte returns the 1-based line of byte offset off, counting "\n", "\r\n" and "\r" as line ends.
func lineOfByte(b []byte, off int) int {
	head := b[:off]
	return bytes.Count(head, []byte{'\n'}) + bytes.Count(head, []byte{'\r'}) - bytes.Count(head, []byte("\r\n")) + 1
}

func decodeUTF16(path string, b []byte, big bool, skip int) (string, error) {
	if len(b)%2 != 0 {
		return "", newError(path, ErrEncoding, "UTF-16 文本的字节数为奇数，文件可能被截断")
	}
	unit := func(i int) rune {
		if big {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	var sb strings.Builder
	sb.Grow(len(b) * 3 / 2)
	for i := 0; i < len(b); i += 2 {
		r := unit(i)
		if utf16.IsSurrogate(r) {
			if i+3 < len(b) {
				r = utf16.DecodeRune(r, unit(i+2))
			} else {
				r = utf8.RuneError
			}
			if r == utf8.RuneError {
				text := sb.String()
				line := strings.Count(text, "\n") + strings.Count(text, "\r") - strings.Count(text, "\r\n") + 1
				return "", newError(path, ErrEncoding, "第 %d 行（文件第 %d 字节）有不成对的 UTF-16 代理项，文件可能已损坏", line, skip+i+1)
			}
			i += 2
		}
		sb.WriteRune(r)
	}
	return sb.String(), nil
}

func multibyteEncoding(enc string) (encoding.Encoding, string) {
	if enc == EncBig5 {
		return traditionalchinese.Big5, "Big5"
	}
	return simplifiedchinese.GB18030, "GB18030"
}

// decodeMultibyte decodes GB18030 or Big5 text, refusing bytes that do not
// decode (the decoders would silently turn them into U+FFFD).
func decodeMultibyte(path, enc string, b []byte) (string, error) {
	e, name := multibyteEncoding(enc)
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", newError(path, ErrEncoding, "无法按 %s 解码：%v", name, err)
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		if bad := firstInvalidMultibyte(enc, b, out); bad >= 0 {
			return "", invalidAt(path, name, b, bad, 0)
		}
	}
	return string(out), nil
}

// gbReplacement is how GB18030 encodes U+FFFD itself, which is not an error.
const gbReplacement = "\x84\x31\xA4\x37"

// firstInvalidMultibyte returns the offset of the first character of b that
// does not decode in enc, or -1; out is b decoded. Only lines whose decoding
// holds a U+FFFD are looked at character by character: no GB18030 or Big5
// character holds a "\n" byte, so b and out have the same lines.
func firstInvalidMultibyte(enc string, b, out []byte) int {
	e, _ := multibyteEncoding(enc)
	dec := e.NewDecoder()
	for start := 0; len(out) > 0; {
		rawLine, outLine := b[start:], out
		if i := bytes.IndexByte(rawLine, '\n'); i >= 0 {
			rawLine = rawLine[:i+1]
		}
		if i := bytes.IndexByte(outLine, '\n'); i >= 0 {
			outLine = outLine[:i+1]
		}
		if bytes.ContainsRune(outLine, utf8.RuneError) {
			for i := 0; i < len(rawLine); {
				n := multibyteLen(enc, rawLine[i:])
				c := rawLine[i : i+n]
				if d, err := dec.Bytes(c); err != nil || bytes.ContainsRune(d, utf8.RuneError) && string(c) != gbReplacement {
					return start + i
				}
				i += n
			}
		}
		start += len(rawLine)
		out = out[len(outLine):]
	}
	return -1
}

// multibyteLen is the length of the character starting b in enc's byte structure.
func multibyteLen(enc string, b []byte) int {
	switch {
	case b[0] < 0x80 || len(b) < 2:
		return 1
	case enc == EncGB18030 && b[1] >= '0' && b[1] <= '9':
		return min(4, len(b))
	}
	return 2
}

// looksBinary tells whether s holds a NUL or more than 1% of control
// characters other than tab, line ends, form feed and the DOS end-of-file mark.
func looksBinary[T ~string | ~[]byte](s T) bool {
	ctl := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		// Eight bytes at a time: text has a control byte (a line end) in
		// about one word of twelve, and only such a word is looked into.
		if !hasControl(load64(s, i)) {
			continue
		}
		for _, c := range []byte(s[i : i+8]) {
			if isControl(c) {
				if c == 0 {
					return true
				}
				ctl++
			}
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; isControl(c) {
			if c == 0 {
				return true
			}
			ctl++
		}
	}
	return ctl > 0 && ctl*100 > len(s)
}

// isControl tells whether c is a control byte that text does not hold:
// below space or DEL, other than tab, line ends, form feed and 0x1A.
func isControl(c byte) bool {
	if c >= 0x20 && c != 0x7F {
		return false
	}
	switch c {
	case '\t', '\n', '\v', '\f', '\r', 0x1A:
		return false
	}
	return true
}

// hasControl tells whether one of the eight bytes of w is below space or is
// DEL (it may be one isControl lets pass).
func hasControl(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	del := w ^ 0x7F*ones
	// A byte below n sets its high bit in (w - n*ones) &^ w (n <= 128); the
	// borrows this may carry into higher bytes cannot make a word without
	// one look like a word with one.
	return ((w-0x20*ones)&^w|(del-ones)&^del)&highs != 0
}

// load64 is the eight bytes of s from i, the first the lowest.
func load64[T ~string | ~[]byte](s T, i int) uint64 {
	s = s[i : i+8] // one bounds check, not one per byte
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func binaryError(path string) *ReadError {
	return newError(path, ErrBinary, "文件含有 NUL 等控制字符，不是文本文件（若是没有 BOM 的 UTF-16 文本，请用 --encoding utf-16le 指定）")
}
