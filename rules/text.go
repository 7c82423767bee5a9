package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unfold removes the spaces YAML's folded blocks (>-) put where a line break
// was between two Chinese characters or punctuation marks: Chinese has no
// spaces between words, so "……应当\n写明" must read "……应当写明". A space
// a description means to show between Chinese characters is written as the
// ideographic space U+3000, which stays.
func unfold(s string) string {
	var b strings.Builder
	kept := 0 // s[:kept] is in b
	for i := 1; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		if wide(prev) && wide(next) {
			if kept == 0 {
				b.Grow(len(s) - 1)
			}
			b.WriteString(s[kept:i])
			kept = i + 1
		}
	}
	if kept == 0 {
		return s
	}
	b.WriteString(s[kept:])
	return b.String()
}

// wide tells whether r is a Chinese character or full-width punctuation.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}
