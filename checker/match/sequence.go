package match

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// sequence is a pattern that is a fixed run of runes, each from a set: `,`,
// `、(?P<at>、)`, `[,。、;:](?P<at>[,。、;:])`, `(?:\p{Han})$`. Such a pattern
// has at most one match at each start, so it is matched rune by rune without
// regexp, whose set-up costs more than the whole match.
type sequence struct {
	sets       [][]rune // per rune, the set as a syntax.OpCharClass holds it: sorted lo, hi pairs
	begin, end bool     // anchored at the text's start, end
	// groups[2k], groups[2k+1]: the runes group k+1 starts and ends before.
	groups []int
}

// sequenceOf returns the sequence re is, or nil.
func sequenceOf(re *syntax.Regexp) *sequence {
	q := &sequence{groups: make([]int, 2*countCaptures(re))}
	if !q.add(re) || len(q.sets) == 0 {
		return nil
	}
	return q
}

func countCaptures(re *syntax.Regexp) int {
	n := 0
	if re.Op == syntax.OpCapture {
		n = 1
	}
	for _, sub := range re.Sub {
		n += countCaptures(sub)
	}
	return n
}

// add appends re's runes to q, false if re is not a fixed run of runes.
func (q *sequence) add(re *syntax.Regexp) bool {
	if q.end {
		return re.Op == syntax.OpEmptyMatch // nothing may follow $
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
	case syntax.OpBeginText:
		if len(q.sets) > 0 {
			return false
		}
		q.begin = true
	case syntax.OpEndText:
		q.end = true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return false
		}
		for _, r := range re.Rune {
			q.sets = append(q.sets, []rune{r, r})
		}
	case syntax.OpCharClass:
		q.sets = append(q.sets, re.Rune)
	case syntax.OpAnyCharNotNL:
		q.sets = append(q.sets, []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune})
	case syntax.OpAnyChar:
		q.sets = append(q.sets, []rune{0, unicode.MaxRune})
	case syntax.OpCapture:
		start := len(q.sets)
		if !q.add(re.Sub[0]) {
			return false
		}
		q.groups[2*re.Cap-2], q.groups[2*re.Cap-1] = start, len(q.sets)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !q.add(sub) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

// matchAt matches q at c in s: the submatch indexes (just the match's if not
// sub), or nil.
func (q *sequence) matchAt(s string, c int, sub bool) []int {
	if q.begin && c != 0 {
		return nil
	}
	var stack [8]int
	bounds := append(stack[:0], c)
	pos := c
	for _, set := range q.sets {
		if pos >= len(s) {
			return nil
		}
		r, w := utf8.DecodeRuneInString(s[pos:])
		if !inSet(set, r) {
			return nil
		}
		pos += w
		bounds = append(bounds, pos)
	}
	if q.end && pos != len(s) {
		return nil
	}
	if !sub {
		return []int{c, pos}
	}
	m := make([]int, 2+len(q.groups))
	m[0], m[1] = c, pos
	for i, k := range q.groups {
		m[2+i] = bounds[k]
	}
	return m
}

// startAtEnd returns where a match of q anchored at the text's end would
// start: len(q.sets) runes back from the end, or -1.
func (q *sequence) startAtEnd(s string) int {
	c := len(s)
	for range q.sets {
		if c == 0 {
			return -1
		}
		_, w := utf8.DecodeLastRuneInString(s[:c])
		c -= w
	}
	return c
}

// inSet tells whether r is in set, lo, hi pairs in order.
func inSet(set []rune, r rune) bool {
	if len(set) <= 16 {
		for i := 0; i < len(set); i += 2 {
			if r < set[i] {
				return false
			}
			if r <= set[i+1] {
				return true
			}
		}
		return false
	}
	lo, hi := 0, len(set)/2
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < set[2*m]:
			hi = m
		case r > set[2*m+1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}
