package match

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// Dictionary holds the literals of a set of patterns (a rule set's) and finds
// all of them in a text in one pass. Without it each pattern looks for its
// own literals in every line: dozens of searches a line, most of them for
// literals that are not there.
type Dictionary struct {
	lits []string
	// Literals are listed by their first bytes: one of a single byte in
	// single, one of two bytes in pairs (with a bit in pairBits), a longer
	// one in groups[triples[h]&^shortLits], h a hash of its first three bytes (a
	// group may hold literals of other beginnings with the same hash, which
	// the comparison with the text sorts out); one of six bytes or more
	// also sets a bit of sixes. A literal starts with the first byte of a
	// rune, and every such byte is a place where regexp starts a rune, so a
	// scan looks at every byte without decoding the text.
	single [256][]int32
	// longer[c] tells whether a literal of two bytes or more starts with
	// byte c: most ASCII bytes (spaces, letters, marks) start none.
	longer   [256]bool
	pairBits [1 << 16 / 64]uint64
	pairs    map[uint16][]int32
	triples  [1 << tripleBits]uint16
	groups   []group
	// sixes holds a bit per hash of the first six bytes of the literals of
	// six bytes or more: in Chinese text most places whose first character
	// begins literals (法, 政) begin none of them with the next character,
	// and one look at a bit spares comparing each.
	sixes   [1 << sixBits / 64]uint64
	entries []*entry
	// others holds the patterns another dictionary claimed first.
	others map[*Pattern]*entry
}

// entry is what a dictionary knows of one pattern: the ids of its literals,
// and the same as a bit set (want) and as its non-zero words (wanted); also,
// the non-zero words of one bit set per further literal set.
type entry struct {
	ids    []int32
	want   []uint64
	wanted []bitWord
	also   [][]bitWord
}

// bitWord is word i of a bit set of literal ids. A pattern's few literals
// are filed next to each other, so its set has one or two non-zero words of
// the several the dictionary's literals take.
type bitWord struct {
	i    int
	bits uint64
}

// nonZero returns the non-zero words of bit set b.
func nonZero(b []uint64) []bitWord {
	var out []bitWord
	for i, w := range b {
		if w != 0 {
			out = append(out, bitWord{i, w})
		}
	}
	return out
}

// claim ties a pattern to the dictionary that holds its entry.
type claim struct {
	d    *Dictionary
	slot int
}

// NewDictionary gathers the literals of patterns.
func NewDictionary(patterns []*Pattern) *Dictionary {
	d := &Dictionary{pairs: map[uint16][]int32{}, groups: []group{{}}, others: map[*Pattern]*entry{}}
	ids := map[string]int32{}
	idOf := func(lit string) int32 {
		id, ok := ids[lit]
		if !ok {
			id = int32(len(d.lits))
			ids[lit] = id
			d.lits = append(d.lits, lit)
			d.file(lit, id)
		}
		return id
	}
	type pending struct {
		e    *entry
		also [][]int32
	}
	var all []pending
	// An alternation searched alternative by alternative finds each by its
	// own literals.
	patterns = slices.Clone(patterns)
	for i := 0; i < len(patterns); i++ {
		patterns = append(patterns, patterns[i].branches...)
	}
	// The entries and claims of all the patterns, each in one allocation:
	// the packs are compiled at every start.
	entries := make([]entry, 0, len(patterns))
	claims := make([]claim, 0, len(patterns))
	for _, p := range patterns {
		if d.entryOf(p) != nil {
			continue
		}
		entries = append(entries, entry{})
		e := &entries[len(entries)-1]
		for _, lit := range p.need.lits {
			e.ids = append(e.ids, idOf(lit))
		}
		var also [][]int32
		for _, set := range p.also {
			var s []int32
			for _, lit := range set {
				s = append(s, idOf(lit))
			}
			also = append(also, s)
		}
		claims = append(claims, claim{d: d, slot: len(d.entries)})
		if p.claim.CompareAndSwap(nil, &claims[len(claims)-1]) {
			d.entries = append(d.entries, e)
		} else {
			d.others[p] = e
		}
		all = append(all, pending{e, also})
	}
	words := (len(d.lits) + 63) / 64
	wants := make([]uint64, words*len(all)) // the entries' bit sets, side by side
	set := make([]uint64, words)            // a further set's, until its words are taken
	for i, p := range all {
		p.e.want = wants[i*words : (i+1)*words : (i+1)*words]
		setBits(p.e.want, p.e.ids)
		p.e.wanted = nonZero(p.e.want)
		for _, ids := range p.also {
			clear(set)
			setBits(set, ids)
			p.e.also = append(p.e.also, nonZero(set))
		}
	}
	return d
}

// setBits sets the bits of ids in bit set b.
func setBits(b []uint64, ids []int32) {
	for _, id := range ids {
		b[id/64] |= 1 << (id % 64)
	}
}

// file lists literal id under its first bytes.
func (d *Dictionary) file(lit string, id int32) {
	d.longer[lit[0]] = d.longer[lit[0]] || len(lit) > 1
	switch len(lit) {
	case 1:
		d.single[lit[0]] = append(d.single[lit[0]], id)
	case 2:
		key := uint16(lit[0])<<8 | uint16(lit[1])
		d.pairBits[key/64] |= 1 << (key % 64)
		d.pairs[key] = append(d.pairs[key], id)
	default:
		h := tripleHash(tripleKey(lit, 0))
		if d.triples[h] == 0 {
			d.triples[h] = uint16(len(d.groups))
			d.groups = append(d.groups, group{})
		}
		g := &d.groups[d.triples[h]&^shortLits]
		if len(lit) < 6 {
			g.short = append(g.short, headOf(lit, id))
			d.triples[h] |= shortLits
			return
		}
		head := headOf(lit, id)
		g.long = append(g.long, head)
		six := sixHash(head.word)
		d.sixes[six/64] |= 1 << (six % 64)
	}
}

// group holds the literals of three bytes or more whose first three bytes
// have the same hash: those shorter than six bytes, and the others.
type group struct {
	short, long []head
}

// shortLits marks a slot of triples whose group holds literals shorter than
// six bytes. A group without them holds only literals whose first six bytes
// set a bit of sixes: most places its hash leads to are passed over on that
// bit, without a look at the group. (There are fewer groups than slots, so
// the group's number leaves this bit free.)
const shortLits = 1 << 15

// mayStart tells whether a literal of the group in triples slot g may start
// at i in s: always when the group holds short literals, else when the
// literals' six bytes at i may be there.
func (d *Dictionary) mayStart(g uint16, s string, i int) bool {
	return g&shortLits != 0 || d.maySix(s, i)
}

// maySix tells whether a literal of six bytes or more may start at i in s:
// when s ends within eight bytes, or the bit of sixes of its six bytes at i
// is set.
func (d *Dictionary) maySix(s string, i int) bool {
	return i+8 > len(s) || d.sixSet(word(s, i))
}

// sixSet tells whether the bit of sixes of the first six bytes of w is set.
func (d *Dictionary) sixSet(w uint64) bool { return d.sixBit(w) != 0 }

// sixBit is the bit of sixes of the first six bytes of w, as 1 or 0.
func (d *Dictionary) sixBit(w uint64) uint64 {
	six := sixHash(w)
	return d.sixes[six/64] >> (six % 64) & 1
}

// sixBits is the size of the hash of a literal's first six bytes.
const sixBits = 16

// sixHash maps the first six bytes of word w (a little-endian word of
// eight) to sixBits bits.
func sixHash(w uint64) uint64 { return (w << 16) * 0x9E3779B97F4A7C15 >> (64 - sixBits) }

// head is what a scan compares the text with to find literal id: its first
// eight bytes (fewer if it is shorter, masked by mask), read as a
// little-endian word, so that most literals are told from the text by one
// comparison of words; the rest of a longer one is compared apart. A
// group's heads lie side by side, not in tables indexed by id.
type head struct {
	word, mask uint64
	id         int32
	long       bool // the literal is longer than eight bytes
}

// headOf returns the head of literal id, lit.
func headOf(lit string, id int32) head {
	h := head{id: id, long: len(lit) > 8}
	for i := 0; i < len(lit) && i < 8; i++ {
		h.word |= uint64(lit[i]) << (8 * i)
		h.mask |= 0xFF << (8 * i)
	}
	return h
}

// word returns the eight bytes of s at i as a little-endian word.
func word(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// tripleBits is the size of the hash of a literal's first three bytes: 4,096
// slots of two bytes, which stay in the first-level cache with sixes and the
// text. The packs' 220 groups fill a twentieth of them; with 16,384 slots
// (32 KB) a scan met a line of the table no longer cached at most runes.
const tripleBits = 12

// tripleHash maps three bytes (a tripleKey) to tripleBits bits.
func tripleHash(key uint32) uint32 { return key * 2654435761 >> (32 - tripleBits) }

// tripleKey returns the three bytes of s at i as a little-endian number:
// the low three bytes of word(s, i), which the scan reads anyway.
func tripleKey(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16
}

// entryOf returns the dictionary's entry for p, nil if p is not in it.
func (d *Dictionary) entryOf(p *Pattern) *entry {
	if c := p.claim.Load(); c != nil && c.d == d {
		return d.entries[c.slot]
	}
	return d.others[p]
}

// Text is a text with every occurrence of a dictionary's literals found.
type Text struct {
	s       string
	d       *Dictionary
	present []uint64     // bit per literal id
	occ     []occurrence // in order of position
	// base is where s starts in the text that was scanned: occurrences are
	// placed in that text, so that a slice shares its parent's.
	base int
	// whole is the scanned text t is a slice of, when t ends where a rune
	// starts: a slice of valid UTF-8 cut at rune starts is valid.
	whole *Text
	valid int8 // 1 when s is valid UTF-8, -1 when not, 0 before it is known
}

// SetValid records whether t's text is valid UTF-8, when the caller knows
// (a document checks its text when it is read): a search that needs to know
// is then spared the check.
func (t *Text) SetValid(valid bool) {
	t.valid = -1
	if valid {
		t.valid = 1
	}
}

// isValid tells whether t's text is valid UTF-8, working it out once for the
// scanned text and all its slices.
func (t *Text) isValid() bool {
	if t.valid == 0 {
		t.valid = -1
		if t.whole != nil && t.whole.isValid() || utf8.ValidString(t.s) {
			t.valid = 1
		}
	}
	return t.valid > 0
}

type occurrence struct {
	pos, lit int32
}

// Scan finds the dictionary's literals in s.
func (d *Dictionary) Scan(s string) *Text {
	return d.ScanReusing(s, nil)
}

// ScanReusing is Scan written into the memory of old, a scan by the same
// dictionary that nothing uses any more (nor any piece of it); nil for fresh
// memory.
func (d *Dictionary) ScanReusing(s string, old *Text) *Text {
	words := (len(d.lits) + 63) / 64
	var t *Text
	if old != nil && old.d == d {
		clear(old.present)
		*old = Text{s: s, d: d, present: old.present, occ: old.occ[:0]}
		t = old
	} else {
		t = &Text{s: s, d: d, present: make([]uint64, words), occ: make([]occurrence, 0, len(s)/12)}
	}
	i := t.scanWords()
	for ; i+2 < len(s); i++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			for _, id := range d.single[c] {
				t.add(i, id)
			}
		case c < 0xC0:
			continue // a continuation byte starts no literal
		case c >= 0xE0:
			// A rune of three bytes or more: no literal of two bytes starts here.
			if g := d.triples[tripleHash(tripleKey(s, i))]; g != 0 && d.mayStart(g, s, i) {
				t.find(i, &d.groups[g&^shortLits])
			}
			if s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				i += 2 // continuation bytes start no literal
			}
			continue
		}
		if d.longer[c] {
			t.pairsAndTriples(i)
		}
	}
	// The last two bytes: no room for a literal of three.
	for i := max(0, len(s)-2); i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			for _, id := range d.single[c] {
				t.add(i, id)
			}
		}
		if i+1 < len(s) && c&0xC0 != 0x80 && d.longer[c] {
			t.pairsAndTriples(i)
		}
	}
	return t
}

// scanWords does the scan's work at the places where eight bytes of the
// text can be read as a word, where most of a document's runes lie, and
// returns the place after them. At a rune of three bytes it works out both
// whether the rune begins a literal shorter than six bytes and whether the
// six bytes there may begin a longer one, and branches once on either: most
// of a Chinese text's runes begin no literal, and a third of them lead to a
// group whose longer literals the six bytes rule out; branches on each
// answer are mispredicted far more often than one on both. (A place whose
// six bytes set a bit of sixes by chance, without a group, leads to the
// empty group 0.)
func (t *Text) scanWords() int {
	d, s := t.d, t.s
	i := 0
	for ; i+8 <= len(s); i++ {
		w := word(s, i)
		switch c := byte(w); {
		case c >= 0xE0:
			g := d.triples[tripleHash(uint32(w)&0xFFFFFF)]
			if uint64(g/shortLits)|d.sixBit(w) != 0 {
				t.findWord(i, w, &d.groups[g&^shortLits])
			}
			if w&0xC0C000 == 0x808000 {
				i += 2 // continuation bytes start no literal
			}
		case c < utf8.RuneSelf:
			for _, id := range d.single[c] {
				t.add(i, id)
			}
			if d.longer[c] {
				t.pairsAndTriples(i)
			}
		case c >= 0xC0 && d.longer[c]:
			t.pairsAndTriples(i)
		}
	}
	return i
}

// pairsAndTriples records the literals of two bytes or more that occur at i,
// where an ASCII character or a rune of two bytes starts.
func (t *Text) pairsAndTriples(i int) {
	d, s := t.d, t.s
	pair := uint16(s[i])<<8 | uint16(s[i+1])
	if d.pairBits[pair/64]&(1<<(pair%64)) != 0 {
		for _, id := range d.pairs[pair] {
			t.add(i, id)
		}
	}
	if i+2 < len(s) {
		if g := d.triples[tripleHash(tripleKey(s, i))]; g != 0 && d.mayStart(g, s, i) {
			t.find(i, &d.groups[g&^shortLits])
		}
	}
}

// find records the literals of group g that occur at i.
func (t *Text) find(i int, g *group) {
	d, s := t.d, t.s
	if i+8 > len(s) {
		for _, heads := range [2][]head{g.short, g.long} {
			for _, h := range heads {
				if strings.HasPrefix(s[i:], d.lits[h.id]) {
					t.add(i, h.id)
				}
			}
		}
		return
	}
	t.findWord(i, word(s, i), g)
}

// findWord is find where eight bytes of the text, w, can be read at i.
func (t *Text) findWord(i int, w uint64, g *group) {
	d, s := t.d, t.s
	for _, h := range g.short {
		if w&h.mask == h.word {
			t.add(i, h.id)
		}
	}
	if len(g.long) == 0 {
		return
	}
	// A group without short literals was found through mayStart, which
	// tested the bit already.
	if len(g.short) != 0 && !d.sixSet(w) {
		return
	}
	for _, h := range g.long {
		if w&h.mask == h.word && (!h.long || strings.HasPrefix(s[i+8:], d.lits[h.id][8:])) {
			t.add(i, h.id)
		}
	}
}

// add records an occurrence of literal id at i.
func (t *Text) add(i int, id int32) {
	t.occ = append(t.occ, occurrence{pos: int32(i), lit: id})
	t.present[id/64] |= 1 << (id % 64)
}

// root is the scanned text t was cut from, or t.
func (t *Text) root() *Text {
	if t.whole != nil {
		return t.whole
	}
	return t
}

// String returns the text.
func (t *Text) String() string { return t.s }

// has tells whether one of e's literals occurs in t, and one of each of its
// further sets.
func (t *Text) has(e *entry) bool {
	if e.ids == nil {
		return true
	}
	if !t.any(e.wanted) {
		return false
	}
	for _, set := range e.also {
		if !t.any(set) {
			return false
		}
	}
	return true
}

// any tells whether one of the literals of a bit set (its non-zero words)
// occurs in t.
func (t *Text) any(set []bitWord) bool {
	for _, w := range set {
		if w.bits&t.present[w.i] != 0 {
			return true
		}
	}
	return false
}

// MayMatchIn tells whether t may hold a match of p: false when p is in t's
// dictionary and t lacks the literals every match of p holds, or when p has
// no literals and its matches start with one of a few bytes t lacks
// (\x{FFFD}+, [\x{E000}-\x{F8FF}]+: a rule would search every line for
// them). A piece of t (Slices) holds no literal nor byte t lacks: a pattern
// t rules out matches in none of its pieces.
func (p *Pattern) MayMatchIn(t *Text) bool {
	if e := t.d.entryOf(p); e != nil && e.ids != nil {
		return t.has(e)
	}
	if p.need.lits != nil {
		return true // a pattern outside the dictionary, planned only when searched
	}
	return p.planned().starts.mayStartIn(t)
}

// mayStartIn tells whether a match can start somewhere in t, by the first
// bytes of its matches: false only when they are few and t holds none of
// them where a match's first rune can start (see leadIn), nor, when a match
// can start at a byte of invalid UTF-8, such a byte.
func (st *starts) mayStartIn(t *Text) bool {
	if st.every || st.few == nil || st.invalid && !t.isValid() {
		return true
	}
	for k := range st.few {
		if st.leadIn(k, t.s) {
			return true
		}
	}
	return false
}

// leadIn tells whether s holds first byte few[k] followed by a byte that can
// follow it in a match's first rune (see secondMay). A document full of
// full-width marks (，is EF BC 8C) holds no U+FFFD (EF BF BD): \x{FFFD}+ is
// ruled out for it by the pair EF BF, which one search looks for when it is
// the one second byte; else each lead byte found is looked at.
func (st *starts) leadIn(k int, s string) bool {
	lead := st.few[k]
	if st.seconds == nil || lead < utf8.RuneSelf {
		return strings.IndexByte(s, lead) >= 0
	}
	if seconds := st.seconds[k]; bits.OnesCount64(seconds) == 1 {
		pair := [2]byte{lead, 0x80 | byte(bits.TrailingZeros64(seconds))}
		return strings.Contains(s, string(pair[:]))
	}
	for i := 0; ; {
		at := strings.IndexByte(s[i:], lead)
		if at < 0 {
			return false
		}
		if i += at + 1; st.secondMay(k, s, i) {
			return true
		}
	}
}

// hasBefore tells whether one of e's literals occurs in t wholly before end.
func (t *Text) hasBefore(e *entry, end int) bool {
	if e.ids == nil {
		return true
	}
	end += t.base
	for _, o := range t.occ {
		if int(o.pos) >= end {
			break
		}
		if e.want[o.lit/64]&(1<<(o.lit%64)) != 0 && int(o.pos)+len(t.d.lits[o.lit]) <= end {
			return true
		}
	}
	return false
}

// Slices cuts t at spans ([start, end) offsets into t's text, in order and
// not overlapping) and returns each piece with the occurrences that lie wholly
// in it: what Scan would find there, provided each start is where a rune of
// the text starts. Slicing the lines out of a scanned document costs less than
// scanning each: the pieces share t's occurrences and one allocation holds
// their literal sets.
func (t *Text) Slices(spans [][2]int) []Text {
	out, _ := t.SlicesInto(spans, nil, nil)
	return out
}

// SlicesInto is Slices written into the memory of out and slab, the pieces
// and literal sets of an earlier call that nothing uses any more (nil for
// fresh memory). It returns the pieces and the slab that holds their sets.
func (t *Text) SlicesInto(spans [][2]int, out []Text, slab []uint64) ([]Text, []uint64) {
	words := len(t.present)
	if cap(out) >= len(spans) {
		out = out[:len(spans)]
	} else {
		out = make([]Text, len(spans))
	}
	if need := words * len(spans); cap(slab) >= need {
		slab = slab[:need]
		clear(slab)
	} else {
		slab = make([]uint64, need)
	}
	k := 0
	for n, sp := range spans {
		from, to := t.base+sp[0], t.base+sp[1]
		for k < len(t.occ) && int(t.occ[k].pos) < from {
			k++
		}
		j := k
		whole := true // no occurrence runs past the piece's end
		present := slab[n*words : (n+1)*words : (n+1)*words]
		for ; j < len(t.occ) && int(t.occ[j].pos) < to; j++ {
			o := t.occ[j]
			if int(o.pos)+len(t.d.lits[o.lit]) > to {
				whole = false
				continue
			}
			present[o.lit/64] |= 1 << (o.lit % 64)
		}
		occ := t.occ[k:j:j]
		if !whole {
			occ = nil
			for _, o := range t.occ[k:j] {
				if int(o.pos)+len(t.d.lits[o.lit]) <= to {
					occ = append(occ, o)
				}
			}
		}
		out[n] = Text{s: t.s[sp[0]:sp[1]], d: t.d, present: present, occ: occ, base: from}
		if sp[1] == len(t.s) || utf8.RuneStart(t.s[sp[1]]) {
			out[n].whole = t.root() // no rune cut off at the end: as valid as t
		}
		k = j
	}
	return out, slab
}
