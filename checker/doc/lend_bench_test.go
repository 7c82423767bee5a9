package doc

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fzlint/fzlint/checker/lend"
)

// BenchmarkReadDocxLent reads seed 000's .docx as check does: into the
// memory of the file read before, its loan released after each read.
func BenchmarkReadDocxLent(b *testing.B) {
	m, _ := filepath.Glob(filepath.Join(shared, "samples", "000-signed.docx"))
	if len(m) != 1 {
		b.Skip("000-signed.docx not found")
	}
	data, err := os.ReadFile(m[0])
	if err != nil {
		b.Fatal(err)
	}
	lender := lend.NewLender(false)
	b.ReportAllocs()
	for b.Loop() {
		loan := lender.Loan()
		if _, err := ReadBytes("000.docx", data, Options{Loan: loan}); err != nil {
			b.Fatal(err)
		}
		loan.Release()
	}
}
