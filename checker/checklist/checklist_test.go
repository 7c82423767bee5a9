package checklist_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/golden"
	"github.com/fzlint/fzlint/checker/lint"
)

// checkAll runs the default packs (or the config at cfg) over paths and
// returns each file's result and checklist.
func checkAll(t *testing.T, cfg string, paths ...string) ([]checker.FileResult, []checklist.File) {
	t.Helper()
	l := lint.New(lint.Options{Config: cfg, NoConfig: cfg == ""})
	var results []checker.FileResult
	var lists []checklist.File
	err := l.Run(paths, func(r checker.FileResult) {
		if r.Error != nil {
			t.Fatalf("%s: %s", r.Path, r.Error.Message)
		}
		a, set, err := l.Analysis(r)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
		lists = append(lists, checklist.File{Path: filepath.Base(r.Path), Items: checklist.Build(set, a, r.Findings).Items})
	})
	if err != nil {
		t.Fatal(err)
	}
	return results, lists
}

// reports are the real reports of the workspace and the project's own.
func reports(t *testing.T) []string {
	paths, _ := filepath.Glob("../../testdata/reports/*.txt")
	shared := "../../../shared"
	if _, err := os.Stat(shared); err != nil {
		t.Logf("%s is absent: only the project's own reports", shared)
		return paths
	}
	for _, dir := range []string{"seeds", "samples"} {
		entries, err := os.ReadDir(filepath.Join(shared, dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() != "README.md" {
				paths = append(paths, filepath.Join(shared, dir, e.Name()))
			}
		}
	}
	return paths
}

// TestGolden prints the checklist of every report in each format.
func TestGolden(t *testing.T) {
	paths := reports(t)
	_, lists := checkAll(t, "", paths...)
	for i, f := range lists {
		for _, format := range checklist.Formats {
			var buf bytes.Buffer
			p, err := checklist.NewPrinter(format, &buf)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.File(f); err != nil {
				t.Fatal(err)
			}
			if err := p.Finish(); err != nil {
				t.Fatal(err)
			}
			ext := map[string]string{"text": "txt", "json": "json", "markdown": "md"}[format]
			golden.Compare(t, filepath.Join("testdata/golden", filepath.Base(paths[i])+"."+ext), buf.Bytes())
		}
	}
}

// TestMissingExactlyWhenReported: an item is ✗ exactly when one of the rules
// that require it reports, and every such finding is behind an ✗ item.
func TestMissingExactlyWhenReported(t *testing.T) {
	results, lists := checkAll(t, "", reports(t)...)
	missingSeen := 0
	for i, f := range lists {
		reported := map[string]bool{}
		for _, fd := range results[i].Findings {
			reported[fd.Rule] = true
		}
		covered := map[string]bool{}
		for _, it := range f.Items {
			any := false
			for _, id := range it.Rules {
				any = any || reported[id]
				covered[id] = true
			}
			if (it.Status == checklist.Missing) != any {
				t.Errorf("%s: %s is %s, its rules %v reported: %v", f.Path, it.Name, it.Status, it.Rules, any)
			}
			if it.Status == checklist.Missing {
				missingSeen++
			}
			if it.Status == checklist.Present && it.Where == nil {
				t.Errorf("%s: %s present but nowhere", f.Path, it.Name)
			}
		}
		for _, fd := range results[i].Findings {
			if strings.HasSuffix(fd.Rule, "-missing") && !covered[fd.Rule] {
				t.Errorf("%s: %s reports a part missing but is no item's rule", f.Path, fd.Rule)
			}
		}
	}
	if missingSeen == 0 {
		t.Error("no report has a missing item: the test checks nothing")
	}
}

func item(t *testing.T, f checklist.File, id string) checklist.Item {
	t.Helper()
	for _, it := range f.Items {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("%s: no item %s in %+v", f.Path, id, f.Items)
	return checklist.Item{}
}

// TestDraft pins the statuses of the project's draft report.
func TestDraft(t *testing.T) {
	_, lists := checkAll(t, "", "../../testdata/reports/白河市-2023-草稿.txt")
	f := lists[0]
	want := map[string]checklist.Status{
		"part/measures": checklist.Present, "part/problems": checklist.Weak, "part/duty": checklist.Missing,
		"part/plans": checklist.Weak, "part/other": checklist.Missing, "title": checklist.Weak,
		"signature": checklist.Present, "date": checklist.Weak, "deadline": checklist.Present,
		"published": checklist.Unknown,
	}
	var ids []string
	for _, it := range f.Items {
		ids = append(ids, it.ID)
		if it.Status != want[it.ID] {
			t.Errorf("%s = %s, want %s", it.ID, it.Status, want[it.ID])
		}
	}
	if len(ids) != len(want) {
		t.Errorf("items %v, want %d", ids, len(want))
	}
	duty := item(t, f, "part/duty")
	if !slices.Equal(duty.Rules, []string{"fzzf/section-duty"}) || duty.Notes[0].Rule != "fzzf/section-duty" || duty.Notes[0].Line != 1 {
		t.Errorf("duty = %+v", duty)
	}
	problems := item(t, f, "part/problems")
	if problems.Where == nil || problems.Where.Line != 10 || problems.Where.Form != "inline" {
		t.Errorf("problems where = %+v", problems.Where)
	}
	var rules []string
	for _, n := range problems.Notes {
		rules = append(rules, n.Rule)
	}
	if !slices.Equal(rules, []string{"fzzf/problems-causes", "fzzf/problems-vague", "fzzf/section-problems-inline"}) {
		t.Errorf("problems notes = %v", rules)
	}
}

// TestUserPack: a user's pack adds its own reasons and items, and a rule
// turned off takes its item away.
func TestUserPack(t *testing.T) {
	dir := t.TempDir()
	pack := `pack: local
title: 本地工作指引
source: 某市法治政府建设年度报告工作指引
extends: [fzzf]
rules:
  - id: duty-shufa
    kind: mention
    role: duty
    patterns: ["述法"]
    severity: warning
    message: “{name}”未写述法情况
    source: 某市工作指引第三条
    examples:
      fail: ["青山县司法局关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n审查文件12件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n主持会议4次。\n"]
      pass: ["青山县司法局关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n审查文件12件。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n带头述法。\n"]
`
	report := "青山县司法局关于2023年度法治政府建设情况的报告\n\n一、2023年度推进法治政府建设的主要举措和成效\n全年审查规范性文件12件，办理行政复议案件35件。\n" +
		"二、党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责人主持召开专题会议4次。\n" +
		"三、存在的不足和原因\n执法力量不足，主要原因是编制有限。\n四、2024年工作安排\n（一）加强执法队伍建设，全年组织培训不少于4期。\n（二）完善合法性审查机制。\n\n青山县司法局\n2024年2月20日\n"
	for name, body := range map[string]string{
		"packs/local.yaml": pack,
		".fzlint.yaml":     "packs: [local]\npack-dirs: [packs]\nrules:\n  fzzf/section-other: off\n",
		"report.txt":       report,
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, lists := checkAll(t, filepath.Join(dir, ".fzlint.yaml"), filepath.Join(dir, "report.txt"))
	f := lists[0]
	for _, it := range f.Items {
		if it.ID == "part/other" {
			t.Errorf("item of a rule turned off: %+v", it)
		}
	}
	duty := item(t, f, "part/duty")
	if duty.Status != checklist.Weak || len(duty.Notes) != 1 || duty.Notes[0].Rule != "local/duty-shufa" || duty.Where.Line != 5 {
		t.Errorf("duty = %+v", duty)
	}
	// The report's problems part is one short sentence: fzzf/problems-vague
	// makes it weak, the user's pack adds nothing there.
	if it := item(t, f, "part/problems"); it.Status != checklist.Weak || it.Where.Line != 7 ||
		len(it.Notes) != 1 || it.Notes[0].Rule != "fzzf/problems-vague" {
		t.Errorf("problems = %+v", it)
	}
}
