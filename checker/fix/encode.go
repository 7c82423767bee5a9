package fix

import (
	"fmt"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encode turns text back into the named encoding (as doc readers report it).
// A character the encoding cannot hold is an error: the file is left alone
// rather than written with a replacement character.
func Encode(text, name string) ([]byte, error) {
	var enc encoding.Encoding
	switch name {
	case "utf-8":
		return []byte(text), nil
	case "utf-8-bom":
		return append([]byte{0xEF, 0xBB, 0xBF}, text...), nil
	case "utf-16le":
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "utf-16be":
		enc = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case "gb18030":
		enc = simplifiedchinese.GB18030
	case "big5":
		enc = traditionalchinese.Big5
	default:
		return nil, fmt.Errorf("无法按编码 %q 写回文件", name)
	}
	out, err := enc.NewEncoder().Bytes([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("修复后的文字无法用 %s 编码保存：%w", name, err)
	}
	return out, nil
}
