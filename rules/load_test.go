package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

func TestLoadEmbedded(t *testing.T) {
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range set.Rules {
		if ids[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		ids[r.ID] = true
		if r.Source == "" || r.Description == "" || r.Message == "" {
			t.Errorf("%s: source, description and message are required", r.ID)
		}
	}
	for _, want := range []string{"fzzf/section-problems", "fzzf/date-missing", "fzzf/title-missing"} {
		if !ids[want] {
			t.Errorf("rule %s missing", want)
		}
	}
	if len(set.Outline.Roles) != 5 {
		t.Errorf("outline roles = %d, want 5", len(set.Outline.Roles))
	}
	if v, ok := set.Setting("fzzf", "deadline"); !ok || v != "03-01" {
		t.Errorf("fzzf.deadline = %q, %v", v, ok)
	}
}

// writePack writes a pack file into dir and returns a config that loads it.
func writePack(t *testing.T, dir, id, body string) *rules.Config {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, id+".yaml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return &rules.Config{Packs: []string{id}, PackDirs: []string{dir}}
}

const goodRule = `
  - id: no-xx
    kind: pattern
    patterns: ['XX']
    severity: error
    message: 占位符
    source: 文稿规范
    description: d
    examples: {fail: ["XX市"], pass: ["青山市"]}
`

func TestBadPacks(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"yaml syntax", "pack: p\nrules: [\n", "p.yaml:2:1: YAML 语法错误"},
		{"unknown top key", "pack: p\nrulez: []\n", `p.yaml:2:1: 未知的键 "rulez"`},
		{"bad id", "pack: P!\n", `p.yaml:1:7: 规则包 id "P!" 无效`},
		{"unknown kind", "pack: p\nrules:\n  - id: a\n    kind: existence\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `p.yaml:4:11: 未知的规则类型 "existence"`},
		{"bad regex", "pack: p\nrules:\n  - id: a\n    kind: pattern\n    patterns: ['(XX']\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `p.yaml:5:16: 无效的正则表达式 "(XX"`},
		{"word boundary", "pack: p\nrules:\n  - id: a\n    kind: pattern\n    patterns: ['\\b决策程度\\b']\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `p.yaml:5:16: 正则表达式不得使用 \b 或 \B`},
		{"empty match", "pack: p\nrules:\n  - id: a\n    kind: pattern\n    patterns: ['X*']\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `能匹配空字符串`},
		{"duplicate id", "pack: p\nrules:" + goodRule + goodRule, `p.yaml:12:9: 规则 id "no-xx" 重复`},
		{"unknown role", "pack: p\nroles:\n  problem:\n    headings: ['问题']\n", `p.yaml:3:3: 未知的部分 "problem"`},
		{"unknown kind field", "pack: p\nrules:\n  - id: a\n    kind: pattern\n    patterns: ['XX']\n    scop: body\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `p.yaml:6:5: 未知的键 "scop"`},
		{"bad severity", "pack: p\nrules:\n  - id: a\n    kind: pattern\n    patterns: ['XX']\n    severity: fatal\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `p.yaml:6:15: 未知的级别 "fatal"`},
		{"no source", "pack: p\nrules:\n  - id: a\n    kind: pattern\n    patterns: ['XX']\n    severity: error\n    message: m\n    examples: {fail: [x], pass: [y]}\n", `p.yaml:3:5: 规则 a 缺少 source`},
		{"no examples", "pack: p\nrules:\n  - id: a\n    kind: pattern\n    patterns: ['XX']\n    severity: error\n    message: m\n    source: s\n", `应至少各有一个 examples.fail 和 examples.pass`},
		{"unknown extends", "pack: p\nextends: [nosuch]\n", `找不到规则包 "nosuch"`},
		{"override unknown rule", "pack: p\nextends: [fzzf]\noverrides:\n  fzzf/nosuch: off\n", `overrides 中的规则 "fzzf/nosuch" 不存在`},
		{"bad override severity", "pack: p\nextends: [fzzf]\noverrides:\n  fzzf/section-other: loud\n", `p.yaml:4:3: 未知的级别 "loud"`},
		{"section bad when", "pack: p\nrules:\n  - id: a\n    kind: section\n    role: problems\n    when: sometimes\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `p.yaml:3:5: when 应为 missing 或 inline`},
		{"section bad role", "pack: p\nrules:\n  - id: a\n    kind: section\n    role: problem\n    when: missing\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `未知的部分 "problem"`},
		{"date bad check", "pack: p\nrules:\n  - id: a\n    kind: date\n    check: soon\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `check 应为 present`},
		{"metric unknown measure", "pack: p\nrules:\n  - id: a\n    kind: metric\n    role: plans\n    below: {words: 3}\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n", `below 中未知的度量 "words"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := writePack(t, dir, "p", c.body)
			_, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: cfg})
			if err == nil {
				t.Fatalf("loaded a bad pack")
			}
			msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
			if !strings.Contains(msg, c.want) {
				t.Errorf("error = %q, want it to contain %q", msg, c.want)
			}
		})
	}
}

func TestExtendsAndOverrides(t *testing.T) {
	dir := t.TempDir()
	cfg := writePack(t, dir, "local", "pack: local\nextends: [fzzf]\noverrides:\n  fzzf/section-other: off\n  fzzf/section-duty: error\nsettings:\n  deadline: \"01-31\"\nroles:\n  plans:\n    headings: ['来年设想']\nrules:"+goodRule)
	cfg.Rules = map[string]rules.Severity{"local/no-xx": rules.Warning}
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if r := set.Rule("fzzf/section-other"); r == nil || r.Severity != rules.Off {
		t.Errorf("section-other not turned off: %+v", r)
	}
	if r := set.Rule("fzzf/section-duty"); r.Severity != rules.Error {
		t.Errorf("section-duty = %v, want error", r.Severity)
	}
	if r := set.Rule("local/no-xx"); r.Severity != rules.Warning {
		t.Errorf("config override not applied: %v", r.Severity)
	}
	for _, r := range set.Active() {
		if r.ID == "fzzf/section-other" {
			t.Error("an off rule is active")
		}
	}
	if v, _ := set.Setting("local", "deadline"); v != "01-31" {
		t.Errorf("own setting = %q", v)
	}
	if v, _ := set.Setting("local", "publish-deadline"); v != "04-01" {
		t.Errorf("setting inherited from fzzf = %q", v)
	}
	found := false
	for _, spec := range set.Outline.Roles {
		for _, re := range spec.Headings {
			found = found || re.String() == "来年设想"
		}
	}
	if !found {
		t.Error("the extending pack's role vocabulary was not merged")
	}
}

func TestExtendsCycle(t *testing.T) {
	dir := t.TempDir()
	writePack(t, dir, "b", "pack: b\nextends: [a]\n")
	cfg := writePack(t, dir, "a", "pack: a\nextends: [b]\n")
	_, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: cfg})
	if err == nil || !strings.Contains(err.Error(), "循环") {
		t.Fatalf("err = %v, want a cycle error", err)
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	for _, d := range []string{sub, filepath.Join(dir, "packs")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, ".fzlint.yaml")
	if err := os.WriteFile(path, []byte("packs: [fzzf]\npack-dirs: [packs]\nrules:\n  fzzf/section-other: off\nsettings:\n  fzzf.deadline: \"04-01\"\nexclude: [\"old/**\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := rules.FindConfig(sub); got != path {
		t.Fatalf("FindConfig = %q, want %q", got, path)
	}
	cfg, err := rules.ReadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.PackDirs[0] != filepath.Join(dir, "packs") || cfg.Rules["fzzf/section-other"] != rules.Off {
		t.Errorf("config = %+v", cfg)
	}
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := set.Setting("fzzf", "deadline"); v != "04-01" {
		t.Errorf("setting override = %q", v)
	}
}

func TestBadConfig(t *testing.T) {
	cases := []struct{ body, want string }{
		{"pakcs: [fzzf]\n", `c.yaml:1:1: 未知的键 "pakcs"`},
		{"rules:\n  fzzf/section-other: sometimes\n", `c.yaml:2:23: 未知的级别 "sometimes"`},
		{"rules: {fzzf/nosuch: off}\n", `配置中的规则 "fzzf/nosuch" 不存在`},
		{"settings: {fzzf.nosuch: x}\n", `配置中的参数 "fzzf.nosuch" 不存在`},
		{"packs: [nosuch]\n", `找不到规则包 "nosuch"`},
		{"rules: [\n", `c.yaml:1:1: YAML 语法错误`},
	}
	for _, c := range cases {
		cfg, err := rules.ParseConfig("c.yaml", []byte(c.body))
		if err == nil {
			_, err = rules.Load(rules.Options{Kinds: checker.Kinds(), Config: cfg})
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.body, err, c.want)
		}
	}
}

// TestPackTreesLoadAsYAML: an embedded pack loaded from its stored tree has
// the rules, positions and patterns it has when its YAML is parsed.
func TestPackTreesLoadAsYAML(t *testing.T) {
	kinds := checker.Kinds()
	for _, id := range rules.EmbeddedIDs() {
		data, err := os.ReadFile(filepath.Join("packs", id+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		fromYAML, err := rules.ParsePack("rules/packs/"+id+".yaml", data, kinds)
		if err != nil {
			t.Fatal(err)
		}
		fromTree, err := rules.ParseEmbeddedTree(id, data, kinds)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := packSummary(fromTree), packSummary(fromYAML); got != want {
			t.Errorf("pack %s from its tree:\n%s\nfrom its YAML:\n%s", id, got, want)
		}
	}
}

// packSummary prints what a pack holds, its compiled checks aside.
func packSummary(p *rules.Pack) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q %q %v %v %v\n", p.ID, p.Title, p.Source, p.Extends, p.Settings, p.Overrides)
	for _, role := range outline.Roles {
		def := p.Roles[role]
		fmt.Fprintf(&b, "role %s %q %s %s\n", role, def.Name, patternList(def.Headings), patternList(def.Inline))
	}
	fmt.Fprintf(&b, "debris %s\n", patternList(p.Debris))
	for _, r := range p.Rules {
		fmt.Fprintf(&b, "%s %s %v %q %q %q %v %v %v", r.ID, r.Kind, r.Severity, r.Message, r.Source, r.Description, r.Examples, r.Pos, r.Fixable)
		for _, pat := range r.Patterns {
			fmt.Fprintf(&b, " %q", pat.String())
		}
		b.WriteString("\n")
	}
	return b.String()
}

func patternList(rs []rules.Regexp) string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s@%d:%d", r.String(), r.Line, r.Column))
	}
	return strings.Join(out, ",")
}
