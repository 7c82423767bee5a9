package doc

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// seg maps a stretch of extracted text, from byte text on, to the source: a
// literal stretch was copied byte for byte from source offset src on; any
// other (an entity, a collapsed space, a line end) maps as a whole to src.
type seg struct {
	text, src int
	literal   bool
}

// emitter writes the text of a page as the browser shows it: runs of white
// space (&nbsp; included) collapse to one space, block elements end lines,
// entities are decoded; and it records where each piece came from.
type emitter struct {
	src      []byte
	out      strings.Builder
	segs     []seg
	headings []int // heading level of each line written
	heading  int   // level of the h1–h6 being read, 0 outside
	open     bool  // the current line has text
	brk      bool  // a line end is due before the next text
	space    int   // source offset of a pending space, -1 if none
	last     int   // source offset just past the last text written
	comments []Comment
	placed   map[int]bool // source offsets of the comments in comments
}

func newEmitter(src []byte) *emitter {
	return &emitter{src: src, space: -1, placed: map[int]bool{}}
}

// full tells whether the text is over MaxTextBytes: the page is refused, and
// text is written no further, so that a large page costs no more.
func (e *emitter) full() bool {
	return e.out.Len() > MaxTextBytes
}

// lineBreak ends the current line, if it has text.
func (e *emitter) lineBreak() {
	e.brk, e.space = true, -1
}

func (e *emitter) blank(src int) {
	if e.open && e.space < 0 {
		e.space = src
	}
}

// put writes s, from source span [src, srcEnd), literal if copied verbatim.
func (e *emitter) put(src, srcEnd int, s string, literal bool) {
	if e.brk && e.open {
		e.mark(e.last, false)
		e.out.WriteByte('\n')
		e.open = false
	}
	if !e.open {
		e.headings = append(e.headings, e.heading)
	}
	e.brk = false
	if e.space >= 0 && e.open {
		e.mark(e.space, false)
		e.out.WriteByte(' ')
	}
	e.space = -1
	e.mark(src, literal)
	e.out.WriteString(s)
	e.open, e.last = true, srcEnd
}

// mark starts a segment at the current end of the text, unless it continues
// the previous literal one.
func (e *emitter) mark(src int, literal bool) {
	at := e.out.Len()
	if n := len(e.segs); n > 0 && literal {
		if p := e.segs[n-1]; p.literal && p.src+at-p.text == src {
			return
		}
	}
	e.segs = append(e.segs, seg{text: at, src: src, literal: literal})
}

// text writes the text token at source span [off, end).
func (e *emitter) text(off, end int) {
	s := e.src
	for i := off; i < end && !e.full(); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			e.blank(i)
			i++
		case c == 0xC2 && i+1 < end && s[i+1] == 0xA0: // a literal no-break space
			e.blank(i)
			i += 2
		case c == '&':
			dec, n := entityAt(s[i:end])
			switch {
			case n == 0:
				e.put(i, i+1, "&", true)
				n = 1
			case isBlank(dec):
				e.blank(i)
			default:
				e.put(i, i+n, dec, false)
			}
			i += n
		default:
			j := i + 1
			for j < end && j-i <= MaxTextBytes && !special(s[j]) {
				j++
			}
			e.put(i, j, string(s[i:j]), true)
			i = j
		}
	}
}

func special(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '&' || c == 0xC2
}

// isBlank tells whether a decoded entity is white space the browser collapses.
func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\u00a0' {
			return false
		}
	}
	return true
}

// entityAt decodes the character reference s starts with ("&amp;", "&#20013;",
// "&nbsp" without its semicolon), returning its text and its length in s; 0
// if s does not start with one.
func entityAt(s []byte) (string, int) {
	end := 1
	for end < len(s) && end < 40 && (isAlnum(s[end]) || end == 1 && s[end] == '#') {
		end++
	}
	if end < len(s) && s[end] == ';' {
		end++
	}
	ref := string(s[:end])
	dec := html.UnescapeString(ref)
	if dec == ref {
		return "", 0
	}
	// A reference without ";" may be decoded from a prefix ("&ampx" → "&x"):
	// the rest stays text.
	rest := 0
	for rest < len(dec)-1 && rest < end-1 && dec[len(dec)-1-rest] == ref[end-1-rest] {
		rest++
	}
	return dec[:len(dec)-rest], end - rest
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// htmlLocator places offsets of extracted text in the HTML source file.
type htmlLocator struct {
	src        string
	lineStarts []int
	segs       []seg
}

func newLocator(src string, segs []seg) *htmlLocator {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			starts = append(starts, i+1)
		}
	}
	return &htmlLocator{src: src, lineStarts: starts, segs: segs}
}

// Locate returns the 1-based line and column (in code points) in the source
// of the text at offset off.
func (l *htmlLocator) Locate(off int) (line, column int) {
	src := 0
	if i := sort.Search(len(l.segs), func(i int) bool { return l.segs[i].text > off }) - 1; i >= 0 {
		s := l.segs[i]
		src = s.src
		if s.literal {
			src = min(s.src+off-s.text, len(l.src))
		}
	}
	n := sort.Search(len(l.lineStarts), func(i int) bool { return l.lineStarts[i] > src })
	return n, utf8.RuneCountInString(l.src[l.lineStarts[n-1]:src]) + 1
}
