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

// cutLinePlain is cutLine reading one rune at a time, each into a
// plainCutter for clauses and one for sentences.
func cutLinePlain(text string) (clauses, sentences []piece) {
	c, s := plainCutter{cur: piece{start: -1}}, plainCutter{cur: piece{start: -1}}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '。' || r == '!' || r == '?':
			c.mark(i, i+w)
			s.mark(i, i+w)
		case r == ',' || r == ';' || r == ':' || r == '、':
			c.mark(i, i+w)
			s.text(i, w, false)
		case unicode.IsSpace(r):
			c.cur.spaced = c.cur.start >= 0
			s.cur.spaced = s.cur.start >= 0
		default:
			han := unicode.Is(unicode.Han, r)
			c.text(i, w, han)
			s.text(i, w, han)
		}
		i += w
	}
	c.mark(int(c.lastEnd), len(text))
	s.mark(int(s.lastEnd), len(text))
	return c.out, s.out
}

// plainCutter gathers the pieces of a line for one set of marks.
type plainCutter struct {
	cur     piece
	lastEnd int32 // the end of the last rune of the piece's text
	out     []piece
}

// text adds the rune [i, i+w) to the current piece.
func (c *plainCutter) text(i, w int, han bool) {
	if c.cur.start < 0 {
		c.cur.start = int32(i)
	}
	if han {
		c.cur.han++
	}
	c.lastEnd = int32(i + w)
}

// mark closes the current piece with the mark [i, end).
func (c *plainCutter) mark(i, end int) {
	if c.cur.start >= 0 {
		c.cur.bodyEnd, c.cur.end = int32(i), int32(end)
		c.out = append(c.out, c.cur)
	}
	c.cur = piece{start: -1}
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

// sameCuts fails the test where cutLine and cutLinePlain cut s
// differently: s itself when it is valid UTF-8, as cutLine requires, and
// its view, what cutLine is given.
func sameCuts(t *testing.T, s string) {
	if utf8.ValidString(s) {
		sameCutsOf(t, s)
	}
	sameCutsOf(t, normalize.New(s).Text)
}

func sameCutsOf(t *testing.T, s string) {
	clauses, sentences := cutLine(s, nil, nil)
	plainClauses, plainSentences := cutLinePlain(s)
	if !slices.Equal(clauses, plainClauses) || !slices.Equal(sentences, plainSentences) {
		t.Fatalf("%q: cut into %v and %v, one rune at a time %v and %v",
			s, clauses, sentences, plainClauses, plainSentences)
	}
}
