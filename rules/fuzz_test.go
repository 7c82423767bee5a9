package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// FuzzParsePack: no pack text may crash the loader; a pack it accepts has
// compiled every rule.
func FuzzParsePack(f *testing.F) {
	packs, _ := filepath.Glob("packs/*.yaml")
	for _, p := range packs {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("pack: p\nrules:\n  - id: a\n    kind: pattern\n    patterns: ['XX']\n    severity: error\n    message: m\n    source: s\n    examples: {fail: [x], pass: [y]}\n"))
	f.Add([]byte("pack: p\nroles: {plans: {headings: ['(']}}\n"))
	kinds := checker.Kinds()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := rules.ParsePack("fuzz.yaml", data, kinds)
		if err != nil {
			return
		}
		for _, r := range p.Rules {
			if r.Check == nil {
				t.Fatalf("rule %s accepted without a compiled check", r.ID)
			}
		}
	})
}

// FuzzParseConfig: no config text may crash the config reader.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("packs: [fzzf]\nrules: {fzzf/section-other: off}\nsettings: {fzzf.deadline: \"04-01\"}\n"))
	f.Add([]byte("rules: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = rules.ParseConfig(".fzlint.yaml", data)
	})
}
