package doc

import (
	"encoding/xml"
	"iter"
	"strconv"
	"strings"
	"sync"
)

// xmlVal is an element whose value is its w:val attribute. Tags name local
// names only, so transitional and strict OOXML namespaces both match. The
// tags say what the readers read (readStyles, readNumbering, parseRels).
type xmlVal struct {
	Val string `xml:"val,attr"`
}

// xmlNumPr is a w:numPr: which list (numId) and level (ilvl) a paragraph is in.
type xmlNumPr struct {
	NumID *xmlVal `xml:"numId"`
	Ilvl  *xmlVal `xml:"ilvl"`
}

// paraStyle is what fzlint needs of a paragraph style.
type paraStyle struct {
	basedOn string
	name    string
	outline int // w:outlineLvl, 0-based; -1 if not set
	numPr   *xmlNumPr
}

// styleSheet holds the paragraph styles of styles.xml.
type styleSheet struct {
	byID     map[string]*paraStyle
	fallback string // the default paragraph style
	// levels holds styleLevel's answers: a report gives most of its
	// paragraphs one or two styles.
	levels map[string]int
}

// xmlStyles is a styles part: its w:style elements.
type xmlStyles struct {
	Styles []xmlStyle `xml:"style"`
}

type xmlStyle struct {
	Type    string      `xml:"type,attr"`
	ID      string      `xml:"styleId,attr"`
	Default string      `xml:"default,attr"`
	Name    xmlVal      `xml:"name"`
	BasedOn xmlVal      `xml:"basedOn"`
	PPr     xmlStylePPr `xml:"pPr"`
}

type xmlStylePPr struct {
	Outline *xmlVal   `xml:"outlineLvl"`
	NumPr   *xmlNumPr `xml:"numPr"`
}

// styleLists are the style lists of the styles parts read before, for the
// next: growing one was a fifth of the bytes a .docx read allocated. None
// outlives parseStyles: the styles it makes take values, not the list.
var styleLists sync.Pool

func readStyles(b []byte) (x xmlStyles, err error) {
	var list []xmlStyle
	if l, ok := styleLists.Get().(*[]xmlStyle); ok {
		list = *l
	}
	err = newXMLPart(b).read(func(tr tokenReader) error {
		x = xmlStyles{Styles: list[:0]}
		return readRoot(tr, func(xml.StartElement) error {
			return readChildren(tr, func(t xml.StartElement) error {
				if t.Name.Local != "style" {
					return skipElement(tr)
				}
				x.Styles = append(x.Styles, xmlStyle{})
				return x.Styles[len(x.Styles)-1].read(tr, t)
			})
		})
	})
	return x, err
}

func (s *xmlStyle) read(tr tokenReader, start xml.StartElement) error {
	setAttr(start, "type", &s.Type)
	setAttr(start, "styleId", &s.ID)
	setAttr(start, "default", &s.Default)
	return readChildren(tr, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "name":
			return readVal(tr, t, &s.Name)
		case "basedOn":
			return readVal(tr, t, &s.BasedOn)
		case "pPr":
			return readChildren(tr, func(t xml.StartElement) error {
				switch t.Name.Local {
				case "outlineLvl":
					return readValPtr(tr, t, &s.PPr.Outline)
				case "numPr":
					if s.PPr.NumPr == nil {
						s.PPr.NumPr = &xmlNumPr{}
					}
					return s.PPr.NumPr.read(tr)
				}
				return skipElement(tr)
			})
		}
		return skipElement(tr)
	})
}

// read reads a w:numPr after its start.
func (np *xmlNumPr) read(tr tokenReader) error {
	return readChildren(tr, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "numId":
			return readValPtr(tr, t, &np.NumID)
		case "ilvl":
			return readValPtr(tr, t, &np.Ilvl)
		}
		return skipElement(tr)
	})
}

func parseStyles(b []byte) (*styleSheet, error) {
	if b == nil {
		return &styleSheet{byID: map[string]*paraStyle{}}, nil
	}
	x, err := readStyles(b)
	defer func() {
		clear(x.Styles) // its strings are in the part's buffer
		styleLists.Put(&x.Styles)
	}()
	if err != nil {
		return nil, err
	}
	st := &styleSheet{byID: make(map[string]*paraStyle, len(x.Styles))}
	// The styles are made in one slice, not one by one: a styles part has
	// some thirty to a few hundred.
	styles := make([]paraStyle, 0, len(x.Styles))
	for _, s := range x.Styles {
		// Numbering styles are looked up too: numStyleLink points at them.
		if s.Type != "paragraph" && s.Type != "numbering" && s.Type != "" {
			continue
		}
		styles = append(styles, paraStyle{basedOn: s.BasedOn.Val, name: s.Name.Val, outline: -1, numPr: s.PPr.NumPr})
		ps := &styles[len(styles)-1]
		if s.PPr.Outline != nil {
			ps.outline = atoi(s.PPr.Outline.Val, -1)
		}
		st.byID[s.ID] = ps
		if s.Type == "paragraph" && s.Default != "" && onOff(s.Default) {
			st.fallback = s.ID
		}
	}
	return st, nil
}

// chain yields the style id and the styles it is based on, nearest first.
func (st *styleSheet) chain(id string) iter.Seq[*paraStyle] {
	return func(yield func(*paraStyle) bool) {
		if id == "" {
			id = st.fallback
		}
		for range 16 { // basedOn may loop in a damaged file
			s := st.byID[id]
			if s == nil || !yield(s) {
				return
			}
			id = s.basedOn
		}
	}
}

// headingLevel is the 1-based heading level of a paragraph of style id with
// direct outline level outline (-1 if none), 0 for body text. Word stores the
// built-in headings' names in English ("heading 1") whatever the UI language;
// WPS may write "标题 1".
func (st *styleSheet) headingLevel(id string, outline int) int {
	if outline < 0 {
		outline = st.styleLevel(id)
	}
	if outline < 0 || outline > 8 { // 9 is body text
		return 0
	}
	return outline + 1
}

// styleLevel is the 0-based outline level style id gives a paragraph, -1
// if none.
func (st *styleSheet) styleLevel(id string) int {
	if level, ok := st.levels[id]; ok {
		return level
	}
	level := -1
	for s := range st.chain(id) {
		if s.outline >= 0 {
			level = s.outline
			break
		}
		if n := styleNameLevel(s.name); n > 0 {
			level = n - 1
			break
		}
	}
	if st.levels == nil {
		st.levels = map[string]int{}
	}
	st.levels[id] = level
	return level
}

func styleNameLevel(name string) int {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, prefix := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			if n := atoi(strings.TrimSpace(rest), 0); n >= 1 && n <= 9 {
				return n
			}
		}
	}
	return 0
}

// numPr returns the list a paragraph of style id is in through its style.
func (st *styleSheet) numPr(id string) *xmlNumPr {
	for s := range st.chain(id) {
		if s.numPr != nil {
			return s.numPr
		}
	}
	return nil
}

// atoi parses an OOXML integer, def if it is missing or malformed.
func atoi(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// onOff reads an OOXML on/off value; an element present without w:val is on.
func onOff(s string) bool {
	return s == "" || s == "1" || s == "true" || s == "on"
}
