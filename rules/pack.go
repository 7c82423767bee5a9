package rules

import (
	"bytes"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/fzlint/fzlint/checker/match"

	"github.com/fzlint/fzlint/checker/outline"
	"gopkg.in/yaml.v3"
)

// Pack is one parsed pack file.
type Pack struct {
	ID          string
	Title       string
	Source      string
	Description string
	Extends     []string
	Settings    map[string]string
	Roles       map[outline.Role]RoleDef
	Debris      []Regexp
	Overrides   map[string]Severity
	Rules       []*Rule
	File        string

	at packPlaces
}

// packPlaces are where the entries of a pack file are, for errors the loader
// finds once it has the packs the pack extends.
type packPlaces struct {
	id        Pos
	extends   []Pos
	overrides map[string]Pos
	settings  map[string]Pos // the value of each setting
}

// RoleDef is a pack's vocabulary for one role of the outline.
type RoleDef struct {
	Name     string   `yaml:"name"`
	Headings []Regexp `yaml:"headings"`
	Inline   []Regexp `yaml:"inline"`
}

// packFile is the YAML shape of a pack.
type packFile struct {
	Pack        string               `yaml:"pack"`
	Title       string               `yaml:"title"`
	Source      string               `yaml:"source"`
	Description string               `yaml:"description"`
	Extends     []string             `yaml:"extends"`
	Settings    map[string]string    `yaml:"settings"`
	Roles       map[string]yaml.Node `yaml:"roles"`
	Debris      []Regexp             `yaml:"debris"`
	Overrides   map[string]string    `yaml:"overrides"`
	Rules       []yaml.Node          `yaml:"rules"`
}

// ruleHead holds the fields every rule has; the rest belong to its kind.
type ruleHead struct {
	ID          string   `yaml:"id"`
	Kind        string   `yaml:"kind"`
	Severity    string   `yaml:"severity"`
	Message     string   `yaml:"message"`
	Source      string   `yaml:"source"`
	Description string   `yaml:"description"`
	Examples    Examples `yaml:"examples"`
}

var commonKeys = map[string]bool{"id": true, "kind": true, "severity": true, "message": true, "source": true, "description": true, "examples": true}

// validID tells whether id is a valid pack or rule id: a lowercase letter,
// then lowercase letters, digits and hyphens (`^[a-z][a-z0-9-]*$`, tested
// against that expression). A function, not a regexp: compiling one at
// package initialisation cost every run, --version included.
func validID(id string) bool {
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for i := 1; i < len(id); i++ {
		if c := id[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// Compiler builds the check of one rule kind from a rule's Spec. It returns the
// compiled check and whether the rule offers fixes. Spec fields are decoded
// with DecodeSpec.
type Compiler func(r *Rule) (check any, fixable bool, err error)

// DecodeSpec decodes the kind-specific fields of r into v (a pointer to a struct
// with yaml tags), refusing unknown keys with their position.
func DecodeSpec(r *Rule, v any) error {
	if err := decodeStrict(r.Pos.File, r.Spec, v, commonKeys); err != nil {
		return err
	}
	r.Patterns = append(r.Patterns, patternsIn(reflect.ValueOf(v), nil)...)
	return nil
}

// DecodeNode decodes n into v as n.Decode does, with the errors n.Decode
// gives, for a kind's yaml.Unmarshaler: what is plain (see decodeSpecFast)
// is decoded without a yaml.v3 decoder, which costs more than the little
// it decodes.
func DecodeNode(n *yaml.Node, v any) error {
	if decodeFast(n, v) {
		return nil
	}
	return n.Decode(v)
}

// patternsIn appends to out every pattern held in v's Regexp values.
func patternsIn(v reflect.Value, out []*match.Pattern) []*match.Pattern {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = patternsIn(v.Elem(), out)
		}
	case reflect.Struct:
		if re, ok := v.Interface().(Regexp); ok {
			if re.Pattern != nil {
				out = append(out, re.Pattern)
			}
			return out
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out = patternsIn(v.Field(i), out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			out = patternsIn(v.Index(i), out)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			out = patternsIn(it.Value(), out)
		}
	}
	return out
}

// SpecError is an error about a rule's kind-specific fields, located at the rule.
func SpecError(r *Rule, format string, args ...any) error {
	return errAt(r.Pos.File, r.Spec, format, args...)
}

// ParsePack parses and validates one pack file. Kind compilers are run on every
// rule, so a pack that returns without error is fully usable.
func ParsePack(file string, data []byte, kinds map[string]Compiler) (*Pack, error) {
	p, err := parsePack(file, data, kinds)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// parsePack is ParsePack, but a pack with errors in its rules is returned
// too, as far as it was read, so that the loader can go on to the packs it
// extends and report their errors in the same run.
func parsePack(file string, data []byte, kinds map[string]Compiler) (*Pack, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		return nil, yamlSyntaxError(file, err)
	}
	return packOf(file, &root, kinds)
}

// packOf validates the parsed pack file root and compiles its rules. Every
// error is reported, as Problems: the unknown keys, and each bad rule; the
// pack is returned with them when its top level could be read.
func packOf(file string, root *yaml.Node, kinds map[string]Compiler) (*Pack, error) {
	if len(root.Content) == 0 {
		return nil, errAt(file, root, "规则包为空")
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, errAt(file, top, "规则包应为映射（键: 值）")
	}
	// Top-level keys starting with "x-" hold YAML anchors shared by examples.
	extensions := map[string]bool{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		if k := top.Content[i].Value; strings.HasPrefix(k, "x-") {
			extensions[k] = true
		}
	}
	var pf packFile
	problems := checkKeys(file, top, yamlKeys(reflect.TypeOf(pf)), extensions)
	if !decodeFast(top, &pf) {
		if err := top.Decode(&pf); err != nil {
			problems.add(file, wrapDecodeError(file, top, err))
			return nil, problems
		}
	}
	if !validID(pf.Pack) {
		problems = append(problems, errAt(file, orNode(valueNode(top, "pack"), top), "规则包 id %q 无效（小写字母、数字和连字符）", pf.Pack))
	}
	p := &Pack{ID: pf.Pack, Title: pf.Title, Source: pf.Source, Description: pf.Description,
		Extends: pf.Extends, Settings: pf.Settings, Debris: pf.Debris, File: file,
		Roles: map[outline.Role]RoleDef{}, Overrides: map[string]Severity{},
		at: packPlaces{id: posOf(file, orNode(valueNode(top, "pack"), top)), overrides: map[string]Pos{}}}
	if set := valueNode(top, "settings"); set != nil && set.Kind == yaml.MappingNode {
		p.at.settings = map[string]Pos{}
		for i := 0; i+1 < len(set.Content); i += 2 {
			p.at.settings[set.Content[i].Value] = posOf(file, set.Content[i+1])
		}
	}
	if ext := valueNode(top, "extends"); ext != nil {
		for _, n := range ext.Content {
			p.at.extends = append(p.at.extends, posOf(file, n))
		}
	}
	problems = append(problems, p.parseRoles(file, top, pf.Roles)...)
	ovNode := valueNode(top, "overrides")
	for _, id := range sortedMapKeys(pf.Overrides) {
		p.at.overrides[id] = posOf(file, keyNode(ovNode, id))
		sev, err := ParseSeverity(pf.Overrides[id])
		if err != nil {
			problems = append(problems, errAt(file, keyNode(ovNode, id), "%v", err))
			continue
		}
		p.Overrides[id] = sev
	}
	seen := map[string]bool{}
	for i := range pf.Rules {
		n := &pf.Rules[i]
		r, err := parseRule(file, p.ID, n, kinds)
		if err != nil {
			problems.add(file, err)
			continue
		}
		if seen[r.Name] {
			problems = append(problems, errAt(file, valueNode(n, "id"), "规则 id %q 重复", r.Name))
			continue
		}
		seen[r.Name] = true
		p.Rules = append(p.Rules, r)
	}
	return p, problems.err()
}

func posOf(file string, n *yaml.Node) Pos {
	return Pos{File: file, Line: n.Line, Column: n.Column}
}

func (p *Pack) parseRoles(file string, top *yaml.Node, roles map[string]yaml.Node) Problems {
	var problems Problems
	rolesNode := valueNode(top, "roles")
	names := make([]string, len(outline.Roles))
	for i, r := range outline.Roles {
		names[i] = string(r)
	}
	for _, name := range sortedMapKeys(roles) {
		n := roles[name]
		if !knownRole(outline.Role(name)) {
			problems = append(problems, errAt(file, keyNode(rolesNode, name), "未知的部分 %q%s（可用：%s）", name, didYouMean(name, names), strings.Join(names, "、")))
			continue
		}
		var def RoleDef
		if err := decodeStrict(file, &n, &def, nil); err != nil {
			problems.add(file, err)
			continue
		}
		p.Roles[outline.Role(name)] = def
	}
	return problems
}

// parseRule checks the fields every rule has, reporting each that is wrong,
// then has the rule's kind compile it.
func parseRule(file, pack string, n *yaml.Node, kinds map[string]Compiler) (*Rule, error) {
	if n.Kind != yaml.MappingNode {
		return nil, errAt(file, n, "规则应为映射")
	}
	h, ok := decodeHead(n)
	if !ok {
		if err := n.Decode(&h); err != nil {
			return nil, wrapDecodeError(file, n, err)
		}
	}
	var problems Problems
	if !validID(h.ID) {
		problems = append(problems, errAt(file, orNode(valueNode(n, "id"), n), "规则 id %q 无效（小写字母、数字和连字符）", h.ID))
	}
	if h.Message == "" {
		problems = append(problems, errAt(file, n, "规则 %s 缺少 message", h.ID))
	}
	if h.Source == "" {
		problems = append(problems, errAt(file, n, "规则 %s 缺少 source（所依据的条款或标准）", h.ID))
	}
	if len(h.Examples.Fail) == 0 || len(h.Examples.Pass) == 0 {
		problems = append(problems, errAt(file, n, "规则 %s 应至少各有一个 examples.fail 和 examples.pass 示例", h.ID))
	}
	sev, err := ParseSeverity(h.Severity)
	if err != nil {
		problems = append(problems, errAt(file, orNode(valueNode(n, "severity"), n), "%v", err))
	}
	compile, ok := kinds[h.Kind]
	if !ok {
		names := sortedMapKeys(kinds)
		problems = append(problems, errAt(file, orNode(valueNode(n, "kind"), n), "未知的规则类型 %q%s（可用：%s）", h.Kind, didYouMean(h.Kind, names), strings.Join(names, "、")))
	}
	if len(problems) > 0 {
		return nil, problems
	}
	r := &Rule{ID: pack + "/" + h.ID, Pack: pack, Name: h.ID, Kind: h.Kind, Severity: sev,
		Message: h.Message, Source: h.Source, Description: unfold(h.Description), Examples: h.Examples,
		Pos: Pos{File: file, Line: n.Line, Column: n.Column}, Spec: n}
	check, fixable, err := compile(r)
	if err != nil {
		return nil, err
	}
	r.Check, r.Fixable = check, fixable
	return r, nil
}

func knownRole(r outline.Role) bool {
	for _, k := range outline.Roles {
		if k == r {
			return true
		}
	}
	return false
}

// valueNode returns the value node for key in mapping n, or nil.
func valueNode(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// keyNode returns the key node for key in mapping n, or n itself.
func keyNode(n *yaml.Node, key string) *yaml.Node {
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i]
			}
		}
	}
	return n
}

func orNode(a, b *yaml.Node) *yaml.Node {
	if a != nil {
		return a
	}
	return b
}

func sortedMapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortStrings(s []string) { sort.Strings(s) }

// yamlLine is compiled at the first YAML syntax error, not at every start.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// yamlSyntaxError turns yaml.v3's "yaml: line N: msg" into file:N:1: msg.
func yamlSyntaxError(file string, err error) error {
	if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
		line := 0
		for _, c := range m[1] {
			line = line*10 + int(c-'0')
		}
		return &PosError{Pos: Pos{File: file, Line: line, Column: 1}, Msg: "YAML 语法错误：" + m[2]}
	}
	return &PosError{Pos: Pos{File: file, Line: 1, Column: 1}, Msg: "YAML 语法错误：" + err.Error()}
}
