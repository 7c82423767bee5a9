package output

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"golang.org/x/text/width"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// A .docx paragraph is one line and can run to thousands of columns, which a
// terminal would wrap, breaking the caret's alignment: a line wider than
// maxLine display columns is cut to a window around the finding's range.
const (
	maxLine   = 100
	maxBefore = 40 // columns kept before the range
	maxSpan   = 40 // of the range itself
	maxAfter  = 20 // after the range
)

// indent starts the source, caret and hint lines under a finding.
const indent = "    "

// Text prints findings compiler-style, each with its source line, a caret line
// under the range, the rule's source and the fix, then a summary in Chinese.
type Text struct {
	w     io.Writer
	bold  *color.Color
	faint *color.Color
	sev   map[rules.Severity]*color.Color
	// summary counts what File printed, for Finish.
	summary summary
}

// NewText returns a text printer writing to w.
func NewText(w io.Writer, opts Options) *Text {
	p := &Text{
		w:     w,
		bold:  color.New(color.Bold),
		faint: color.New(color.Faint),
		sev: map[rules.Severity]*color.Color{
			rules.Error:   color.New(color.FgRed, color.Bold),
			rules.Warning: color.New(color.FgYellow, color.Bold),
			rules.Info:    color.New(color.FgCyan, color.Bold),
		},
	}
	// Per-object switches, not color.NoColor: that global is shared by every
	// printer and goroutine of the process.
	for _, c := range []*color.Color{p.bold, p.faint, p.sev[rules.Error], p.sev[rules.Warning], p.sev[rules.Info]} {
		if opts.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

// runeWidth is the number of terminal columns r takes: two for East Asian
// wide and full-width characters, none for combining marks and other
// zero-width characters, one otherwise. Ambiguous characters (“” … —) count
// as one whatever the locale, as most terminals draw them, so that output
// does not depend on the environment.
func runeWidth(r rune) int {
	// Most of a report, answered before the tables (TestRuneWidthShortcuts).
	switch {
	case ' ' <= r && r < 0x7f:
		return 1
	case 0x4e00 <= r && r <= 0x9fff: // CJK Unified Ideographs, wide
		return 2
	}
	return tableWidth(r)
}

// tableWidth is runeWidth by the Unicode tables.
func tableWidth(r rune) int {
	switch {
	case r == 0 || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// stringWidth is the number of terminal columns s takes.
func stringWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// ColorWanted reports whether output to f should be colored: not when
// noColorFlag (--no-color) is set, nor when NO_COLOR is set and not empty
// (no-color.org), nor for TERM=dumb, nor when f is not a terminal.
func ColorWanted(f *os.File, noColorFlag bool) bool {
	if noColorFlag || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// File prints one file's findings, or why it could not be checked.
func (p *Text) File(r checker.FileResult) error {
	p.summary.add(r)
	bw := bufio.NewWriter(p.w) // keeps the first write error for Flush
	if r.Error != nil {
		fmt.Fprintf(bw, "%s: %s: %s %s\n\n", p.bold.Sprint(r.Path), p.sev[rules.Error].Sprint("error"),
			r.Error.Message, p.faint.Sprintf("[%s]", r.Error.Code))
	}
	for _, f := range r.Findings {
		p.finding(bw, r, f)
	}
	return bw.Flush()
}

// Finish prints the summary line.
func (p *Text) Finish() error {
	_, err := fmt.Fprintln(p.w, summaryLine(p.summary))
	return err
}

func (p *Text) finding(w io.Writer, r checker.FileResult, f checker.Finding) {
	sev := p.sev[f.Severity]
	if sev == nil {
		sev = p.faint
	}
	fmt.Fprintf(w, "%s: %s: %s %s\n",
		p.bold.Sprintf("%s:%d:%d", r.Path, f.Range.Start.Line, f.Range.Start.Column),
		sev.Sprint(f.Severity), f.Message, p.faint.Sprintf("[%s]", f.Rule))
	if r.Doc != nil {
		src, marks := p.snippet(r.Doc, f.Range)
		fmt.Fprintf(w, "%s%s\n%s%s\n", indent, src, indent, sev.Sprint(marks))
	}
	if f.Source != "" {
		fmt.Fprintf(w, "%s依据：%s\n", indent, f.Source)
	}
	if f.Fix != nil && r.Doc != nil {
		fmt.Fprintf(w, "%s%s\n", indent, fixHint(r.Doc, f))
	}
	fmt.Fprintln(w)
}

// snippet returns the line of Doc.Text holding the range's start, cut to a
// window around the range, and the caret line that underlines the range
// within it. The line is found from the byte offset, so for HTML, whose
// Position.Line is in the markup, it is the extracted paragraph.
func (p *Text) snippet(d *doc.Document, rg doc.Range) (src, marks string) {
	start := clamp(rg.Start.Offset, 0, len(d.Text))
	l := d.Lines[d.LineAt(start)-1]
	line := d.Text[l.Start:l.End]
	s := clamp(start-l.Start, 0, len(line))
	e := clamp(rg.End.Offset-l.Start, s, len(line)) // a range spanning lines stops at this line's end
	before, span, after := line[:s], line[s:e], line[e:]
	if stringWidth(line) > maxLine {
		if stringWidth(before) > maxBefore {
			before = "…" + p.tail(before, maxBefore-1)
		}
		if stringWidth(span) > maxSpan {
			span, after = p.head(span, maxSpan), "…"
		} else if stringWidth(after) > maxAfter {
			after = p.head(after, maxAfter-1) + "…"
		}
	}
	under := p.columns(span, '~')
	if i := strings.IndexByte(under, '~'); i >= 0 {
		under = under[:i] + "^" + under[i+1:]
	} else {
		under += "^" // an empty or zero-width range: point between characters
	}
	return before + span + after, p.columns(before, ' ') + under
}

// columns returns as many c as s takes display columns, keeping s's tabs as
// tabs so that the terminal expands both lines alike.
func (p *Text) columns(s string, c byte) string {
	parts := strings.Split(s, "\t")
	for i, part := range parts {
		parts[i] = strings.Repeat(string(c), stringWidth(part))
	}
	return strings.Join(parts, "\t")
}

// head returns the longest prefix of s at most limit columns wide.
func (p *Text) head(s string, limit int) string {
	w := 0
	for i, r := range s {
		if w += runeWidth(r); w > limit {
			return s[:i]
		}
	}
	return s
}

// tail returns the longest suffix of s at most limit columns wide.
func (p *Text) tail(s string, limit int) string {
	w := 0
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if w += runeWidth(r); w > limit {
			return s[i:]
		}
		i -= n
	}
	return s
}

// fixHint says what the fix does, quoting the text it replaces when that is
// not the underlined text.
func fixHint(d *doc.Document, f checker.Finding) string {
	fx := f.Fix
	switch {
	case fx.Range.Start.Offset == fx.Range.End.Offset:
		return "建议插入：“" + fx.Text + "”"
	case fx.Range == f.Range && fx.Text == "":
		return "建议删除"
	case fx.Range == f.Range:
		return "建议改为：“" + fx.Text + "”"
	}
	old := d.Text[clamp(fx.Range.Start.Offset, 0, len(d.Text)):clamp(fx.Range.End.Offset, 0, len(d.Text))]
	if fx.Text == "" {
		return "建议删除“" + old + "”"
	}
	return "建议将“" + old + "”改为“" + fx.Text + "”"
}

func summaryLine(s summary) string {
	line := fmt.Sprintf("%d 个文件，%d 个错误，%d 个警告，%d 个提示", s.Files, s.Errors, s.Warnings, s.Infos)
	if s.Failed > 0 {
		line += fmt.Sprintf("，%d 个文件无法检查", s.Failed)
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf("（另有 %d 个问题已按抑制注释、配置或基线略去）", s.Suppressed)
	}
	return line
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
