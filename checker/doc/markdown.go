package doc

import "strings"

// readMarkdown reads a Markdown file: ATX headings ("# ...") are marked as headings,
// fenced code blocks and YAML front matter are marked Skip. Indented blocks are
// not taken for code: reports indent paragraphs with spaces.
func readMarkdown(path string, data []byte, opts Options) (*Document, error) {
	text, enc, err := decode(path, data, opts.Encoding, opts.owned)
	if err != nil {
		return nil, err
	}
	d := newDocument(path, FormatMarkdown, enc, text, validDecoded(enc, text))
	d.Source = data
	fence := ""
	for i := range d.Lines {
		l := &d.Lines[i]
		s := d.Text[l.Start:l.End]
		trimmed := strings.TrimLeft(s, " ")
		switch {
		case i == 0 && s == "---":
			fence = "---"
			l.Skip = true
		case fence != "":
			l.Skip = true
			if strings.HasPrefix(trimmed, fence) && strings.TrimSpace(strings.TrimLeft(trimmed, fence[:1])) == "" {
				fence = ""
			}
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			l.Skip = true
		case l.Skip: // inside a comment that stands on lines of its own
		default:
			l.Heading = atxLevel(trimmed)
			d.Comments = append(d.Comments, markdownComments(d, i)...)
		}
	}
	return d, nil
}

// markdownComments returns the <!-- --> comments that open on line n (from
// 0); a comment runs to its "-->", on a later line if need be, or to the end
// of the text if it is never closed. Lines that hold nothing but comments are
// no prose: they are marked Skip.
func markdownComments(d *Document, n int) []Comment {
	l := &d.Lines[n]
	var out []Comment
	for at := l.Start; at < l.End; {
		i := strings.Index(d.Text[at:l.End], "<!--")
		if i < 0 {
			break
		}
		start := at + i
		inner := start + len("<!--")
		end := len(d.Text)
		innerEnd := end
		if j := strings.Index(d.Text[inner:], "-->"); j >= 0 {
			innerEnd = inner + j
			end = innerEnd + len("-->")
		}
		out = append(out, Comment{Text: strings.TrimSpace(d.Text[inner:innerEnd]), Start: start, End: end})
		at = end
	}
	if len(out) == 0 {
		return nil
	}
	last := d.LineAt(out[len(out)-1].End) - 1
	prose, from := false, l.Start
	for _, c := range out {
		prose = prose || strings.TrimSpace(d.Text[from:c.Start]) != ""
		from = c.End
	}
	if !prose && strings.TrimSpace(d.Text[from:d.Lines[last].End]) == "" {
		for i := n; i <= last; i++ {
			d.Lines[i].Skip = true
		}
	}
	return out
}

// atxLevel returns the level of an ATX heading line ("## x" → 2), 0 if s is not one.
func atxLevel(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(s) && s[n] != ' ' && s[n] != '\t') {
		return 0
	}
	return n
}
