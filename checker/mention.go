package checker

import (
	"strings"

	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// mentionSpec: a part must say something: when the part is present and none of
// `patterns` (normalized) occurs in its content — the text after its heading, or
// from its inline sentence on — the part's heading or sentence is reported. An
// absent part is the section kind's business. With `only: true` the check
// turns round: the part is reported when it says nothing but `patterns`,
// every clause of its content (cut at sentence marks, commas and line ends)
// matching one of them — a problems part of set phrases (工作有待加强，与上级
// 要求仍有差距。). Placeholder: {name}.
type mentionSpec struct {
	Role     outline.Role   `yaml:"role"`
	Patterns []rules.Regexp `yaml:"patterns"`
	Only     bool           `yaml:"only"`
}

type mentionCheck struct{ mentionSpec }

func compileMention(r *rules.Rule) (any, bool, error) {
	var s mentionSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if err := checkRole(r, s.Role); err != nil {
		return nil, false, err
	}
	if len(s.Patterns) == 0 {
		return nil, false, rules.SpecError(r, "mention 规则需要 patterns")
	}
	return &mentionCheck{s}, false, nil
}

func (m *mentionCheck) Run(c *Context) {
	p := c.Outline.Parts[m.Role]
	if p == nil {
		return
	}
	text, _ := c.spanText(contentStart(p), p.End, false)
	if m.Only {
		if !m.saysOnlyPatterns(text) {
			return
		}
	} else if m.saysAny(text) {
		return
	}
	c.Report(p.Cue.Start, p.Cue.End, map[string]string{"name": c.roleName(m.Role)}, nil)
}

// contentStart is where a part's own content begins: after its heading, or at
// the sentence that gives it inline.
func contentStart(p *outline.Part) int {
	if p.Form == outline.FormHeading {
		return p.Cue.End
	}
	return p.Cue.Start
}

func (m *mentionCheck) saysAny(text string) bool {
	for _, re := range m.Patterns {
		if re.MatchString(text) {
			return true
		}
	}
	return false
}

// saysOnlyPatterns tells whether text has clauses and each of them matches
// one of the patterns.
func (m *mentionCheck) saysOnlyPatterns(text string) bool {
	clauses := 0
	for cl := range strings.FieldsFuncSeq(text, func(r rune) bool { return strings.ContainsRune("。;!?,、:\n", r) }) {
		if cl = strings.TrimSpace(cl); cl == "" {
			continue
		}
		if !m.saysAny(cl) {
			return false
		}
		clauses++
	}
	return clauses > 0
}
