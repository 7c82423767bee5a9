package checker

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestProse: prose agrees with strings.ContainsAny(text, ",。") on the
// corpus, its lines, and random bytes around the marks.
func TestProse(t *testing.T) {
	var texts []string
	for _, text := range equivalenceTexts(t) {
		texts = append(texts, text)
		texts = append(texts, strings.Split(text, "\n")...)
	}
	pieces := []string{",", "。", "，", "\xe3", "\x80", "\x82", "\xe3\x80", "、", "中", "a"}
	rng := rand.New(rand.NewPCG(2, 7))
	for range 2000 {
		var b strings.Builder
		for n := rng.IntN(8); n > 0; n-- {
			if rng.IntN(3) == 0 {
				b.WriteByte(byte(rng.IntN(256)))
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		texts = append(texts, b.String())
	}
	for i, text := range texts {
		if got, want := prose(text), strings.ContainsAny(text, ",。"); got != want {
			t.Fatalf("text %d: prose %v, strings.ContainsAny %v: %q", i, got, want, text)
		}
	}
}
