package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/fzlint/fzlint/checker"
)

// JUnit prints a JUnit XML report, which CI servers show as test results:
// one test suite, a test case per input (named by its path), a <failure>
// per finding and an <error> for a file that could not be read. The
// suite's counts come first in the XML, so the test cases are held (as
// text, never a Document) until Finish. Suppressed findings are left out.
type JUnit struct {
	w        io.Writer
	cases    []byte
	tests    int
	failures int
	errors   int
}

// NewJUnit returns a JUnit printer writing to w.
func NewJUnit(w io.Writer, _ Options) *JUnit {
	return &JUnit{w: w}
}

// File adds the input's test case, indented as encoding/xml's
// MarshalIndent indented it: a problem a line, its text saying where and
// what, an empty test case closed on its own line.
func (p *JUnit) File(r checker.FileResult) error {
	b := p.cases
	b = append(b, `    <testcase name="`...)
	b = appendXMLEscaped(b, r.Path)
	b = append(b, `" classname="fzlint">`...)
	for _, f := range r.Findings {
		b = appendJUnitProblem(b, "failure", f.Message, f.Rule)
		b = appendXMLEscaped(b, r.Path)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Range.Start.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Range.Start.Column), 10)
		b = append(b, ": "...)
		b = appendXMLEscaped(b, f.Severity.String())
		b = appendJUnitText(b, f.Message, f.Rule)
		b = append(b, "</failure>"...)
	}
	if r.Error != nil {
		b = appendJUnitProblem(b, "error", r.Error.Message, r.Error.Code)
		b = appendXMLEscaped(b, r.Path)
		b = appendJUnitText(b, r.Error.Message, r.Error.Code)
		b = append(b, "</error>"...)
		p.errors++
	}
	if r.Error != nil || len(r.Findings) > 0 {
		b = append(b, "\n    "...)
	}
	b = append(b, "</testcase>\n"...)
	p.cases = b
	p.tests++
	p.failures += len(r.Findings)
	return nil
}

// appendJUnitProblem appends the start of a <failure> or <error> on a
// line of its own.
func appendJUnitProblem(b []byte, element, message, kind string) []byte {
	b = append(b, "\n      <"...)
	b = append(b, element...)
	b = append(b, ` message="`...)
	b = appendXMLEscaped(b, message)
	b = append(b, `" type="`...)
	b = appendXMLEscaped(b, kind)
	return append(b, `">`...)
}

// appendJUnitText appends the end of a problem's text: ": message [kind]".
func appendJUnitText(b []byte, message, kind string) []byte {
	b = append(b, ": "...)
	b = appendXMLEscaped(b, message)
	b = append(b, " ["...)
	b = appendXMLEscaped(b, kind)
	return append(b, ']')
}

// Finish writes the report, the suite's counts then the test cases held,
// in one write as before: the report may share its file with other output
// (junit:/dev/stdout), which must not land inside it.
func (p *JUnit) Finish() error {
	counts := fmt.Sprintf(`tests="%d" failures="%d" errors="%d"`, p.tests, p.failures, p.errors)
	head := fmt.Sprintf("%s<testsuites name=\"fzlint\" %s>\n  <testsuite name=\"fzlint\" %s skipped=\"0\">\n", xml.Header, counts, counts)
	const tail = "  </testsuite>\n</testsuites>\n"
	report := make([]byte, 0, len(head)+len(p.cases)+len(tail))
	report = append(append(append(report, head...), p.cases...), tail...)
	_, err := p.w.Write(report)
	return err
}
