package checker

import (
	"path/filepath"
	"testing"
)

// TestOutlineFormsFindings runs the default packs on the outline fixtures of
// the forms of issue 14 and checks what the rules make of each form: the
// outline decides whether a part is missing, inline or under its heading,
// whether a line is debris and which year the date rules measure against.
// (A numbered paragraph keeping its 。 is checked in TestNumbering.)
func TestOutlineFormsFindings(t *testing.T) {
	_, e := loadDefault(t)
	cases := []struct {
		fixture string
		rule    string
		line    int // 0: on any line
		found   bool
	}{
		// The duty under its own sub-heading is listed separately.
		{"subheading_duty.txt", "fzzf/section-duty-inline", 0, false},
		{"subheading_problems.txt", "fzzf/section-problems-inline", 0, false},
		// Studying a regulation on the duty is not reporting it.
		{"citation_duty.txt", "fzzf/section-duty", 1, true},
		{"citation_duty.txt", "fzzf/section-duty-inline", 0, false},
		// Measures written as 一是……二是…… without headings are there.
		{"parts_yishi.txt", "fzzf/section-measures", 0, false},
		{"year_plans_sentence.txt", "fzzf/section-measures", 0, false},
		// The year read from a March date lets the deadline rule fire.
		{"year_date_deadline.txt", "fzzf/date-deadline", 10, true},
		// An appendix heading is never page debris.
		{"appendix_bare.txt", "hygiene/page-debris", 0, false},
		// The appendix is no part of the report: its numbered items are no
		// headings, and the date is missing at the report's end.
		{"appendix_glossary.txt", "gongwen/heading-skip", 0, false},
		{"appendix_glossary.txt", "fzzf/date-missing", 9, true},
	}
	findings := map[string][]Finding{}
	for _, c := range cases {
		fs, ok := findings[c.fixture]
		if !ok {
			fs = checkFile(t, e, filepath.Join("../testdata/outline", c.fixture))
			findings[c.fixture] = fs
		}
		found := false
		for _, f := range fs {
			if f.Rule == c.rule && (c.line == 0 || f.Range.Start.Line == c.line) {
				found = true
			}
		}
		if found != c.found {
			t.Errorf("%s: %s on line %d found=%v, want %v", c.fixture, c.rule, c.line, found, c.found)
		}
	}
}
