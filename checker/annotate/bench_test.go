package annotate_test

import (
	"os"
	"testing"

	"github.com/fzlint/fzlint/checker/annotate"
	"github.com/fzlint/fzlint/checker/lint"
)

// BenchmarkDocx is the cost of annotating a real .docx beyond its check.
func BenchmarkDocx(b *testing.B) {
	in := shared + "/samples/003-autonumber.docx"
	src, err := os.ReadFile(in)
	if err != nil {
		b.Skipf("%s is absent: %v", in, err)
	}
	r, err := lint.New(lint.Options{NoConfig: true}).CheckFile(in)
	if err != nil || r.Error != nil {
		b.Fatal(err, r.Error)
	}
	for b.Loop() {
		if _, _, err := annotate.Docx(src, r.Doc, r.Findings, annotate.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewDocx is the cost of a new annotated .docx of the longest seed.
func BenchmarkNewDocx(b *testing.B) {
	in := shared + "/seeds/003_c49e41131fdb983c.txt"
	if _, err := os.Stat(in); err != nil {
		in = "../../testdata/reports/白河市-2023-草稿.txt"
	}
	r, err := lint.New(lint.Options{NoConfig: true}).CheckFile(in)
	if err != nil || r.Error != nil {
		b.Fatal(err, r.Error)
	}
	for b.Loop() {
		if _, _, err := annotate.NewDocx(r.Doc, r.Findings, annotate.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
