package output

import (
	"encoding/xml"
	"fmt"
	"io"

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
}

// NewCheckstyle returns a Checkstyle printer writing to w.
func NewCheckstyle(w io.Writer, _ Options) *Checkstyle {
	return &Checkstyle{w: w}
}

type checkstyleError struct {
	XMLName  xml.Name `xml:"error"`
	Line     int      `xml:"line,attr"`
	Column   int      `xml:"column,attr,omitempty"`
	Severity string   `xml:"severity,attr"`
	Message  string   `xml:"message,attr"`
	Source   string   `xml:"source,attr"`
}

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

const checkstyleOpening = xml.Header + `<checkstyle version="4.3">` + "\n"

// File writes the input's <file> element.
func (p *Checkstyle) File(r checker.FileResult) error {
	f := checkstyleFile{Name: r.Path}
	if r.Error != nil {
		f.Errors = append(f.Errors, checkstyleError{Line: 1, Severity: "error", Message: r.Error.Message, Source: "fzlint/" + r.Error.Code})
	}
	for _, x := range r.Findings {
		f.Errors = append(f.Errors, checkstyleError{Line: x.Range.Start.Line, Column: x.Range.Start.Column,
			Severity: checkstyleSeverity(x.Severity), Message: x.Message, Source: x.Rule})
	}
	out, err := xml.MarshalIndent(f, "  ", "  ")
	if err != nil {
		return err
	}
	lead := ""
	if !p.opened {
		lead, p.opened = checkstyleOpening, true
	}
	_, err = fmt.Fprintf(p.w, "%s%s\n", lead, out)
	return err
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
