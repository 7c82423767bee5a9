package output

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// Checkstyle prints Checkstyle's XML report, which CI servers (Jenkins'
// Warnings plugin, reviewdog, SonarQube) read: a <file> per input with an
// <error> per finding, lines and columns 1-based (columns in code points),
// severities error, warning and info, the rule as source. A file that could
// not be read is a <file> with one error, its source fzlint/<code>.
// Suppressed findings are left out: the format has no place for them. It
// streams, one <file> as each input is checked.
type Checkstyle struct {
	w      io.Writer
	opened bool
	// buf holds a file's <file> on its way to w, reused from file to file.
	buf []byte
}

// NewCheckstyle returns a Checkstyle printer writing to w.
func NewCheckstyle(w io.Writer, _ Options) *Checkstyle {
	return &Checkstyle{w: w}
}

const checkstyleOpening = xml.Header + `<checkstyle version="4.3">` + "\n"

// File writes the input's <file> element, indented as encoding/xml's
// MarshalIndent indented it: an <error> a line, an empty element closed on
// its own line.
func (p *Checkstyle) File(r checker.FileResult) error {
	b := p.buf[:0]
	if !p.opened {
		b, p.opened = append(b, checkstyleOpening...), true
	}
	b = append(b, `  <file name="`...)
	b = appendXMLEscaped(b, r.Path)
	b = append(b, `">`...)
	if r.Error != nil {
		b = appendCheckstyleError(b, 1, 0, "error", r.Error.Message, "fzlint/"+r.Error.Code)
	}
	for _, x := range r.Findings {
		b = appendCheckstyleError(b, x.Range.Start.Line, x.Range.Start.Column, checkstyleSeverity(x.Severity), x.Message, x.Rule)
	}
	if r.Error != nil || len(r.Findings) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "</file>\n"...)
	p.buf = b
	_, err := p.w.Write(b)
	return err
}

// appendCheckstyleError appends an <error> on a line of its own; a column
// of 0 is left out.
func appendCheckstyleError(b []byte, line, column int, severity, message, source string) []byte {
	b = append(b, `
    <error line="`...)
	b = strconv.AppendInt(b, int64(line), 10)
	if column != 0 {
		b = append(b, `" column="`...)
		b = strconv.AppendInt(b, int64(column), 10)
	}
	b = append(b, `" severity="`...)
	b = appendXMLEscaped(b, severity)
	b = append(b, `" message="`...)
	b = appendXMLEscaped(b, message)
	b = append(b, `" source="`...)
	b = appendXMLEscaped(b, source)
	return append(b, `"></error>`...)
}

// Finish closes the report.
func (p *Checkstyle) Finish() error {
	lead := ""
	if !p.opened {
		lead, p.opened = checkstyleOpening, true
	}
	_, err := io.WriteString(p.w, lead+"</checkstyle>\n")
	return err
}

func checkstyleSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "info"
}
