package checker

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/golden"
)

// findingsDump renders findings one per line: line:col-line:col severity rule
// «excerpt» message, and the fix's span. Excerpts are cut short: the goldens
// pin where findings are, they are not a copy of the seeds.
func findingsDump(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fix := ""
		if f.Fix != nil {
			fix = fmt.Sprintf(" fix@%d:%d-%d:%d", f.Fix.Range.Start.Line, f.Fix.Range.Start.Column,
				f.Fix.Range.End.Line, f.Fix.Range.End.Column)
		}
		fmt.Fprintf(&b, "%d:%d-%d:%d %s %s «%s» %s%s\n", f.Range.Start.Line, f.Range.Start.Column,
			f.Range.End.Line, f.Range.End.Column, f.Severity, f.Rule, short(f.Excerpt), short(f.Message), fix)
	}
	return b.String()
}

// short cuts s to 24 runes and shows line ends as ⏎, one finding per line.
func short(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if r := []rune(s); len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return s
}

// TestSeedFindingsGolden pins every finding on the five real reports
// (go test ./checker -update rewrites the goldens; review the diff).
func TestSeedFindingsGolden(t *testing.T) {
	paths := seeds(t)
	_, e := loadDefault(t)
	for _, path := range paths {
		name := strings.SplitN(filepath.Base(path), "_", 2)[0]
		t.Run(name, func(t *testing.T) {
			d, err := doc.Read(path, doc.Options{})
			if err != nil {
				t.Fatal(err)
			}
			golden.Compare(t, filepath.Join("../testdata/golden/seeds", name+".findings"), []byte(findingsDump(e.Check(d))))
		})
	}
}
