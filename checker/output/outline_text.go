package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
)

// roleNames are the five items of the regulation, as drafters know them.
var roleNames = map[outline.Role]string{
	outline.Measures: "主要举措和成效",
	outline.Problems: "存在的不足和原因",
	outline.Duty:     "党政主要负责人履行第一责任人职责情况",
	outline.Plans:    "下一年度主要安排",
	outline.Other:    "其他需要报告的情况",
}

var formNames = map[outline.Form]string{
	outline.FormHeading: "标题",
	outline.FormInline:  "行内",
}

// OutlineText prints an outline as a readable Chinese tree.
type OutlineText struct {
	w io.Writer
}

// NewOutlineText returns an outline text printer writing to w.
func NewOutlineText(w io.Writer, _ Options) *OutlineText {
	return &OutlineText{w: w}
}

// Print writes the outline of d. Lines are those of lineOf, as in the JSON.
func (p *OutlineText) Print(d *doc.Document, o *outline.Outline) error {
	bw := bufio.NewWriter(p.w) // keeps the first write error for Flush
	fmt.Fprintf(bw, "%s（%s，%s）\n", d.Path, d.Format, d.Encoding)
	fmt.Fprintf(bw, "标题：%s\n", spanText(d, o.Title))
	if o.Year != 0 && o.YearSource != outline.YearFromTitle && o.YearCue != nil {
		// Without the title's year, say where it was read from.
		fmt.Fprintf(bw, "报告年度：%d年（据第%d行“%s”，%s）\n", o.Year, lineOf(d, o.YearCue.Line, o.YearCue.Start),
			o.YearCue.Text, yearSourceNames[o.YearSource])
	} else if o.Year != 0 {
		fmt.Fprintf(bw, "报告年度：%d年\n", o.Year)
	} else {
		fmt.Fprintln(bw, "报告年度：未能确定")
	}

	fmt.Fprintln(bw, "各级标题：")
	if len(o.Headings) == 0 {
		fmt.Fprintln(bw, "  未找到")
	}
	depth := make([]int, len(o.Headings))
	for i, h := range o.Headings {
		if h.Parent >= 0 && h.Parent < i { // a parent always precedes its children
			depth[i] = depth[h.Parent] + 1
		}
		fmt.Fprintf(bw, "%s第%d行 %s%s", strings.Repeat("  ", depth[i]+1), lineOf(d, h.Line, h.Start), h.Marker, h.Text)
		if h.Role != "" {
			fmt.Fprintf(bw, " → %s", roleName(h.Role))
		}
		fmt.Fprintln(bw)
	}

	fmt.Fprintln(bw, "各部分：")
	for _, r := range outline.Roles {
		if pt := o.Parts[r]; pt != nil {
			fmt.Fprintf(bw, "  %s：第%d行，%s\n", roleName(r), lineOf(d, pt.Line, pt.Start), formNames[pt.Form])
		} else {
			fmt.Fprintf(bw, "  %s：未找到\n", roleName(r))
		}
	}

	fmt.Fprintf(bw, "署名：%s\n", spanText(d, o.Signature))
	fmt.Fprintf(bw, "成文日期：%s\n", dateText(d, o.Date))
	if o.Published != nil { // web pages only: absent is the rule, not news
		fmt.Fprintf(bw, "发布时间：%s\n", dateText(d, o.Published))
	}
	if o.Attachment != nil {
		fmt.Fprintf(bw, "附件：第%d行起，不属于报告正文\n", lineOf(d, o.Attachment.Line, o.Attachment.Start))
	}
	return bw.Flush()
}

func roleName(r outline.Role) string {
	if n, ok := roleNames[r]; ok {
		return n
	}
	return string(r)
}

func spanText(d *doc.Document, s *outline.Span) string {
	if s == nil {
		return "未找到"
	}
	first := lineOf(d, s.Line, s.Start)
	if !strings.Contains(s.Text, "\n") {
		return fmt.Sprintf("第%d行 %s", first, s.Text)
	}
	// A title broken over two lines, the signatures of a joint report.
	var parts []string
	for _, l := range strings.Split(s.Text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	last := lineOf(d, d.LineAt(s.End), s.End)
	return fmt.Sprintf("第%d—%d行 %s", first, last, strings.Join(parts, "／"))
}

func dateText(d *doc.Document, dt *outline.Date) string {
	if dt == nil {
		return "未找到"
	}
	s := spanText(d, &dt.Span)
	switch {
	case !dt.Valid:
		return s + "（不是有效日期）"
	case dt.Text == isoDate(dt):
		return s
	}
	return s + "（" + isoDate(dt) + "）"
}

// yearSourceNames say in the drafter's words where a year not in the title
// was read from.
var yearSourceNames = map[outline.YearSource]string{
	outline.YearFromOpening: "开头一段",
	outline.YearFromHeading: "一级标题",
	outline.YearFromPlans:   "下一年度安排所写年份减一",
	outline.YearFromDate:    "成文日期所在年份减一",
}
