package match

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sequence is a pattern that is a row of runes, each from a set, some of them
// repeated: `,`, `、(?P<at>、)`, `[,。、;:](?P<at>[,。、;:])`, `(?:\p{Han})$`,
// `[\x{E000}-\x{F8FF}]+`. A repeated set is greedy and shares no rune with
// the set after it, so the pattern has at most one match at each start, and
// it is matched rune by rune without regexp, whose set-up costs more than the
// whole match.
type sequence struct {
	items      []item
	fixed      bool // every item is one rune: the match's length in runes is len(items)
	begin, end bool // anchored at the text's start, end
	// groups[2k], groups[2k+1]: the items group k+1 starts and ends before.
	groups []int
	// leads are the bytes a match can start with, when they are few (nil
	// otherwise): a search looks for them with IndexByte. invalid: a match
	// can also start at a byte of invalid UTF-8 (the set holds U+FFFD).
	leads   []byte
	invalid bool
}

// item is a set of runes, as a syntax.OpCharClass holds it (sorted lo, hi
// pairs), matched min to max times (max < 0: no limit).
type item struct {
	set      []rune
	min, max int
}

// maxLeads bounds the lead bytes a search looks for one by one.
const maxLeads = 3

// sequencesOf returns re as a list of sequences tried in turn, the first
// that matches at a start giving the match there (as regexp's leftmost-first
// alternation does); nil if re is not one: `锟斤拷|烫烫烫`, `(?P<at>【\s*】|\(\s+\))`.
func sequencesOf(re *syntax.Regexp) []*sequence {
	ncap := countCaptures(re)
	var outer []int // groups around the whole alternation
	for re.Op == syntax.OpCapture {
		outer = append(outer, re.Cap)
		re = re.Sub[0]
	}
	branches := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		branches = re.Sub
	}
	var out []*sequence
	for _, b := range branches {
		q := sequenceOf(b, ncap)
		if q == nil {
			return nil
		}
		for _, c := range outer {
			q.groups[2*c-2], q.groups[2*c-1] = 0, len(q.items)
		}
		out = append(out, q)
	}
	return out
}

// sequenceOf returns the sequence re is, or nil; ncap is the number of
// groups of the whole expression, of which re may hold some.
func sequenceOf(re *syntax.Regexp, ncap int) *sequence {
	q := &sequence{groups: make([]int, 2*ncap), fixed: true}
	for i := range q.groups {
		q.groups[i] = -1 // a group of another alternative
	}
	if !q.add(re) || len(q.items) == 0 {
		return nil
	}
	// A repetition could give back runes to a set after it (up to the first
	// that must match): then a start could have more than one match.
	for i, a := range q.items {
		for j := i + 1; a.min != a.max && j < len(q.items); j++ {
			if overlap(a.set, q.items[j].set) {
				return nil
			}
			if q.items[j].min > 0 {
				break
			}
		}
	}
	if first := q.items[0]; first.min > 0 {
		q.leads, q.invalid = leadBytes(first.set)
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

// add appends re's items to q, false if re is not a sequence.
func (q *sequence) add(re *syntax.Regexp) bool {
	if q.end {
		return re.Op == syntax.OpEmptyMatch // nothing may follow $
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
	case syntax.OpBeginText:
		if len(q.items) > 0 {
			return false
		}
		q.begin = true
	case syntax.OpEndText:
		q.end = true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return false
		}
		sets := make([]rune, 2*len(re.Rune)) // one allocation for every rune's set
		for i, r := range re.Rune {
			sets[2*i], sets[2*i+1] = r, r
			q.items = append(q.items, item{set: sets[2*i : 2*i+2 : 2*i+2], min: 1, max: 1})
		}
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		set := runeSet(re.Sub[0])
		if set == nil || re.Flags&syntax.NonGreedy != 0 {
			return false
		}
		it := item{set: set, min: 0, max: -1}
		switch re.Op {
		case syntax.OpPlus:
			it.min = 1
		case syntax.OpQuest:
			it.max = 1
		case syntax.OpRepeat:
			it.min, it.max = re.Min, re.Max
		}
		q.items = append(q.items, it)
		q.fixed = false
	case syntax.OpCapture:
		start := len(q.items)
		if !q.add(re.Sub[0]) {
			return false
		}
		q.groups[2*re.Cap-2], q.groups[2*re.Cap-1] = start, len(q.items)
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !q.add(sub) {
				return false
			}
		}
	default:
		set := runeSet(re)
		if set == nil {
			return false
		}
		q.items = append(q.items, item{set: set, min: 1, max: 1})
	}
	return true
}

// runeSet returns the set of runes re matches when it matches one rune.
func runeSet(re *syntax.Regexp) []rune {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 1 && re.Flags&syntax.FoldCase == 0 {
			return []rune{re.Rune[0], re.Rune[0]}
		}
	case syntax.OpCharClass:
		return re.Rune
	case syntax.OpAnyCharNotNL:
		return []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
	case syntax.OpAnyChar:
		return []rune{0, unicode.MaxRune}
	}
	return nil
}

// overlap tells whether two sets share a rune.
func overlap(a, b []rune) bool {
	for i := 0; i < len(a); i += 2 {
		for j := 0; j < len(b); j += 2 {
			if a[i] <= b[j+1] && b[j] <= a[i+1] {
				return true
			}
		}
	}
	return false
}

// leadBytes returns the first bytes of the UTF-8 encodings of set's runes if
// there are at most maxLeads, and whether set holds U+FFFD, which regexp also
// matches at each byte of invalid UTF-8.
func leadBytes(set []rune) (leads []byte, invalid bool) {
	for i := 0; i < len(set); i += 2 {
		lo, hi := set[i], set[i+1]
		invalid = invalid || lo <= utf8.RuneError && utf8.RuneError <= hi
		// Lead bytes grow with the rune: those of lo, of hi and between.
		for b := int(leadByte(lo)); b <= int(leadByte(hi)); b++ {
			if !strings.ContainsRune(string(leads), rune(b)) && len(leads) <= maxLeads {
				leads = append(leads, byte(b))
			}
		}
	}
	if len(leads) > maxLeads {
		return nil, invalid
	}
	return leads, invalid
}

// leadByte is the first byte of r's UTF-8 encoding.
func leadByte(r rune) byte {
	var buf [utf8.UTFMax]byte
	utf8.EncodeRune(buf[:], r)
	return buf[0]
}

// nextStart returns the first place at or after from where a match of one of
// the pattern's sequences may start, by their lead bytes, or -1; every place
// when the lead bytes are not known or the text is not valid UTF-8 and one
// matches invalid bytes. Where each lead byte was last found is kept (for
// the first len(x.leadAt) of them), so that a lead byte the text lacks is
// looked for once, not once per start.
func (x *search) nextStart(valid bool, from int) int {
	if !x.leadsSeen {
		x.leadsSeen = true
		for i := range x.leadAt {
			x.leadAt[i] = notSearched
		}
	}
	next, k := -1, 0
	for _, q := range x.p.seqs {
		if q.leads == nil || q.invalid && !valid {
			if from < len(x.s) {
				return from
			}
			return -1
		}
		for _, b := range q.leads {
			at := notSearched
			if k < len(x.leadAt) {
				at = x.leadAt[k]
			}
			if at == notSearched || at >= 0 && at < from {
				if at = strings.IndexByte(x.s[from:], b); at >= 0 {
					at += from
				}
				if k < len(x.leadAt) {
					x.leadAt[k] = at
				}
			}
			if at >= 0 && (next < 0 || at < next) {
				next = at
			}
			k++
		}
	}
	return next
}

// matchesInvalid tells whether one of qs can start at invalid UTF-8.
func matchesInvalid(qs []*sequence) bool {
	for _, q := range qs {
		if q.invalid {
			return true
		}
	}
	return false
}

// matchFirst matches the first of qs that matches at c.
func matchFirst(qs []*sequence, s string, c int, want answer) []int {
	for _, q := range qs {
		if m := q.matchAt(s, c, want); m != nil {
			return m
		}
	}
	return nil
}

// matchAt matches q at c in s: the indexes want asks for, or nil.
func (q *sequence) matchAt(s string, c int, want answer) []int {
	if q.begin && c != 0 {
		return nil
	}
	var stack [8]int
	bounds := append(stack[:0], c)
	pos := c
	for _, it := range q.items {
		n := 0
		for (it.max < 0 || n < it.max) && pos < len(s) {
			r, w := utf8.DecodeRuneInString(s[pos:])
			if !inSet(it.set, r) {
				break
			}
			pos += w
			n++
		}
		if n < it.min {
			return nil
		}
		bounds = append(bounds, pos)
	}
	if q.end && pos != len(s) || pos == c {
		return nil
	}
	switch want {
	case whether:
		return matched
	case span:
		return []int{c, pos}
	}
	m := make([]int, 2+len(q.groups))
	m[0], m[1] = c, pos
	for i, k := range q.groups {
		m[2+i] = -1
		if k >= 0 {
			m[2+i] = bounds[k]
		}
	}
	return m
}

// startAtEnd returns where a match of a fixed q anchored at the text's end
// would start: len(q.items) runes back from the end, or -1.
func (q *sequence) startAtEnd(s string) int {
	c := len(s)
	for range q.items {
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
