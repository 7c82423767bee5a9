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
// it on one goroutine, file after file.
func structureOf(l *lint.Linter) func(checker.FileResult) (*outline.Outline, *checklist.List) {
	lists := checklists{}
	return func(r checker.FileResult) (*outline.Outline, *checklist.List) {
		a, set, err := l.Analysis(r)
		if err != nil {
			return nil, nil
		}
		return a.Outline, lists.build(set, a, r.Findings)
	}
}

// checklists makes the checklists of a run's files from one template per
// rule set, made at its first file. Not for concurrent use.
type checklists map[*rules.Set]*checklist.Template

func (c checklists) build(set *rules.Set, a *checker.Analysis, findings []checker.Finding) *checklist.List {
	t := c[set]
	if t == nil {
		t = checklist.New(set)
		c[set] = t
	}
	return t.Build(a, findings)
}
