package rules_test

import (
	"errors"
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

// FuzzParseConfig: no config text may crash the config reader or the
// loader, and every error they report is placed at a line of the config.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("packs: [fzzf]\nrules: {fzzf/section-other: off}\nsettings: {fzzf.deadline: \"04-01\"}\n"))
	f.Add([]byte("rules: [\n"))
	f.Add([]byte("pakcs: [fzzf]\npacks: [terms, ../x]\nrules: {fzzf/nosuch: warn}\nsettings: {fzzf.x: [1]}\nexclude: ['[bad']\npack-dirs: [nosuch]\n"))
	kinds := checker.Kinds()
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := rules.ParseConfig(".fzlint.yaml", data)
		if err == nil {
			_, err = rules.Load(rules.Options{Kinds: kinds, Config: cfg})
		}
		var problems rules.Problems
		var one *rules.PosError
		switch {
		case errors.As(err, &problems):
		case errors.As(err, &one):
			problems = rules.Problems{one}
		case err != nil:
			t.Fatalf("error without a place: %v", err)
		}
		for _, p := range problems {
			if p.Line < 1 || p.File == "" {
				t.Errorf("error not placed at a line: %v", p)
			}
		}
	})
}
