package outline

import (
	"strings"
	"unicode/utf8"
)

// Dates and years are read with a reader rather than regular expressions:
// their forms are short rows of digits, numerals and marks, and parsing the
// nine expressions they were written as cost every run's start-up.
// direct_test.go compares the two.

// reader reads a row of digits, numerals and marks at a place in view text,
// as an anchored regular expression would: each step takes as much as it
// may (a date's parts are such that a shorter take never leads to a match),
// and once a step fails, pos is -1 and every later step fails too.
type reader struct {
	s   string
	pos int
}

// spaces takes the spaces at pos, as \s* (ASCII white space).
func (r *reader) spaces() {
	if r.pos >= 0 {
		r.pos = len(r.s) - len(strings.TrimLeft(r.s[r.pos:], asciiSpace))
	}
}

// lit takes w.
func (r *reader) lit(w string) {
	if r.pos >= 0 && strings.HasPrefix(r.s[r.pos:], w) {
		r.pos += len(w)
	} else {
		r.pos = -1
	}
}

// optional takes w if it is there, and tells where it stands: -1, -1 if not.
func (r *reader) optional(w string) (start, end int) {
	if r.pos >= 0 && strings.HasPrefix(r.s[r.pos:], w) {
		r.pos += len(w)
		return r.pos - len(w), r.pos
	}
	return -1, -1
}

// digits takes min to max ASCII digits, as \d{min,max}, and returns where
// they stand.
func (r *reader) digits(min, max int) (start, end int) {
	if r.pos < 0 {
		return -1, -1
	}
	start, end = r.pos, r.pos
	for end < len(r.s) && end-start < max && r.s[end] >= '0' && r.s[end] <= '9' {
		end++
	}
	return r.took(start, end, end-start >= min)
}

// runes takes min to max runes of set, as [set]{min,max}, and returns where
// they stand.
func (r *reader) runes(set string, min, max int) (start, end int) {
	if r.pos < 0 {
		return -1, -1
	}
	start, end = r.pos, r.pos
	n := 0
	for n < max && end < len(r.s) {
		c, size := utf8.DecodeRuneInString(r.s[end:])
		if !strings.ContainsRune(set, c) {
			break
		}
		end += size
		n++
	}
	return r.took(start, end, n >= min)
}

// took moves past [start, end) if ok, and fails the reader if not.
func (r *reader) took(start, end int, ok bool) (int, int) {
	if !ok {
		r.pos = -1
		return -1, -1
	}
	r.pos = end
	return start, end
}
