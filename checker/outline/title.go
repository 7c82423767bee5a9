package outline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/match"
)

const (
	titleMinRunes = 8
	titleMaxRunes = 60
	// titleLookahead is how many report lines the title may sit below: a 文号 or
	// a line of junk ("? ?") can come first.
	titleLookahead = 3
)

var (
	// titleWord: a report's title names what it is.
	titleWord = match.MustCompile(`报告|情况|总结|汇报|法治政府建设`)
	// notTitle: preamble sentences and body text, not a title.
	notTitle = match.MustCompile(`^(根据|按照|依据|为了|为|现将)|现将|如下|[,;:!?]|^\d{4}\s*年度?\s*[,:]`)
)

// titleLike tells whether a trimmed view line reads like a report title: short,
// naming a report, no sentence inside it. A trailing 。 is allowed (the title
// rule reports it).
func titleLike(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < titleMinRunes || n > titleMaxRunes || !titleWord.MatchString(s) || notTitle.MatchString(s) {
		return false
	}
	if strings.Contains(strings.TrimSuffix(s, "。"), "。") {
		return false
	}
	_, numbered := parseMarker(s)
	return !numbered
}

// findTitle takes the title among the first report lines: the first title-like
// line before anything that reads as body text.
func (b *builder) findTitle() {
	seen := 0
	for i := range b.lines {
		l := &b.lines[i]
		if l.blank || l.skip || l.debris {
			continue
		}
		if text := b.lineText(i); titleLike(text) {
			b.title, b.titleLast = i, i
			if b.titleContinues(i) {
				b.titleLast = i + 1
			}
			if strings.HasPrefix(text, "关于") {
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

// titleEnding: how a report's title ends.
var titleEnding = match.MustCompile(`(报告|总结|汇报)$`)

// titleContinues tells whether the line after title line i finishes it: text
// extracted from a PDF breaks a long title over two lines ("……法治政府建设" /
// "情况的报告"). The next line must follow at once, be short, hold no
// sentence punctuation or number marker, and end as a title ends.
func (b *builder) titleContinues(i int) bool {
	j := i + 1
	if b.lineText(i) == "" || j >= len(b.lines) {
		return false
	}
	first := b.lineText(i)
	l := &b.lines[j]
	if titleEnding.MatchString(first) || l.blank || l.skip || l.debris {
		return false
	}
	next := b.lineText(j)
	if utf8.RuneCountInString(next) > titleMaxRunes/2 || strings.ContainsAny(next, "。,;:!?") {
		return false
	}
	if _, numbered := parseMarker(next); numbered {
		return false
	}
	return titleEnding.MatchString(next)
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
	if ms := findDates(text); len(ms) == 1 && ms[0].start == 0 && ms[0].end == len(text) {
		b.o.Date = b.date(vs, ms[0])
		b.lines[j].closing = true
	}
}
