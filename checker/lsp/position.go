package lsp

import (
	"slices"
	"strings"

	"github.com/fzlint/fzlint/checker/doc"
)

// encoding is the position encoding negotiated at initialize: what the
// Character of a position counts.
type encoding string

const (
	utf16 encoding = "utf-16" // the LSP default, which every client supports
	utf32 encoding = "utf-32" // code points, as fzlint's columns count
)

// chooseEncoding takes utf-32 when the client offers it, since it needs no
// conversion, and the mandatory utf-16 otherwise.
func chooseEncoding(offered []string) encoding {
	if slices.Contains(offered, string(utf32)) {
		return utf32
	}
	return utf16
}

// length returns the number of code units of e in s.
func (e encoding) length(s string) int {
	n := 0
	for _, r := range s {
		n++
		if e == utf16 && r > 0xFFFF {
			n++ // a surrogate pair
		}
	}
	return n
}

// prefix returns the number of code units of e in the first n code points of
// s; code points past the end of s count one unit each.
func (e encoding) prefix(s string, n int) int {
	for i := range s {
		if n == 0 {
			return e.length(s[:i])
		}
		n--
	}
	return e.length(s) + n
}

// offset returns the byte offset in text of buffer position p. As the
// protocol asks, a character past the end of its line means the line's end,
// and a line past the last means the end of text. Lines end at "\n", "\r\n"
// or "\r".
func (e encoding) offset(text string, p position) int {
	i := 0
	// Lines are found by their "\n" (a fast search); a "\r" is looked for
	// once and again only after it is passed, so that a buffer without one
	// costs a single search for it.
	cr := strings.IndexByte(text, '\r')
	for line := 0; line < p.Line; line++ {
		k := strings.IndexByte(text[i:], '\n')
		if cr >= i && (k < 0 || cr < i+k) {
			k = cr - i
		}
		if k < 0 {
			return len(text)
		}
		i += k + 1
		if text[i-1] == '\r' && i < len(text) && text[i] == '\n' {
			i++
		}
		if cr >= 0 && cr < i {
			if cr = strings.IndexByte(text[i:], '\r'); cr >= 0 {
				cr += i
			}
		}
	}
	units := 0
	for k, r := range text[i:] {
		if r == '\n' || r == '\r' || units >= p.Character {
			return i + k
		}
		units++
		if e == utf16 && r > 0xFFFF {
			units++
		}
	}
	return len(text)
}

// locator turns fzlint positions of one document into buffer positions.
type locator struct {
	d   *doc.Document
	enc encoding
	// source is the editor buffer, line by line, for a document whose positions
	// are in a source that is not its Text (HTML); nil otherwise.
	source []string
}

func (l *locator) position(p doc.Position) position {
	line := max(p.Line-1, 0)
	if l.d.Locator == nil {
		// Text and Markdown: a line of Text is the buffer line without its end.
		// .docx: the line is the paragraph and the character counts in the
		// paragraph's text, which is the best an editor can be told about a
		// file it cannot show as text.
		l0 := l.d.Lines[min(line, len(l.d.Lines)-1)]
		prefix := l.d.Text[l0.Start:max(p.Offset, l0.Start)]
		return position{Line: line, Character: l.enc.length(prefix)}
	}
	// HTML: Line and Column (code points) are already in the .html source,
	// which is the buffer; its line gives the code units. A buffer edited since
	// the file was read may be shorter: count the rest as one unit each.
	col := max(p.Column-1, 0)
	text := ""
	if line < len(l.source) {
		text = l.source[line]
	}
	return position{Line: line, Character: l.enc.prefix(text, col)}
}

func (l *locator) lspRange(r doc.Range) lspRange {
	return lspRange{Start: l.position(r.Start), End: l.position(r.End)}
}

// splitLines splits a buffer at "\n", "\r\n" and "\r", as LSP counts lines.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
}
