package checker

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/normalize"
)

// The rule kinds compare and fold text without building strings where they
// can. These tests hold each such form to the plain one it stands for, on
// the lines of the corpus and of random texts (equivalenceTexts), spaces
// inserted, and on any text (the fuzz targets).

// withoutSpacesPlain is s with its white space (unicode.IsSpace) taken
// out, as a string: what repeats are compared on.
// The pieces FieldsFunc cuts are s's own bytes, so invalid bytes stay as
// they are.
func withoutSpacesPlain(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
}

// looseFormPlain keeps the letters and digits of s, folded to the view's
// forms, by the Unicode tables.
func looseFormPlain(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(normalize.Rune(r))
		}
	}
	return b.String()
}

// kindFormsTexts are the lines of equivalenceTexts, each also with spaces
// put in, and pairs of them to compare.
func kindFormsTexts(t *testing.T) []string {
	var lines []string
	for _, text := range equivalenceTexts(t) {
		for line := range strings.Lines(text) {
			line = strings.TrimSuffix(line, "\n")
			lines = append(lines, line, spacedOut(line))
		}
	}
	return lines
}

// spacedOut is s with a space, a full-width space or a tab after every
// third rune.
func spacedOut(s string) string {
	var b strings.Builder
	i := 0
	for _, r := range s {
		b.WriteRune(r)
		if i++; i%3 == 0 {
			b.WriteString([]string{" ", "\u3000", "\t"}[i/3%3])
		}
	}
	return b.String()
}

func TestEqualWithoutSpaces(t *testing.T) {
	lines := kindFormsTexts(t)
	for i, x := range lines {
		// each line against itself spaced out, its neighbours and itself cut short
		for _, y := range []string{lines[(i+1)%len(lines)], lines[(i+2)%len(lines)], x[:len(x)/2], x + " "} {
			sameEqualWithoutSpaces(t, x, y)
		}
	}
}

func FuzzEqualWithoutSpaces(f *testing.F) {
	f.Add("一是加强 学习，", "一是加强学习，")
	f.Add("甲乙\xe5 \xa5", "甲乙\xe5\xa5")
	f.Add("\xe4 \xb8\xad", "中")
	f.Add("a\u3000b\u00a0", "ab")
	f.Fuzz(sameEqualWithoutSpaces)
}

// sameEqualWithoutSpaces fails the test where equalWithoutSpaces and the
// comparison of the strings without spaces differ, or a piece's key
// written to a buffer is not the string without spaces.
func sameEqualWithoutSpaces(t *testing.T, x, y string) {
	want := withoutSpacesPlain(x) == withoutSpacesPlain(y)
	if got := equalWithoutSpaces(x, y); got != want {
		t.Fatalf("equalWithoutSpaces(%q, %q) = %v, want %v", x, y, got, want)
	}
	var keys strings.Builder
	for _, s := range []string{x, y} {
		p := piece{start: 0, bodyEnd: int32(len(s)), spaced: true}
		if got, want := p.key(s, &keys), withoutSpacesPlain(s); got != want {
			t.Fatalf("key of %q = %q, want %q", s, got, want)
		}
	}
}

func TestLooseForm(t *testing.T) {
	for _, s := range kindFormsTexts(t) {
		sameLooseForm(t, s)
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '《' || r == '》' }) {
			sameLooseForm(t, w)
		}
	}
}

func FuzzLooseForm(f *testing.F) {
	f.Add("中华人民共和国行政诉讼法")
	f.Add("国办发〔2021〕３号")
	f.Add("々〆〇〡ⅣＡa1١")
	f.Add("\xff法")
	f.Fuzz(sameLooseForm)
}

func sameLooseForm(t *testing.T, s string) {
	if got, want := looseForm(s), looseFormPlain(s); got != want {
		t.Fatalf("looseForm(%q) = %q, want %q", s, got, want)
	}
}

// cutLinePlain is cutLine adding Chinese characters one at a time.
func cutLinePlain(text string, clauses, sentences *cutter) {
	clauses.cur, sentences.cur = piece{start: -1}, piece{start: -1}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		cutRune(r, i, w, clauses, sentences)
		i += w
	}
	clauses.mark(int(clauses.lastEnd), len(text))
	sentences.mark(int(sentences.lastEnd), len(text))
}

func TestCutLineRuns(t *testing.T) {
	for _, s := range kindFormsTexts(t) {
		sameCuts(t, s)
	}
}

func FuzzCutLineRuns(f *testing.F) {
	f.Add("一是加强学习，一是加强学习。")
	f.Add("甲乙\xe5\xa5丙 丁。")
	f.Add("䷀㐀丁,\xe4\xb8")
	f.Fuzz(sameCuts)
}

// sameCuts fails the test where cutLine and cutLinePlain cut s differently.
func sameCuts(t *testing.T, s string) {
	var clauses, sentences, plainClauses, plainSentences cutter
	cutLine(s, &clauses, &sentences)
	cutLinePlain(s, &plainClauses, &plainSentences)
	if !slices.Equal(clauses.out, plainClauses.out) || !slices.Equal(sentences.out, plainSentences.out) {
		t.Fatalf("%q: cut into %v and %v, one character at a time %v and %v",
			s, clauses.out, sentences.out, plainClauses.out, plainSentences.out)
	}
}
