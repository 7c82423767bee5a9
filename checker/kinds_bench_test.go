package checker

import "testing"

// BenchmarkKindRules runs each rule of the kinds other than pattern and
// substitution alone over the corpus's analyses, built once: the kind's own
// cost, rule by rule (named kind/rule). Facts an analysis keeps once asked
// for (the repetition cuts, the scope lines) are made by the full run before
// the timed loop, so they are not in these figures; CheckCorpus has them.
func BenchmarkKindRules(b *testing.B) {
	_, e := loadDefault(b)
	docs := benchDocs(b)
	var as []*Analysis
	var size int64
	for _, d := range docs {
		a := e.Analyze(d)
		a.spare = &spare{} // lent from run to run, as from check to check
		e.Run(a)           // scans every line once, as the full check has
		as = append(as, a)
		size += int64(len(d.Text))
	}
	for _, r := range e.rules {
		if r.Kind == "pattern" || r.Kind == "substitution" {
			continue
		}
		only := e.Only(r)
		b.Run(r.Kind+"/"+r.ID, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range as {
					only.Run(a)
				}
			}
		})
	}
}
