package match

import (
	"math/bits"
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// runeBytes is the most bytes one rune step of a pattern consumes: four for a
// UTF-8 character, one for a byte Go's regexp reads as an invalid rune.
const runeBytes = 4

// unbounded stands for a length with no bound.
const unbounded = -1

// needs is a set of literals one of which every match of a pattern contains,
// and where: the occurrence starts at most before bytes after the match's
// start (unbounded when the part of the pattern in front of it can be any
// length).
type needs struct {
	lits   []string
	before int
}

// maxLen returns the most bytes a match of re (or any partial path through
// it) consumes, or unbounded. Each rune counts runeBytes: an upper bound is
// all the windowed search needs.
func maxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return runeBytes * len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return runeBytes
	case syntax.OpCapture, syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if maxLen(re.Sub[0]) == 0 {
			return 0
		}
		return unbounded
	case syntax.OpRepeat:
		n := maxLen(re.Sub[0])
		switch {
		case n == 0, re.Max == 0:
			return 0
		case n == unbounded || re.Max < 0:
			return unbounded
		}
		return n * re.Max
	case syntax.OpConcat:
		sum := 0
		for _, sub := range re.Sub {
			n := maxLen(sub)
			if n == unbounded {
				return unbounded
			}
			sum += n
		}
		return sum
	case syntax.OpAlternate:
		most := 0
		for _, sub := range re.Sub {
			n := maxLen(sub)
			if n == unbounded {
				return unbounded
			}
			most = max(most, n)
		}
		return most
	}
	return 0 // empty-width operators
}

// required returns a set of literals every match of re contains, ok false
// when no such set is known.
func required(re *syntax.Regexp) (n needs, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if lit, ok := plainLiteral(re); ok {
			return needs{lits: []string{lit}}, true
		}
		// U+FFFD in a pattern also matches each byte of invalid UTF-8, which
		// a search for its encoding would miss.
		if len(re.Rune) == 0 || slices.Contains(re.Rune, utf8.RuneError) {
			return needs{}, false
		}
		// Case folded, (?i)xx, [Xx]{2}: each way of writing it, if there
		// are few.
		lits := []string{""}
		for _, r := range re.Rune {
			var forms []string
			for _, f := range caseForms(r) {
				forms = append(forms, string(f))
			}
			if len(lits)*len(forms) > maxLiterals {
				return needs{}, false
			}
			lits = product(lits, forms)
		}
		return needs{lits: lits}, true
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		return required(simplified(re))
	case syntax.OpConcat:
		return concatRequired(re, nil)
	case syntax.OpAlternate:
		// Most alternatives are one literal each: room for them at once.
		all := needs{lits: make([]string, 0, len(re.Sub))}
		for _, sub := range re.Sub {
			if lit, ok := plainLiteral(sub); ok {
				// required(sub) without its list of one; it stands at
				// the match's start, as all.before allows.
				all.lits = append(all.lits, lit)
				continue
			}
			c, ok := required(sub)
			if !ok {
				return needs{}, false
			}
			all.lits = append(all.lits, c.lits...)
			if all.before != unbounded {
				all.before = max(all.before, c.before)
				if c.before == unbounded {
					all.before = unbounded
				}
			}
		}
		return all, true
	case syntax.OpCharClass:
		// A small class of literal runes ([，,]) is a set of one-rune literals.
		var all []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 || re.Rune[i] <= utf8.RuneError && utf8.RuneError <= re.Rune[i+1] {
				return needs{}, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				all = append(all, string(r))
			}
		}
		return needs{lits: all}, len(all) > 0 && len(all) <= 8
	}
	return needs{}, false
}

// plainLiteral returns the text of literal re when a match holds it as
// written: not empty, case-sensitive, and without U+FFFD.
func plainLiteral(re *syntax.Regexp) (string, bool) {
	if re.Op != syntax.OpLiteral || re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 || slices.Contains(re.Rune, utf8.RuneError) {
		return "", false
	}
	return string(re.Rune), true
}

// concatRequired is required for concatenation re: any one required child
// will do, or a run of children each matching one of a few strings
// (",(?P<at>,)" holds ",,"): it takes the best, its distance from the
// match's start being the longest the children in front can be. With sets
// not nil, it also appends the sets literalSets lists for re.
func concatRequired(re *syntax.Regexp, sets *[][]string) (best needs, found bool) {
	type child struct {
		need  needs
		ok    bool
		exact []string // nil for a child that is not exact
	}
	var small [8]child // most rows are short: no allocation for them
	children := small[:0]
	if len(re.Sub) > len(small) {
		children = make([]child, 0, len(re.Sub))
	}
	children = children[:len(re.Sub)]
	for i, sub := range re.Sub {
		c := &children[i]
		if sets == nil {
			c.need, c.ok = required(sub)
			continue
		}
		var subSets [][]string
		c.need, c.ok, subSets = literalSets(sub)
		*sets = append(*sets, subSets...)
	}
	for i, sub := range re.Sub {
		// Only a child next to another that may be exact can be in a run.
		if !mayBeExact(sub) || !(i > 0 && mayBeExact(re.Sub[i-1]) || i+1 < len(re.Sub) && mayBeExact(re.Sub[i+1])) {
			continue
		}
		c := &children[i]
		switch sub.Op {
		case syntax.OpLiteral, syntax.OpCharClass:
			// What exact finds is the child's required set: not made twice.
			if c.ok {
				c.exact = c.need.lits
			}
		default:
			c.exact, _ = exact(sub)
		}
	}
	front := 0
	for i, sub := range re.Sub {
		if c := children[i]; c.ok {
			c.need.before = addLen(front, c.need.before)
			if !found || better(c.need, best) {
				best, found = c.need, true
			}
		}
		// The run from i, weighed before its strings are built.
		end, shortest, count := i, 0, 1
		for ; end < len(children) && children[end].exact != nil && count*len(children[end].exact) <= maxLiterals; end++ {
			shortest += shortestLen(children[end].exact)
			count *= len(children[end].exact)
		}
		if end-i >= 2 && (!found || betterScore(front, scoreOf(shortest, count), best)) {
			run := []string{""}
			for _, c := range children[i:end] {
				run = product(run, c.exact)
			}
			best, found = needs{lits: run, before: front}, true
		}
		front = addLen(front, maxLen(sub))
	}
	return best, found
}

// exact returns the few strings every match of re is one of: for a literal,
// a small class of literal runes, and captures, concatenations and
// alternations of them; ok false for other expressions or more than
// maxLiterals strings.
func exact(re *syntax.Regexp) (strs []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		n, ok := required(re)
		if !ok || re.Op == syntax.OpLiteral && len(n.lits[0]) == 0 {
			return nil, false
		}
		return n.lits, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpRepeat:
		if mayBeExact(re) {
			return exact(simplified(re))
		}
	case syntax.OpConcat:
		strs = []string{""}
		for _, sub := range re.Sub {
			s, ok := exact(sub)
			if !ok || len(strs)*len(s) > maxLiterals {
				return nil, false
			}
			strs = product(strs, s)
		}
		return strs, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, ok := exact(sub)
			if !ok || len(strs)+len(s) > maxLiterals {
				return nil, false
			}
			strs = append(strs, s...)
		}
		return strs, true
	}
	return nil, false
}

// mayBeExact tells whether exact could find strings for re, by its kind.
func mayBeExact(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpConcat, syntax.OpAlternate:
		return true
	case syntax.OpCapture:
		return mayBeExact(re.Sub[0])
	case syntax.OpRepeat:
		// As what simplified makes of it: x for x{1}, a concatenation for
		// x{n,m} with n ≥ 2 or n = 1 < m (xx, x(x)?), none for the others.
		if re.Min == 1 && re.Max == 1 {
			return mayBeExact(re.Sub[0])
		}
		return re.Min >= 2 || re.Min == 1 && re.Max > 1
	}
	return false
}

// caseForms returns r and the runes a case-insensitive match takes for it.
func caseForms(r rune) []rune {
	forms := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		forms = append(forms, f)
	}
	return forms
}

// product returns every string of a followed by one of b.
func product(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// literalSets returns required(re), and sets of literals every match of re
// contains one of each of: the required sets of a concatenation's parts, as
// many as there are. One walk gives both.
func literalSets(re *syntax.Regexp) (n needs, ok bool, sets [][]string) {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return literalSets(re.Sub[0])
	case syntax.OpRepeat:
		return literalSets(simplified(re))
	case syntax.OpConcat:
		n, ok = concatRequired(re, &sets)
		return n, ok, sets
	}
	if n, ok = required(re); ok {
		sets = [][]string{n.lits}
	}
	return n, ok, sets
}

// simplified returns a node that required, literalSets and exact read as
// they read what Simplify makes of repetition re, x{n,m}: x{2,4} is xx(x(x)?)?,
// x{2,} is xx+, x{0,m} is (x(…)?)?. It is that node's kind with its first
// children, each x as parsed (these functions read the repetitions in x
// the same way), and in place of the nested rest (x(x)?)? only its outer
// (x)?, in which they find nothing either. Simplify builds every copy, 2m
// nodes for x{n,m}; the packs are compiled at every start and most of their
// patterns are never searched, so the literals are read from the parsed
// tree, and the tree is simplified when the pattern is planned.
func simplified(re *syntax.Regexp) *syntax.Regexp {
	x := re.Sub[0]
	one := func(op syntax.Op) *syntax.Regexp {
		return &syntax.Regexp{Op: op, Flags: re.Flags, Sub: []*syntax.Regexp{x}}
	}
	switch {
	case re.Max == 0:
		return &syntax.Regexp{Op: syntax.OpEmptyMatch}
	case re.Min == 0 && re.Max < 0:
		return one(syntax.OpStar)
	case re.Min == 1 && re.Max < 0:
		return one(syntax.OpPlus)
	case re.Min == 1 && re.Max == 1:
		return x
	case re.Min == 0:
		return one(syntax.OpQuest)
	}
	subs := make([]*syntax.Regexp, 0, re.Min+1)
	for range re.Min {
		subs = append(subs, x)
	}
	switch {
	case re.Max < 0:
		subs[len(subs)-1] = one(syntax.OpPlus)
	case re.Max > re.Min:
		subs = append(subs, one(syntax.OpQuest))
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}
}

// addLen adds two lengths, either of which may be unbounded.
func addLen(a, b int) int {
	if a == unbounded || b == unbounded {
		return unbounded
	}
	return a + b
}

// better tells whether literal set a is the better prefilter: one whose place
// in the match is bounded (so the search can be windowed), then rarer (longer)
// literals.
func better(a, b needs) bool {
	return betterScore(a.before, score(a.lits), b)
}

// betterScore is better for a set that starts at most before bytes into the
// match and scores score.
func betterScore(before, score int, b needs) bool {
	if (before == unbounded) != (b.before == unbounded) {
		return b.before == unbounded
	}
	return score > scoreOf(shortestLen(b.lits), len(b.lits))
}

// score ranks a literal set: see scoreOf.
func score(lits []string) int { return scoreOf(shortestLen(lits), len(lits)) }

// scoreOf ranks a set of count literals, the shortest of shortest bytes:
// rarer (longer) literals win; a set of many literals counts less, by the
// bits it takes to number them (25 pairs of marks are rarer than 5 marks).
func scoreOf(shortest, count int) int { return shortest*4 - bits.Len(uint(count)) }

// shortestLen is the length of the shortest of lits.
func shortestLen(lits []string) int {
	shortest := len(lits[0])
	for _, l := range lits[1:] {
		shortest = min(shortest, len(l))
	}
	return shortest
}

// nullable tells whether re can match the empty string.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpStar, syntax.OpQuest, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !nullable(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if nullable(sub) {
				return true
			}
		}
	}
	return false
}

// anchors reports which empty-width assertions re uses: begin and end of text
// (^, $, \A, \z) and the context-dependent ones (multi-line ^ and $, \b, \B)
// that a window cut out of the text would get wrong.
func anchors(re *syntax.Regexp) (begin, end, context bool) {
	switch re.Op {
	case syntax.OpBeginText:
		begin = true
	case syntax.OpEndText:
		end = true
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		context = true
	}
	for _, sub := range re.Sub {
		b, e, c := anchors(sub)
		begin, end, context = begin || b, end || e, context || c
	}
	return begin, end, context
}

// startAnchored tells whether every match of re starts at the text's start.
func startAnchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return startAnchored(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && startAnchored(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !startAnchored(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// stopRune returns the rune re ends with, when no other part of a match can
// hold it (《[^《》]{2,40}》 ends with 》 and holds no other): a match then
// ends at the first one from its start on. "" if there is none.
func stopRune(re *syntax.Regexp) string {
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return ""
	}
	last := re.Sub[len(re.Sub)-1]
	if last.Op != syntax.OpLiteral || last.Flags&syntax.FoldCase != 0 || len(last.Rune) == 0 {
		return ""
	}
	r := last.Rune[len(last.Rune)-1]
	if r == utf8.RuneError || slices.Contains(last.Rune[:len(last.Rune)-1], r) {
		return ""
	}
	for _, sub := range re.Sub[:len(re.Sub)-1] {
		if mayHold(sub, r) {
			return ""
		}
	}
	return string(r)
}

// midStop finds, in a pattern that is a row of parts, a literal part whose
// last rune no part in front of it (nor the literal's other runes) can
// hold, followed by parts that are rows of rune sets and cannot match the
// empty string: the 》 of 《[^《》]{4,60}》\s*\(?\s*\p{Han}{1,10}[〔(]\d+号.
// A match from a place then holds that rune first where the literal ends,
// and the rest (\s*\(?…号) matches right after it: most places where
// regexp would be tried fail this, told without regexp. It returns the rune
// and the rest, loosened, or "" and nil. ncap is the number of the
// pattern's groups.
func midStop(re *syntax.Regexp, ncap int) (string, []*sequence) {
	if re.Op != syntax.OpConcat {
		return "", nil
	}
	for k, sub := range re.Sub[:len(re.Sub)-1] {
		if sub.Op != syntax.OpLiteral || sub.Flags&syntax.FoldCase != 0 || len(sub.Rune) == 0 {
			continue
		}
		r := sub.Rune[len(sub.Rune)-1]
		if r == utf8.RuneError || slices.Contains(sub.Rune[:len(sub.Rune)-1], r) ||
			slices.ContainsFunc(re.Sub[:k], func(front *syntax.Regexp) bool { return mayHold(front, r) }) {
			continue
		}
		rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[k+1:]}
		if nullable(rest) {
			continue
		}
		if qs := loosened(waysThrough(rest, ncap)); qs != nil {
			return string(r), qs
		}
	}
	return "", nil
}

// mayHold tells whether a match of re may hold rune r.
func mayHold(re *syntax.Regexp, r rune) bool {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			return slices.Contains(re.Rune, r)
		}
		return slices.ContainsFunc(re.Rune, func(c rune) bool { return slices.Contains(caseForms(c), r) })
	case syntax.OpCharClass:
		return inSet(re.Rune, r)
	case syntax.OpAnyCharNotNL:
		return r != '\n'
	case syntax.OpAnyChar:
		return true
	}
	for _, sub := range re.Sub {
		if mayHold(sub, r) {
			return true
		}
	}
	return false
}
