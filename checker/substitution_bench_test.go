package checker

import "testing"

// BenchmarkSubstitutionRules runs each substitution rule alone over the
// corpus's analyses, built once: the kind's own cost, rule by rule.
func BenchmarkSubstitutionRules(b *testing.B) {
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
		if r.Kind != "substitution" {
			continue
		}
		only := e.Only(r)
		b.Run(r.ID, func(b *testing.B) {
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
