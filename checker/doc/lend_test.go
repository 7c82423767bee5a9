package doc

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker/lend"
)

// TestDocxLentReadsSame reads every .docx of the fixtures and the samples
// into memory lent by the read before, poisoned when released, and compares
// each document with one read into fresh memory: the text, lines and
// paragraphs a .docx read writes in a loan must not keep anything of the
// file before.
func TestDocxLentReadsSame(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(shared, "samples", "*.docx"))
	fixtures, _ := filepath.Glob("../../testdata/*/*.docx")
	paths = append(paths, fixtures...)
	if len(paths) == 0 {
		t.Skip("no .docx found")
	}
	lender := lend.NewLender(true)
	for range 2 { // the second round reads each into the memory of another
		for _, path := range paths {
			want, wantErr := Read(path, Options{})
			loan := lender.Loan()
			got, gotErr := Read(path, Options{Loan: loan})
			if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
				t.Fatalf("%s: error %v, want %v", path, gotErr, wantErr)
			}
			if got != nil {
				got.loan = nil
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: read into lent memory differs from a fresh read", path)
				}
			}
			loan.Release()
		}
	}
}

// TestDocxTextLent: a .docx read with a loan writes its text in it, so
// that a poisoned release overwrites it.
func TestDocxTextLent(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(shared, "samples", "*.docx"))
	if len(paths) == 0 {
		t.Skip("no .docx sample found")
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	loan := lend.NewLender(true).Loan()
	d, err := ReadBytes(paths[0], data, Options{Loan: loan})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text
	loan.Release()
	if text[0] != 0xFF {
		t.Errorf("the text was not written in the loan: %q", text[:min(len(text), 20)])
	}
}
