package rules

import (
	"github.com/fzlint/fzlint/checker/match"
	"gopkg.in/yaml.v3"
)

// Rule is one rule of a pack, as loaded and compiled.
type Rule struct {
	ID          string   // "pack/name", as reported
	Pack        string   // the pack's id
	Name        string   // the rule's id inside its pack
	Kind        string   // the rule kind (section, pattern, ...)
	Severity    Severity // after the pack's and the user's overrides
	Message     string   // Chinese message; may hold {placeholders} the kind fills
	Source      string   // the article or standard the rule enforces
	Description string   // longer explanation for `fzlint explain`
	Fixable     bool     // the kind offers a fix for this rule
	Examples    Examples
	Pos         Pos // where the rule is defined

	// Spec is the rule's YAML mapping, for the kind compiler.
	Spec *yaml.Node `yaml:"-"`
	// Check is what the kind compiler built from Spec; the engine runs it.
	Check any `yaml:"-"`
	// Patterns are the regular expressions of Spec, gathered as it is
	// decoded: the engine looks for all their literals in one pass.
	Patterns []*match.Pattern `yaml:"-"`
}

// Examples are texts the rule must flag (Fail) and must leave alone (Pass).
type Examples struct {
	Fail []string `yaml:"fail"`
	Pass []string `yaml:"pass"`
}

// Pos is a place in a pack file.
type Pos struct {
	File   string
	Line   int
	Column int
}

// ExamplePos is where example i of the rule is in its pack file: among the
// failing examples if fail, else among the passing ones.
func (r *Rule) ExamplePos(fail bool, i int) Pos {
	key := "pass"
	if fail {
		key = "fail"
	}
	n := valueNode(valueNode(r.Spec, "examples"), key)
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return r.Pos
	}
	return Pos{File: r.Pos.File, Line: n.Content[i].Line, Column: n.Content[i].Column}
}
