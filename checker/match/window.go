package match

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// search walks the matches of a pattern in s, left to right, as regexp's
// FindAll would. Every match holds one of the pattern's literals, starting at
// most need.before bytes after the match's start. So the leftmost match at or
// after pos starts no earlier than q−before, q being the first occurrence of
// a literal at or after pos, and no later than q unless it holds a later
// occurrence. The search tries the starts in [q−before, q] (tryStarts), or
// runs the expression on the window of text that decides them (inWindows);
// none matching, it goes on to the next occurrence.
type search struct {
	p    *Pattern
	s    string
	want answer
	pos  int // the next match starts at or after pos
	done bool
	// at[i] is the first occurrence of literal i at or after some earlier
	// pos: searched again when pos passes it; -1 when there is none left,
	// notSearched before the first search. leadAt is the same for the first
	// bytes of a pattern's sequences (starts.few), once leadsSeen; a lead
	// byte found where the byte after it rules out a match's first rune
	// (starts.secondMay) is searched again from the next byte on.
	at        []int
	leadAt    [maxLeads]int
	leadsSeen bool
	// firsts[2i], firsts[2i+1] are where the first match of alternative i
	// found from some earlier pos starts and ends: -1 if there is none,
	// unsearched before the first search. firstsMem is where they are kept
	// in firstsPool.
	firsts    []int
	firstsMem *[]int
	// stopAt and midAt find the first stop and mid rune (see Pattern).
	stopAt, midAt runeAt
	// t holds the occurrences of the pattern's literals (entry e of its
	// dictionary) when the search runs on a scanned Text; oi is the first of
	// t.occ not yet passed.
	t  *Text
	e  *entry
	oi int
	// own lists the ids of the pattern's literals t holds, nOwn of them,
	// when they are at most maxOwn: the search then looks for each in s
	// itself, ownAt being to own what at is to the pattern's literals,
	// rather than walk t's occurrences, most of which are other patterns'
	// literals (a line of the seeds holds dozens, and a rule searches it
	// with a dozen patterns). nOwn is -1 when t holds more of them or
	// none (the search walks t.occ), 0 before they are listed.
	own   [maxOwn]int32
	ownAt [maxOwn]int32
	nOwn  int8
	// valid is 1 when s is valid UTF-8, -1 when not, 0 before it is known.
	valid int8
	// mem holds the indexes of the matches of sequences.
	mem matchMemory
	// tailed: pos has been moved to the start of the text's trailing run of
	// the pattern's tail set (see tailSet).
	tailed bool
}

const notSearched = -2

// maxOwn bounds the literals t holds that a search on a scanned Text looks
// for itself (see search.own).
const maxOwn = 4

// runeAt is where the first occurrence of a rune at or after from starts
// (-1 if none), once known. Searches come from increasing places, so one
// search serves many.
type runeAt struct {
	at, from int
	known    bool
}

// after returns where the first r at or after c in s starts, or -1.
func (ra *runeAt) after(s, r string, c int) int {
	if !ra.known || c < ra.from || ra.at >= 0 && ra.at < c {
		ra.known, ra.from = true, c
		if ra.at = strings.Index(s[c:], r); ra.at >= 0 {
			ra.at += c
		}
	}
	return ra.at
}

// maxTryText bounds the text an anchored try of an unbounded pattern is
// given when regexp runs it (not sequences): regexp clears state in
// proportion to the text on every call, so on longer texts one unanchored
// search from the first possible start costs less.
const maxTryText = 4096

// answer is what a search reports of a match.
type answer int

const (
	whether    answer = iota // only that there is one: the search stops at the first
	span                     // where it starts and ends
	submatches               // and where each group does
)

// matched stands for a match when the search reports only whether there is
// one; it holds no positions.
var matched = []int{-1, -1}

func (p *Pattern) newSearch(s string, want answer) *search {
	return &search{p: p, s: s, want: want}
}

// in makes the search use the literals t found for entry e.
func (x *search) in(t *Text, e *entry) *search {
	x.t, x.e = t, e
	return x
}

// occurrence returns where the first literal occurrence at or after pos
// starts, or -1.
func (x *search) occurrence() int {
	if x.t != nil && x.nOwn == 0 {
		x.listOwn()
	}
	if x.nOwn > 0 {
		return x.ownOccurrence()
	}
	if x.t != nil {
		for ; x.oi < len(x.t.occ); x.oi++ {
			o := x.t.occ[x.oi]
			if at := int(o.pos) - x.t.base; at >= x.pos && x.e.want[o.lit/64]&(1<<(o.lit%64)) != 0 {
				return at
			}
		}
		return -1
	}
	if x.at == nil {
		x.at = make([]int, len(x.p.need.lits))
		for i := range x.at {
			x.at[i] = notSearched
		}
	}
	first := -1
	for i, lit := range x.p.need.lits {
		at := nextAt(x.s, lit, x.pos, x.at[i])
		x.at[i] = at
		if at >= 0 && (first < 0 || at < first) {
			first = at
		}
	}
	return first
}

// nextAt returns where lit first stands in s at or after pos, -1 if
// nowhere, given at, the last answer for it (notSearched before the
// first): s is searched again only once pos has passed that answer.
func nextAt(s, lit string, pos, at int) int {
	if at == notSearched || at >= 0 && at < pos {
		if at = index(s[pos:], lit); at >= 0 {
			at += pos
		}
	}
	return at
}

// listOwn lists the pattern's literals t holds in own, or sets nOwn to -1
// when they are more than maxOwn, or none. (Every search on t is of a
// pattern t holds a literal of: one of none is ruled out by has first.)
func (x *search) listOwn() {
	n := 0
	for _, id := range x.e.ids {
		if x.t.present[id/64]&(1<<(id%64)) == 0 {
			continue
		}
		if n == maxOwn {
			x.nOwn = -1
			return
		}
		x.own[n], x.ownAt[n] = id, notSearched
		n++
	}
	x.nOwn = int8(n)
	if n == 0 {
		x.nOwn = -1
	}
}

// ownOccurrence is occurrence for a search on a scanned Text by the literals
// listed in own: t's occurrences of a literal are the places s holds it
// (every place a literal can start, at the start of a rune, is one the scan
// looks at), so looking for it in s finds the same.
func (x *search) ownOccurrence() int {
	first := -1
	for i, id := range x.own[:x.nOwn] {
		at := nextAt(x.s, x.t.d.lits[id], x.pos, int(x.ownAt[i]))
		x.ownAt[i] = int32(at) // as t.occ places occurrences
		if at >= 0 && (first < 0 || at < first) {
			first = at
		}
	}
	return first
}

// next returns the next match (submatch indexes into s), or nil.
func (x *search) next() []int {
	switch x.p.how {
	case atStart:
		return x.atStart()
	case atEnd:
		return x.atEnd()
	case everyStart:
		return x.everyStart()
	case alternatives:
		return x.alternative()
	}
	if x.p.tail != nil && !x.tailed {
		x.tailed = true
		x.pos = max(x.pos, tailStart(x.s, x.p.tail))
	}
	for !x.done {
		q := x.occurrence()
		if q < 0 {
			break
		}
		from := stepAtOrAfter(x.s, max(x.pos, q-x.p.need.before))
		var m []int
		if x.p.how == tryStarts && (x.p.seqs != nil || x.p.row != nil || x.p.longest != unbounded || len(x.s)-from <= maxTryText) {
			for c := from; c <= q && m == nil; {
				m = x.try(c)
				_, w := utf8.DecodeRuneInString(x.s[c:])
				c += max(w, 1)
			}
		} else {
			to := x.end(q)
			m = x.find(0, from, to)
			switch {
			case m == nil && to == len(x.s):
				x.done = true // every start from here on was tried against the whole text
				return nil
			case m != nil && m[0] > q && to < len(x.s):
				m = nil // a start past q was not given all the text that decides it
			}
		}
		if m != nil {
			x.pos = m[1]
			return m
		}
		_, w := utf8.DecodeRuneInString(x.s[q:])
		x.pos = q + w
	}
	x.done = true
	return nil
}

// try returns the match that starts at c, or nil.
func (x *search) try(c int) []int {
	if !x.p.starts.may(x.s[c]) {
		return nil
	}
	if x.p.seqs != nil {
		return x.matchSequences(c)
	}
	to := x.end(c)
	if x.p.stop != "" {
		// A match from c is the text up to the first stop rune: it must
		// hold the pattern's literals (most 《…》 hold no year range).
		at := x.stopAt.after(x.s, x.p.stop, c)
		if at < 0 {
			return nil
		}
		if to = min(to, at+len(x.p.stop)); !x.p.mayMatch(x.s[c:to]) {
			return nil
		}
	}
	if x.p.rest != nil {
		// A match from c goes on after the first mid rune with the rest
		// (most 《…》 are followed by no document number).
		at := x.midAt.after(x.s, x.p.mid, c)
		if at < 0 || matchFirst(x.p.rest, x.s, at+len(x.p.mid), whether, &x.mem) == nil {
			return nil
		}
	}
	if x.p.row != nil {
		return x.p.row.match(x.s, c, x.want, &x.mem)
	}
	return x.find(anchored, c, to)
}

// matchSequences matches the pattern's sequences at c, if the runes there
// can start a match: one look at them, not one per sequence.
func (x *search) matchSequences(c int) []int {
	if x.p.firstRunes != nil || x.p.secondRunes != nil {
		r, w := utf8.DecodeRuneInString(x.s[c:])
		if x.p.firstRunes != nil && !inSet(x.p.firstRunes, r) {
			return nil
		}
		if x.p.secondRunes != nil && !x.secondMay(c+w) {
			return nil
		}
	}
	return matchFirst(x.p.seqs, x.s, c, x.want, &x.mem)
}

// secondMay tells whether the rune at i can be a match's second rune: one
// of the pattern's secondRunes, and not past the text's end.
func (x *search) secondMay(i int) bool {
	if i >= len(x.s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(x.s[i:])
	return inSet(x.p.secondRunes, r)
}

// atEnd finds the one match a sequence anchored at the text's end can have.
func (x *search) atEnd() []int {
	if x.done {
		return nil
	}
	x.done = true
	c := x.p.seqs[0].startAtEnd(x.s)
	if c < x.pos { // none, or before where the search starts
		return nil
	}
	return matchFirst(x.p.seqs, x.s, c, x.want, &x.mem)
}

// everyStart tries the pattern's sequences at every start from pos on that
// their first bytes allow.
func (x *search) everyStart() []int {
	if x.valid == 0 {
		x.valid = 1
		if x.p.starts.invalid && !x.validText() {
			x.valid = -1
		}
	}
	valid := x.valid >= 0
	for c := x.pos; ; {
		if c = x.nextStart(valid, c); c < 0 {
			break
		}
		if m := x.matchSequences(c); m != nil {
			x.pos = m[1]
			return m
		}
		_, w := utf8.DecodeRuneInString(x.s[c:])
		c += w
	}
	x.pos = len(x.s)
	x.done = true
	return nil
}

// alternative finds the next match of a pattern searched alternative by
// alternative: the leftmost of the alternatives' first matches from pos on,
// the earliest alternative's among those starting there, as regexp's
// leftmost-first alternation picks. Each alternative's first match is kept
// until pos passes its start.
func (x *search) alternative() []int {
	if x.done {
		return nil
	}
	if x.firsts == nil {
		x.takeFirsts()
	}
	best := -1
	for i, b := range x.p.branches {
		start := x.firsts[2*i]
		if start == unsearched || start >= 0 && start < x.pos {
			start, x.firsts[2*i+1] = x.firstOf(b)
			x.firsts[2*i] = start
		}
		if start >= 0 && (best < 0 || start < x.firsts[2*best]) {
			best = i
		}
	}
	if best < 0 {
		x.done = true
		x.releaseFirsts()
		return nil
	}
	start, end := x.firsts[2*best], x.firsts[2*best+1]
	x.pos = end
	if x.want == whether {
		// The search stops at its first match (MatchString, MatchIn):
		// done, it gives firsts back, and reads them no more.
		x.done = true
		x.releaseFirsts()
		return matched
	}
	m := x.mem.take(2)
	m[0], m[1] = start, end
	return m
}

// unsearched stands for an alternative's first match not yet looked for, in
// search.firsts.
const unsearched = -2

// firstsPool lends searches of alternatives the memory of their firsts: a
// rule searches a pattern line by line, and each search would allocate it.
var firstsPool = sync.Pool{New: func() any { return new([]int) }}

// takeFirsts takes firsts from the pool, every alternative unsearched.
func (x *search) takeFirsts() {
	x.firstsMem = firstsPool.Get().(*[]int)
	x.firsts = slices.Grow((*x.firstsMem)[:0], 2*len(x.p.branches))[:2*len(x.p.branches)]
	for i := range x.firsts {
		x.firsts[i] = unsearched
	}
}

// releaseFirsts gives firsts back to the pool once the search is done: at
// its end, or at its one match when it reports only whether there is one. A
// search its caller leaves before the end leaves them to the collector.
func (x *search) releaseFirsts() {
	*x.firstsMem = x.firsts
	firstsPool.Put(x.firstsMem)
	x.firsts, x.firstsMem = nil, nil
}

// firstOf returns where alternative b's first match from x.pos on starts and
// ends, -1 and -1 if there is none. The alternative's search takes the
// memory of its match from x's.
func (x *search) firstOf(b *Pattern) (start, end int) {
	sub := search{p: b, s: x.s, want: span, pos: x.pos}
	if x.t != nil {
		if e := x.t.d.entryOf(b); e != nil {
			if !x.t.has(e) {
				return -1, -1
			}
			sub.t, sub.e = x.t, e
		}
	}
	if sub.t == nil && !b.mayMatch(x.s) {
		return -1, -1
	}
	sub.mem, x.mem = x.mem, matchMemory{}
	m := sub.next()
	x.mem = sub.mem
	if m == nil {
		return -1, -1
	}
	return m[0], m[1]
}

// validText tells whether the searched text is valid UTF-8.
func (x *search) validText() bool {
	if x.t != nil {
		return x.t.isValid()
	}
	return utf8.ValidString(x.s)
}

// atStart finds the one match a pattern anchored at the text's start can
// have, if one of its literals is within reach of the start.
func (x *search) atStart() []int {
	if x.done {
		return nil
	}
	x.done = true
	if x.pos > 0 { // the one match starts before where the search starts
		return nil
	}
	if x.p.seqs != nil {
		return matchFirst(x.p.seqs, x.s, 0, x.want, &x.mem)
	}
	reach := len(x.s)
	if x.p.longest != unbounded {
		reach = min(reach, x.p.longest)
	}
	switch {
	case x.t != nil:
		if !x.t.hasBefore(x.e, reach) {
			return nil
		}
	case x.p.need.lits != nil && !x.p.mayMatch(x.s[:reach]):
		return nil
	}
	if x.p.tail != nil && tailStart(x.s, x.p.tail) > 0 {
		return nil // the match, from the start to the end, would hold a rune out of the tail set
	}
	if x.p.row != nil {
		return x.p.row.match(x.s, 0, x.want, &x.mem)
	}
	return x.find(0, 0, x.end(0))
}

// end returns where the text that decides a match starting at or before c
// ends: a match spans at most longest bytes.
func (x *search) end(c int) int {
	if x.p.longest == unbounded {
		return len(x.s)
	}
	return stepAtOrAfter(x.s, c+x.p.longest)
}

// find runs variant v (anchored or not) on s[from:to] and returns the match
// in s's offsets, or nil.
func (x *search) find(v, from, to int) []int {
	if from > 0 {
		v |= cutStart
	}
	if to < len(x.s) {
		v |= cutEnd
	}
	re := x.p.variant(v)
	var m []int
	if x.want == submatches {
		m = re.FindStringSubmatchIndex(x.s[from:to])
	} else {
		m = re.FindStringIndex(x.s[from:to])
	}
	if m == nil {
		return nil
	}
	for i := range m {
		if m[i] >= 0 {
			m[i] += from
		}
	}
	return m
}

// all returns up to n matches (every one if n < 0), nil if none.
func (x *search) all(n int) [][]int {
	var out [][]int
	for n < 0 || len(out) < n {
		m := x.next()
		if m == nil {
			break
		}
		out = append(out, m)
	}
	return out
}

// stepAtOrAfter returns the first position at or after i where regexp, which
// steps through s rune by rune from its start (an invalid byte is a rune of
// width one), would try a match. Every byte that can start a rune is such a
// position: only the continuation bytes of a valid rune are skipped.
func stepAtOrAfter(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for j := i; j >= 0 && j > i-utf8.UTFMax; j-- {
		if utf8.RuneStart(s[j]) {
			for j < i {
				_, w := utf8.DecodeRuneInString(s[j:])
				j += w
			}
			return j
		}
	}
	return i
}
