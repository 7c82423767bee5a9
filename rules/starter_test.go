package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// TestStarterConfigLoads: the config fzlint init writes loads without error
// or warning, and so does it with its commented examples (packs, rules,
// settings) switched on: every name it shows is one that exists.
func TestStarterConfigLoads(t *testing.T) {
	data, err := rules.StarterConfig()
	if err != nil {
		t.Fatal(err)
	}
	var on []string
	examples := 0
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "# "); ok && yamlEntry.MatchString(rest) && !strings.HasPrefix(rest, "pack-dirs") {
			line = rest
			examples++
		}
		on = append(on, line)
	}
	if examples < 6 {
		t.Fatalf("only %d commented examples found to switch on:\n%s", examples, data)
	}
	for name, body := range map[string]string{"as written": string(data), "examples on": strings.Join(on, "\n")} {
		dir := t.TempDir()
		path := filepath.Join(dir, ".fzlint.yaml")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := rules.ReadConfig(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		set, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: cfg})
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, body)
		}
		if len(set.Warnings) > 0 || len(set.Packs) != len(rules.EmbeddedIDs()) {
			t.Errorf("%s: warnings %v, %d packs", name, set.Warnings, len(set.Packs))
		}
	}
}

// yamlEntry is a commented line that is a YAML key: value of the config.
var yamlEntry = regexp.MustCompile(`^ *[a-z][a-z0-9./-]*:( |$)`)
