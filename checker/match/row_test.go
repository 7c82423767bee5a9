package match

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// rowExprs are patterns matched as rows: choices whose strings overlap,
// repetitions that must give runes back, non-greedy ones, anchors.
var rowExprs = []string{
	`(a|ab)[a-c]{0,3}(c|bc)`, `x.{1,5}?(a|ab)`, `^(ab|a)[^。]{0,4}(b|bcd)$`, `(?:甲|甲年)[^。]{0,3}年`,
	`\d{4}年度?[^。]{0,12}(打算|计划)`, `(a)(b?)[^x]{2,4}?(a|)c`, `(?:a|b)?c[ab]{1,3}b`, `(x|xa|)[a-c]{0,2}?b$`,
	`受[^。]{0,20}(影响|制约)`, `^[甲年]{1,3}(年|)。`, `^\s*\S{2,5}(甲|年)\s+\S{2,5}(甲|年)\s*$`, `a\s+b*`,
}

// TestRowsSameAsRegexp: every pattern of the default packs and of rowExprs
// that is matched as a row finds what regexp finds on random texts and on
// the seeds' lines.
func TestRowsSameAsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 7))
	lines := corpusLines(t)
	tried := 0
	for _, e := range append(packExpressions(t), rowExprs...) {
		p := MustCompile(e).planned()
		if p.row == nil {
			continue
		}
		tried++
		re := regexp.MustCompile(e)
		d := NewDictionary([]*Pattern{p})
		for range 2000 {
			sameAnswers(t, d, p, re, randomText(r)+randomText(r))
		}
		for _, s := range lines {
			sameAnswers(t, d, p, re, s)
		}
	}
	if tried < len(rowExprs)+4 {
		t.Errorf("only %d patterns are matched as rows", tried)
	}
}

func TestRowOf(t *testing.T) {
	for expr, isRow := range map[string]bool{
		`(a|ab)[^。]{0,16}(c|d)`: true,
		`a[^。]*b`:               false, // unbounded
		`a[^。]{0,65}b`:          false, // past maxRowRepeat
		`a(b(c))[^。]{0,3}d`:     false, // a group in a group
		`(?i)a[^x]{0,3}b`:       false, // case folded
		`a\x{FFFD}[^x]{0,3}b`:   false, // U+FFFD read at invalid bytes
		`a$b[^x]{0,3}`:          false, // $ not at the end
		`\ba[^x]{0,3}`:          false,
		`a\s*(?:b|\s)`:          false, // \s* may give back a space
		`a\s*b?c`:               false, // b? may match empty
		`a\s*?b`:                false, // non-greedy and unbounded
		`^\s*\S{2,3}b\s*$`:      true,
	} {
		p := MustCompile(expr).planned()
		if (p.row != nil) != isRow {
			t.Errorf("%s: row %v, want %v", expr, p.row != nil, isRow)
		}
	}
}

// TestRandomRowsSameAsRegexp: random rows of overlapping choices and
// repetitions (greedy and not, anchored or not) find what regexp finds on
// random texts of their runes and invalid bytes.
func TestRandomRowsSameAsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	parts := []string{`(a|ab|b)`, `(?:a|)`, `[ab]{0,3}`, `[^c]{1,2}?`, `.{0,2}`, `c`, `(b?)`, `[a-c]{2}`,
		`(?:ab|a)?`, `(c|ca|)`, `a`, `b{1,3}?`, `(?:x|a)`, `[^a]{0,3}`, `c*`, `([ab]+)`, `x+`, `\n*`, `[^c]*`}
	pieces := []string{"a", "b", "c", "\n", "\xff", "x", "ab"}
	rows, unbounded := 0, 0
	for range 2500 {
		var b strings.Builder
		if r.IntN(4) == 0 {
			b.WriteString("^")
		}
		for range 1 + r.IntN(5) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		if r.IntN(4) == 0 {
			b.WriteString("$")
		}
		expr := b.String()
		p := MustCompile(expr).planned()
		if p.row == nil {
			continue
		}
		rows++
		if slices.ContainsFunc(p.row.parts, func(pt part) bool { return pt.strs == nil && pt.max < 0 }) {
			unbounded++
		}
		re := regexp.MustCompile(expr)
		d := NewDictionary([]*Pattern{p})
		for range 100 {
			var s strings.Builder
			for range r.IntN(12) {
				s.WriteString(pieces[r.IntN(len(pieces))])
			}
			sameAnswers(t, d, p, re, s.String())
		}
	}
	if rows < 500 || unbounded < 100 {
		t.Errorf("only %d of the random patterns are rows, %d with an unbounded repetition", rows, unbounded)
	}
}
