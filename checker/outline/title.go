package outline

import (
	"strings"
	"unicode"

	"github.com/fzlint/fzlint/checker/doc"
)

const (
	titleMinRunes = 8
	titleMaxRunes = 60
	// titleLookahead is how many report lines the title may sit below: a 文号 or
	// a line of junk ("? ?") can come first.
	titleLookahead = 3
)

var (
	// titleWords: a report's title names what it is.
	titleWords = []string{"报告", "情况", "总结", "汇报", "法治政府建设"}
	// titleEndings: how a report's title ends.
	titleEndings = []string{"报告", "总结", "汇报"}
	// preambleOpenings open a preamble sentence (为 also opens 为了).
	preambleOpenings = []string{"根据", "按照", "依据", "为", "现将"}
)

// notTitle tells whether trimmed view text reads as a preamble sentence or
// body text, not a title. A line that opens with a year and a comma
// ("2023年,") has a comma like any other sentence.
func notTitle(s string) bool {
	return hasPrefixWord(s, preambleOpenings) || strings.Contains(s, "现将") || strings.Contains(s, "如下") ||
		strings.ContainsAny(s, ",;:!?")
}

// titleLike tells whether a trimmed view line reads like a report title: short,
// naming a report, no sentence inside it. A trailing 。 is allowed (the title
// rule reports it).
func titleLike(s string) bool {
	n := doc.ValidRuneCount(s) // view text is valid UTF-8
	if n < titleMinRunes || n > titleMaxRunes || !containsWord(s, titleWords) || notTitle(s) {
		return false
	}
	if strings.Contains(strings.TrimSuffix(s, "。"), "。") {
		return false
	}
	_, numbered := parseMarker(s)
	return !numbered
}

// findTitle takes the title among the first report lines: the first title-like
// line, or two or three short lines that read as one title, before anything
// that reads as body text. When the page repeats the title in its header, with
// 来源 or 发布时间 between, the article's own copy below is the title.
func (b *builder) findTitle() {
	seen := 0
	for i := range b.lines {
		l := &b.lines[i]
		if l.blank || l.skip || l.debris {
			continue
		}
		if last, ok := b.titleLines(i); ok {
			if j, jl, ok := b.repeatedTitle(i, last); ok {
				i, last = j, jl
			}
			b.title, b.titleLast = i, last
			if strings.HasPrefix(b.lineText(i), "关于") {
				b.title = b.organsAbove(i)
			}
			sp := b.trimmedSpan(b.textStart(b.title), b.lines[b.titleLast].ve)
			b.o.Title = &sp
			b.dateUnderTitle()
			return
		}
		seen++
		if seen >= titleLookahead || b.bodyLike(i) {
			return
		}
	}
}

// titleBreaks is how many times a title may be broken: over three lines at most.
const titleBreaks = 2

// titleLines tells whether a title starts on line i and returns its last
// line. Text extracted from a PDF or copied from a page breaks a long title
// after any word ("……人民政府关于" / "2021年度法治政府建设工作的报告"): the
// lines that follow at once, short, without sentence punctuation or a number
// marker, finish it when together they read as a title and end as one.
func (b *builder) titleLines(i int) (last int, ok bool) {
	text := b.lineText(i)
	whole := titleLike(text)
	if whole && hasSuffixWord(text, titleEndings) {
		return i, true
	}
	if !b.titlePiece(i) {
		return i, whole
	}
	joined := text
	for j := i + 1; j <= i+titleBreaks && j < len(b.lines) && b.titlePiece(j); j++ {
		next := b.lineText(j)
		if _, numbered := parseMarker(next); numbered {
			break
		}
		if titleLike(next) && hasSuffixWord(next, titleEndings) && !titleOpening(joined) {
			break // a whole title of its own below a line that does not open one ("网站首页")
		}
		joined += next
		if hasSuffixWord(joined, titleEndings) && titleLike(joined) {
			return j, true
		}
	}
	return i, whole
}

// titleOpening tells whether trimmed view text can open a title broken over
// lines: it names the organ or the year, or ends in 关于. A page's column
// name ("法治政府建设", "网站首页") does none of these.
func titleOpening(s string) bool {
	_, year := FirstYear(s)
	return strings.HasSuffix(s, "关于") || year || signatureLike(s, true)
}

// titlePiece tells whether line i may be one piece of a broken title.
func (b *builder) titlePiece(i int) bool {
	l := &b.lines[i]
	text := b.lineText(i)
	return !l.blank && !l.skip && !l.debris && l.runes <= titleMaxRunes && !strings.ContainsAny(text, "。,;:!?") &&
		len(findDates(text)) == 0 // a date above or below the title is no piece of it
}

// repeatedTitleGap bounds the debris lines between a page header's copy of
// the title and the article's own.
const repeatedTitleGap = 4

// repeatedTitle finds the article's own title below a copy of the title on
// lines [i, last] in the page header: after one or more debris lines (来源,
// 发布时间), the same title again.
func (b *builder) repeatedTitle(i, last int) (j, jl int, ok bool) {
	want := b.titleText(i, last)
	gap := 0
	for j = b.nextNonBlank(last); j < len(b.lines) && b.lines[j].debris && gap < repeatedTitleGap; j = b.nextNonBlank(j) {
		gap++
	}
	if gap == 0 || j >= len(b.lines) {
		return 0, 0, false
	}
	jl, ok = b.titleLines(j)
	if !ok || !sameTitle(want, b.titleText(j, jl)) {
		return 0, 0, false
	}
	return j, jl, true
}

// sameTitle tells whether a page header's copy of a title is the title: the
// same text, or its start cut off with an ellipsis (……情况报…, ...).
func sameTitle(header, title string) bool {
	cut := strings.TrimRight(header, "….·")
	return header == title || cut != header && cut != "" && strings.HasPrefix(title, cut)
}

// titleText is the text of title lines [i, last] run together, without spaces.
func (b *builder) titleText(i, last int) string {
	var s strings.Builder
	for k := i; k <= last; k++ {
		s.WriteString(strings.Join(strings.Fields(b.lineText(k)), ""))
	}
	return s.String()
}

// organsAbove returns the first of the lines right above title line i that
// each name an organ, or i: a title laid out as in a 公文 puts the issuing
// organ (or the organs of a joint report) on a line of its own above
// "关于……的报告".
func (b *builder) organsAbove(i int) int {
	first := i
	for first > 0 && i-first < jointOrgans {
		l := &b.lines[first-1]
		if l.blank || l.skip || l.debris || !signatureLike(b.lineText(first-1), true) {
			break
		}
		first--
	}
	return first
}

// bodyLike: a heading, a long line or a sentence ends the search for a title.
func (b *builder) bodyLike(i int) bool {
	l := &b.lines[i]
	return l.runes > titleMaxRunes || b.hasMarker(i) || strings.ContainsAny(l.text, "。,;")
}

// dateUnderTitle takes a date standing alone right under the title, often in
// brackets ("（2024年1月10日）"), as published reports give it. A date at the
// end of the report, found later, replaces it.
func (b *builder) dateUnderTitle() {
	j := b.nextNonBlank(b.titleLast)
	if j >= len(b.lines) || b.lines[j].skip || b.lines[j].debris {
		return
	}
	vs := b.textStart(j)
	text := strings.TrimRightFunc(b.v.Text[vs:b.lines[j].ve], unicode.IsSpace)
	if strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") {
		text, vs = text[1:len(text)-1], vs+1
	}
	if !mayBeDate(text) {
		return // most often the first paragraph, not searched for dates through
	}
	if ms := findDates(text); len(ms) == 1 && ms[0].start == 0 && ms[0].end == len(text) {
		b.o.Date = b.date(vs, ms[0])
		b.lines[j].closing = true
	}
}
