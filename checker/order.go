package checker

import (
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// orderSpec: the parts present must appear in the order of `roles`. A part that
// comes before a part listed ahead of it is reported at its heading or sentence.
// Placeholders: {name} the misplaced part, {after} the part it should follow.
type orderSpec struct {
	Roles []outline.Role `yaml:"roles"`
}

type orderCheck struct{ orderSpec }

func compileOrder(r *rules.Rule) (any, bool, error) {
	var s orderSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if len(s.Roles) < 2 {
		return nil, false, rules.SpecError(r, "order 规则的 roles 至少需要两个部分")
	}
	for _, role := range s.Roles {
		if err := checkRole(r, role); err != nil {
			return nil, false, err
		}
	}
	return &orderCheck{s}, false, nil
}

func (o *orderCheck) Run(c *Context) {
	var last *outline.Part
	for _, role := range o.Roles {
		p := c.Outline.Parts[role]
		if p == nil {
			continue
		}
		if last != nil && p.Cue.Start < last.Cue.Start {
			c.Report(p.Cue.Start, p.Cue.End, map[string]string{
				"name": c.roleName(p.Role), "after": c.roleName(last.Role)}, nil)
			continue
		}
		last = p
	}
}
