package checker

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/normalize"
)

// TestPairsNextLeadValid: in valid UTF-8, nextLead's walk on first bytes
// alone stops where the general walk, which checks each Chinese character's
// continuation bytes, does: on the corpus, its views, and random text of
// runes of every length.
func TestPairsNextLeadValid(t *testing.T) {
	_, e := loadDefault(t)
	var p *pairsCheck
	for _, r := range e.rules {
		if r.Kind == "pairs" {
			p = r.Check.(*pairsCheck)
		}
	}
	if p == nil {
		t.Fatal("no pairs rule among the defaults")
	}
	texts := equivalenceTexts(t)
	for _, text := range texts[:len(texts):len(texts)] {
		texts = append(texts, normalize.New(text).Text)
	}
	rng := rand.New(rand.NewPCG(8, 13))
	pick := []rune("a(1)《》“”‘’〔〕【】﹝﹞。、，中文\u00e9\u07ff\u0800\uffff\U00010000\U0010ffff")
	for range 500 {
		rs := make([]rune, rng.IntN(200))
		for i := range rs {
			if rng.IntN(2) == 0 {
				rs[i] = pick[rng.IntN(len(pick))]
			} else {
				rs[i] = rng.Int32N(utf8.MaxRune + 1)
			}
		}
		texts = append(texts, string(rs)) // surrogates become U+FFFD
	}
	walk := func(text string, valid bool) []int {
		var stops []int
		for at := p.nextLead(text, 0, valid); at < len(text); {
			stops = append(stops, at)
			_, size := utf8.DecodeRuneInString(text[at:])
			at = p.nextLead(text, at+size, valid)
		}
		return stops
	}
	for i, text := range texts {
		if !utf8.ValidString(text) {
			t.Fatalf("text %d is not valid UTF-8", i)
		}
		if got, want := walk(text, true), walk(text, false); !slices.Equal(got, want) {
			t.Fatalf("text %d: stops %v, the general walk %v\n%.300q", i, got, want, text)
		}
	}
}
