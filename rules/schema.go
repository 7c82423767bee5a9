package rules

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/fzlint/fzlint/checker/match"
	"gopkg.in/yaml.v3"
)

// PosError is an error at a place in a pack or config file.
type PosError struct {
	Pos
	Msg string
}

func (e *PosError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// Problems are every error found in a config and its packs, in the order
// found: a run reports them all at once, so that a user fixes them in one go.
type Problems []*PosError

func (p Problems) Error() string {
	lines := make([]string, len(p))
	for i, e := range p {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// add appends err, flattening Problems; an error without a place is placed
// at the start of file.
func (p *Problems) add(file string, err error) {
	var list Problems
	var pe *PosError
	switch {
	case err == nil:
	case errors.As(err, &list):
		*p = append(*p, list...)
	case errors.As(err, &pe):
		*p = append(*p, pe)
	default:
		*p = append(*p, &PosError{Pos: Pos{File: file}, Msg: err.Error()})
	}
}

// err returns p as an error, nil when it is empty.
func (p Problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

func errAt(file string, n *yaml.Node, format string, args ...any) *PosError {
	p := Pos{File: file}
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	return &PosError{Pos: p, Msg: fmt.Sprintf(format, args...)}
}

// Regexp is a pattern from a pack, compiled when the pack loads. Patterns that
// rely on ASCII word boundaries are refused: \b never matches inside Chinese
// text, so such a rule could never fire there.
type Regexp struct {
	*match.Pattern
	Line, Column int
}

// UnmarshalYAML compiles the pattern.
func (r *Regexp) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &PosError{Pos: Pos{Line: n.Line, Column: n.Column}, Msg: "正则表达式应为字符串"}
	}
	if strings.Contains(strings.ReplaceAll(n.Value, `\\`, ""), `\b`) || strings.Contains(strings.ReplaceAll(n.Value, `\\`, ""), `\B`) {
		return &PosError{Pos: Pos{Line: n.Line, Column: n.Column}, Msg: `正则表达式不得使用 \b 或 \B：ASCII 词边界在中文文本中永不匹配`}
	}
	p, err := compileCached(n.Value)
	if err != nil {
		return &PosError{Pos: Pos{Line: n.Line, Column: n.Column}, Msg: fmt.Sprintf("无效的正则表达式 %q：%v", n.Value, err)}
	}
	if p.MatchesEmpty() {
		return &PosError{Pos: Pos{Line: n.Line, Column: n.Column}, Msg: fmt.Sprintf("正则表达式 %q 能匹配空字符串", n.Value)}
	}
	r.Pattern, r.Line, r.Column = p, n.Line, n.Column
	return nil
}

// decodeStrict decodes mapping node n into v (a pointer to a struct with yaml
// tags), refusing keys v does not have, except those in skip. Every unknown
// or repeated key is reported, with the closest known one.
func decodeStrict(file string, n *yaml.Node, v any, skip map[string]bool) error {
	if n.Kind != yaml.MappingNode {
		return errAt(file, n, "应为映射（键: 值）")
	}
	problems := checkKeys(file, n, yamlKeys(reflect.TypeOf(v).Elem()), skip)
	if !decodeFast(n, v) {
		if err := n.Decode(v); err != nil {
			problems.add(file, wrapDecodeError(file, n, err))
		}
	}
	return problems.err()
}

// decodeFast is decodeSpecFast; tests turn it off to compare what the packs
// load to with yaml.v3 decoding alone.
var decodeFast = decodeSpecFast

// checkKeys reports the keys of mapping n that are repeated or not known.
func checkKeys(file string, n *yaml.Node, known, skip map[string]bool) Problems {
	var problems Problems
	var seen map[string]bool // the keys so far, in a large mapping
	if len(n.Content)/2 > smallMapping {
		seen = make(map[string]bool, len(n.Content)/2)
	}
	var names []string // the known keys, sorted when a key is unknown
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		switch {
		case seen != nil && seen[k.Value] || seen == nil && keyBefore(n, i):
			problems = append(problems, errAt(file, k, "重复的键 %q", k.Value))
		case !known[k.Value] && !skip[k.Value]:
			if names == nil {
				names = sortedKeys(known)
			}
			problems = append(problems, errAt(file, k, "未知的键 %q%s（可用：%s）", k.Value, didYouMean(k.Value, names), strings.Join(names, "、")))
		}
		if seen != nil {
			seen[k.Value] = true
		}
	}
	return problems
}

// smallMapping is the most keys checkKeys compares with each other rather
// than look up in a map it makes: a rule has about ten, and a map per
// mapping was 1% of loading the packs.
const smallMapping = 32

// keyBefore tells whether the key at i of mapping n is given before it too.
func keyBefore(n *yaml.Node, i int) bool {
	for j := 0; j < i; j += 2 {
		if n.Content[j].Value == n.Content[i].Value {
			return true
		}
	}
	return false
}

// wrapDecodeError gives a yaml decode error its file and position.
func wrapDecodeError(file string, n *yaml.Node, err error) error {
	var pe *PosError
	if errors.As(err, &pe) {
		pe.File = file
		return pe
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return errAt(file, n, "%s", strings.Join(te.Errors, "；"))
	}
	return errAt(file, n, "%v", err)
}

// typeKeys holds yamlKeys of each struct type decoded so far: a pack's rules
// decode into the same few types, and packs are parsed concurrently.
var typeKeys sync.Map // reflect.Type → map[string]bool, never written to

// yamlKeys returns the keys a mapping decoded into struct type t may have.
// The map is shared: not to be written to.
func yamlKeys(t reflect.Type) map[string]bool {
	if keys, ok := typeKeys.Load(t); ok {
		return keys.(map[string]bool)
	}
	keys := structKeys(t)
	typeKeys.Store(t, keys)
	return keys
}

// structKeys lists the yaml keys of the fields of struct type t.
func structKeys(t reflect.Type) map[string]bool {
	keys := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")
		switch {
		case tag[0] == "-":
		case len(tag) > 1 && tag[1] == "inline":
			for k := range yamlKeys(f.Type) {
				keys[k] = true
			}
		case tag[0] != "":
			keys[tag[0]] = true
		default:
			keys[strings.ToLower(f.Name)] = true
		}
	}
	return keys
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}
