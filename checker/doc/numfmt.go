package doc

import (
	"strconv"
	"strings"
)

// formatNumber renders n in a Word number format (w:numFmt). Formats fzlint
// does not know render in decimal, as Word does for formats it lacks.
func formatNumber(format string, n int) string {
	switch format {
	case "none", "bullet":
		return ""
	case "chineseCounting":
		if n >= 1 && n < 100 {
			return counting(n, cnDigits, cnUnits, omitTeen)
		}
		return digitByDigit(n, cnDigits)
	case "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
		return counting(n, cnDigits, cnUnits, omitTeen)
	case "japaneseCounting":
		return counting(n, cnDigits, cnUnits, omitAll)
	case "chineseLegalSimplified":
		return counting(n, legalDigits, legalUnits, omitNone)
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return digitByDigit(n, cnDigits)
	case "ideographTraditional":
		return cycle(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cycle(n, "子丑寅卯辰巳午未申酉戌亥")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		return enclosed(n, 0x2460)
	case "decimalEnclosedParen":
		return enclosed(n, 0x2474)
	case "decimalEnclosedFullstop":
		return enclosed(n, 0x2488)
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune(0x3280 + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(max(n, 0)))
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 {
			c := byte('A' + (n-1)%26)
			if format == "lowerLetter" {
				c += 'a' - 'A'
			}
			return strings.Repeat(string(c), (n-1)/26+1)
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

var (
	cnDigits    = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	cnUnits     = []string{"", "十", "百", "千"}
	legalDigits = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	legalUnits  = []string{"", "拾", "佰", "仟"}
)

// countStyle says when counting leaves out a 1 before a unit.
type countStyle int

const (
	omitNone countStyle = iota // 壹拾
	omitTeen                   // 十一, but 一百一十
	omitAll                    // Japanese: 十, 百, 千
)

// counting writes n as Chinese numerals with units (二十一, 一百零五, 一万零三百).
func counting(n int, digits, units []string, style countStyle) string {
	if n <= 0 {
		return digits[0]
	}
	if n >= 10000 {
		high, low := n/10000, n%10000
		s := counting(high, digits, units, style) + "万"
		if low == 0 {
			return s
		}
		if low < 1000 {
			s += zero(digits)
		}
		if style == omitTeen {
			style = omitNone
		}
		return s + counting(low, digits, units, style)
	}
	var sb strings.Builder
	pendingZero := false
	for p := 3; p >= 0; p-- {
		d := n / pow10(p) % 10
		switch {
		case d == 0:
			pendingZero = sb.Len() > 0
		default:
			if pendingZero {
				sb.WriteString(zero(digits))
				pendingZero = false
			}
			if d != 1 || p == 0 || style == omitNone || (style == omitTeen && n >= 20) {
				sb.WriteString(digits[d])
			}
			sb.WriteString(units[p])
		}
	}
	return sb.String()
}

// zero is the 零 written between units in counting (〇 only stands for a digit).
func zero(digits []string) string {
	if digits[0] == "〇" {
		return "零"
	}
	return digits[0]
}

func pow10(p int) int {
	n := 1
	for range p {
		n *= 10
	}
	return n
}

func digitByDigit(n int, digits []string) string {
	var sb strings.Builder
	for _, c := range strconv.Itoa(max(n, 0)) {
		sb.WriteString(digits[c-'0'])
	}
	return sb.String()
}

func cycle(n int, set string) string {
	rs := []rune(set)
	if n < 1 {
		return strconv.Itoa(n)
	}
	return string(rs[(n-1)%len(rs)])
}

// enclosed renders 1..20 as the enclosed digits starting at base (①, ⑴, ⒈), decimal beyond.
func enclosed(n int, base rune) string {
	if n >= 1 && n <= 20 {
		return string(base + rune(n-1))
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var sb strings.Builder
	for i, v := range vals {
		for n >= v {
			sb.WriteString(syms[i])
			n -= v
		}
	}
	return sb.String()
}
