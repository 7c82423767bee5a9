package checker

import (
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// loadDefault loads every embedded pack with the engine's kinds.
func loadDefault(t testing.TB) (*rules.Set, *Engine) {
	t.Helper()
	set, err := rules.Load(rules.Options{Kinds: Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(set)
	if err != nil {
		t.Fatal(err)
	}
	return set, e
}

// TestRuleExamples runs every rule alone on its own examples: each failing
// example must draw a finding of that rule, each passing example none.
func TestRuleExamples(t *testing.T) {
	set, e := loadDefault(t)
	for _, r := range set.Rules {
		only := e.Only(r)
		t.Run(r.ID, func(t *testing.T) {
			fixes := 0
			for i, text := range r.Examples.Fail {
				got := only.Check(doc.New("fail.txt", doc.FormatText, "utf-8", text))
				if len(got) == 0 {
					t.Errorf("examples.fail[%d] drew no finding:\n%s", i, text)
				}
				for _, f := range got {
					if f.Fix != nil {
						fixes++
					}
				}
			}
			// `fzlint rules` says which rules fix: it must be true of the examples.
			if r.Fixable != (fixes > 0) {
				t.Errorf("Fixable is %v, but its failing examples drew %d fixes", r.Fixable, fixes)
			}
			for i, text := range r.Examples.Pass {
				for _, f := range only.Check(doc.New("pass.txt", doc.FormatText, "utf-8", text)) {
					t.Errorf("examples.pass[%d] drew %d:%d %q: %s", i, f.Range.Start.Line, f.Range.Start.Column, f.Excerpt, f.Message)
				}
			}
		})
	}
}
