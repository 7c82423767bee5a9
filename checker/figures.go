package checker

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// units are what follows a number that states a result: 件, 次, %, 万元 ….
// Checked by hand rather than with a regexp because a report's measures part
// is most of its text and this runs on every report.
var units = []string{"%", "‰", "万元", "亿元", "元", "件", "次", "项", "人", "个", "家", "条", "份", "场",
	"期", "批", "篇", "户", "宗", "起", "名", "余", "天", "小时", "平方米", "公里", "册", "部", "所",
	"类", "门", "单", "笔", "张", "套", "台", "辆", "座", "处", "支", "万", "亿"}

// unitsByRune files units under their first rune: what follows a number is
// looked up once, not compared with every unit.
var unitsByRune = func() map[rune][]string {
	m := map[rune][]string{}
	for _, u := range units {
		r, _ := utf8.DecodeRuneInString(u)
		m[r] = append(m[r], u)
	}
	return m
}()

// startsWithUnit tells whether s starts with one of units.
func startsWithUnit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	for _, u := range unitsByRune[r] {
		if strings.HasPrefix(s, u) {
			return true
		}
	}
	return false
}

// countFigures counts quantitative facts in normalized text: a number, with an
// optional decimal part and spaces, followed by a unit. It stops counting at
// enough (no limit when enough <= 0).
func countFigures(s string, enough int) int {
	n := 0
	for i := indexDigit(s, 0); i >= 0 && (enough <= 0 || n < enough); i = indexDigit(s, i) {
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
		if startsWithUnit(s[j:]) {
			n++
		}
	}
	return n
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// indexDigit returns the index of the first ASCII digit of s from i on, or
// -1. It reads eight bytes at a time: an ASCII digit is never a byte of a
// longer character, and most words of a report hold none.
func indexDigit(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if m := digitBytes(s[i : i+8]); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if isDigit(s[i]) {
			return i
		}
	}
	return -1
}

// digitBytes has the high bit of each byte of the eight of s that is an
// ASCII digit set, and no other bit.
func digitBytes(s string) uint64 {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const high = 0x8080808080808080
	low := w &^ high                     // each byte's low seven bits: adding below never carries into the next byte
	atLeast0 := low + 0x5050505050505050 // the high bit set where the low bits are 0x30 or more
	above9 := low + 0x4646464646464646   // where they are 0x3A or more
	return atLeast0 &^ above9 &^ w & high
}
