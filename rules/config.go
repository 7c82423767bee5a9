// Package rules holds the pack schema and loader, the embedded default packs
// and the user's config file.
package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
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

	at configPlaces
	// problems are the errors of the config's entries, which Load reports
	// first, together with the errors of the packs.
	problems Problems
}

// configPlaces are where the entries of a config file are, for errors the
// loader finds once the packs are loaded.
type configPlaces struct {
	packs, packDirs []Pos
	rules, settings map[string]Pos // the keys
	settingValues   map[string]Pos
}

// place returns the position of entry i of list, or the config file itself
// for a Config built in code.
func (c *Config) place(list []Pos, i int) Pos {
	if i < len(list) {
		return list[i]
	}
	return Pos{File: orString(c.Path, "配置")}
}

func (c *Config) placeOf(m map[string]Pos, key string) Pos {
	if p, ok := m[key]; ok {
		return p
	}
	return Pos{File: orString(c.Path, "配置")}
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
// found, or "" if there is none. Any entry of that name counts, a directory
// or a FIFO too: ReadConfig then says what is wrong with it, rather than the
// run going on silently without the config the user put there.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, name := range ConfigNames {
			p := filepath.Join(dir, name)
			if _, err := os.Lstat(p); err == nil {
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

// ReadConfig reads a config file: a regular file of at most MaxConfigSize
// bytes. A file that cannot be read or is not YAML is an error here; the
// errors of its entries (unknown keys, bad severities, bad patterns) are kept
// and returned by Load, with those of the packs, each with file:line:col, so
// that one run shows every error.
func ReadConfig(path string) (*Config, error) {
	data, err := readRegular(path, MaxConfigSize)
	if err != nil {
		return nil, &PosError{Pos: Pos{File: path}, Msg: "无法读取配置文件：" + describeReadError(err)}
	}
	return ParseConfig(path, data)
}

// describeReadError says why a file could not be read, in Chinese where the
// cause is a common one, and without the path os errors repeat: the error is
// already placed at the file.
func describeReadError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// ParseConfig parses the content of a config file named path, as ReadConfig.
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
	var problems Problems
	if top.Kind != yaml.MappingNode {
		return nil, errAt(path, top, "配置应为映射（键: 值）")
	}
	problems = append(problems, checkKeys(path, top, yamlKeys(reflect.TypeOf(cf)), nil)...)
	c := &Config{Path: path, Rules: map[string]Severity{},
		at: configPlaces{rules: map[string]Pos{}, settings: map[string]Pos{}, settingValues: map[string]Pos{}}}
	// Each entry is decoded on its own, so that a bad one does not hide the
	// errors of the others.
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], top.Content[i+1]
		switch key.Value {
		case "packs":
			c.Packs, c.at.packs = stringList(path, val, &problems)
			for i, id := range c.Packs {
				if !validID(id) {
					problems = append(problems, &PosError{Pos: c.at.packs[i], Msg: fmt.Sprintf("规则包 id %q 无效（小写字母、数字和连字符，不含路径）", id)})
				}
			}
		case "pack-dirs":
			dirs, places := stringList(path, val, &problems)
			for _, d := range dirs {
				if !filepath.IsAbs(d) {
					d = filepath.Join(filepath.Dir(path), d)
				}
				c.PackDirs = append(c.PackDirs, d)
			}
			c.at.packDirs = places
		case "exclude":
			var places []Pos
			c.Exclude, places = stringList(path, val, &problems)
			for i, pat := range c.Exclude {
				if err := checkGlob(pat); err != nil {
					problems = append(problems, &PosError{Pos: places[i], Msg: fmt.Sprintf("exclude 中的模式 %q 无效：%v", pat, err)})
				}
			}
		case "rules":
			eachEntry(path, val, &problems, func(k, v *yaml.Node) {
				c.at.rules[k.Value] = Pos{File: path, Line: k.Line, Column: k.Column}
				sev, err := ParseSeverity(v.Value)
				if err != nil || v.Kind != yaml.ScalarNode {
					problems = append(problems, errAt(path, v, "%v", err))
					return
				}
				c.Rules[k.Value] = sev
			})
		case "ignore":
			c.Ignore = parseIgnore(path, val, &problems)
		case "settings":
			eachEntry(path, val, &problems, func(k, v *yaml.Node) {
				c.at.settings[k.Value] = Pos{File: path, Line: k.Line, Column: k.Column}
				c.at.settingValues[k.Value] = Pos{File: path, Line: v.Line, Column: v.Column}
				if v.Kind != yaml.ScalarNode {
					problems = append(problems, errAt(path, v, "参数 %s 的值应为字符串", k.Value))
					return
				}
				if c.Settings == nil {
					c.Settings = map[string]string{}
				}
				c.Settings[k.Value] = v.Value
			})
		}
	}
	c.problems = problems
	return c, nil
}

// stringList decodes a sequence of strings and where each one is.
func stringList(file string, n *yaml.Node, problems *Problems) ([]string, []Pos) {
	if n.Kind != yaml.SequenceNode {
		*problems = append(*problems, errAt(file, n, "应为列表（[a, b] 或每行 - a）"))
		return nil, nil
	}
	var out []string
	var places []Pos
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode {
			*problems = append(*problems, errAt(file, item, "应为字符串"))
			continue
		}
		out = append(out, item.Value)
		places = append(places, Pos{File: file, Line: item.Line, Column: item.Column})
	}
	return out, places
}

// eachEntry calls f with each key and value of mapping n.
func eachEntry(file string, n *yaml.Node, problems *Problems, f func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		*problems = append(*problems, errAt(file, n, "应为映射（键: 值）"))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if seen[k.Value] {
			*problems = append(*problems, errAt(file, k, "重复的键 %q", k.Value))
			continue
		}
		seen[k.Value] = true
		f(k, n.Content[i+1])
	}
}

// checkGlob tells whether an exclude pattern is well formed: each part
// between slashes a path.Match pattern, or ** for any depth.
func checkGlob(pattern string) error {
	for _, part := range strings.Split(pattern, "/") {
		if part == "**" {
			continue
		}
		if _, err := path.Match(part, ""); err != nil {
			return fmt.Errorf("方括号未闭合或转义不完整")
		}
	}
	return nil
}

// parseIgnore reads the ignore list: each entry needs a path, a rule and a
// reason, so that no finding is accepted without saying why.
func parseIgnore(path string, n *yaml.Node, problems *Problems) []Ignore {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" { // "ignore:" with nothing
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		*problems = append(*problems, errAt(path, n, "ignore 应为列表，每项含 path、rule、reason（可选 excerpt）"))
		return nil
	}
	out := make([]Ignore, 0, len(n.Content))
	for _, item := range n.Content {
		var ig Ignore
		if err := decodeStrict(path, item, &ig, nil); err != nil {
			problems.add(path, err)
			continue
		}
		missing := false
		for _, f := range []struct{ key, value string }{{"path", ig.Path}, {"rule", ig.Rule}, {"reason", ig.Reason}} {
			if strings.TrimSpace(f.value) == "" {
				*problems = append(*problems, errAt(path, item, "ignore 的每一项都要写 %s", f.key))
				missing = true
			}
		}
		if missing {
			continue
		}
		if err := checkGlob(ig.Path); err != nil {
			*problems = append(*problems, errAt(path, item, "ignore 中的路径模式 %q 无效：%v", ig.Path, err))
			continue
		}
		ig.Line, ig.Column = item.Line, item.Column
		out = append(out, ig)
	}
	return out
}
