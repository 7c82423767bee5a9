package match

import (
	"regexp/syntax"
	"slices"
	"testing"
)

func TestTailSet(t *testing.T) {
	for _, c := range []struct {
		expr string
		want []rune
	}{
		{`\n(?:[ \t]*\n)+[ \t]*\z`, []rune{'\t', '\n', ' ', ' '}},
		{`^(?:甲|乙)$`, []rune{'乙', '乙', '甲', '甲'}},
		{`(?i)x+$`, []rune{'X', 'X', 'x', 'x'}},
		{`a\z|(b)\z`, []rune{'a', 'b'}},
		{`a\z|b`, nil},      // b need not end at the end
		{`a.$`, nil},        // . consumes any rune
		{`[^a]+$`, nil},     // holds U+FFFD, read at invalid bytes too
		{`a$b`, nil},        // never matches; no end at the end either
		{`(?m)a$`, nil},     // $ of a line
		{`\x{FFFD}\z`, nil}, // U+FFFD
		{`[ \t\x{00A0}\x{3000}]+$`, []rune{'\t', '\t', ' ', ' ', 0xA0, 0xA0, 0x3000, 0x3000}}, // trailing-space
	} {
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := tailSet(re.Simplify()); !slices.Equal(got, c.want) {
			t.Errorf("tailSet(%s) = %v, want %v", c.expr, got, c.want)
		}
	}
}

func TestTailStart(t *testing.T) {
	set := []rune{'\t', '\n', ' ', ' '}
	for s, want := range map[string]int{
		"":          0,
		"甲\n \n":    3,
		"甲":         3,
		"\n\n":      0,
		"甲\xff\n\n": 4, // an invalid byte ends the run
		"甲\ufffd\n": 6,
	} {
		if got := tailStart(s, set); got != want {
			t.Errorf("tailStart(%q) = %d, want %d", s, got, want)
		}
	}
}
