package outline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/doc"
)

// marker is a heading number found at the start of view text.
type marker struct {
	level  int
	number int
	style  string // canonical style or variant, see Heading.Style
	size   int    // bytes in the view
}

// parseMarker reads the heading number at the start of s (view text): 一、 (一)
// 1. (1) ① and their variants. "一是", "2021年" and "1.5亿元" are not markers.
func parseMarker(s string) (marker, bool) {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '(':
		return parseBracketed(s[n:])
	case r >= '①' && r <= '⑳':
		return marker{level: 5, number: int(r-'①') + 1, style: "①", size: n}, true
	case r >= '⑴' && r <= '⒇':
		return marker{level: 4, number: int(r-'⑴') + 1, style: "⑴", size: n}, true
	case r >= '0' && r <= '9':
		return parseArabic(s)
	case r == '第':
		return parsePart(s[n:])
	default:
		return parseChinese(s)
	}
}

// partWords name the divisions some reports put above 一、: 第一部分, 第一章.
var partWords = []string{"部分", "章", "篇"}

// parsePart reads 第一部分 (第二章, 第三篇) and the space, 、 or : after it, s
// starting after the "第". These sit above 一、, at level 0.
func parsePart(s string) (marker, bool) {
	num, k := parseCNNumber(s)
	if num == 0 {
		return marker{}, false
	}
	for _, w := range partWords {
		if !strings.HasPrefix(s[k:], w) {
			continue
		}
		size := len("第") + k + len(w)
		rest := s[k+len(w):]
		switch {
		case strings.HasPrefix(rest, " "), strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, "、"):
			_, n := utf8.DecodeRuneInString(rest)
			size += n
		case rest != "":
			// "第一部分工作" runs on into a sentence: not a marker.
			if r, _ := utf8.DecodeRuneInString(rest); unicode.Is(unicode.Han, r) {
				return marker{}, false
			}
		}
		return marker{level: 0, number: num, style: "第一" + w, size: size}, true
	}
	return marker{}, false
}

// parseBracketed reads (一) (一)、 (1) (1)、, s starting after the "(".
func parseBracketed(s string) (marker, bool) {
	m, variant := marker{level: 2, style: "(一)"}, "(一)、"
	num, k := parseCNNumber(s)
	if num == 0 {
		m, variant = marker{level: 4, style: "(1)"}, "(1)、"
		num, k = parseDigits(s)
	}
	if num == 0 || !strings.HasPrefix(s[k:], ")") {
		return marker{}, false
	}
	m.number, m.size = num, 1+k+1
	if strings.HasPrefix(s[k+1:], "、") {
		m.style = variant
		m.size += len("、")
	}
	return m, true
}

// parseArabic reads 1. 1、 1) ; a digit right after the mark makes it a number
// (1.5亿元), not a marker.
func parseArabic(s string) (marker, bool) {
	num, k := parseDigits(s)
	if num == 0 {
		return marker{}, false
	}
	sep, n := utf8.DecodeRuneInString(s[k:])
	m := marker{level: 3, number: num, size: k + n}
	switch sep {
	case '.':
		m.style = "1."
	case '、':
		m.style = "1、"
	case ')':
		m.level, m.style = 4, "1)"
	default:
		return marker{}, false
	}
	if next, _ := utf8.DecodeRuneInString(s[m.size:]); next >= '0' && next <= '9' && !yearAhead(s[m.size:]) {
		return marker{}, false
	}
	return m, true
}

// yearAhead tells whether view text s starts with a year and its 年: after
// "3." that makes "3.2024年工作打算" item 3, not the number 3.2024.
func yearAhead(s string) bool {
	y, ok := FirstYear(s)
	return ok && y.Start == 0
}

// parseChinese reads 一、 and its variants 一. 一, 一: .
func parseChinese(s string) (marker, bool) {
	num, k := parseCNNumber(s)
	if num == 0 {
		return marker{}, false
	}
	sep, n := utf8.DecodeRuneInString(s[k:])
	var style string // written out, not put together for each heading
	switch sep {
	case '、':
		style = "一、"
	case '.':
		style = "一."
	case ',':
		style = "一,"
	case ':':
		style = "一:"
	default:
		return marker{}, false
	}
	return marker{level: 1, number: num, style: style, size: k + n}, true
}

// parseDigits reads one or two ASCII digits not followed by another digit.
func parseDigits(s string) (num, size int) {
	for size < len(s) && s[size] >= '0' && s[size] <= '9' {
		if size == 2 {
			return 0, 0
		}
		num = num*10 + int(s[size]-'0')
		size++
	}
	return num, size
}

// parseCNNumber reads a Chinese numeral from 1 to 99 (三, 十, 十一, 二十, 二十三)
// at the start of s. It returns 0 when the run of numeral characters there is
// not one such number ("一一", "十十").
func parseCNNumber(s string) (num, size int) {
	var ds []int // digit values, 10 for 十
	for _, r := range s {
		d := cnDigit(r)
		if d == 0 {
			break
		}
		ds = append(ds, d)
		size += len("一")
	}
	switch {
	case len(ds) == 1:
		return ds[0], size
	case len(ds) == 2 && ds[0] == 10 && ds[1] < 10:
		return 10 + ds[1], size
	case len(ds) == 2 && ds[0] >= 2 && ds[0] < 10 && ds[1] == 10:
		return ds[0] * 10, size
	case len(ds) == 3 && ds[0] >= 2 && ds[0] < 10 && ds[1] == 10 && ds[2] < 10:
		return ds[0]*10 + ds[2], size
	}
	return 0, 0
}

// cnDigit is the value of a Chinese numeral character, 10 for 十, 0 if r is
// none. A switch, not a search of the numerals: it is asked about the first
// character of every line.
func cnDigit(r rune) int {
	switch r {
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	case '十':
		return 10
	}
	return 0
}

// markerAt parses the marker of line i. It returns the marker and its view
// offset; ok is false when there is none or nothing follows it.
func (b *builder) markerAt(i int) (m marker, at int, ok bool) {
	l := &b.lines[i]
	if !l.markerRead {
		l.marker, l.markerAt, l.markerOK = b.readMarker(i)
		l.markerRead = true
	}
	return l.marker, l.markerAt, l.markerOK
}

// readMarker reads markerAt from line i.
func (b *builder) readMarker(i int) (m marker, at int, ok bool) {
	l := &b.lines[i]
	if l.blank || l.skip {
		return marker{}, 0, false
	}
	at = b.textStart(i)
	m, ok = parseMarker(b.v.Text[at:l.ve])
	if !ok || blank(b.v.Text[at+m.size:l.ve]) {
		return marker{}, 0, false
	}
	return m, at, true
}

func (b *builder) hasMarker(i int) bool {
	_, _, ok := b.markerAt(i)
	return ok
}

// findHeadings collects the headings of the body and links each to its parent.
func (b *builder) findHeadings() {
	b.headings(b.headingOf)
	if len(b.o.Headings) == 0 {
		b.headings(b.bareHeadingOf)
	}
	b.nestDepths()
}

// nestDepths sets the depth of each heading. It is its Level, except in a
// report that puts Arabic numbers above Chinese ones (1、主要举措 /
// （一）……): there the styles nest in the order the report first uses them.
// The Level and Parent of each heading keep GB/T 9704's order, so that the
// numbering rules still see the mixed order.
func (b *builder) nestDepths() {
	hs := b.o.Headings
	b.depth = slices.Grow(b.depth[:0], len(hs))[:len(hs)]
	for k := range hs {
		b.depth[k] = hs[k].Level
	}
	if !b.ownOrder() {
		return
	}
	rank := map[int]int{}
	for _, h := range hs {
		if _, ok := rank[h.Level]; !ok {
			rank[h.Level] = len(rank) + 1
		}
	}
	for k := range hs {
		b.depth[k] = rank[hs[k].Level]
	}
}

// ownOrder tells whether the numbered headings order the marker styles their
// own way: the first heading's style runs 1, 2, 3… through the whole report,
// and either comes again after the first heading of each style GB/T 9704
// puts above it, so that those nest inside it, or opens a part while none of
// those names a part that follows the measures (problems, plans, other). A
// list (1. 2.) before the first 一、 does neither.
func (b *builder) ownOrder() bool {
	hs := b.o.Headings
	if len(hs) == 0 {
		return false
	}
	first := hs[0].Level
	next := 1
	seen := map[int]bool{}    // styles above first
	pending := map[int]bool{} // of those, the ones first's style has not come after yet
	abovePart := false        // a heading of a style above first names a later part
	for k, h := range hs {
		switch {
		case h.Marker == "":
			return false
		case h.Level == first:
			if h.Number != next {
				return false
			}
			next++
			clear(pending)
		case h.Level < first:
			if !seen[h.Level] {
				seen[h.Level], pending[h.Level] = true, true
			}
			r := b.headingRole(k)
			abovePart = abovePart || r == Problems || r == Plans || r == Other
		}
	}
	return len(seen) > 0 && (len(pending) == 0 || b.headingRole(0) != "" && !abovePart)
}

// headings takes the lines of the body that of reads as headings.
func (b *builder) headings(of func(i int) (Heading, viewSpan, bool)) {
	var open []int // indexes of the enclosing headings, outermost first
	hs := b.scratch.headings[:0]
	for i := b.first; i <= b.last; i++ {
		if !b.prose(i) {
			continue
		}
		h, vs, ok := of(i)
		if !ok {
			continue
		}
		for len(open) > 0 && hs[open[len(open)-1]].Level >= h.Level {
			open = open[:len(open)-1]
		}
		h.Parent = -1
		if len(open) > 0 {
			h.Parent = open[len(open)-1]
		}
		b.lines[i].heading = len(hs)
		open = append(open, len(hs))
		hs = append(hs, h)
		b.hview = append(b.hview, prose{viewSpan: vs})
	}
	b.scratch.headings = hs
	if len(hs) > 0 {
		b.o.Headings = slices.Clone(hs)
	}
	for k := range b.o.Headings {
		if b.paragraphAt(k) {
			b.o.Headings[k].RunIn = true
		}
	}
}

// paragraphAt tells whether heading k is a numbered paragraph: a paragraph
// of prose with no sub-headings under it (a heading with sub-headings is a
// heading whatever it says, as seed 004's 二、深入学习贯彻……。).
func (b *builder) paragraphAt(k int) bool {
	hs := b.o.Headings
	parent := k+1 < len(hs) && hs[k+1].Parent == k
	return hs[k].Marker != "" && !parent && paragraphItem(b.viewText(b.hview[k].viewSpan))
}

// headingOf reads line i as a heading: a numbered line, or a Markdown/Word
// heading without a number. It also returns the view span of the heading text.
func (b *builder) headingOf(i int) (Heading, viewSpan, bool) {
	l := &b.lines[i]
	var h Heading
	textAt := b.textStart(i)
	if m, at, ok := b.markerAt(i); ok {
		end := at + m.size
		h.Level, h.Style, h.Number = m.level, m.style, m.number
		h.MarkerAt = b.v.Orig(at)
		h.Marker = b.d.Text[h.MarkerAt:b.v.Orig(end)]
		textAt = end + len(b.v.Text[end:l.ve]) - len(strings.TrimLeftFunc(b.v.Text[end:l.ve], unicode.IsSpace))
	} else if l.md > 0 && textAt < l.ve {
		h.Level = l.md
		h.MarkerAt = b.v.Orig(textAt)
	} else {
		return Heading{}, viewSpan{}, false
	}
	end, runIn := b.headingEnd(textAt, l.ve)
	end = textAt + len(strings.TrimRightFunc(b.v.Text[textAt:end], unicode.IsSpace))
	h.Span, h.RunIn = b.span(textAt, end), runIn
	return h, viewSpan{textAt, end}, true
}

// bareHeadingMax bounds, in runes, a line taken for a heading without a number.
const bareHeadingMax = 24

// bareHeadingOf reads line i as a heading without a number or markup, for a
// document that has no other headings (text copied from a web page loses
// them): a short line with no sentence punctuation that a role's heading
// vocabulary names (主要举措和成效, 存在的不足和原因, 下一步工作安排).
func (b *builder) bareHeadingOf(i int) (Heading, viewSpan, bool) {
	l := &b.lines[i]
	vs := b.textStart(i)
	text := strings.TrimRightFunc(b.v.Text[vs:l.ve], unicode.IsSpace)
	if l.runes > bareHeadingMax || strings.ContainsAny(text, "。,;:!?、") {
		return Heading{}, viewSpan{}, false
	}
	for _, s := range b.specs {
		if matchAny(s.Headings, text) {
			h := Heading{Level: 1, MarkerAt: b.v.Orig(vs), Span: b.span(vs, vs+len(text))}
			return h, viewSpan{vs, vs + len(text)}, true
		}
	}
	return Heading{}, viewSpan{}, false
}

// headingEnd finds where the heading that starts at view offset vs ends. A
// run-in heading ends with its first sentence; the span keeps the end mark so
// that the typography rule on heading end punctuation can see it. A heading
// that has the line to itself runs to the end of the line.
func (b *builder) headingEnd(vs, ve int) (end int, runIn bool) {
	text := b.v.Text[vs:ve]
	k, n := sentenceEnd(text)
	if k < 0 {
		return ve, false
	}
	if blank(text[k+n:]) {
		return ve, false
	}
	return vs + k + n, true
}

// A numbered paragraph ((一)按照年度工作部署,……。 with the whole paragraph on
// its line) is a run-in item, not a heading that ends in a stray 。: a long
// sentence with a clause inside it.
const (
	paragraphClauseRunes = 30 // a sentence this long with a comma in it
	paragraphRunes       = 50 // a sentence this long in any case
)

// paragraphItem tells whether the heading text s, one sentence, reads as a
// paragraph of prose.
func paragraphItem(s string) bool {
	if !strings.HasSuffix(s, "。") {
		return false
	}
	n := doc.ValidRuneCount(s) // view text is valid UTF-8
	clause := strings.Contains(s, ",")
	return n > paragraphRunes || clause && (n > paragraphClauseRunes || proseClause(s))
}

// proseClause tells whether a sentence is prose whatever its length: it opens
// with a preposition and a clause of two characters or more (按照年度工作部署，
// ……) or has the drafter's organ for its subject (我局, 我们), which a
// heading never does.
func proseClause(s string) bool {
	for _, p := range prepositions {
		if rest, ok := strings.CutPrefix(s, p); ok {
			if k := strings.IndexByte(rest, ','); k >= 0 && utf8.RuneCountInString(rest[:k]) >= 2 {
				return true
			}
		}
	}
	return containsWord(s, drafters)
}

var (
	prepositions = []string{"按照", "根据", "依据", "为了", "围绕", "通过", "在"}
	drafters     = []string{"我局", "我委", "我办", "我厅", "我市", "我县", "我区", "我镇", "我乡", "我院", "我们", "我单位", "我街道", "我部门"}
)

// blank tells whether s is spaces only (or empty), looking no further than
// its first other character.
func blank(s string) bool {
	return strings.TrimLeftFunc(s, unicode.IsSpace) == ""
}

// sentenceEnd returns where the first mark that ends a sentence stands in
// view text s, and its size in bytes; -1 if there is none. The marks are
// 。!?; (full-width ！？； are folded to ASCII in the view).
func sentenceEnd(s string) (at, size int) {
	at, size, _ = citingSentenceEnd(s)
	return at, size
}

// citingSentenceEnd is sentenceEnd, and tells too whether a 《 stands before
// the end mark, or anywhere in s when there is none: the sentence is split
// and looked through for titles at once. It looks for bytes: the 。 and 《
// of a valid text (the view) are where E3 80 82 and E3 80 8A are, and an
// ASCII mark is where its byte is. The first 。 bounds the search for the
// others.
func citingSentenceEnd(s string) (at, size int, cites bool) {
	at, end, cite := -1, len(s), -1 // end: where the marks are looked for up to; cite: the first 《
	for i := 0; i+2 < len(s); i++ {
		k := strings.IndexByte(s[i:], 0xE3)
		if k < 0 {
			break
		}
		i += k
		if i+2 >= len(s) || s[i+1] != 0x80 {
			continue
		}
		if s[i+2] == 0x82 {
			at, size, end = i, 3, i
			break
		}
		if s[i+2] == 0x8A && cite < 0 {
			cite = i
		}
	}
	for _, mark := range asciiEnds {
		if k := strings.IndexByte(s[:end], mark); k >= 0 {
			at, size, end = k, 1, k
		}
	}
	return at, size, cite >= 0 && cite < end
}

// asciiEnds are the marks that end a sentence besides 。.
var asciiEnds = [...]byte{'!', '?', ';'}
