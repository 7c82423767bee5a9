package main

import (
	"strings"
	"testing"
)

// TestRulesTextColumnsLineUp: in `fzlint rules`, each column of every row
// starts at the terminal column where its Chinese header starts.
func TestRulesTextColumnsLineUp(t *testing.T) {
	code, out, _ := fzlint(t, "", "rules", "--no-config")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != exitClean || len(lines) < 50 {
		t.Fatalf("exit %d, %d lines", code, len(lines))
	}
	header := lines[0]
	var starts []int
	for _, h := range []string{"级别", "类型", "修复", "依据"} {
		i := strings.Index(header, h)
		if i < 0 {
			t.Fatalf("header %q lacks %s", header, h)
		}
		starts = append(starts, displayWidth(header[:i]))
	}
	fixable := 0
	for _, line := range lines[1:] {
		// The cells after the id, in order: level, kind, 可 if fixable, source.
		at := len(strings.Fields(line)[0])
		for k := range starts {
			rest := line[at:]
			cell := strings.TrimLeft(rest, " ")
			if k == 2 && !strings.HasPrefix(cell, "可 ") {
				continue // not fixable: the column is empty
			}
			if k == 2 {
				fixable++
			}
			at += len(rest) - len(cell)
			if got := displayWidth(line[:at]); got != starts[k] {
				t.Errorf("%q: column %d starts at %d, its header at %d", line, k+2, got, starts[k])
			}
			if k < 3 {
				at += len(strings.Fields(cell)[0])
			}
		}
	}
	if fixable == 0 {
		t.Error("no fixable rule listed: the 修复 column went untested")
	}
}
