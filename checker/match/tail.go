package match

import (
	"regexp/syntax"
	"unicode/utf8"
)

// A pattern whose every match ends at the text's end (\n(?:[ \t]*\n)+[ \t]*\z)
// and consumes only runes of a small set (its tail set) can only match in
// the text's trailing run of those runes: a match starting earlier would
// hold the rune before that run. Its search starts there, and regexp runs on
// that run (a line break or two), not from the pattern's first literal on.

// tailSet returns the runes the matches of re consume, as sorted lo, hi
// pairs, when every match of re ends at the text's end; nil if one need not,
// or if the set holds U+FFFD, which regexp also reads at invalid bytes.
func tailSet(re *syntax.Regexp) []rune {
	if !endsAtEnd(re) {
		return nil
	}
	pairs, ok := consumed(re, nil)
	if !ok || len(pairs) == 0 {
		return nil
	}
	set := union(pairs)
	if inSet(set, utf8.RuneError) {
		return nil
	}
	return set
}

// endsAtEnd tells whether every match of re ends at the text's end (\z, or $
// outside multi-line mode).
func endsAtEnd(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEndText:
		return true
	case syntax.OpCapture:
		return endsAtEnd(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && endsAtEnd(re.Sub[len(re.Sub)-1])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !endsAtEnd(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// consumed adds to pairs the runes re's matches can consume; false if re can
// consume any rune (., or an operator not known here).
func consumed(re *syntax.Regexp, pairs [][2]rune) ([][2]rune, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			forms := []rune{r}
			if re.Flags&syntax.FoldCase != 0 {
				forms = caseForms(r)
			}
			for _, f := range forms {
				pairs = append(pairs, [2]rune{f, f})
			}
		}
		return pairs, true
	case syntax.OpCharClass:
		return appendPairs(pairs, re.Rune), true
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat,
		syntax.OpConcat, syntax.OpAlternate:
		for _, sub := range re.Sub {
			var ok bool
			if pairs, ok = consumed(sub, pairs); !ok {
				return nil, false
			}
		}
		return pairs, true
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpNoMatch:
		return pairs, true
	}
	return nil, false
}

// tailStart returns where the trailing run of set's runes in s starts: no
// match of a pattern with that tail set starts before it. The run holds
// valid runes only, so regexp, stepping from the text's start, steps on it.
func tailStart(s string, set []rune) int {
	i := len(s)
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if r == utf8.RuneError || !inSet(set, r) {
			break
		}
		i -= w
	}
	return i
}
