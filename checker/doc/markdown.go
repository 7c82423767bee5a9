package doc

import "strings"

// readMarkdown reads a Markdown file: ATX headings ("# ...") are marked as headings,
// fenced code blocks and YAML front matter are marked Skip. Indented blocks are
// not taken for code: reports indent paragraphs with spaces.
func readMarkdown(path string, data []byte, opts Options) (*Document, error) {
	text, enc, err := decode(path, data, opts.Encoding)
	if err != nil {
		return nil, err
	}
	d := New(path, FormatMarkdown, enc, text)
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
		default:
			l.Heading = atxLevel(trimmed)
		}
	}
	return d, nil
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
