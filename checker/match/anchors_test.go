package match

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"testing"
)

// withoutAnchors is cutAnchors on the parsed tree: the reference the tests
// compare with (printing a tree is too slow for the search itself).
func withoutAnchors(re *syntax.Regexp, begin, end bool) *syntax.Regexp {
	if begin && re.Op == syntax.OpBeginText || end && re.Op == syntax.OpEndText {
		return &syntax.Regexp{Op: syntax.OpNoMatch}
	}
	c := *re
	c.Sub = nil
	for _, sub := range re.Sub {
		c.Sub = append(c.Sub, withoutAnchors(sub, begin, end))
	}
	return &c
}

// probes are texts the cut expressions are compared on.
var probes = []string{"", "a", "ab", "b", "XX", "aXX", "^$", "$^", "]^", "甲乙", "X", "abc", "c", "发(2024)3号", "\n"}

// sameCut fails t when cutAnchors(expr) finds other matches than the
// reference tree does, on the probes.
func sameCut(t *testing.T, expr string) {
	t.Helper()
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return
	}
	for _, cut := range [][2]bool{{true, false}, {false, true}, {true, true}} {
		src := cutAnchors(expr, cut[0], cut[1])
		got, err := regexp.Compile(src)
		if err != nil {
			t.Fatalf("cutAnchors(%q, %v) = %q: %v", expr, cut, src, err)
		}
		want := regexp.MustCompile(withoutAnchors(tree, cut[0], cut[1]).String())
		for _, s := range probes {
			if g, w := got.FindAllStringSubmatchIndex(s, -1), want.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(g, w, slices.Equal) {
				t.Fatalf("cutAnchors(%q, %v) = %q finds %v in %q, want %v", expr, cut, src, g, s, w)
			}
		}
	}
}

func TestCutAnchors(t *testing.T) {
	exprs := append(packExpressions(t),
		`^a$`, `\Aa\z`, `[$^]`, `[]^$]`, `[^]$]`, `\^\$`, `\Q^$\E^`, `[[:alpha:]^]$`, `\p{Han}^`, `\x{5e}$`, `(?:^|[^A-Z])X`, `a|^b|c$`, `[\]^]$`)
	for _, e := range exprs {
		sameCut(t, e)
	}
}

func FuzzCutAnchors(f *testing.F) {
	f.Add(`(?:^|[^A-Z])(?P<at>X{2,})`)
	f.Add(`[]^]\Q$\E$`)
	f.Fuzz(func(t *testing.T, expr string) {
		if len(expr) > 200 {
			return // printing trees of long expressions is slow
		}
		sameCut(t, expr)
	})
}
