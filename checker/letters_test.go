package checker

import (
	"testing"
	"unicode"
)

// TestCountLetters: the count by lead bytes agrees with counting the runes
// that are letters or digits.
func TestCountLetters(t *testing.T) {
	for _, s := range []string{"", "全年审查规范性文件12件。", "abc，甲乙（丙）", "\xe5\xb8", "\xe5\x80\x41", "䷀䷁ㄅ〇𠀀", "Ｘ１２", string(rune(0x5000)) + string(rune(0x9fff)) + "\xe4\xb7\x80\xe4\xb8\x80\xe4\xb7\xbf"} {
		want := 0
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				want++
			}
		}
		if got := countLetters(s); got != want {
			t.Errorf("countLetters(%q) = %d, want %d", s, got, want)
		}
	}
}
