package annotate

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/fzlint/fzlint/checker/doc/wordxml"
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// unit is a piece of a run's content: a child element (or, for w:t, the
// whole text or a slice of it) and the text it prints.
type unit struct {
	start, end int    // raw byte range of the child element in document.xml
	text       string // what it prints ("" for a mark, a field code, hidden text)
	// splittable: a direct w:t whose text maps rune for rune to its content,
	// which may be cut inside.
	splittable bool
	isText     bool // a w:t
}

// run is one w:r of the body.
type run struct {
	start, end int    // raw byte range of the whole element
	open       string // its start tag as written
	rPr        string // its w:rPr as written, "" if none
	units      []unit
	hidden     bool
	// tracked: inside an existing w:ins or w:moveTo, where a new revision
	// may not nest.
	tracked bool
	// nested: holds paragraphs (a text box) or runs (ruby) of its own, and
	// is never split.
	nested bool
	depth  int
}

// segment is printed text of a paragraph: one unit of one run.
type segment struct {
	run  *run
	unit int
	pos  int // byte offset of the text in the paragraph's text
}

// para is one paragraph as the reader prints it: its text and where each
// piece of it comes from.
type para struct {
	text     strings.Builder
	segs     []segment
	after    []*para // text-box paragraphs anchored in it, printed after it
	prefix   *para   // the paragraph whose deleted mark joins it to this one
	cur      *run    // the run being read
	depth    int
	inPPr    bool
	deleted  bool // its paragraph mark is a tracked deletion: the next one continues it
	lastRun  *run // the last run that printed text, for marks at the paragraph's end
	pPrDepth int
}

var lineEnds = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// walker reads document.xml into paragraphs in the order checker/doc
// prints them, keeping the raw place of every run.
type walker struct {
	d      *xml.Decoder
	src    []byte
	out    []*para
	open   []*para
	joined *para
	depth  int
	ins    []int // depths of the open w:ins and w:moveTo
}

func walk(src []byte) ([]*para, error) {
	w := &walker{d: xml.NewDecoder(bytes.NewReader(src)), src: src}
	for {
		off := int(w.d.InputOffset())
		tok, err := w.d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := w.start(t, off); err != nil {
				return nil, err
			}
		case xml.EndElement:
			w.end(t)
		}
	}
	if w.joined != nil {
		w.out = append(w.out, w.joined)
	}
	return w.out, nil
}

func (w *walker) top() *para {
	if len(w.open) == 0 {
		return nil
	}
	return w.open[len(w.open)-1]
}

// skip consumes the rest of an element and returns where it ends.
func (w *walker) skip() (int, error) {
	err := w.d.Skip()
	return int(w.d.InputOffset()), err
}

func (w *walker) start(t xml.StartElement, off int) error {
	p := w.top()
	if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
		end, err := w.skip()
		w.childUnit(p, off, end)
		return err
	}
	w.depth++
	local := t.Name.Local
	// Paragraph properties are read by local name whatever the namespace, as
	// the reader (checker/doc) reads them: both must join the same paragraphs.
	if p != nil && p.inPPr {
		if local == "del" || local == "moveFrom" {
			p.deleted = true
		}
		if local == "pPrChange" || local == "del" || local == "moveFrom" {
			w.depth--
			_, err := w.skip()
			return err
		}
		return nil
	}
	if t.Name.Space != nsW {
		w.keepChild(p, off)
		return nil
	}
	if wordxml.Skipped(local) {
		w.depth--
		end, err := w.skip()
		w.childUnit(p, off, end)
		return err
	}
	switch local {
	case "p":
		np := &para{depth: w.depth}
		if p != nil && p.cur != nil {
			p.cur.nested = true
		}
		if w.joined != nil && len(w.open) == 0 {
			np.prefix, w.joined = w.joined, nil
		}
		w.open = append(w.open, np)
	case "pPr":
		if p != nil && w.depth == p.depth+1 {
			p.inPPr, p.pPrDepth = true, w.depth
		}
	case "ins", "moveTo":
		w.ins = append(w.ins, w.depth)
	case "r":
		if p == nil {
			return nil
		}
		if p.cur != nil { // a run inside a run (ruby): its text is the outer run's
			p.cur.nested = true
			return nil
		}
		open := int(w.d.InputOffset())
		p.cur = &run{start: off, open: string(w.src[off:open]), depth: w.depth, tracked: len(w.ins) > 0}
	case "rPr":
		if p != nil && p.cur != nil && w.depth == p.cur.depth+1 {
			w.depth--
			end, hidden, err := w.runProps()
			if err != nil {
				return err
			}
			p.cur.rPr, p.cur.hidden = string(w.src[off:end]), hidden
			return nil
		}
	case "t":
		s, err := wordxml.Text(w.d)
		w.depth--
		end := int(w.d.InputOffset())
		text := lineEnds.Replace(s)
		w.textUnit(p, off, end, text, text == s, true)
		return err
	case "tab", "ptab":
		w.depth--
		end, err := w.skip()
		w.textUnit(p, off, end, "\t", false, false)
		return err
	case "br", "cr":
		w.depth--
		end, err := w.skip()
		text := " "
		if typ := wordxml.Attr(t, "type"); typ == "page" || typ == "column" {
			text = ""
		}
		w.textUnit(p, off, end, text, false, false)
		return err
	case "noBreakHyphen":
		w.depth--
		end, err := w.skip()
		w.textUnit(p, off, end, "-", false, false)
		return err
	}
	w.keepChild(p, off)
	return nil
}

// keepChild records a child of the current run that is kept whole, as it
// is; anything deeper makes the run one that is never split.
func (w *walker) keepChild(p *para, off int) {
	if p == nil || p.cur == nil {
		return
	}
	switch {
	case w.depth == p.cur.depth+1:
		p.cur.units = append(p.cur.units, unit{start: off, end: -1})
	case w.depth > p.cur.depth+1:
		p.cur.nested = true
	}
}

// textUnit records printed text: a child of the run being read, or text
// nested deeper in one of its children (which then prints as part of it).
func (w *walker) textUnit(p *para, start, end int, text string, splittable, isText bool) {
	if p == nil || p.cur == nil {
		return
	}
	r := p.cur
	if r.hidden {
		text = ""
	}
	if w.depth == r.depth {
		r.units = append(r.units, unit{start: start, end: end, text: text, splittable: splittable && text != "", isText: isText})
	} else if n := len(r.units); n > 0 && text != "" {
		r.units[n-1].text += text
		r.units[n-1].splittable = false
		r.nested = true
		if k := len(p.segs); k > 0 && p.segs[k-1].run == r && p.segs[k-1].unit == n-1 {
			p.text.WriteString(text) // more of the same unit
			return
		}
	} else {
		return
	}
	if text != "" {
		p.segs = append(p.segs, segment{run: r, unit: len(r.units) - 1, pos: p.text.Len()})
		p.text.WriteString(text)
		p.lastRun = r
	}
}

// childUnit records a child of the current run that prints nothing.
func (w *walker) childUnit(p *para, start, end int) {
	if p == nil || p.cur == nil || w.depth != p.cur.depth {
		return
	}
	p.cur.units = append(p.cur.units, unit{start: start, end: end})
}

func (w *walker) end(t xml.EndElement) {
	p := w.top()
	defer func() { w.depth-- }()
	if n := len(w.ins); n > 0 && w.ins[n-1] == w.depth {
		w.ins = w.ins[:n-1]
	}
	if p == nil {
		return
	}
	off := int(w.d.InputOffset())
	if p.inPPr && w.depth == p.pPrDepth {
		p.inPPr = false
		return
	}
	if r := p.cur; r != nil {
		if w.depth == r.depth+1 {
			// The end of a child kept whole.
			if n := len(r.units); n > 0 && r.units[n-1].end < 0 {
				r.units[n-1].end = off
			}
		}
		if w.depth == r.depth && t.Name.Local == "r" {
			r.end = off
			p.cur = nil
		}
		return
	}
	if t.Name.Space == nsW && t.Name.Local == "p" && w.depth == p.depth {
		w.finish(p)
	}
}

// finish closes a paragraph, in the reader's order: a paragraph whose mark is
// deleted continues into the next; text boxes follow the paragraph holding them.
func (w *walker) finish(p *para) {
	w.open = w.open[:len(w.open)-1]
	if p.prefix != nil {
		p = join(p.prefix, p)
	}
	if p.deleted && len(w.open) == 0 {
		w.joined = p
		w.out = append(w.out, p.after...)
		p.after = nil
		return
	}
	done := append([]*para{p}, p.after...)
	p.after = nil
	if parent := w.top(); parent != nil {
		parent.after = append(parent.after, done...)
	} else {
		w.out = append(w.out, done...)
	}
}

// join makes one paragraph of a and b.
func join(a, b *para) *para {
	base := a.text.Len()
	for _, s := range b.segs {
		s.pos += base
		a.segs = append(a.segs, s)
	}
	a.text.WriteString(b.text.String())
	a.after = append(a.after, b.after...)
	if b.lastRun != nil {
		a.lastRun = b.lastRun
	}
	a.deleted = b.deleted
	return a
}

// runProps reads a w:rPr after its start element and tells whether the run
// is hidden; it returns the offset just past the element.
func (w *walker) runProps() (int, bool, error) {
	hidden := false
	for depth := 1; depth > 0; {
		tok, err := w.d.Token()
		if err != nil {
			return 0, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "rPrChange" {
				if err := w.d.Skip(); err != nil {
					return 0, false, err
				}
				continue
			}
			depth++
			if t.Name.Local == "vanish" || t.Name.Local == "specVanish" {
				v := wordxml.Attr(t, "val")
				hidden = v == "" || v == "1" || v == "true" || v == "on"
			}
		case xml.EndElement:
			depth--
		}
	}
	return int(w.d.InputOffset()), hidden, nil
}
