package checker

import (
	"strings"

	"github.com/fzlint/fzlint/checker/match"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// elementSpec checks one element of the outline (the title, the signature):
//   - check: present — the element is missing (reported at the first line of the
//     body, or for a signature at the date or the last line of the body);
//   - check: match — the element does not match any of `patterns` (normalized);
//   - check: not-match — each match of `patterns` in the element is reported, with
//     an optional fix (a group named "at" narrows the reported span).
type elementSpec struct {
	Check    string         `yaml:"check"`
	Patterns []rules.Regexp `yaml:"patterns"`
	Match    string         `yaml:"match"`
	Fix      *fixSpec       `yaml:"fix"`
}

type elementCheck struct {
	elementSpec
	element func(*outline.Outline) *outline.Span
	missing func(*Analysis) (int, int)
}

func compileTitle(r *rules.Rule) (any, bool, error) {
	return compileElement(r, func(o *outline.Outline) *outline.Span { return o.Title },
		func(a *Analysis) (int, int) { return a.anchor() })
}

func compileSignature(r *rules.Rule) (any, bool, error) {
	return compileElement(r, func(o *outline.Outline) *outline.Span { return o.Signature },
		func(a *Analysis) (int, int) { return a.endAnchor() })
}

func compileElement(r *rules.Rule, element func(*outline.Outline) *outline.Span, missing func(*Analysis) (int, int)) (any, bool, error) {
	var s elementSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	switch s.Check {
	case "present":
		if len(s.Patterns) > 0 || s.Fix != nil {
			return nil, false, rules.SpecError(r, "check: present 不用 patterns 或 fix")
		}
	case "match", "not-match":
		if len(s.Patterns) == 0 {
			return nil, false, rules.SpecError(r, "check: %s 需要 patterns", s.Check)
		}
		scope := "all"
		if err := checkTextOptions(r, s.Match, &scope, "", s.Fix); err != nil {
			return nil, false, err
		}
		if s.Check == "match" && s.Fix != nil {
			return nil, false, rules.SpecError(r, "check: match 不能有 fix")
		}
	default:
		return nil, false, rules.SpecError(r, "check 应为 present、match 或 not-match")
	}
	return &elementCheck{elementSpec: s, element: element, missing: missing}, s.Fix != nil, nil
}

func (e *elementCheck) Run(c *Context) {
	el := e.element(c.Outline)
	if e.Check == "present" {
		if el == nil {
			if start, end := e.missing(c.Analysis); start < end {
				c.Report(start, end, nil, nil)
			}
		}
		return
	}
	if el == nil {
		return
	}
	raw := e.Match == "raw"
	text, base := c.spanText(el.Start, el.End, raw)
	found := c.lent.matches // the pattern rules' memory, lent to this one in turn
	defer func() { c.lent.matches = found[:0] }()
	if e.Check == "match" {
		// A title broken over two lines is matched as one line.
		joined := strings.ReplaceAll(text, "\n", "")
		if found = findAll(e.Patterns, c.scanLent(joined), found); len(found) == 0 {
			c.Report(el.Start, el.End, nil, nil)
		}
		return
	}
	found = findAll(e.Patterns, c.scanLent(text), found)
	for _, m := range found {
		start, end := c.toDoc(base+m.start, base+m.end, raw)
		c.Report(start, end, nil, c.textFix(e.Fix, el.Line, start, end))
	}
}

// spanText returns the text of [start, end) of Doc.Text as a rule sees it, and
// the offset of its start in that text (Doc.Text or View.Text).
func (a *Analysis) spanText(start, end int, raw bool) (string, int) {
	if raw {
		return a.Doc.Text[start:end], start
	}
	vs, ve := a.View.At(start), a.View.At(end)
	return a.View.Text[vs:ve], vs
}

// endAnchor is where a missing element at the end of a report is reported: the
// date when there is one, else the last non-blank line of the body.
func (a *Analysis) endAnchor() (int, int) {
	if d := a.Outline.Date; d != nil {
		return d.Start, d.End
	}
	for i := len(a.Doc.Lines) - 1; i >= 0; i-- {
		l := a.Doc.Lines[i]
		if l.Skip || l.Start >= a.Outline.BodyEnd {
			continue
		}
		if s, e := trimSpan(a.Doc.Text, l.Start, l.End); s < e {
			return s, e
		}
	}
	return 0, 0
}

// scanLent returns text with the literals of the engine's patterns found in
// it, scanned into the memory of the last such scan: nothing keeps one
// once its matches are found.
func (c *Context) scanLent(text string) *match.Text {
	c.lent.scan = c.dict.ScanReusing(text, c.lent.scan)
	return c.lent.scan
}
