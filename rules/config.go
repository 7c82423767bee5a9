// Package rules holds the pack schema and loader, the embedded default packs
// and the user's config file.
package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// ConfigNames are the file names of a user config, looked for in this order.
var ConfigNames = []string{".fzlint.yaml", ".fzlint.yml"}

// Config is a user's .fzlint.yaml.
type Config struct {
	Path     string
	Packs    []string            // packs to run; empty means every embedded pack
	PackDirs []string            // directories with more packs, absolute
	Rules    map[string]Severity // "pack/rule" → severity or off
	Settings map[string]string   // "pack.key" → value
	Exclude  []string            // glob patterns (path.Match, ** for any depth) of paths not to check
	Ignore   []Ignore            // findings accepted with a reason
}

// Ignore is an entry of a config's ignore list: findings of Rule in the files
// matching Path (a glob like Exclude's, relative to the config's directory),
// and only those whose excerpt is Excerpt if it is set, are suppressed for
// Reason. Line and Column place the entry in the config file.
type Ignore struct {
	Path    string `yaml:"path"`
	Rule    string `yaml:"rule"`
	Excerpt string `yaml:"excerpt"`
	Reason  string `yaml:"reason"`
	Line    int    `yaml:"-"`
	Column  int    `yaml:"-"`
}

type configFile struct {
	Packs    []string          `yaml:"packs"`
	PackDirs []string          `yaml:"pack-dirs"`
	Rules    map[string]string `yaml:"rules"`
	Settings map[string]string `yaml:"settings"`
	Exclude  []string          `yaml:"exclude"`
	Ignore   yaml.Node         `yaml:"ignore"`
}

// FindConfig walks up from dir to the root and returns the first config file
// found, or "" if there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, name := range ConfigNames {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// ReadConfig reads and validates a config file. Unknown keys and bad
// severities are errors with file:line:col.
func ReadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &PosError{Pos: Pos{File: path, Line: 1, Column: 1}, Msg: "无法读取配置文件：" + err.Error()}
	}
	return ParseConfig(path, data)
}

// ParseConfig parses the content of a config file named path.
func ParseConfig(path string, data []byte) (*Config, error) {
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if len(bytes.TrimSpace(data)) == 0 {
			return &Config{Path: path}, nil
		}
		return nil, yamlSyntaxError(path, err)
	}
	if len(root.Content) == 0 {
		return &Config{Path: path}, nil
	}
	top := root.Content[0]
	var cf configFile
	err := decodeStrict(path, top, &cf, nil)
	if err != nil {
		return nil, err
	}
	c := &Config{Path: path, Packs: cf.Packs, Settings: cf.Settings, Exclude: cf.Exclude, Rules: map[string]Severity{}}
	rulesNode := valueNode(top, "rules")
	for _, id := range sortedMapKeys(cf.Rules) {
		sev, err := ParseSeverity(cf.Rules[id])
		if err != nil {
			return nil, errAt(path, keyNode(rulesNode, id), "%v", err)
		}
		c.Rules[id] = sev
	}
	if c.Ignore, err = parseIgnore(path, &cf.Ignore); err != nil {
		return nil, err
	}
	base := filepath.Dir(path)
	for _, d := range cf.PackDirs {
		if !filepath.IsAbs(d) {
			d = filepath.Join(base, d)
		}
		c.PackDirs = append(c.PackDirs, d)
	}
	return c, nil
}

// parseIgnore reads the ignore list: each entry needs a path, a rule and a
// reason, so that no finding is accepted without saying why.
func parseIgnore(path string, n *yaml.Node) ([]Ignore, error) {
	if n.Kind == 0 || n.Kind == yaml.ScalarNode && n.Tag == "!!null" { // absent, or "ignore:" with nothing
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, errAt(path, n, "ignore 应为列表，每项含 path、rule、reason（可选 excerpt）")
	}
	out := make([]Ignore, 0, len(n.Content))
	for _, item := range n.Content {
		var ig Ignore
		if err := decodeStrict(path, item, &ig, nil); err != nil {
			return nil, err
		}
		for _, f := range []struct{ key, value string }{{"path", ig.Path}, {"rule", ig.Rule}, {"reason", ig.Reason}} {
			if strings.TrimSpace(f.value) == "" {
				return nil, errAt(path, item, "ignore 的每一项都要写 %s", f.key)
			}
		}
		ig.Line, ig.Column = item.Line, item.Column
		out = append(out, ig)
	}
	return out, nil
}
