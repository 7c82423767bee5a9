// Package match wraps compiled patterns with a literal prefilter. Go's regexp
// scans every line even when a pattern needs a literal ("扫一扫", "ICP备") that
// the line does not contain; a pattern here first checks, with strings.Contains,
// that one of the literals it requires is present, which skips most lines.
package match

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// Pattern is a compiled regular expression with a prefilter. The Find and
// Match methods below answer exactly as regexp's do.
type Pattern struct {
	*regexp.Regexp
	// required holds literals one of which every match contains; nil when the
	// pattern has no such set (then every text is scanned).
	required []string
}

// Compile compiles expr (RE2 syntax, as regexp.Compile).
func Compile(expr string) (*Pattern, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	return New(re), nil
}

// MustCompile is Compile for patterns known to be valid.
func MustCompile(expr string) *Pattern {
	p, err := Compile(expr)
	if err != nil {
		panic(err)
	}
	return p
}

// New wraps a compiled regexp.
func New(re *regexp.Regexp) *Pattern {
	p := &Pattern{Regexp: re}
	if tree, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		if lits, ok := requiredLiterals(tree.Simplify()); ok && len(lits) > 0 && len(lits) <= 16 {
			p.required = lits
		}
	}
	return p
}

// mayMatch tells whether s contains one of the literals every match needs.
func (p *Pattern) mayMatch(s string) bool {
	if p.required == nil {
		return true
	}
	for _, lit := range p.required {
		if strings.Contains(s, lit) {
			return true
		}
	}
	return false
}

// MatchString reports whether s contains a match.
func (p *Pattern) MatchString(s string) bool {
	return p.mayMatch(s) && p.Regexp.MatchString(s)
}

// FindStringIndex is regexp's, with the prefilter.
func (p *Pattern) FindStringIndex(s string) []int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.Regexp.FindStringIndex(s)
}

// FindStringSubmatchIndex is regexp's, with the prefilter.
func (p *Pattern) FindStringSubmatchIndex(s string) []int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.Regexp.FindStringSubmatchIndex(s)
}

// FindAllStringIndex is regexp's, with the prefilter.
func (p *Pattern) FindAllStringIndex(s string, n int) [][]int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.Regexp.FindAllStringIndex(s, n)
}

// FindAllStringSubmatchIndex is regexp's, with the prefilter.
func (p *Pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.Regexp.FindAllStringSubmatchIndex(s, n)
}

// requiredLiterals returns a set of literals such that every match of re
// contains at least one of them. ok is false when no such set is known.
func requiredLiterals(re *syntax.Regexp) (lits []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCapture:
		return requiredLiterals(re.Sub[0])
	case syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any one required child will do: take the one whose literals are longest.
		var best []string
		bestScore := 0
		for _, sub := range re.Sub {
			if l, ok := requiredLiterals(sub); ok {
				if s := score(l); best == nil || s > bestScore {
					best, bestScore = l, s
				}
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			l, ok := requiredLiterals(sub)
			if !ok {
				return nil, false
			}
			all = append(all, l...)
		}
		return all, true
	case syntax.OpCharClass:
		// A small class of literal runes ([，,]) is a set of one-rune literals.
		var all []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				all = append(all, string(r))
			}
		}
		return all, len(all) > 0 && len(all) <= 8
	}
	return nil, false
}

// score ranks a literal set: its shortest literal's length in bytes, so that
// rarer (longer) literals win; a set of many literals counts less.
func score(lits []string) int {
	shortest := len(lits[0])
	for _, l := range lits[1:] {
		shortest = min(shortest, len(l))
	}
	return shortest*4 - len(lits)
}
