package output_test

import (
	"io"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/checker/output"
)

// BenchmarkText is the cost of the text output of the seeds (or the project's
// reports) beyond their check: the findings with their excerpts and fixes,
// and each file's checklist.
func BenchmarkText(b *testing.B) {
	results := output.SeedsOrReports(b)
	l := lint.New(lint.Options{NoConfig: true}) // for the analyses, with the packs that checked them
	templates := map[any]*checklist.Template{}
	review := func(r checker.FileResult) (*outline.Outline, *checklist.List) {
		a, set, _ := l.Analysis(r)
		if templates[set] == nil {
			templates[set] = checklist.New(set)
		}
		return a.Outline, templates[set].Build(a, r.Findings)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := output.PrintAll(output.NewText(io.Discard, output.Options{Review: review}), results); err != nil {
			b.Fatal(err)
		}
	}
}
