package checker

import (
	"testing"
)

// BenchmarkSubstitutionFind runs each substitution rule's line search
// alone (find, on the lines Run searches), over the corpus's analyses:
// the hits and their contexts without the findings.
func BenchmarkSubstitutionFind(b *testing.B) {
	_, e := loadDefault(b)
	var cs []*Context
	var size int64
	for _, d := range benchDocs(b) {
		a := e.Analyze(d)
		cs = append(cs, &Context{Analysis: a, set: e.set, out: new([]Finding), lent: &spare{}})
		size += int64(len(d.Text))
	}
	for _, r := range rulesOf[*substitutionCheck](e) {
		s := r.Check.(*substitutionCheck)
		raw := s.Match == "raw"
		b.Run(r.ID, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			found := &lineHits{}
			for b.Loop() {
				for _, c := range cs {
					live := s.liveGroups(c, raw, nil)
					lits := s.literals(c.documentScan(raw), live)
					for _, n := range c.scopeLines(s.Scope) {
						if scanned := c.lineScanned(n, raw); len(live) > 0 && scanned.MayHold(&lits) {
							s.find(scanned, live, found)
						}
					}
				}
			}
		})
	}
}
