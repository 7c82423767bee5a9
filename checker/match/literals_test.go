package match

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// sameLiteralsAsSimplified fails t when the literals read from expr's
// parsed tree (as Compile reads them) differ from those read from its
// simplified tree, whose repetitions are written out.
func sameLiteralsAsSimplified(t *testing.T, expr string) {
	t.Helper()
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return
	}
	simple := tree.Simplify()
	gotNeed, gotOK, gotSets := literalSets(tree)
	wantNeed, wantOK := required(simple)
	if gotOK != wantOK || !reflect.DeepEqual(gotNeed, wantNeed) {
		t.Fatalf("%s: required %v %v from the parsed tree, %v %v from the simplified", expr, gotNeed, gotOK, wantNeed, wantOK)
	}
	if got, want := gotSets, allRequired(simple); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: sets %q from the parsed tree, %q from the simplified", expr, got, want)
	}
	if n, ok := required(tree); ok != gotOK || !reflect.DeepEqual(n, gotNeed) {
		t.Fatalf("%s: required %v %v, literalSets %v %v", expr, n, ok, gotNeed, gotOK)
	}
	if got, want := maxLen(tree), maxLen(simple); got != want {
		t.Fatalf("%s: maxLen %d from the parsed tree, %d from the simplified", expr, got, want)
	}
	gotStrs, gotOK := exact(tree)
	wantStrs, wantOK := exact(simple)
	if gotOK != wantOK || !reflect.DeepEqual(gotStrs, wantStrs) {
		t.Fatalf("%s: exact %q %v from the parsed tree, %q %v from the simplified", expr, gotStrs, gotOK, wantStrs, wantOK)
	}
}

// allRequired is what literalSets lists besides required's set, worked out
// apart, as Compile did before one walk gave both: sets of literals every
// match of re contains one of each of.
func allRequired(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return allRequired(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return allRequired(re.Sub[0])
		}
	case syntax.OpConcat:
		var out [][]string
		for _, sub := range re.Sub {
			out = append(out, allRequired(sub)...)
		}
		return out
	}
	if n, ok := required(re); ok {
		return [][]string{n.lits}
	}
	return nil
}

// randomRepeats are what the random expressions of
// TestLiteralsAsSimplified are made of: literals, classes and groups, each
// repeated in one of the ways Simplify writes out.
var randomRepeats = []string{"", "", "?", "*", "+", "{0}", "{1}", "{2}", "{0,1}", "{0,3}", "{1,2}", "{1,}", "{2,}", "{2,3}", "{3,5}", "{4}"}

// randomExpr returns an expression of up to depth nested groups.
func randomExpr(r *rand.Rand, depth int) string {
	var b strings.Builder
	for range 1 + r.IntN(4) {
		switch k := r.IntN(8); {
		case k < 3:
			b.WriteString([]string{"a", "年", "X", "ab", "件", "甲乙"}[r.IntN(6)])
		case k < 5:
			b.WriteString([]string{"[Xx]", "[,，]", `\d`, `\p{Han}`, "(?i:x)", ".", "(?:)", "[ab]"}[r.IntN(8)])
		case depth > 0 && k == 5:
			b.WriteString("(" + randomExpr(r, depth-1) + "|" + randomExpr(r, depth-1) + ")")
		case depth > 0:
			b.WriteString("(?:" + randomExpr(r, depth-1) + ")")
		default:
			b.WriteString("b")
		}
		b.WriteString(randomRepeats[r.IntN(len(randomRepeats))])
	}
	return b.String()
}

// TestLiteralsAsSimplified: Compile reads a pattern's literals from its
// parsed tree as they would be read from its simplified one, for the
// default packs, the patterns of the other tests and random expressions.
func TestLiteralsAsSimplified(t *testing.T) {
	exprs := append(packExpressions(t), `X{1,4}`, `(?:19|20)[Xx]{2}`, `[Xx]{2,}`, `(?:a{0}){2,}`, `(?:a*){0}b`,
		`(?:ab){2}c{3}`, `(?:a|b){2,3}`, `(?:甲{2})+`, `x{1}{2}`, `(?i)a{2}`, `(?:){3}x`)
	r := rand.New(rand.NewPCG(7, 13))
	for range 20000 {
		exprs = append(exprs, randomExpr(r, 3))
	}
	for _, e := range exprs {
		sameLiteralsAsSimplified(t, e)
	}
}

func FuzzLiteralsAsSimplified(f *testing.F) {
	f.Add(`(?:19|20)[Xx]{2}`)
	f.Add(`\p{Han}{2,4}\d+(?:\.\d+)?件`)
	f.Add(`(?:a{0}){2,}b{1}`)
	f.Fuzz(sameLiteralsAsSimplified)
}

// TestMidStop: which patterns know a rune every match holds once with
// rows of rune sets after it, and which rune.
func TestMidStop(t *testing.T) {
	for expr, want := range map[string]string{
		`《(?:[^《》]*关于)?(?P<key>[^《》]{4,60})》\s*\(?\s*(?P<v>\p{Han}{1,10}[〔(](?:19|20)\d{2}[〕)]第?\d+号)`: "》",
		`《[^《》]*》\s*\(?\s*\d+号`: "《", // the first such literal: the rest is all the rest
		`《[^》]*》x`:              "",  // matched as sequences already
		`《.*》x`:                 "",  // .* can hold 》
		`《[^《》]*》\s*`:           "",  // the rest can be empty
		`《[^《》]*》(?:a+a)`:       "",  // a+ could give an a back
		`《[^《》]*》(?i)x`:         "",  // not a row of rune sets
		`《[^《》]*》+x`:            "",
	} {
		p := MustCompile(expr).planned()
		if p.mid != want || (p.rest != nil) != (want != "") {
			t.Errorf("%s: mid %q (rest %v), want %q", expr, p.mid, p.rest != nil, want)
		}
	}
}

// TestLoosenedRows: where the rest of a pattern after its mid rune matches,
// its loosened rows match too, on the seeds and on random texts.
func TestLoosenedRows(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 11))
	texts := corpusLines(t)
	for range 3000 {
		texts = append(texts, randomText(r))
	}
	for _, rest := range []string{`\s*\(?\s*(?P<v>\p{Han}{1,10}[〔(](?:19|20)\d{2}[〕)]第?\d+号)`,
		` *\(? *x?(?:年|\d)+`, `[ab]?a?b*c`, `\s*[,，]?\s*请(?:批示|示)`, `[(（]*(?:[0-9０-９]+|年)`} {
		// a*a is not a row of rune sets: only the rest is.
		p := MustCompile(`a*a》` + rest).planned()
		if p.rest == nil {
			t.Fatalf("a*a》%s: no rest after 》", rest)
		}
		re := regexp.MustCompile(`^(?:` + rest + `)`)
		var mem matchMemory
		for _, s := range texts {
			for c := 0; c < len(s); c++ {
				if re.MatchString(s[c:]) && matchFirst(p.rest, s, c, whether, &mem) == nil {
					t.Fatalf("%s matches %q at %d, its loosened rows do not", rest, s, c)
				}
			}
		}
	}
}
