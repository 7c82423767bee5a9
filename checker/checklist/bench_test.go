package checklist_test

import (
	"io"
	"testing"

	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/lint"
)

// BenchmarkChecklist is the cost of the checklist beyond the check: the
// outline built again and the items, printed as markdown.
func BenchmarkChecklist(b *testing.B) {
	l := lint.New(lint.Options{NoConfig: true})
	r, err := l.CheckFile("../../testdata/reports/白河市-2023-草稿.txt")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		a, set, err := l.Analysis(r)
		if err != nil {
			b.Fatal(err)
		}
		p, _ := checklist.NewPrinter("markdown", io.Discard)
		if err := p.File(checklist.File{Path: r.Path, Items: checklist.Build(set, a, r.Findings).Items}); err != nil {
			b.Fatal(err)
		}
	}
}
