// Package normalize builds the view of a text that rules match against: the
// same text rune for rune, with full-width letters, digits and punctuation
// folded to their ASCII forms, odd spaces folded to a space, and traditional
// characters folded to simplified ones. Each rune of the view keeps the byte
// offset of the rune it came from, so a match in the view maps back exactly.
package normalize

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// View is the normalized form of a text.
type View struct {
	Text string // valid UTF-8, whatever the text was
	// marks records where the view and the original text stop having the
	// same byte offsets: from view offset marks[k].v on (up to the next mark),
	// a rune start at view offset i came from original offset i+marks[k].d.
	// Only runes whose encoding changes length add a mark (full-width forms
	// and odd spaces shrink, a few traditional characters have a simplified
	// form outside the BMP, an invalid byte becomes U+FFFD), so a text
	// without them has none.
	marks []mark
	// Traditional counts the characters folded from traditional to
	// simplified.
	Traditional int
}

type mark struct{ v, d int }

// New returns the view of s. The view has one rune for each rune of s; an
// invalid byte of s is one rune, U+FFFD in the view.
func New(s string) *View {
	var b strings.Builder // grown at the first rune that changes
	var marks []mark
	traditional := 0
	delta := 0
	kept := 0 // s[kept:i] is copied to the view unchanged when a rune changes
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		// A character of U+4000–U+9FFF (lead byte E4 to E9), most of a
		// Chinese text, is kept unless the traditional table folds it:
		// told from its three bytes and one bit, undecoded.
		if c := s[i]; c >= 0xE4 && c <= 0xE9 && i+2 < len(s) {
			c1, c2 := s[i+1], s[i+2]
			r := uint(c&0x0F)<<12 | uint(c1&0x3F)<<6 | uint(c2&0x3F)
			if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && tsBMP[r>>6]&(1<<(r&63)) == 0 {
				i += 3
				continue
			}
		}
		r, size := decodeRune(s, i)
		if n, fromTraditional := fold(r); n != r || size == 1 {
			if fromTraditional {
				traditional++
			}
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[kept:i])
			// Written as bytes: Builder.Write is inlined here, where b is a
			// local variable, and WriteRune is not.
			var enc [utf8.UTFMax]byte
			b.Write(utf8.AppendRune(enc[:0], n))
			i += size
			kept = i
			if d := i - b.Len(); d != delta {
				marks = append(marks, mark{b.Len(), d})
				delta = d
			}
			continue
		}
		i += size
	}
	if kept == 0 {
		return &View{Text: s} // nothing changed: the view is the text
	}
	b.WriteString(s[kept:])
	return &View{Text: b.String(), marks: marks, Traditional: traditional}
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), with a Chinese character (three
// bytes) decoded in line.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c&0xF0 == 0xE0 && i+2 < len(s) {
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Orig maps a byte offset in the view to the byte offset in the original text.
// Offsets inside a rune map to the start of that rune's original; offsets
// out of range clamp to the text.
func (v *View) Orig(i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(v.Text) {
		i = len(v.Text)
	} else {
		for i > 0 && !utf8.RuneStart(v.Text[i]) {
			i--
		}
	}
	k := sort.Search(len(v.marks), func(k int) bool { return v.marks[k].v > i })
	if k == 0 {
		return i
	}
	return i + v.marks[k-1].d
}

// Rune returns the normalized form of r.
func Rune(r rune) rune {
	n, _ := fold(r)
	return n
}

// fold returns the normalized form of r, and whether it is r's simplified
// form: the view counts those (one look at the table for both).
func fold(r rune) (n rune, fromTraditional bool) {
	switch {
	case r < 0x80:
		return r, false
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII forms
		return r - 0xFF01 + '!', false
	case r == 0x3000 || r == 0x00A0 || r == 0x2002 || r == 0x2003 || r == 0x2009 || r == 0x202F:
		return ' ', false
	}
	if s, ok := simplified(r); ok {
		return s, true
	}
	return r, false
}

// IsTraditional tells whether r is a traditional character with a different
// simplified form.
func IsTraditional(r rune) bool {
	_, ok := simplified(r)
	return ok
}

// At maps a byte offset of the original text, at the start of a rune (or its
// end), to the byte offset of the same rune in the view: the inverse of Orig.
func (v *View) At(orig int) int {
	if orig <= 0 {
		return 0
	}
	k := sort.Search(len(v.marks), func(k int) bool { return v.marks[k].v+v.marks[k].d > orig })
	if k == 0 {
		return min(orig, len(v.Text))
	}
	return min(orig-v.marks[k-1].d, len(v.Text))
}
