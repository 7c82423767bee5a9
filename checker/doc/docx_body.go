package doc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/fzlint/fzlint/checker/doc/wordxml"
	"github.com/fzlint/fzlint/checker/lend"
)

const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// isW tells whether n is a WordprocessingML element. "w" is what the decoder
// leaves when a damaged file uses the prefix without declaring it.
func isW(n xml.Name) bool {
	return n.Space == nsW || n.Space == nsWStrict || n.Space == "w"
}

// paragraph is one paragraph of the body as it prints.
type paragraph struct {
	start, end int // its text: bodyReader.text[start:end]
	generated  int // bytes of rendered numbering at the start of text
	heading    int
	marks      []commentMark
}

// lineEnds turns line ends inside w:t (which Word shows as spaces) into spaces:
// a paragraph is one line of Text.
var lineEnds = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// spaceLineEnds is lineEnds.Replace, without its copy of a text that has no
// line end (almost every w:t).
func spaceLineEnds(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return lineEnds.Replace(s)
}

// spaceLineEndsIn does what lineEnds.Replace does to b, in place, and
// returns b shortened by the pairs "\r\n" it turned into one space.
func spaceLineEndsIn(b []byte) []byte {
	if bytes.IndexByte(b, '\n') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	n := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' || c == '\n' {
			if c == '\r' && i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			c = ' '
		}
		b[n] = c
		n++
	}
	return b[:n]
}

// bodyReader reads document.xml into paragraphs.
type bodyReader struct {
	tokens tokenReader
	styles *styleSheet
	num    *numbering
	out    []paragraph
	// text holds the text of the paragraphs in the order they finished,
	// each after a line feed but the first; a paragraph's is a span of it,
	// so that a paragraph costs no string, and when they finished in the
	// order they print (no text boxes), it is the document's text.
	text []byte
	kept int // paragraphs in text
	// open are the paragraphs being read, nested when a text box sits
	// inside a paragraph; the slots past its end keep the text buffers of
	// the paragraphs last read at their depths, for the next ones.
	open   []openPara
	joined *joinedPara // a paragraph whose mark was deleted: the next one continues it
	hidden bool        // the current run is hidden text (w:vanish)
	depth  int         // of the element being read
	size   int         // bytes of text so far, numbering labels included
}

// paraSlots are the open slots of the last body read, with their text
// buffers, for the next: growing them anew was an eighth of the allocations
// of a .docx read. No buffer outlives a read: keep copies the text.
var paraSlots sync.Pool

type openPara struct {
	text   []byte        // so far; of a paragraph that continues another, that one's text first
	marks  []commentMark // at: offset in text
	props  paraProps
	prefix *paragraph // the paragraph this one continues; its text starts text
	// index is the paragraph's place in out, taken when it opens, so that
	// the paragraphs of text boxes anchored in it come after it.
	index int
}

// joinedPara is a paragraph whose mark was deleted, with its text, which
// the paragraphs that continue it write on, so a chain of them costs its
// length, not its square.
type joinedPara struct {
	para paragraph
	text []byte
}

// paraProps is what fzlint reads of a w:pPr.
type paraProps struct {
	style       string
	numID       string
	hasNum      bool
	ilvl        int // -1 if not set
	outline     int // -1 if not set
	markDeleted bool
}

// readBody reads the paragraphs of the body and the text they are spans of,
// both in memory of loan.
func readBody(loan *lend.Loan, body xmlPart, st *styleSheet, num *numbering) (paras []paragraph, text string, err error) {
	err = body.read(func(tokens tokenReader) (err error) {
		paras, text, err = readBodyTokens(loan, tokens, st, num.counting(), len(body.data))
		return err
	})
	return paras, text, err
}

// readBodyTokens reads the body from tokens of a part of partSize bytes.
func readBodyTokens(loan *lend.Loan, tokens tokenReader, st *styleSheet, num *numbering, partSize int) ([]paragraph, string, error) {
	// LibreOffice writes about three bytes of XML for a byte of text, WPS
	// four, Word ten or more: a third of the part holds the text of any of
	// them without growing.
	r := &bodyReader{tokens: tokens, styles: st, num: num,
		text: lend.Slice[byte](loan, lend.Text, min(partSize/3, MaxTextBytes)),
		out:  lend.Slice[paragraph](loan, lend.Paragraphs, 0)}
	if open, ok := paraSlots.Get().(*[]openPara); ok {
		r.open = (*open)[:0]
	}
	defer r.release()
	defer func() {
		lend.Keep(loan, lend.Text, r.text)
		lend.Keep(loan, lend.Paragraphs, r.out)
	}()
	for {
		t, err := r.tokens.next()
		if err != nil { // asked only of an error: errors.Is is a call for each token
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, "", err
		}
		switch t.kind {
		case tokStart:
			if r.depth++; r.depth > MaxNesting {
				return nil, "", &ReadError{Code: ErrTooDeep, Message: fmt.Sprintf("文档的元素嵌套超过 %d 层，这不像是一份报告", MaxNesting)}
			}
			var consumed bool
			consumed, err = r.start(&t.elem)
			if consumed {
				r.depth--
			}
		case tokEnd:
			r.depth--
			if t.elem.Name.Local == "p" && isW(t.elem.Name) {
				r.finish()
			}
		}
		if err != nil {
			return nil, "", err
		}
		// Numbering labels and text are bounded as they are produced: a
		// small file can print a long label on many empty paragraphs.
		if r.size > MaxTextBytes {
			return nil, "", &ReadError{Code: ErrTooLarge, Message: fmt.Sprintf("文字内容超过上限 %s，这不像是一份报告", sizeText(MaxTextBytes))}
		}
		if len(r.out) > MaxLines {
			return nil, "", &ReadError{Code: ErrTooLarge, Message: fmt.Sprintf("段落超过 %d 个，这不像是一份报告", MaxLines)}
		}
	}
	if r.joined != nil {
		r.out = append(r.out, r.keep(r.joined.para, r.joined.text))
	}
	// Nothing writes r.text once it is returned: the string may be its bytes.
	return r.out, unsafe.String(unsafe.SliceData(r.text), len(r.text)), nil
}

// start reads a start element; consumed tells whether it read the element
// up to its end. t is the token's own: a copy of the token just written
// stalled on its loads (store forwarding), a tenth of reading the body.
func (r *bodyReader) start(t *xml.StartElement) (consumed bool, err error) {
	if t.Name.Local == "Fallback" && t.Name.Space == nsMC {
		return true, skipElement(r.tokens) // the same content again, for older readers
	}
	if !isW(t.Name) {
		return false, nil
	}
	if wordxml.Skipped(t.Name.Local) {
		return true, skipElement(r.tokens)
	}
	switch t.Name.Local {
	case "p":
		n := len(r.open)
		if n < cap(r.open) {
			r.open = r.open[:n+1]
		} else {
			r.open = append(r.open, openPara{})
		}
		p := &r.open[n]
		*p = openPara{text: p.text[:0], props: paraProps{ilvl: -1, outline: -1}, index: len(r.out)}
		if r.joined != nil && n == 0 {
			p.prefix, p.text, r.joined = &r.joined.para, r.joined.text, nil
		}
		r.out = append(r.out, paragraph{})
	case "pPr":
		if p := r.top(); p != nil {
			return true, readParaProps(r.tokens, &p.props)
		}
		return true, skipElement(r.tokens)
	case "r":
		r.hidden = false
	case "rPr":
		hidden, err := readRunHidden(r.tokens)
		r.hidden = hidden
		return true, err
	case "t":
		return true, r.readText()
	case "tab", "ptab":
		r.write("\t")
	case "br", "cr":
		// A line break inside a paragraph prints as a new line; the paragraph
		// stays one line of Text, so it reads as a space. Page breaks are layout.
		if typ := wordxml.Attr(*t, "type"); typ != "page" && typ != "column" {
			r.write(" ")
		}
	case "noBreakHyphen":
		r.write("-")
	case "commentRangeStart", "commentRangeEnd":
		if p := r.top(); p != nil {
			p.marks = append(p.marks, commentMark{id: wordxml.Attr(*t, "id"), end: t.Name.Local == "commentRangeEnd", at: len(p.text)})
		}
	}
	return false, nil
}

// release gives the open slots' text buffers to the next read.
func (r *bodyReader) release() {
	slots := r.open[:cap(r.open)]
	for i := range slots {
		slots[i] = openPara{text: slots[i].text[:0]}
	}
	paraSlots.Put(&slots)
}

func (r *bodyReader) top() *openPara {
	if len(r.open) == 0 {
		return nil
	}
	return &r.open[len(r.open)-1]
}

func (r *bodyReader) write(s string) {
	if p := r.top(); p != nil && !r.hidden {
		p.text = append(p.text, s...)
		r.size += len(s)
	}
}

// readText reads a w:t, after its start, up to its end, into the paragraph:
// as write(spaceLineEnds(elementText(r.tokens))) would, without the strings.
func (r *bodyReader) readText() error {
	p := r.top()
	if p == nil || r.hidden {
		return skipElement(r.tokens)
	}
	start := len(p.text)
	if s, ok := r.tokens.(*scanner); ok {
		if p.text, ok = s.textOnly(p.text); ok {
			r.spaceLineEnds(p, start)
			return nil
		}
	}
	for depth := 1; depth > 0; {
		t, err := r.tokens.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokText:
			p.text = append(p.text, t.text...)
		case tokStart:
			depth++
		case tokEnd:
			depth--
		}
	}
	r.spaceLineEnds(p, start)
	return nil
}

// spaceLineEnds turns the line ends of the text p took from start into
// spaces and counts it in r.size.
func (r *bodyReader) spaceLineEnds(p *openPara, start int) {
	p.text = append(p.text[:start], spaceLineEndsIn(p.text[start:])...)
	r.size += len(p.text) - start
}

// finish closes the innermost paragraph: its numbering is counted and
// rendered, and it takes its place in out, before the text-box paragraphs
// anchored in it.
func (r *bodyReader) finish() {
	p := r.top()
	if p == nil {
		return
	}
	r.open = r.open[:len(r.open)-1]
	r.hidden = false
	var para paragraph
	text := p.text
	if p.prefix != nil {
		para = *p.prefix
		// text starts with the prefix's text, so the marks are placed already.
		para.marks = append(para.marks, p.marks...)
	} else {
		label := r.label(p.props)
		r.size += len(label)
		para = paragraph{
			generated: len(label),
			heading:   r.styles.headingLevel(p.props.style, p.props.outline),
			marks:     shiftMarks(p.marks, len(label)),
		}
		text = slices.Insert(text, 0, []byte(label)...)
	}
	if p.props.markDeleted && len(r.open) == 0 {
		// The paragraph goes out where the one continuing it ends, after
		// its text boxes.
		r.out = append(r.out[:p.index], r.out[p.index+1:]...)
		r.joined = &joinedPara{para: para, text: text}
		p.text = nil // the next paragraph writes on it
		return
	}
	r.out[p.index] = r.keep(para, text)
	p.text = text[:0]
}

// keep appends a finished paragraph's text to r.text and returns the
// paragraph with its span.
func (r *bodyReader) keep(para paragraph, text []byte) paragraph {
	if r.kept > 0 {
		r.text = append(r.text, '\n')
	}
	r.kept++
	para.start = len(r.text)
	r.text = append(r.text, text...)
	para.end = len(r.text)
	return para
}

// label counts the paragraph in its list, if any, and returns its number text.
func (r *bodyReader) label(pp paraProps) string {
	numID, ilvl := pp.numID, pp.ilvl
	if !pp.hasNum {
		np := r.styles.numPr(pp.style)
		if np == nil || np.NumID == nil {
			return ""
		}
		numID = np.NumID.Val
		if ilvl < 0 && np.Ilvl != nil {
			ilvl = atoi(np.Ilvl.Val, -1)
		}
	}
	if numID == "" || numID == "0" {
		return ""
	}
	return spaceLineEnds(r.num.label(numID, ilvl, pp.style))
}

// readParaProps reads a w:pPr, after its start element, up to its end.
func readParaProps(tr tokenReader, pp *paraProps) error {
	for depth := 1; depth > 0; {
		tok, err := tr.next()
		if err != nil {
			return err
		}
		switch t := &tok.elem; tok.kind {
		case tokStart:
			if t.Name.Local == "pPrChange" || t.Name.Local == "Fallback" && t.Name.Space == nsMC {
				if err := skipElement(tr); err != nil {
					return err
				}
				continue
			}
			depth++
			switch t.Name.Local {
			case "pStyle":
				pp.style = wordxml.Attr(*t, "val")
			case "numId":
				pp.numID, pp.hasNum = wordxml.Attr(*t, "val"), true
			case "ilvl":
				pp.ilvl = atoi(wordxml.Attr(*t, "val"), -1)
			case "outlineLvl":
				pp.outline = atoi(wordxml.Attr(*t, "val"), -1)
			case "del", "moveFrom": // in the paragraph mark's w:rPr
				pp.markDeleted = true
			}
		case tokEnd:
			depth--
		}
	}
	return nil
}

// readRunHidden reads a run's w:rPr and tells whether the run is hidden text.
func readRunHidden(tr tokenReader) (bool, error) {
	if s, ok := tr.(*scanner); ok && s.endsAtOnce() { // LibreOffice's <w:rPr></w:rPr>
		return false, nil
	}
	hidden := false
	for depth := 1; depth > 0; {
		tok, err := tr.next()
		if err != nil {
			return false, err
		}
		switch t := &tok.elem; tok.kind {
		case tokStart:
			if t.Name.Local == "rPrChange" {
				if err := skipElement(tr); err != nil {
					return false, err
				}
				continue
			}
			depth++
			if t.Name.Local == "vanish" || t.Name.Local == "specVanish" {
				hidden = onOff(wordxml.Attr(*t, "val"))
			}
		case tokEnd:
			depth--
		}
	}
	return hidden, nil
}
