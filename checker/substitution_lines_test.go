package checker

import (
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
)

// searchEveryLine is Run as it was before lines were passed over by their
// literals (match.AnyOf): every line of the scope searched for every live
// group.
func (s *substitutionCheck) searchEveryLine(c *Context) {
	raw := s.Match == "raw"
	found := &lineHits{}
	vars := messageVarsOf(c.Rule.Message)
	vars.vars = map[string]string{}
	live := s.liveGroups(c, raw, nil)
	if len(live) == 0 {
		return
	}
	for _, n := range c.scopeLines(s.Scope) {
		scanned := c.lineScanned(n, raw)
		s.find(scanned, live, found)
		if len(found.hits) == 0 || skipLine(scanned, s.Unless) {
			continue
		}
		s.reportHits(c, n, raw, found, &vars)
	}
}

// TestSubstitutionLinesPassedOver: a substitution rule that passes over the
// lines holding none of its live groups' literals finds what searching every
// line for every live group finds, on the corpus, the fixtures and random
// texts; and lines are passed over, by rules with byte groups too.
func TestSubstitutionLinesPassedOver(t *testing.T) {
	_, e := loadDefault(t)
	rs := rulesOf[*substitutionCheck](e)
	if len(rs) == 0 {
		t.Fatal("no substitution rule in the default packs")
	}
	passed, searched, byteRulePassed := 0, 0, 0
	for i, text := range equivalenceTexts(t) {
		a := e.Analyze(doc.New("t.txt", doc.FormatText, "utf-8", text))
		for _, r := range rs {
			s := r.Check.(*substitutionCheck)
			var got, want []Finding
			s.Run(&Context{Analysis: a, Rule: r, set: e.set, out: &got, lent: &spare{}})
			c := &Context{Analysis: a, Rule: r, set: e.set, out: &want, lent: &spare{}}
			s.searchEveryLine(c)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on text %d: %d findings, %d searching every line\n%.300s", r.ID, i, len(got), len(want), text)
			}
			raw := s.Match == "raw"
			live := s.liveGroups(c, raw, nil)
			lits := s.literals(c.documentScan(raw), live)
			for _, n := range c.scopeLines(s.Scope) {
				if c.lineScanned(n, raw).MayHold(&lits) {
					searched++
					continue
				}
				passed++
				if hasByteGroup(s, live) {
					byteRulePassed++
				}
			}
		}
	}
	t.Logf("%d lines passed over (%d by rules with byte groups), %d searched", passed, byteRulePassed, searched)
	if passed == 0 || searched == 0 || byteRulePassed == 0 {
		t.Fatalf("%d lines passed over (%d by rules with byte groups), %d searched: the test compares too little", passed, byteRulePassed, searched)
	}
}

// hasByteGroup tells whether one of the groups live of s is a byte group.
func hasByteGroup(s *substitutionCheck, live []int) bool {
	for _, g := range live {
		if s.groups[g].oneByte {
			return true
		}
	}
	return false
}
