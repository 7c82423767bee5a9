// Package normalize builds the view of a text that rules match against: the
// same text rune for rune, with full-width letters, digits and punctuation
// folded to their ASCII forms, odd spaces folded to a space, and traditional
// characters folded to simplified ones. Each rune of the view keeps the byte
// offset of the rune it came from, so a match in the view maps back exactly.
package normalize

import (
	"sort"
	"unicode/utf8"
	"unsafe"

	"github.com/fzlint/fzlint/checker/lend"
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
	return NewIn(s, nil)
}

// NewIn is New, a view that differs from s written in memory of loan.
func NewIn(s string, loan *lend.Loan) *View {
	w := writer{s: s, loan: loan}
	traditional := 0
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
			r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				if tsBMP[r>>6]&(1<<(r&63)) != 0 {
					n, _ := simplified(r)
					traditional++
					w.put(i, 3, n)
				}
				i += 3
				continue
			}
		}
		r, size := decodeRune(s, i)
		// The other runes of three bytes, the punctuation of a Chinese
		// text (。、“”《》), are kept unless foldsThree says fold may
		// change them: fold is called for those only.
		if size == 3 && !foldsThree(r) {
			i += 3
			continue
		}
		if n, fromTraditional := fold(r); n != r || size == 1 {
			if fromTraditional {
				traditional++
			}
			w.put(i, size, n)
		}
		i += size
	}
	if w.buf == nil {
		return &View{Text: s} // nothing changed: the view is the text
	}
	return &View{Text: w.view(), marks: w.marks, Traditional: traditional}
}

// writer builds the view of a text that changes. At the first change the
// text is copied whole, and each changed rune is written over the copy: the
// text between changes is moved only once the view's offsets have left the
// text's (a rune of another length), and a view that only swaps characters
// of one length for another's, as folding traditional text does, moves none.
type writer struct {
	s string
	// buf[:w] is the view of s[:kept], the text before the last change
	// and the change; above w, buf still holds the copy of s (buf[j] is
	// s[j] for w <= j < len(s)): nothing is written there.
	buf     []byte
	loan    *lend.Loan // lends buf and marks
	w, kept int
	marks   []mark
	delta   int // the last mark's d, 0 before the first
}

// put writes n to the view for the rune of s at [i, i+size).
func (w *writer) put(i, size int, n rune) {
	if w.buf == nil {
		w.buf = append(lend.Slice[byte](w.loan, lend.View, len(w.s)), w.s...)
		w.marks = lend.Slice[mark](w.loan, lend.Marks, 0)
	}
	if w.w == w.kept {
		w.w = i // buf[kept:i] is s[kept:i] already
	} else {
		w.ensure(w.w + i - w.kept)
		w.w += copy(w.buf[w.w:], w.s[w.kept:i])
	}
	w.ensure(w.w + utf8.RuneLen(n))
	w.w += utf8.EncodeRune(w.buf[w.w:], n)
	w.kept = i + size
	if d := w.kept - w.w; d != w.delta {
		w.marks = append(w.marks, mark{w.w, d})
		w.delta = d
	}
}

// ensure makes buf at least n bytes long, keeping what it holds.
func (w *writer) ensure(n int) {
	if n > len(w.buf) {
		w.buf = append(w.buf, make([]byte, n-len(w.buf))...)
	}
}

// view is the finished view: what put wrote, and the rest of the text.
func (w *writer) view() string {
	if w.w != w.kept {
		w.ensure(w.w + len(w.s) - w.kept)
		w.w += copy(w.buf[w.w:], w.s[w.kept:])
	} else {
		w.w = len(w.s)
	}
	lend.Keep(w.loan, lend.View, w.buf)
	lend.Keep(w.loan, lend.Marks, w.marks)
	return unsafe.String(&w.buf[0], w.w)
}

// foldsThree tells whether fold may change r, a rune of three bytes
// (U+0800–U+FFFF): a full-width form, an odd space, or a key of the
// traditional table. Where it says no, fold keeps r (TestFoldsThree checks
// every rune).
func foldsThree(r rune) bool {
	return IsTraditional(r) || r >= 0xFF01 && r <= 0xFF5E ||
		r == 0x3000 || r >= 0x2002 && r <= 0x2009 || r == 0x202F
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
	if uint32(r) < 0x10000 {
		// the table's bitmap alone, in the caller's loop: simplified also
		// ranks the bit to find the simplified form, which this does not need
		return tsBMP[r>>6]&(1<<(r&63)) != 0
	}
	return isTraditionalAbove(r)
}

// isTraditionalAbove is IsTraditional above U+FFFF, kept out of line so
// that IsTraditional is small enough to be inlined.
//
//go:noinline
func isTraditionalAbove(r rune) bool {
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
