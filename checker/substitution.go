package checker

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/match"
	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/rules"
	"gopkg.in/yaml.v3"
)

// substitutionSpec: a wrong form and the right one, with a fix.
//
//	swap:        list of wrong forms, each
//	  from:      regex of the wrong form; a group named "at" narrows the reported
//	             (and replaced) span, the rest of the match is context
//	  to:        the right form, replacing the reported span: $1, ${name} expand
//	             groups of from as the raw text has them; absent: no fix
//	  before:    regex the text just before the match must end with (it sees the
//	             16 runes before the match); unlike context inside from, it is not
//	             consumed, so two matches can share a neighbour
//	  after:     regex the text just after the match must start with
//	  when:      regex the match must contain (e.g. '\p{Han}' for quotes)
//	match:       normalized (default) or raw, as for pattern
//	scope:       as for pattern (scope.go)
//	unless:      drop every match on a line that matches one of these
//	skip:        drop a match that overlaps a match of one of these on its line
//	             (《…》 titles, URLs)
//	per:         match (default): one finding per match; line: one finding per
//	             line, at its first match, whose fix applies every swap of the line
//
// Message placeholders: {match} the reported text, {want} its replacement,
// {count} the number of matches on the line (per: line).
type substitutionSpec struct {
	Swap   []swapSpec     `yaml:"swap"`
	Match  string         `yaml:"match"`
	Scope  string         `yaml:"scope"`
	Unless []rules.Regexp `yaml:"unless"`
	Skip   []rules.Regexp `yaml:"skip"`
	Per    string         `yaml:"per"`
}

type swapSpec struct {
	From   rules.Regexp  `yaml:"from"`
	To     *string       `yaml:"to"`
	Before *rules.Regexp `yaml:"before"`
	After  *rules.Regexp `yaml:"after"`
	When   *rules.Regexp `yaml:"when"`
}

// UnmarshalYAML decodes one swap strictly: DecodeSpec checks only the rule's
// own keys, so a misspelt key inside an entry would otherwise pass unnoticed.
func (s *swapSpec) UnmarshalYAML(n *yaml.Node) error {
	if err := knownKeys(n, "from", "to", "before", "after", "when"); err != nil {
		return err
	}
	type plainSwap swapSpec
	if err := rules.DecodeNode(n, (*plainSwap)(s)); err != nil {
		return err
	}
	if s.From.Pattern == nil {
		return nodeError(n, "swap 的每一项都需要 from")
	}
	return nil
}

// swap is a compiled swapSpec: before and after anchored once, at load.
type swap struct {
	from          *match.Pattern
	at            int // index of the "at" group, 0 if none
	to            *string
	expands       bool // to names groups of from
	before, after *match.Pattern
	when          *match.Pattern
	// beforeRunes and afterRunes hold the before and after expressions
	// that are one character class (most are: "a Chinese character"),
	// nil for the others.
	beforeRunes, afterRunes runeClass
}

// runeClass is a character class, as regexp/syntax lists it: pairs of the
// lowest and highest rune of a range. A context of one character is looked
// up in it: a regexp would try every place of the 16 runes before a match.
type runeClass []rune

// treeClass returns the class of a parsed expression when it is one
// character class or one character, else nil.
func treeClass(tree *syntax.Regexp) runeClass {
	switch tree = tree.Simplify(); {
	case tree.Op == syntax.OpCharClass:
		return runeClass(tree.Rune)
	case tree.Op == syntax.OpLiteral && len(tree.Rune) == 1 && tree.Flags&syntax.FoldCase == 0:
		return runeClass{tree.Rune[0], tree.Rune[0]}
	}
	return nil
}

// has tells whether r is in the class. The ranges are in ascending order
// (regexp/syntax sorts a class's): the look stops at the first range past r.
func (rc runeClass) has(r rune) bool {
	for i := 0; i+1 < len(rc); i += 2 {
		if r <= rc[i+1] {
			return rc[i] <= r
		}
	}
	return false
}

// beforeFits tells whether the text before a match, s, ends as sw's
// before expression asks.
func (sw *swap) beforeFits(s string) bool {
	if sw.beforeRunes != nil {
		// An invalid byte (which regexp reads as U+FFFD), or none, is
		// left to the pattern.
		if r, size := utf8.DecodeLastRuneInString(s); r != utf8.RuneError || size > 1 {
			return sw.beforeRunes.has(r)
		}
	}
	return sw.before.MatchString(s)
}

// afterFits tells whether the text after a match, s, starts as sw's after
// expression asks.
func (sw *swap) afterFits(s string) bool {
	if sw.afterRunes != nil {
		if r, size := utf8.DecodeRuneInString(s); r != utf8.RuneError || size > 1 {
			return sw.afterRunes.has(r)
		}
	}
	return sw.after.MatchString(s)
}

type substitutionCheck struct {
	substitutionSpec
	swaps []swap
	// groups gathers the swaps that share a from expression (["," before C],
	// ["," after C]): each is scanned for once, its swaps tried in order.
	groups []swapGroup
}

// swapGroup is the swaps of one from expression, by their index in swaps.
type swapGroup struct {
	members []int
	// oneByte is set when from is one ASCII byte (",") or a run of it
	// (" +", run set), without groups: as an ASCII byte is never part of
	// another character, its matches are where the byte stands, found by
	// a byte search (most of halfwidth-punct's and cjk-space's lines hold
	// several). lit is the byte.
	oneByte, run bool
	lit          byte
	// outside is set when from is a class of characters that holds every
	// one past ASCII, then optionally anything and the class again
	// (\S(?:.*\S)?: a line's text without the white space around it). In
	// a line (no '\n') it has one match, from the first byte in the class
	// to the last, found by a byte scan; outside holds the ASCII bytes
	// out of the class.
	outside *[utf8.RuneSelf]bool
	// strings is set when from is a set of strings (法制政府, 布署|部暑):
	// a line holds one only if the whole text does, which the whole
	// text's scan tells at once, so a document without any is not
	// searched line by line (most of terms/typo's swaps, in most reports).
	strings bool
}

// outsideOf returns, for the expression of a swapGroup's outside, the ASCII
// bytes out of its class; nil for any other expression.
func outsideOf(re *syntax.Regexp) *[utf8.RuneSelf]bool {
	if re.Op != syntax.OpConcat || len(re.Sub) != 2 {
		return nil
	}
	class, rest := re.Sub[0], re.Sub[1]
	if class.Op != syntax.OpCharClass || rest.Op != syntax.OpQuest || rest.Flags&syntax.NonGreedy != 0 {
		return nil
	}
	row := rest.Sub[0]
	if row.Op != syntax.OpConcat || len(row.Sub) != 2 || !row.Sub[1].Equal(class) {
		return nil
	}
	if any := row.Sub[0]; any.Op != syntax.OpStar || any.Flags&syntax.NonGreedy != 0 || any.Sub[0].Op != syntax.OpAnyCharNotNL {
		return nil
	}
	// The class must hold every rune past ASCII: its last range then
	// runs from at most utf8.RuneSelf to the last rune.
	n := len(class.Rune)
	if n < 2 || class.Rune[n-2] > utf8.RuneSelf || class.Rune[n-1] != unicode.MaxRune {
		return nil
	}
	out := new([utf8.RuneSelf]bool)
	for b := range out {
		out[b] = !runeClass(class.Rune).has(rune(b))
	}
	if !out['\n'] {
		return nil
	}
	return out
}

// isStrings tells whether re matches a set of strings, spelt out: literals,
// in rows and alternatives, in groups or not. Classes and repeats are left
// out: though exact, looking for them in a whole text costs more than
// line by line.
func isStrings(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral:
		return re.Flags&syntax.FoldCase == 0
	case syntax.OpConcat, syntax.OpAlternate, syntax.OpCapture:
		for _, sub := range re.Sub {
			if !isStrings(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// byteFrom tells whether tree, a simplified expression, is one ASCII byte
// or a greedy run of it, and which byte.
func byteFrom(tree *syntax.Regexp) (lit byte, run, ok bool) {
	if tree.Op == syntax.OpPlus && tree.Flags&syntax.NonGreedy == 0 {
		tree, run = tree.Sub[0], true
	}
	if tree.Op != syntax.OpLiteral || len(tree.Rune) != 1 || tree.Rune[0] >= utf8.RuneSelf || tree.Flags&syntax.FoldCase != 0 {
		return 0, false, false
	}
	return byte(tree.Rune[0]), run, true
}

// contextBytes bounds the text a before regex looks at: 16 runes of 4 bytes.
const contextBytes = 64

func compileSubstitution(r *rules.Rule) (any, bool, error) {
	var s substitutionSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if len(s.Swap) == 0 {
		return nil, false, rules.SpecError(r, "substitution 规则需要 swap")
	}
	if s.Per != "" && s.Per != "match" && s.Per != "line" {
		return nil, false, rules.SpecError(r, "substitution 的 per 应为 match 或 line")
	}
	if err := checkTextOptions(r, s.Match, &s.Scope, s.Per, nil); err != nil {
		return nil, false, err
	}
	c := &substitutionCheck{substitutionSpec: s}
	fixable := false
	for i := range s.Swap {
		sw := &s.Swap[i]
		for _, re := range []*rules.Regexp{&sw.From, sw.Before, sw.After, sw.When} {
			if err := viewSafe(r, s.Match, re); err != nil {
				return nil, false, err
			}
		}
		if sw.To != nil {
			if err := checkTemplate(r, &sw.From, *sw.To); err != nil {
				return nil, false, err
			}
			fixable = true
		}
		c.swaps = append(c.swaps, swap{from: sw.From.Pattern, at: sw.From.SubexpIndex("at"), to: sw.To,
			before: anchored(sw.Before, "(?:", ")$"), after: anchored(sw.After, "^(?:", ")"), when: plain(sw.When),
			beforeRunes: contextClass(sw.Before), afterRunes: contextClass(sw.After),
			expands: sw.To != nil && strings.Contains(*sw.To, "$")})
		c.group(i)
	}
	for _, re := range append(append([]rules.Regexp{}, s.Unless...), s.Skip...) {
		if err := viewSafe(r, s.Match, &re); err != nil {
			return nil, false, err
		}
	}
	return c, fixable, nil
}

// group files swap i with the earlier swaps of the same from expression.
func (s *substitutionCheck) group(i int) {
	from := s.swaps[i].from.String()
	for g := range s.groups {
		if s.swaps[s.groups[g].members[0]].from.String() == from {
			s.groups[g].members = append(s.groups[g].members, i)
			return
		}
	}
	grp := swapGroup{members: []int{i}}
	tree := s.swaps[i].from.Syntax().Simplify()
	grp.lit, grp.run, grp.oneByte = byteFrom(tree)
	grp.outside = outsideOf(tree)
	// A byte is looked for in a line as fast as in the whole text.
	grp.strings = !grp.oneByte && isStrings(tree)
	s.groups = append(s.groups, grp)
}

// liveGroups appends to live the groups that can match in a line of the
// document, a piece of the scan of the whole text, raw or normalized: those
// whose from may match in the whole text (a set of strings, whose match in
// the whole text is as quickly found, must match there).
func (s *substitutionCheck) liveGroups(c *Context, raw bool, live []int) []int {
	whole := c.documentScan(raw)
	for g := range s.groups {
		from := s.swaps[s.groups[g].members[0]].from
		if !from.MayMatchIn(whole) || s.groups[g].strings && !from.MatchIn(whole) {
			continue
		}
		live = append(live, g)
	}
	return live
}

// literals returns the literals in the dictionary of whole, a scanned
// document, of the from expressions of the groups live: a line of whole
// without one holds a match of none of them. The byte groups' bytes are
// literals; a from without literals (outside's) makes every line one that
// may hold a hit.
func (s *substitutionCheck) literals(whole *match.Text, live []int) match.AnyOf {
	var lits match.AnyOf
	for _, g := range live {
		lits.Add(whole, s.swaps[s.groups[g].members[0]].from)
	}
	return lits
}

// checkTemplate refuses a replacement that names a group from does not have,
// and one that from would match again (the fix would never settle).
func checkTemplate(r *rules.Rule, from *rules.Regexp, to string) error {
	names := map[string]bool{}
	for i, n := range from.SubexpNames() {
		names[strconv.Itoa(i)] = true
		if n != "" {
			names[n] = true
		}
	}
	refs := templateRefs(to)
	for _, ref := range refs {
		if !names[ref] {
			return &rules.PosError{Pos: rules.Pos{File: r.Pos.File, Line: from.Line, Column: from.Column},
				Msg: "to 引用了 from 中不存在的分组 $" + ref}
		}
	}
	if len(refs) == 0 && from.SubexpIndex("at") < 0 && from.MatchString(to) {
		return &rules.PosError{Pos: rules.Pos{File: r.Pos.File, Line: from.Line, Column: from.Column},
			Msg: "to “" + to + "” 仍能被 from 匹配，修改后会再次报告"}
	}
	return nil
}

// templateRefs lists the group references of a regexp.Expand template.
func templateRefs(t string) []string {
	var out []string
	for i := 0; i < len(t); i++ {
		if t[i] != '$' || i+1 == len(t) {
			continue
		}
		i++
		switch {
		case t[i] == '$':
		case t[i] == '{':
			if j := strings.IndexByte(t[i:], '}'); j > 0 {
				out = append(out, t[i+1:i+j])
				i += j
			}
		default:
			j := i
			for j < len(t) && (t[j] == '_' || t[j] >= '0' && t[j] <= '9' || t[j] >= 'a' && t[j] <= 'z' || t[j] >= 'A' && t[j] <= 'Z') {
				j++
			}
			if j > i {
				out = append(out, t[i:j])
				i = j - 1
			}
		}
	}
	return out
}

// anchored wraps a context pattern so that it must touch the match: it was
// valid on its own, so wrapped in a group it stays valid.
func anchored(re *rules.Regexp, pre, post string) *match.Pattern {
	if re == nil {
		return nil
	}
	return rules.MustCompile(pre + re.String() + post)
}

// contextClass is treeClass of a context expression, nil if there is none.
func contextClass(re *rules.Regexp) runeClass {
	if re == nil {
		return nil
	}
	return treeClass(re.Syntax())
}

func plain(re *rules.Regexp) *match.Pattern {
	if re == nil {
		return nil
	}
	return re.Pattern
}

// hit is one match of a swap in a line: the reported span [start, end),
// relative to the line, and the swap, by its index. It holds no pointer,
// so that sorting a line's hits moves plain words.
type hit struct {
	start, end int
	swap       int
	// sub is where the match's submatch indexes start in the line's
	// subs, kept only for a replacement that expands groups; -1 for
	// the others, and when the match is the span and has no groups.
	sub int
}

// lineHits are the hits of a line and the submatch indexes they keep.
type lineHits struct {
	hits []hit
	subs []int
}

func (s *substitutionCheck) Run(c *Context) {
	raw := s.Match == "raw"
	found := &c.lent.hits // reused from line to line, and rule to rule
	live := s.liveGroups(c, raw, c.lent.groups[:0])
	defer func() { c.lent.groups = live[:0] }()
	if len(live) == 0 {
		return
	}
	// A line without a literal of the live groups' from expressions holds
	// no hit (contexts, skip and unless only drop hits): it is passed over
	// at one look, not one per group.
	lits := s.literals(c.documentScan(raw), live)
	vars := messageVarsOf(c.Rule.Message)
	if vars.want || vars.count {
		vars.vars = make(map[string]string, 2) // in this frame, not the heap
	}
	for _, n := range c.scopeLines(s.Scope) {
		scanned := c.lineScanned(n, raw)
		if !scanned.MayHold(&lits) {
			continue
		}
		// The exceptions only on a line with hits, as for pattern.
		s.find(scanned, live, found)
		if len(found.hits) == 0 || skipLine(scanned, s.Unless) {
			continue
		}
		s.reportHits(c, n, raw, found, &vars)
	}
}

// messageVars fills the placeholders of a rule's message other than
// {match}: only those the message has, in one map for all its findings.
type messageVars struct {
	vars        map[string]string // nil when it has none
	want, count bool
}

// messageVarsOf tells which placeholders message has; the caller makes the
// map if it has one.
func messageVarsOf(message string) messageVars {
	return messageVars{want: strings.Contains(message, "{want}"), count: strings.Contains(message, "{count}")}
}

// of returns the placeholders of a finding: its replacement and the
// number of hits it stands for.
func (v *messageVars) of(want string, count int) map[string]string {
	if v.want {
		v.vars["want"] = want
	}
	if v.count {
		v.vars["count"] = strconv.Itoa(count)
	}
	return v.vars
}

// reportHits reports the hits found on line n: each with its fix, or,
// per line, the first with one fix for them all (reportLine).
func (s *substitutionCheck) reportHits(c *Context, n int, raw bool, found *lineHits, vars *messageVars) {
	_, base := c.lineText(n, raw)
	if s.Per == "line" {
		s.reportLine(c, found, base, raw, vars)
		return
	}
	for _, h := range found.hits {
		start, end := c.toDoc(base+h.start, base+h.end, raw)
		want, ok := s.want(c, found, h, base, raw)
		var fix *Fix
		if ok {
			fix = c.Fix(start, end, want)
		}
		c.Report(start, end, vars.of(want, 1), fix)
	}
}

// reportLine reports the first hit of a line; its fix replaces the stretch from
// the first to the last hit, every hit by its replacement.
func (s *substitutionCheck) reportLine(c *Context, found *lineHits, base int, raw bool, vars *messageVars) {
	hits := found.hits
	first, last := hits[0], hits[len(hits)-1]
	fs, firstEnd := c.toDoc(base+first.start, base+first.end, raw)
	_, fe := c.toDoc(base+last.start, base+last.end, raw)
	// The fix is built in lent memory, and copied once at its length, into
	// the memory lent to the document.
	text := c.lent.text[:0]
	defer func() { c.lent.text = text[:0] }()
	var want string // the first hit's replacement, if the message has it
	fixable := false
	prev := fs
	for i, h := range hits {
		start, end := c.toDoc(base+h.start, base+h.end, raw)
		text = append(text, c.Doc.Text[prev:start]...)
		at := len(text)
		var ok bool
		if text, ok = s.appendWant(text, c, found, h, base, raw); ok {
			fixable = true
			if i == 0 && vars.want {
				want = s.wantString(c, h, text[at:])
			}
		} else {
			text = append(text, c.Doc.Text[start:end]...)
		}
		prev = end
	}
	var fix *Fix
	if fixable {
		fix = c.Fix(fs, fe, c.Doc.Loan().String(text))
	}
	c.Report(fs, firstEnd, vars.of(want, len(hits)), fix)
}

// want is the replacement of h, and whether its swap has one.
func (s *substitutionCheck) want(c *Context, found *lineHits, h hit, base int, raw bool) (string, bool) {
	text, ok := s.appendWant(c.lent.text[:0], c, found, h, base, raw)
	c.lent.text = text[:0]
	return s.wantString(c, h, text), ok
}

// wantString is h's replacement, written as expanded: the swap's own
// string when it expands nothing, so that only expansions are copied,
// into the memory lent to the document.
func (s *substitutionCheck) wantString(c *Context, h hit, expanded []byte) string {
	if sw := &s.swaps[h.swap]; sw.to != nil && !sw.expands {
		return *sw.to
	}
	return c.Doc.Loan().String(expanded)
}

// appendWant appends the replacement of h to dst, expanded from the raw
// text, so that the fix keeps the original's characters where the template
// copies groups; it reports false, dst unchanged, when the swap has none.
func (s *substitutionCheck) appendWant(dst []byte, c *Context, found *lineHits, h hit, base int, raw bool) ([]byte, bool) {
	sw := &s.swaps[h.swap]
	if sw.to == nil {
		return dst, false
	}
	if !sw.expands {
		return append(dst, *sw.to...), true
	}
	var whole [2]int
	sub := whole[:]
	if h.sub < 0 {
		whole = [2]int{h.start, h.end}
	} else {
		sub = found.subs[h.sub : h.sub+2*len(sw.from.SubexpNames())]
	}
	var mem [20]int // most templates' patterns have few groups
	idx := mem[:0]
	for _, v := range sub {
		switch {
		case v < 0:
			idx = append(idx, -1)
		case raw:
			idx = append(idx, base+v)
		default:
			idx = append(idx, c.View.Orig(base+v))
		}
	}
	return sw.from.ExpandString(dst, *sw.to, c.Doc.Text, idx), true
}

// find sets found to the hits in text of the swaps of the groups live
// (their indexes, in order), sorted by position, without overlaps (the
// earlier hit wins) and without those in a skip span.
func (s *substitutionCheck) find(scanned *match.Text, live []int, found *lineHits) {
	text := scanned.String()
	found.hits, found.subs = found.hits[:0], found.subs[:0]
	for _, g := range live {
		grp := &s.groups[g]
		switch {
		case grp.oneByte:
			s.byteHits(grp, text, found)
			continue
		case grp.outside != nil && strings.IndexByte(text, '\n') < 0:
			s.insideHit(grp, text, found)
			continue
		}
		for m := range s.swaps[grp.members[0]].from.AllIn(scanned) {
			s.addHit(grp.members, text, m, true, found)
		}
	}
	if len(found.hits) == 0 {
		return
	}
	slices.SortStableFunc(found.hits, func(a, b hit) int { return a.start - b.start })
	skips := allSpans(s.Skip, scanned)
	kept := found.hits[:0]
	for _, h := range found.hits {
		if len(kept) > 0 && h.start < kept[len(kept)-1].end || inSpans(h.start, h.end, skips) {
			continue
		}
		kept = append(kept, h)
	}
	found.hits = kept
}

// byteHits adds the hits of a oneByte group in text, the matches its
// pattern would yield: each place of the byte, or each longest run of it.
func (s *substitutionCheck) byteHits(grp *swapGroup, text string, found *lineHits) {
	for at := 0; ; {
		i := strings.IndexByte(text[at:], grp.lit)
		if i < 0 {
			return
		}
		m := [2]int{at + i, at + i + 1}
		for grp.run && m[1] < len(text) && text[m[1]] == grp.lit {
			m[1]++
		}
		s.addHit(grp.members, text, m[:], false, found)
		at = m[1]
	}
}

// insideHit adds the hit of the one match of a group with outside in text:
// from the first byte in the class to the last. A byte past ASCII is part
// of a character in the class, an invalid byte too (read as U+FFFD).
func (s *substitutionCheck) insideHit(grp *swapGroup, text string, found *lineHits) {
	inside := func(b byte) bool { return b >= utf8.RuneSelf || !grp.outside[b] }
	start := 0
	for start < len(text) && !inside(text[start]) {
		start++
	}
	if start == len(text) {
		return
	}
	end := len(text)
	for !inside(text[end-1]) {
		end--
	}
	m := [2]int{start, end}
	s.addHit(grp.members, text, m[:], false, found)
}

// addHit adds the hit of match m of text for the first of the members
// whose context fits, if one does; keep tells whether m is worth keeping
// for a replacement that expands groups (not when m is the reported span
// and from has no groups).
func (s *substitutionCheck) addHit(members []int, text string, m []int, keep bool, found *lineHits) {
	for _, i := range members {
		sw := &s.swaps[i]
		if !sw.fits(text, m) {
			continue
		}
		start, end := m[0], m[1]
		if sw.at > 0 && m[2*sw.at] >= 0 {
			start, end = m[2*sw.at], m[2*sw.at+1]
		}
		if start < end {
			h := hit{start: start, end: end, swap: i, sub: -1}
			if keep && sw.expands {
				h.sub = len(found.subs)
				found.subs = append(found.subs, m...)
			}
			found.hits = append(found.hits, h)
		}
		return
	}
}

// fits checks the context conditions of sw around match m of text.
func (sw *swap) fits(text string, m []int) bool {
	if sw.before != nil {
		from := max(0, m[0]-contextBytes)
		for from < m[0] && !utf8.RuneStart(text[from]) {
			from++
		}
		if !sw.beforeFits(text[from:m[0]]) {
			return false
		}
	}
	if sw.after != nil && !sw.afterFits(text[m[1]:]) {
		return false
	}
	return sw.when == nil || sw.when.MatchString(text[m[0]:m[1]])
}

// Helpers the text kinds share (substitution, numbering, pairs, consistency,
// repetition, continuation).

// knownKeys refuses a mapping with keys other than keys.
func knownKeys(n *yaml.Node, keys ...string) error {
	if n.Kind != yaml.MappingNode {
		return nodeError(n, "应为映射（键: 值）")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(keys, k.Value) {
			return nodeError(k, fmt.Sprintf("未知的键 %q（可用：%s）", k.Value, strings.Join(keys, "、")))
		}
	}
	return nil
}

// nodeError is an error at n; the loader fills in the file.
func nodeError(n *yaml.Node, msg string) error {
	return &rules.PosError{Pos: rules.Pos{Line: n.Line, Column: n.Column}, Msg: msg}
}

// viewSafe refuses, for a rule that matches the normalized view, a pattern
// with a literal the view never holds (a full-width or traditional character):
// that part of the pattern could never match.
func viewSafe(r *rules.Rule, match string, re *rules.Regexp) error {
	if re == nil || re.Pattern == nil || match == "raw" {
		return nil
	}
	return foldedError(r, re, re.Syntax())
}

// foldedError is viewSafe's finding on a parsed pattern.
func foldedError(r *rules.Rule, re *rules.Regexp, tree *syntax.Regexp) error {
	if bad, ok := foldedLiteral(tree); ok {
		return &rules.PosError{Pos: rules.Pos{File: r.Pos.File, Line: re.Line, Column: re.Column},
			Msg: "正则中的“" + string(bad) + "”在 normalized 视图中写作“" + string(normalize.Rune(bad)) +
				"”（全角字符、繁体字已折叠；要匹配原文请用 match: raw）"}
	}
	return nil
}

func foldedLiteral(re *syntax.Regexp) (rune, bool) {
	if re.Op == syntax.OpLiteral {
		for _, c := range re.Rune {
			if normalize.Rune(c) != c {
				return c, true
			}
		}
	}
	for _, sub := range re.Sub {
		if c, ok := foldedLiteral(sub); ok {
			return c, true
		}
	}
	return 0, false
}

// allSpans returns every match of every pattern in text, overlaps kept.
func allSpans(patterns []rules.Regexp, text *match.Text) []span {
	var out []span
	for i := range patterns {
		for m := range patterns[i].AllIndexIn(text) {
			out = append(out, span{start: m[0], end: m[1]})
		}
	}
	return out
}

// inSpans tells whether [start, end) overlaps one of spans.
func inSpans(start, end int, spans []span) bool {
	for _, sp := range spans {
		if start < sp.end && sp.start < end {
			return true
		}
	}
	return false
}
