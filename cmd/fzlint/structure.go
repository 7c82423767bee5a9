package main

import (
	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/outline"
)

// structureOf gives the text and HTML reports each file's outline and
// checklist, as the engine that checked the file sees them.
func structureOf(l *lint.Linter) func(checker.FileResult) (*outline.Outline, *checklist.List) {
	return func(r checker.FileResult) (*outline.Outline, *checklist.List) {
		a, set, err := l.Analysis(r)
		if err != nil {
			return nil, nil
		}
		return a.Outline, checklist.Build(set, a, r.Findings)
	}
}
