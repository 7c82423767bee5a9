package checker

import (
	"strings"

	"github.com/fzlint/fzlint/checker/outline"

	"github.com/fzlint/fzlint/rules"
)

// issuerSpec: the organ a report speaks for must be the organ that issues it.
// `self` matches a self-reference with a group named "unit" (我厅, 我局); the
// issuer is the signature, else the title's organ (its text before 关于 or the
// year). A self-reference whose unit has an entry in `agree` and whose issuer
// ends with none of the listed endings is reported, once per unit.
// Geographic self-references (我市, 我区) are left out of `agree`: a
// department of a city rightly writes 我市. Placeholders: {unit}, {issuer}.
type issuerSpec struct {
	Self  rules.Regexp        `yaml:"self"`
	Agree map[string][]string `yaml:"agree"`
}

type issuerCheck struct{ issuerSpec }

func compileIssuer(r *rules.Rule) (any, bool, error) {
	var s issuerSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if s.Self.Pattern == nil || s.Self.SubexpIndex("unit") < 0 {
		return nil, false, rules.SpecError(r, "issuer 规则需要含命名分组 unit 的 self 正则")
	}
	if len(s.Agree) == 0 {
		return nil, false, rules.SpecError(r, "issuer 规则需要 agree")
	}
	return &issuerCheck{s}, false, nil
}

func (k *issuerCheck) Run(c *Context) {
	// The body's lines are pieces of the document's scan, as in consistency.
	if !k.Self.MayMatchIn(c.documentScan(false)) {
		return
	}
	issuers := strings.Fields(withoutNotes(c.issuer()))
	if len(issuers) == 0 {
		return
	}
	unit := k.Self.SubexpIndex("unit")
	seen := map[string]bool{}
	for _, n := range c.scopeLines("body") {
		scanned, base := c.lineScan(n, false)
		text := scanned.String()
		for m := range k.Self.AllIn(scanned) {
			u := text[m[2*unit]:m[2*unit+1]]
			endings, checked := k.Agree[u]
			if !checked || seen[u] || anyEndsWithAny(issuers, endings) {
				continue
			}
			seen[u] = true
			start, end := c.ViewSpan(base+m[0], base+m[1])
			c.Report(start, end, map[string]string{"unit": u, "issuer": strings.Join(issuers, "、")}, nil)
		}
	}
}

// issuer is the organ that issues the report, in the normalized view: the
// signature, else the title's text before 关于 or the reporting year. A joint
// report's organs are apart, by spaces or on lines of their own.
func (a *Analysis) issuer() string {
	if s := a.Outline.Signature; s != nil {
		text, _ := a.spanText(s.Start, s.End, false)
		return strings.TrimSpace(text)
	}
	return a.titleIssuer()
}

// titleIssuer is the title's text before 关于 or the reporting year, in the
// normalized view: the organ or organs the title names, or "".
func (a *Analysis) titleIssuer() string {
	t := a.Outline.Title
	if t == nil {
		return ""
	}
	text, _ := a.spanText(t.Start, t.End, false)
	if i := strings.Index(text, "关于"); i > 0 {
		return strings.TrimSpace(text[:i])
	}
	if y, ok := outline.FirstYear(text); ok && y.Start > 0 {
		return strings.TrimSpace(text[:y.Start])
	}
	return ""
}

// withoutNotes drops the bracketed notes of a signature: 某某县司法局（盖章）.
func withoutNotes(s string) string {
	for {
		open := strings.Index(s, "(")
		if open < 0 {
			return s
		}
		shut := strings.Index(s[open:], ")")
		if shut < 0 {
			return s
		}
		s = s[:open] + " " + s[open+shut+1:]
	}
}

// anyEndsWithAny tells whether one of names ends with one of endings.
func anyEndsWithAny(names, endings []string) bool {
	for _, s := range names {
		for _, e := range endings {
			if strings.HasSuffix(s, e) {
				return true
			}
		}
	}
	return false
}
