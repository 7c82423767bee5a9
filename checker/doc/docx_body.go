package doc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
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

// skipped are elements whose content does not print as body text: deletions,
// field codes, properties and their tracked changes, note and comment marks,
// ruby (pinyin) text above its base.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "delInstrText": true, "instrText": true,
	"pPrChange": true, "rPrChange": true, "sectPr": true, "tblPr": true, "tblPrEx": true,
	"trPr": true, "tcPr": true, "tblGrid": true, "sdtPr": true, "fldData": true,
	"footnoteReference": true, "endnoteReference": true, "commentReference": true, "annotationRef": true,
	"rt": true,
}

// lineEnds turns line ends inside w:t (which Word shows as spaces) into spaces:
// a paragraph is one line of Text.
var lineEnds = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// bodyReader reads document.xml into paragraphs.
type bodyReader struct {
	d      *xml.Decoder
	styles *styleSheet
	num    *numbering
	out    []paragraph
	open   []*openPara // nested when a text box sits inside a paragraph
	joined *paragraph  // a paragraph whose mark was deleted: the next one continues it
	hidden bool        // the current run is hidden text (w:vanish)
}

type openPara struct {
	sb     strings.Builder
	marks  []commentMark // at: offset in sb
	props  paraProps
	prefix *paragraph  // the paragraph this one continues
	after  []paragraph // paragraphs of text boxes anchored in this one
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

func readBody(b []byte, st *styleSheet, num *numbering) ([]paragraph, error) {
	r := &bodyReader{d: xml.NewDecoder(bytes.NewReader(b)), styles: st, num: num}
	for {
		tok, err := r.d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = r.start(t)
		case xml.EndElement:
			if isW(t.Name) && t.Name.Local == "p" {
				r.finish()
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if r.joined != nil {
		r.out = append(r.out, *r.joined)
	}
	return r.out, nil
}

func (r *bodyReader) start(t xml.StartElement) error {
	if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
		return r.d.Skip() // the same content again, for older readers
	}
	if !isW(t.Name) {
		return nil
	}
	if skipped[t.Name.Local] {
		return r.d.Skip()
	}
	switch t.Name.Local {
	case "p":
		p := &openPara{props: paraProps{ilvl: -1, outline: -1}}
		if r.joined != nil && len(r.open) == 0 {
			p.prefix, r.joined = r.joined, nil
		}
		r.open = append(r.open, p)
	case "pPr":
		if p := r.top(); p != nil {
			return readParaProps(r.d, &p.props)
		}
		return r.d.Skip()
	case "r":
		r.hidden = false
	case "rPr":
		hidden, err := readRunHidden(r.d)
		r.hidden = hidden
		return err
	case "t":
		s, err := charData(r.d)
		r.write(lineEnds.Replace(s))
		return err
	case "tab", "ptab":
		r.write("\t")
	case "br", "cr":
		// A line break inside a paragraph prints as a new line; the paragraph
		// stays one line of Text, so it reads as a space. Page breaks are layout.
		if typ := attr(t, "type"); typ != "page" && typ != "column" {
			r.write(" ")
		}
	case "noBreakHyphen":
		r.write("-")
	case "commentRangeStart", "commentRangeEnd":
		if p := r.top(); p != nil {
			p.marks = append(p.marks, commentMark{id: attr(t, "id"), end: t.Name.Local == "commentRangeEnd", at: p.sb.Len()})
		}
	}
	return nil
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
	}
}

// finish closes the innermost paragraph: its numbering is counted and
// rendered, and it goes out after its text is complete, followed by the
// text-box paragraphs anchored in it.
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
		para.marks = append(para.marks, shiftMarks(p.marks, len(para.text))...)
		para.text += p.sb.String()
	} else {
		label := r.label(p.props)
		para = paragraph{
			text:      label + p.sb.String(),
			generated: len(label),
			heading:   r.styles.headingLevel(p.props.style, p.props.outline),
			marks:     shiftMarks(p.marks, len(label)),
		}
	}
	if p.props.markDeleted && len(r.open) == 0 {
		r.joined = &para
		r.out = append(r.out, p.after...)
		return
	}
	done := append([]paragraph{para}, p.after...)
	if parent := r.top(); parent != nil {
		parent.after = append(parent.after, done...)
	} else {
		r.out = append(r.out, done...)
	}
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
	return lineEnds.Replace(r.num.label(numID, ilvl, pp.style))
}

// readParaProps reads a w:pPr, after its start element, up to its end.
func readParaProps(d *xml.Decoder, pp *paraProps) error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "pPrChange" || t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			depth++
			switch t.Name.Local {
			case "pStyle":
				pp.style = attr(t, "val")
			case "numId":
				pp.numID, pp.hasNum = attr(t, "val"), true
			case "ilvl":
				pp.ilvl = atoi(attr(t, "val"), -1)
			case "outlineLvl":
				pp.outline = atoi(attr(t, "val"), -1)
			case "del", "moveFrom": // in the paragraph mark's w:rPr
				pp.markDeleted = true
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// readRunHidden reads a run's w:rPr and tells whether the run is hidden text.
func readRunHidden(d *xml.Decoder) (bool, error) {
	hidden := false
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "rPrChange" {
				if err := d.Skip(); err != nil {
					return false, err
				}
				continue
			}
			depth++
			if t.Name.Local == "vanish" || t.Name.Local == "specVanish" {
				hidden = onOff(attr(t, "val"))
			}
		case xml.EndElement:
			depth--
		}
	}
	return hidden, nil
}

// charData returns the text of an element, after its start element, up to its end.
func charData(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return sb.String(), nil
}

// attr returns the value of the attribute with local name local.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
