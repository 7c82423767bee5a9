package fix

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/traditionalchinese"
)

// The Big5 encoder of golang.org/x/text picks HKSCS codes for some characters
// (包 as FA BD instead of A5 5D), which CP950 readers decode as other
// characters. Replacement text is encoded with the standard Big5 codes only:
// the reverse of what the decoder gives for the standard ranges.

// big5Ranges are the standard Big5 ranges, frequent and less frequent hanzi
// first: a character with two codes (十 A2CC and A451) is written as CP950
// writes it, with the hanzi code.
var big5Ranges = [][2]int{{0xA440, 0xC67E}, {0xC940, 0xF9D5}, {0xA140, 0xA3BF}}

var (
	big5Once  sync.Once
	big5Codes map[rune][2]byte
)

// big5Table returns the standard code of each character standard Big5 holds.
func big5Table() map[rune][2]byte {
	big5Once.Do(func() {
		big5Codes = make(map[rune][2]byte, 13500)
		dec := traditionalchinese.Big5.NewDecoder()
		for _, rg := range big5Ranges {
			for code := rg[0]; code <= rg[1]; code++ {
				b := [2]byte{byte(code >> 8), byte(code)}
				if t := b[1]; t < 0x40 || t > 0x7E && t < 0xA1 || t == 0xFF {
					continue
				}
				out, err := dec.Bytes(b[:])
				r, n := utf8.DecodeRune(out)
				if err != nil || n != len(out) || r == utf8.RuneError {
					continue
				}
				if _, seen := big5Codes[r]; !seen {
					big5Codes[r] = b
				}
			}
		}
	})
	return big5Codes
}

// encodeBig5 encodes s with ASCII and standard Big5 codes only.
func encodeBig5(s string) ([]byte, bool) {
	table := big5Table()
	out := make([]byte, 0, 2*len(s))
	for _, r := range s {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		b, ok := table[r]
		if !ok {
			return nil, false
		}
		out = append(out, b[0], b[1])
	}
	return out, true
}
