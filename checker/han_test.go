package checker

import (
	"testing"
	"unicode"
)

// TestHanShortcuts: the shortcuts answer as the Unicode tables for every rune.
func TestHanShortcuts(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v", r, isHan(r))
		}
		if isLetterOrDigit(r) != (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			t.Fatalf("isLetterOrDigit(%U) = %v", r, isLetterOrDigit(r))
		}
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}
