package outline

import (
	"regexp/syntax"

	"github.com/fzlint/fzlint/checker/match"
)

// lead is the set of runes a match of a pattern anchored at the text's start
// can begin with, as [lo, hi] pairs.
// Most inline cues are anchored (^其他……, ^(下一步|今后)……): the text's first
// rune rules them out without summing up the whole sentence. A nil lead
// rules nothing out.
type lead []rune

// leadOf is the lead of p, nil when p is not anchored at the text's start,
// can match the empty text there, or begins with something leadOf does not
// read. It reads the syntax tree p keeps (Pattern.Syntax), parsed once when
// the pack was loaded: ^ followed by the rest, or a choice of such, and the
// first runes of the rest through literals, classes, groups, choices and
// repetitions. Anything else where a match may begin (a case-folded
// literal, any character, a multi-line ^, a word boundary) makes it nil.
func leadOf(p *match.Pattern) lead {
	set, nullable, ok := anchoredFirst(nil, p.Syntax())
	if !ok || nullable {
		return nil
	}
	return set
}

// anchoredFirst reads re as ^ followed by the rest, or a choice of such, and
// appends the first runes of the rest to set; nullable tells whether the
// rest can match the empty text, ok is false where it cannot tell.
func anchoredFirst(set lead, re *syntax.Regexp) (_ lead, nullable, ok bool) {
	switch re.Op {
	case syntax.OpConcat:
		if len(re.Sub) == 0 || re.Sub[0].Op != syntax.OpBeginText {
			return nil, false, false
		}
		return firstOfRow(set, re.Sub[1:])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			var n bool
			if set, n, ok = anchoredFirst(set, sub); !ok {
				return nil, false, false
			}
			nullable = nullable || n
		}
		return set, nullable, true
	case syntax.OpCapture:
		return anchoredFirst(set, re.Sub[0])
	}
	return nil, false, false
}

// firstRunes appends the runes a match of re can begin with to set, and
// tells whether re can match the empty text; ok is false where it cannot
// tell.
func firstRunes(set lead, re *syntax.Regexp) (_ lead, nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return set, true, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil, false, false
		}
		return append(set, re.Rune[0], re.Rune[0]), false, true
	case syntax.OpCharClass:
		// An empty class ([^\x00-\x{10FFFF}]) matches nothing: it adds
		// no runes and is no empty match.
		return append(set, re.Rune...), false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(set, re.Sub[0])
	case syntax.OpQuest, syntax.OpStar:
		set, _, ok = firstRunes(set, re.Sub[0])
		return set, true, ok
	case syntax.OpRepeat:
		set, nullable, ok = firstRunes(set, re.Sub[0])
		return set, nullable || re.Min == 0, ok
	case syntax.OpConcat:
		return firstOfRow(set, re.Sub)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			var n bool
			if set, n, ok = firstRunes(set, sub); !ok {
				return nil, false, false
			}
			nullable = nullable || n
		}
		return set, nullable, true
	}
	return nil, false, false
}

// firstOfRow is firstRunes of the concatenation of subs: the first runes of
// its items up to the first that cannot match the empty text.
func firstOfRow(set lead, subs []*syntax.Regexp) (_ lead, nullable, ok bool) {
	for _, sub := range subs {
		var n bool
		if set, n, ok = firstRunes(set, sub); !ok {
			return nil, false, false
		}
		if !n {
			return set, false, true
		}
	}
	return set, true, true
}

// mayStart tells whether text s, whose first rune is r, may hold a match
// of a pattern with lead l: l is nil, or r is in it.
func (l lead) mayStart(s string, r rune) bool {
	if l == nil {
		return true
	}
	if s == "" {
		return false
	}
	for k := 0; k+1 < len(l); k += 2 {
		if l[k] <= r && r <= l[k+1] {
			return true
		}
	}
	return false
}

// leadsOf is the lead of each of ps.
func leadsOf(ps []*match.Pattern) []lead {
	leads := make([]lead, len(ps))
	for k, p := range ps {
		leads[k] = leadOf(p)
	}
	return leads
}
