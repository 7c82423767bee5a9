package outline

import (
	"strings"
	"unicode"
)

// attachmentDateLines is how far above an attachment's opening line the date
// that ends the report may be, in non-blank lines.
const attachmentDateLines = 4

// findAttachment finds where the attachments begin: as GB/T 9704 lays them out,
// after the report's signature and date, with "附件" (or "附件1", "附件一")
// alone on the first line. Those lines are no part of the report's body, nor
// page debris. A "附件：" with a colon is the 附件说明 inside the body, or a web
// page's list of downloads.
func (b *builder) findAttachment() {
	for i := range b.lines {
		if !attachmentHeader(strings.TrimSpace(b.lines[i].text)) || !b.dateAbove(i) || b.nextNonBlank(i) >= len(b.lines) {
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
		if ms := findDates(text); len(ms) > 0 && ms[len(ms)-1].end == len(text) && !publishedCue.MatchString(text) {
			return true
		}
	}
	return false
}
