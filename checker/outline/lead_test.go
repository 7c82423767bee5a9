package outline

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

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

// structureExprs are the headings and inline patterns of the structure pack,
// inline the inline ones.
func structureExprs(t testing.TB) (exprs, inline []string) {
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
	for _, r := range pack.Roles {
		exprs = append(exprs, r.Headings...)
		inline = append(inline, r.Inline...)
	}
	if len(exprs) == 0 || len(inline) == 0 {
		t.Fatal("no role patterns in the structure pack")
	}
	return append(exprs, inline...), inline
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
	first, _ := utf8.DecodeRuneInString(s)
	if !l.mayStart(s, first) && re.MatchString(s) {
		t.Errorf("the lead %q of %q rules out %q, which it matches", string(l), expr, s)
	}
}

// TestLeadRulesOutNoMatch: no lead rules out a text regexp matches; every
// anchored inline pattern of the structure pack has one, so its cues all go
// the quick way.
func TestLeadRulesOutNoMatch(t *testing.T) {
	inputs, led := leadInputs(t), 0
	structure, inline := structureExprs(t)
	for _, expr := range append(structure, leadExprs...) {
		l := leadOf(match.MustCompile(expr))
		if l == nil {
			if strings.HasPrefix(expr, "^") && slices.Contains(inline, expr) {
				t.Errorf("the inline pattern %q has no lead", expr)
			}
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

// TestLeadOf: the leads of some expressions, as the parse orders their
// runes; nil where leadOf cannot tell or the pattern is not anchored.
func TestLeadOf(t *testing.T) {
	for expr, want := range map[string]string{
		`^其他(需要)?[,:]`:     "其其",
		`^在?(明年|来年)(里)?将`:  "在在明明来来",
		`^(a|)b`:           "aabb",
		`^\d{4}年|^今后`:      "09今今", // the parse takes the ^ out of the choice
		`(^a|^b)`:          "aabb",
		`^(\d{4}年|今后)`:     "09今今",
		`^(?:a{0,2}|b+?)c`: "aabbcc",
		`^[a-z]x`:          "az",
		`^[^。]{2}将`:        "\x00、〃\U0010ffff",
		`^\s*[,:]`:         "\t\n\f\r  ,,::",
		`^a*`:              "",
		`^(?:)`:            "",
		`^(?i)ab`:          "",
		`(?m)^下一步`:         "",
		`^\b将`:             "",
		`(^a|b)c`:          "",
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
	})
}
