package checker

import (
	"slices"

	"github.com/fzlint/fzlint/checker/match"

	"github.com/fzlint/fzlint/rules"
)

// patternSpec: text that must not appear. A pattern with a group named "at"
// reports only that group; the rest of the match is context.
type patternSpec struct {
	Patterns []rules.Regexp `yaml:"patterns"`
	Unless   []rules.Regexp `yaml:"unless"` // drop a match whose line matches one of these
	Match    string         `yaml:"match"`  // "normalized" (default) or "raw"
	Scope    string         `yaml:"scope"`  // see scopes, or "document": the whole text at once; default "all"
	Per      string         `yaml:"per"`    // "match" (default), "line" or "document": report the first match only
	Fix      *fixSpec       `yaml:"fix"`
}

// fixSpec is what a text rule's fix does with the reported span.
type fixSpec struct {
	Delete     bool    `yaml:"delete"`      // delete the span
	DeleteLine bool    `yaml:"delete-line"` // delete the whole line the span is on
	Replace    *string `yaml:"replace"`     // replace the span with this text
}

type patternCheck struct{ patternSpec }

func compilePattern(r *rules.Rule) (any, bool, error) {
	var s patternSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if len(s.Patterns) == 0 {
		return nil, false, rules.SpecError(r, "pattern 规则需要 patterns")
	}
	if s.Scope == "document" {
		// Patterns that span lines (blank lines at the end) see the whole text.
		if len(s.Unless) > 0 || s.Per != "" || s.Fix != nil && s.Fix.DeleteLine {
			return nil, false, rules.SpecError(r, "scope: document 不用 unless、per 或 delete-line")
		}
		scope := "all"
		if err := checkTextOptions(r, s.Match, &scope, "", s.Fix); err != nil {
			return nil, false, err
		}
		return &patternCheck{s}, s.Fix != nil, nil
	}
	if err := checkTextOptions(r, s.Match, &s.Scope, s.Per, s.Fix); err != nil {
		return nil, false, err
	}
	return &patternCheck{s}, s.Fix != nil, nil
}

// checkTextOptions validates the options shared by text rules and fills defaults.
func checkTextOptions(r *rules.Rule, match string, scope *string, per string, fix *fixSpec) error {
	if match != "" && match != "normalized" && match != "raw" {
		return rules.SpecError(r, "match 应为 normalized 或 raw")
	}
	if *scope == "" {
		*scope = "all"
	}
	if err := validScope(*scope); err != nil {
		return rules.SpecError(r, "%v", err)
	}
	if per != "" && per != "match" && per != "line" && per != "document" {
		return rules.SpecError(r, "per 应为 match、line 或 document")
	}
	if fix != nil {
		n := 0
		for _, b := range []bool{fix.Delete, fix.DeleteLine, fix.Replace != nil} {
			if b {
				n++
			}
		}
		if n != 1 {
			return rules.SpecError(r, "fix 应当且只能指定 delete、delete-line 或 replace 之一")
		}
	}
	return nil
}

func (p *patternCheck) Run(c *Context) {
	raw := p.Match == "raw"
	if p.Scope == "document" {
		found := findAll(p.Patterns, c.documentScan(raw), c.lent.matches)
		defer func() { c.lent.matches = found[:0] }()
		for _, m := range found {
			start, end := c.toDoc(m.start, m.end, raw)
			c.Report(start, end, nil, c.textFix(p.Fix, c.Doc.LineAt(start), start, end))
		}
		return
	}
	may := mayMatch(p.Patterns, c.documentScan(raw))
	if may == 0 {
		return // nor on any of its lines
	}
	p.runLines(c, raw, may)
}

// runLines reports the matches on each line of the rule's scope of the
// patterns in set may (see findSome).
func (p *patternCheck) runLines(c *Context, raw bool, may uint64) {
	found := c.lent.matches // reused from line to line, and rule to rule
	defer func() { c.lent.matches = found[:0] }()
	// A line without a literal of the patterns searched is passed over at
	// one look, not one per pattern.
	lits := p.literals(c.documentScan(raw), may)
	for _, n := range c.scopeLines(p.Scope) {
		text := c.lineScanned(n, raw)
		if !text.MayHold(&lits) {
			continue
		}
		// The exceptions are looked at only on a line with a match: they
		// are often the costlier patterns, and most lines have none.
		found = findSome(p.Patterns, may, text, found)
		if len(found) == 0 || skipLine(text, p.Unless) {
			continue
		}
		if p.reportLine(c, n, raw, found) {
			return
		}
	}
}

// reportLine reports the matches found on line n, as many as the rule's
// per allows; done tells that the rule has reported all it will for the
// document.
func (p *patternCheck) reportLine(c *Context, n int, raw bool, found []span) (done bool) {
	_, base := c.lineText(n, raw)
	for _, m := range found {
		start, end := c.toDoc(base+m.start, base+m.end, raw)
		c.Report(start, end, nil, c.textFix(p.Fix, n, start, end))
		if p.Per == "line" {
			break
		}
		if p.Per == "document" {
			return true
		}
	}
	return false
}

// literals returns the literals in the dictionary of whole, a scanned
// document, of the patterns in set may (see findSome): a line of whole
// without one holds a match of none of them.
func (p *patternCheck) literals(whole *match.Text, may uint64) match.AnyOf {
	var lits match.AnyOf
	for i := range p.Patterns {
		if i >= 64 || may&(1<<i) != 0 {
			lits.Add(whole, p.Patterns[i].Pattern)
		}
	}
	return lits
}

// mayMatch returns the set of patterns (see findSome) that text may hold a
// match of: a line of a document, a piece of its scan, holds no literal the
// document lacks. A rule of more than 64 patterns searches for every one.
func mayMatch(patterns []rules.Regexp, text *match.Text) uint64 {
	if len(patterns) > 64 {
		return everyPattern
	}
	var may uint64
	for i := range patterns {
		if patterns[i].MayMatchIn(text) {
			may |= 1 << i
		}
	}
	return may
}

// span is a match in a line: [start, end).
type span struct{ start, end int }

// findAll returns the matches of every pattern in text, sorted by position,
// dropping empty matches and those overlapping an earlier one, in the memory
// of out (nil for fresh memory). A group named "at" narrows a match to that
// group.
func findAll(patterns []rules.Regexp, text *match.Text, out []span) []span {
	return findSome(patterns, everyPattern, text, out)
}

// everyPattern is the set of all patterns (see findSome).
const everyPattern = ^uint64(0)

// findSome is findAll for the patterns in set may, bit i standing for
// patterns[i]; patterns from the 65th on are always searched for.
func findSome(patterns []rules.Regexp, may uint64, text *match.Text, out []span) []span {
	out = out[:0]
	for i := range patterns {
		if i < 64 && may&(1<<i) == 0 {
			continue
		}
		re := &patterns[i]
		at := 0 // looked up at the first match: most lines have none
		for m := range re.AllIn(text) {
			if at == 0 {
				at = re.SubexpIndex("at")
			}
			s, e := m[0], m[1]
			if at > 0 && m[2*at] >= 0 {
				s, e = m[2*at], m[2*at+1]
			}
			if s < e {
				out = append(out, span{start: s, end: e})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b span) int { return a.start - b.start })
	kept := out[:0]
	for _, m := range out {
		if len(kept) == 0 || m.start >= kept[len(kept)-1].end {
			kept = append(kept, m)
		}
	}
	return kept
}

// lineText returns line n as the rule sees it (raw or normalized) and the byte
// offset where it starts in that text.
func (c *Context) lineText(n int, raw bool) (string, int) {
	if raw {
		l := c.Doc.Lines[n-1]
		return c.Doc.Text[l.Start:l.End], l.Start
	}
	return c.LineView(n)
}

// documentScan returns the whole text, raw or normalized, with the literals
// of the engine's patterns found in it: the raw text with those of the rules
// that read it (Engine.rawDict), a text normalization left unchanged with
// all of them, scanned once for both forms.
func (c *Context) documentScan(raw bool) *match.Text {
	mode := formIndex(raw)
	if c.wholeScan[mode] == nil {
		switch {
		case raw && c.View.Text == c.Doc.Text:
			c.wholeScan[mode] = c.documentScan(false)
		case raw:
			c.wholeScan[mode] = c.rawDict.ScanReusing(c.Doc.Text, c.spareScan(mode))
			c.wholeScan[mode].SetValid(c.Doc.ValidUTF8())
		default:
			c.wholeScan[mode] = c.dict.ScanReusing(c.View.Text, c.spareScan(mode))
			c.wholeScan[mode].SetValid(true) // the view is valid UTF-8
		}
	}
	return c.wholeScan[mode]
}

// spareScan takes the scan of form mode an earlier check lent, nil if none.
func (c *Context) spareScan(mode int) *match.Text {
	sp := c.spare
	if sp == nil {
		return nil
	}
	old := sp.scans[mode]
	sp.scans[mode] = nil
	return old
}

// formIndex is where the scans of a text's form are kept: 0 normalized, 1 raw.
func formIndex(raw bool) int {
	if raw {
		return 1
	}
	return 0
}

// lineScan returns line n as lineText does, with the literals of the
// engine's patterns found in it: a piece of the scanned document.
func (c *Context) lineScan(n int, raw bool) (*match.Text, int) {
	_, base := c.lineText(n, raw)
	return c.lineScanned(n, raw), base
}

// lineScanned is lineScan without the line's offset.
func (c *Context) lineScanned(n int, raw bool) *match.Text {
	mode := formIndex(raw)
	if c.scanned[mode] == nil {
		var spans [][2]int
		var lines []match.Text
		var slab []uint64
		if sp := c.spare; sp != nil {
			spans = sp.spans[:0]
			if k := len(sp.lines); k > 0 {
				lines, slab, sp.lines, sp.slabs = sp.lines[k-1], sp.slabs[k-1], sp.lines[:k-1], sp.slabs[:k-1]
			}
		}
		for i := range c.Doc.Lines {
			text, base := c.lineText(i+1, raw)
			spans = append(spans, [2]int{base, base + len(text)})
		}
		c.scanned[mode], c.slabs[mode] = c.documentScan(raw).SlicesInto(spans, lines, slab)
		if c.spare != nil {
			c.spare.spans = spans
		}
	}
	return &c.scanned[mode][n-1]
}

// toDoc maps a span of the text a rule matched (raw or view) to Doc.Text.
func (c *Context) toDoc(start, end int, raw bool) (int, int) {
	if raw {
		return start, end
	}
	return c.ViewSpan(start, end)
}

// textFix builds the fix a rule's fix spec asks for, on the span [start, end) of line n.
func (c *Context) textFix(f *fixSpec, n, start, end int) *Fix {
	switch {
	case f == nil:
		return nil
	case f.Delete:
		return c.Fix(start, end, "")
	case f.DeleteLine:
		l := c.Doc.Lines[n-1]
		lineEnd := l.End
		if n < len(c.Doc.Lines) {
			lineEnd = c.Doc.Lines[n].Start
		}
		return c.Fix(l.Start, lineEnd, "")
	default:
		return c.Fix(start, end, *f.Replace)
	}
}

func skipLine(text *match.Text, unless []rules.Regexp) bool {
	for _, re := range unless {
		if re.MatchIn(text) {
			return true
		}
	}
	return false
}
