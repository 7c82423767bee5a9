package checker

import "unicode"

// isHan tells whether r is a Chinese character, answering the common cases
// (the CJK Unified Ideographs block, anything below U+2E80, the CJK marks
// 。、《》【】〔〕 and their block) without the Unicode table search.
func isHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF:
		return true
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x303F:
		return hanCJKMarks&(1<<(r-0x3000)) != 0
	}
	return unicode.Is(unicode.Han, r)
}

// hanCJKMarks has bit r-0x3000 set for the Chinese characters of the CJK
// symbols and punctuation block: 々 〇 〡–〩 〸–〻 (TestHanShortcuts checks
// every rune).
const hanCJKMarks uint64 = 1<<0x05 | 1<<0x07 | 0x1FF<<0x21 | 0xF<<0x38

// isSpace is unicode.IsSpace told by comparisons, without the table search
// for runes above U+00FF: their white space is U+1680, U+2000–U+200A,
// U+2028, U+2029, U+202F, U+205F and U+3000 (TestHanShortcuts checks
// every rune).
func isSpace(r rune) bool {
	switch {
	case r <= 0xFF:
		return r == ' ' || r >= '\t' && r <= '\r' || r == 0x85 || r == 0xA0
	case r < 0x1680:
		return false
	}
	return r == 0x1680 || r >= 0x2000 && r <= 0x200A || r == 0x2028 || r == 0x2029 ||
		r == 0x202F || r == 0x205F || r == 0x3000
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

// isIdeograph tells whether a CJK unified ideograph U+4E00–U+9FFF, most of a
// report's text, is encoded at s[i]: lead byte E4 (second byte from B8) to
// E9, two continuation bytes. Text read rune by rune passes over these
// without decoding.
func isIdeograph(s string, i int) bool {
	b := s[i]
	return b >= 0xE4 && b <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
		(b != 0xE4 || s[i+1] >= 0xB8)
}

// validIdeograph is isIdeograph for s valid UTF-8, where the lead byte
// says how many continuation bytes follow: E4 (second byte from B8) to E9.
func validIdeograph(s string, i int) bool {
	b := s[i]
	return b >= 0xE5 && b <= 0xE9 || b == 0xE4 && s[i+1] >= 0xB8
}

// ideograph is the rune at s[i], where isIdeograph holds, or where a
// three-byte rune of valid UTF-8 starts (startsThree).
func ideograph(s string, i int) rune {
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
}

// validRuneLen is the length of the rune that byte b starts in valid UTF-8
// (1 for a continuation byte, which starts none). Told by comparisons, not a
// table: a loop stepping on it is predicted, not held up by the load.
func validRuneLen(b byte) int {
	switch {
	case b >= 0xF0:
		return 4
	case b >= 0xE0:
		return 3
	case b >= 0xC0:
		return 2
	}
	return 1
}

// startsThree tells whether b starts a three-byte rune (U+0800–U+FFFF: the
// Chinese characters and their punctuation) in valid UTF-8, where ideograph
// decodes it from its bytes without checking them.
func startsThree(b byte) bool { return b&0xF0 == 0xE0 }
