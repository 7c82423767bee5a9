package checker

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/doc"
)

// seedDir is where the real published reports live in this workspace; a clone
// elsewhere has none and the tests that need them skip.
const seedDir = "../../shared/seeds"

// seeds returns the paths of the real reports, or skips the test with a
// message where the workspace's shared/seeds is absent.
func seeds(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob(seedDir + "/*.txt")
	if len(paths) == 0 {
		t.Skipf("%s is absent: this test needs the workspace's shared/seeds", seedDir)
	}
	return paths
}

// corpus lists the documents every invariant is checked on: the seeds when
// present, and the repository's own fixtures.
func corpus(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, pat := range []string{seedDir + "/*.txt", "../testdata/reports/*", "../testdata/packs/*.txt", "../testdata/outline/*"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	if _, err := os.Stat(seedDir); err != nil {
		t.Logf("%s is absent: checking the repository's fixtures only", seedDir)
	}
	return paths
}

// TestFindingRanges: on every document, every finding's range covers exactly
// its excerpt, and its line and column agree with the offset.
func TestFindingRanges(t *testing.T) {
	_, e := loadDefault(t)
	for _, path := range corpus(t) {
		if !doc.Checkable(path) {
			continue
		}
		d, err := doc.Read(path, doc.Options{})
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		for _, f := range e.Check(d) {
			s, en := f.Range.Start, f.Range.End
			if s.Offset > en.Offset || en.Offset > len(d.Text) {
				t.Errorf("%s: %s: bad range %+v", path, f.Rule, f.Range)
				continue
			}
			if got := d.Text[s.Offset:en.Offset]; got != f.Excerpt || got == "" {
				t.Errorf("%s:%d:%d %s: excerpt %q, text at range %q", path, s.Line, s.Column, f.Rule, f.Excerpt, got)
			}
			for _, p := range []doc.Position{s, en} {
				line := d.LineAt(p.Offset)
				col := utf8.RuneCountInString(d.Text[d.Lines[line-1].Start:p.Offset]) + 1
				if d.Locator == nil && (p.Line != line || p.Column != col) {
					t.Errorf("%s %s: position %d:%d, offset says %d:%d", path, f.Rule, p.Line, p.Column, line, col)
				}
			}
			if f.Fix != nil && (f.Fix.Range.Start.Offset > f.Fix.Range.End.Offset || f.Fix.Range.End.Offset > len(d.Text)) {
				t.Errorf("%s %s: bad fix range %+v", path, f.Rule, f.Fix.Range)
			}
		}
	}
}

// FuzzCheck: no text crashes the engine, and every finding on it covers
// exactly its excerpt.
func FuzzCheck(f *testing.F) {
	for _, p := range []string{"../testdata/reports/青山县司法局-2023.txt", "../testdata/reports/白河市-2023-草稿.txt", "../testdata/packs/hygiene.txt"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("一、\n（一）\n1.\n（1）\n①\n2021年12月30日\n")
	_, e := loadDefault(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d := doc.New("fuzz.txt", doc.FormatText, "utf-8", text)
		for _, fd := range e.Check(d) {
			s, en := fd.Range.Start.Offset, fd.Range.End.Offset
			if s > en || en > len(d.Text) || d.Text[s:en] != fd.Excerpt {
				t.Fatalf("%s: range %d-%d does not cover its excerpt %q", fd.Rule, s, en, fd.Excerpt)
			}
		}
	})
}
