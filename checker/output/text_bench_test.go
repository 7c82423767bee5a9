package output_test

import (
	"io"
	"path/filepath"
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
	paths, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("../../testdata/reports/*.txt")
	}
	l := lint.New(lint.Options{NoConfig: true})
	var results []checker.FileResult
	if err := l.Run(paths, func(r checker.FileResult) { results = append(results, r) }); err != nil {
		b.Fatal(err)
	}
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
