package doc

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/fzlint/fzlint/checker/doc/wordxml"
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
	text      string
	generated int // bytes of rendered numbering at the start of text
	heading   int
	marks     []commentMark
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

// bodyReader reads document.xml into paragraphs.
type bodyReader struct {
	tokens tokenReader
	styles *styleSheet
	num    *numbering
	out    []paragraph
	open   []*openPara // nested when a text box sits inside a paragraph
	joined *joinedPara // a paragraph whose mark was deleted: the next one continues it
	hidden bool        // the current run is hidden text (w:vanish)
	depth  int         // of the element being read
	size   int         // bytes of text so far, numbering labels included
}

type openPara struct {
	sb     *strings.Builder
	marks  []commentMark // at: offset in sb
	props  paraProps
	prefix *paragraph // the paragraph this one continues; its text starts sb
	// index is the paragraph's place in out, taken when it opens, so that
	// the paragraphs of text boxes anchored in it come after it.
	index int
}

// joinedPara is a paragraph whose mark was deleted, with the builder its
// text is in: the paragraphs that continue it write on, so a chain of them
// costs its length, not its square.
type joinedPara struct {
	para paragraph
	sb   *strings.Builder
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

func readBody(body xmlPart, st *styleSheet, num *numbering) ([]paragraph, error) {
	var paras []paragraph
	err := body.read(func(tokens tokenReader) (err error) {
		paras, err = readBodyTokens(tokens, st, num.counting())
		return err
	})
	return paras, err
}

func readBodyTokens(tokens tokenReader, st *styleSheet, num *numbering) ([]paragraph, error) {
	r := &bodyReader{tokens: tokens, styles: st, num: num}
	for {
		t, err := r.tokens.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokStart:
			if r.depth++; r.depth > MaxNesting {
				return nil, &ReadError{Code: ErrTooDeep, Message: fmt.Sprintf("文档的元素嵌套超过 %d 层，这不像是一份报告", MaxNesting)}
			}
			var consumed bool
			consumed, err = r.start(t.elem)
			if consumed {
				r.depth--
			}
		case tokEnd:
			r.depth--
			if isW(t.elem.Name) && t.elem.Name.Local == "p" {
				r.finish()
			}
		}
		if err != nil {
			return nil, err
		}
		// Numbering labels and text are bounded as they are produced: a
		// small file can print a long label on many empty paragraphs.
		if r.size > MaxTextBytes {
			return nil, &ReadError{Code: ErrTooLarge, Message: fmt.Sprintf("文字内容超过上限 %s，这不像是一份报告", sizeText(MaxTextBytes))}
		}
		if len(r.out) > MaxLines {
			return nil, &ReadError{Code: ErrTooLarge, Message: fmt.Sprintf("段落超过 %d 个，这不像是一份报告", MaxLines)}
		}
	}
	if r.joined != nil {
		r.out = append(r.out, r.joined.para)
	}
	return r.out, nil
}

// start reads a start element; consumed tells whether it read the element
// up to its end.
func (r *bodyReader) start(t xml.StartElement) (consumed bool, err error) {
	if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
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
		p := &openPara{sb: &strings.Builder{}, props: paraProps{ilvl: -1, outline: -1}, index: len(r.out)}
		if r.joined != nil && len(r.open) == 0 {
			p.prefix, p.sb, r.joined = &r.joined.para, r.joined.sb, nil
		}
		r.open = append(r.open, p)
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
		s, err := elementText(r.tokens)
		r.write(spaceLineEnds(s))
		return true, err
	case "tab", "ptab":
		r.write("\t")
	case "br", "cr":
		// A line break inside a paragraph prints as a new line; the paragraph
		// stays one line of Text, so it reads as a space. Page breaks are layout.
		if typ := wordxml.Attr(t, "type"); typ != "page" && typ != "column" {
			r.write(" ")
		}
	case "noBreakHyphen":
		r.write("-")
	case "commentRangeStart", "commentRangeEnd":
		if p := r.top(); p != nil {
			p.marks = append(p.marks, commentMark{id: wordxml.Attr(t, "id"), end: t.Name.Local == "commentRangeEnd", at: p.sb.Len()})
		}
	}
	return false, nil
}

func (r *bodyReader) top() *openPara {
	if len(r.open) == 0 {
		return nil
	}
	return r.open[len(r.open)-1]
}

func (r *bodyReader) write(s string) {
	if p := r.top(); p != nil && !r.hidden {
		p.sb.WriteString(s)
		r.size += len(s)
	}
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
	if p.prefix != nil {
		para = *p.prefix
		// sb starts with the prefix's text, so the marks are placed already.
		para.marks = append(para.marks, p.marks...)
		para.text = p.sb.String()
	} else {
		label := r.label(p.props)
		r.size += len(label)
		para = paragraph{
			text:      label + p.sb.String(),
			generated: len(label),
			heading:   r.styles.headingLevel(p.props.style, p.props.outline),
			marks:     shiftMarks(p.marks, len(label)),
		}
	}
	if p.props.markDeleted && len(r.open) == 0 {
		// The paragraph goes out where the one continuing it ends, after
		// its text boxes.
		r.out = append(r.out[:p.index], r.out[p.index+1:]...)
		sb := p.sb
		if p.prefix == nil {
			sb = &strings.Builder{}
			sb.WriteString(para.text)
			para.text = sb.String()
		}
		r.joined = &joinedPara{para: para, sb: sb}
		return
	}
	r.out[p.index] = para
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
		switch t := tok.elem; tok.kind {
		case tokStart:
			if t.Name.Local == "pPrChange" || t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				if err := skipElement(tr); err != nil {
					return err
				}
				continue
			}
			depth++
			switch t.Name.Local {
			case "pStyle":
				pp.style = wordxml.Attr(t, "val")
			case "numId":
				pp.numID, pp.hasNum = wordxml.Attr(t, "val"), true
			case "ilvl":
				pp.ilvl = atoi(wordxml.Attr(t, "val"), -1)
			case "outlineLvl":
				pp.outline = atoi(wordxml.Attr(t, "val"), -1)
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
	hidden := false
	for depth := 1; depth > 0; {
		tok, err := tr.next()
		if err != nil {
			return false, err
		}
		switch t := tok.elem; tok.kind {
		case tokStart:
			if t.Name.Local == "rPrChange" {
				if err := skipElement(tr); err != nil {
					return false, err
				}
				continue
			}
			depth++
			if t.Name.Local == "vanish" || t.Name.Local == "specVanish" {
				hidden = onOff(wordxml.Attr(t, "val"))
			}
		case tokEnd:
			depth--
		}
	}
	return hidden, nil
}
