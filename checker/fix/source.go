package fix

import (
	"errors"
	"sort"

	"github.com/fzlint/fzlint/checker/doc"
)

// errMismatch: the source bytes do not decode to the document's text where a
// fix is, so the fix cannot be placed in them.
var errMismatch = errors.New("文件内容与读入的文字对不上")

// sourceMap places offsets of a document's Text in its Source bytes: the line
// ends are found in the source, and within a line characters are decoded one
// by one, each with its own byte length in the file's encoding.
type sourceMap struct {
	d      *doc.Document
	c      *codec
	starts []int // source offset of each line's first byte
	ends   []int // source offset just past each line's text, before its line end
	// The last place found: fixes are placed from left to right, so a walk
	// along a long line goes on from there instead of from the line's start.
	curLine, curText, curSrc int
}

func newSourceMap(d *doc.Document, c *codec) (*sourceMap, error) {
	src := d.Source
	m := &sourceMap{d: d, c: c, curLine: -1}
	start := c.bomLen(src)
	for i := start; i+c.unit <= len(src); {
		u := c.unitAt(src, i)
		if u != '\r' && u != '\n' {
			i += c.unit
			continue
		}
		m.starts, m.ends = append(m.starts, start), append(m.ends, i)
		i += c.unit
		if u == '\r' && i+c.unit <= len(src) && c.unitAt(src, i) == '\n' {
			i += c.unit
		}
		start = i
	}
	m.starts, m.ends = append(m.starts, start), append(m.ends, len(src))
	if len(m.starts) != len(d.Lines) {
		return nil, errMismatch
	}
	return m, nil
}

// line is the 0-based line of Text holding offset off (its "\n" included).
func (m *sourceMap) line(off int) int {
	lines := m.d.Lines
	i := sort.Search(len(lines), func(i int) bool { return lines[i].End >= off })
	return min(i, len(lines)-1)
}

// toSource returns the source offset of Text offset off, which must fall on a
// character boundary.
func (m *sourceMap) toSource(off int) (int, error) {
	n := m.line(off)
	l := m.d.Lines[n]
	if off < l.Start || off > l.End {
		return 0, errMismatch
	}
	if off == l.End {
		return m.ends[n], nil
	}
	s, t := m.starts[n], l.Start
	if m.curLine == n && m.curText <= off && m.curText >= t {
		s, t = m.curSrc, m.curText
	}
	for t < off && s < m.ends[n] {
		size := m.c.charLen(m.d.Source[s:m.ends[n]])
		ch, ok := m.c.decodeChar(m.d.Source[s : s+size])
		if !ok || t+len(ch) > len(m.d.Text) || m.d.Text[t:t+len(ch)] != ch {
			return 0, errMismatch
		}
		s, t = s+size, t+len(ch)
	}
	if t != off {
		return 0, errMismatch
	}
	m.curLine, m.curText, m.curSrc = n, t, s
	return s, nil
}

// eol is the source line end a replacement's "\n" becomes at Text offset off:
// the line end of that line, or for the last line the one before it.
func (m *sourceMap) eol(off int) string {
	for n := m.line(off); n >= 0; n-- {
		if e := m.d.Lines[n].EOL; e != "" {
			return e
		}
	}
	return "\n"
}
