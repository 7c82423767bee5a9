package main

import (
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// TestSARIFRules: the outputs get the active rules, described, when a
// format is SARIF, written anywhere, and none otherwise.
func TestSARIFRules(t *testing.T) {
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	all := len(activeRules(set))
	if all <= len(set.Active()) {
		t.Fatalf("activeRules gave %d rules for %d active", all, len(set.Active()))
	}
	for _, c := range []struct {
		formats []string
		want    int
	}{
		{[]string{"text"}, 0},
		{[]string{"json", "github:out.txt"}, 0},
		{[]string{"sarif"}, all},
		{[]string{"text", "sarif:out.sarif"}, all},
	} {
		if got := len(sarifRules(c.formats, set)); got != c.want {
			t.Errorf("sarifRules(%q) gave %d rules, want %d", c.formats, got, c.want)
		}
	}
}
