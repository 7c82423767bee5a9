package outline

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/match"
)

// rolePriority is the order in which a heading's text is tried against the
// roles: the measures vocabulary (工作, 情况, 推进) is the broadest, so it comes
// last, and "2023年工作打算" is plans before it is anything else.
var rolePriority = []Role{Problems, Plans, Duty, Other, Measures}

// rolesByPriority orders the roles of cfg by rolePriority; roles it does not
// list keep their order, after the others.
func rolesByPriority(cfg *Config) []*RoleSpec {
	rank := func(r Role) int {
		for k, p := range rolePriority {
			if p == r {
				return k
			}
		}
		return len(rolePriority)
	}
	specs := make([]*RoleSpec, len(cfg.Roles))
	for i := range cfg.Roles {
		specs[i] = &cfg.Roles[i]
	}
	sort.SliceStable(specs, func(i, j int) bool { return rank(specs[i].Role) < rank(specs[j].Role) })
	return specs
}

func (b *builder) spec(r Role) *RoleSpec {
	for _, s := range b.specs {
		if s.Role == r {
			return s
		}
	}
	return nil
}

// headingRole is the role whose heading vocabulary matches the text of heading
// k, "" if none. A heading that names a year after the reporting year
// ("2024年主要工作" in a report on 2023) is about plans.
func (b *builder) headingRole(k int) Role {
	role := Role("")
	for _, s := range b.specs {
		if b.matchProse(&b.hview[k], s.Headings, nil) {
			role = s.Role
			break
		}
	}
	if role == "" || role == Measures {
		if ys := findYears(b.viewText(b.hview[k].viewSpan)); b.o.Year > 0 && len(ys) > 0 && ys[0].start == 0 && ys[0].year > b.o.Year {
			return Plans
		}
	}
	return role
}

func (b *builder) viewText(s viewSpan) string { return b.v.Text[s.vs:s.ve] }

// findParts finds where each role's content is: first at the top-level
// headings, then, for the roles still missing, at lower headings and in
// sentences of the body.
func (b *builder) findParts() {
	top := b.topLevel()
	b.roleHeadings(top)
	for k, h := range b.o.Headings {
		if h.Role != "" && b.o.Parts[h.Role] == nil {
			b.o.Parts[h.Role] = b.newPart(Part{Role: h.Role, Form: FormHeading, Line: h.Line, Heading: k,
				Cue: h.Span, Start: h.MarkerAt})
		}
	}
	// A problems heading that also names the plans (二、存在的问题及下一步打算)
	// opens both parts.
	if p := b.o.Parts[Problems]; p != nil && p.Form == FormHeading && b.o.Parts[Plans] == nil {
		if s := b.spec(Plans); s != nil && matchAny(s.Headings, b.viewText(b.hview[p.Heading].viewSpan)) {
			plans := *p
			plans.Role = Plans
			b.o.Parts[Plans] = b.newPart(plans)
		}
	}
	var dutyEnd int
	for _, r := range []Role{Measures, Problems, Plans, Other, Duty} {
		if b.o.Parts[r] != nil || b.spec(r) == nil {
			continue
		}
		lo, hi := b.window(r)
		if c, ok := b.inlineCue(r, top, lo, hi); ok {
			p := b.newPart(Part{Role: r, Form: FormInline, Line: c.cue.Line, Heading: -1, Cue: c.cue, Start: c.cue.Start})
			if b.sectionHeading(c, top) {
				// A part under its own heading one level down
				// (一、2023年工作情况 / (二)主要负责人履行第一责任人职责情况,
				// (三)存在的问题) is listed separately, inside the part around it.
				p.Form, p.Heading, p.Start = FormHeading, c.heading, b.o.Headings[c.heading].MarkerAt
				b.o.Headings[c.heading].Role = r
			}
			b.o.Parts[r] = p
			if r == Duty {
				dutyEnd = c.end
			}
		}
	}
	b.partEnds(dutyEnd)
}

// newPart returns a copy of p for Outline.Parts. The parts of an outline
// share one allocation, room for a part of each role: a role has one part
// at most.
func (b *builder) newPart(p Part) *Part {
	if b.parts == nil {
		b.parts = make([]Part, 0, max(len(Roles), len(b.specs)))
	}
	if len(b.parts) == cap(b.parts) { // roles of a pack's own beyond the room
		q := new(Part) // not &p, which would put every p on the heap
		*q = p
		return q
	}
	b.parts = append(b.parts, p)
	return &b.parts[len(b.parts)-1]
}

// topLevel is the highest level of the document's headings: the level at which
// parts open.
func (b *builder) topLevel() int {
	top := -1
	for k := range b.o.Headings {
		if top < 0 || b.depth[k] < top {
			top = b.depth[k]
		}
	}
	return top
}

// roleHeadings gives the top-level headings their roles. Thematic headings
// without a role of their own that come before the problems, plans or other
// part report measures: many reports have no measures wrapper heading.
func (b *builder) roleHeadings(top int) {
	thematic := true
	for k := range b.o.Headings {
		h := &b.o.Headings[k]
		if b.depth[k] != top {
			continue
		}
		h.Role = b.headingRole(k)
		switch {
		case h.Role == Problems || h.Role == Plans || h.Role == Other:
			thematic = false
		case h.Role == "" && thematic:
			h.Role = Measures
		}
	}
}

// window is where an inline cue for role r may stand. Problems and plans
// follow the measures they are about (and plans follow problems); none of them
// stands inside a later part's heading part. The duty part is reported with the
// measures: a mention in the problems or plans is no report of it.
func (b *builder) window(r Role) (lo, hi int) {
	lo, hi = b.o.BodyStart, b.closingStart()
	start := func(role Role) (int, bool) {
		if p := b.o.Parts[role]; p != nil {
			return p.Start, true
		}
		return 0, false
	}
	headingAfter := func(roles ...Role) {
		for _, role := range roles {
			if p := b.o.Parts[role]; p != nil && p.Form == FormHeading && p.Start > lo {
				hi = min(hi, p.Start)
			}
		}
	}
	if r != Measures && r != Duty {
		if s, ok := start(Measures); ok {
			lo = max(lo, s)
		}
	}
	switch r {
	case Measures:
		headingAfter(Problems, Plans, Other)
	case Problems:
		headingAfter(Plans, Other)
	case Plans:
		if s, ok := start(Problems); ok {
			lo = max(lo, s)
		}
		headingAfter(Other)
	case Duty:
		for _, role := range []Role{Problems, Plans} {
			if s, ok := start(role); ok {
				hi = min(hi, s)
			}
		}
	}
	return lo, hi
}

// closingStart is where the signature block at the end of the body starts,
// or the body's end. A date under the title does not close anything.
func (b *builder) closingStart() int {
	end := b.o.BodyEnd
	for _, s := range []*Span{b.o.Signature, b.dateSpan()} {
		if s != nil && s.Start >= b.o.BodyStart {
			end = min(end, s.Start)
		}
	}
	return end
}

func (b *builder) dateSpan() *Span {
	if b.o.Date == nil {
		return nil
	}
	return &b.o.Date.Span
}

// cue is where an inline part is given; end is where its content ends when it
// is folded into another part; heading is the index of the sub-heading that
// gives it, -1 for a sentence.
type cue struct {
	cue     Span
	end     int
	heading int
}

// sectionHeading tells whether cue c is a heading right below a top-level
// heading: a section of its own. A numbered paragraph is none.
func (b *builder) sectionHeading(c cue, top int) bool {
	if c.heading < 0 || b.paragraphAt(c.heading) {
		return false
	}
	d := b.depth[c.heading]
	for k := c.heading - 1; k >= 0; k-- {
		if b.depth[k] < d {
			return b.depth[k] == top
		}
	}
	return false
}

// inlineCue finds the first cue of role r in [lo, hi): a lower-level heading
// with the role's heading vocabulary, a sentence with its inline vocabulary, or
// (for duty) a run of headings that go through the department head's duties.
func (b *builder) inlineCue(r Role, top, lo, hi int) (cue, bool) {
	var best cue
	found := false
	take := func(c cue) {
		if c.cue.Start >= lo && c.cue.Start < hi && (!found || c.cue.Start < best.cue.Start) {
			best, found = c, true
		}
	}
	if c, ok := b.subHeadingCue(r, top, lo, hi); ok {
		take(c)
	}
	if c, ok := b.sentenceCue(r, lo, hi); ok {
		take(c)
	}
	if r == Measures && len(b.o.Headings) == 0 {
		if c, ok := b.unheadedMeasuresCue(lo, hi); ok {
			take(c)
		}
	}
	if r == Duty {
		if c, ok := b.dutyItemsCue(top); ok {
			take(c)
		}
	}
	return best, found
}

// subHeadingCue: a heading below the top level whose text has the role's
// heading vocabulary ("3. 贯彻落实党政主要负责人履行法治建设第一责任人职责").
func (b *builder) subHeadingCue(r Role, top, lo, hi int) (cue, bool) {
	spec := b.spec(r)
	for k, h := range b.o.Headings {
		if b.depth[k] > top && h.Span.Start >= lo && h.Span.Start < hi && b.matchProse(&b.hview[k], spec.Headings, nil) {
			return cue{cue: h.Span, end: b.sectionEnd(k), heading: k}, true
		}
	}
	return cue{}, false
}

// sectionEnd is where the section of heading k ends: at the next heading of
// the same or a higher level, or at the body's end.
func (b *builder) sectionEnd(k int) int {
	for j := k + 1; j < len(b.o.Headings); j++ {
		if b.depth[j] <= b.depth[k] {
			return b.o.Headings[j].MarkerAt
		}
	}
	return b.o.BodyEnd
}

// sentenceCue: the first sentence of the body with the role's inline
// vocabulary. A plans sentence must look ahead: "2021年,我局将……" in a report
// on 2021 tells what was done.
func (b *builder) sentenceCue(r Role, lo, hi int) (cue, bool) {
	spec := b.spec(r)
	if len(spec.Inline) == 0 {
		return cue{}, false
	}
	if everyNeeded(spec.inlineNeeds, len(spec.Inline)) {
		return b.neededSentenceCue(r, lo, hi)
	}
	sentences := b.proseSentences()
	// The sentences are in document order: those in [lo, hi) are a run.
	from := sort.Search(len(sentences), func(k int) bool { return sentences[k].start >= lo })
	to := from + sort.Search(len(sentences)-from, func(k int) bool { return sentences[from+k].start >= hi })
	if from == to {
		return cue{}, false
	}
	f := &b.scratch.finder
	f.reset(b.v.Text[:sentences[to-1].ve], spec.inlineNeeds)
	for k := from; k < to; k++ {
		if c, ok := b.sentenceCueAt(r, &sentences[k], f); ok {
			return c, true
		}
	}
	return cue{}, false
}

// neededSentenceCue is sentenceCue for a role each of whose inline cues
// has a need: a sentence without any of their literals gives none, so only
// the lines where one stands are split into sentences and tried, and most
// lines of a long window are passed over.
func (b *builder) neededSentenceCue(r Role, lo, hi int) (cue, bool) {
	if b.first > b.last {
		return cue{}, false
	}
	// The lines that may hold a sentence of the window: a line that ends
	// before lo or starts at hi or after holds none.
	i := b.first + sort.Search(b.last-b.first+1, func(k int) bool { return b.v.Orig(b.lines[b.first+k].ve) >= lo })
	last := i - 1 + sort.Search(b.last-i+1, func(k int) bool { return b.v.Orig(b.lines[i+k].vs) >= hi })
	if i > last {
		return cue{}, false
	}
	f := &b.scratch.finder
	f.reset(b.v.Text[:b.lines[last].ve], b.spec(r).inlineNeeds)
	for i <= last {
		hit := f.nextHit(b.lines[i].vs)
		if hit == len(f.text) {
			break
		}
		from := i
		i = from + sort.Search(last-from+1, func(k int) bool { return b.lines[from+k].ve >= hit }) // the line the hit is on
		if i > last {
			break
		}
		if b.prose(i) {
			sentences := b.splitSentences(b.scratch.line[:0], b.proseStart(i), b.lines[i].ve)
			b.scratch.line = sentences
			for k := range sentences {
				s := &sentences[k]
				if s.start >= hi {
					return cue{}, false
				}
				if s.start < lo {
					continue
				}
				if c, ok := b.sentenceCueAt(r, s, f); ok {
					return c, true
				}
			}
		}
		i++
	}
	return cue{}, false
}

// sentenceCueAt tells whether sentence s gives role r inline, and returns
// the cue; f is set for the role's needs and asked about sentences in
// document order.
func (b *builder) sentenceCueAt(r Role, s *sentence, f *needFinder) (cue, bool) {
	spec := b.spec(r)
	if !b.matchProseBut(&s.prose, spec.Inline, spec.inlineLeads, f.ruledOut(s.vs, s.ve)) {
		return cue{}, false
	}
	if ys := findYears(b.viewText(s.viewSpan)); r == Plans && b.o.Year > 0 && len(ys) > 0 && ys[0].start == 0 && ys[0].year <= b.o.Year {
		return cue{}, false
	}
	sp := b.trimmedSpan(s.vs, s.ve)
	return cue{cue: sp, end: b.v.Orig(b.lines[sp.Line-1].ve), heading: -1}, true
}

// matchProse tells whether one of res matches p. leads is nil, or leads[k]
// is the lead of res[k]: an anchored pattern is ruled out by the first rune of p's text,
// which masking never changes (it masks only after a 《). The characters of
// p, summed up once, rule out most other patterns unsearched.
//
// A cited title is no content: what 《……》 names is masked first. The sum
// is of the text and the mask, which holds every character of the masked
// text, so a text is masked only when a pattern is searched in it.
func (b *builder) matchProse(p *prose, res []*match.Pattern, leads []lead) bool {
	return b.matchProseBut(p, res, leads, 0)
}

// matchProseBut is matchProse with the patterns of res whose bit is set in
// out (bit k for res[k]) ruled out beforehand.
func (b *builder) matchProseBut(p *prose, res []*match.Pattern, leads []lead, out uint64) bool {
	if len(res) <= 64 && out == 1<<len(res)-1 {
		return false // every pattern ruled out: most sentences a role's needs are asked about
	}
	text := b.viewText(p.viewSpan)
	first, _ := utf8.DecodeRuneInString(text) // every lead is tried on it
	for k, re := range res {
		if k < 64 && out&(1<<k) != 0 || leads != nil && !leads[k].mayStart(text, first) {
			continue
		}
		if p.runes == (match.Runes{}) { // not summed up yet, or empty (and quick to sum again)
			p.runes = match.RunesOf(text)
			if !p.uncited {
				p.runes[0], p.runes[1] = p.runes[0]|citationMaskRunes[0], p.runes[1]|citationMaskRunes[1]
			}
		}
		if re.MayMatchRunes(p.runes) && re.MatchString(b.masked(p)) {
			return true
		}
	}
	return false
}

// masked is the text of p with cited titles masked, worked out once.
func (b *builder) masked(p *prose) string {
	if p.masked == "" { // not masked yet, or empty (and quick to mask again)
		p.masked = b.viewText(p.viewSpan)
		if !p.uncited {
			p.masked = citationsMasked(p.masked)
		}
	}
	return p.masked
}

// proseSentences splits the report's prose into sentences (at 。!?; and line
// ends), once. Heading markers are left out, so that a cue can be anchored at
// the start of what a heading says.
func (b *builder) proseSentences() []sentence {
	if b.split {
		return b.sentences
	}
	b.split = true
	for i := b.first; i <= b.last; i++ {
		if !b.prose(i) {
			continue
		}
		b.sentences = b.splitSentences(b.sentences, b.proseStart(i), b.lines[i].ve)
	}
	return b.sentences
}

// proseStart is where the prose of line i starts in the view: after its
// heading marker, if any.
func (b *builder) proseStart(i int) int {
	if k := b.lines[i].heading; k >= 0 {
		return b.hview[k].vs
	}
	return b.textStart(i)
}

// splitSentences cuts view text [vs, ve) after each sentence end mark and
// appends the pieces to out; each piece keeps its end mark and loses its
// leading spaces.
func (b *builder) splitSentences(out []sentence, vs, ve int) []sentence {
	for vs < ve {
		for vs < ve && (b.v.Text[vs] == ' ' || b.v.Text[vs] == '\t') {
			vs++ // a cut set (strings.TrimLeft) is built at every call
		}
		trimmed := b.v.Text[vs:ve]
		end := ve
		k, n, cites := citingSentenceEnd(trimmed)
		if k >= 0 {
			end = vs + k + n
		}
		if end > vs {
			out = append(out, sentence{prose: prose{viewSpan: viewSpan{vs, end}, uncited: !cites}, start: b.v.Orig(vs)})
		}
		vs = end
	}
	return out
}

// enumeration opens the paragraphs of a part written as a run of items
// without headings: 一是……, 首先，……, 其一，……, 第一，…….
var enumeration = []string{"一是", "首先", "其一", "第一,", "第一:"}

// unheadedMeasuresCue finds the measures of a report without headings: the
// first paragraph of a run of 一是……二是……, else the paragraph right after the
// opening that announces the report (现将……报告如下), unless that paragraph
// already gives another part.
func (b *builder) unheadedMeasuresCue(lo, hi int) (cue, bool) {
	sentences := b.proseSentences()
	// firstOf is the first sentence on line i.
	firstOf := func(i int) int {
		for k, s := range sentences {
			if b.d.LineAt(s.start) == i+1 {
				return k
			}
		}
		return -1
	}
	at := func(i int) (cue, bool) {
		k := firstOf(i)
		if k < 0 || sentences[k].start < lo || sentences[k].start >= hi {
			return cue{}, false
		}
		for _, r := range []Role{Problems, Plans, Other} {
			if s := b.spec(r); s != nil && b.matchProse(&sentences[k].prose, s.Inline, s.inlineLeads) {
				return cue{}, false
			}
		}
		return cue{cue: b.trimmedSpan(sentences[k].vs, sentences[k].ve), heading: -1}, true
	}
	opening := -1
	for i := b.first; i <= b.last; i++ {
		if !b.prose(i) {
			continue
		}
		if hasPrefixWord(b.lineText(i), enumeration) {
			return at(i)
		}
		if opening < 0 && containsWord(b.lineText(i), reportCues) {
			opening = i
		}
	}
	if opening >= 0 {
		if next := b.nextProse(opening); next >= 0 {
			return at(next)
		}
	}
	return cue{}, false
}

// dutyItems are keywords of the eight items that the 督察工作规定 lists for the
// 主要负责人 of a government department (requirements R-DUCHA-DUTY-1). A report
// whose measures headings go through several of them reports the head's
// duties item by item, with no heading or sentence naming 第一责任人. The pack
// schema has no place for such a list, so it lives here.
var dutyItems = [][]string{
	{"习近平法治思想", "重大决策部署"},
	{"研究部署", "督察反馈", "年度工作计划"},
	{"重大行政决策", "法律顾问", "公职律师", "规范性文件", "政务公开"},
	{"放管服", "三项制度", "执法责任制"},
	{"领导班子其他成员", "层级监督", "不作为"},
	{"出庭应诉", "生效裁判", "司法建议", "检察建议"},
	{"用人导向", "法治工作队伍"},
	{"谁执法谁普法"},
}

// dutyItemsMin is how many different items the headings must cover. Three is
// too few: thematic headings on 习近平法治思想, 规范性文件 and 出庭应诉 are
// common in any report.
const dutyItemsMin = 4

// dutyItemsCue finds a run of measures headings (top level or one below) that
// covers at least dutyItemsMin of the duty items. The cue is the first of them;
// the content runs to the end of the last one's section.
func (b *builder) dutyItemsCue(top int) (cue, bool) {
	m := b.o.Parts[Measures]
	if m == nil {
		return cue{}, false
	}
	hi := b.closingStart()
	for _, p := range b.o.Parts {
		if p.Start > m.Start && p.Form == FormHeading {
			hi = min(hi, p.Start)
		}
	}
	var covered uint64 // bit k: dutyItems[k] is named (there are fewer than 64)
	firstK, lastK := -1, -1
	for k, h := range b.o.Headings {
		if h.MarkerAt < m.Start || h.MarkerAt >= hi || b.depth[k] > top+1 {
			continue
		}
		item := dutyItem(b.viewText(b.hview[k].viewSpan))
		if item < 0 {
			continue
		}
		covered |= 1 << item
		if firstK < 0 {
			firstK = k
		}
		lastK = k
	}
	if bits.OnesCount64(covered) < dutyItemsMin {
		return cue{}, false
	}
	return cue{cue: b.o.Headings[firstK].Span, end: b.sectionEnd(lastK), heading: -1}, true
}

// dutyItemSums sums up the characters of each word of dutyItems, item by
// item (match.RunesOf), when first asked for.
var dutyItemSums = sync.OnceValue(func() [][]match.Runes {
	sums := make([][]match.Runes, len(dutyItems))
	for k, words := range dutyItems {
		for _, w := range words {
			sums[k] = append(sums[k], match.RunesOf(w))
		}
	}
	return sums
})

// dutyItem is the index in dutyItems of the first item s names, -1 if none.
// A word is looked for only where s holds all its characters' bits: most
// headings hold none of the words, and a sum rules them out unsearched.
func dutyItem(s string) int {
	rs, sums := match.RunesOf(s), dutyItemSums()
	for k, words := range dutyItems {
		for j, w := range words {
			if holds(rs, sums[k][j]) && strings.Contains(s, w) {
				return k
			}
		}
	}
	return -1
}

// holds tells whether every bit of sub is set in rs: a text summed up in rs
// may hold one summed up in sub.
func holds(rs, sub match.Runes) bool {
	return rs[0]&sub[0] == sub[0] && rs[1]&sub[1] == sub[1]
}

// partEnds sets where each part ends. Parts follow one another: each ends
// where the next begins, or at the signature block. An inline duty part is
// folded into the part around it and ends with its own section or sentence
// (dutyEnd).
func (b *builder) partEnds(dutyEnd int) {
	closing, top := b.closingStart(), b.topLevel()
	var room [8]*Part // more than the roles of the packs: seq stays on the stack
	seq := room[:0]
	for _, r := range Roles {
		p := b.o.Parts[r]
		if p == nil {
			continue
		}
		if p.Role == Duty && (p.Form == FormInline || b.depth[p.Heading] > top) {
			p.End = max(p.Cue.End, min(dutyEnd, closing))
			continue
		}
		seq = append(seq, p)
	}
	// Parts that start together keep the roles' order.
	slices.SortStableFunc(seq, func(p, q *Part) int { return p.Start - q.Start })
	for k, p := range seq {
		end := closing
		// Parts that open at one heading end together, at the next part.
		for _, q := range seq[k+1:] {
			if q.Start > p.Start {
				end = min(end, q.Start)
				break
			}
		}
		if p.Heading >= 0 && b.depth[p.Heading] > top {
			end = min(end, b.sectionEnd(p.Heading)) // a sub-heading's part ends with its section
		}
		// A part never ends inside its own heading or sentence, even when the
		// next part's cue sits there ("一、……也存在……问题").
		p.End = max(p.Cue.End, end)
	}
}
