package match

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// A row is a pattern made of parts in a row, each a choice of literal
// strings or a bounded repetition of a rune set, some of them groups:
// (下一年度|下一步|…)[^。]{0,16}(打算|计划|…), 受[^。]{0,20}(影响|…). Its
// repetitions overlap what follows them, so it is not matched as sequences
// (which never give runes back); it is matched at a start by trying, as
// regexp's backtracker does, each string of a choice in order and each count
// of a repetition, most first (fewest first when non-greedy), going back to
// the last part with another way when the rest does not match. Its matches
// are regexp's: the first way in regexp's order of preference that matches.
type row struct {
	parts      []part
	begin, end bool // anchored at the text's start (^), its end ($)
	groups     int  // the pattern's capture groups
}

// part is a part of a row: a choice of strings (strs, in regexp's order of
// preference), or set repeated min to max times (max < 0: unbounded, only
// where the whole run is taken in every match; see stopsRun).
type part struct {
	strs     []string
	set      []rune
	min, max int
	lazy     bool
	group    int // the capture group the part is, 0 when it is none
}

// Bounds of a row: the most runes a repetition may take (its ends are kept
// on the stack), the ways all of a row's repetitions can take together
// (backtracking tries them all at worst) and the strings of a choice.
const (
	maxRowRepeat = 64
	maxRowWays   = 4096
	maxRowStrs   = 32
)

// rowOf returns re as a row, nil if it is not one or is too large to match
// by backtracking. ncap is the number of re's capture groups.
func rowOf(re *syntax.Regexp, ncap int) *row {
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	r := &row{groups: ncap}
	ways := 1
	for i, sub := range subs {
		switch {
		case sub.Op == syntax.OpBeginText && i == 0:
			r.begin = true
			continue
		case sub.Op == syntax.OpEndText && i == len(subs)-1:
			r.end = true
			continue
		}
		group := 0
		if sub.Op == syntax.OpCapture {
			group, sub = sub.Cap, sub.Sub[0]
		}
		pt, ok := partOf(sub)
		if !ok {
			return nil
		}
		pt.group = group
		if pt.strs == nil && pt.max >= 0 {
			if ways *= pt.max - pt.min + 1; ways > maxRowWays {
				return nil
			}
		}
		r.parts = append(r.parts, pt)
	}
	if len(r.parts) == 0 {
		return nil
	}
	for i, pt := range r.parts {
		if pt.strs == nil && pt.max < 0 && pt.lazy {
			return nil
		}
		if pt.strs == nil && pt.max < 0 && i+1 < len(r.parts) && !stopsRun(pt.set, r.parts[i+1]) {
			return nil
		}
	}
	return r
}

// stopsRun tells whether next, the part after an unbounded repetition of
// set, never matches empty nor starts with a rune of set: the repetition
// then takes its whole run in every match (\s* before \S{2,30}), and the
// row is matched without trying shorter runs, whatever their length.
func stopsRun(set []rune, next part) bool {
	if next.strs == nil {
		return next.min > 0 && !overlap(set, next.set)
	}
	for _, s := range next.strs {
		if s == "" {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(s); inSet(set, r) {
			return false
		}
	}
	return true
}

// partOf returns re as a part of a row.
func partOf(re *syntax.Regexp) (part, bool) {
	switch re.Op {
	case syntax.OpRepeat, syntax.OpQuest, syntax.OpStar, syntax.OpPlus:
		set := runeSet(re.Sub[0])
		if set == nil {
			break
		}
		pt := part{set: set, min: 0, max: 1, lazy: re.Flags&syntax.NonGreedy != 0}
		switch re.Op {
		case syntax.OpRepeat:
			pt.min, pt.max = re.Min, re.Max
		case syntax.OpStar:
			pt.max = -1
		case syntax.OpPlus:
			pt.min, pt.max = 1, -1
		}
		if pt.max > maxRowRepeat {
			return part{}, false
		}
		return pt, true
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return part{set: runeSet(re), min: 1, max: 1}, true
	}
	strs, ok := stringsOf(re)
	if !ok || len(strs) == 0 {
		return part{}, false
	}
	return part{strs: strs}, true
}

// stringsOf returns the strings a part without groups nor repetitions
// matches, in regexp's order of preference; false if re is not such a part,
// has more than maxRowStrs strings, or holds U+FFFD (which regexp also reads
// at invalid bytes).
func stringsOf(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || slices.Contains(re.Rune, utf8.RuneError) {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		// The parser makes one of alternatives of one rune (还|仍|也).
		var out []string
		for i := 0; i < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= maxRowStrs || inSet(re.Rune[i:i+2], utf8.RuneError) {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
			if len(out) > maxRowStrs {
				return nil, false
			}
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			strs, ok := stringsOf(sub)
			if !ok || len(out)*len(strs) > maxRowStrs {
				return nil, false
			}
			out = product(out, strs)
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			strs, ok := stringsOf(sub)
			if !ok || len(out)+len(strs) > maxRowStrs {
				return nil, false
			}
			out = append(out, strs...)
		}
		return out, true
	case syntax.OpQuest:
		strs, ok := stringsOf(re.Sub[0])
		if !ok || len(strs) >= maxRowStrs {
			return nil, false
		}
		if re.Flags&syntax.NonGreedy != 0 {
			return append([]string{""}, strs...), true
		}
		return append(strs, ""), true
	}
	return nil, false
}

// match returns the indexes want asks for of the row's match at c in s,
// taken from mem, or nil.
func (r *row) match(s string, c int, want answer, mem *matchMemory) []int {
	if r.begin && c != 0 {
		return nil
	}
	var stack [16]int
	bounds := append(stack[:0], make([]int, len(r.parts)+1)...)
	bounds[0] = c
	if !r.from(s, 0, bounds) {
		return nil
	}
	end := bounds[len(r.parts)]
	switch want {
	case whether:
		return matched
	case span:
		m := mem.take(2)
		m[0], m[1] = c, end
		return m
	}
	m := mem.take(2 + 2*r.groups)
	m[0], m[1] = c, end
	for i := 2; i < len(m); i++ {
		m[i] = -1
	}
	for i, pt := range r.parts {
		if pt.group > 0 {
			m[2*pt.group], m[2*pt.group+1] = bounds[i], bounds[i+1]
		}
	}
	return m
}

// from matches parts i on from bounds[i], setting where each ends, and tells
// whether they match.
func (r *row) from(s string, i int, bounds []int) bool {
	if i == len(r.parts) {
		return !r.end || bounds[i] == len(s)
	}
	pt, pos := &r.parts[i], bounds[i]
	if pt.strs != nil {
		for _, lit := range pt.strs {
			if strings.HasPrefix(s[pos:], lit) {
				bounds[i+1] = pos + len(lit)
				if r.from(s, i+1, bounds) {
					return true
				}
			}
		}
		return false
	}
	if pt.max < 0 {
		// Unbounded: the whole run, followed by a part that cannot take
		// its last runes (see stopsRun), or by nothing.
		n := 0
		for pos < len(s) {
			c, w := utf8.DecodeRuneInString(s[pos:])
			if !inSet(pt.set, c) {
				break
			}
			pos += w
			n++
		}
		bounds[i+1] = pos
		return n >= pt.min && r.from(s, i+1, bounds)
	}
	// ends[k] is where k runes of the set from pos end.
	var ends [maxRowRepeat + 1]int
	ends[0] = pos
	n := 0
	for n < pt.max && pos < len(s) {
		c, w := utf8.DecodeRuneInString(s[pos:])
		if !inSet(pt.set, c) {
			break
		}
		pos += w
		n++
		ends[n] = pos
	}
	if n < pt.min {
		return false
	}
	for k := range n - pt.min + 1 {
		count := n - k // most first
		if pt.lazy {
			count = pt.min + k
		}
		bounds[i+1] = ends[count]
		if r.from(s, i+1, bounds) {
			return true
		}
	}
	return false
}
