package outline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// attachmentDateLines is how far above an attachment's opening line the date
// that ends the report may be, in non-blank lines.
const attachmentDateLines = 4

// findAttachment finds where the attachments begin: as GB/T 9704 lays them out,
// after the report's signature and date, with "附件" (or "附件1", "附件一")
// alone on the first line. Those lines are no part of the report's body, nor
// page debris. A "附件：" with a colon is the 附件说明 inside the body, or a web
// page's list of downloads. Web copies often drop the signature and the date:
// then a 附件 line (or 附件：名词解释) heads an appendix when what follows it is
// its content and no date closes a report after it.
func (b *builder) findAttachment() {
	for i := range b.lines {
		text := strings.TrimSpace(b.lines[i].text)
		if b.nextNonBlank(i) >= len(b.lines) {
			continue
		}
		header := attachmentHeader(text)
		belowDate := header && b.dateAbove(i)
		if !belowDate && !((header || appendixTitle(text)) && b.appendixBelow(i)) {
			continue
		}
		sp := b.lineSpan(i)
		b.o.Attachment = &sp
		for k := i; k < len(b.lines); k++ {
			b.lines[k].attached = true
		}
		return
	}
}

// attachmentHeader tells whether trimmed view text opens an attachment:
// 附件, 附件1, 附件 2, 附件一.
func attachmentHeader(s string) bool {
	rest, ok := strings.CutPrefix(s, "附件")
	if !ok {
		return false
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	return strings.TrimLeft(rest, "0123456789") == "" || strings.Trim(rest, "一二三四五六七八九十") == ""
}

// dateAbove tells whether one of the few non-blank lines above line i ends
// with a date: the report's 成文日期, alone or after the signature (not a web
// page's 发布时间).
func (b *builder) dateAbove(i int) bool {
	for n, k := 0, b.prevNonBlank(i); n < attachmentDateLines && k >= 0; n, k = n+1, b.prevNonBlank(k) {
		text := strings.TrimSpace(b.lines[k].text)
		if ms := findDates(text); len(ms) > 0 && ms[len(ms)-1].end == len(text) && !hasPublishedCue(text) {
			return true
		}
	}
	return false
}

// fileExtensions end the names of the files a web page offers for download.
var fileExtensions = []string{".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".zip", ".rar", ".txt", ".jpg", ".jpeg", ".png"}

// fileName tells whether view text s ends with a file name (spaces and a ")"
// may follow it): a line that names a download, not an appendix.
func fileName(s string) bool {
	s = strings.TrimRight(strings.TrimSuffix(s, ")"), asciiSpace)
	return hasSuffixWord(s, fileExtensions)
}

// appendixTitleMax bounds the title after 附件： in runes.
const appendixTitleMax = 20

// appendixTitle tells whether trimmed view text heads an appendix with its
// title: 附件：名词解释, 附件1:2023年度执法数据统计表. A title that is a file
// name or starts with a number (附件：1.……, the 附件说明 of the body) is not.
func appendixTitle(s string) bool {
	rest, ok := strings.CutPrefix(s, "附件")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, "0123456789一二三四五六七八九十 ")
	title, ok := strings.CutPrefix(rest, ":")
	title = strings.TrimSpace(title)
	if !ok || title == "" || utf8.RuneCountInString(title) > appendixTitleMax || fileName(title) ||
		strings.ContainsAny(title, "。,;") {
		return false
	}
	_, numbered := parseMarker(title)
	return !numbered
}

// appendixBelow tells whether line i heads content of its own: the next line
// is neither a file name nor page debris, and no line after it ends the way
// a report ends, with a date (the report's close would come after a
// 附件说明 inside the body).
func (b *builder) appendixBelow(i int) bool {
	next := strings.TrimSpace(b.lines[b.nextNonBlank(i)].text)
	if fileName(next) || b.debrisText(next) || attachmentHeader(next) {
		return false
	}
	for k := i + 1; k < len(b.lines); k++ {
		text := strings.TrimSpace(b.lines[k].text)
		if ms := findDates(text); len(ms) > 0 && ms[0].start == 0 && ms[len(ms)-1].end == len(text) && !hasPublishedCue(text) {
			return false
		}
	}
	return true
}
