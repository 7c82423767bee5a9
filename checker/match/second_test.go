package match

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestSecondRunesPassMatches: the second-rune filter never turns away a
// start where the sequences match, for every pattern of the default packs
// and of the tests that has one, on the corpus's lines and random texts.
func TestSecondRunesPassMatches(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 13))
	exprs := append(packExpressions(t),
		`\d(?:余|多)?(?:件|人次|人)(?P<at>\p{Han}{2,4}\d+(?:\.\d+)?(?:件|人次|人))`, `a(?:bc)?b`, `(a)?b|(c)`,
		`x(?:(y)|(z)c)?c`, `.(?:\x{FFFD}|年)`, `\d[件人]?$|\d人次`, `[0-9](?:[甲年]|\s*件)`)
	texts := corpusLines(t)
	for range 2000 {
		texts = append(texts, randomText(r))
	}
	filtered, matched := 0, 0
	for _, e := range exprs {
		p := MustCompile(e).planned()
		if p.secondRunes == nil {
			continue
		}
		filtered++
		var mem matchMemory
		for _, s := range texts {
			x := p.newSearch(s, submatches)
			for c := 0; c < len(s); c++ {
				if matchFirst(p.seqs, s, c, submatches, &mem) == nil {
					continue
				}
				matched++
				if _, w := utf8.DecodeRuneInString(s[c:]); !x.secondMay(c + w) {
					t.Fatalf("%s: the filter turns away the match at %d in %q", e, c, s)
				}
			}
		}
	}
	t.Logf("%d patterns with the filter, %d matches", filtered, matched)
	if filtered < 4 || matched < 100 {
		t.Fatalf("%d patterns with the filter, %d matches: the test compares too little", filtered, matched)
	}
}

// TestSecondRunes: which patterns have a second-rune filter.
func TestSecondRunes(t *testing.T) {
	for expr, want := range map[string]string{
		`\d(?:余|多)?(?:件|人次|人)`:   "人人件件余余多多",
		`a(?:bc)?b`:              "bb",
		`[0-9](?:[甲年]|\s*件)`:     "\t\n\f\r  件件年年甲甲",
		`\d+(?:件|人)`:             "", // the first item is not one rune
		`\p{Han}(?P<at>\?[!?]*)`: "", // one sequence: matchFirst looks at its second item at once
		`a(?:b)?|c`:              "", // a match of one rune has no second
	} {
		p := MustCompile(expr).planned()
		if p.seqs == nil {
			t.Fatalf("%s is not matched as sequences", expr)
		}
		if got := string(p.secondRunes); got != want {
			t.Errorf("%s: second runes %q, want %q", expr, got, want)
		}
	}
}
