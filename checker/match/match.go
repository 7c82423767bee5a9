// Package match wraps compiled patterns with a literal prefilter. Go's regexp
// scans every line even when a pattern needs a literal ("扫一扫", "ICP备") that
// the line does not contain; a pattern here first checks, with strings.Contains,
// that one of the literals it requires is present, which skips most lines.
package match

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// Pattern is a regular expression with a prefilter. It is parsed (and so
// validated) when made, and compiled on first use: a pattern whose literals
// never occur in the text is never compiled, which keeps start-up short. The
// Find and Match methods answer exactly as regexp's do; a Pattern is safe for
// concurrent use.
type Pattern struct {
	expr  string
	names []string // capture group names, as regexp's SubexpNames
	// required holds literals one of which every match contains; nil when the
	// pattern has no such set (then every text is scanned).
	required []string
	empty    bool // the pattern can match the empty string
	once     sync.Once
	re       *regexp.Regexp
}

// Compile parses expr (RE2 syntax, as regexp.Compile) and reports its errors
// as regexp.Compile would.
func Compile(expr string) (*Pattern, error) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, err
	}
	p := &Pattern{expr: expr, names: tree.CapNames(), empty: nullable(tree)}
	if lits, ok := requiredLiterals(tree.Simplify()); ok && len(lits) > 0 && len(lits) <= 16 {
		p.required = lits
	}
	return p, nil
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
func (p *Pattern) Regexp() *regexp.Regexp {
	p.once.Do(func() { p.re = regexp.MustCompile(p.expr) })
	return p.re
}

// String returns the source text of the pattern.
func (p *Pattern) String() string { return p.expr }

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
	if p.required == nil {
		return true
	}
	for _, lit := range p.required {
		if contains(s, lit) {
			return true
		}
	}
	return false
}

// contains is strings.Contains, faster on Chinese text: strings.Index looks
// for the needle's first byte, and the lead byte of a Chinese character
// (0xE4–0xE9) is a third of the text, so nearly every character is a
// candidate. The continuation bytes after it vary far more: the search starts
// from the second byte and checks the first (about 5× faster on a report).
func contains(s, lit string) bool {
	if len(lit) < 3 || lit[0] < utf8.RuneSelf {
		return strings.Contains(s, lit)
	}
	tail := lit[1:]
	for off := 1; off < len(s); {
		i := strings.Index(s[off:], tail)
		if i < 0 {
			return false
		}
		if s[off+i-1] == lit[0] {
			return true
		}
		off += i + 1
	}
	return false
}

// MatchString reports whether s contains a match.
func (p *Pattern) MatchString(s string) bool {
	return p.mayMatch(s) && p.Regexp().MatchString(s)
}

// FindStringIndex is regexp's, with the prefilter.
func (p *Pattern) FindStringIndex(s string) []int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.Regexp().FindStringIndex(s)
}

// FindStringSubmatchIndex is regexp's, with the prefilter.
func (p *Pattern) FindStringSubmatchIndex(s string) []int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.Regexp().FindStringSubmatchIndex(s)
}

// FindAllStringIndex is regexp's, with the prefilter.
func (p *Pattern) FindAllStringIndex(s string, n int) [][]int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.Regexp().FindAllStringIndex(s, n)
}

// FindAllStringSubmatchIndex is regexp's, with the prefilter.
func (p *Pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !p.mayMatch(s) {
		return nil
	}
	return p.Regexp().FindAllStringSubmatchIndex(s, n)
}

// ExpandString is regexp's ExpandString.
func (p *Pattern) ExpandString(dst []byte, template, src string, match []int) []byte {
	return p.Regexp().ExpandString(dst, template, src, match)
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
