package match

import (
	"math/bits"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sequence is a pattern, or one way through it, that is a row of runes, each
// from a set, some of them repeated: `,`, `、(?P<at>、)`, `[,。、;:](?P<at>[,。、;:])`,
// `(?:\p{Han})$`, `[\x{E000}-\x{F8FF}]+`. A repeated set is greedy and shares
// no rune with the sets after it up to one that must match, so the row has
// at most one match at each start, and it is matched rune by rune without
// regexp, whose set-up costs more than the whole match. A pattern with
// alternatives or optional parts (`[0-9]+(?:\.[0-9]+)?%?|[A-Za-z]+`) is the
// list of its ways through, each a sequence (see sequencesOf).
type sequence struct {
	items      []item
	fixed      bool // every item is one rune: the match's length in runes is len(items)
	begin, end bool // anchored at the text's start, end
	// groups[2k], groups[2k+1]: the items group k+1 starts and ends before,
	// -1 for a group this way does not pass through.
	groups []int
	// shared is how many first items the sequence has in common with the
	// one before it in its pattern's list: a match tried at a start does not
	// match them again.
	shared int
}

// item is a set of runes, as a syntax.OpCharClass holds it (sorted lo, hi
// pairs), matched min to max times (max < 0: no limit).
type item struct {
	set      []rune
	min, max int
}

// sameItem tells whether a and b are the same item of a pattern: the set of
// the same node of its syntax tree, repeated the same way.
func sameItem(a, b item) bool {
	return len(a.set) == len(b.set) && (len(a.set) == 0 || &a.set[0] == &b.set[0]) && a.min == b.min && a.max == b.max
}

// maxSequences bounds the ways through a pattern that are matched one by one.
const maxSequences = 24

// sequencesOf returns re as a list of sequences tried in turn, the first
// that matches at a start giving the match there; nil if re is not one:
// `锟斤拷|烫烫烫`, `(?P<at>【\s*】|\(\s+\))`, `\d(?:余|多)?(?:件|人次)`.
// The list is in the order regexp's leftmost-first matching prefers the ways
// through: an earlier alternative first, an optional part taken before
// left out, a choice further left deciding first. A repetition's choice
// comes before the choices after it in that order too, but each sequence has
// at most one match, the greedy one, and sequences that share the items in
// front of a choice repeat them the same number of times; so the first
// sequence that matches gives regexp's match.
func sequencesOf(re *syntax.Regexp) []*sequence {
	return greedyRows(waysThrough(re, countCaptures(re)))
}

// waysThrough returns re as the list of its ways through, each a row of
// rune sets, in the order sequencesOf lists them; nil if re is not made of
// such rows, has more than maxSequences ways through, or an empty one.
// ncap is the number of groups of the pattern re is part of, which their
// numbers index.
func waysThrough(re *syntax.Regexp, ncap int) []*sequence {
	if n := ways(re); n == 0 || n > maxSequences {
		return nil
	}
	start := &sequence{groups: make([]int, 2*ncap), fixed: true}
	for i := range start.groups {
		start.groups[i] = -1
	}
	qs := expand(re, []*sequence{start})
	for _, q := range qs {
		if len(q.items) == 0 {
			return nil
		}
	}
	return qs
}

// greedyRows returns qs ready to be matched greedily, each knowing the items
// it shares with the one before; nil if one is ambiguous.
func greedyRows(qs []*sequence) []*sequence {
	for i, q := range qs {
		if !q.unambiguous() {
			return nil
		}
		if i > 0 {
			q.shared = sharedItems(qs[i-1], q)
		}
	}
	return qs
}

// loosened returns the rows of qs with each run of optional items merged
// into one, `\s*\(?\s*` into `[\s(]*`, as greedyRows makes them. They match
// all that qs match and more, so where they do not match qs do not either;
// and rows ambiguous only in such runs are not any more. Their groups are
// dropped: they tell only whether there is a match. nil if a row is still
// ambiguous.
func loosened(qs []*sequence) []*sequence {
	for _, q := range qs {
		q.items, q.groups = mergeOptional(q.items), nil
	}
	return greedyRows(qs)
}

// mergeOptional returns items with each run of two or more optional items
// (min 0) made one: the union of their sets, repeated up to the sum of
// their counts.
func mergeOptional(items []item) []item {
	var out []item
	for i := 0; i < len(items); {
		j := i
		for j < len(items) && items[j].min == 0 {
			j++
		}
		if j-i < 2 {
			out = append(out, items[i])
			i++
			continue
		}
		var pairs [][2]rune
		merged := item{}
		for _, it := range items[i:j] {
			pairs = appendPairs(pairs, it.set)
			if merged.max >= 0 {
				merged.max += it.max
				if it.max < 0 {
					merged.max = -1
				}
			}
		}
		merged.set = union(pairs)
		out = append(out, merged)
		i = j
	}
	return out
}

// appendPairs appends the lo, hi pairs of set to pairs.
func appendPairs(pairs [][2]rune, set []rune) [][2]rune {
	for k := 0; k+1 < len(set); k += 2 {
		pairs = append(pairs, [2]rune{set[k], set[k+1]})
	}
	return pairs
}

// union returns the runes of pairs as a set: sorted lo, hi pairs, those
// that overlap or touch joined.
func union(pairs [][2]rune) []rune {
	slices.SortFunc(pairs, func(a, b [2]rune) int { return int(a[0] - b[0]) })
	var set []rune
	for _, p := range pairs {
		if n := len(set); n > 0 && p[0] <= set[n-1]+1 {
			set[n-1] = max(set[n-1], p[1])
			continue
		}
		set = append(set, p[0], p[1])
	}
	return set
}

// expand returns each of qs followed by each way through re, in the order
// sequencesOf lists them; nil if re is not made of rows of rune sets or has
// more than maxSequences ways through. It may extend the sequences of qs.
func expand(re *syntax.Regexp, qs []*sequence) []*sequence {
	var out []*sequence
	switch {
	case re.Op == syntax.OpConcat:
		for _, sub := range re.Sub {
			if qs = expand(sub, qs); qs == nil {
				return nil
			}
		}
		return qs
	case re.Op == syntax.OpAlternate:
		for _, q := range qs {
			for i, sub := range re.Sub {
				way := q // the last alternative extends q itself
				if i < len(re.Sub)-1 {
					way = q.clone()
				}
				more := expand(sub, []*sequence{way})
				if more == nil {
					return nil
				}
				out = append(out, more...)
			}
		}
	case re.Op == syntax.OpQuest && runeSet(re.Sub[0]) == nil:
		if re.Flags&syntax.NonGreedy != 0 {
			return nil
		}
		for _, q := range qs {
			more := expand(re.Sub[0], []*sequence{q.clone()})
			if more == nil {
				return nil
			}
			out = append(append(out, more...), q) // taken before left out
		}
	case re.Op == syntax.OpCapture:
		for _, q := range qs {
			start := len(q.items)
			more := expand(re.Sub[0], []*sequence{q})
			if more == nil {
				return nil
			}
			for _, m := range more {
				m.groups[2*re.Cap-2], m.groups[2*re.Cap-1] = start, len(m.items)
			}
			out = append(out, more...)
		}
	default:
		for _, q := range qs {
			if !q.add(re) {
				return nil
			}
		}
		return qs
	}
	if len(out) > maxSequences {
		return nil
	}
	return out
}

// firstRunes returns the runes a match of qs can start with, as sorted lo,
// hi pairs: the sets of each sequence's items up to the first that must
// match. nil if a sequence has no such item, or when all share a first item
// that must match: matchFirst then looks at the rune once anyway.
func firstRunes(qs []*sequence) []rune {
	if len(qs) == 0 || qs[0].items[0].min > 0 && !slices.ContainsFunc(qs[1:], func(q *sequence) bool { return q.shared == 0 }) {
		return nil
	}
	var pairs [][2]rune
	for _, q := range qs {
		i := 0
		for ; i < len(q.items); i++ {
			pairs = appendPairs(pairs, q.items[i].set)
			if q.items[i].min > 0 {
				break
			}
		}
		if i == len(q.items) {
			return nil
		}
	}
	return union(pairs)
}

// secondRunes returns the runes a match of qs can have second, as sorted
// lo, hi pairs, when every sequence's first item is one rune: the sets of
// each sequence's items from the second up to the first that must match.
// It spares trying each sequence at a start whose next rune none can take
// (\d(?:余|多)?(?:件|项|…)…, at a digit before a digit or 年). nil if there
// is one sequence (matchFirst looks at its second item at once anyway), if
// a first item is not one rune, or a sequence has no such item.
func secondRunes(qs []*sequence) []rune {
	if len(qs) < 2 {
		return nil
	}
	var pairs [][2]rune
	if !eachSecondSet(qs, func(set []rune) { pairs = appendPairs(pairs, set) }) {
		return nil
	}
	return union(pairs)
}

// eachSecondSet calls visit with the sets a match of qs can take its second
// rune from, when every sequence's first item is one rune: each sequence's
// items from the second up to the first that must match. It returns false,
// having visited some, if a first item is not one rune or a sequence has no
// such item.
func eachSecondSet(qs []*sequence, visit func(set []rune)) bool {
	for _, q := range qs {
		if q.items[0].min != 1 || q.items[0].max != 1 {
			return false
		}
		i := 1
		for ; i < len(q.items); i++ {
			visit(q.items[i].set)
			if q.items[i].min > 0 {
				break
			}
		}
		if i == len(q.items) {
			return false
		}
	}
	return true
}

// ways returns how many sequences expand makes of re, counted without
// making them (most patterns are not rows of rune sets, and the packs are
// compiled at every start), more than maxSequences when there are more; 0
// if re holds a part that is not a row of rune sets. An anchor out of place
// (x$y) is found only by expand.
func ways(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpConcat:
		n := 1
		for _, sub := range re.Sub {
			n = min(n*ways(sub), maxSequences+1)
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			k := ways(sub)
			if k == 0 {
				return 0
			}
			n = min(n+k, maxSequences+1)
		}
		return n
	case syntax.OpCapture:
		return ways(re.Sub[0])
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText:
		return 1
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return 0
		}
		return 1
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		switch {
		case re.Flags&syntax.NonGreedy != 0:
			return 0
		case runeSet(re.Sub[0]) != nil:
			return 1
		case re.Op == syntax.OpQuest:
			if k := ways(re.Sub[0]); k > 0 {
				return min(k+1, maxSequences+1)
			}
		}
		return 0
	}
	if runeSet(re) != nil {
		return 1
	}
	return 0
}

// clone returns a copy of q that grows apart from it.
func (q *sequence) clone() *sequence {
	c := *q
	c.items, c.groups = slices.Clone(q.items), slices.Clone(q.groups)
	return &c
}

// unambiguous tells whether q has at most one match at a start, the one its
// greedy items give: a repetition could give back runes to a set after it
// (up to the first that must match), and then a start could have more.
func (q *sequence) unambiguous() bool {
	for i, a := range q.items {
		for j := i + 1; a.min != a.max && j < len(q.items); j++ {
			if overlap(a.set, q.items[j].set) {
				return false
			}
			if q.items[j].min > 0 {
				break
			}
		}
	}
	return true
}

// sharedItems is how many first items a and b have in common.
func sharedItems(a, b *sequence) int {
	n := 0
	for n < len(a.items) && n < len(b.items) && sameItem(a.items[n], b.items[n]) {
		n++
	}
	return n
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

// add appends re, a part of a pattern that does not branch, to q's items,
// false if re is not a row of rune sets.
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
		q.items = slices.Grow(q.items, len(re.Rune))
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

// starts is what the first byte of a pattern's match can be: a search of
// sequences jumps from one such byte to the next, a try of the expression
// at a place is skipped when the byte there is not one.
type starts struct {
	// every: the first bytes are not known, a match may start anywhere.
	every bool
	// invalid: a match can also start at a byte of invalid UTF-8 (a first
	// set holds U+FFFD, which regexp matches there).
	invalid bool
	// few holds the first bytes when there are at most maxLeads of them:
	// a search looks for each with IndexByte.
	few []byte
	// ascii: every first byte is an ASCII one.
	ascii bool
	// first holds a bit per byte a match can start with: only bytes that
	// start a rune (ASCII and lead bytes), so a place it finds is one where
	// regexp steps.
	first [4]uint64
	// lo and hi are the least and greatest first byte when every one is
	// ASCII and lo is not 0: a search passes eight bytes at once that hold
	// none from lo to hi (see asciiIn).
	lo, hi byte
	// seconds[k] holds a bit per continuation byte (its low six bits) that
	// can follow lead byte few[k] in a match's first rune, when few holds a
	// lead byte of a longer rune: 0xEF starts the U+FFFD of \x{FFFD}+ and
	// the full-width marks of Chinese text (，is EF BC 8C) alike, and the
	// second byte tells them apart. nil otherwise.
	seconds []uint64
}

// maxLeads bounds the first bytes a search looks for one by one.
const maxLeads = 3

// startsOf returns the first bytes of the matches of re.
func startsOf(re *syntax.Regexp) starts {
	var st starts
	st.every = st.addFirst(re)
	n := 0
	for _, w := range st.first {
		n += bits.OnesCount64(w)
	}
	st.ascii = !st.every && !st.invalid && st.first[2] == 0 && st.first[3] == 0
	if st.ascii && n > 0 && !st.firstByte(0) {
		st.lo = byte(bits.TrailingZeros64(st.first[0]))
		if st.first[0] == 0 {
			st.lo = byte(64 + bits.TrailingZeros64(st.first[1]))
		}
		st.hi = byte(63 - bits.LeadingZeros64(st.first[1]) + 64)
		if st.first[1] == 0 {
			st.hi = byte(63 - bits.LeadingZeros64(st.first[0]))
		}
	}
	for b := 0; b < 256 && n <= maxLeads; b++ {
		if st.firstByte(byte(b)) {
			st.few = append(st.few, byte(b))
		}
	}
	if !st.every && slices.ContainsFunc(st.few, func(b byte) bool { return b >= 0xC0 }) {
		// A second walk, now that the lead bytes are known, notes the
		// continuation bytes that follow them.
		st.seconds = make([]uint64, len(st.few))
		st.addFirst(re)
	}
	return st
}

// addFirst adds the first bytes of re's matches that are not empty, and
// tells whether re can match the empty string: then what follows it in a
// row can start a match too.
func (st *starts) addFirst(re *syntax.Regexp) (nullable bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		forms := []rune{re.Rune[0]}
		if re.Flags&syntax.FoldCase != 0 {
			forms = caseForms(re.Rune[0])
		}
		for _, r := range forms {
			st.addSet([]rune{r, r})
		}
	case syntax.OpCharClass:
		st.addSet(re.Rune)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		st.addSet([]rune{0, unicode.MaxRune})
	case syntax.OpCapture, syntax.OpPlus:
		return st.addFirst(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		st.addFirst(re.Sub[0])
		return true
	case syntax.OpRepeat:
		return st.addFirst(re.Sub[0]) || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !st.addFirst(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			nullable = st.addFirst(sub) || nullable
		}
		return nullable
	case syntax.OpNoMatch:
	default: // the empty-width assertions
		return true
	}
	return false
}

// may tells whether a match can start with byte b, where regexp steps: a
// byte of invalid UTF-8 can start one too when a first set holds U+FFFD.
func (st *starts) may(b byte) bool { return st.every || st.invalid || st.firstByte(b) }

// firstByte tells whether a match can start with byte b, a valid rune's.
func (st *starts) firstByte(b byte) bool { return st.first[b>>6]&(1<<(b&63)) != 0 }

// addSet adds the first bytes of the UTF-8 encodings of set's runes.
func (st *starts) addSet(set []rune) {
	for i := 0; i < len(set); i += 2 {
		lo, hi := set[i], set[i+1]
		st.invalid = st.invalid || lo <= utf8.RuneError && utf8.RuneError <= hi
		// Lead bytes grow with the rune: those of lo, of hi and between,
		// except the continuation bytes a range across 0x80 spans.
		for b := int(leadByte(lo)); b <= int(leadByte(hi)); b++ {
			if utf8.RuneStart(byte(b)) {
				st.first[b>>6] |= 1 << (b & 63)
			}
		}
		for k, b := range st.few {
			if st.seconds != nil && b >= 0xC0 {
				st.seconds[k] |= secondBytes(b, lo, hi)
			}
		}
	}
}

// secondBytes returns a bit per continuation byte (its low six bits) that
// follows lead byte b in the encoding of a rune from lo to hi: each second
// byte c stands for the runes whose encoding starts with b, c, a range,
// which the bit is set for when it meets [lo, hi]. (A pair no valid rune
// starts with may get a bit: the bits may hold more than the runes need.)
func secondBytes(b byte, lo, hi rune) uint64 {
	var size, shift uint
	switch {
	case b >= 0xF0:
		size, shift = 4, 12
	case b >= 0xE0:
		size, shift = 3, 6
	default:
		size, shift = 2, 0
	}
	lead := rune(b) & (0x7F >> size) // the lead byte's bits of the rune
	var set uint64
	for c := range rune(64) {
		first := (lead<<6 | c) << shift
		last := first | (1<<shift - 1)
		if first <= hi && lo <= last {
			set |= 1 << c
		}
	}
	return set
}

// leadByte is the first byte of r's UTF-8 encoding.
func leadByte(r rune) byte {
	var buf [utf8.UTFMax]byte
	utf8.EncodeRune(buf[:], r)
	return buf[0]
}

// nextStart returns the first place at or after from where a match of the
// pattern's sequences may start, by their first bytes, or -1; every place
// when the first bytes are not known or the text is not valid UTF-8 and a
// match can start at invalid bytes. Where each of a few first bytes was last
// found is kept, so that a byte the text lacks is looked for once, not once
// per start.
func (x *search) nextStart(valid bool, from int) int {
	st := &x.p.starts
	switch {
	case st.every || st.invalid && !valid:
		if from < len(x.s) {
			return from
		}
		return -1
	case st.few == nil && st.lo != 0:
		return x.nextASCII(from)
	case st.few == nil:
		for i := from; i < len(x.s); i++ {
			if st.ascii {
				// Eight bytes at a time past a stretch of Chinese text.
				for i+8 <= len(x.s) && word(x.s, i)&0x8080808080808080 == 0x8080808080808080 {
					i += 8
				}
				if i == len(x.s) {
					break
				}
			}
			if st.firstByte(x.s[i]) {
				return i
			}
		}
		return -1
	}
	if !x.leadsSeen {
		x.leadsSeen = true
		for i := range x.leadAt {
			x.leadAt[i] = notSearched
		}
	}
	for {
		next, lead := -1, 0
		for k, b := range st.few {
			at := x.leadAt[k]
			if at == notSearched || at >= 0 && at < from {
				if at = strings.IndexByte(x.s[from:], b); at >= 0 {
					at += from
				}
				x.leadAt[k] = at
			}
			if at >= 0 && (next < 0 || at < next) {
				next, lead = at, k
			}
		}
		if next < 0 || st.secondMay(lead, x.s, next+1) {
			return next
		}
		from = next + 1
	}
}

// secondMay tells whether the byte at i, after lead byte few[k] at i-1, can
// be the second byte of a match's first rune (see seconds): always after an
// ASCII one.
func (st *starts) secondMay(k int, s string, i int) bool {
	if st.seconds == nil || st.few[k] < utf8.RuneSelf {
		return true
	}
	return i < len(s) && s[i]&0xC0 == 0x80 && st.seconds[k]&(1<<(s[i]&63)) != 0
}

// nextASCII is nextStart for first bytes that are all ASCII, from lo to hi
// (lo not 0): it looks at eight bytes at once, and only at those among them
// from lo to hi (a digit's pattern passes over Chinese text and its marks
// alike). A place it finds must be followed by a byte that can start a
// match's second rune, when the pattern knows them (secondStarts).
func (x *search) nextASCII(from int) int {
	st, s := &x.p.starts, x.s
	i := from
	for ; i+8 <= len(s); i += 8 {
		for m := st.asciiIn(word(s, i)); m != 0; m &= m - 1 {
			if c := i + bits.TrailingZeros64(m)/8; x.mayStartAt(c) {
				return c
			}
		}
	}
	for ; i < len(s); i++ {
		if x.mayStartAt(i) {
			return i
		}
	}
	return -1
}

// asciiIn returns the high bit of each byte of w from lo to hi (the
// "hasbetween" of Bit Twiddling Hacks, exact for ASCII bounds): each byte's
// seven low bits are compared with both bounds at once, without a carry
// between bytes, and a byte with its high bit set is left out.
func (st *starts) asciiIn(w uint64) uint64 {
	const ones, low7, high = 0x0101010101010101, 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	above, below := uint64(st.lo)-1, uint64(st.hi)+1
	y := w & low7
	return (ones*(127+below) - y) &^ w & (y + ones*(127-above)) & high
}

// mayStartAt tells whether a match may start at c, an ASCII byte: c is one
// of the first bytes, and the byte after it one of secondStarts.
func (x *search) mayStartAt(c int) bool {
	s, second := x.s, x.p.secondStarts
	return x.p.starts.firstByte(s[c]) && (second == nil || c+1 < len(s) && second.may(s[c+1]))
}

// secondStartsOf returns the first bytes of the second rune of a match of
// qs, when every sequence's first item is one rune (eachSecondSet). nil if
// there are no sequences, a first item is not one rune or a sequence has no
// such item.
func secondStartsOf(qs []*sequence) *starts {
	if len(qs) == 0 {
		return nil
	}
	var st starts
	if !eachSecondSet(qs, st.addSet) {
		return nil
	}
	found := st // on the heap only when there is one
	return &found
}

// matchFirst matches the first of qs that matches at c in s: the indexes
// want asks for, taken from mem, or nil. Where a sequence's items end is
// kept for the next, which shares its first items.
func matchFirst(qs []*sequence, s string, c int, want answer, mem *matchMemory) []int {
	var stack [16]int
	// bounds[i] is where the first i items of the last sequence tried end,
	// for the first known of them; stuck: its item known does not match.
	bounds := append(stack[:0], c)
	known, stuck := 0, false
	for _, q := range qs {
		if known >= q.shared {
			known, stuck = q.shared, false
		}
		if stuck || q.begin && c != 0 {
			continue
		}
		bounds = bounds[:known+1]
		pos := bounds[known]
		for _, it := range q.items[known:] {
			var ok bool
			if pos, ok = it.matchAt(s, pos); !ok {
				stuck = true
				break
			}
			bounds = append(bounds, pos)
			known++
		}
		if stuck || q.end && pos != len(s) || pos == c {
			continue
		}
		return q.answer(bounds, want, mem)
	}
	return nil
}

// matchAt matches item it at pos in s, greedily: where it ends, and false
// if it does not match there.
func (it item) matchAt(s string, pos int) (int, bool) {
	n := 0
	for (it.max < 0 || n < it.max) && pos < len(s) {
		r, w := utf8.DecodeRuneInString(s[pos:])
		if !inSet(it.set, r) {
			break
		}
		pos += w
		n++
	}
	return pos, n >= it.min
}

// answer returns the indexes want asks for of q's match, whose items end at
// bounds[1:] (bounds[0] is its start), taken from mem.
func (q *sequence) answer(bounds []int, want answer, mem *matchMemory) []int {
	c, end := bounds[0], bounds[len(q.items)]
	switch want {
	case whether:
		return matched
	case span:
		m := mem.take(2)
		m[0], m[1] = c, end
		return m
	}
	m := mem.take(2 + len(q.groups))
	m[0], m[1] = c, end
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

// matchMemory lends a search the memory of the indexes of its matches, out
// of blocks that double in size: a search that finds many matches (the
// commas of a paragraph) allocates a few times, not once per match.
type matchMemory struct {
	free    []int
	matches int // how many matches the last block holds
}

// take returns n ints for the indexes of a match; its caller may keep them.
func (mem *matchMemory) take(n int) []int {
	if len(mem.free) < n {
		mem.matches = max(2*mem.matches, 1)
		mem.free = make([]int, n*mem.matches)
	}
	m := mem.free[:n:n]
	mem.free = mem.free[n:]
	return m
}
