package output

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"golang.org/x/text/width"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
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
// It builds each finding's text in a scratch and writes it to one buffered
// writer, flushed after each file: no formatting or colouring call per
// finding.
type Text struct {
	w     *bufio.Writer // keeps the first write error for Flush
	bold  style
	faint style
	sev   [rules.Error + 1]style
	buf   []byte // scratch for a finding's text, written at once
	line  lineCache
	// summary counts what File printed, for Finish.
	summary summary
	// review gives a file's checklist, which ends its text; nil for none.
	review func(checker.FileResult) (*outline.Outline, *checklist.List)
}

// A style is the escape sequences that turn an ANSI colour on and off; both
// empty without colour.
type style struct{ on, off string }

// newStyle takes the sequences fatih/color writes for attrs, once.
func newStyle(enabled bool, attrs ...color.Attribute) style {
	if !enabled {
		return style{}
	}
	// Per-object switch, not color.NoColor: that global is shared by every
	// printer and goroutine of the process.
	c := color.New(attrs...)
	c.EnableColor()
	on, off, _ := strings.Cut(c.Sprint("\x00"), "\x00")
	return style{on, off}
}

// textBuffer holds what a file's text or JSON output writes before it is
// flushed: the findings of a report take 20–35 KB, one write rather than
// seven or eight of bufio's default 4 KB.
const textBuffer = 64 << 10

// NewText returns a text printer writing to w.
func NewText(w io.Writer, opts Options) *Text {
	p := &Text{
		w:     bufio.NewWriterSize(w, textBuffer),
		bold:  newStyle(opts.Color, color.Bold),
		faint: newStyle(opts.Color, color.Faint),
	}
	if !opts.NoChecklist {
		p.review = opts.Review
	}
	p.sev[rules.Error] = newStyle(opts.Color, color.FgRed, color.Bold)
	p.sev[rules.Warning] = newStyle(opts.Color, color.FgYellow, color.Bold)
	p.sev[rules.Info] = newStyle(opts.Color, color.FgCyan, color.Bold)
	return p
}

// styled writes s in style st.
func (p *Text) styled(st style, s string) {
	p.w.WriteString(st.on)
	p.w.WriteString(s)
	p.w.WriteString(st.off)
}

// severity is the style of a severity; faint for one outside the known three.
func (p *Text) severity(s rules.Severity) style {
	if s >= rules.Info && s <= rules.Error {
		return p.sev[s]
	}
	return p.faint
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
	case 0x3000 <= r && r <= 0x3029, 0xff01 <= r && r <= 0xff60: // CJK punctuation, full-width forms
		return 2
	case 0x2010 <= r && r <= 0x2027: // dashes, quotes, ellipsis: ambiguous, narrow
		return 1
	}
	return tableWidth(r)
}

// widthAt returns the display width of the rune s holds at i and its length
// in bytes: runeWidth of the rune a range over s gives there. ASCII and the
// three bytes of a character of U+1000–U+FFFF (Chinese characters and
// punctuation, most of a report) are read straight from the bytes, without
// a call to decode them.
func widthAt(s string, i int) (width, size int) {
	c := s[i]
	if ' ' <= c && c < 0x7f {
		return 1, 1
	}
	if r, ok := decode3(s, i); ok {
		if 0x4e00 <= r && r <= 0x9fff {
			return 2, 3
		}
		return runeWidth(r), 3
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return runeWidth(r), size
}

// decode3 decodes the three bytes at s[i:] when they are a character of
// U+1000–U+FFFF outside the surrogates: a lead byte of 0xE1–0xEF other than
// 0xED followed by two continuation bytes, which can be neither overlong
// nor a surrogate. It reports false for anything else.
func decode3(s string, i int) (rune, bool) {
	c := s[i]
	if c < 0xE1 || c > 0xEF || c == 0xED || i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), true
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

// ColorWanted reports whether output to f should be colored: not when
// noColorFlag (--no-color) is set, nor when NO_COLOR is set and not empty
// (no-color.org), nor for TERM=dumb, nor when f is not a terminal.
func ColorWanted(f *os.File, noColorFlag bool) bool {
	if noColorFlag || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return Terminal(f)
}

// Terminal reports whether f is a terminal; false for nil.
func Terminal(f *os.File) bool {
	return f != nil && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// File prints one file's findings, or why it could not be checked.
func (p *Text) File(r checker.FileResult) error {
	p.summary.add(r)
	p.line = lineCache{} // a lent document's memory may come back as the next file's
	if r.Error != nil {
		p.styled(p.bold, r.Path)
		p.w.WriteString(": ")
		p.styled(p.sev[rules.Error], "error")
		p.w.WriteString(": ")
		p.w.WriteString(r.Error.Message)
		p.w.WriteByte(' ')
		p.bracketed(r.Error.Code)
		p.w.WriteString("\n\n")
	}
	for _, f := range r.Findings {
		p.finding(r, f)
	}
	if p.review != nil && r.Doc != nil {
		// The file's text ends with its checklist (issue 12).
		if _, list := p.review(r); list != nil {
			cp, _ := checklist.NewPrinter("text", p.w)
			if err := cp.File(checklist.File{Path: r.Path, Items: list.Items}); err != nil {
				return err
			}
		}
	}
	return p.w.Flush()
}

// Finish prints the summary line.
func (p *Text) Finish() error {
	p.w.WriteString(summaryLine(p.summary))
	p.w.WriteByte('\n')
	return p.w.Flush()
}

// bracketed writes [s], faint.
func (p *Text) bracketed(s string) {
	p.w.WriteString(p.faint.on)
	p.w.WriteByte('[')
	p.w.WriteString(s)
	p.w.WriteByte(']')
	p.w.WriteString(p.faint.off)
}

// finding writes a finding's text, built in p.buf: one write to the buffer
// instead of some forty, most of a few bytes.
func (p *Text) finding(r checker.FileResult, f checker.Finding) {
	sev := p.severity(f.Severity)
	b := p.appendHead(p.buf[:0], r.Path, f, sev)
	if r.Doc != nil {
		b = p.appendSnippet(b, r.Doc, f.Range, sev)
	}
	if f.Source != "" {
		b = append(b, indent+"依据："...)
		b = append(b, f.Source...)
		b = append(b, '\n')
	}
	if f.Fix != nil && r.Doc != nil {
		b = append(b, indent...)
		b = p.appendFixHint(b, r.Doc, f)
		b = append(b, '\n')
	}
	b = append(b, '\n')
	p.w.Write(b)
	p.buf = b
}

// appendHead appends a finding's first line, path:line:column: severity:
// message [rule].
func (p *Text) appendHead(b []byte, path string, f checker.Finding, sev style) []byte {
	b = append(b, p.bold.on...)
	b = append(b, path...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(f.Range.Start.Line), 10)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(f.Range.Start.Column), 10)
	b = append(b, p.bold.off...)
	b = append(b, ": "...)
	b = append(b, sev.on...)
	b = append(b, f.Severity.String()...)
	b = append(b, sev.off...)
	b = append(b, ": "...)
	b = append(b, f.Message...)
	b = append(b, ' ')
	b = append(b, p.faint.on...)
	b = append(b, '[')
	b = append(b, f.Rule...)
	b = append(b, ']')
	b = append(b, p.faint.off...)
	b = append(b, '\n')
	return b
}

// appendSnippet appends the line of Doc.Text holding the range's start, cut to a
// window around the range, and under it the caret line that underlines the
// range, in style sev. The line is found from the byte offset, so for HTML,
// whose Position.Line is in the markup, it is the extracted paragraph. Widths
// are measured only as far as the window reaches: a paragraph of a thousand
// characters costs what its shown hundred columns cost. Whether the line is
// wider than maxLine is measured once for all the findings on it, and the
// width of what a window keeps is counted as it is cut.
func (p *Text) appendSnippet(b []byte, d *doc.Document, rg doc.Range, sev style) []byte {
	start := clamp(rg.Start.Offset, 0, len(d.Text))
	l := p.lineAt(d, start)
	line := d.Text[l.Start:l.End]
	s := clamp(start-l.Start, 0, len(line))
	e := clamp(rg.End.Offset-l.Start, s, len(line)) // a range spanning lines stops at this line's end
	before, span, after := line[:s], line[s:e], line[e:]
	lead, trail := "", ""
	beforeWidth, spanWidth := -1, -1 // not measured yet
	if p.line.wide {
		var over bool
		if before, beforeWidth, over = tailOver(before, maxBefore-1, maxBefore); over {
			lead = "…"
		}
		var n int
		if n, spanWidth = fit(span, maxSpan); n < len(span) {
			span, after, trail = span[:n], "", "…"
		} else if n, over = headOver(after, maxAfter-1, maxAfter); over {
			after, trail = after[:n], "…"
		}
	}
	b = append(b, indent...)
	for _, part := range [...]string{lead, before, span, after, trail} {
		b = append(b, part...)
	}
	b = append(b, "\n"+indent...)
	b = append(b, sev.on...)
	if lead != "" {
		b = append(b, ' ') // under the ellipsis, one column wide
	}
	b = appendCaret(b, before, span, beforeWidth, spanWidth)
	b = append(b, sev.off...)
	return append(b, '\n')
}

// A lineCache is the line of the last finding's snippet: the findings of a
// file come in order, and a line often carries several.
type lineCache struct {
	doc  *doc.Document
	n    int  // its 1-based number
	wide bool // wider than maxLine
}

// lineAt returns the line of d holding byte offset off, d.LineAt's, and
// keeps it in p.line with whether it is wider than maxLine.
func (p *Text) lineAt(d *doc.Document, off int) doc.Line {
	c := &p.line
	if n := p.lineNumber(d, off); c.doc != d || n != c.n {
		l := d.Lines[n-1]
		*c = lineCache{doc: d, n: n, wide: wider(d.Text[l.Start:l.End], maxLine)}
	}
	return d.Lines[c.n-1]
}

// lineNumber is d.LineAt(off), answered without a search when off is on the
// line in p.line.
func (p *Text) lineNumber(d *doc.Document, off int) int {
	if c := &p.line; c.doc == d && holds(d, c.n, off) {
		return c.n
	}
	return d.LineAt(off)
}

// holds reports whether d.LineAt(off) is n: the first line ending at or
// after off, or the last line.
func holds(d *doc.Document, n, off int) bool {
	return (n == 1 || d.Lines[n-2].End < off) && (n == len(d.Lines) || d.Lines[n-1].End >= off)
}

// appendCaret appends a space for each column of before and a caret and
// tildes under span, keeping tabs as tabs so that the terminal expands both
// lines alike. An empty or zero-width span gets a caret between characters.
// beforeWidth and spanWidth are the strings' widths, or -1 where not
// measured yet.
func appendCaret(b []byte, before, span string, beforeWidth, spanWidth int) []byte {
	b = appendBlank(b, before, beforeWidth)
	return appendUnderline(b, span, spanWidth)
}

// appendBlank appends a space for each column of s, whose width is width
// or, for -1, not measured yet, keeping tabs as tabs. Each stretch between
// tabs is measured whole and appended as one run.
func appendBlank(b []byte, s string, width int) []byte {
	if width >= 0 && strings.IndexByte(s, '\t') < 0 {
		return appendRun(b, spaces, width)
	}
	for {
		cut, rest, tab := strings.Cut(s, "\t")
		b = appendRun(b, spaces, stringWidth(cut))
		if !tab {
			return b
		}
		b = append(b, '\t')
		s = rest
	}
}

// appendUnderline appends a caret and tildes under the columns of s, as
// appendBlank appends spaces; a caret alone when s takes none.
func appendUnderline(b []byte, s string, width int) []byte {
	if width >= 0 && strings.IndexByte(s, '\t') < 0 {
		b = append(b, '^')
		return appendRun(b, tildes, max(width-1, 0))
	}
	marked := false
	for {
		cut, rest, tab := strings.Cut(s, "\t")
		if n := stringWidth(cut); n > 0 {
			if !marked {
				b = append(b, '^')
				n--
				marked = true
			}
			b = appendRun(b, tildes, n)
		}
		if !tab {
			break
		}
		b = append(b, '\t')
		s = rest
	}
	if !marked {
		b = append(b, '^')
	}
	return b
}

// spaces and tildes are what the caret line is made of, appended as many at
// a time.
const (
	spaces = "                                                                "
	tildes = "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"
)

// appendRun appends n bytes of run, whose bytes are all alike, as many at a
// time as run holds.
func appendRun(b []byte, run string, n int) []byte {
	for n > len(run) {
		b = append(b, run...)
		n -= len(run)
	}
	return append(b, run[:n]...)
}

// wider reports whether s takes more than limit display columns, reading s
// only until it does. A character takes at most as many columns as it has
// bytes (at most two, for at least two bytes unless ASCII), so a string of
// at most limit bytes is not read.
func wider(s string, limit int) bool {
	if len(s) <= limit {
		return false
	}
	n, _ := fit(s, limit)
	return n < len(s)
}

// head returns the longest prefix of s at most limit columns wide.
func head(s string, limit int) string {
	n, _ := fit(s, limit)
	return s[:n]
}

// fit returns the length in bytes of the longest prefix of s at most limit
// columns wide, and its width: widthAt summed rune by rune, with ASCII and
// Chinese characters, most of a report, counted in the loop itself.
func fit(s string, limit int) (n, width int) {
	for n < len(s) {
		cw, size := 1, 1
		switch c := s[n]; {
		case ' ' <= c && c < 0x7f:
		case han(s, n):
			cw, size = 2, 3
		default:
			cw, size = widthAt(s, n)
		}
		if width+cw > limit {
			return n, width
		}
		width += cw
		n += size
	}
	return n, width
}

// tail returns the longest suffix of s at most limit columns wide.
func tail(s string, limit int) string {
	t, _ := tailWidth(s, limit)
	return t
}

// tailWidth returns tail(s, limit) and its width: fit from the end, by
// lastWidth.
func tailWidth(s string, limit int) (string, int) {
	w := 0
	for i := len(s); i > 0; {
		cw, size := 1, 1
		switch c := s[i-1]; {
		case ' ' <= c && c < 0x7f:
		case i >= 3 && han(s, i-3):
			cw, size = 2, 3
		default:
			cw, size = lastWidth(s[:i])
		}
		if w+cw > limit {
			return s[i:], w
		}
		w += cw
		i -= size
	}
	return s, w
}

// tailOver returns s and its width when s is at most limit columns wide;
// otherwise tail(s, keep), its width and true (keep is at most limit). It
// reads s back from its end as far as limit columns. Read back or forth, s
// falls into the same runes, so the width is stringWidth's (TestCutsOver).
func tailOver(s string, keep, limit int) (suffix string, width int, over bool) {
	t, w := tailWidth(s, keep)
	if len(t) == len(s) {
		return s, w, false
	}
	rest := s[:len(s)-len(t)]
	if r, rw := tailWidth(rest, limit-w); len(r) == len(rest) {
		return s, w + rw, false
	}
	return t, w, true
}

// headOver reports whether s is wider than limit and the length of
// head(s, keep), its prefix kept then (keep is at most limit): s is read
// once, on from its head.
func headOver(s string, keep, limit int) (n int, over bool) {
	n, w := fit(s, keep)
	rest, _ := fit(s[n:], limit-w)
	return n, n+rest < len(s)
}

// han reports whether s[i:] starts with the three bytes of a Chinese
// character of U+4E00–U+9FFF (wide): 0xE4 0xB8–0xBF or 0xE5–0xE9, then two
// continuation bytes.
func han(s string, i int) bool {
	c := s[i]
	return 0xE4 <= c && c <= 0xE9 && i+2 < len(s) && (c > 0xE4 || s[i+1] >= 0xB8) &&
		s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// lastWidth is widthAt for the last rune of s, which is not empty: the
// rune utf8.DecodeLastRuneInString gives.
func lastWidth(s string) (width, size int) {
	n := len(s)
	if c := s[n-1]; ' ' <= c && c < 0x7f {
		return 1, 1
	}
	if n >= 3 {
		if r, ok := decode3(s, n-3); ok {
			if 0x4e00 <= r && r <= 0x9fff {
				return 2, 3
			}
			return runeWidth(r), 3
		}
	}
	r, size := utf8.DecodeLastRuneInString(s)
	return runeWidth(r), size
}

// A suggestion whose old or new text is wider than maxChange columns (a
// paragraph rewritten for a few marks) is shown as the change itself, cut to
// maxChange, with fixContext columns of unchanged text on each side: at most
// the excerpt's maxLine in all.
const (
	maxChange  = maxLine - 2*fixContext
	fixContext = 10
)

// appendFixHint appends what the fix does, quoting the text it replaces when that
// is not the underlined text. A fix whose old or new text spans lines or is
// wider than maxChange (a paragraph rewritten for one word, a line break
// removed) is shown as the change itself with a little of the text around
// it, line breaks as ⏎ (appendWindowedHint).
func (p *Text) appendFixHint(b []byte, d *doc.Document, f checker.Finding) []byte {
	fx := f.Fix
	fs, fe := clamp(fx.Range.Start.Offset, 0, len(d.Text)), clamp(fx.Range.End.Offset, 0, len(d.Text))
	fe = max(fs, fe)
	old := d.Text[fs:fe]
	if breaks := hasBreak(old) || hasBreak(fx.Text); breaks || wider(old, maxChange) || wider(fx.Text, maxChange) {
		return p.appendWindowedHint(b, d, fs, fe, fx.Text, breaks)
	}
	var parts [5]string
	switch {
	case fs == fe:
		parts = [5]string{"建议插入：“", fx.Text, "”"}
	case fx.Range == f.Range && fx.Text == "":
		parts = [5]string{"建议删除"}
	case fx.Range == f.Range:
		parts = [5]string{"建议改为：“", fx.Text, "”"}
	case fx.Text == "":
		parts = [5]string{"建议删除“", old, "”"}
	default:
		parts = [5]string{"建议将“", old, "”改为“", fx.Text, "”"}
	}
	for _, part := range parts {
		b = append(b, part...)
	}
	return b
}

// appendWindowedHint shows the replacement of Doc.Text[fs:fe] by text as the
// part that changes, between the same few columns of unchanged text on each
// side: the text around the fix on its lines and whatever old and new text
// share at their ends. A change wider than maxChange keeps its two ends.
// breaks tells whether the old or the new text holds a line break.
func (p *Text) appendWindowedHint(b []byte, d *doc.Document, fs, fe int, text string, breaks bool) []byte {
	old := d.Text[fs:fe]
	pre := commonPrefix(old, text)
	suf := commonSuffix(old[pre:], text[pre:])
	oldMid, newMid := old[pre:len(old)-suf], text[pre:len(text)-suf]
	lead, before1, before2, after1, after2, trail := hintContext(d, fs, fe, pre, suf,
		d.Lines[p.lineNumber(d, fs)-1].Start, d.Lines[p.lineNumber(d, fe)-1].End)
	appendPart := appendVisible
	if !breaks { // then no part holds one
		appendPart = appendString
	}
	shown := func(mid string) {
		b = append(b, "“"...)
		for _, part := range [...]string{lead, before1, before2} {
			b = appendPart(b, part)
		}
		if h, t, cut := changeEnds(mid); cut {
			b = appendPart(b, h)
			b = append(b, "…"...)
			b = appendPart(b, t)
		} else {
			b = appendPart(b, mid)
		}
		for _, part := range [...]string{after1, after2, trail} {
			b = appendPart(b, part)
		}
		b = append(b, "”"...)
	}
	if len(lead)+len(before1)+len(before2)+len(after1)+len(after2)+len(trail)+len(newMid) == 0 {
		b = append(b, "建议删除"...)
		shown(oldMid)
		return b
	}
	b = append(b, "建议将"...)
	shown(oldMid)
	b = append(b, "改为"...)
	shown(newMid)
	return b
}

// hintContext is the text around a change shown in a hint, within fixContext
// columns on either side: [lead] before1 before2 | change | after1 after2
// [trail], where before2 and after1 are the unchanged ends of the fixed text
// d.Text[fs:fe] (its first pre and last suf bytes), before1 and after2 the
// rest of its lines (from lineStart, to lineEnd), and lead and trail "…"
// where the context is cut.
func hintContext(d *doc.Document, fs, fe, pre, suf, lineStart, lineEnd int) (lead, before1, before2, after1, after2, trail string) {
	old := d.Text[fs:fe]
	before1, before2 = d.Text[min(lineStart, fs):fs], old[:pre]
	after1, after2 = old[len(old)-suf:], d.Text[fe:max(lineEnd, fe)]
	if wider(before2, fixContext) {
		before1, before2, lead = "", tail(before2, fixContext-1), "…"
	} else if w := stringWidth(before2); wider(before1, fixContext-w) {
		lead = "…"
		if w > fixContext-1 {
			before1, before2 = "", tail(before2, fixContext-1)
		} else {
			before1 = tail(before1, fixContext-1-w)
		}
	}
	if wider(after1, fixContext) {
		after1, after2, trail = head(after1, fixContext-1), "", "…"
	} else if w := stringWidth(after1); wider(after2, fixContext-w) {
		trail = "…"
		if w > fixContext-1 {
			after1, after2 = head(after1, fixContext-1), ""
		} else {
			after2 = head(after2, fixContext-1-w)
		}
	}
	return lead, before1, before2, after1, after2, trail
}

// changeEnds reports whether a change shown in a hint, mid, is wider than
// maxChange, and so cut to its two ends, and those ends: head(mid,
// maxChange/2-1) and tail(mid, maxChange/2-1). It reads mid on from its head
// and back from its end, and between the two only as far as tells whether
// mid is wider (TestChangeEnds).
func changeEnds(mid string) (h, t string, cut bool) {
	const keep = maxChange/2 - 1
	n, hw := fit(mid, keep)
	if n == len(mid) {
		return mid, "", false
	}
	t, tw := tailWidth(mid, keep)
	between := len(mid) - len(t)
	if between < n || !wider(mid[n:between], maxChange-hw-tw) {
		return mid, "", false
	}
	return mid[:n], t, true
}

// stringWidth is the number of display columns of s.
func stringWidth(s string) int {
	_, w := fit(s, math.MaxInt)
	return w
}

// commonPrefix is the length in bytes of the longest common prefix of a and
// b that ends between runes.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return n
}

// commonSuffix is the length in bytes of the longest common suffix of a and
// b that starts at a rune.
func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	for n > 0 && !utf8.RuneStart(a[len(a)-n]) {
		n--
	}
	return n
}

// hasBreak reports whether s holds a line break.
func hasBreak(s string) bool {
	return indexBreak(s) >= 0
}

// indexBreak is strings.IndexAny(s, "\r\n") by IndexByte, which is faster:
// hints quote whole paragraphs.
func indexBreak(s string) int {
	lf := strings.IndexByte(s, '\n')
	before := s
	if lf >= 0 {
		before = s[:lf] // a CR that comes first stands before the LF
	}
	if cr := strings.IndexByte(before, '\r'); cr >= 0 {
		return cr
	}
	return lf
}

// appendString appends s as it is, as appendVisible appends a string
// without line breaks.
func appendString(b []byte, s string) []byte {
	return append(b, s...)
}

// appendVisible appends s with each line break (LF, CRLF or CR) as ⏎.
func appendVisible(b []byte, s string) []byte {
	for {
		i := indexBreak(s)
		if i < 0 {
			return append(b, s...)
		}
		b = append(b, s[:i]...)
		b = append(b, "⏎"...)
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
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
