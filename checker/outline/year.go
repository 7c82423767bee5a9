package outline

import (
	"strings"
	"unicode/utf8"
)

// preambleLines: the reporting year is stated in the first lines of the body.
const preambleLines = 3

// cnDigits are the Chinese numerals a year is written in, digit by digit
// (O and 0 for zero are typing and recognition slips).
const cnDigits = "〇○零O0一二三四五六七八九"

// reportCues open or close the sentence that announces the report
// ("现将……2022年度……报告如下").
var reportCues = []string{"现将", "报告如下", "情况如下"}

// yearMatch is a year found in view text: offsets of "2021年度" in it.
type yearMatch struct {
	year, start, end int
	annual           bool // written 年度
}

// findYears lists the years in s that stand for themselves, leaving out the end
// of a range ("2021-2025年", "2021一2025年") and longer numbers.
func findYears(s string) []yearMatch {
	if !strings.Contains(s, "年") { // every year is written with it
		return nil
	}
	var out []yearMatch
	for i := nextYear(s, 0); i >= 0; i = nextYear(s, i) {
		loc, ok := yearAt(s, i)
		if !ok {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		i = loc[1]
		if digitAt(s, loc[0]-1) || rangeEnd(s[:loc[0]]) {
			continue
		}
		out = append(out, yearOf(s, loc[:]))
	}
	return out
}

// yearOf is the year found at loc in s: loc holds the match, its Arabic or
// Chinese digits and its 度, as regexp's FindStringSubmatchIndex gives them.
func yearOf(s string, loc []int) yearMatch {
	y := yearMatch{start: loc[0], end: loc[1], annual: loc[6] >= 0}
	if loc[2] >= 0 {
		y.year = atoi(s[loc[2]:loc[3]])
	} else {
		y.year = cnYear(s[loc[4]:loc[5]])
	}
	return y
}

// nextYear returns the first offset from i on where a year can start in s
// (1, 2, 一, 二), -1 if there is none.
func nextYear(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; c == '1' || c == '2' || c == 0xE4 && (strings.HasPrefix(s[i:], "一") || strings.HasPrefix(s[i:], "二")) {
			return i
		}
	}
	return -1
}

// yearAt reads a year at offset i of view text s, in digits or in Chinese
// numerals (二〇二三年度), with its 年 and a 度 after it:
// (?:((?:19|20)\d{2})|((?:一九|二[〇○零O0])[cnDigits]{2}))\s*年(度)?. As a
// regular expression's submatches, loc holds the offsets of the match, of
// the year in digits or else in numerals, and of the 度; -1 where absent.
func yearAt(s string, i int) (loc [8]int, ok bool) {
	loc = [8]int{i, -1, -1, -1, -1, -1, -1, -1}
	r := reader{s, i}
	if strings.HasPrefix(s[i:], "19") || strings.HasPrefix(s[i:], "20") {
		r.pos += 2
		r.digits(2, 2)
		loc[2], loc[3] = i, r.pos
	} else {
		if start, _ := r.optional("一九"); start < 0 {
			r.lit("二")
			r.runes("〇○零O0", 1, 1)
		}
		r.runes(cnDigits, 2, 2)
		loc[4], loc[5] = i, r.pos
	}
	r.spaces()
	r.lit("年")
	loc[6], loc[7] = r.optional("度")
	loc[1] = r.pos
	return loc, r.pos >= 0
}

// YearSpan is a year found in text: its value and the byte span of the year
// and its 年 (2023年, 二〇二三年), without a 度 after it.
type YearSpan struct{ Year, Start, End int }

// FirstYear returns the first year in view text s that stands for itself,
// in digits or in Chinese numerals, leaving out the end of a range
// ("2021-2025年").
func FirstYear(s string) (YearSpan, bool) {
	ys := findYears(s)
	if len(ys) == 0 {
		return YearSpan{}, false
	}
	y := ys[0]
	end := y.end
	if y.annual {
		end -= len("度")
	}
	return YearSpan{Year: y.year, Start: y.start, End: end}, true
}

// cnDigitBefore tells whether s ends with a Chinese numeral.
func cnDigitBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(cnDigits, r)
}

// rangeEnd tells whether the text before a year ends with a range mark after a
// year ("2021-", "2021一", "2020年至").
func rangeEnd(before string) bool {
	r, n := utf8.DecodeLastRuneInString(before)
	if !strings.ContainsRune("-—–~～至到一", r) {
		return false
	}
	before = before[:len(before)-n]
	return digitAt(before, len(before)-1) || (r != '一' && (strings.HasSuffix(before, "年") || cnDigitBefore(before)))
}

// yearPick chooses among the years ys of view text s: it returns an index
// into ys, or -1.
type yearPick func(s string, ys []yearMatch) int

// YearSource says where the reporting year was read from.
type YearSource string

// The places a reporting year is read from, in the order they are tried.
const (
	YearFromTitle   YearSource = "title"   // the title names it
	YearFromOpening YearSource = "opening" // the opening sentences name it
	YearFromHeading YearSource = "heading" // a top-level heading names it (2019年主要工作)
	YearFromPlans   YearSource = "plans"   // a plans heading or sentence names the year after it (2020年工作计划)
	YearFromDate    YearSource = "date"    // the 成文日期 falls in January–April of the year after it
)

// dateYearMonths: a report dated in these first months of a year is on the
// year before (the deadlines fall on 1 March and 1 April).
const dateYearMonths = 4

// findYear sets the reporting year: the title's year, else the year the
// opening announces, else the year of a top-level heading (one year less
// for a plans heading), of a plans sentence, or of a 成文日期 early in the
// next year.
func (b *builder) findYear() {
	if b.title >= 0 && b.yearFrom(b.textStart(b.title), b.lines[b.titleLast].ve, first) {
		b.o.YearSource = YearFromTitle
		return
	}
	for _, pick := range []yearPick{announced, leading, annual} {
		for _, i := range b.preamble() {
			if b.yearFrom(b.textStart(i), b.lines[i].ve, pick) {
				b.o.YearSource = YearFromOpening
				return
			}
		}
	}
	if b.yearFromHeadings() || b.yearFromPlansSentence() {
		return
	}
	if dt := b.o.Date; dt != nil && dt.Valid && dt.Month <= dateYearMonths {
		b.o.Year, b.o.YearSource = dt.Year-1, YearFromDate
		sp := dt.Span
		b.o.YearCue = &sp
	}
}

// yearFromHeadings takes the year of the first top-level heading that names
// one: the reporting year, or the year after it in a plans heading.
func (b *builder) yearFromHeadings() bool {
	top := b.topLevel()
	for k := range b.o.Headings {
		if b.depth[k] != top || !b.yearFrom(b.hview[k].vs, b.hview[k].ve, first) {
			continue
		}
		b.o.YearSource = YearFromHeading
		if b.headingRole(k) == Plans {
			b.o.Year--
			b.o.YearSource = YearFromPlans
		}
		return true
	}
	return false
}

// yearFromPlansSentence takes the year before the one a plans sentence looks
// ahead to ("2020年，我局将……").
func (b *builder) yearFromPlansSentence() bool {
	spec := b.spec(Plans)
	if spec == nil {
		return false
	}
	// The last such sentence: plans close a report, and a sentence on what
	// the year's work required ("2023年，全局要求……") comes before them.
	sentences := b.proseSentences()
	for k := len(sentences) - 1; k >= 0; k-- {
		s := sentences[k]
		if !b.matchProse(&sentences[k].prose, spec.Inline, spec.inlineLeads) || !b.yearFrom(s.vs, s.ve, first) {
			continue
		}
		b.o.Year--
		b.o.YearSource = YearFromPlans
		return true
	}
	return false
}

// yearFrom takes the year pick chooses in view text [vs, ve).
func (b *builder) yearFrom(vs, ve int, pick yearPick) bool {
	s := b.v.Text[vs:ve]
	ys := findYears(s)
	if len(ys) == 0 {
		return false
	}
	k := pick(s, ys)
	if k < 0 {
		return false
	}
	b.o.Year = ys[k].year
	sp := b.span(vs+ys[k].start, vs+ys[k].end)
	b.o.YearCue = &sp
	return true
}

// preamble lists the first report lines before the first heading.
func (b *builder) preamble() []int {
	var out []int
	for i := b.first; i <= b.last && len(out) < preambleLines; i++ {
		if b.lines[i].heading >= 0 {
			break
		}
		if b.prose(i) {
			out = append(out, i)
		}
	}
	return out
}

func first(string, []yearMatch) int { return 0 }

// announced is the first year of the sentence that announces the report
// ("现将市政府办公室2022年度法治政府建设情况报告如下").
func announced(s string, ys []yearMatch) int {
	start, end := leftmostWord(s, reportCues)
	if start < 0 {
		return -1
	}
	from := 0
	if k := strings.LastIndex(s[:start], "。"); k >= 0 {
		from = k + len("。")
	}
	to := len(s)
	if k := strings.Index(s[end:], "。"); k >= 0 {
		to = end + k
	}
	for k, y := range ys {
		if y.start >= from && y.end <= to {
			return k
		}
	}
	return -1
}

// leading is a year that opens the line ("2021年,我室……").
func leading(_ string, ys []yearMatch) int {
	if ys[0].start == 0 {
		return 0
	}
	return -1
}

// annual is the first year written 年度.
func annual(_ string, ys []yearMatch) int {
	for k, y := range ys {
		if y.annual {
			return k
		}
	}
	return -1
}
