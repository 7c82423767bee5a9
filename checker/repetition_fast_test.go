package checker

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// writeWithoutSpacesByRune is writeWithoutSpaces decoding every rune.
func writeWithoutSpacesByRune(b *strings.Builder, s string) {
	from := 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			b.WriteString(s[from:i])
			from = i + utf8.RuneLen(r)
		}
	}
	b.WriteString(s[from:])
}

// TestWriteWithoutSpaces: writeWithoutSpaces, which passes over Chinese
// characters undecoded, writes what decoding every rune does, on the corpus,
// its lines, and random text of spaces, Chinese characters and stray bytes.
func TestWriteWithoutSpaces(t *testing.T) {
	var texts []string
	for _, text := range equivalenceTexts(t) {
		texts = append(texts, text)
		texts = append(texts, strings.Split(text, "\n")...)
	}
	pieces := []string{" ", "\t", "\u3000", "\u00a0", "\u2028", "\u0085", "中", "丁", "\u4dff", "\u9fff", "。", "a",
		"\xe4", "\xe5", "\xb8", "\x80", "\xe4\xb8", "\xe9\xbf"}
	rng := rand.New(rand.NewPCG(4, 9))
	for range 3000 {
		var b strings.Builder
		for n := rng.IntN(10); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for i, text := range texts {
		var got, want strings.Builder
		writeWithoutSpaces(&got, text)
		writeWithoutSpacesByRune(&want, text)
		if got.String() != want.String() {
			t.Fatalf("text %d %q: %q, rune by rune %q", i, text, got.String(), want.String())
		}
	}
}
