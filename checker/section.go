package checker

import (
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// sectionSpec: a part of the report must be present. `when: missing` reports a
// report without the part (at the title, else the first line of the body);
// `when: inline` reports a part given only in a sentence of body text, at that
// sentence. Message placeholder {name}: the part's name in the regulation.
type sectionSpec struct {
	Role outline.Role `yaml:"role"`
	When string       `yaml:"when"`
}

type sectionCheck struct{ sectionSpec }

func compileSection(r *rules.Rule) (any, bool, error) {
	var s sectionSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if err := checkRole(r, s.Role); err != nil {
		return nil, false, err
	}
	if s.When != "missing" && s.When != "inline" {
		return nil, false, rules.SpecError(r, "when 应为 missing 或 inline")
	}
	return &sectionCheck{s}, false, nil
}

func (s *sectionCheck) Run(c *Context) {
	p := c.Outline.Parts[s.Role]
	vars := map[string]string{"name": c.roleName(s.Role)}
	switch {
	case p == nil && s.When == "missing":
		if start, end := c.anchor(); start < end {
			c.Report(start, end, vars, nil)
		}
	case p != nil && p.Form == outline.FormInline && s.When == "inline":
		c.Report(p.Cue.Start, p.Cue.End, vars, nil)
	}
}

func checkRole(r *rules.Rule, role outline.Role) error {
	for _, k := range outline.Roles {
		if k == role {
			return nil
		}
	}
	return rules.SpecError(r, "未知的部分 %q（可用：measures、problems、duty、plans、other）", role)
}

// roleName is the regulation's name for a role, from the outline vocabulary.
func (c *Context) roleName(role outline.Role) string {
	for _, spec := range c.set.Outline.Roles {
		if spec.Role == role && spec.Name != "" {
			return spec.Name
		}
	}
	return string(role)
}
