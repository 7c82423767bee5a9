package checker

import "testing"

// BenchmarkCuts cuts every line of the corpus's views into clauses and
// sentences, as the repetition checks ask for them (Analysis.cuts): the
// cost BenchmarkKindRules leaves out.
func BenchmarkCuts(b *testing.B) {
	_, e := loadDefault(b)
	var lines []string
	var size int64
	for _, d := range benchDocs(b) {
		a := e.Analyze(d)
		for n := 1; n <= len(d.Lines); n++ {
			text, _ := a.LineView(n)
			lines = append(lines, text)
		}
		size += int64(len(d.Text))
	}
	var clauses, sentences []piece
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range lines {
			clauses, sentences = cutLine(text, clauses[:0], sentences[:0])
		}
	}
}
