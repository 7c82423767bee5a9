package checker

import (
	"strconv"

	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// yearSpec: a year named in a part's heading (or the sentence that gives the
// part inline) must be the reporting year plus `offset` (plans: 1, measures: 0).
// A part that names no year is not reported. Placeholders: {found}, {want}.
type yearSpec struct {
	Role   outline.Role `yaml:"role"`
	Offset int          `yaml:"offset"`
}

type yearCheck struct{ yearSpec }

func compileYear(r *rules.Rule) (any, bool, error) {
	var s yearSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if err := checkRole(r, s.Role); err != nil {
		return nil, false, err
	}
	return &yearCheck{s}, false, nil
}

func (y *yearCheck) Run(c *Context) {
	p := c.Outline.Parts[y.Role]
	if p == nil || c.Outline.Year == 0 {
		return
	}
	want := c.Outline.Year + y.Offset
	text, base := c.spanText(p.Cue.Start, p.Cue.End, false)
	found, ok := outline.FirstYear(text)
	if !ok || found.Year == want {
		return
	}
	start, end := c.ViewSpan(base+found.Start, base+found.End)
	c.Report(start, end, map[string]string{"found": strconv.Itoa(found.Year), "want": strconv.Itoa(want)}, nil)
}
