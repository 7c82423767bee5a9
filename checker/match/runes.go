package match

import "unicode/utf8"

// Runes sums up the characters of a text in 128 bits: bit h(r) is set for
// each rune r the text holds. A text lacks a literal when one of the
// literal's bits is clear in its sum, so a caller that tests many patterns
// on the same short text (the outline, on each sentence) sums it once and
// skips the patterns whose literals it cannot hold, without a search.
type Runes [2]uint64

// RunesOf sums up the characters of s. Invalid bytes count as runes of
// their own, as a decoder reads them: a literal (valid UTF-8) in s is read
// rune by rune wherever it stands.
func RunesOf(s string) Runes {
	var rs Runes
	for i := 0; i < len(s); {
		c := s[i]
		h, w := uint32(c), 1
		switch {
		case c < utf8.RuneSelf:
		case c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// Three bytes, most of a Chinese text: the low bits of the last
			// two, which vary most, undecoded.
			h, w = uint32(s[i+1])<<5^uint32(s[i+2]), 3
		default:
			var r rune
			r, w = utf8.DecodeRuneInString(s[i:])
			h = uint32(r) * 0x9E3779B1 >> 25
		}
		rs[h>>6&1] |= 1 << (h & 63)
		i += w
	}
	return rs
}

// holds tells whether every bit of sub is set in rs.
func (rs Runes) holds(sub Runes) bool {
	return rs[0]&sub[0] == sub[0] && rs[1]&sub[1] == sub[1]
}

// MayMatchRunes tells whether a text whose characters rs sums up may hold a
// match of p: false when it cannot hold one of the literals every match
// contains.
func (p *Pattern) MayMatchRunes(rs Runes) bool {
	if p.needRunes == nil {
		return true
	}
	for _, lr := range p.needRunes {
		if rs.holds(lr) {
			return true
		}
	}
	return false
}
