package rules

import (
	"reflect"
	"testing"
)

func TestConfigIgnore(t *testing.T) {
	c, err := ParseConfig("/r/.fzlint.yaml", []byte("ignore:\n  - path: \"2021/*.md\"\n    rule: fzzf/date-deadline\n    reason: 当年经批准延期报送\n  - path: a.txt\n    rule: terms/x\n    excerpt: 依法治县办\n    reason: 机构简称\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Ignore{
		{Path: "2021/*.md", Rule: "fzzf/date-deadline", Reason: "当年经批准延期报送", Line: 2, Column: 5},
		{Path: "a.txt", Rule: "terms/x", Excerpt: "依法治县办", Reason: "机构简称", Line: 5, Column: 5},
	}
	if !reflect.DeepEqual(c.Ignore, want) {
		t.Errorf("ignore = %+v\nwant %+v", c.Ignore, want)
	}
}

func TestConfigIgnoreErrors(t *testing.T) {
	for src, want := range map[string]string{
		"ignore:\n  - path: a.md\n    rule: x/y\n":                            "c.yaml:2:5: ignore 的每一项都要写 reason",
		"ignore:\n  - path: a.md\n    rule: x/y\n    reason: \"  \"\n":        "c.yaml:2:5: ignore 的每一项都要写 reason",
		"ignore:\n  - rule: x/y\n    reason: r\n":                             "c.yaml:2:5: ignore 的每一项都要写 path",
		"ignore:\n  - path: a.md\n    rule: x/y\n    reason: r\n    why: 1\n": "c.yaml:5:5: 未知的键 \"why\"（可用：excerpt、path、reason、rule）",
		"ignore: a.md\n": "c.yaml:1:9: ignore 应为列表，每项含 path、rule、reason（可选 excerpt）",
	} {
		c, err := ParseConfig("c.yaml", []byte(src))
		if err == nil {
			err = c.problems.err() // reported by Load with the packs' errors
		}
		if err == nil || err.Error() != want {
			t.Errorf("%q: err = %v, want %s", src, err, want)
		}
	}
}

func TestConfigIgnoreEmpty(t *testing.T) {
	for _, src := range []string{"ignore:\n", "ignore: []\n", "rules: {}\n"} {
		c, err := ParseConfig("c.yaml", []byte(src))
		if err != nil || len(c.Ignore) != 0 {
			t.Errorf("%q: %+v, %v", src, c, err)
		}
	}
}
