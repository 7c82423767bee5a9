package match

import (
	"strings"
	"unicode/utf8"
)

// Dictionary holds the literals of a set of patterns (a rule set's) and finds
// all of them in a text in one pass. Without it each pattern looks for its
// own literals in every line: dozens of searches a line, most of them for
// literals that are not there.
type Dictionary struct {
	lits []string
	// byASCII and byRune list the literals by their first rune: byRune[r]
	// is 1 + an index into groups for a rune below 0x10000, else 0; others
	// are in wide.
	byASCII [utf8.RuneSelf][]int32
	byRune  []uint16
	groups  [][]int32
	wide    map[rune][]int32
	entries []*entry
	// others holds the patterns another dictionary claimed first.
	others map[*Pattern]*entry
}

// entry is what a dictionary knows of one pattern: the ids of its literals,
// and the same as a bit set; also, one bit set per further literal set.
type entry struct {
	ids  []int32
	want []uint64
	also [][]uint64
}

// claim ties a pattern to the dictionary that holds its entry.
type claim struct {
	d    *Dictionary
	slot int
}

// NewDictionary gathers the literals of patterns.
func NewDictionary(patterns []*Pattern) *Dictionary {
	d := &Dictionary{byRune: make([]uint16, 0x10000), wide: map[rune][]int32{}, others: map[*Pattern]*entry{}}
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
	for _, p := range patterns {
		if d.entryOf(p) != nil {
			continue
		}
		e := &entry{}
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
		if p.claim.CompareAndSwap(nil, &claim{d: d, slot: len(d.entries)}) {
			d.entries = append(d.entries, e)
		} else {
			d.others[p] = e
		}
		all = append(all, pending{e, also})
	}
	words := (len(d.lits) + 63) / 64
	bits := func(set []int32) []uint64 {
		b := make([]uint64, words)
		for _, id := range set {
			b[id/64] |= 1 << (id % 64)
		}
		return b
	}
	for _, p := range all {
		p.e.want = bits(p.e.ids)
		for _, set := range p.also {
			p.e.also = append(p.e.also, bits(set))
		}
	}
	return d
}

// file lists literal id under its first rune.
func (d *Dictionary) file(lit string, id int32) {
	r, _ := utf8.DecodeRuneInString(lit)
	switch {
	case r < utf8.RuneSelf:
		d.byASCII[r] = append(d.byASCII[r], id)
	case r < 0x10000:
		if d.byRune[r] == 0 {
			d.groups = append(d.groups, nil)
			d.byRune[r] = uint16(len(d.groups))
		}
		g := d.byRune[r] - 1
		d.groups[g] = append(d.groups[g], id)
	default:
		d.wide[r] = append(d.wide[r], id)
	}
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
}

type occurrence struct {
	pos, lit int32
}

// Scan finds the dictionary's literals in s.
func (d *Dictionary) Scan(s string) *Text {
	t := &Text{s: s, d: d, present: make([]uint64, (len(d.lits)+63)/64)}
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if ids := d.byASCII[b]; ids != nil {
				t.find(i, ids)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r < 0x10000 {
			if g := d.byRune[r]; g != 0 {
				t.find(i, d.groups[g-1])
			}
		} else if ids := d.wide[r]; ids != nil {
			t.find(i, ids)
		}
		i += w
	}
	return t
}

// find records the literals of ids that occur at i.
func (t *Text) find(i int, ids []int32) {
	for _, id := range ids {
		if strings.HasPrefix(t.s[i:], t.d.lits[id]) {
			t.occ = append(t.occ, occurrence{pos: int32(i), lit: id})
			t.present[id/64] |= 1 << (id % 64)
		}
	}
}

// String returns the text.
func (t *Text) String() string { return t.s }

// has tells whether one of e's literals occurs in t, and one of each of its
// further sets.
func (t *Text) has(e *entry) bool {
	if e.ids == nil {
		return true
	}
	if !t.any(e.want) {
		return false
	}
	for _, set := range e.also {
		if !t.any(set) {
			return false
		}
	}
	return true
}

// any tells whether one of the literals of bit set want occurs in t.
func (t *Text) any(want []uint64) bool {
	for i, w := range want {
		if w&t.present[i] != 0 {
			return true
		}
	}
	return false
}

// hasBefore tells whether one of e's literals occurs in t wholly before end.
func (t *Text) hasBefore(e *entry, end int) bool {
	if e.ids == nil {
		return true
	}
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
