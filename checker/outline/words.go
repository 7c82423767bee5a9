package outline

import "strings"

// The outline's own vocabulary is lists of words, looked for directly: a
// regular expression made of them would say the same, and parsing it would
// add to the start-up of every run (direct_test.go compares the two).

// containsWord tells whether s contains one of words.
func containsWord(s string, words []string) bool {
	return wordIndex(s, words) >= 0
}

// wordIndex returns the index in words of the first word that s contains, -1
// if none.
func wordIndex(s string, words []string) int {
	for k, w := range words {
		if strings.Contains(s, w) {
			return k
		}
	}
	return -1
}

// hasPrefixWord tells whether s starts with one of words.
func hasPrefixWord(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// hasSuffixWord tells whether s ends with one of words.
func hasSuffixWord(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// leftmostWord returns where the leftmost of words in s starts and ends;
// start is -1 when s contains none. Of two words that start at the same
// place, the one listed first is taken, as in a regular expression.
func leftmostWord(s string, words []string) (start, end int) {
	start, end = -1, -1
	for _, w := range words {
		k := strings.Index(s, w)
		if k >= 0 && (start < 0 || k < start) {
			start, end = k, k+len(w)
		}
	}
	return start, end
}

// asciiSpace is what \s matches in a regular expression (RE2's Perl class).
const asciiSpace = "\t\n\f\r "
