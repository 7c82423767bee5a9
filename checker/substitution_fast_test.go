package checker

import (
	"fmt"
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/match"
	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/rules"
)

func TestByteFrom(t *testing.T) {
	for _, tc := range []struct {
		expr string
		lit  byte
		run  bool
		ok   bool
	}{
		{",", ',', false, true},
		{`\?`, '?', false, true},
		{`\(`, '(', false, true},
		{" +", ' ', true, true},
		{"(?:,)", ',', false, true},
		{" +?", 0, false, false}, // the shortest run: one byte, but not all of the run
		{" *", 0, false, false},
		{"(?i)a", 0, false, false},
		{"(,)", 0, false, false}, // a group: its indexes are asked for
		{"，", 0, false, false},
		{",,", 0, false, false},
		{"[,;]", 0, false, false},
		{"^,", 0, false, false},
	} {
		tree, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		lit, run, ok := byteFrom(tree.Simplify())
		if lit != tc.lit || run != tc.run || ok != tc.ok {
			t.Errorf("byteFrom(%q) = %q, %v, %v; want %q, %v, %v", tc.expr, lit, run, ok, tc.lit, tc.run, tc.ok)
		}
	}
}

// byteSearchSpecs are substitution rules with from expressions found
// without their patterns (one byte, a line's trimmed text, a run at the
// end), besides those of the default packs.
var byteSearchSpecs = []string{
	`swap: [{from: ' +', to: ''}, {from: ',', to: '，', before: '\p{Han}'}, {from: ',', to: '、'}]`,
	`{match: raw, swap: [{from: '\?', to: '$0$0'}, {from: 'a+', to: 'b', after: '[^a]'}, {from: '1', to: '一'}, {from: '(?P<at>1)2'}]}`,
	"{match: raw, per: line, skip: ['\\(\\d\\)'], swap: [{from: '\\(', to: '（'}, {from: '\\)', to: '）'}, {from: '\t+', to: ' '}]}",
	`{match: raw, swap: [{from: '\S(?:.*\S)?', before: '\s'}, {from: '[^ ,](?:.*[^ ,])?', to: ','}, {from: '[a-z](?:.*[a-z])?'}]}`,
	`swap: [{from: '[^\s,](?:.*[^\s,])?'}, {from: '\S(?:.*?\S)?'}, {from: '\S(?:.*\S)??'}]`,
	`{match: raw, swap: [{from: '[ \t\x{00A0}\x{3000}\x{FFFD}]+$', to: ''}, {from: '[^a]+?$', to: 'a'}, {from: '[。，]+$', before: 'a'}]}`,
}

// TestSubstitutionByteSearch: the hits of a check whose groups are found
// without their patterns (swapGroup's oneByte, outside and last) are the
// hits of the same check searching with the patterns, on every line of the
// corpus and of random texts, raw and normalized, for every substitution
// rule of the default packs and a few more.
func TestSubstitutionByteSearch(t *testing.T) {
	_, e := loadDefault(t)
	checks, dict := byteSearchChecks(t, e)
	var lines []string
	for _, text := range equivalenceTexts(t) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	rng := rand.New(rand.NewPCG(7, 29))
	pieces := []string{",", ", ", "  ", "(", ")", "?", "中", "，", "a", "1", "2", "\t", "\xff", "\xe4\xb8", "“", "\u3000", "\r", "\n", "\u00a0", "\uFFFD", "\xe3\x80", "\xe3\x80\x80\x80", "。"}
	lines = append(lines, randomJoins(rng, pieces, 3000, 10)...)
	for _, line := range lines {
		for _, text := range []string{line, normalize.New(line).Text} {
			scanned := dict.Scan(text)
			for _, k := range checks {
				sameByteSearch(t, k, scanned)
			}
		}
	}
}

// FuzzSubstitutionByteSearch is TestSubstitutionByteSearch on any line.
func FuzzSubstitutionByteSearch(f *testing.F) {
	f.Add("2021年,我室认真贯彻(一)加强:16:07  开始? ")
	f.Add("\xff,\xe4\xb8( a)")
	_, e := loadDefault(f)
	checks, dict := byteSearchChecks(f, e)
	f.Fuzz(func(t *testing.T, line string) {
		scanned := dict.Scan(line)
		for _, k := range checks {
			sameByteSearch(t, k, scanned)
		}
	})
}

// byteSearchChecks returns the substitution checks with a group found
// without its pattern, of the default packs and of byteSearchSpecs, and a
// dictionary of their patterns.
func byteSearchChecks(t testing.TB, e *Engine) ([]*substitutionCheck, *match.Dictionary) {
	t.Helper()
	var checks []*substitutionCheck
	var patterns []*match.Pattern
	add := func(k *substitutionCheck) {
		if slices.ContainsFunc(k.groups, func(g swapGroup) bool { return g.oneByte || g.outside != nil }) {
			checks = append(checks, k)
		}
	}
	for _, r := range e.rules {
		if k, ok := r.Check.(*substitutionCheck); ok {
			add(k)
			patterns = append(patterns, r.Patterns...)
		}
	}
	if len(checks) == 0 {
		t.Fatal("no substitution rule of the default packs has a one-byte from")
	}
	for _, spec := range byteSearchSpecs {
		r, err := compileSpec("substitution", "m", spec)
		if err != nil {
			t.Fatal(err)
		}
		add(r.Check.(*substitutionCheck))
		for _, sw := range r.Check.(*substitutionCheck).swaps {
			patterns = append(patterns, sw.from)
		}
	}
	return checks, match.NewDictionary(patterns)
}

// sameByteSearch fails the test where k's hits in scanned differ from
// those of k searching every group with its pattern.
func sameByteSearch(t testing.TB, k *substitutionCheck, scanned *match.Text) {
	t.Helper()
	general := *k
	general.groups = slices.Clone(k.groups)
	for g := range general.groups {
		general.groups[g].oneByte, general.groups[g].outside = false, nil
	}
	var got, want lineHits
	k.find(scanned, allGroups(k), &got)
	general.find(scanned, allGroups(k), &want)
	if a, b := hitsString(k, &got), hitsString(&general, &want); a != b {
		t.Fatalf("%q: the byte search finds\n\t%s\nthe patterns\n\t%s", scanned.String(), a, b)
	}
}

// hitsString renders the hits of found with the indexes a replacement
// expands (the match itself when none are kept).
func hitsString(k *substitutionCheck, found *lineHits) string {
	var b strings.Builder
	for _, h := range found.hits {
		sub := []int{h.start, h.end}
		if h.sub >= 0 {
			sub = found.subs[h.sub : h.sub+2*len(k.swaps[h.swap].from.SubexpNames())]
		}
		fmt.Fprintf(&b, "[%d,%d) swap %d %v; ", h.start, h.end, h.swap, sub)
	}
	return b.String()
}

// allGroups lists the indexes of k's groups.
func allGroups(k *substitutionCheck) []int {
	var all []int
	for g := range k.groups {
		all = append(all, g)
	}
	return all
}

// TestSubstitutionLiveGroups: leaving out the sets of strings the whole
// text holds none of finds in every line of the scope
// what looking for every group finds, for every substitution rule of the
// default packs and a few more, on the corpus and random texts.
func TestSubstitutionLiveGroups(t *testing.T) {
	_, e := loadDefault(t)
	rs := liveGroupRules(t, e)
	skipped := 0
	for _, text := range equivalenceTexts(t) {
		skipped += sameLiveGroups(t, e, rs, text)
	}
	if skipped == 0 {
		t.Fatal("no group was left out: the test compares nothing")
	}
}

// FuzzSubstitutionLiveGroups is TestSubstitutionLiveGroups on any text.
func FuzzSubstitutionLiveGroups(f *testing.F) {
	f.Add("  第一部分 主要举措\n2021年,我室认真贯彻(一)加强:16:07  开始? ")
	f.Add("《关于<法治政府建设实施纲要>的说明》\n\xff,\xe4\xb8( a)")
	_, e := loadDefault(f)
	rs := liveGroupRules(f, e)
	f.Fuzz(func(t *testing.T, text string) {
		sameLiveGroups(t, e, rs, text)
	})
}

// liveGroupRules returns the substitution rules of e's rules and of
// byteSearchSpecs, and one of sets of strings.
func liveGroupRules(t testing.TB, e *Engine) []*rules.Rule {
	t.Helper()
	rs := rulesOf[*substitutionCheck](e)
	for _, spec := range append(byteSearchSpecs, `{match: raw, swap: [{from: '法制|(?P<at>布)署', to: ''}, {from: '年,', to: '年，'}, {from: '。\n', to: '.'}]}`) {
		r, err := compileSpec("substitution", "m", spec)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs
}

// sameLiveGroups fails the test where a rule of rs finds, in a line of
// text, other hits among its live groups than among all; it returns how
// many groups were left out.
func sameLiveGroups(t testing.TB, e *Engine, rs []*rules.Rule, text string) int {
	t.Helper()
	d, err := doc.ReadBytes("t.txt", []byte(text), doc.Options{})
	if err != nil {
		return 0 // a blank text
	}
	skipped := 0
	c := &Context{Analysis: e.Analyze(d), set: e.set, out: new([]Finding), lent: &spare{}}
	for _, r := range rs {
		k := r.Check.(*substitutionCheck)
		raw := k.Match == "raw"
		live := k.liveGroups(c, raw, nil)
		skipped += len(k.groups) - len(live)
		for _, n := range c.scopeLines(k.Scope) {
			scanned, _ := c.lineScan(n, raw)
			var got, want lineHits
			k.find(scanned, live, &got)
			k.find(scanned, allGroups(k), &want)
			if a, b := hitsString(k, &got), hitsString(k, &want); a != b {
				t.Fatalf("%s, line %q: the live groups find\n\t%s\nall groups\n\t%s", r.ID, scanned.String(), a, b)
			}
		}
	}
	return skipped
}

func TestIsStrings(t *testing.T) {
	for expr, want := range map[string]bool{
		"法制政府": true, "布署|部暑": true, "决策程度(?P<s>制度|规定)": true, ",(?P<at>,)": true,
		"(?i)ab": false, `截止\d`: false, "a+": false, "^法制": false, "法制$": false, "[,;]": false, "a?": false,
	} {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := isStrings(tree.Simplify()); got != want {
			t.Errorf("isStrings(%q) = %v, want %v", expr, got, want)
		}
	}
}

func TestOutsideOf(t *testing.T) {
	for expr, want := range map[string]string{
		`\S(?:.*\S)?`:         "\t\n\f\r ",
		`[^ ,](?:.*[^ ,])?`:   "", // '\n' in the class: [^…] holds it
		`\S(?:.*?\S)?`:        "", // the shortest: not to the last
		`\S(?:.*\S)??`:        "",
		`[a-z](?:.*[a-z])?`:   "", // not every character past ASCII
		`\S(?:.*\s)?`:         "", // another class at the end
		`[^\n](?:.*[^\n])?`:   "\n",
		`[\S\n](?:.*[\S\n])?`: "", // '\n' in the class
		`\S(?:(.*)\S)?`:       "", // a group
	} {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if out := outsideOf(tree.Simplify()); out != nil {
			for b, outside := range out {
				if outside {
					got += string(rune(b))
				}
			}
		}
		if got != want {
			t.Errorf("outsideOf(%q) = %q, want %q", expr, got, want)
		}
	}
}

// TestRuneClassOrdered: the classes runeClass.has looks runes up in list
// their ranges in ascending order, apart from each other, as has assumes:
// the context classes of the default packs and classContexts.
func TestRuneClassOrdered(t *testing.T) {
	_, e := loadDefault(t)
	var classes []runeClass
	for _, r := range rulesOf[*substitutionCheck](e) {
		for _, sw := range r.Check.(*substitutionCheck).swaps {
			classes = append(classes, sw.beforeRunes, sw.afterRunes)
		}
	}
	for _, expr := range classContexts {
		classes = append(classes, classOf(expr))
	}
	for _, rc := range classes {
		for i := 0; i+1 < len(rc); i += 2 {
			if rc[i] > rc[i+1] || i > 0 && rc[i] <= rc[i-1] {
				t.Fatalf("class %q: range %d out of order", rc, i/2)
			}
		}
	}
}

// hasEvery is runeClass.has looking at every range: the reference.
func (rc runeClass) hasEvery(r rune) bool {
	for i := 0; i+1 < len(rc); i += 2 {
		if rc[i] <= r && r <= rc[i+1] {
			return true
		}
	}
	return false
}

// BenchmarkRuneClassHas looks up, in the class "Chinese" of the typography
// pack, the runes of the corpus beside its ASCII marks (as halfwidth-punct
// does), stopping at the first range past each (has) or looking at every
// range (hasEvery).
func BenchmarkRuneClassHas(b *testing.B) {
	rc := classOf(`[\p{Han}\x{3000}-\x{303F}\x{FF01}-\x{FF60}“”‘’…—]`)
	var runes []rune
	for _, d := range benchDocs(b) {
		for i := 0; i < len(d.Text); i++ {
			if strings.IndexByte(",;:?!()", d.Text[i]) >= 0 {
				before, _ := utf8.DecodeLastRuneInString(d.Text[:i])
				after, _ := utf8.DecodeRuneInString(d.Text[i+1:])
				runes = append(runes, before, after)
			}
		}
	}
	for _, bc := range []struct {
		name string
		has  func(rune) bool
	}{{"ordered", rc.has}, {"every", rc.hasEvery}} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, r := range runes {
					if bc.has(r) {
						n++
					}
				}
			}
			b.ReportMetric(float64(n)/float64(b.N), "in/op")
		})
	}
}
