package fix

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/fzlint/fzlint/checker/doc"
)

// codec reads and writes one file encoding a character at a time, so that a
// fix can find its bytes in the source and encode only its replacement.
type codec struct {
	name string
	unit int // bytes per code unit: 2 for UTF-16, else 1
	big  bool
	// charLen is the byte length of the character that starts b (len(b) > 0).
	charLen func(b []byte) int
	// decodeChar decodes the bytes of one character (some Big5 codes are two runes).
	decodeChar func(b []byte) (string, bool)
	// encode encodes text holding no line end; false if a character has no code.
	encode func(s string) ([]byte, bool)
}

// codecFor returns the codec of a doc encoding name.
func codecFor(enc string) (*codec, error) {
	switch enc {
	case doc.EncUTF8, doc.EncUTF8BOM:
		return &codec{name: enc, unit: 1, charLen: utf8CharLen, decodeChar: decodeUTF8, encode: encodeUTF8}, nil
	case doc.EncUTF16LE, doc.EncUTF16BE:
		c := &codec{name: enc, unit: 2, big: enc == doc.EncUTF16BE}
		c.charLen, c.decodeChar, c.encode = c.utf16CharLen, c.decodeUTF16, c.encodeUTF16
		return c, nil
	case doc.EncGB18030:
		dec := simplifiedchinese.GB18030.NewDecoder()
		enc := simplifiedchinese.GB18030.NewEncoder()
		return &codec{name: doc.EncGB18030, unit: 1, charLen: gb18030CharLen,
			decodeChar: decodeWith(dec), encode: encodeWith(enc)}, nil
	case doc.EncBig5:
		dec := traditionalchinese.Big5.NewDecoder()
		return &codec{name: doc.EncBig5, unit: 1, charLen: big5CharLen,
			decodeChar: decodeWith(dec), encode: encodeBig5}, nil
	}
	return nil, fmt.Errorf("无法按编码 %q 写回文件", enc)
}

// bomLen is the length of the byte order mark src starts with in this encoding.
func (c *codec) bomLen(src []byte) int {
	switch {
	case c.name == doc.EncUTF8BOM && bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		return 3
	case c.name == doc.EncUTF16LE && bytes.HasPrefix(src, []byte{0xFF, 0xFE}),
		c.name == doc.EncUTF16BE && bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return 2
	}
	return 0
}

// unitAt is the code unit at byte i of b (a whole unit must be there).
func (c *codec) unitAt(b []byte, i int) rune {
	switch {
	case c.unit == 1:
		return rune(b[i])
	case c.big:
		return rune(b[i])<<8 | rune(b[i+1])
	}
	return rune(b[i+1])<<8 | rune(b[i])
}

// roundTrip encodes s and checks that the bytes decode back to s exactly.
func (c *codec) roundTrip(s string) ([]byte, bool) {
	out, ok := c.encode(s)
	if !ok {
		return nil, false
	}
	back, ok := c.decodeAll(out)
	return out, ok && back == s
}

// decodeAll decodes b character by character.
func (c *codec) decodeAll(b []byte) (string, bool) {
	var sb bytes.Buffer
	for i := 0; i < len(b); {
		n := c.charLen(b[i:])
		s, ok := c.decodeChar(b[i : i+n])
		if !ok {
			return "", false
		}
		sb.WriteString(s)
		i += n
	}
	return sb.String(), true
}

func utf8CharLen(b []byte) int {
	_, n := utf8.DecodeRune(b)
	return n
}

func decodeUTF8(b []byte) (string, bool) { return string(b), utf8.Valid(b) }

func encodeUTF8(s string) ([]byte, bool) { return []byte(s), utf8.ValidString(s) }

func (c *codec) utf16CharLen(b []byte) int {
	if len(b) >= 4 && utf16.IsSurrogate(c.unitAt(b, 0)) {
		return 4
	}
	return min(2, len(b))
}

func (c *codec) decodeUTF16(b []byte) (string, bool) {
	if len(b)%2 != 0 {
		return "", false
	}
	r := c.unitAt(b, 0)
	if len(b) == 4 {
		r = utf16.DecodeRune(r, c.unitAt(b, 2))
	}
	if r == utf8.RuneError || utf16.IsSurrogate(r) {
		return "", false
	}
	return string(r), true
}

func (c *codec) encodeUTF16(s string) ([]byte, bool) {
	if !utf8.ValidString(s) {
		return nil, false
	}
	out := make([]byte, 0, 2*len(s))
	for _, u := range utf16.Encode([]rune(s)) {
		if c.big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out, true
}

// gb18030CharLen: one byte below 0x80, four when the second is a digit, else two.
func gb18030CharLen(b []byte) int {
	switch {
	case b[0] < 0x80 || len(b) < 2:
		return 1
	case b[1] >= '0' && b[1] <= '9':
		return min(4, len(b))
	}
	return 2
}

func big5CharLen(b []byte) int {
	if b[0] < 0x80 || len(b) < 2 {
		return 1
	}
	return 2
}

// decodeWith decodes one character with a multibyte decoder, refusing what it
// turns into U+FFFD (GB18030 encodes U+FFFD itself as 84 31 A4 37).
func decodeWith(dec *encoding.Decoder) func([]byte) (string, bool) {
	return func(b []byte) (string, bool) {
		out, err := dec.Bytes(b)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) && string(b) != "\x84\x31\xA4\x37" {
			return "", false
		}
		return string(out), true
	}
}

func encodeWith(enc *encoding.Encoder) func(string) ([]byte, bool) {
	return func(s string) ([]byte, bool) {
		out, err := enc.Bytes([]byte(s))
		return out, err == nil
	}
}
