package main

import (
	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// structureOf gives the text and HTML reports each file's outline and
// checklist, as the engine that checked the file sees them. The printers call
// it on one goroutine, file after file; each rule set's checklist template is
// made once.
func structureOf(l *lint.Linter) func(checker.FileResult) (*outline.Outline, *checklist.List) {
	templates := map[*rules.Set]*checklist.Template{}
	return func(r checker.FileResult) (*outline.Outline, *checklist.List) {
		a, set, err := l.Analysis(r)
		if err != nil {
			return nil, nil
		}
		t := templates[set]
		if t == nil {
			t = checklist.New(set)
			templates[set] = t
		}
		return a.Outline, t.Build(a, r.Findings)
	}
}
