package outline

import (
	"strings"
	"unicode/utf8"

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
// read. It reads the source text, not a parse of it: the packs are loaded at
// every start, and parsing them again costs more than a run on one file
// saves. It reads a leading ^ and then literal characters, \d and groups of
// them, each with an optional ?, *, + or {n,m}, until one that must match;
// the rest it only steps over, to its end or a top-level | (then p is not
// anchored). Anything else before that (a class, a flag, any character)
// makes it nil.
func leadOf(p *match.Pattern) lead {
	s, ok := strings.CutPrefix(p.String(), "^")
	if !ok {
		return nil
	}
	set, nullable, rest, ok := rowLead(s)
	if !ok || nullable || rest != "" {
		return nil
	}
	return set
}

// rowLead reads a row of items from the start of s up to the end of s or an
// unmatched | or ), which it leaves in rest. set holds the first runes of
// the row's matches: those of its items up to the first that cannot match
// the empty text; nullable tells whether the row can.
func rowLead(s string) (set lead, nullable bool, rest string, ok bool) {
	nullable = true
	for s != "" && s[0] != '|' && s[0] != ')' {
		if !nullable {
			rest, ok = skipRow(s)
			return set, false, rest, ok
		}
		var first lead
		first, nullable, s, ok = itemLead(s)
		if !ok {
			return nil, false, "", false
		}
		set = append(set, first...)
	}
	return set, nullable, s, true
}

// skipRow steps over the row at the start of s to the end of s or an
// unmatched | or ), which it returns; ok is false where it cannot tell (a
// \Q quote, an unclosed class).
func skipRow(s string) (rest string, ok bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && s[i+1] == 'Q' {
				return "", false
			}
			i++ // the escaped byte, or the lead byte of an escaped rune
		case '[':
			if i = classEnd(s, i); i < 0 {
				return "", false
			}
		case '(':
			depth++
		case ')', '|':
			if depth == 0 {
				return s[i:], true
			}
			if s[i] == ')' {
				depth--
			}
		}
	}
	return "", true
}

// classEnd returns where the class opened at s[i] closes, -1 where it
// cannot tell.
func classEnd(s string, i int) int {
	k := i + 1
	if k < len(s) && s[k] == '^' {
		k++
	}
	if k < len(s) && s[k] == ']' {
		k++ // a ] first in a class is one of its characters
	}
	for k < len(s) {
		switch {
		case s[k] == '\\':
			k += 2
		case strings.HasPrefix(s[k:], "[:"):
			end := strings.Index(s[k+2:], ":]")
			if end < 0 {
				return -1
			}
			k += 2 + end + 2
		case s[k] == ']':
			return k
		default:
			k++
		}
	}
	return -1
}

// itemLead reads one item and its quantifier from the start of s.
func itemLead(s string) (set lead, nullable bool, rest string, ok bool) {
	switch r, n := utf8.DecodeRuneInString(s); {
	case strings.HasPrefix(s, `\d`):
		set, s = lead{'0', '9'}, s[2:]
	case r == '(':
		s = strings.TrimPrefix(s[1:], "?:")
		if strings.HasPrefix(s, "?") {
			return nil, false, "", false // a flag or a name
		}
		if set, nullable, s, ok = groupLead(s); !ok {
			return nil, false, "", false
		}
	case strings.ContainsRune(`\.[]{}()*+?|^$`, r) || r == utf8.RuneError:
		return nil, false, "", false
	default:
		set, s = lead{r, r}, s[n:]
	}
	return quantified(set, nullable, s)
}

// groupLead reads the choices of a group up to its ), s starting after
// the (.
func groupLead(s string) (set lead, nullable bool, rest string, ok bool) {
	for {
		choice, empty, after, ok := rowLead(s)
		if !ok || after == "" {
			return nil, false, "", false
		}
		set, nullable = append(set, choice...), nullable || empty
		if after[0] == ')' {
			return set, nullable, after[1:], true
		}
		s = after[1:] // after a |
	}
}

// quantified applies the quantifier at the start of s, if any, to an item
// with first runes set.
func quantified(set lead, nullable bool, s string) (lead, bool, string, bool) {
	switch {
	case strings.HasPrefix(s, "?"), strings.HasPrefix(s, "*"):
		return set, true, strings.TrimPrefix(s[1:], "?"), true
	case strings.HasPrefix(s, "+"):
		return set, nullable, strings.TrimPrefix(s[1:], "?"), true
	case strings.HasPrefix(s, "{"):
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return nil, false, "", false
		}
		lo, _, _ := strings.Cut(s[1:end], ",")
		if lo == "" || strings.Trim(lo, "0123456789") != "" {
			return nil, false, "", false
		}
		return set, nullable || strings.Trim(lo, "0") == "", strings.TrimPrefix(s[end+1:], "?"), true
	}
	return set, nullable, s, true
}

// mayStart tells whether text s may hold a match of a pattern with lead l:
// l is nil, or the first rune of s is in it.
func (l lead) mayStart(s string) bool {
	if l == nil {
		return true
	}
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
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
