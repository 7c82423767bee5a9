// Package doc holds the decoded document every stage works on, and the readers
// that produce it from files in each format and encoding.
//
// A Document's Text is the decoded text with "\n" between lines (a source's
// CRLF or CR line ends are kept per line in Line.EOL so that a fix can write
// them back). Every position handed to a user is computed from a byte offset
// into Text; nothing is ever located by searching for its text again.
package doc

import (
	"encoding/binary"
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/lend"
)

// Format names the container a document was read from.
type Format string

// The formats fzlint reads.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatDocx     Format = "docx"
	FormatHTML     Format = "html"
)

// Position is a place in a document. Line and Column are 1-based; Column counts
// Unicode code points. Offset is the 0-based byte offset into Document.Text.
// For .docx, Line is the paragraph number; for HTML, Line and Column are in the
// HTML source file while Offset stays in the extracted text.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// Range is a half-open span [Start, End) of a document.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Line is one line (a paragraph in .docx and HTML) of Document.Text.
type Line struct {
	Start int // byte offset of the first byte in Text
	End   int // byte offset just past the last byte, before "\n"
	// EOL is the line end the source had ("\n", "\r\n", "\r", or "" for the last line).
	EOL string
	// Heading is the markup heading level (Markdown "#", a .docx Heading style), 0 if none.
	Heading int
	// Skip marks lines that are not prose to check (Markdown code blocks, front matter).
	Skip bool
	// Generated is the number of bytes at the start of the line that are not in the
	// source but were rendered by the reader (Word's automatic numbering).
	Generated int
}

// Locator maps an offset in Text to a line and column in the source file, for
// formats whose source is not the text itself (HTML).
type Locator interface {
	Locate(offset int) (line, column int)
}

// Comment is a comment of the source. Start and End are offsets in Text: for
// a Word comment the range it comments on; for a Markdown comment the comment
// itself, which is part of Text; for an HTML comment, which is not, the place
// it stands in the text (Start == End), or the start of the text for a
// comment outside the text read (in <head>, in navigation).
type Comment struct {
	Text       string // the comment's text, trimmed
	Start, End int
}

// Document is a decoded input. It is immutable once read.
type Document struct {
	Path     string
	Format   Format
	Encoding string // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5"
	Text     string
	Lines    []Line
	// Source is the raw bytes as read, kept for fixes (nil for formats that cannot be fixed).
	Source []byte
	// Locator, when set, places offsets in the source file instead of in Text.
	Locator Locator
	// Comments are the source's comments, in source order: Markdown and HTML
	// <!-- --> comments and Word comments (批注). Suppressions are read from them.
	Comments []Comment
	// loan is the memory the document was read into (Options.Loan), lent
	// on to what is made of it; nil if none was lent.
	loan *lend.Loan
	// valid: Text is valid UTF-8 (New checks), so a column up to a rune's
	// start is a count of the bytes that start a rune.
	valid bool
}

// New builds a Document from decoded text whose lines end in "\n", "\r\n" or "\r".
// The text kept in Document.Text has "\n" between lines.
func New(path string, format Format, encoding, text string) *Document {
	return newDocument(path, format, encoding, text, utf8.ValidString(text))
}

// newDocument is New for text of which the caller knows whether it is valid
// UTF-8 (a reader that decoded it from UTF-8 has checked it).
func newDocument(path string, format Format, encoding, text string, valid bool) *Document {
	return newDocumentIn(nil, path, format, encoding, text, valid)
}

// newDocumentIn is newDocument, its lines kept in memory of loan.
func newDocumentIn(loan *lend.Loan, path string, format Format, encoding, text string, valid bool) *Document {
	d := &Document{Path: path, Format: format, Encoding: encoding, valid: valid}
	defer func() { lend.Keep(loan, lend.Lines, d.Lines) }()
	if !strings.Contains(text, "\r") {
		// Text is kept as it is: no copy of a large input.
		d.Text = text
		d.Lines = lend.Slice[Line](loan, lend.Lines, strings.Count(text, "\n")+1)
		start := 0
		for {
			i := strings.IndexByte(text[start:], '\n')
			if i < 0 {
				break
			}
			d.Lines = append(d.Lines, Line{Start: start, End: start + i, EOL: "\n"})
			start += i + 1
		}
		d.Lines = append(d.Lines, Line{Start: start, End: len(text)})
		return d
	}
	buf := make([]byte, 0, len(text))
	d.Lines = lend.Slice[Line](loan, lend.Lines, 0)
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\n' && c != '\r' {
			continue
		}
		eol := "\n"
		if c == '\r' {
			eol = "\r"
			if i+1 < len(text) && text[i+1] == '\n' {
				eol = "\r\n"
			}
		}
		lineStart := len(buf)
		buf = append(buf, text[start:i]...)
		d.Lines = append(d.Lines, Line{Start: lineStart, End: len(buf), EOL: eol})
		buf = append(buf, '\n')
		i += len(eol) - 1
		start = i + 1
	}
	lineStart := len(buf)
	buf = append(buf, text[start:]...)
	d.Lines = append(d.Lines, Line{Start: lineStart, End: len(buf)})
	d.Text = string(buf)
	return d
}

// Loan returns the memory the document was read into, to be lent on to
// what is made of it (its view, its findings); nil if none was lent.
func (d *Document) Loan() *lend.Loan { return d.loan }

// ValidUTF8 tells whether Text is valid UTF-8.
func (d *Document) ValidUTF8() bool { return d.valid }

// LineText returns the text of line n (1-based), without its line end.
func (d *Document) LineText(n int) string {
	l := d.Lines[n-1]
	return d.Text[l.Start:l.End]
}

// LineAt returns the 1-based number of the line holding byte offset off.
func (d *Document) LineAt(off int) int {
	i := sort.Search(len(d.Lines), func(i int) bool { return d.Lines[i].End >= off })
	if i == len(d.Lines) {
		i = len(d.Lines) - 1
	}
	return i + 1
}

// Pos returns the Position of byte offset off in Text.
func (d *Document) Pos(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	n := d.LineAt(off)
	if d.Locator != nil {
		line, col := d.Locator.Locate(off)
		return Position{Line: line, Column: col, Offset: off}
	}
	l := d.Lines[n-1]
	col := 0
	if d.countsBytes(off) {
		col = ValidRuneCount(d.Text[l.Start:off])
	} else {
		col = utf8.RuneCountInString(d.Text[l.Start:off])
	}
	return Position{Line: n, Column: col + 1, Offset: off}
}

// countsBytes tells whether the column of off is one more than the count of
// the bytes that start a rune before it on its line: in valid text, at the
// start of a rune or the end of the text.
func (d *Document) countsBytes(off int) bool {
	return d.valid && (off == len(d.Text) || utf8.RuneStart(d.Text[off]))
}

// ValidRuneCount is utf8.RuneCountInString of valid UTF-8: every byte but a
// continuation byte starts a rune, and counting those 32 bytes at a time is
// several times faster than decoding Chinese text.
func ValidRuneCount(s string) int {
	cont := 0
	i := 0
	for ; i+32 <= len(s); i += 32 {
		// Four words' marks, shifted apart (each holds one bit per byte, the
		// lowest), are counted in one.
		w := []byte(s[i : i+32])
		cont += bits.OnesCount64(continuations(w[0:8]) | continuations(w[8:16])<<1 |
			continuations(w[16:24])<<2 | continuations(w[24:32])<<3)
	}
	for ; i+8 <= len(s); i += 8 {
		cont += bits.OnesCount64(continuations([]byte(s[i : i+8])))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// continuations marks the continuation bytes of eight: the lowest bit of
// each byte that is 10xxxxxx (bit 7 set, bit 6 clear).
func continuations(b []byte) uint64 {
	const ones = 0x0101010101010101
	w := binary.LittleEndian.Uint64(b)
	return w >> 7 & ^(w >> 6) & ones
}

// Range returns the Range of the byte span [start, end) of Text.
func (d *Document) Range(start, end int) Range {
	s := d.Pos(start)
	// Most spans end on the line they start on, at a rune's start: the
	// end's column is counted on from the start's.
	if d.Locator == nil && end >= s.Offset && end <= d.Lines[s.Line-1].End && d.countsBytes(s.Offset) && d.countsBytes(end) {
		return Range{Start: s, End: Position{Line: s.Line, Column: s.Column + ValidRuneCount(d.Text[s.Offset:end]), Offset: end}}
	}
	return Range{Start: s, End: d.Pos(end)}
}
