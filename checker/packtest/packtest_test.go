package packtest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/packtest"
	"github.com/fzlint/fzlint/rules"
)

// TestRun: only the named packs' rules run; a rule the pack turns off is run
// all the same; each example that does not behave is a Miss at its place.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "local.yaml")
	body := `pack: local
extends: [fzzf]
overrides:
  local/quiet: off
rules:
  - id: quiet
    kind: pattern
    patterns: ['XX']
    severity: error
    message: 占位符
    source: 文稿规范
    examples: {fail: ["XX市"], pass: ["青山市"]}
  - id: wrong
    kind: pattern
    patterns: ['YY']
    severity: error
    message: 占位符
    source: 文稿规范
    examples: {fail: ["XX市"], pass: ["YY市"]}
`
	if err := os.WriteFile(pack, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	set, ids, err := rules.LoadPackFiles([]string{pack}, checker.Kinds())
	if err != nil {
		t.Fatal(err)
	}
	res, err := packtest.Run(set, ids)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rules != 2 || res.Examples != 4 || len(res.Misses) != 2 {
		t.Fatalf("result %+v, want 2 rules, 4 examples, 2 misses", res)
	}
	fail, pass := res.Misses[0], res.Misses[1]
	if fail.Rule.ID != "local/wrong" || !fail.Fail || fail.Index != 0 || fail.Pos != (rules.Pos{File: pack, Line: 19, Column: 23}) || fail.Text != "XX市" {
		t.Errorf("failing example miss = %+v", fail)
	}
	if pass.Rule.ID != "local/wrong" || pass.Fail || pass.Pos != (rules.Pos{File: pack, Line: 19, Column: 38}) ||
		len(pass.Drawn) != 1 || pass.Drawn[0].Rule != "local/wrong" || pass.Drawn[0].Excerpt != "YY" {
		t.Errorf("passing example miss = %+v", pass)
	}
}
