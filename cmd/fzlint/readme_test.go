package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/golden"
	"github.com/fzlint/fzlint/rules"
)

const (
	readmePath  = "../../README.md"
	tableBegin  = "<!-- rules-table:begin -->\n"
	tableEnd    = "<!-- rules-table:end -->"
	tableHeader = "| 规则 | 级别 | 类型 | 修复 | 依据 |\n| --- | --- | --- | --- | --- |\n"
)

// rulesTable renders every embedded rule as a Markdown table: the README's
// table is generated from the packs, never written by hand.
func rulesTable(set *rules.Set) string {
	var b strings.Builder
	b.WriteString(tableHeader)
	for _, r := range set.Rules {
		fix := ""
		if r.Fixable {
			fix = "✓"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.Severity.Chinese(), r.Kind, fix,
			strings.ReplaceAll(r.Source, "|", "\\|"))
	}
	return b.String()
}

// TestReadmeRulesTable: the README lists exactly the embedded rules
// (go test ./cmd/fzlint -update rewrites it).
func TestReadmeRulesTable(t *testing.T) {
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, tableBegin), strings.Index(readme, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q markers", tableBegin, tableEnd)
	}
	want := rulesTable(set)
	if got := readme[i+len(tableBegin) : j]; got != want {
		if golden.Updating() {
			readme = readme[:i+len(tableBegin)] + want + readme[j:]
			if err := os.WriteFile(readmePath, []byte(readme), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's rule table is out of date: run go test ./cmd/fzlint -update")
	}
}
