// Package normalize builds the view of a text that rules match against: the
// same text rune for rune, with full-width letters, digits and punctuation
// folded to their ASCII forms, odd spaces folded to a space, and traditional
// characters folded to simplified ones. Each rune of the view keeps the byte
// offset of the rune it came from, so a match in the view maps back exactly.
package normalize

import (
	"strings"
	"unicode/utf8"
)

// View is the normalized form of a text.
type View struct {
	Text string
	// orig[i] is the byte offset in the original text of view byte i; it has
	// len(Text)+1 entries so that an end offset maps too.
	orig []int
}

// New returns the view of s.
func New(s string) *View {
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(s)+1)
	for i, r := range s {
		n := Rune(r)
		if r == utf8.RuneError {
			// Keep invalid bytes and U+FFFD as they are: rules look for them.
			n = r
		}
		before := b.Len()
		b.WriteRune(n)
		for j := before; j < b.Len(); j++ {
			orig = append(orig, i)
		}
	}
	orig = append(orig, len(s))
	return &View{Text: b.String(), orig: orig}
}

// Orig maps a byte offset in the view to the byte offset in the original text.
// Offsets inside a rune map to the start of that rune's original.
func (v *View) Orig(i int) int {
	if i < 0 {
		return 0
	}
	if i >= len(v.orig) {
		return v.orig[len(v.orig)-1]
	}
	return v.orig[i]
}

// Rune returns the normalized form of r.
func Rune(r rune) rune {
	switch {
	case r < 0x80:
		return r
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII forms
		return r - 0xFF01 + '!'
	case r == 0x3000 || r == 0x00A0 || r == 0x2002 || r == 0x2003 || r == 0x2009 || r == 0x202F:
		return ' '
	}
	if s, ok := simplified(r); ok {
		return s
	}
	return r
}

// IsTraditional tells whether r is a traditional character with a different
// simplified form.
func IsTraditional(r rune) bool {
	_, ok := simplified(r)
	return ok
}
