package match

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestOwnOccurrencesSameAsWalk: a search on a scanned Text that looks for the
// literals of its pattern the text holds (search.own) finds the occurrences
// the walk of the text's occurrences finds, from every place, for every
// pattern of the default packs, on the lines of the corpus sliced from its
// scan (as the checker searches a document) and on random texts.
func TestOwnOccurrencesSameAsWalk(t *testing.T) {
	var ps []*Pattern
	for _, e := range packExpressions(t) {
		if p := MustCompile(e); p.planned().need.lits != nil {
			ps = append(ps, p)
		}
	}
	d := NewDictionary(ps)
	lines := corpusLines(t)
	var spans [][2]int
	at := 0
	for _, l := range lines {
		spans = append(spans, [2]int{at, at + len(l)})
		at += len(l) + 1
	}
	texts := d.Scan(strings.Join(lines, "\n")).Slices(spans)
	r := rand.New(rand.NewPCG(13, 1))
	for range 1000 {
		texts = append(texts, *d.Scan(randomText(r)))
	}
	owned := 0
	for i := range texts {
		text := &texts[i]
		for _, p := range ps {
			e := d.entryOf(p)
			if !text.has(e) {
				continue
			}
			own := search{p: p, s: text.s, t: text, e: e}
			walk := search{p: p, s: text.s, t: text, e: e, nOwn: -1}
			for pos := 0; pos <= len(text.s); pos++ {
				own.pos, walk.pos = pos, pos
				if got, want := own.occurrence(), walk.occurrence(); got != want {
					t.Fatalf("%s on %q from %d: own literals at %d, the walk at %d", p, text.s, pos, got, want)
				}
			}
			if own.nOwn > 0 {
				owned++
			}
		}
	}
	if owned < 1000 {
		t.Fatalf("%d searches by their own literals: the test compares too little", owned)
	}
}
