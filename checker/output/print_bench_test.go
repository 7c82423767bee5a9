package output_test

import (
	"io"
	"testing"

	"github.com/fzlint/fzlint/checker/output"
)

// BenchmarkPrint is the cost of printing the seeds' findings (or the
// project's reports') in each format, without checklists: what a finding
// costs each printer.
func BenchmarkPrint(b *testing.B) {
	results := output.SeedsOrReports(b)
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
