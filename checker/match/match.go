// Package match runs the rules' regular expressions fast, with exactly
// regexp's answers. Go's regexp tries every position of a line, even when the
// pattern needs a literal ("扫一扫", "ICP备", "，") that the line does not
// contain, and its backtracker clears state in proportion to the whole line
// on every call. A Pattern knows, from the expression's syntax tree, sets of
// literals every match holds one of, how far into a match they start and how
// long a match can be. A Dictionary finds the literals of many patterns in a
// text in one pass (Scan); a pattern then skips a text without its literals,
// and on one with them runs only where a match can start (window.go). Rows of
// rune sets, with alternatives and optional parts, are matched without regexp
// (sequence.go), those without literals (`[0-9]+(?:\.[0-9]+)?%?|[A-Za-z]+`)
// tried only where a byte they can start with stands; rows of literal choices
// and bounded repetitions that overlap what follows them are matched by
// backtracking (row.go).
package match

import (
	"iter"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Pattern is a regular expression with a prefilter. It is parsed (and so
// validated) when made, its literals worked out then for the dictionaries;
// how it searches is planned on its first search that gets past the
// prefilter, and the expression compiled on first use: a pattern whose
// literals never occur in the text is never planned nor compiled, which
// keeps start-up short. The Find and Match methods answer exactly as
// regexp's do; a Pattern is safe for concurrent use.
type Pattern struct {
	expr string
	// source is what the variants are built from, unless printed: then the
	// expression printed from the parsed tree (when expr quotes with \Q,
	// and for an alternative of a split alternation, which has no text of
	// its own).
	source  string
	printed bool
	names   []string // capture group names, as regexp's SubexpNames
	// need holds literals one of which every match contains; need.lits is nil
	// when the pattern has no such set (then every text is scanned).
	need needs
	// also holds more literal sets every match contains one of each of: a
	// text must hold all to be searched.
	also [][]string
	// needRunes sums up the characters of each literal of need.
	needRunes []Runes
	// branches are the alternatives of a pattern searched one by one.
	branches []*Pattern
	empty    bool // the pattern can match the empty string
	// parsed is the expression's syntax tree, kept for the rule kinds to
	// read (see Syntax), for plan and for printing; never changed once
	// made.
	parsed *syntax.Regexp
	// The fields below are the plan, made by plan on the first search
	// (planned) from the parsed tree and its simplified form.
	planOnce sync.Once
	// longest is the most bytes a match spans, or unbounded.
	longest int
	// stop is a rune every match ends with and holds nowhere else (the 》
	// of 《[^《》]*》): a match ends at the first one from its start on.
	stop string
	// mid is a rune every match holds once, where a part of the pattern
	// ends, and rest the rows of rune sets that follow it, loosened (see
	// midStop); nil for patterns without one.
	mid  string
	rest []*sequence
	// tail is the set of runes a pattern consumes whose every match ends at
	// the text's end: its matches lie in the text's trailing run of them
	// (see tailSet); nil for other patterns.
	tail []rune
	// how is the way the pattern searches a text.
	how strategy
	// seqs is the pattern as sequences (ways through it tried in turn),
	// matched without regexp; nil for other patterns. firstRunes is the
	// set of runes their matches start with (see firstRunes), secondRunes
	// the set of their second runes, when their first is one (see
	// secondRunes).
	seqs        []*sequence
	firstRunes  []rune
	secondRunes []rune
	// row is the pattern as a row of strings and repetitions matched by
	// backtracking (see row); nil for other patterns.
	row *row
	// starts is what the first byte of a match can be; secondStarts, for
	// sequences, what the first byte of its second rune can be (see
	// secondStartsOf).
	starts       starts
	secondStarts *starts
	// compiled holds the expression compiled, once a search or a caller
	// needs regexp: most patterns never do.
	compiled atomic.Pointer[variants]
	matters  int // the variant bits that change the expression
	// claim is the dictionary that holds the pattern's literals (the first
	// one made with it), and where.
	claim atomic.Pointer[claim]
}

// variants holds a pattern's expression compiled as variant v says (re[v]):
// anchored at the start of the text it is given, and for a window whose
// start or end is cut off from the text's (there ^ or $ cannot hold).
// Each is compiled on first use; bits the pattern's anchors make no
// difference to are dropped.
type variants struct {
	re   [8]*regexp.Regexp
	once [8]sync.Once
}

// strategy is how a pattern looks for its matches in a text.
type strategy int

const (
	// whole: the prefilter on the whole text, then regexp on the whole text.
	whole strategy = iota
	// atStart: every match starts at the text's start (^…); the literals are
	// looked for in the stretch of text a match can reach.
	atStart
	// tryStarts: at each literal occurrence, the expression is tried
	// anchored at each place a match holding it can start (a few: the
	// literal is near a match's start; any number for sequences).
	tryStarts
	// inWindows: at each literal occurrence, the expression runs on a window
	// around it (see search).
	inWindows
	// atEnd: a sequence of fixed length anchored at the text's end, tried
	// there alone.
	atEnd
	// everyStart: sequences without literals (or with literals anywhere in
	// a match), tried at every place a match can start.
	everyStart
	// alternatives: an alternation searched alternative by alternative, each
	// with its own literals and strategy (see search.alternative).
	alternatives
)

// maxTryStarts bounds, in bytes, how far before a literal a match may start
// for the search to try each start (one regexp call each) rather than a
// window.
const maxTryStarts = 12

// The variant bits: the start or end of the text given is cut off from the
// text's; the expression is anchored at the start of what it is given.
const (
	cutStart = 1 << iota
	cutEnd
	anchored
)

// maxLiterals bounds a prefilter's set: past it, scanning for every literal
// costs more than the regexp.
const maxLiterals = 32

// maxAlso bounds the further literal sets a line is checked for.
const maxAlso = 4

// Compile parses expr (RE2 syntax, as regexp.Compile) and reports its errors
// as regexp.Compile would.
func Compile(expr string) (*Pattern, error) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, err
	}
	p := compileTree(tree)
	p.expr, p.source = expr, expr
	// \Q quotes to the end of the expression, the ) of a wrapping group
	// too: the variants are built from the printed tree instead.
	p.printed = strings.Contains(expr, `\Q`)
	return p, nil
}

// compileTree makes the pattern of a parsed expression. Its source text is
// the caller's to set: without it, the tree is printed when needed (an
// alternative of a split alternation).
func compileTree(tree *syntax.Regexp) *Pattern {
	p := &Pattern{printed: true, names: tree.CapNames(), empty: nullable(tree)}
	// The literals are read from the parsed tree as from its simplified
	// form (see simplified), which is built only when the pattern is planned.
	if n, ok, sets := literalSets(tree); ok && len(n.lits) > 0 && len(n.lits) <= maxLiterals {
		p.need = n
		for _, lit := range n.lits {
			p.needRunes = append(p.needRunes, RunesOf(lit))
		}
		for _, set := range sets {
			if len(set) <= maxLiterals && len(p.also) < maxAlso && !slices.Equal(set, n.lits) {
				p.also = append(p.also, set)
			}
		}
	}
	p.parsed = tree
	if p.splittable() {
		// Whether it is split decides what a dictionary holds of it.
		p.planned()
	}
	return p
}

// planned returns p with its search planned: on its first search, not when
// it is compiled, because the packs are compiled at every start and most of
// their patterns reach no search in a run on one file.
func (p *Pattern) planned() *Pattern {
	p.planOnce.Do(p.plan)
	return p
}

// plan works out how p searches a text: how long a match can be, what it
// can start and end with, whether it is matched as sequences, and so its
// strategy; and splits an alternation.
func (p *Pattern) plan() {
	tree, simple := p.parsed, p.parsed.Simplify()
	p.longest = maxLen(simple)
	p.stop = stopRune(simple)
	begin, end, context := anchors(simple)
	p.matters = anchored
	if begin {
		p.matters |= cutStart
	}
	if end {
		p.matters |= cutEnd
	}
	p.starts = startsOf(simple)
	if !p.empty {
		p.seqs = sequencesOf(tree)
		p.firstRunes = firstRunes(p.seqs)
		p.secondRunes = secondRunes(p.seqs)
		if p.starts.few == nil && p.starts.lo != 0 { // read by nextASCII alone
			p.secondStarts = secondStartsOf(p.seqs)
		}
	}
	p.tail = tailSet(simple) // sequences tried at each start use it too
	if p.seqs == nil {
		p.mid, p.rest = midStop(tree, len(p.names)-1)
		if !p.empty {
			p.row = rowOf(tree, len(p.names)-1)
		}
	}
	single := len(p.seqs) == 1
	switch {
	case single && p.seqs[0].end && p.seqs[0].fixed:
		p.how = atEnd
	case single && p.seqs[0].begin, p.seqs != nil && startAnchored(simple):
		p.how = atStart
	case p.seqs != nil && (p.need.lits == nil || p.need.before == unbounded):
		p.how = everyStart
	case p.seqs != nil:
		// Sequences are tried without regexp, so trying every start in
		// front of a literal costs little, however far it stands.
		p.how = tryStarts
	case context || p.empty:
		p.how = whole
	case startAnchored(simple):
		p.how = atStart
	case p.need.lits == nil || p.need.before == unbounded:
		p.how = whole
	case p.need.before <= maxTryStarts, p.row != nil:
		// A row is tried without regexp, as sequences are.
		p.how = tryStarts
	default:
		p.how = inWindows
	}
	if p.seqs == nil && p.splittable() {
		p.splitAlternation(tree)
	}
}

// splittable tells whether p is an alternation splitAlternation may split:
// one without groups (their numbers span the alternatives) that does not
// match the empty string.
func (p *Pattern) splittable() bool {
	return p.parsed.Op == syntax.OpAlternate && len(p.names) <= 1 && !p.empty
}

// splitAlternation makes a pattern that is an alternation ("扫一扫|ICP备|
// 发布时间\s*:|…", splittable) search each alternative apart, when each has
// literals of its own to find it by: regexp runs the whole alternation, at
// every place one of the alternatives' literals stands, on the rest of the
// line (a \s* leaves the match unbounded), and a large alternation is slow
// there.
func (p *Pattern) splitAlternation(tree *syntax.Regexp) {
	var branches []*Pattern
	for _, sub := range tree.Sub {
		b := compileTree(sub).planned()
		if b.empty || b.how == whole || b.how == alternatives {
			return
		}
		// Its literals find an alternative; further sets (the 的 of
		// 你的位置) would only add common characters to the scan.
		b.also = nil
		branches = append(branches, b)
	}
	p.branches, p.how = branches, alternatives
}

// MustCompile is Compile for patterns known to be valid.
func MustCompile(expr string) *Pattern {
	p, err := Compile(expr)
	if err != nil {
		panic(err)
	}
	return p
}

// Regexp returns the compiled expression, compiling it on first use.
func (p *Pattern) Regexp() *regexp.Regexp { return p.variant(0) }

// variant returns the expression compiled as variant v (the variant bits).
func (p *Pattern) variant(v int) *regexp.Regexp {
	if v != 0 {
		// Only a search asks for other variants, once the pattern is
		// planned; Regexp, which may come first, needs no plan.
		v &= p.matters
	}
	vs := p.compiled.Load()
	if vs == nil {
		// The first to store its variants wins; the others use them.
		p.compiled.CompareAndSwap(nil, &variants{})
		vs = p.compiled.Load()
	}
	vs.once[v].Do(func() {
		expr := p.source
		if p.printed {
			expr = p.parsed.String()
		}
		if v&(cutStart|cutEnd) != 0 {
			expr = cutAnchors(expr, v&cutStart != 0, v&cutEnd != 0)
		}
		if v&anchored != 0 {
			expr = `^(?:` + expr + `)`
		}
		vs.re[v] = regexp.MustCompile(expr)
	})
	return vs.re[v]
}

// String returns the source text of the pattern.
func (p *Pattern) String() string {
	if p.expr == "" && p.printed {
		return p.parsed.String()
	}
	return p.expr
}

// Syntax returns the expression's syntax tree, as syntax.Parse(expr,
// syntax.Perl) makes it: the rule kinds read it at load instead of parsing
// the expression again. The tree is shared: callers must not change it.
func (p *Pattern) Syntax() *syntax.Regexp { return p.parsed }

// SubexpNames returns the names of the capture groups, as regexp's does.
func (p *Pattern) SubexpNames() []string { return p.names }

// SubexpIndex returns the index of the first group named name, or -1.
func (p *Pattern) SubexpIndex(name string) int {
	if name != "" {
		for i, n := range p.names {
			if n == name {
				return i
			}
		}
	}
	return -1
}

// MatchesEmpty tells whether the pattern can match the empty string: such a
// pattern in a rule would report empty spans everywhere.
func (p *Pattern) MatchesEmpty() bool { return p.empty }

// mayMatch tells whether s contains one of the literals every match needs.
func (p *Pattern) mayMatch(s string) bool {
	if p.need.lits == nil {
		return true
	}
	if !containsAny(s, p.need.lits) {
		return false
	}
	for _, set := range p.also {
		if !containsAny(s, set) {
			return false
		}
	}
	return true
}

// containsAny tells whether s contains one of lits.
func containsAny(s string, lits []string) bool {
	for _, lit := range lits {
		if contains(s, lit) {
			return true
		}
	}
	return false
}

// contains is strings.Contains, faster on Chinese text: see index.
func contains(s, lit string) bool { return index(s, lit) >= 0 }

// index is strings.Index, faster on Chinese text: strings.Index looks for the
// needle's first byte, and the lead byte of a Chinese character (0xE4–0xE9)
// is a third of the text, so nearly every character is a candidate. The
// continuation bytes after it vary far more: the search starts from the
// second byte and checks the first (about 5× faster on a report).
func index(s, lit string) int {
	if len(lit) < 3 || lit[0] < utf8.RuneSelf {
		return strings.Index(s, lit)
	}
	tail := lit[1:]
	for off := 1; off < len(s); {
		i := strings.Index(s[off:], tail)
		if i < 0 {
			return -1
		}
		if s[off+i-1] == lit[0] {
			return off + i - 1
		}
		off += i + 1
	}
	return -1
}

// MatchString reports whether s contains a match.
func (p *Pattern) MatchString(s string) bool {
	switch {
	case !p.mayMatch(s):
		return false
	case p.planned().how == whole:
		return p.Regexp().MatchString(s)
	}
	return p.newSearch(s, whether).next() != nil
}

// FindStringIndex is regexp's, with the prefilter.
func (p *Pattern) FindStringIndex(s string) []int {
	switch {
	case !p.mayMatch(s):
		return nil
	case p.planned().how == whole:
		return p.Regexp().FindStringIndex(s)
	}
	return p.newSearch(s, span).next()
}

// FindStringSubmatchIndex is regexp's, with the prefilter.
func (p *Pattern) FindStringSubmatchIndex(s string) []int {
	switch {
	case !p.mayMatch(s):
		return nil
	case p.planned().how == whole:
		return p.Regexp().FindStringSubmatchIndex(s)
	}
	return p.newSearch(s, submatches).next()
}

// FindAllStringIndex is regexp's, with the prefilter.
func (p *Pattern) FindAllStringIndex(s string, n int) [][]int {
	switch {
	case !p.mayMatch(s):
		return nil
	case p.planned().how == whole:
		return p.Regexp().FindAllStringIndex(s, n)
	}
	return p.newSearch(s, span).all(n)
}

// FindAllStringSubmatchIndex is regexp's, with the prefilter.
func (p *Pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	switch {
	case !p.mayMatch(s):
		return nil
	case p.planned().how == whole:
		return p.Regexp().FindAllStringSubmatchIndex(s, n)
	}
	return p.newSearch(s, submatches).all(n)
}

// The methods below answer as the ones above do for t's text, using the
// literals t's dictionary found in it when the pattern is in the dictionary.

// MatchIn reports whether t contains a match.
func (p *Pattern) MatchIn(t *Text) bool {
	e := t.d.entryOf(p)
	switch {
	case e == nil:
		return p.MatchString(t.s)
	case !t.has(e):
		return false
	case p.planned().how == whole:
		return p.Regexp().MatchString(t.s)
	}
	return p.newSearch(t.s, whether).in(t, e).next() != nil
}

// AllIn yields the matches of p in t's text, submatch indexes as
// FindAllStringSubmatchIndex lists them, without building the list.
func (p *Pattern) AllIn(t *Text) iter.Seq[[]int] { return p.allIn(t, submatches) }

// AllIndexIn yields the spans of the matches of p in t's text, as
// FindAllStringIndex lists them.
func (p *Pattern) AllIndexIn(t *Text) iter.Seq[[]int] { return p.allIn(t, span) }

func (p *Pattern) allIn(t *Text, want answer) iter.Seq[[]int] {
	return func(yield func([]int) bool) {
		var listed [][]int
		switch e := t.d.entryOf(p); {
		case e == nil && want == span:
			listed = p.FindAllStringIndex(t.s, -1)
		case e == nil:
			listed = p.FindAllStringSubmatchIndex(t.s, -1)
		case !t.has(e):
		case p.planned().how != whole:
			x := search{p: p, s: t.s, want: want, t: t, e: e}
			for m := x.next(); m != nil; m = x.next() {
				if !yield(m) {
					return
				}
			}
		case want == span:
			listed = p.Regexp().FindAllStringIndex(t.s, -1)
		default:
			listed = p.Regexp().FindAllStringSubmatchIndex(t.s, -1)
		}
		for _, m := range listed {
			if !yield(m) {
				return
			}
		}
	}
}

// ExpandString is regexp's ExpandString.
func (p *Pattern) ExpandString(dst []byte, template, src string, match []int) []byte {
	return p.Regexp().ExpandString(dst, template, src, match)
}
