package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/fzlint/fzlint/checker/match"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/checker/stackroom"
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
	// Warnings are what the loader found odd but not wrong, placed in the
	// config file (a pack in pack-dirs that is not enabled).
	Warnings []*PosError
	// settingAt is where each setting's value was given: the config's
	// entry, or the pack's.
	settingAt map[string]Pos
}

// Options say which packs to load and how to adjust them.
type Options struct {
	Kinds  map[string]Compiler // the engine's kind compilers
	Config *Config             // the user's config; nil for the defaults
	// Preparsed, if set, holds the embedded packs parsed ahead with the
	// same Kinds (Preparse); the Load takes those it finds built in.
	Preparsed *Preparsed
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
// follows extends, applies overrides and compiles every rule. It reports
// every error of the config and its packs at once, as Problems; what is
// merely odd (a pack in pack-dirs that nothing enables) is in Set.Warnings.
func Load(opts Options) (*Set, error) {
	defer startPatternCache()()
	cfg := opts.Config
	if cfg == nil {
		cfg = &Config{}
	}
	l := &loader{kinds: opts.Kinds, cfg: cfg, preparsed: opts.Preparsed, byID: map[string]*Pack{}, failed: map[string]bool{}, visiting: map[string]bool{},
		problems: append(Problems(nil), cfg.problems...)}
	l.checkPackDirs()
	want := cfg.Packs
	if len(want) == 0 {
		want = EmbeddedIDs()
	}
	var valid []string
	for _, id := range want {
		if validID(id) { // a bad id is already an error of the config
			valid = append(valid, id)
		}
	}
	l.parsed = l.parseAll(valid)
	for i, id := range want {
		if validID(id) {
			l.load(id, cfg.place(cfg.at.packs, i))
		}
	}
	s := l.resolve()
	if err := l.problems.err(); err != nil {
		return nil, err
	}
	s.Warnings = l.unusedPacks()
	return s, nil
}

type loader struct {
	kinds    map[string]Compiler
	cfg      *Config
	byID     map[string]*Pack
	failed   map[string]bool // packs with errors, reported once
	order    []*Pack
	visiting map[string]bool
	parsed   map[string]parsed // packs parsed ahead, in parallel
	partial  []*Pack           // packs with errors, as far as they were read
	// preparsed holds embedded packs parsed before the Load (Options).
	preparsed *Preparsed
	problems  Problems
}

// parsed is the outcome of finding and parsing one pack.
type parsed struct {
	file    string
	pack    *Pack
	err     error
	missing bool // the pack was found nowhere
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
			stackroom.For16K()
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
	file, data, builtIn, found, err := l.find(id)
	switch {
	case !found:
		return parsed{missing: true}
	case err != nil:
		return parsed{file: file, err: err}
	}
	if builtIn {
		if res, ok := l.preparsed.take(id); ok {
			return res
		}
		if root := embeddedTree(id, embeddedSum(id)); root != nil {
			p, err := packOf(file, root, l.kinds)
			return parsed{file: file, pack: p, err: err}
		}
		data, _ = embedded.ReadFile(embeddedName(id)) // it exists: find stat'ed it
	}
	p, err := parsePack(file, data, l.kinds)
	return parsed{file: file, pack: p, err: err}
}

// load loads pack id, named at, and, first, the packs it extends.
func (l *loader) load(id string, at Pos) {
	if _, ok := l.byID[id]; ok || l.failed[id] {
		return
	}
	if !validID(id) {
		l.failAt(at, "规则包 id %q 无效（小写字母、数字和连字符，不含路径）", id)
		return
	}
	if l.visiting[id] {
		l.failAt(at, "规则包 %s 的 extends 形成循环", id)
		return
	}
	l.visiting[id] = true
	defer delete(l.visiting, id)
	res, ok := l.parsed[id]
	if !ok {
		res = l.parse(id)
	}
	switch {
	case res.missing:
		l.failAt(at, "找不到规则包 %q%s（内置：%s%s）", id, didYouMean(id, l.knownIDs()), strings.Join(EmbeddedIDs(), "、"), l.dirsNote())
		l.failed[id] = true
		return
	case res.err != nil:
		l.problems.add(res.file, res.err)
		l.failed[id] = true
		if p := res.pack; p != nil {
			l.partial = append(l.partial, p)
			for i, dep := range p.Extends {
				l.load(dep, p.at.extends[i])
			}
		}
		return
	}
	p := res.pack
	if p.ID != id {
		l.failAt(Pos{File: p.File, Line: p.at.id.Line, Column: p.at.id.Column}, "文件声明的规则包 id 为 %q，但按 %q 加载（文件名应为 %s.yaml）", p.ID, id, p.ID)
		l.failed[id] = true
		return
	}
	for i, dep := range p.Extends {
		l.load(dep, p.at.extends[i])
	}
	l.byID[id] = p
	l.order = append(l.order, p)
}

func (l *loader) failAt(at Pos, format string, args ...any) {
	l.problems = append(l.problems, &PosError{Pos: at, Msg: fmt.Sprintf(format, args...)})
}

// find looks for pack id in the user's pack directories, then among the
// embedded packs (builtIn; their data is left nil). found is false when it is
// nowhere.
func (l *loader) find(id string) (file string, data []byte, builtIn, found bool, err error) {
	for _, dir := range l.cfg.PackDirs {
		for _, ext := range []string{".yaml", ".yml"} {
			path := filepath.Join(dir, id+ext)
			if _, err := os.Lstat(path); err != nil {
				continue
			}
			data, err = readRegular(path, MaxPackSize)
			if err != nil {
				return path, nil, false, true, &PosError{Pos: Pos{File: path}, Msg: "无法读取规则包：" + describeReadError(err)}
			}
			return path, data, false, true, nil
		}
	}
	if _, err := fs.Stat(embedded, embeddedName(id)); err == nil {
		return "rules/packs/" + id + ".yaml", nil, true, true, nil // parse reads it only if it must
	}
	return "", nil, false, false, nil // not found is not an error here: load says where it was named
}

// knownIDs are the ids of every pack that can be loaded: embedded or in a
// pack directory.
func (l *loader) knownIDs() []string {
	ids := EmbeddedIDs()
	for _, dir := range l.cfg.PackDirs {
		ids = append(ids, packsIn(dir)...)
	}
	return ids
}

func (l *loader) dirsNote() string {
	if len(l.cfg.PackDirs) == 0 {
		return ""
	}
	return "；并在 pack-dirs 中查找过"
}

// packsIn lists the ids of the pack files in dir.
func packsIn(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var ids []string
	for _, e := range entries {
		name := e.Name()
		if ext := filepath.Ext(name); (ext == ".yaml" || ext == ".yml") && !e.IsDir() {
			ids = append(ids, strings.TrimSuffix(name, ext))
		}
	}
	return ids
}

// checkPackDirs reports pack directories that do not exist: the packs the
// user meant to load from there would silently be the embedded ones of the
// same id, or missing.
func (l *loader) checkPackDirs() {
	for i, dir := range l.cfg.PackDirs {
		info, err := os.Stat(dir)
		switch {
		case err != nil:
			l.failAt(l.cfg.place(l.cfg.at.packDirs, i), "pack-dirs 中的目录 %s 不存在或无法访问", dir)
		case !info.IsDir():
			l.failAt(l.cfg.place(l.cfg.at.packDirs, i), "pack-dirs 中的 %s 不是目录", dir)
		}
	}
}

// unusedPacks warns of packs in pack-dirs that no enabled pack loads: likely
// a pack written and never added to packs:, whose rules then never run.
func (l *loader) unusedPacks() []*PosError {
	var out []*PosError
	for i, dir := range l.cfg.PackDirs {
		for _, id := range packsIn(dir) {
			if _, ok := l.byID[id]; ok {
				continue
			}
			out = append(out, &PosError{Pos: l.cfg.place(l.cfg.at.packDirs, i),
				Msg: fmt.Sprintf("警告：%s 中的规则包 %s 未启用，其规则不会运行；要运行它，请加入 packs", dir, id)})
		}
	}
	return out
}

// resolve merges the loaded packs: settings, outline vocabulary, overrides.
// Overrides and config entries about a pack that failed to load are not
// checked: its own errors are reported.
func (l *loader) resolve() *Set {
	s := &Set{Packs: l.order, settings: map[string]string{}, extension: map[string][]string{}, settingAt: map[string]Pos{}}
	byRule := map[string]*Rule{}
	roles := map[outline.Role]*outline.RoleSpec{}
	for _, p := range l.order {
		s.extension[p.ID] = p.Extends
		for k, v := range p.Settings {
			s.settings[p.ID+"."+k] = v
			s.settingAt[p.ID+"."+k] = p.at.settings[k]
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
	ruleIDs := sortedMapKeys(byRule)
	// Pack overrides apply in load order, so a pack overrides what it extends;
	// the user's config comes last. Those of a pack with errors are only
	// checked.
	for _, p := range slices.Concat(l.order, l.partial) {
		for _, id := range sortedMapKeys(p.Overrides) {
			r, ok := byRule[id]
			switch {
			case !ok && !l.failed[packOfRule(id)]:
				l.failAt(p.at.overrides[id], "overrides 中的规则 %q 不存在%s", id, didYouMean(id, ruleIDs))
			case ok && !l.failed[p.ID]:
				r.Severity = p.Overrides[id]
			}
		}
	}
	cfg := l.cfg
	for _, id := range sortedMapKeys(cfg.Rules) {
		r, ok := byRule[id]
		switch {
		case ok:
			r.Severity = cfg.Rules[id]
		case l.failed[packOfRule(id)]:
		case l.byID[packOfRule(id)] == nil && l.known(packOfRule(id)):
			l.failAt(cfg.placeOf(cfg.at.rules, id), "规则 %q 所在的规则包 %s 未启用（加入 packs 才能调整其规则）", id, packOfRule(id))
		default:
			l.failAt(cfg.placeOf(cfg.at.rules, id), "配置中的规则 %q 不存在%s（用 fzlint rules 查看可用规则）", id, didYouMean(id, ruleIDs))
		}
	}
	settingKeys := sortedMapKeys(s.settings)
	for _, key := range sortedMapKeys(cfg.Settings) {
		pack, _, _ := strings.Cut(key, ".")
		switch _, ok := s.settings[key]; {
		case ok:
			s.settings[key] = cfg.Settings[key]
			s.settingAt[key] = cfg.placeOf(cfg.at.settingValues, key)
		case l.failed[pack]:
		default:
			l.failAt(cfg.placeOf(cfg.at.settings, key), "配置中的参数 %q 不存在%s（格式为 规则包.参数，如 fzzf.deadline）", key, didYouMean(key, settingKeys))
		}
	}
	return s
}

// packOfRule is the pack part of a rule id "pack/name".
func packOfRule(id string) string {
	pack, _, _ := strings.Cut(id, "/")
	return pack
}

// known tells whether pack id can be found, enabled or not.
func (l *loader) known(id string) bool {
	for _, k := range l.knownIDs() {
		if k == id {
			return true
		}
	}
	return false
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

// SettingError is an error about the value of setting key as a rule of pack
// reads it (Setting), placed where that value was given: the config's entry
// or the pack's.
func (s *Set) SettingError(pack, key, format string, args ...any) error {
	return &PosError{Pos: s.settingPos(pack, key), Msg: fmt.Sprintf(format, args...)}
}

func (s *Set) settingPos(pack, key string) Pos {
	if _, ok := s.settings[pack+"."+key]; ok {
		return s.settingAt[pack+"."+key]
	}
	for _, dep := range s.extension[pack] {
		if _, ok := s.Setting(dep, key); ok {
			return s.settingPos(dep, key)
		}
	}
	return Pos{}
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
