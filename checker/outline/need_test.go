package outline

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/match"
	"github.com/fzlint/fzlint/checker/normalize"
)

// A need only rules out texts a pattern cannot match, in the view text or
// in its masked text: the tests here try every role pattern of the
// structure pack, and expressions made to try required's cases, on the
// lines of the seeds and fixtures, their tails and random text, against
// regexp; and the outlines of the seeds, the fixtures and random documents
// are built with the needs and without them.

// needExprs try what required reads and what it must leave alone.
var needExprs = []string{
	`第一责任人`, `主要负责(人|同志)[^。]{0,10}(履行|履职)`, `(带头|开展|组织)述法`, `(?i)ab`, `a*b`, `a?b`,
	`(a|b?)c`, `(ab){2,}`, `(ab){0,2}x`, `[ab]c`, `(?:)`, `x|`, `《[^》]*》`, `□`, `a+b+`, `不足之处$`,
}

// needPieces build random text around the expressions' words and marks.
var needPieces = []string{"第一", "责任人", "第一责任人", "主要负责", "人", "同志", "履行", "履职", "带头", "述法",
	"《", "》", "学习", "贯彻", "问题", "不足", "存在", "还", "。", ",", "a", "b", "c", "x", "A", "B", "□", " "}

// sameNeed fails t when n rules out s and regexp matches s or its masked text.
func sameNeed(t *testing.T, expr string, n need, re *regexp.Regexp, s string) {
	t.Helper()
	if n == nil || slices.ContainsFunc(n, func(lit string) bool { return strings.Contains(s, lit) }) {
		return
	}
	if re.MatchString(s) || re.MatchString(citationsMasked(s)) {
		t.Errorf("the need %q of %q rules out %q, which it matches", n, expr, s)
	}
}

func TestNeedRulesOutNoMatch(t *testing.T) {
	inputs, needed := leadInputs(t), 0
	inputs = append(inputs, sameInputs(t, 20000, needPieces)...)
	structure, _ := structureExprs(t)
	for _, expr := range append(structure, needExprs...) {
		n := needOf(match.MustCompile(expr))
		if n == nil {
			continue
		}
		needed++
		re := regexp.MustCompile(expr)
		for _, s := range inputs {
			sameNeed(t, expr, n, re, s)
		}
	}
	if needed < 20 {
		t.Errorf("%d expressions have a need, want most of them", needed)
	}
}

// TestNeedOf: the needs of some expressions; nil where required cannot tell.
func TestNeedOf(t *testing.T) {
	for expr, want := range map[string]need{
		`第一责任人`: {"第一责任人"},
		`主要负责(人|同志)[^。]{0,10}(履行|履职)`:  {"主要负责"},
		`(带头|开展|组织)述法`:                 {"述法"},
		`(还|仍)(存在|有)[^。]{0,60}(问题|不足)`: {"问题", "不足"},
		`(ab){2,}`:  {"ab"},
		`a+b+`:      {"a"},
		`(a|b)c`:    {"c"},
		`(a|bb)`:    {"a", "bb"},
		`(?i)ab`:    nil,
		`a*b?`:      nil,
		`(a|b?)`:    nil,
		`(ab){0,2}`: nil,
		`[ab]`:      nil,
		`(?:)`:      nil,
		`《□》`:       nil, // the mask
	} {
		if got := needOf(match.MustCompile(expr)); !reflect.DeepEqual(got, want) {
			t.Errorf("needOf(%q) = %q, want %q", expr, got, want)
		}
	}
}

func FuzzNeed(f *testing.F) {
	for _, expr := range needExprs {
		f.Add(expr, "认真学习《党政主要负责人履行推进法治建设第一责任人职责规定》")
	}
	f.Fuzz(func(t *testing.T, expr, s string) {
		re, err := regexp.Compile(expr)
		if err != nil {
			return
		}
		sameNeed(t, expr, needOf(match.MustCompile(expr)), re, s)
	})
}

// TestNeedFinder: what the finder rules out for a run of spans is what
// looking for each literal in each span rules out.
func TestNeedFinder(t *testing.T) {
	needs := []need{{"第一责任人"}, nil, {"问题", "不足", "短板"}, {"a", "bc"}, {"述法"}}
	rng := rand.New(rand.NewPCG(1, 2))
	var f needFinder
	for _, text := range sameInputs(t, 3000, needPieces) {
		f.reset(text, needs)
		for vs := 0; vs < len(text); {
			ve := min(len(text), vs+rng.IntN(40))
			var want uint64
			for k, n := range needs {
				if n != nil && !slices.ContainsFunc(n, func(lit string) bool { return strings.Contains(text[vs:ve], lit) }) {
					want |= 1 << k
				}
			}
			if got := f.ruledOut(vs, ve); got != want {
				t.Fatalf("ruledOut(%d, %d) of %q = %b, want %b", vs, ve, text, got, want)
			}
			vs = ve + rng.IntN(3)
		}
	}
}

// TestOutlineSameWithoutNeeds: the needs change no outline of the seeds,
// the fixtures and random documents made of their lines. With them, every
// role of the structure pack passes over the lines that hold no literal
// (neededSentenceCue); without them, every sentence is tried.
func TestOutlineSameWithoutNeeds(t *testing.T) {
	with := structureConfig(t)
	for _, r := range with.Roles {
		if len(r.Inline) > 0 && !everyNeeded(r.inlineNeeds, len(r.Inline)) {
			t.Errorf("a cue of role %s has no need: the test no longer compares neededSentenceCue", r.Role)
		}
	}
	without := structureConfig(t)
	for i := range without.Roles {
		without.Roles[i].inlineNeeds = nil
	}
	var texts []string
	var lines []string
	for _, pat := range []string{"../../testdata/outline/*.txt", "../../testdata/outline/*.md", "../../../shared/seeds/*.txt"} {
		paths, _ := filepath.Glob(pat)
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
			lines = append(lines, strings.Split(string(data), "\n")...)
		}
	}
	if len(texts) < 10 {
		t.Fatal("too few seeds and fixtures")
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 300 {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(lines[rng.IntN(len(lines))])
			b.WriteString("\n")
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		d := doc.New("report.txt", doc.FormatText, "UTF-8", text)
		v := normalize.New(d.Text)
		if got, want := Build(d, v, with), Build(d, v, without); !reflect.DeepEqual(got, want) {
			t.Fatalf("the outline with needs differs from the one without, for\n%s", text)
		}
	}
}

// structureConfig is the outline vocabulary of the structure pack, indexed.
func structureConfig(t *testing.T) *Config {
	t.Helper()
	data, err := os.ReadFile("../../rules/packs/structure.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var pack struct {
		Roles  map[string]struct{ Headings, Inline []string }
		Debris []string
	}
	if err := yaml.Unmarshal(data, &pack); err != nil {
		t.Fatal(err)
	}
	compile := func(exprs []string) []*match.Pattern {
		var ps []*match.Pattern
		for _, e := range exprs {
			ps = append(ps, match.MustCompile(e))
		}
		return ps
	}
	cfg := &Config{Debris: compile(pack.Debris)}
	for _, r := range Roles {
		spec := pack.Roles[string(r)]
		cfg.Roles = append(cfg.Roles, RoleSpec{Role: r, Headings: compile(spec.Headings), Inline: compile(spec.Inline)})
	}
	cfg.Index()
	return cfg
}
