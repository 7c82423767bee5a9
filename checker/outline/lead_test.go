package outline

import (
	"os"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/fzlint/fzlint/checker/match"
)

// A lead only rules out texts a pattern cannot match: the tests here try
// every role pattern of the structure pack, and expressions made to try
// leadOf's cases, on the lines of the seeds and fixtures, on every tail of
// them after a punctuation mark (where a sentence starts), and on random
// text, against regexp.

// leadExprs try what leadOf reads and what it must leave alone.
var leadExprs = []string{
	`^其他(需要|需)?(报告|说明)?的?(情况|事项)\s*[,:]`,
	`^在?(新的一年|明年)(里|中)?(,|我们)[^。]{0,40}(将|要)`,
	`^\d{4}年度?[,:]`, `^下一步|^今后`, `^(?:)`, `^a*`, `^(a|)b`, `^(?i)ab`, `(?m)^下一步`,
	`^\s*[,:]`, `^.{0,8}(不足|问题)$`, `^[^。]{2}将`, `^(主要)?(问题|不足)$`, `不足之处`, `^\b将`,
	`^(a+|b{0,2})c`, `^(a{2,3}|b?)+x`,
}

// leadPieces build random text around the expressions' words and marks.
var leadPieces = []string{"其他", "需要", "报告", "情况", "事项", ":", ",", "在", "新的一年", "明年", "里",
	"我们", "将", "2023", "年度", "下一步", "今后", " ", "a", "b", "c", "x", "A", "问题", "不足", "。", "主要"}

// structureExprs are the headings and inline patterns of the structure pack.
func structureExprs(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile("../../rules/packs/structure.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var pack struct {
		Roles map[string]struct{ Headings, Inline []string }
	}
	if err := yaml.Unmarshal(data, &pack); err != nil {
		t.Fatal(err)
	}
	var exprs []string
	for _, r := range pack.Roles {
		exprs = append(exprs, r.Headings...)
		exprs = append(exprs, r.Inline...)
	}
	if len(exprs) == 0 {
		t.Fatal("no role patterns in the structure pack")
	}
	return exprs
}

// leadInputs are the lines of sameInputs and their tails after each
// punctuation mark and space.
func leadInputs(t testing.TB) []string {
	var out []string
	for _, s := range sameInputs(t, 20000, leadPieces) {
		out = append(out, s)
		for i, r := range s {
			if strings.ContainsRune("。,;:!? ", r) {
				out = append(out, s[i+len(string(r)):])
			}
		}
	}
	return out
}

// sameLead fails t when the lead of expr rules out s and regexp matches it.
func sameLead(t *testing.T, expr string, l lead, re *regexp.Regexp, s string) {
	if !l.mayStart(s) && re.MatchString(s) {
		t.Errorf("the lead %q of %q rules out %q, which it matches", string(l), expr, s)
	}
}

// leadByTree is the lead read from the parsed pattern, as the matcher
// parses it: leadOf reads the source text instead, in fewer cases.
func leadByTree(expr string) lead {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	set, nullable, ok := anchoredFirst(re)
	if !ok || nullable {
		return nil
	}
	return set
}

// anchoredFirst reads re as ^ followed by the rest, or a choice of such, and
// returns the first runes of the rest.
func anchoredFirst(re *syntax.Regexp) (set lead, nullable, ok bool) {
	switch re.Op {
	case syntax.OpConcat:
		if len(re.Sub) == 0 || re.Sub[0].Op != syntax.OpBeginText {
			return nil, false, false
		}
		return firstOfRow(re.Sub[1:])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n, ok := anchoredFirst(sub)
			if !ok {
				return nil, false, false
			}
			set, nullable = append(set, s...), nullable || n
		}
		return set, nullable, true
	case syntax.OpCapture:
		return anchoredFirst(re.Sub[0])
	}
	return nil, false, false
}

// firstRunes returns the runes a match of re can begin with, and whether re
// can match the empty text; ok is false where it cannot tell.
func firstRunes(re *syntax.Regexp) (set lead, nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return nil, true, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil, false, false
		}
		return lead{re.Rune[0], re.Rune[0]}, false, true
	case syntax.OpCharClass:
		return append(lead(nil), re.Rune...), false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub[0])
	case syntax.OpQuest, syntax.OpStar:
		set, _, ok = firstRunes(re.Sub[0])
		return set, true, ok
	case syntax.OpRepeat:
		set, nullable, ok = firstRunes(re.Sub[0])
		return set, nullable || re.Min == 0, ok
	case syntax.OpConcat:
		return firstOfRow(re.Sub)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n, ok := firstRunes(sub)
			if !ok {
				return nil, false, false
			}
			set, nullable = append(set, s...), nullable || n
		}
		return set, nullable, true
	}
	return nil, false, false
}

// firstOfRow is firstRunes of the concatenation of subs.
func firstOfRow(subs []*syntax.Regexp) (set lead, nullable, ok bool) {
	for _, sub := range subs {
		s, n, ok := firstRunes(sub)
		if !ok {
			return nil, false, false
		}
		set = append(set, s...)
		if !n {
			return set, false, true
		}
	}
	return set, true, true
}

// sameRunes tells whether leads a and b hold the same runes: unions of
// ranges agree everywhere when they agree at each range's ends and next to
// them.
func sameRunes(a, b lead) bool {
	for _, r := range append(slices.Clone(a), b...) {
		for _, at := range []rune{r - 1, r, r + 1} {
			if a.has(at) != b.has(at) {
				return false
			}
		}
	}
	return true
}

func (l lead) has(r rune) bool {
	return l.mayStart(string(r))
}

// TestLeadAsTree: every pattern of the structure pack that the parse gives a
// lead has the same lead read from its source, so the packs' anchored cues
// all go the quick way.
func TestLeadAsTree(t *testing.T) {
	for _, expr := range structureExprs(t) {
		byTree, bySource := leadByTree(expr), leadOf(match.MustCompile(expr))
		if byTree != nil && (bySource == nil || !sameRunes(byTree, bySource)) {
			t.Errorf("leadOf(%q) = %q, the parse gives %q", expr, string(bySource), string(byTree))
		}
	}
}

func TestLeadRulesOutNoMatch(t *testing.T) {
	inputs, led := leadInputs(t), 0
	for _, expr := range append(structureExprs(t), leadExprs...) {
		l := leadOf(match.MustCompile(expr))
		if l == nil {
			continue
		}
		led++
		re := regexp.MustCompile(expr)
		for _, s := range inputs {
			sameLead(t, expr, l, re, s)
		}
	}
	if led < 10 {
		t.Errorf("%d expressions have a lead, want the anchored ones", led)
	}
}

// TestLeadOf: the leads of some expressions, nil where leadOf cannot tell
// or the pattern is not anchored.
func TestLeadOf(t *testing.T) {
	for expr, want := range map[string]string{
		`^其他(需要)?[,:]`:     "其其",
		`^在?(明年|来年)(里)?将`:  "在在明明来来",
		`^(a|)b`:           "aabb",
		`^\d{4}年|^今后`:      "",
		`^(\d{4}年|今后)`:     "09今今",
		`^(?:a{0,2}|b+?)c`: "aabbcc",
		`^[a-z]x`:          "",
		`^a*`:              "",
		`^(?i)ab`:          "",
		`(?m)^下一步`:         "",
		`不足之处`:             "",
		`^.{0,8}不足`:        "",
	} {
		if got := string(leadOf(match.MustCompile(expr))); got != want {
			t.Errorf("leadOf(%q) = %q, want %q", expr, got, want)
		}
	}
}

func FuzzLead(f *testing.F) {
	for _, expr := range leadExprs {
		f.Add(expr, "其他情况:无")
	}
	f.Fuzz(func(t *testing.T, expr, s string) {
		re, err := regexp.Compile(expr)
		if err != nil {
			return
		}
		sameLead(t, expr, leadOf(match.MustCompile(expr)), re, s)
		sameLead(t, expr, leadByTree(expr), re, s)
	})
}
