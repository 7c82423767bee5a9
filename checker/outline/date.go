package outline

import (
	"strings"
	"time"
	"unicode/utf8"
)

// dateForms are the ways a date is written, matched in the view. A number
// right before or after the date makes it part of something else. Each
// reads a date at offset i of s: the offsets of the date and of its year,
// month and day (loc[0:2], [2:4], [4:6], [6:8], as a regular expression's
// submatches; the day is empty in a partial date). Every date of a form
// holds its mark, so a text without it is not searched, and starts where
// next finds a place.
var dateForms = []struct {
	form string
	mark string
	next func(s string, i int) int
	at   func(s string, i int) (loc [8]int, ok bool)
}{
	{"arabic", "年", nextDigit, arabicDate},
	{"yuan", "元", nextDigit, yuanDate},
	{"chinese", "年", nextCNDigit, chineseDate},
	{"dash", "-", nextDigit, func(s string, i int) ([8]int, bool) { return markedDate(s, i, "-", true) }},
	{"dot", ".", nextDigit, func(s string, i int) ([8]int, bool) { return markedDate(s, i, ".", false) }},
	{"slash", "/", nextDigit, func(s string, i int) ([8]int, bool) { return markedDate(s, i, "/", false) }},
	{"short", "年", nextDigit, shortDate},
	// A date without its day ("2024年1月"): an incomplete 成文日期 is still
	// where the date is. Full forms come first, so they win where both match.
	{"partial", "年", nextDigit, partialDate},
}

// nextDigit returns the first offset from i on of an ASCII digit in s, -1 if
// there is none.
func nextDigit(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return i
		}
	}
	return -1
}

// nextCNDigit returns the first offset from i on where a rune of cnDigits
// stands in s, -1 if there is none.
func nextCNDigit(s string, i int) int {
	if k := strings.IndexAny(s[i:], cnDigits); k >= 0 {
		return i + k
	}
	return -1
}

// arabicDate reads 2021年12月30日: (\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日.
func arabicDate(s string, i int) ([8]int, bool) {
	r := reader{s, i}
	ys, ye := r.digits(4, 4)
	ms, me, ds, de := r.monthDay()
	return [8]int{i, r.pos, ys, ye, ms, me, ds, de}, r.pos >= 0
}

// shortDate reads 21年12月30日, a two-digit year: (\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日.
func shortDate(s string, i int) ([8]int, bool) {
	r := reader{s, i}
	ys, ye := r.digits(2, 2)
	ms, me, ds, de := r.monthDay()
	return [8]int{i, r.pos, ys, ye, ms, me, ds, de}, r.pos >= 0
}

// monthDay reads the rest of an arabic date after its year: \s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日.
func (r *reader) monthDay() (ms, me, ds, de int) {
	r.spaces()
	r.lit("年")
	r.spaces()
	ms, me = r.digits(1, 2)
	r.spaces()
	r.lit("月")
	r.spaces()
	ds, de = r.digits(1, 2)
	r.spaces()
	r.lit("日")
	return ms, me, ds, de
}

// yuanDate reads 2024年元月15日, 元月 for January: (\d{4})\s*年\s*(元)\s*月\s*(\d{1,2})\s*日.
func yuanDate(s string, i int) ([8]int, bool) {
	r := reader{s, i}
	ys, ye := r.digits(4, 4)
	r.spaces()
	r.lit("年")
	r.spaces()
	ms := r.pos
	r.lit("元")
	me := r.pos
	r.spaces()
	r.lit("月")
	r.spaces()
	ds, de := r.digits(1, 2)
	r.spaces()
	r.lit("日")
	return [8]int{i, r.pos, ys, ye, ms, me, ds, de}, r.pos >= 0
}

// cnNumerals write a month or a day: 一 to 十, up to three of them (三十一).
const cnNumerals = "一二三四五六七八九十"

// chineseDate reads 二〇二一年十二月三十日, 元月 for January:
// ([cnDigits]{4})\s*年\s*([一二三四五六七八九十]{1,3}|元)\s*月\s*([一二三四五六七八九十]{1,3})\s*日.
func chineseDate(s string, i int) ([8]int, bool) {
	r := reader{s, i}
	ys, ye := r.runes(cnDigits, 4, 4)
	r.spaces()
	r.lit("年")
	r.spaces()
	ms, me := r.optional("元")
	if ms < 0 {
		ms, me = r.runes(cnNumerals, 1, 3)
	}
	r.spaces()
	r.lit("月")
	r.spaces()
	ds, de := r.runes(cnNumerals, 1, 3)
	r.spaces()
	r.lit("日")
	return [8]int{i, r.pos, ys, ye, ms, me, ds, de}, r.pos >= 0
}

// markedDate reads 2021-12-30, 2021.12.30 or 2021/12/30, with mark between
// the numbers, and spaces around it when spaced: (\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2}).
func markedDate(s string, i int, mark string, spaced bool) ([8]int, bool) {
	r := reader{s, i}
	space := func() {
		if spaced {
			r.spaces()
		}
	}
	ys, ye := r.digits(4, 4)
	space()
	r.lit(mark)
	space()
	ms, me := r.digits(1, 2)
	space()
	r.lit(mark)
	space()
	ds, de := r.digits(1, 2)
	return [8]int{i, r.pos, ys, ye, ms, me, ds, de}, r.pos >= 0
}

// partialDate reads 2024年1月, a date without its day: (\d{4})\s*年\s*(\d{1,2})\s*月().
func partialDate(s string, i int) ([8]int, bool) {
	r := reader{s, i}
	ys, ye := r.digits(4, 4)
	r.spaces()
	r.lit("年")
	r.spaces()
	ms, me := r.digits(1, 2)
	r.spaces()
	r.lit("月")
	return [8]int{i, r.pos, ys, ye, ms, me, r.pos, r.pos}, r.pos >= 0
}

// DateForms lists the forms a Date can have, the standard one (arabic) first.
func DateForms() []string {
	out := make([]string, len(dateForms))
	for i, f := range dateForms {
		out[i] = f.form
	}
	return out
}

// dateMatch is a date found in view text; start and end are offsets in it.
type dateMatch struct {
	start, end       int
	year, month, day int
	form             string
	padded           bool
}

// valid tells whether the date is a real calendar date.
func (m dateMatch) valid() bool {
	if m.month < 1 || m.month > 12 || m.day < 1 || m.year < 1 {
		return false
	}
	t := time.Date(m.year, time.Month(m.month), m.day, 0, 0, 0, 0, time.UTC)
	return t.Day() == m.day
}

// mayBeDate tells whether s may be a date from end to end: every form
// starts with the digits of its year, ASCII or cnDigits, and ends with 日,
// 月 (a partial date) or an ASCII digit (2021-12-30).
func mayBeDate(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return (first >= '0' && first <= '9' || strings.ContainsRune(cnDigits, first)) &&
		(last == '日' || last == '月' || last >= '0' && last <= '9')
}

// findDates returns the dates in s, in order. Where forms overlap (a two-digit
// year is the tail of a four-digit one) the earliest, longest match wins.
func findDates(s string) []dateMatch {
	var out []dateMatch
	for _, f := range dateForms {
		if !strings.Contains(s, f.mark) {
			continue
		}
		for i := f.next(s, 0); i >= 0; i = f.next(s, i) {
			loc, ok := f.at(s, i)
			if !ok {
				_, n := utf8.DecodeRuneInString(s[i:])
				i += n
				continue
			}
			i = loc[1]
			if digitAt(s, loc[0]-1) || digitAt(s, loc[1]) {
				continue
			}
			out = insertDate(out, dateOf(s, loc[:], f.form))
		}
	}
	return out
}

// dateOf is the date of form found at loc in s: loc holds the match and its
// year, month and day (the day empty for a partial date), as regexp's
// FindStringSubmatchIndex gives them.
func dateOf(s string, loc []int, form string) dateMatch {
	m := dateMatch{start: loc[0], end: loc[1], form: form}
	y, mo, d := s[loc[2]:loc[3]], s[loc[4]:loc[5]], s[loc[6]:loc[7]] // d is "" for a partial date
	switch {
	case mo == "元": // 元月, January
		m.month = 1
	case form == "chinese":
		m.month = cnSmall(mo)
	default:
		m.month = atoi(mo)
	}
	if form == "chinese" {
		m.year, m.day = cnYear(y), cnSmall(d)
	} else {
		m.year, m.day = atoi(y), atoi(d)
		m.padded = strings.HasPrefix(mo, "0") || strings.HasPrefix(d, "0")
	}
	if form == "short" {
		m.year += 2000
	}
	return m
}

// insertDate adds m to the ordered, non-overlapping list ms unless an earlier
// found date already covers its start.
func insertDate(ms []dateMatch, m dateMatch) []dateMatch {
	at := len(ms)
	for i, o := range ms {
		if m.start < o.end && o.start < m.end {
			return ms
		}
		if m.start < o.start {
			at = i
			break
		}
	}
	return append(ms[:at], append([]dateMatch{m}, ms[at:]...)...)
}

// date makes an outline Date of m, found in the view at offset base.
func (b *builder) date(base int, m dateMatch) *Date {
	return &Date{Span: b.span(base+m.start, base+m.end), Year: m.year, Month: m.month, Day: m.day,
		Valid: m.valid(), Form: m.form, Padded: m.padded}
}

func digitAt(s string, i int) bool {
	return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9'
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// cnYear reads a year written digit by digit: 二〇二一 (also ○, 零, O, 0 for zero).
func cnYear(s string) int {
	n := 0
	for _, r := range s {
		n *= 10
		if d := cnDigit(r); d < 10 {
			n += d
		}
	}
	return n
}

// cnSmall reads a month or day in Chinese numerals (三, 十二, 三十一); 0 if it
// is not a number.
func cnSmall(s string) int {
	n, size := parseCNNumber(s)
	if size != len(s) {
		return 0
	}
	return n
}
