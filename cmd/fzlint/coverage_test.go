package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// TestRequirementsCoverage keeps docs/accuracy.md's coverage table and the
// rules' requirement ids true to the requirements reference: every
// requirement has a row with a known status, every row and every id a rule
// names is a requirement, and a rule the table names for a requirement names
// it too.
func TestRequirementsCoverage(t *testing.T) {
	ref, err := os.ReadFile("../../../shared/domain/requirements.md")
	if os.IsNotExist(err) {
		t.Skip("../shared/domain/requirements.md is not in this workspace")
	}
	if err != nil {
		t.Fatal(err)
	}
	var known []string
	for _, m := range regexp.MustCompile(`(?m)^\*\*(R-[A-Z0-9.-]*[A-Z0-9])`).FindAllStringSubmatch(string(ref), -1) {
		known = append(known, m[1])
	}
	if len(known) < 50 {
		t.Fatalf("read only %d requirements from the reference", len(known))
	}

	doc, err := os.ReadFile("../../docs/accuracy.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Requirements coverage\n")
	if !ok {
		t.Fatal(`docs/accuracy.md has no "## Requirements coverage" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	rows := map[string][]string{} // requirement → cells
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "R-") {
			continue
		}
		id := strings.TrimSpace(cells[1])
		if !slices.Contains(known, id) {
			t.Errorf("the coverage table lists %s, which the reference does not have", id)
		}
		if s := strings.TrimSpace(cells[2]); !slices.Contains([]string{"covered", "partly", "not", "not checkable"}, s) {
			t.Errorf("%s: unknown status %q", id, s)
		}
		rows[id] = cells
	}
	for _, id := range known {
		if _, ok := rows[id]; !ok {
			t.Errorf("the coverage table has no row for %s", id)
		}
	}

	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Rules {
		for _, id := range r.Requirements() {
			if !slices.Contains(known, id) {
				t.Errorf("%s names %s, which the reference does not have", r.ID, id)
			}
		}
	}
	// a rule the table gives for a requirement says so in its description
	for id, cells := range rows {
		for _, r := range set.Rules {
			if strings.Contains(cells[3], r.ID+" ") || strings.Contains(cells[3], r.ID+",") || strings.HasSuffix(strings.TrimSpace(cells[3]), r.ID) {
				if !slices.Contains(r.Requirements(), id) {
					t.Errorf("the table gives %s for %s, but its description does not name %s", r.ID, id, id)
				}
			}
		}
	}
}
