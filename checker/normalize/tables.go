package normalize

import "math/bits"

// The traditional → simplified table, ts_table.go, is generated from OpenCC's
// TSCharacters.txt; gen/main.go says where to get it.
//go:generate go run gen/main.go -in /tmp/opencc/package/data/dictionary/TSCharacters.txt -out ts_table.go

// simplified returns the simplified form of a traditional character, from
// OpenCC's TSCharacters table (first candidate, single characters only).
func simplified(r rune) (rune, bool) {
	if r < 0x10000 {
		if r < 0 {
			return r, false
		}
		word := tsBMP[r>>6]
		bit := uint64(1) << (r & 63)
		if word&bit == 0 {
			return r, false
		}
		// tsTrad is sorted and begins with the BMP characters, one per bit:
		// the character's place is the number of bits set before its own.
		return tsSimp[int(tsRank[r>>6])+bits.OnesCount64(word&(bit-1))], true
	}
	if r > tsTrad[tsLen-1] {
		return r, false
	}
	// Binary search for the first key >= r.
	lo, hi := 0, tsLen
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tsTrad[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < tsLen && tsTrad[lo] == r {
		return tsSimp[lo], true
	}
	return r, false
}
