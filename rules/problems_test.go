package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// loadConfig reads the config at path and loads its packs, returning the
// error with dir removed from paths.
func loadConfig(t *testing.T, dir, path string) (*rules.Set, string) {
	t.Helper()
	cfg, err := rules.ReadConfig(path)
	var set *rules.Set
	if err == nil {
		set, err = rules.Load(rules.Options{Kinds: checker.Kinds(), Config: cfg})
	}
	if err == nil {
		return set, ""
	}
	return set, strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConfigProblemsAllAtOnce: every error of a config and of its packs in
// one run, each at its place, with the closest valid name.
func TestConfigProblemsAllAtOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "packs", "local.yaml"), "pack: local\nextends: [fzzf, gongwne, ../up]\noverrides:\n  fzzf/section-problem: off\nrules:\n  - id: a\n    kind: patern\n    severity: eror\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n  - id: b\n    kind: pattern\n    patterns: ['XX']\n    scop: body\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [XX], pass: [y]}\n")
	write(t, filepath.Join(dir, "packs", "loop-a.yaml"), "pack: loop-a\nextends: [loop-b]\n")
	write(t, filepath.Join(dir, "packs", "loop-b.yaml"), "pack: loop-b\nextends: [loop-a]\n")
	path := filepath.Join(dir, ".fzlint.yaml")
	write(t, path, `pakcs: [fzzf]
packs: [fzzf, local, typograhy, ../../etc/passwd, loop-a]
pack-dirs: [packs, nosuch]
rules:
  fzzf/section-problem: off
  fzzf/section-other: warn
  terms/typo: off
settings:
  fzzf.deadlin: "04-01"
exclude: ["归档/**", "[bad"]
`)
	_, got := loadConfig(t, dir, path)
	want := strings.Join([]string{
		`.fzlint.yaml:1:1: 未知的键 "pakcs"，是不是 "packs"？（可用：exclude、ignore、pack-dirs、packs、rules、settings）`,
		`.fzlint.yaml:2:33: 规则包 id "../../etc/passwd" 无效（小写字母、数字和连字符，不含路径）`,
		`.fzlint.yaml:6:23: 未知的级别 "warn"，是不是 "warning"？（应为 error、warning、info 或 off）`,
		`.fzlint.yaml:10:20: exclude 中的模式 "[bad" 无效：方括号未闭合或转义不完整`,
		`.fzlint.yaml:3:20: pack-dirs 中的目录 nosuch 不存在或无法访问`,
		`packs/local.yaml:8:15: 未知的级别 "eror"，是不是 "error"？（应为 error、warning、info 或 off）`,
		`packs/local.yaml:7:11: 未知的规则类型 "patern"，是不是 "pattern"？` + "（可用：" + strings.Join(kindNames(), "、") + "）",
		`packs/local.yaml:15:5: 未知的键 "scop"，是不是 "scope"？（可用：fix、match、patterns、per、scope、unless）`,
		`packs/local.yaml:2:17: 找不到规则包 "gongwne"，是不是 "gongwen"？（内置：fzzf、gongwen、hygiene、structure、terms、typography；并在 pack-dirs 中查找过）`,
		`packs/local.yaml:2:26: 规则包 id "../up" 无效（小写字母、数字和连字符，不含路径）`,
		`.fzlint.yaml:2:22: 找不到规则包 "typograhy"，是不是 "typography"？（内置：fzzf、gongwen、hygiene、structure、terms、typography；并在 pack-dirs 中查找过）`,
		`packs/loop-b.yaml:2:11: 规则包 loop-a 的 extends 形成循环`,
		`packs/local.yaml:4:3: overrides 中的规则 "fzzf/section-problem" 不存在，是不是 "fzzf/section-problems"？`,
		`.fzlint.yaml:5:3: 配置中的规则 "fzzf/section-problem" 不存在，是不是 "fzzf/section-problems"？（用 fzlint rules 查看可用规则）`,
		`.fzlint.yaml:7:3: 规则 "terms/typo" 所在的规则包 terms 未启用（加入 packs 才能调整其规则）`,
		`.fzlint.yaml:9:3: 配置中的参数 "fzzf.deadlin" 不存在，是不是 "fzzf.deadline"？（格式为 规则包.参数，如 fzzf.deadline）`,
	}, "\n")
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func kindNames() []string {
	var names []string
	for k := range checker.Kinds() {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// TestUnusedPackWarning: a pack in pack-dirs that no enabled pack loads is a
// warning at the pack-dirs entry; the config still loads.
func TestUnusedPackWarning(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "packs", "local.yaml"), "pack: local\nextends: [fzzf]\n")
	write(t, filepath.Join(dir, "packs", "draft.yaml"), "pack: draft\n")
	path := filepath.Join(dir, ".fzlint.yaml")
	write(t, path, "packs: [local]\npack-dirs:\n  - packs\n")
	set, msg := loadConfig(t, dir, path)
	if msg != "" {
		t.Fatal(msg)
	}
	var got []string
	for _, w := range set.Warnings {
		got = append(got, strings.ReplaceAll(w.Error(), dir+string(filepath.Separator), ""))
	}
	want := ".fzlint.yaml:3:5: 警告：packs 中的规则包 draft 未启用，其规则不会运行；要运行它，请加入 packs"
	if strings.Join(got, "\n") != want {
		t.Errorf("warnings = %q, want %q", got, want)
	}
}
