package checker

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
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
	if err := n.Decode((*plainSwap)(s)); err != nil {
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

// classOf returns the class of expr when expr is one character class or
// one character, else nil.
func classOf(expr string) runeClass {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	switch tree = tree.Simplify(); {
	case tree.Op == syntax.OpCharClass:
		return runeClass(tree.Rune)
	case tree.Op == syntax.OpLiteral && len(tree.Rune) == 1 && tree.Flags&syntax.FoldCase == 0:
		return runeClass{tree.Rune[0], tree.Rune[0]}
	}
	return nil
}

// has tells whether r is in the class.
func (rc runeClass) has(r rune) bool {
	for i := 0; i+1 < len(rc); i += 2 {
		if rc[i] <= r && r <= rc[i+1] {
			return true
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
	// groups lists the swaps that share a from expression (["," before C],
	// ["," after C]): each is scanned for once, its swaps tried in order.
	groups [][]int
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
			beforeRunes: contextClass(sw.Before), afterRunes: contextClass(sw.After)})
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
	for g, members := range s.groups {
		if s.swaps[members[0]].from.String() == s.swaps[i].from.String() {
			s.groups[g] = append(members, i)
			return
		}
	}
	s.groups = append(s.groups, []int{i})
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
	return match.MustCompile(pre + re.String() + post)
}

// contextClass is classOf a context expression, nil if there is none.
func contextClass(re *rules.Regexp) runeClass {
	if re == nil {
		return nil
	}
	return classOf(re.String())
}

func plain(re *rules.Regexp) *match.Pattern {
	if re == nil {
		return nil
	}
	return re.Pattern
}

// hit is one match of a swap in a line: the reported span [start, end) and the
// submatch indexes, all relative to the line.
type hit struct {
	start, end int
	sw         *swap
	sub        []int
}

func (s *substitutionCheck) Run(c *Context) {
	raw := s.Match == "raw"
	hits := c.lent.hits // reused from line to line, and rule to rule
	defer func() { c.lent.hits = hits[:0] }()
	for _, n := range c.scopeLines(s.Scope) {
		scanned, base := c.lineScan(n, raw)
		// The exceptions only on a line with hits, as for pattern.
		hits = s.find(scanned, hits[:0])
		if len(hits) == 0 || skipLine(scanned, s.Unless) {
			continue
		}
		if s.Per == "line" {
			s.reportLine(c, hits, base, raw)
			continue
		}
		for _, h := range hits {
			start, end := c.toDoc(base+h.start, base+h.end, raw)
			want, ok := s.want(c, h, base, raw)
			var fix *Fix
			if ok {
				fix = c.Fix(start, end, want)
			}
			c.Report(start, end, map[string]string{"want": want, "count": "1"}, fix)
		}
	}
}

// reportLine reports the first hit of a line; its fix replaces the stretch from
// the first to the last hit, every hit by its replacement.
func (s *substitutionCheck) reportLine(c *Context, hits []hit, base int, raw bool) {
	first, last := hits[0], hits[len(hits)-1]
	fs, _ := c.toDoc(base+first.start, base+first.end, raw)
	_, fe := c.toDoc(base+last.start, base+last.end, raw)
	var b strings.Builder
	b.Grow(fe - fs + 2*len(hits)) // full-width replacements are a byte or two longer
	fixable := false
	prev := -1
	for _, h := range hits {
		start, end := c.toDoc(base+h.start, base+h.end, raw)
		if prev >= 0 {
			b.WriteString(c.Doc.Text[prev:start])
		}
		if want, ok := s.want(c, h, base, raw); ok {
			b.WriteString(want)
			fixable = true
		} else {
			b.WriteString(c.Doc.Text[start:end])
		}
		prev = end
	}
	start, end := c.toDoc(base+first.start, base+first.end, raw)
	want, _ := s.want(c, first, base, raw)
	var fix *Fix
	if fixable {
		fix = c.Fix(fs, fe, b.String())
	}
	c.Report(start, end, map[string]string{"want": want, "count": strconv.Itoa(len(hits))}, fix)
}

// want expands the replacement of h from the raw text, so that the fix keeps
// the original's characters where the template copies groups.
func (s *substitutionCheck) want(c *Context, h hit, base int, raw bool) (string, bool) {
	if h.sw.to == nil {
		return "", false
	}
	if !strings.Contains(*h.sw.to, "$") {
		return *h.sw.to, true // nothing to expand
	}
	idx := make([]int, len(h.sub))
	for i, v := range h.sub {
		switch {
		case v < 0:
			idx[i] = -1
		case raw:
			idx[i] = base + v
		default:
			idx[i] = c.View.Orig(base + v)
		}
	}
	return string(h.sw.from.ExpandString(nil, *h.sw.to, c.Doc.Text, idx)), true
}

// find appends to out the hits of every swap in text, sorted by position,
// without overlaps (the earlier hit wins) and without those in a skip span.
func (s *substitutionCheck) find(scanned *match.Text, out []hit) []hit {
	text := scanned.String()
	for _, members := range s.groups {
		for m := range s.swaps[members[0]].from.AllIn(scanned) {
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
					out = append(out, hit{start: start, end: end, sw: sw, sub: m})
				}
				break
			}
		}
	}
	if len(out) == 0 {
		return out
	}
	slices.SortStableFunc(out, func(a, b hit) int { return a.start - b.start })
	skips := allSpans(s.Skip, scanned)
	kept := out[:0]
	for _, h := range out {
		if len(kept) > 0 && h.start < kept[len(kept)-1].end || inSpans(h.start, h.end, skips) {
			continue
		}
		kept = append(kept, h)
	}
	return kept
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
	// rules.Regexp compiled the pattern already, so it parses.
	if tree, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		return foldedError(r, re, tree)
	}
	return nil
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
