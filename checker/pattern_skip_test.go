package checker

import (
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// rulesOf returns the rules of engine e whose check is a C
// (rulesOf[*patternCheck] the pattern rules).
func rulesOf[C any](e *Engine) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range e.rules {
		if _, ok := r.Check.(C); ok {
			out = append(out, r)
		}
	}
	return out
}

// TestPatternSkipsDocument: a pattern rule that passes over a document whose
// scan rules out all its patterns, and searches its lines only for the
// patterns the scan leaves, finds what searching each line for every pattern
// finds, on the corpus and random texts: a line holds no literal its
// document lacks.
func TestPatternSkipsDocument(t *testing.T) {
	_, e := loadDefault(t)
	rs := rulesOf[*patternCheck](e)
	if len(rs) == 0 {
		t.Fatal("no pattern rule in the default packs")
	}
	skipped, narrowed := 0, 0
	for i, text := range equivalenceTexts(t) {
		a := e.Analyze(doc.New("t.txt", doc.FormatText, "utf-8", text))
		for _, r := range rs {
			p := r.Check.(*patternCheck)
			var got, want []Finding
			p.Run(&Context{Analysis: a, Rule: r, set: e.set, out: &got, lent: &spare{}})
			if p.Scope == "document" {
				continue
			}
			c := &Context{Analysis: a, Rule: r, set: e.set, out: &want, lent: &spare{}}
			switch may := mayMatch(p.Patterns, c.documentScan(p.Match == "raw")); {
			case may == 0:
				skipped++
			case may != 1<<len(p.Patterns)-1:
				narrowed++
			}
			p.runLines(c, p.Match == "raw", everyPattern)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on text %d: %d findings, %d searching every line\n%.300s", r.ID, i, len(got), len(want), text)
			}
		}
	}
	if skipped == 0 || narrowed == 0 {
		t.Fatalf("%d documents passed over, %d searched for some patterns: the test compares too little", skipped, narrowed)
	}
}

// BenchmarkPatternRules runs the pattern rules alone on the corpus's
// analyses, made (and scanned) beforehand.
func BenchmarkPatternRules(b *testing.B) {
	_, e := loadDefault(b)
	only := e.Only(rulesOf[*patternCheck](e)...)
	var analyses []*Analysis
	for _, d := range benchDocs(b) {
		a := e.Analyze(d)
		e.Run(a)
		analyses = append(analyses, a)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range analyses {
			only.Run(a)
		}
	}
}
