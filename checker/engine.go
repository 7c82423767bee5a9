package checker

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lend"
	"github.com/fzlint/fzlint/checker/match"
	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// Check is a compiled rule: it looks at one document and reports through c.
type Check interface {
	Run(c *Context)
}

// Kinds returns the compiler of every rule kind, for rules.Load.
func Kinds() map[string]rules.Compiler {
	return map[string]rules.Compiler{
		"section":      compileSection,
		"order":        compileOrder,
		"title":        compileTitle,
		"signature":    compileSignature,
		"date":         compileDate,
		"year":         compileYear,
		"mention":      compileMention,
		"metric":       compileMetric,
		"pattern":      compilePattern,
		"issuer":       compileIssuer,
		"organs":       compileOrgans,
		"phrases":      compilePhrases,
		"arithmetic":   compileArithmetic,
		"substitution": compileSubstitution,
		"numbering":    compileNumbering,
		"pairs":        compilePairs,
		"consistency":  compileConsistency,
		"repetition":   compileRepetition,
		"continuation": compileContinuation,
	}
}

// Engine runs a set of rules over documents. It holds no per-document state and
// may be shared by goroutines.
type Engine struct {
	set   *rules.Set
	rules []*rules.Rule
	// dict holds the literals of every pattern of the rules, found in each
	// line in one pass; rawDict those of the rules that read the raw text
	// (readsRaw), a few of them, for the raw text's scan.
	dict, rawDict *match.Dictionary
	// spares keeps the memory of finished checks (*spare) for the next.
	spares *sync.Pool
}

// spare is the memory of a finished check lent to the next one: the document
// scans, whose occurrence lists are the largest allocation of a check, the
// repetition checks' cuts, the line lists and the rules' scratch.
type spare struct {
	scans [2]*match.Text // by form (formIndex), each its dictionary's
	cuts  *cutCache
	// lines and slabs are line pieces of the scans and their literal sets
	// (match.Text.SlicesInto), spans their bounds.
	lines [][]match.Text
	slabs [][]uint64
	spans [][2]int
	// found collects a check's findings, and order sorts them, before
	// they are copied out at their number (Engine.Run).
	found []Finding
	order []int32
	// matches and hits hold a line's matches for the pattern and
	// substitution rules in turn, text the fix a substitution builds,
	// groups the swap groups it looks for; seen the sentences a
	// repetition check has met; message is where a finding's message is
	// filled, messages the check's messages so far, each the key of
	// itself (Context.message). matches, seen and messages are emptied
	// when a check is done (emptyScratch); the others hold no pointers,
	// and each use starts them afresh.
	matches  []span
	hits     lineHits
	text     []byte
	groups   []int
	seen     map[string]int
	message  []byte
	messages map[string]string
	// scopes backs the lists of the lines in each scope (scopeLines),
	// viewLines the view's line starts (Analysis.viewLines).
	scopes, viewLines []int
	// cands holds the phrases check's candidates; scan the last text an
	// element check scanned (Context.scanLent).
	cands [][]int
	scan  *match.Text
}

// validator is a check that reads pack settings and checks them once the packs
// are resolved.
type validator interface {
	Validate(r *rules.Rule, set *rules.Set) error
}

// New returns an engine for the active rules of set, after checking the
// settings the rules read.
func New(set *rules.Set) (*Engine, error) {
	for _, r := range set.Rules {
		if v, ok := r.Check.(validator); ok {
			if err := v.Validate(r, set); err != nil {
				return nil, err
			}
		}
	}
	active := set.Active()
	var patterns, rawPatterns []*match.Pattern
	for _, r := range active {
		patterns = append(patterns, r.Patterns...)
		if readsRaw(r) {
			rawPatterns = append(rawPatterns, r.Patterns...)
		}
	}
	// The dictionary of all the patterns made first: a pattern's entry is
	// found fastest in the dictionary that claimed it.
	dict := match.NewDictionary(patterns)
	return &Engine{set: set, rules: active, dict: dict, rawDict: match.NewDictionary(rawPatterns), spares: &sync.Pool{}}, nil
}

// readsRaw tells whether r's check searches the raw text's scan (match:
// raw). A pattern searched in a scan whose dictionary lacks it is still
// found, by regexp over the whole text, only slower.
func readsRaw(r *rules.Rule) bool {
	switch k := r.Check.(type) {
	case *patternCheck:
		return k.Match == "raw"
	case *substitutionCheck:
		return k.Match == "raw"
	case *consistencyCheck:
		return k.Match == "raw"
	case *pairsCheck:
		return k.Match == "raw"
	}
	return false
}

// Only returns an engine that runs just the given rules of the same set.
func (e *Engine) Only(rs ...*rules.Rule) *Engine {
	return &Engine{set: e.set, rules: rs, dict: e.dict, rawDict: e.rawDict, spares: e.spares}
}

// Analysis is a document with the views every rule shares.
type Analysis struct {
	Doc     *doc.Document
	View    *normalize.View
	Outline *outline.Outline
	// viewLines[i] is the byte offset in View.Text where line i+1 starts.
	viewLines []int
	// dict and rawDict are the engine's (Engine.dict, Engine.rawDict).
	dict, rawDict *match.Dictionary
	// scanned[raw][i] is line i+1, raw or normalized, with the dictionary's
	// literals found in it: the pieces of wholeScan, cut when a rule first
	// asks for a line; slabs[raw] holds their literal sets.
	scanned [2][]match.Text
	slabs   [2][]uint64
	// wholeScan[raw] is the whole text, scanned likewise.
	wholeScan [2]*match.Text
	// spare, when set, lends the memory of an earlier check to wholeScan,
	// cutLines and scopeMem, and takes it back when the check is done
	// (Engine.Check).
	spare *spare
	// inScope lists the lines of each scope asked for, by its place in
	// scopes, scoped tells which were (scopeLines); scopeMem holds the lists.
	inScope  [len(scopes)][]int
	scoped   [len(scopes)]bool
	scopeMem []int
	// cutLines holds the view's lines cut into clauses and sentences, once
	// the repetition checks ask for them (cuts).
	cutLines *cutCache
}

// Analyze builds the normalized view and the outline of d.
func (e *Engine) Analyze(d *doc.Document) *Analysis {
	return e.analyze(d, nil)
}

// analyze is Analyze, the view's line starts kept in viewLines' memory
// (nil for fresh memory).
func (e *Engine) analyze(d *doc.Document, viewLines []int) *Analysis {
	v := normalize.NewIn(d.Text, d.Loan())
	a := &Analysis{Doc: d, View: v, Outline: outline.Build(d, v, &e.set.Outline), dict: e.dict, rawDict: e.rawDict}
	if viewLines == nil {
		viewLines = make([]int, 0, len(d.Lines)) // normalizing keeps the lines
	}
	viewLines = append(viewLines[:0], 0)
	a.viewLines = viewLines
	for i := 0; ; {
		k := strings.IndexByte(v.Text[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		a.viewLines = append(a.viewLines, i)
	}
	return a
}

// Check runs every rule over d and returns the findings sorted by position.
// The findings hold nothing of the analysis, whose memory is then lent to
// the next check.
func (e *Engine) Check(d *doc.Document) []Finding {
	out, _ := e.CheckOutline(d)
	return out
}

// CheckOutline is Check, and returns the outline it built as well.
func (e *Engine) CheckOutline(d *doc.Document) ([]Finding, *outline.Outline) {
	sp, _ := e.spares.Get().(*spare)
	if sp == nil {
		sp = &spare{}
	}
	a := e.analyze(d, sp.viewLines)
	a.spare = sp
	out := e.Run(a)
	for i, t := range a.wholeScan {
		if t != nil && (i == 0 || t != a.wholeScan[0]) {
			sp.scans[i] = t
		}
	}
	if a.cutLines != nil {
		sp.cuts = a.cutLines
	}
	if cap(a.scopeMem) > cap(sp.scopes) {
		sp.scopes = a.scopeMem[:0]
	}
	sp.viewLines = a.viewLines[:0]
	for i, lines := range a.scanned {
		if lines != nil {
			sp.lines, sp.slabs = append(sp.lines, lines), append(sp.slabs, a.slabs[i])
		}
	}
	e.spares.Put(sp)
	return out, a.Outline
}

// Run runs every rule over an analysed document and returns the findings
// sorted by position, then by rule; nil if there are none.
func (e *Engine) Run(a *Analysis) []Finding {
	sp := a.spare
	if sp == nil {
		sp = &spare{}
	}
	found := sp.found[:0]
	c := &Context{Analysis: a, set: e.set, out: &found, lent: sp} // one for every rule in turn
	for _, r := range e.rules {
		c.Rule = r
		r.Check.(Check).Run(c)
	}
	sp.emptyScratch()
	if len(found) == 0 {
		return nil
	}
	// The findings are large: their numbers are sorted, and each finding
	// is copied once, into a slice of its size (or the memory lent to the
	// document, Document.Loan).
	order := sp.order[:0]
	for i := range found {
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		a, b := &found[i], &found[j]
		if c := cmp.Compare(a.Range.Start.Offset, b.Range.Start.Offset); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	loan := a.Doc.Loan()
	out := lend.Slice[Finding](loan, lend.Findings, len(found))[:len(found)]
	lend.Keep(loan, lend.Findings, out)
	for i, k := range order {
		out[i] = found[k]
	}
	clear(found) // holds no strings of this document for the next
	sp.found, sp.order = found[:0], order[:0]
	return out
}

// Context is what a check sees while it runs on one document.
type Context struct {
	*Analysis
	Rule *rules.Rule
	set  *rules.Set
	out  *[]Finding
	// lent is the memory lent to the check: the scratch of the rules,
	// which run one after the other. The texts the findings hold are
	// written in the memory lent to the document (Document.Loan).
	lent *spare
}

// emptyScratch empties the rules' scratch memory when a check is done: it
// held pieces of the check's document.
func (sp *spare) emptyScratch() {
	clear(sp.matches[:cap(sp.matches)])
	clear(sp.seen)
	clear(sp.messages)
	sp.matches = sp.matches[:0]
}

// Report records a finding on the byte span [start, end) of Doc.Text. vars fill
// the {placeholders} of the rule's message; {match} is always the excerpt.
func (c *Context) Report(start, end int, vars map[string]string, fix *Fix) {
	excerpt := c.Doc.Text[start:end]
	*c.out = append(*c.out, Finding{
		Rule:     c.Rule.ID,
		Severity: c.Rule.Severity,
		Message:  c.message(excerpt, vars),
		Source:   c.Rule.Source,
		Range:    c.rangeOf(start, end, fix),
		Excerpt:  excerpt,
		Fix:      fix,
	})
}

// message is the rule's message, placeholders filled. It is filled in the
// check's scratch and kept in the memory lent to the document; the findings
// of a check share one string for equal messages ("本行有 1 处半角标点（首处
// “,”）……" on many lines of a report).
func (c *Context) message(excerpt string, vars map[string]string) string {
	message := c.Rule.Message
	if !strings.Contains(message, "{") {
		return message
	}
	sp := c.lent
	filled := appendMessage(sp.message[:0], message, excerpt, vars)
	sp.message = filled[:0]
	if s, ok := sp.messages[string(filled)]; ok {
		return s
	}
	s := c.Doc.Loan().String(filled)
	if sp.messages == nil {
		sp.messages = map[string]string{}
	}
	sp.messages[s] = s
	return s
}

// rangeOf is Doc.Range(start, end), taking the positions fix has worked
// out where it starts or ends at the same place: most fixes replace what
// the finding reports, or start with it, and a position counts the runes
// of its line up to it.
func (c *Context) rangeOf(start, end int, fix *Fix) doc.Range {
	if fix == nil {
		return c.Doc.Range(start, end)
	}
	var r doc.Range
	if r.Start = fix.Range.Start; r.Start.Offset != start {
		r.Start = c.Doc.Pos(start)
	}
	if r.End = fix.Range.End; r.End.Offset != end {
		r.End = c.Doc.Pos(end)
	}
	return r
}

// appendMessage appends message to dst, its {placeholders} replaced:
// {match} with the excerpt, the others from vars; an unknown one stays as
// it is.
func appendMessage(dst []byte, message, excerpt string, vars map[string]string) []byte {
	for {
		open := strings.IndexByte(message, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(message[open:], '}')
		if end < 0 {
			break
		}
		name := message[open+1 : open+end]
		dst = append(dst, message[:open]...)
		v, ok := vars[name]
		switch {
		case name == "match":
			dst = append(dst, excerpt...)
		case ok:
			dst = append(dst, v...)
		default: // not a placeholder: keep the brace, look again after it
			dst = append(dst, '{')
			message = message[open+1:]
			continue
		}
		message = message[open+end+1:]
	}
	return append(dst, message...)
}

// Fix builds a fix replacing [start, end) of Doc.Text with text, in the
// memory lent to the document.
func (c *Context) Fix(start, end int, text string) *Fix {
	f := lend.New[Fix](c.Doc.Loan(), lend.Fixes)
	*f = Fix{Range: c.Doc.Range(start, end), Text: text}
	return f
}

// Setting returns a pack setting for the running rule ("" if unset).
func (c *Context) Setting(key string) string {
	v, _ := c.set.Setting(c.Rule.Pack, key)
	return v
}

// LineView returns the normalized text of line n (1-based) and the byte offset
// in View.Text where it starts.
func (a *Analysis) LineView(n int) (string, int) {
	start := a.viewLines[n-1]
	end := len(a.View.Text)
	if n < len(a.viewLines) {
		end = a.viewLines[n] - 1
	}
	return a.View.Text[start:end], start
}

// ViewSpan maps a byte span of View.Text back to Doc.Text.
func (a *Analysis) ViewSpan(start, end int) (int, int) {
	return a.View.Orig(start), a.View.Orig(end)
}

// anchor returns the span a document-level finding is reported on: the title,
// else the first non-blank line of the body. It is never empty unless the
// document is blank.
func (a *Analysis) anchor() (int, int) {
	if t := a.Outline.Title; t != nil {
		return t.Start, t.End
	}
	for _, l := range a.Doc.Lines {
		if l.Skip || l.Start < a.Outline.BodyStart || strings.TrimSpace(a.Doc.Text[l.Start:l.End]) == "" {
			continue
		}
		return trimSpan(a.Doc.Text, l.Start, l.End)
	}
	return 0, 0
}

// trimSpan narrows [start, end) of s to exclude leading and trailing white space.
func trimSpan(s string, start, end int) (int, int) {
	seg := s[start:end]
	trimmed := strings.TrimLeft(seg, " \t\u3000\u00a0")
	start += len(seg) - len(trimmed)
	trimmed = strings.TrimRight(trimmed, " \t\u3000\u00a0")
	return start, start + len(trimmed)
}
