package checker

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
)

// TestCheckReusingScans: a check that reuses the scans of earlier documents,
// longer or shorter, finds exactly what a check on fresh memory finds.
func TestCheckReusingScans(t *testing.T) {
	_, e := loadDefault(t)
	paths, _ := filepath.Glob(seedDir + "/*.txt")
	more, _ := filepath.Glob("../testdata/reports/*.txt")
	var docs []*doc.Document
	for _, p := range append(paths, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := doc.ReadBytes(p, data, doc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	fresh := make([][]Finding, len(docs))
	for i, d := range docs {
		fresh[i] = e.Run(e.Analyze(d)) // no scans lent
	}
	for range 2 {
		for i := len(docs) - 1; i >= 0; i-- {
			if got := e.Check(docs[i]); !reflect.DeepEqual(got, fresh[i]) {
				t.Fatalf("%s: %d findings reusing scans, %d fresh", docs[i].Path, len(got), len(fresh[i]))
			}
		}
	}
}
