package normalize

// simplified returns the simplified form of a traditional character.
// Replaced by the generated OpenCC table.
func simplified(r rune) (rune, bool) {
	s, ok := tsTable[r]
	return s, ok
}

var tsTable = map[rune]rune{}
