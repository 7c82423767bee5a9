package checker

import (
	"math/rand/v2"
	"testing"
)

// TestCountLettersUpTo: counting letters up to a bound gives the whole
// count below it and the bound itself at or above it, on the corpus and
// random text.
func TestCountLettersUpTo(t *testing.T) {
	texts := equivalenceTexts(t)
	rng := rand.New(rand.NewPCG(150, 80))
	for range 300 {
		b := make([]byte, rng.IntN(300))
		for i := range b {
			b[i] = byte(rng.IntN(256)) // invalid UTF-8 too
		}
		texts = append(texts, string(b))
	}
	for i, text := range texts {
		whole := countLetters(text)
		for _, enough := range []int{-1, 0, 1, 2, 80, 150, whole - 1, whole, whole + 1} {
			want := whole
			if enough > 0 {
				want = min(whole, enough)
			}
			if got := countLettersUpTo(text, enough); got != want {
				t.Fatalf("text %d: countLettersUpTo(%d) = %d, want %d (whole %d)", i, enough, got, want, whole)
			}
		}
	}
}
