package annotate

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// place is a point of a paragraph's text, between two characters.
type place struct {
	para *para
	pos  int
}

// marks are what is written at one place, in this order: the inserted text
// of revisions ending there, the ends of comment ranges (with the runs that
// reference them), the starts of comment ranges.
type marks struct {
	ins, ends, starts []string
}

// deletion is a span of a paragraph's text a revision deletes.
type deletion struct {
	para       *para
	start, end int
	id         int
}

// plan gathers what is written where, then writes it in one pass.
type plan struct {
	d        *doc.Document
	lineOf   []*para // the paragraph of each line of d, nil when they differ
	first    *para   // the first paragraph with text, for what has no place
	marks    map[*para]map[int]*marks
	dels     map[*para][]deletion // by paragraph: a paragraph's are few, a document's many
	comments []string
	id       int
	w, decl  string // the prefix of generated elements, and its declaration if the body has none
	opts     Options
	result   Result
	body     string // the body being written
}

func newPlan(d *doc.Document, paras []*para, id int, prefix string, opts Options) *plan {
	p := &plan{d: d, lineOf: make([]*para, len(d.Lines)), marks: map[*para]map[int]*marks{}, dels: map[*para][]deletion{},
		id: id, w: prefix, opts: opts}
	if prefix == "" {
		p.w, p.decl = "w", ` xmlns:w="`+nsW+`"`
	}
	// The walker prints the paragraphs as the reader does: pair them in
	// order, each with the line holding its text after any numbering label.
	j := 0
	for i, l := range d.Lines {
		text := d.Text[l.Start+l.Generated : l.End]
		for k := j; k < len(paras) && k < j+3; k++ {
			if paras[k].text.String() == text {
				p.lineOf[i], j = paras[k], k+1
				break
			}
		}
	}
	for _, pa := range p.lineOf {
		if pa != nil && pa.text.Len() > 0 {
			p.first = pa
			break
		}
	}
	return p
}

// locate is the place of a byte offset of d.Text; ok is false when its line
// has no paragraph. An offset inside a numbering label is the label's end.
func (p *plan) locate(off int) (place, bool) {
	n := p.d.LineAt(off) - 1
	l := p.d.Lines[n]
	pa := p.lineOf[n]
	if pa == nil {
		return place{}, false
	}
	pos := min(max(off-l.Start-l.Generated, 0), pa.text.Len())
	return place{pa, pos}, true
}

func (p *plan) at(pl place) *marks {
	m := p.marks[pl.para]
	if m == nil {
		m = map[int]*marks{}
		p.marks[pl.para] = m
	}
	if m[pl.pos] == nil {
		m[pl.pos] = &marks{}
	}
	return m[pl.pos]
}

// add places one finding: a comment on its range and, for a safe fix that
// can be written as a revision, the revision.
func (p *plan) add(i int, f checker.Finding) {
	start, ok1 := p.locate(f.Range.Start.Offset)
	end, ok2 := p.locate(f.Range.End.Offset)
	start, ok1 = p.snap(start, ok1)
	end, ok2 = p.snap(end, ok2)
	label := ok1 && ok2 && start.para == end.para && start.pos == end.pos && p.inLabel(f.Range)
	if label { // all of it in a numbering label Word renders: on the paragraph
		start, end = place{start.para, 0}, place{start.para, start.para.text.Len()}
		p.result.Labels++
	}
	elsewhere := !ok1 || !ok2 || start.para == end.para && start.pos >= end.pos
	if elsewhere {
		if p.first == nil {
			return // a document with no text has no place for a comment
		}
		start, end = place{p.first, 0}, place{p.first, p.first.text.Len()}
		p.result.Elsewhere++
	}
	id := p.id
	p.id++
	if !elsewhere && f.Fix != nil && !p.opts.NoRevisions && p.revision(f.Fix) {
		p.result.Revised = append(p.result.Revised, i)
	}
	p.at(start).starts = append(p.at(start).starts, fmt.Sprintf(`<%s:commentRangeStart%s %s:id="%d"/>`, p.w, p.decl, p.w, id))
	p.at(end).ends = append(p.at(end).ends, fmt.Sprintf(`<%s:commentRangeEnd%s %s:id="%d"/><%s:r%s><%s:commentReference %s:id="%d"/></%s:r>`,
		p.w, p.decl, p.w, id, p.w, p.decl, p.w, p.w, id, p.w))
	p.comments = append(p.comments, p.comment(id, f, elsewhere, label))
	p.result.Comments++
}

// inLabel tells whether a range lies in the numbering label of its line.
func (p *plan) inLabel(r doc.Range) bool {
	l := p.d.Lines[p.d.LineAt(r.Start.Offset)-1]
	return r.End.Offset <= l.Start+l.Generated && r.Start.Offset >= l.Start
}

// snap moves a place that cannot be cut (inside a tab, a field result, a
// text box's run) to the start of what holds it.
func (p *plan) snap(pl place, ok bool) (place, bool) {
	if !ok {
		return pl, false
	}
	for _, s := range pl.para.segs {
		u := s.run.units[s.unit]
		if pl.pos <= s.pos || pl.pos >= s.pos+len(u.text) {
			continue
		}
		switch {
		case s.run.nested:
			return place{pl.para, runStart(pl.para, s.run)}, false
		case !u.splittable || !runeCut(u.text, pl.pos-s.pos):
			return place{pl.para, s.pos}, false
		}
	}
	return pl, true
}

// runStart is where a run's text starts in its paragraph.
func runStart(pa *para, r *run) int {
	for _, s := range pa.segs {
		if s.run == r {
			return s.pos
		}
	}
	return 0
}

// revision writes a safe fix as a tracked change, when its range lies in one
// paragraph, in plain text of runs that are not themselves tracked changes,
// and does not overlap another revision.
func (p *plan) revision(fx *checker.Fix) bool {
	a, ok1 := p.locate(fx.Range.Start.Offset)
	b, ok2 := p.locate(fx.Range.End.Offset)
	if !ok1 || !ok2 || a.para != b.para || strings.Contains(p.d.Text[fx.Range.Start.Offset:fx.Range.End.Offset], "\n") {
		return false
	}
	if l := p.d.Lines[p.d.LineAt(fx.Range.Start.Offset)-1]; fx.Range.Start.Offset < l.Start+l.Generated {
		return false // a numbering label Word renders is not text to change
	}
	pa := a.para
	rPr := ""
	for _, s := range pa.segs {
		u := s.run.units[s.unit]
		se := s.pos + len(u.text)
		if se <= a.pos && !(a.pos == b.pos && se == a.pos) || s.pos >= b.pos && !(a.pos == b.pos && s.pos == a.pos) {
			continue
		}
		if s.run.tracked || s.run.nested || !u.isText || !runeCut(u.text, a.pos-s.pos) || !runeCut(u.text, b.pos-s.pos) {
			return false
		}
		if rPr == "" {
			rPr = s.run.rPr
		}
	}
	for _, dl := range p.dels[pa] {
		if dl.start < b.pos && a.pos < dl.end || a.pos == dl.end || b.pos == dl.start {
			return false
		}
	}
	if a.pos < b.pos {
		p.dels[pa] = append(p.dels[pa], deletion{pa, a.pos, b.pos, p.id})
		p.id++
	}
	if fx.Text != "" {
		p.at(b).ins = append(p.at(b).ins, fmt.Sprintf(`<%s:ins%s %s:id="%d" %s:author="%s"><%s:r>%s<%s:t xml:space="preserve">%s</%s:t></%s:r></%s:ins>`,
			p.w, p.decl, p.w, p.id, p.w, Author, p.w, rPr, p.w, escape(fx.Text), p.w, p.w, p.w))
		p.id++
	}
	p.result.Revisions++
	return true
}

// comment is one w:comment: the message, the article it enforces, the
// suggested change, the rule.
func (p *plan) comment(id int, f checker.Finding, elsewhere, label bool) string {
	lines := []string{f.Message}
	if label {
		lines = append(lines, "（在自动编号“"+f.Excerpt+"”上）")
	}
	if elsewhere {
		lines = append(lines, fmt.Sprintf("（位置：第 %d 行第 %d 列“%s”）", f.Range.Start.Line, f.Range.Start.Column, shorten(f.Excerpt)))
	}
	lines = append(lines, "依据："+f.Source)
	if f.Fix != nil {
		if f.Fix.Text == "" {
			lines = append(lines, "建议删除“"+shorten(p.d.Text[f.Fix.Range.Start.Offset:f.Fix.Range.End.Offset])+"”")
		} else {
			lines = append(lines, "建议改为“"+shorten(f.Fix.Text)+"”")
		}
	}
	lines = append(lines, "规则："+f.Rule+"（"+f.Severity.Chinese()+"）")
	var b strings.Builder
	fmt.Fprintf(&b, `<%s:comment %s:id="%d" %s:author="%s" %s:initials="fz">`, p.w, p.w, id, p.w, Author, p.w)
	for i, l := range lines {
		fmt.Fprintf(&b, `<%s:p>`, p.w)
		if i == 0 {
			fmt.Fprintf(&b, `<%s:r><%s:annotationRef/></%s:r>`, p.w, p.w, p.w)
		}
		fmt.Fprintf(&b, `<%s:r><%s:t xml:space="preserve">%s</%s:t></%s:r></%s:p>`, p.w, p.w, escape(strings.ReplaceAll(l, "\n", "⏎")), p.w, p.w, p.w)
	}
	fmt.Fprintf(&b, `</%s:comment>`, p.w)
	return b.String()
}

// shorten keeps a comment line readable.
func shorten(s string) string {
	r := []rune(strings.ReplaceAll(s, "\n", "⏎"))
	if len(r) > 60 {
		return string(r[:30]) + "……" + string(r[len(r)-20:])
	}
	return string(r)
}

// commentsPart returns the comments part: the document's own comments, then ours.
func (p *plan) commentsPart(existing []byte) []byte {
	ours := strings.Join(p.comments, "")
	if existing != nil {
		end := fmt.Sprintf("</%s:comments>", p.w)
		if bytes.Contains(existing, []byte(end)) {
			return insertBefore(existing, end, ours)
		}
		if i := bytes.LastIndex(existing, []byte("</")); i >= 0 { // another prefix: the last end tag closes the root
			return append(append(append([]byte{}, existing[:i]...), ours...), existing[i:]...)
		}
	}
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:comments xmlns:w="` + nsW + `">` + strings.ReplaceAll(ours, "<"+p.w+":", "<w:") + `</w:comments>`)
}

// edit replaces src[start:end] (an insertion when they are equal).
type edit struct {
	start, end int
	text       string
}

// apply writes the marks and revisions into the body.
func (p *plan) apply(body []byte) []byte {
	p.body = string(body)
	var edits []edit
	for _, pa := range p.paras() {
		edits = append(edits, p.paraEdits(pa)...)
	}
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].start == edits[i].end && edits[j].start != edits[j].end // insertions first
	})
	var out bytes.Buffer
	at := 0
	for _, e := range edits {
		if e.start < at {
			continue // never happens: runs do not overlap
		}
		out.Write(body[at:e.start])
		out.WriteString(e.text)
		at = e.end
	}
	out.Write(body[at:])
	return out.Bytes()
}

// paras are the paragraphs with something to write, in no particular order.
func (p *plan) paras() []*para {
	seen := map[*para]bool{}
	var out []*para
	for pa := range p.marks {
		seen[pa] = true
		out = append(out, pa)
	}
	for pa := range p.dels {
		if !seen[pa] {
			seen[pa] = true
			out = append(out, pa)
		}
	}
	return out
}

func (m *marks) String() string {
	return strings.Join(m.ins, "") + strings.Join(m.ends, "") + strings.Join(m.starts, "")
}

// paraEdits are the edits of one paragraph: marks before a run where its
// text starts, after the last run at the paragraph's end, and runs rewritten
// where a mark or a deletion falls inside them.
func (p *plan) paraEdits(pa *para) []edit {
	ms := p.marks[pa]
	var edits []edit
	done := map[int]bool{}
	var runs []*run
	for _, s := range pa.segs {
		if len(runs) == 0 || runs[len(runs)-1] != s.run {
			runs = append(runs, s.run)
		}
	}
	for _, r := range runs {
		rs := runStart(pa, r)
		re := rs + runText(r)
		if m := ms[rs]; m != nil && !done[rs] {
			edits = append(edits, edit{r.start, r.start, m.String()})
			done[rs] = true
		}
		inside := false
		for pos := range ms {
			inside = inside || rs < pos && pos < re
		}
		for _, dl := range p.dels[pa] {
			inside = inside || dl.start < re && rs < dl.end
		}
		if inside {
			edits = append(edits, edit{r.start, r.end, p.rewrite(pa, r, rs, done)})
		}
	}
	end := pa.text.Len()
	if m := ms[end]; m != nil && !done[end] {
		if pa.lastRun != nil {
			edits = append(edits, edit{pa.lastRun.end, pa.lastRun.end, m.String()})
		}
		done[end] = true
	}
	return edits
}

func runText(r *run) int {
	n := 0
	for _, u := range r.units {
		n += len(u.text)
	}
	return n
}

// deleted returns the deletion covering the text at pos, if any.
func (p *plan) deleted(pa *para, pos int) *deletion {
	for i := range p.dels[pa] {
		if dl := &p.dels[pa][i]; dl.start <= pos && pos < dl.end {
			return dl
		}
	}
	return nil
}

// rewrite writes a run cut where marks or deletions fall inside it: each
// piece is a copy of the run (same properties) holding part of its content;
// deleted pieces are inside w:del with their text as w:delText.
func (p *plan) rewrite(pa *para, r *run, rs int, done map[int]bool) string {
	ms := p.marks[pa]
	cuts := map[int]bool{}
	for pos := range ms {
		cuts[pos] = true
	}
	for _, dl := range p.dels[pa] {
		cuts[dl.start], cuts[dl.end] = true, true
	}
	var b strings.Builder
	open := false
	var openDel *deletion
	closeRun := func() {
		if open {
			fmt.Fprintf(&b, "</%s>", runTag(r))
			if openDel != nil {
				fmt.Fprintf(&b, "</%s:del>", p.w)
			}
		}
		open, openDel = false, nil
	}
	openRun := func(dl *deletion) {
		if dl != nil {
			fmt.Fprintf(&b, `<%s:del%s %s:id="%d" %s:author="%s">`, p.w, p.decl, p.w, dl.id, p.w, Author)
		}
		b.WriteString(r.open)
		b.WriteString(r.rPr)
		open, openDel = true, dl
	}
	pos := rs
	for _, u := range r.units {
		pieces := []string{u.text}
		if u.splittable {
			pieces = cutText(u.text, pos, cuts)
		}
		for _, piece := range pieces {
			if piece != "" && pos > rs && cuts[pos] {
				closeRun()
				if m := ms[pos]; m != nil && !done[pos] {
					b.WriteString(m.String())
					done[pos] = true
				}
			}
			dl := openDel
			if piece != "" {
				dl = p.deleted(pa, pos)
			}
			if !open || dl != openDel {
				closeRun()
				openRun(dl)
			}
			switch {
			case !u.isText:
				b.Write([]byte(p.raw(u)))
			case dl != nil:
				fmt.Fprintf(&b, `<%s:delText xml:space="preserve">%s</%s:delText>`, p.w, escape(piece), p.w)
			default:
				fmt.Fprintf(&b, `<%s:t xml:space="preserve">%s</%s:t>`, p.w, escape(piece), p.w)
			}
			pos += len(piece)
		}
	}
	closeRun()
	return b.String()
}

// raw is a unit as the document wrote it.
func (p *plan) raw(u unit) string { return p.body[u.start:u.end] }

// runTag is the qualified name of a run's element, from its start tag.
func runTag(r *run) string {
	name := strings.TrimPrefix(r.open, "<")
	if i := strings.IndexAny(name, " \t\r\n/>"); i >= 0 {
		name = name[:i]
	}
	return name
}

// cutText cuts the text of a unit starting at pos at every cut inside it.
func cutText(s string, pos int, cuts map[int]bool) []string {
	var out []string
	last := 0
	for i := 1; i < len(s); i++ {
		if cuts[pos+i] && runeCut(s, i) {
			out = append(out, s[last:i])
			last = i
		}
	}
	return append(out, s[last:])
}
