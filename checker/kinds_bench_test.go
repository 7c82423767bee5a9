package checker

import (
	"testing"

	"github.com/fzlint/fzlint/rules"
)

// BenchmarkKindRules runs each rule of the kinds other than pattern and
// substitution alone over the corpus's analyses, built once: the kind's own
// cost, rule by rule (named kind/rule). Facts an analysis keeps once asked
// for (the repetition cuts, the scope lines) are made by the full run before
// the timed loop, so they are not in these figures; CheckCorpus has them.
func BenchmarkKindRules(b *testing.B) {
	benchEachRule(b, func(r *rules.Rule) (string, bool) {
		return r.Kind + "/" + r.ID, r.Kind != "pattern" && r.Kind != "substitution"
	})
}

// benchEachRule runs, as a sub-benchmark named by name, each rule that
// name keeps alone over the corpus's analyses, built once and checked once
// in full before the timed loops (every line scanned, as in a check).
func benchEachRule(b *testing.B, name func(*rules.Rule) (string, bool)) {
	_, e := loadDefault(b)
	var as []*Analysis
	var size int64
	for _, d := range benchDocs(b) {
		a := e.Analyze(d)
		a.spare = &spare{} // lent from run to run, as from check to check
		e.Run(a)
		as = append(as, a)
		size += int64(len(d.Text))
	}
	for _, r := range e.rules {
		n, ok := name(r)
		if !ok {
			continue
		}
		only := e.Only(r)
		b.Run(n, func(b *testing.B) {
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
