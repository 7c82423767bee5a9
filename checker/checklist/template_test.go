package checklist

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/lint"
)

// TestTemplateReused: one Template filled in for report after report gives
// each the list that reading the findings once per item (byItem, the way
// Build first did it) gives with the groups made afresh. The reports are the
// workspace's seeds and samples, the project's reports and the checked files
// of the packs' tests (with and without the parts), twice over: nothing of one
// report stays in the template for the next.
func TestTemplateReused(t *testing.T) {
	var paths []string
	for _, glob := range []string{"../../../shared/seeds/*", "../../../shared/samples/*.*", "../../testdata/reports/*.txt", "../../testdata/packs/*.txt"} {
		found, _ := filepath.Glob(glob)
		paths = append(paths, found...)
	}
	l := lint.New(lint.Options{NoConfig: true})
	var template *Template
	checked := 0
	for _, path := range append(paths, paths...) {
		r, err := l.CheckFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if r.Error != nil {
			continue // could not be read: no checklist
		}
		a, set, err := l.Analysis(r)
		if err != nil {
			t.Fatal(err)
		}
		if template == nil {
			template = New(set)
		}
		got, want := template.Build(a, r.Findings), byItem(groupsOf(set), a, r.Findings)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the reused template gives\n%+v\nreading the findings per item gives\n%+v", path, got, want)
		}
		checked++
	}
	if checked < 8 {
		t.Errorf("%d reports checked: the fixtures are missing", checked)
	}
}

// byItem is Build as it first was: each item reads every finding.
func byItem(groups []*group, a *checker.Analysis, findings []checker.Finding) *List {
	var out List
	for _, g := range groups {
		if len(g.required) == 0 {
			continue
		}
		it := g.item
		it.Notes = []Note{}
		missing := false
		for _, f := range findings {
			switch {
			case g.required[f.Rule]:
				missing = true
			case !g.judging[f.Rule]:
				continue
			}
			it.Notes = append(it.Notes, Note{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Line: f.Range.Start.Line})
		}
		judge(&it, a, missing)
		out.Items = append(out.Items, it)
	}
	return &out
}
