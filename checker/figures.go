package checker

import (
	"strings"
)

// units are what follows a number that states a result: 件, 次, %, 万元 ….
// Checked by hand rather than with a regexp because a report's measures part
// is most of its text and this runs on every report.
var units = []string{"%", "‰", "万元", "亿元", "元", "件", "次", "项", "人", "个", "家", "条", "份", "场",
	"期", "批", "篇", "户", "宗", "起", "名", "余", "天", "小时", "平方米", "公里", "册", "部", "所",
	"类", "门", "单", "笔", "张", "套", "台", "辆", "座", "处", "支", "万", "亿"}

// countFigures counts quantitative facts in normalized text: a number, with an
// optional decimal part and spaces, followed by a unit. It stops counting at
// enough (no limit when enough <= 0).
func countFigures(s string, enough int) int {
	n := 0
	for i := 0; i < len(s) && (enough <= 0 || n < enough); {
		if i+8 <= len(s) && noASCII(s[i:i+8]) {
			i += 8 // Chinese text: no digit in these eight bytes
			continue
		}
		if !isDigit(s[i]) {
			i++ // an ASCII digit is never a byte of a longer character
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

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// noASCII tells whether the eight bytes of s all have their high bit set.
func noASCII(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w&0x8080808080808080 == 0x8080808080808080
}
