package match

import (
	"regexp/syntax"
	"testing"
)

// sameSyntax checks that p keeps the tree syntax.Parse makes of expr, before
// and after p's first search (its plan reads the tree and must leave it as
// it was).
func sameSyntax(t *testing.T, expr string) {
	t.Helper()
	want, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return
	}
	p := MustCompile(expr)
	for _, when := range []string{"compiled", "searched"} {
		if got := p.Syntax(); !got.Equal(want) || got.String() != want.String() || got.MaxCap() != want.MaxCap() {
			t.Fatalf("%q, %s: kept tree %s, parsed %s", expr, when, got, want)
		}
		p.FindAllStringSubmatchIndex("甲乙丙 abc 123 《纲要》\n", -1)
	}
}

// TestSyntaxAsParsed: every expression of the default packs keeps its parsed
// tree, which the rule kinds read instead of parsing it again.
func TestSyntaxAsParsed(t *testing.T) {
	exprs := packExpressions(t)
	if len(exprs) < 100 {
		t.Fatalf("only %d expressions in the packs", len(exprs))
	}
	for _, expr := range append(exprs, `0\A\Q`, `x\Q^(\E.`, `(?i)(a)(ａ+)(.)`, `a|b|c`, `(?P<key>x)|y`) {
		sameSyntax(t, expr)
	}
}

func FuzzSyntaxAsParsed(f *testing.F) {
	f.Add(`(主办|承办)[::]`)
	f.Add(`扫一扫|ICP备|发布时间\s*:`)
	f.Add(`[^()\n\p{Han}]*[\p{Han}]|[^()\n]*\)[\p{Han}]`)
	f.Fuzz(func(t *testing.T, expr string) { sameSyntax(t, expr) })
}

// samePlainLiterals checks, on every node of expr's tree, what the
// alternation's shortcut relies on: where plainLiteral finds a literal,
// required finds it alone, at the match's start.
func samePlainLiterals(t *testing.T, expr string) {
	t.Helper()
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return
	}
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		if lit, ok := plainLiteral(re); ok {
			if n, ok := required(re); !ok || len(n.lits) != 1 || n.lits[0] != lit || n.before != 0 {
				t.Fatalf("%q: plain literal %q, required %v %v", expr, lit, n, ok)
			}
		}
		for _, sub := range re.Sub {
			walk(sub)
		}
	}
	walk(tree)
}

func TestPlainLiterals(t *testing.T) {
	for _, expr := range append(packExpressions(t), `(?i)ab|cd`, `\x{FFFD}|a`, `a|(?i:b)|c`) {
		samePlainLiterals(t, expr)
	}
}

func FuzzPlainLiterals(f *testing.F) {
	f.Add(`扫一扫|ICP备|(?i)x|\x{FFFD}`)
	f.Fuzz(func(t *testing.T, expr string) { samePlainLiterals(t, expr) })
}
