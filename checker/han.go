package checker

import "unicode"

// isHan tells whether r is a Chinese character, answering the common cases
// (the CJK Unified Ideographs block, anything below U+2E80) without the
// Unicode table search.
func isHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r < 0x2E80:
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// isLetterOrDigit is unicode.IsLetter || unicode.IsDigit, with the common
// cases first.
func isLetterOrDigit(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r >= 0x2000 && r <= 0x206F: // general punctuation: “”‘’…—
		return false
	case r >= 0x3000 && r <= 0x303F: // CJK punctuation: 。、《》, and 々〆〱-〵〻〼
		return r == 0x3005 || r == 0x3006 || r >= 0x3031 && r <= 0x3035 || r == 0x303B || r == 0x303C
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
