package outline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/match"
	"github.com/fzlint/fzlint/checker/normalize"
)

// Build recognises the outline of d. v is the normalized view of d.Text; every
// pattern of cfg matches the view, and every offset Build returns is a byte
// offset into d.Text.
func Build(d *doc.Document, v *normalize.View, cfg *Config) *Outline {
	if cfg == nil {
		cfg = &Config{}
	}
	if cfg.debris == nil {
		indexed := *cfg
		indexed.Roles = slices.Clone(cfg.Roles) // Index writes the leads into its own copy
		indexed.Index()
		cfg = &indexed
	}
	b := newBuilder(d, v, cfg)
	defer b.release()
	b.findAttachment()
	b.markDebris()
	b.findTitle()
	b.findBody()
	b.findHeadings()
	b.findClosing()
	b.findYear()
	b.findParts()
	b.findPublished()
	return b.o
}

// builder holds the state of one Build call.
type builder struct {
	d     *doc.Document
	v     *normalize.View
	cfg   *Config
	lines []line
	o     *Outline
	title int // index in lines of the title line, -1 if none
	// titleLast is the title's last line: a title broken over two lines ends
	// on the line after b.title.
	titleLast int
	// first and last are the indexes of the body's first and last non-blank,
	// non-debris lines; first > last when the body is empty.
	first, last int
	hview       []prose // the text of each heading in the view
	// depth is the nesting depth of each heading: its Level, unless the
	// report orders the marker styles its own way (nestDepths).
	depth     []int
	specs     []*RoleSpec // the roles, in the order a heading is tried against them
	sentences []sentence  // prose units of the body, split once for the inline search
	split     bool        // sentences is computed
	parts     []Part      // the memory of the outline's parts (newPart)
	scratch   *scratch    // the working memory lent to this Build (release gives it back)
}

// prose is a stretch of the view that the roles' patterns are tried on
// (matchProse), with what they ask of it worked out once however many roles
// look: its text with cited titles masked (citationsMasked), and the sum of
// the characters that text may hold. Both are set when first asked for.
type prose struct {
	viewSpan
	masked string
	runes  match.Runes
	// uncited: the text is known to hold no 《, so it is its own masked
	// text (the sentence splitter looks for one on its way).
	uncited bool
}

// sentence is a prose unit of the body (proseSentences).
type sentence struct {
	prose
	start int // byte offset in d.Text where it starts
}

// scratch is the memory of a builder that no part of the outline holds: what
// one Build leaves there is cleared and the next one writes over it.
type scratch struct {
	lines     []line
	hview     []prose
	depth     []int
	sentences []sentence
	line      []sentence  // the sentences of one line (neededSentenceCue)
	debris    *match.Text // the last line scanned for debris literals (debrisText)
	finder    needFinder  // the search for a role's needs in sentenceCue
	// headings collects the headings as they are found; the outline gets
	// a copy of its own, of the exact size.
	headings []Heading
	// builder is the state of the Build this scratch is lent to.
	builder builder
}

// viewSpan is a stretch [vs, ve) of the view.
type viewSpan struct{ vs, ve int }

// lineRunesMax is where the runes of a line stop being counted: the outline
// only asks whether a line has more runes than a bound of a few dozen
// (debrisRunes, the largest; a larger bound must raise it), and the
// paragraphs of a report run to hundreds.
const lineRunesMax = debrisRunes + 1

// line is one line of the document as seen in the view.
type line struct {
	vs, ve int    // view offsets of the line's text: before its "\n", and before the closing marker of a Markdown line in strong emphasis
	text   string // the line in the view
	runes  int    // runes of the trimmed text, or lineRunesMax for a line too long to count (lineRunes)
	start  int    // view offset where the line's text starts (textStart)
	blank  bool
	skip   bool   // not prose (Markdown code block, front matter)
	md     int    // Markdown/Word heading level
	strong string // the Markdown strong-emphasis marker ("**", "__") around the whole line, if any
	debris bool
	// attached: the line is in the attachments after the report (findAttachment)
	attached bool
	heading  int  // index in Outline.Headings, -1 if the line is no heading
	closing  bool // the signature or date line: not prose
	// marker is the line's heading marker and markerAt its view offset,
	// once markerAt has read them; markerRead says that it has, markerOK
	// that there is one.
	marker               marker
	markerAt             int
	markerRead, markerOK bool
}

func newBuilder(d *doc.Document, v *normalize.View, cfg *Config) *builder {
	s := cfg.scratch.Get().(*scratch)
	b := &s.builder
	*b = builder{d: d, v: v, cfg: cfg, title: -1, titleLast: -1, specs: cfg.specs, scratch: s,
		o: &Outline{Parts: map[Role]*Part{}, BodyEnd: len(d.Text)}}
	b.lines = slices.Grow(b.scratch.lines, len(d.Lines))
	b.hview, b.depth, b.sentences = b.scratch.hview, b.scratch.depth, b.scratch.sentences
	vs := 0
	for i := range d.Lines {
		ve := strings.IndexByte(v.Text[vs:], '\n')
		if ve < 0 {
			ve = len(v.Text)
		} else {
			ve += vs
		}
		b.lines = append(b.lines, line{vs: vs, ve: ve, text: v.Text[vs:ve], skip: d.Lines[i].Skip,
			md: d.Lines[i].Heading, heading: -1})
		l := &b.lines[i]
		if d.Format == doc.FormatText && l.md == 0 {
			// Text pasted from an editor keeps its Markdown marks: the
			// syntax is recognised whatever the extension.
			l.md = atxLevel(strings.TrimLeftFunc(l.text, unicode.IsSpace))
		}
		if d.Format == doc.FormatMarkdown || d.Format == doc.FormatText {
			b.markStrong(i)
			l.text = v.Text[vs:l.ve]
		}
		l.start = b.readTextStart(i)
		trimmed := strings.TrimRightFunc(v.Text[l.start:l.ve], unicode.IsSpace)
		l.runes, l.blank = lineRunes(trimmed), trimmed == ""
		vs = min(ve+1, len(v.Text))
	}
	return b
}

// lineRunes counts the runes of a trimmed line up to lineRunesMax: a line
// of as many bytes as lineRunesMax runes of the largest size holds that
// many runes at least, and is not counted. The view is valid UTF-8: its
// runes are counted by bytes.
func lineRunes(trimmed string) int {
	if len(trimmed) >= utf8.UTFMax*lineRunesMax {
		return lineRunesMax
	}
	return doc.ValidRuneCount(trimmed)
}

// release gives the builder's working memory back for the next Build, without
// the strings of this document.
func (b *builder) release() {
	s := b.scratch
	clear(b.lines)
	clear(b.hview)
	clear(b.sentences)
	clear(s.line[:cap(s.line)]) // a longer line before left sentences past the length
	clear(s.headings)
	s.finder.reset("", nil) // lets go of the view
	if s.debris != nil {
		s.debris = b.cfg.debris.ScanReusing("", s.debris) // lets go of the last line
	}
	s.lines, s.hview, s.depth, s.sentences, s.headings, s.line = b.lines[:0], b.hview[:0], b.depth[:0], b.sentences[:0], s.headings[:0], s.line[:0]
	pool := b.cfg.scratch
	s.builder = builder{} // lets go of the document, its view and its outline
	pool.Put(s)
}

// markStrong reads Markdown line i without its markers when it is in strong
// emphasis throughout ("**一、主要举措和成效**", as Markdown converted from
// Word writes a heading): the line's text ends before the closing marker,
// and textStart skips the opening one.
func (b *builder) markStrong(i int) {
	l := &b.lines[i]
	start := b.readTextStart(i)
	if c := b.v.Text[start:l.ve]; !strings.HasPrefix(c, "**") && !strings.HasPrefix(c, "__") {
		return // most lines: no marker opens them
	}
	s := strings.TrimRightFunc(b.v.Text[start:l.ve], unicode.IsSpace)
	for _, m := range []string{"**", "__"} {
		body, ok := strings.CutPrefix(s, m)
		if ok && len(body) > len(m) && strings.HasSuffix(body, m) && !strings.Contains(body[:len(body)-len(m)], m) {
			l.strong, l.ve = m, start+len(s)-len(m)
			return
		}
	}
}

// span makes a Span from view offsets [vs, ve).
func (b *builder) span(vs, ve int) Span {
	start, end := b.v.Orig(vs), b.v.Orig(ve)
	return Span{Line: b.d.LineAt(start), Start: start, End: end, Text: b.d.Text[start:end]}
}

// trimmedSpan is the span of view text [vs, ve) without surrounding spaces.
func (b *builder) trimmedSpan(vs, ve int) Span {
	s := b.v.Text[vs:ve]
	vs += len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	ve -= len(s) - len(strings.TrimRightFunc(s, unicode.IsSpace))
	return b.span(vs, max(vs, ve))
}

// lineSpan is the trimmed span of line i.
func (b *builder) lineSpan(i int) Span {
	return b.trimmedSpan(b.lines[i].vs, b.lines[i].ve)
}

// prose tells whether line i is a line of the report's own text.
func (b *builder) prose(i int) bool {
	l := &b.lines[i]
	inTitle := b.title >= 0 && i >= b.title && i <= b.titleLast
	return !l.blank && !l.skip && !l.debris && !inTitle && !l.closing && !l.attached
}

// inBody tells whether line i lies between the body's first and last lines.
func (b *builder) inBody(i int) bool {
	return i >= b.first && i <= b.last
}

// findBody sets BodyStart and BodyEnd: from the first report line after the
// title (or after leading debris) to the end of the last line before trailing
// debris.
func (b *builder) findBody() {
	from := 0
	if b.title >= 0 {
		from = b.titleLast + 1
	}
	b.first, b.last = len(b.lines), -1
	for i := from; i < len(b.lines); i++ {
		if b.prose(i) {
			b.first = i
			break
		}
	}
	for i := len(b.lines) - 1; i >= b.first; i-- {
		if b.prose(i) {
			b.last = i
			break
		}
	}
	if b.first > b.last {
		b.o.BodyStart, b.o.BodyEnd = len(b.d.Text), len(b.d.Text)
		return
	}
	b.o.BodyStart = b.v.Orig(b.lines[b.first].vs)
	b.o.BodyEnd = b.v.Orig(b.lines[b.last].ve)
}

// lineText is the text of line i in the view, from textStart, trimmed.
func (b *builder) lineText(i int) string {
	return strings.TrimSpace(b.v.Text[b.textStart(i):b.lines[i].ve])
}

// textStart is the view offset where the text of line i starts: after leading
// spaces and, on a Markdown heading line, after its "#" marks, and after the
// marker of a line in strong emphasis.
func (b *builder) textStart(i int) int {
	return b.lines[i].start
}

// readTextStart reads textStart from line i, once its Markdown marks are known.
func (b *builder) readTextStart(i int) int {
	l := &b.lines[i]
	s := strings.TrimLeftFunc(l.text, unicode.IsSpace)
	if l.md > 0 {
		s = strings.TrimLeftFunc(strings.TrimLeft(s, "#"), unicode.IsSpace)
	}
	if l.strong != "" {
		s = strings.TrimLeftFunc(strings.TrimPrefix(s, l.strong), unicode.IsSpace)
	}
	return l.ve - len(s)
}

// atxLevel is the level of a Markdown heading line ("## 一、主要举措"), 0 if
// s is none: one to six "#" and a space.
func atxLevel(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(s) || s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}
