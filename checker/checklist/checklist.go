// Package checklist turns a checked report into what a reviewer at the 司法局
// ticks: one item per element the active packs require (each part of the
// report, the title, the 发文机关署名, the 成文日期, the submission and
// publication deadlines), each present, weak or missing, with where it is and
// the article it comes from.
//
// Items come from the rules, not from a fixed list: a rule that reports an
// element missing (a section rule with `when: missing`, a title, signature or
// date rule with `check: present`, a date rule checking a deadline) makes an
// item, and every other rule about the same element (an inline-only part, a
// problems part without causes, a vague plan, a title in the wrong form) makes
// the item weak when it reports. A user's pack that adds such rules adds its
// items and its reasons.
package checklist

import (
	"slices"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
	"gopkg.in/yaml.v3"
)

// Status is how an item stands in one report.
type Status string

// The statuses of an item.
const (
	Present Status = "present" // ✓
	Weak    Status = "weak"    // △ present, but a rule about it reports
	Missing Status = "missing" // ✗ the rule that requires it reports it missing
	Unknown Status = "unknown" // ？ cannot be told from the document (a deadline without a date)
)

// Mark is the sign a reviewer writes for s.
func (s Status) Mark() string {
	switch s {
	case Present:
		return "✓"
	case Weak:
		return "△"
	case Missing:
		return "✗"
	case Unknown:
		return "？"
	}
	return ""
}

// Chinese is the word for s.
func (s Status) Chinese() string {
	switch s {
	case Present:
		return "具备"
	case Weak:
		return "不充分"
	case Missing:
		return "缺少"
	case Unknown:
		return "无法判断"
	}
	return ""
}

// Where is the place an item was found.
type Where struct {
	Line int    `json:"line"` // as in findings: the source line for HTML, the paragraph for .docx
	Text string `json:"text"`
	// Form is "heading" or "inline" for a part of the report, "" otherwise.
	Form string `json:"form,omitempty"`
}

// Note is a finding that makes an item weak or missing.
type Note struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Line     int    `json:"line"`
}

// Item is one element the packs require.
type Item struct {
	ID     string `json:"id"` // "part/measures", "title", "signature", "date", "deadline", "published"
	Name   string `json:"name"`
	Status Status `json:"status"`
	Where  *Where `json:"where"`
	// Reason says why an item is unknown, or the deadline a deadline item applies.
	Reason string `json:"reason,omitempty"`
	Notes  []Note `json:"notes"`
	// Rules are the rules that require the item; Source is the first one's source.
	Rules  []string `json:"rules"`
	Source string   `json:"source"`
}

// List is the checklist of one report.
type List struct {
	Items []Item `json:"items"`
}

// group is one item and the rules about it: those that require it and those
// that judge its form.
type group struct {
	item     Item
	required map[string]bool // rule ids whose finding means missing
	judging  map[string]bool // rule ids whose finding means weak
}

// Template is the items a rule set makes, before any report: made once per
// set (New) and filled in for each report the set checks (Build).
type Template struct {
	groups []*group // the items some rule requires, in the regulation's order
	// about holds, for each rule about an item, which items (indexes in
	// groups) it is about and whether it requires them: a report's findings
	// are read once, not once per item.
	about map[string][]ruleRole
}

// ruleRole is what a rule's finding says about one item.
type ruleRole struct {
	group    int
	requires bool // missing, not weak
}

// New sorts the active rules of set into items.
func New(set *rules.Set) *Template {
	t := &Template{about: map[string][]ruleRole{}}
	for _, g := range groupsOf(set) {
		if len(g.required) == 0 {
			continue
		}
		// Every list shares the item's rules: an append copies them.
		g.item.Rules = slices.Clip(g.item.Rules)
		for id := range g.required {
			t.about[id] = append(t.about[id], ruleRole{len(t.groups), true})
		}
		for id := range g.judging {
			if !g.required[id] {
				t.about[id] = append(t.about[id], ruleRole{len(t.groups), false})
			}
		}
		t.groups = append(t.groups, g)
	}
	return t
}

// Build makes the checklist of a report from the rules of set, the outline
// the engine built and the findings of the run. A caller with many reports
// checked by one set makes its Template once.
func Build(set *rules.Set, a *checker.Analysis, findings []checker.Finding) *List {
	return New(set).Build(a, findings)
}

// Build makes the checklist of a report from the outline the engine built
// and the findings of the run.
func (t *Template) Build(a *checker.Analysis, findings []checker.Finding) *List {
	var out List
	if len(t.groups) == 0 {
		return &out
	}
	out.Items = make([]Item, len(t.groups))
	missing := make([]bool, len(t.groups))
	for i, g := range t.groups {
		out.Items[i] = g.item
		out.Items[i].Notes = []Note{}
	}
	for _, f := range findings {
		for _, about := range t.about[f.Rule] {
			it := &out.Items[about.group]
			missing[about.group] = missing[about.group] || about.requires
			it.Notes = append(it.Notes, Note{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Line: f.Range.Start.Line})
		}
	}
	for i := range out.Items {
		judge(&out.Items[i], a, missing[i])
	}
	return &out
}

// judge sets where an item is and its status, from its notes and whether a
// rule that requires it reported it missing.
func judge(it *Item, a *checker.Analysis, missing bool) {
	o := a.Outline
	it.Where = where(a, it.ID)
	switch {
	case missing:
		it.Status = Missing
	case it.ID == "deadline" && o.Date == nil:
		it.Status, it.Reason = Unknown, "没有成文日期"
	case it.ID == "published" && o.Published == nil:
		it.Status, it.Reason = Unknown, "没有发布时间，网页才有"
	case len(it.Notes) > 0:
		it.Status = Weak
	case it.Where == nil:
		// Not in the outline, yet its rule did not report it (no line
		// to report at): never claim it present.
		it.Status, it.Reason = Unknown, "未识别"
	default:
		it.Status = Present
	}
}

// groupsOf sorts the active rules of set into items, in the regulation's
// order: the parts, then title, signature, date and the deadlines.
func groupsOf(set *rules.Set) []*group {
	var order []*group
	byID := map[string]*group{}
	add := func(id, name string) {
		g := &group{item: Item{ID: id, Name: name, Rules: []string{}}, required: map[string]bool{}, judging: map[string]bool{}}
		byID[id] = g
		order = append(order, g)
	}
	for _, role := range outline.Roles {
		add("part/"+string(role), roleName(set, role))
	}
	add("title", "标题")
	add("signature", "发文机关署名")
	add("date", "成文日期")
	add("deadline", "报送时限")
	add("published", "公开时限")
	for _, r := range set.Active() {
		id, requires := itemOf(r)
		if id == "" {
			continue
		}
		g := byID[id]
		if g == nil {
			continue // a role the outline does not know cannot load
		}
		if requires {
			g.required[r.ID] = true
			g.item.Rules = append(g.item.Rules, r.ID)
			if g.item.Source == "" {
				g.item.Source = r.Source
			}
			if id == "deadline" || id == "published" {
				g.item.Reason = deadlineReason(set, r, id)
			}
		} else {
			g.judging[r.ID] = true
		}
	}
	return order
}

// itemOf tells which item a rule is about and whether it is one of the rules
// that require the item (as opposed to judging its form).
func itemOf(r *rules.Rule) (id string, requires bool) {
	check := specValue(r.Spec, "check")
	switch r.Kind {
	case "section":
		return "part/" + specValue(r.Spec, "role"), specValue(r.Spec, "when") == "missing"
	case "mention", "year", "metric":
		if role := specValue(r.Spec, "role"); isRole(role) {
			return "part/" + role, false
		}
	case "title", "signature":
		return r.Kind, check == "present"
	case "date":
		switch check {
		case "deadline":
			return "deadline", true
		case "published-early", "published-late":
			return "published", true
		}
		return "date", check == "present"
	}
	return "", false
}

func isRole(s string) bool {
	for _, r := range outline.Roles {
		if string(r) == s {
			return true
		}
	}
	return false
}

// deadlineReason names the deadline a deadline rule applies, from its setting.
func deadlineReason(set *rules.Set, r *rules.Rule, id string) string {
	setting := specValue(r.Spec, "setting")
	if setting == "" {
		if id == "published" {
			return "发布时间在报告年度的次年4月1日之前、成文日期之后"
		}
		setting = "deadline"
	}
	v, ok := set.Setting(r.Pack, setting)
	if !ok {
		return ""
	}
	m, d, ok := strings.Cut(v, "-")
	if !ok {
		return ""
	}
	return "报告年度的次年" + strings.TrimLeft(m, "0") + "月" + strings.TrimLeft(d, "0") + "日之前，设置 " + r.Pack + "." + setting
}

// where finds an item in the outline.
func where(a *checker.Analysis, id string) *Where {
	o, d := a.Outline, a.Doc
	span := func(s *outline.Span, form string) *Where {
		if s == nil {
			return nil
		}
		return &Where{Line: d.Pos(s.Start).Line, Text: shorten(strings.TrimSpace(d.Text[s.Start:s.End])), Form: form}
	}
	switch id {
	case "title":
		return span(o.Title, "")
	case "signature":
		return span(o.Signature, "")
	case "date", "deadline":
		if o.Date != nil {
			return span(&o.Date.Span, "")
		}
	case "published":
		if o.Published != nil {
			return span(&o.Published.Span, "")
		}
	default:
		if p := o.Parts[outline.Role(strings.TrimPrefix(id, "part/"))]; p != nil {
			return span(&p.Cue, string(p.Form))
		}
	}
	return nil
}

// shorten keeps a long cue (an inline sentence) readable in a table.
func shorten(s string) string {
	const most = 40
	r := []rune(s)
	if len(r) <= most {
		return s
	}
	return string(r[:most]) + "…"
}

func roleName(set *rules.Set, role outline.Role) string {
	for _, spec := range set.Outline.Roles {
		if spec.Role == role && spec.Name != "" {
			return spec.Name
		}
	}
	return string(role)
}

// specValue is the scalar value of key in a rule's YAML mapping, "" if none.
// (rules.DecodeSpec would add the rule's patterns a second time.)
func specValue(spec *yaml.Node, key string) string {
	if spec == nil || spec.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(spec.Content); i += 2 {
		if spec.Content[i].Value == key && spec.Content[i+1].Kind == yaml.ScalarNode {
			return spec.Content[i+1].Value
		}
	}
	return ""
}

// Verdict is the item's status in words: a deadline is met or not rather
// than present or missing.
func (it Item) Verdict() string {
	if it.ID == "deadline" || it.ID == "published" {
		switch it.Status {
		case Missing:
			return "不符合"
		case Present:
			return "符合"
		}
	}
	return it.Status.Chinese()
}
