package checker

import (
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
)

// searchEveryLine is runLines as it was before lines were passed over by
// their literals (match.AnyOf): every line of the scope searched for every
// pattern, each line's matches reported as runLines reports them.
func (p *patternCheck) searchEveryLine(c *Context, raw bool) {
	var found []span
	for _, n := range c.scopeLines(p.Scope) {
		text := c.lineScanned(n, raw)
		found = findSome(p.Patterns, everyPattern, text, found)
		if len(found) == 0 || skipLine(text, p.Unless) {
			continue
		}
		if p.reportLine(c, n, raw, found) {
			return
		}
	}
}

// TestPatternLinesPassedOver: a pattern rule that passes over the lines
// holding none of its patterns' literals finds what searching every line
// for every pattern finds, on the corpus and random texts; and lines are
// passed over.
func TestPatternLinesPassedOver(t *testing.T) {
	_, e := loadDefault(t)
	rs := rulesOf[*patternCheck](e)
	passed, searched := 0, 0
	for i, text := range equivalenceTexts(t) {
		a := e.Analyze(doc.New("t.txt", doc.FormatText, "utf-8", text))
		for _, r := range rs {
			p := r.Check.(*patternCheck)
			if p.Scope == "document" {
				continue
			}
			var got, want []Finding
			p.Run(&Context{Analysis: a, Rule: r, set: e.set, out: &got, lent: &spare{}})
			c := &Context{Analysis: a, Rule: r, set: e.set, out: &want, lent: &spare{}}
			p.searchEveryLine(c, p.Match == "raw")
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on text %d: %d findings, %d searching every line\n%.300s", r.ID, i, len(got), len(want), text)
			}
			var lits = p.literals(c.documentScan(p.Match == "raw"), everyPattern)
			for _, n := range c.scopeLines(p.Scope) {
				if c.lineScanned(n, p.Match == "raw").MayHold(&lits) {
					searched++
				} else {
					passed++
				}
			}
		}
	}
	if passed == 0 || searched == 0 {
		t.Fatalf("%d lines passed over, %d searched: the test compares too little", passed, searched)
	}
}
