package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTestCommandReportsMisbehavingExamples: a failing example that draws no
// finding and a passing example that draws one are each reported at their
// place in the pack, exit 1.
func TestTestCommandReportsMisbehavingExamples(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"local.yaml": `pack: local
extends: [fzzf]
rules:
  - id: no-xx
    kind: pattern
    patterns: ['XX']
    severity: error
    message: 占位符
    source: 文稿规范
    examples:
      fail: ["XX市", "青山市"]
      pass: ["白河市", "办理XX件"]
`})
	pack := filepath.Join(dir, "local.yaml")
	code, out, errs := fzlint(t, "", "test", pack)
	want := pack + ":11:21: local/no-xx 的 examples.fail[1] “青山市” 没有产生该规则的问题\n" +
		pack + ":12:21: local/no-xx 的 examples.pass[1] “办理XX件” 产生了 1 个问题，第一个在 1:3 “XX”：占位符\n" +
		"1 个规则包，1 条规则，4 个示例，2 个不符合预期\n"
	if code != exitFindings || out != want || errs != "" {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %q\nwant exit 1, stdout:\n%s", code, out, errs, want)
	}
}

// TestTestCommandOnTheEmbeddedPacks: the project's own packs, read from
// their files, behave: exit 0 and a count of what ran.
func TestTestCommandOnTheEmbeddedPacks(t *testing.T) {
	packs, err := filepath.Glob("../../rules/packs/*.yaml")
	if err != nil || len(packs) == 0 {
		t.Fatalf("no packs: %v", err)
	}
	code, out, errs := fzlint(t, "", append([]string{"test"}, packs...)...)
	if code != exitClean || !strings.HasPrefix(out, "6 个规则包，") || !strings.HasSuffix(out, "个示例，0 个不符合预期\n") || errs != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// TestTestCommandBadPack: a pack with errors, a missing file and a file
// named other than its id are exit 2, each error located.
func TestTestCommandBadPack(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bad.yaml":   "pack: bad\nrules:\n  - id: a\n    kind: patern\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n",
		"other.yaml": "pack: renamed\n",
	})
	cases := []struct {
		file, want string
	}{
		{"bad.yaml", `bad.yaml:4:11: 未知的规则类型 "patern"，是不是 "pattern"？`},
		{"other.yaml", `other.yaml:1:7: 文件声明的规则包 id 为 "renamed"，但按 "other" 加载（文件名应为 renamed.yaml）`},
		{"nosuch.yaml", `nosuch.yaml: 无法读取规则包：文件不存在`},
	}
	for _, c := range cases {
		code, out, errs := fzlint(t, "", "test", filepath.Join(dir, c.file))
		if code != exitTrouble || out != "" || !strings.HasPrefix(errs, "fzlint: "+filepath.Join(dir, c.want)) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2 and %q", c.file, code, out, errs, c.want)
		}
	}
}

// TestInit: init writes a config that a check then uses, and refuses to
// overwrite one, leaving it as it was.
func TestInit(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := fzlint(t, "", "init", dir)
	path := filepath.Join(dir, ".fzlint.yaml")
	if code != exitClean || out != "已写入 "+path+"\n" || errs != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	writeFiles(t, dir, map[string]string{"r.txt": "青山县司法局关于2023年度法治政府建设情况的报告\n"})
	if code, _, errs := fzlint(t, "", "check", filepath.Join(dir, "r.txt")); code != exitFindings || errs != "" {
		t.Errorf("check with the written config: exit %d, stderr %q; want 1 (the report lacks its parts)", code, errs)
	}
	if err := os.WriteFile(path, []byte("packs: [fzzf]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = fzlint(t, "", "init", dir)
	data, _ := os.ReadFile(path)
	if code != exitTrouble || errs != "fzlint: "+path+" 已存在，不覆盖\n" || string(data) != "packs: [fzzf]\n" {
		t.Errorf("second init: exit %d, stderr %q, file now %q", code, errs, data)
	}
	other := t.TempDir()
	writeFiles(t, other, map[string]string{".fzlint.yml": "packs: [fzzf]\n"})
	if code, _, _ := fzlint(t, "", "init", other); code != exitTrouble {
		t.Errorf("init beside a .fzlint.yml: exit %d, want 2", code)
	}
	if _, err := os.Stat(filepath.Join(other, ".fzlint.yaml")); err == nil {
		t.Error("init wrote a .fzlint.yaml beside a .fzlint.yml")
	}
}
