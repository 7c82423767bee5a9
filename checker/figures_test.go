package checker

import (
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/normalize"
)

func TestCountFigures(t *testing.T) {
	cases := map[string]int{
		"全年审查规范性文件12件,办理行政复议案件35件,纠错率8%。": 3,
		"受众1.2万人次,投入资金300 万元":             2,
		"2021年,我局召开会议":                    0,
		"第3页":                             0,
		// digits after long runs of Chinese text, at every offset of a word
		"审查规范性文件共计12件": 1, "审查规范性文件共计办理1件": 1, "依法审查规范性文件共计办理7": 0,
		"": 0,
	}
	for s, want := range cases {
		if got := countFigures(s, 0); got != want {
			t.Errorf("countFigures(%q) = %d, want %d", s, got, want)
		}
		if want > 1 && countFigures(s, 1) != 1 {
			t.Errorf("countFigures(%q, 1) counts on", s)
		}
	}
}

// TestCountFiguresFast: countFigures, which finds digits eight bytes at a
// time and looks units up by their first rune, counts what reading byte by
// byte and trying every unit counts, with and without a bound, on every
// line of the corpus and random texts, their views, and runs of every byte;
// indexDigit and countDigits find the digits reading byte by byte does.
func TestCountFiguresFast(t *testing.T) {
	texts := equivalenceTexts(t)
	for _, text := range texts[:len(texts):len(texts)] {
		texts = append(texts, normalize.New(text).Text)
	}
	var every strings.Builder
	for b := range 256 {
		every.WriteByte(byte(b))
		every.WriteString("1件")
	}
	texts = append(texts, every.String())
	for _, text := range texts {
		for line := range strings.Lines(text) {
			for _, enough := range []int{0, 1, 3} {
				if got, want := countFigures(line, enough), countFiguresByByte(line, enough); got != want {
					t.Fatalf("countFigures(%q, %d) = %d, byte by byte %d", line, enough, got, want)
				}
			}
			sameDigits(t, line)
		}
	}
}

// FuzzCountFigures: as TestCountFiguresFast, on any text.
func FuzzCountFigures(f *testing.F) {
	f.Add("全年审查规范性文件12件,办理行政复议案件35件,纠错率8%。")
	f.Add("受众1.2万人次,投入资金300 万元，工期3小时")
	f.Fuzz(func(t *testing.T, s string) {
		for _, enough := range []int{0, 2} {
			if got, want := countFigures(s, enough), countFiguresByByte(s, enough); got != want {
				t.Fatalf("countFigures(%q, %d) = %d, byte by byte %d", s, enough, got, want)
			}
		}
		sameDigits(t, s)
	})
}

// sameDigits fails the test where indexDigit, from any offset, or
// countDigits, which read eight bytes at a time, and reading byte by byte
// differ on s.
func sameDigits(t *testing.T, s string) {
	t.Helper()
	for i := range len(s) + 1 {
		if got, want := indexDigit(s, i), indexDigitByByte(s, i); got != want {
			t.Fatalf("indexDigit(%q, %d) = %d, byte by byte %d", s, i, got, want)
		}
	}
	want := 0
	for i := range len(s) {
		if isDigit(s[i]) {
			want++
		}
	}
	if got := countDigits(s); got != want {
		t.Fatalf("countDigits(%q) = %d, byte by byte %d", s, got, want)
	}
}

// countFiguresByByte is countFigures reading byte by byte and trying every
// unit in turn.
func countFiguresByByte(s string, enough int) int {
	n := 0
	for i := 0; i < len(s) && (enough <= 0 || n < enough); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
			for i++; i < len(s) && isDigit(s[i]); i++ {
			}
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		for _, u := range units {
			if strings.HasPrefix(s[j:], u) {
				n++
				break
			}
		}
	}
	return n
}

// indexDigitByByte is indexDigit reading byte by byte.
func indexDigitByByte(s string, i int) int {
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return i
		}
	}
	return -1
}
