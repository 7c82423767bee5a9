package doc

import (
	"encoding/xml"
	"strings"
	"unicode"
	"unicode/utf8"
)

// xmlLvl is one level (w:lvl) of a list definition.
type xmlLvl struct {
	Ilvl    string  `xml:"ilvl,attr"`
	Start   *xmlVal `xml:"start"`
	NumFmt  xmlVal  `xml:"numFmt"`
	LvlText *xmlVal `xml:"lvlText"`
	Restart *xmlVal `xml:"lvlRestart"`
	PStyle  xmlVal  `xml:"pStyle"`
	IsLgl   *xmlVal `xml:"isLgl"`
	Suff    xmlVal  `xml:"suff"`
}

// level is a list level ready to render.
type level struct {
	start   int
	format  string // w:numFmt
	text    string // w:lvlText, "%1" .. "%9" standing for the levels' numbers
	restart int    // restart after a level below this 1-based number is used; -1 after any, 0 never
	pStyle  string
	legal   bool // w:isLgl: every number shown in decimal
	suffix  string
}

func (x *xmlLvl) level() level {
	l := level{format: x.NumFmt.Val, pStyle: x.PStyle.Val, restart: -1, legal: x.IsLgl != nil && onOff(x.IsLgl.Val), suffix: x.Suff.Val}
	if x.Start != nil {
		l.start = atoi(x.Start.Val, 0)
	}
	if x.LvlText != nil {
		l.text = x.LvlText.Val
	}
	if x.Restart != nil {
		l.restart = atoi(x.Restart.Val, -1)
	}
	return l
}

// list is a w:num: an abstract list definition with its level overrides.
type list struct {
	abstract string
	levels   [9]*level
	restarts []int // levels whose counting restarts where this list is first used (w:startOverride)
}

// numbering renders Word's automatic numbering. Counting follows Word: lists
// (w:num) that share an abstract definition share its counters, so a list
// continues where another of the same definition stopped, unless it restarts
// a level with w:startOverride, which takes effect where it is first used.
type numbering struct {
	lists    map[string]*list
	counters map[string]*counters // per abstract definition
	seen     map[string]bool      // lists already used
	styles   *styleSheet
}

// counting returns the lists of n with nothing counted yet, for one reading
// of the body, which may start over (xmlPart.read).
func (n *numbering) counting() *numbering {
	c := *n
	c.counters, c.seen = map[string]*counters{}, map[string]bool{}
	return &c
}

func parseNumbering(b []byte, st *styleSheet) (*numbering, error) {
	n := &numbering{lists: map[string]*list{}, styles: st}
	if b == nil {
		return n, nil
	}
	x, err := readNumbering(b)
	if err != nil {
		return nil, err
	}
	abstract := map[string][9]*level{}
	links := map[string]string{}
	for _, a := range x.Abstract {
		var lv [9]*level
		for i := range a.Lvls {
			if k := atoi(a.Lvls[i].Ilvl, -1); k >= 0 && k < 9 {
				l := a.Lvls[i].level()
				lv[k] = &l
			}
		}
		abstract[a.ID] = lv
		links[a.ID] = a.StyleRef.Val
	}
	byID := map[string]string{}
	for _, m := range x.Nums {
		byID[m.ID] = m.Abstract.Val
	}
	for _, m := range x.Nums {
		id := resolveLink(m.Abstract.Val, links, byID, st)
		l := &list{abstract: id, levels: abstract[id]}
		for _, o := range m.Overrides {
			k := atoi(o.Ilvl, -1)
			if k < 0 || k >= 9 {
				continue
			}
			if o.Lvl != nil {
				lv := o.Lvl.level()
				l.levels[k] = &lv
			}
			if o.Start != nil && l.levels[k] != nil {
				lv := *l.levels[k]
				lv.start = atoi(o.Start.Val, lv.start)
				l.levels[k] = &lv
				l.restarts = append(l.restarts, k)
			}
		}
		n.lists[m.ID] = l
	}
	return n, nil
}

// xmlNumbering is a numbering part: its list definitions (w:abstractNum)
// and the lists (w:num) that use them.
type xmlNumbering struct {
	Abstract []xmlAbstractNum `xml:"abstractNum"`
	Nums     []xmlNum         `xml:"num"`
}

type xmlAbstractNum struct {
	ID       string   `xml:"abstractNumId,attr"`
	Lvls     []xmlLvl `xml:"lvl"`
	StyleRef xmlVal   `xml:"numStyleLink"`
}

type xmlNum struct {
	ID        string           `xml:"numId,attr"`
	Abstract  xmlVal           `xml:"abstractNumId"`
	Overrides []xmlLvlOverride `xml:"lvlOverride"`
}

type xmlLvlOverride struct {
	Ilvl  string  `xml:"ilvl,attr"`
	Start *xmlVal `xml:"startOverride"`
	Lvl   *xmlLvl `xml:"lvl"`
}

func readNumbering(b []byte) (x xmlNumbering, err error) {
	err = newXMLPart(b).read(func(tr tokenReader) error {
		x = xmlNumbering{}
		return readRoot(tr, func(xml.StartElement) error {
			return readChildren(tr, func(t xml.StartElement) error {
				switch t.Name.Local {
				case "abstractNum":
					x.Abstract = append(x.Abstract, xmlAbstractNum{})
					return x.Abstract[len(x.Abstract)-1].read(tr, t)
				case "num":
					x.Nums = append(x.Nums, xmlNum{})
					return x.Nums[len(x.Nums)-1].read(tr, t)
				}
				return skipElement(tr)
			})
		})
	})
	return x, err
}

func (a *xmlAbstractNum) read(tr tokenReader, start xml.StartElement) error {
	setAttr(start, "abstractNumId", &a.ID)
	return readChildren(tr, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "lvl":
			a.Lvls = append(a.Lvls, xmlLvl{})
			return a.Lvls[len(a.Lvls)-1].read(tr, t)
		case "numStyleLink":
			return readVal(tr, t, &a.StyleRef)
		}
		return skipElement(tr)
	})
}

func (m *xmlNum) read(tr tokenReader, start xml.StartElement) error {
	setAttr(start, "numId", &m.ID)
	return readChildren(tr, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "abstractNumId":
			return readVal(tr, t, &m.Abstract)
		case "lvlOverride":
			m.Overrides = append(m.Overrides, xmlLvlOverride{})
			return m.Overrides[len(m.Overrides)-1].read(tr, t)
		}
		return skipElement(tr)
	})
}

func (o *xmlLvlOverride) read(tr tokenReader, start xml.StartElement) error {
	setAttr(start, "ilvl", &o.Ilvl)
	return readChildren(tr, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "startOverride":
			return readValPtr(tr, t, &o.Start)
		case "lvl":
			if o.Lvl == nil {
				o.Lvl = &xmlLvl{}
			}
			return o.Lvl.read(tr, t)
		}
		return skipElement(tr)
	})
}

func (x *xmlLvl) read(tr tokenReader, start xml.StartElement) error {
	setAttr(start, "ilvl", &x.Ilvl)
	return readChildren(tr, func(t xml.StartElement) error {
		switch t.Name.Local {
		case "start":
			return readValPtr(tr, t, &x.Start)
		case "numFmt":
			return readVal(tr, t, &x.NumFmt)
		case "lvlText":
			return readValPtr(tr, t, &x.LvlText)
		case "lvlRestart":
			return readValPtr(tr, t, &x.Restart)
		case "pStyle":
			return readVal(tr, t, &x.PStyle)
		case "isLgl":
			return readValPtr(tr, t, &x.IsLgl)
		case "suff":
			return readVal(tr, t, &x.Suff)
		}
		return skipElement(tr)
	})
}

// counters are the current numbers of the levels of a list definition.
type counters struct {
	value [9]int
	used  [9]bool
}

// resolveLink follows w:numStyleLink: an abstract definition that only names a
// numbering style takes its levels from the list that style is in.
func resolveLink(id string, links, byID map[string]string, st *styleSheet) string {
	for range 8 {
		link := links[id]
		if link == "" {
			return id
		}
		np := st.numPr(link)
		if np == nil || np.NumID == nil || byID[np.NumID.Val] == "" {
			return id
		}
		id = byID[np.NumID.Val]
	}
	return id
}

// label counts a paragraph, on numbering from counting, in list numID at level ilvl (-1: the level whose
// w:pStyle is style, else 0) and returns the text Word shows before it: the
// level text with its numbers, and the separator that makes it read like a
// typed heading number. Bullets and unknown lists give "".
func (n *numbering) label(numID string, ilvl int, style string) string {
	l := n.lists[numID]
	if l == nil {
		return ""
	}
	if ilvl < 0 {
		ilvl = 0
		for k, lv := range l.levels {
			if lv != nil && style != "" && lv.pStyle == style {
				ilvl = k
			}
		}
	}
	if ilvl >= 9 || l.levels[ilvl] == nil {
		return ""
	}
	c := n.counters[l.abstract]
	if c == nil {
		c = &counters{}
		n.counters[l.abstract] = c
	}
	if !n.seen[numID] {
		n.seen[numID] = true
		for _, k := range l.restarts {
			c.used[k] = false
		}
	}
	lv := l.levels[ilvl]
	if c.used[ilvl] {
		c.value[ilvl]++
	} else {
		c.value[ilvl], c.used[ilvl] = lv.start, true
	}
	for k := ilvl + 1; k < 9; k++ {
		if deeper := l.levels[k]; deeper != nil && (deeper.restart < 0 || ilvl < deeper.restart) {
			c.used[k] = false
		}
	}
	if lv.format == "bullet" {
		return ""
	}
	text := l.render(lv, c)
	if text == "" {
		return ""
	}
	return text + separator(lv.suffix, text)
}

// render fills the placeholders of lv's level text with the current numbers.
func (l *list) render(lv *level, c *counters) string {
	var sb strings.Builder
	s := lv.text
	for i := 0; i < len(s); i++ {
		if s[i] != '%' || i+1 == len(s) || s[i+1] < '1' || s[i+1] > '9' {
			sb.WriteByte(s[i])
			continue
		}
		k := int(s[i+1] - '1')
		i++
		ref := l.levels[k]
		if ref == nil {
			continue
		}
		v := ref.start // a level above that was never used shows its start
		if c.used[k] {
			v = c.value[k]
		}
		format := ref.format
		if lv.legal && format != "none" && format != "bullet" {
			format = "decimal"
		}
		sb.WriteString(formatNumber(format, v))
	}
	return sb.String()
}

// separator is what follows the number. Word puts a tab there by default, a
// layout device: after punctuation (一、 （一） 1.) nothing, so the text reads
// as typed, else a space so that the number does not run into the text.
func separator(suff, text string) string {
	if suff == "nothing" {
		return ""
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	if unicode.IsPunct(r) || unicode.IsSymbol(r) || (r >= 0x2460 && r <= 0x24FF) {
		return ""
	}
	return " "
}
