package doc

import (
	"errors"
	"io"
	"path"
	"strings"

	"github.com/fzlint/fzlint/checker/doc/wordxml"
)

// commentMark is where a Word comment's range starts or ends in a paragraph:
// w:commentRangeStart and w:commentRangeEnd, at a byte offset of its text.
type commentMark struct {
	id  string
	end bool
	at  int
}

// shiftMarks returns marks moved by n bytes (the rendered number, or the text
// of a paragraph this one continues, comes before them).
func shiftMarks(marks []commentMark, n int) []commentMark {
	out := make([]commentMark, len(marks))
	for i, m := range marks {
		m.at += n
		out[i] = m
	}
	return out
}

// comments reads the comments part (word/comments.xml) of the main part in
// dir: comment id → its text, paragraphs joined by a space. A document
// without comments has no such part.
func (p *docxPackage) comments(dir, rels string) (map[string]string, error) {
	name, err := p.target(dir, rels, "comments", path.Join(dir, "comments.xml"))
	if err != nil {
		return nil, err
	}
	b, err := p.read(name)
	if err != nil || b == nil {
		return nil, err
	}
	texts, err := parseComments(b)
	if err != nil {
		return nil, xmlError(p.path, name, err)
	}
	return texts, nil
}

// parseComments reads the w:comment elements of a comments part.
func parseComments(b []byte) (map[string]string, error) {
	var texts map[string]string
	err := newXMLPart(b).read(func(tokens tokenReader) (err error) {
		texts, err = readComments(tokens)
		return err
	})
	return texts, err
}

func readComments(tr tokenReader) (map[string]string, error) {
	texts := map[string]string{}
	var id string
	var paras []string
	var sb strings.Builder
	in := false
	for {
		tok, err := tr.next()
		if errors.Is(err, io.EOF) {
			return texts, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.elem; tok.kind {
		case tokStart:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "comment":
				id, paras, in = wordxml.Attr(t, "id"), nil, true
			case "t":
				if !in {
					continue
				}
				s, err := elementText(tr)
				if err != nil {
					return nil, err
				}
				sb.WriteString(s)
			case "tab":
				sb.WriteByte(' ')
			}
		case tokEnd:
			if !isW(t.Name) || !in {
				continue
			}
			switch t.Name.Local {
			case "p":
				paras = append(paras, sb.String())
				sb.Reset()
			case "comment":
				if sb.Len() > 0 {
					paras = append(paras, sb.String())
					sb.Reset()
				}
				texts[id] = strings.TrimSpace(strings.Join(paras, " "))
				in = false
			}
		}
	}
}

// commentRanges places each comment with a text on the range between its
// commentRangeStart and commentRangeEnd, as offsets in d.Text. A range that
// never ends runs to the end of the text; a comment without a range mark is
// not placed, as it comments on nothing that fzlint reads.
func commentRanges(d *Document, paras []paragraph, texts map[string]string) []Comment {
	if len(texts) == 0 {
		return nil
	}
	starts := map[string]int{}
	var order []string
	ends := map[string]int{}
	for i, p := range paras {
		base := d.Lines[i].Start
		for _, m := range p.marks {
			switch {
			case !m.end:
				if _, ok := starts[m.id]; !ok {
					starts[m.id] = base + m.at
					order = append(order, m.id)
				}
			default:
				ends[m.id] = base + m.at
			}
		}
	}
	var out []Comment
	for _, id := range order {
		text, ok := texts[id]
		if !ok {
			continue
		}
		end, ok := ends[id]
		if !ok || end < starts[id] {
			end = len(d.Text)
		}
		out = append(out, Comment{Text: text, Start: starts[id], End: end})
	}
	return out
}
