package output

import (
	"unicode/utf8"
)

// appendXMLEscaped appends s escaped as encoding/xml escapes text and
// attribute values: the five markup characters, tab and line ends as
// character references, and what XML cannot hold (control characters,
// invalid UTF-8) as U+FFFD. Runs of plain text are appended whole.
func appendXMLEscaped(b []byte, s string) []byte {
	from := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\'' && c != '&' && c != '<' && c != '>' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		esc := xmlEscape(r, size)
		if esc == "" {
			i += size
			continue
		}
		b = append(b, s[from:i]...)
		b = append(b, esc...)
		i += size
		from = i
	}
	return append(b, s[from:]...)
}

// xmlEscape is what encoding/xml writes for the character r of size bytes,
// or "" when it writes r as it is.
func xmlEscape(r rune, size int) string {
	switch r {
	case '"':
		return "&#34;"
	case '\'':
		return "&#39;"
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '\t':
		return "&#x9;"
	case '\n':
		return "&#xA;"
	case '\r':
		return "&#xD;"
	}
	if !xmlCharacter(r) || r == utf8.RuneError && size == 1 {
		return "\uFFFD"
	}
	return ""
}

// xmlCharacter reports whether XML 1.0 allows r (its Char production).
func xmlCharacter(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
