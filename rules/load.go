package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/fzlint/fzlint/checker/match"
	"github.com/fzlint/fzlint/checker/outline"
)

//go:embed packs/*.yaml
var embedded embed.FS

// Set is the resolved set of active packs and rules for a run.
type Set struct {
	Packs []*Pack // dependencies before the packs that extend them
	Rules []*Rule // every rule of every active pack, severities resolved (Off included)
	// Outline is the merged vocabulary of the active packs for outline.Build.
	Outline   outline.Config
	settings  map[string]string // "pack.key" → value
	extension map[string][]string
}

// Options say which packs to load and how to adjust them.
type Options struct {
	Kinds  map[string]Compiler // the engine's kind compilers
	Config *Config             // the user's config; nil for the defaults
}

// EmbeddedIDs lists the packs built into the binary.
func EmbeddedIDs() []string {
	entries, _ := fs.ReadDir(embedded, "packs")
	var ids []string
	for _, e := range entries {
		ids = append(ids, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return ids
}

// Load reads the packs the config asks for (every embedded pack by default),
// follows extends, applies overrides and compiles every rule.
func Load(opts Options) (*Set, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = &Config{}
	}
	l := &loader{kinds: opts.Kinds, cfg: cfg, byID: map[string]*Pack{}, visiting: map[string]bool{}}
	want := cfg.Packs
	if len(want) == 0 {
		want = EmbeddedIDs()
	}
	l.parsed = l.parseAll(want)
	for _, id := range want {
		if err := l.load(id, cfg.Path); err != nil {
			return nil, err
		}
	}
	return l.resolve()
}

type loader struct {
	kinds    map[string]Compiler
	cfg      *Config
	byID     map[string]*Pack
	order    []*Pack
	visiting map[string]bool
	parsed   map[string]parsed // packs parsed ahead, in parallel
}

// parsed is the outcome of finding and parsing one pack.
type parsed struct {
	file    string
	pack    *Pack
	err     error
	missing bool // err is that the pack could not be found or read
}

// parseAll finds and parses the packs in ids concurrently: parsing and
// compiling the packs is most of a CLI run's start-up, and packs are
// independent until their extends are resolved, which load then does in order.
func (l *loader) parseAll(ids []string) map[string]parsed {
	results := make([]parsed, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = l.parse(id)
		}()
	}
	wg.Wait()
	out := make(map[string]parsed, len(ids))
	for i, id := range ids {
		out[id] = results[i]
	}
	return out
}

// parse finds pack id and parses it.
func (l *loader) parse(id string) parsed {
	file, data, builtIn, err := l.find(id)
	if err != nil {
		return parsed{err: err, missing: true}
	}
	if builtIn {
		if root := embeddedTree(id, data); root != nil {
			p, err := packOf(file, root, l.kinds)
			return parsed{file: file, pack: p, err: err}
		}
	}
	p, err := ParsePack(file, data, l.kinds)
	return parsed{file: file, pack: p, err: err}
}

// load loads pack id and, first, the packs it extends.
func (l *loader) load(id, from string) error {
	if _, ok := l.byID[id]; ok {
		return nil
	}
	if l.visiting[id] {
		return fmt.Errorf("%s: 规则包 %s 的 extends 形成循环", from, id)
	}
	l.visiting[id] = true
	res, ok := l.parsed[id]
	if !ok {
		res = l.parse(id)
	}
	if res.missing {
		return fmt.Errorf("%s: %w", orString(from, "fzlint"), res.err)
	}
	if res.err != nil {
		return res.err
	}
	p, file := res.pack, res.file
	if p.ID != id {
		return fmt.Errorf("%s: 文件声明的规则包 id 为 %q，但按 %q 加载", file, p.ID, id)
	}
	for _, dep := range p.Extends {
		if err := l.load(dep, file); err != nil {
			return err
		}
	}
	l.byID[id] = p
	l.order = append(l.order, p)
	return nil
}

// find looks for pack id in the user's pack directories, then among the
// embedded packs (builtIn).
func (l *loader) find(id string) (file string, data []byte, builtIn bool, err error) {
	for _, dir := range l.cfg.PackDirs {
		for _, ext := range []string{".yaml", ".yml"} {
			path := filepath.Join(dir, id+ext)
			data, err = os.ReadFile(path)
			if err == nil {
				return path, data, false, nil
			}
			if !os.IsNotExist(err) {
				return "", nil, false, fmt.Errorf("无法读取规则包 %s：%w", path, err)
			}
		}
	}
	data, err = embedded.ReadFile("packs/" + id + ".yaml")
	if err != nil {
		return "", nil, false, fmt.Errorf("找不到规则包 %q（内置：%s）", id, strings.Join(EmbeddedIDs(), "、"))
	}
	return "rules/packs/" + id + ".yaml", data, true, nil
}

// resolve merges the loaded packs: settings, outline vocabulary, overrides.
func (l *loader) resolve() (*Set, error) {
	s := &Set{Packs: l.order, settings: map[string]string{}, extension: map[string][]string{}}
	byRule := map[string]*Rule{}
	roles := map[outline.Role]*outline.RoleSpec{}
	for _, p := range l.order {
		s.extension[p.ID] = p.Extends
		for k, v := range p.Settings {
			s.settings[p.ID+"."+k] = v
		}
		for _, r := range p.Rules {
			byRule[r.ID] = r
			s.Rules = append(s.Rules, r)
		}
		for _, role := range outline.Roles {
			def, ok := p.Roles[role]
			if !ok {
				continue
			}
			spec := roles[role]
			if spec == nil {
				spec = &outline.RoleSpec{Role: role}
				roles[role] = spec
			}
			if def.Name != "" {
				spec.Name = def.Name
			}
			spec.Headings = append(spec.Headings, regexps(def.Headings)...)
			spec.Inline = append(spec.Inline, regexps(def.Inline)...)
		}
		s.Outline.Debris = append(s.Outline.Debris, regexps(p.Debris)...)
	}
	for _, role := range outline.Roles {
		if spec := roles[role]; spec != nil {
			s.Outline.Roles = append(s.Outline.Roles, *spec)
		}
	}
	s.Outline.Index()
	// Pack overrides apply in load order, so a pack overrides what it extends;
	// the user's config comes last.
	for _, p := range l.order {
		for _, id := range sortedMapKeys(p.Overrides) {
			r, ok := byRule[id]
			if !ok {
				return nil, fmt.Errorf("%s: overrides 中的规则 %q 不存在", p.File, id)
			}
			r.Severity = p.Overrides[id]
		}
	}
	for _, id := range sortedMapKeys(l.cfg.Rules) {
		r, ok := byRule[id]
		if !ok {
			return nil, fmt.Errorf("%s: 配置中的规则 %q 不存在（用 fzlint rules 查看可用规则）", orString(l.cfg.Path, "配置"), id)
		}
		r.Severity = l.cfg.Rules[id]
	}
	for _, key := range sortedMapKeys(l.cfg.Settings) {
		if _, ok := s.settings[key]; !ok {
			return nil, fmt.Errorf("%s: 配置中的参数 %q 不存在（格式为 规则包.参数，如 fzzf.deadline）", orString(l.cfg.Path, "配置"), key)
		}
		s.settings[key] = l.cfg.Settings[key]
	}
	return s, nil
}

// Active returns the rules that are not off, in pack order.
func (s *Set) Active() []*Rule {
	var out []*Rule
	for _, r := range s.Rules {
		if r.Severity != Off {
			out = append(out, r)
		}
	}
	return out
}

// Rule returns the rule with the given id ("pack/name"), or nil.
func (s *Set) Rule(id string) *Rule {
	for _, r := range s.Rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Setting returns the value of setting key for a rule of pack: the pack's own,
// else the first found among the packs it extends.
func (s *Set) Setting(pack, key string) (string, bool) {
	if v, ok := s.settings[pack+"."+key]; ok {
		return v, true
	}
	for _, dep := range s.extension[pack] {
		if v, ok := s.Setting(dep, key); ok {
			return v, true
		}
	}
	return "", false
}

func regexps(rs []Regexp) []*match.Pattern {
	out := make([]*match.Pattern, len(rs))
	for i := range rs {
		out[i] = rs[i].Pattern
	}
	return out
}

func orString(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Describe returns a rule's message for listings (fzlint rules, explain,
// SARIF's rule list): {name} becomes the name of the part the rule is about;
// the placeholders filled per finding ({match}, {want}…) stay as they are.
func (s *Set) Describe(r *Rule) string {
	role := valueNode(r.Spec, "role")
	if role == nil || !strings.Contains(r.Message, "{name}") {
		return r.Message
	}
	for _, spec := range s.Outline.Roles {
		if string(spec.Role) == role.Value && spec.Name != "" {
			return strings.ReplaceAll(r.Message, "{name}", spec.Name)
		}
	}
	return r.Message
}
