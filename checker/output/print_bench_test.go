package output_test

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/output"
)

// BenchmarkPrint is the cost of printing the seeds' findings (or the
// project's reports') in each format, without checklists: what a finding
// costs each printer.
func BenchmarkPrint(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("../../testdata/reports/*.txt")
	}
	l := lint.New(lint.Options{NoConfig: true})
	var results []checker.FileResult
	if err := l.Run(paths, func(r checker.FileResult) { results = append(results, r) }); err != nil {
		b.Fatal(err)
	}
	for _, format := range output.Formats {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := output.New(format, io.Discard, output.Options{NoChecklist: true})
				if err != nil {
					b.Fatal(err)
				}
				if err := output.PrintAll(p, results); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
