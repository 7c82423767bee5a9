package checker

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// TestStartsThree: in valid UTF-8, a rune whose first byte startsThree is
// three bytes long and ideograph decodes it as utf8 does; on the corpus and
// random text of runes of every length.
func TestStartsThree(t *testing.T) {
	texts := equivalenceTexts(t)
	rng := rand.New(rand.NewPCG(3, 8))
	for range 500 {
		rs := make([]rune, rng.IntN(200))
		for i := range rs {
			rs[i] = rng.Int32N(utf8.MaxRune + 1)
		}
		texts = append(texts, string(rs)) // surrogates become U+FFFD
	}
	for i, text := range texts {
		for at, r := range text {
			if !startsThree(text[at]) {
				continue
			}
			if got := ideograph(text, at); got != r || utf8.RuneLen(r) != 3 {
				t.Fatalf("text %d at %d: ideograph %U, utf8 %U of %d bytes", i, at, got, r, utf8.RuneLen(r))
			}
		}
	}
}
