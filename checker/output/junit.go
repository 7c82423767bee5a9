package output

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/fzlint/fzlint/checker"
)

// JUnit prints a JUnit XML report, which CI servers show as test results:
// one test suite, a test case per input (named by its path), a <failure>
// per finding and an <error> for a file that could not be read. The
// suite's counts come first in the XML, so the test cases are held (as
// text, never a Document) until Finish. Suppressed findings are left out.
type JUnit struct {
	w        io.Writer
	cases    bytes.Buffer
	tests    int
	failures int
	errors   int
}

// NewJUnit returns a JUnit printer writing to w.
func NewJUnit(w io.Writer, _ Options) *JUnit {
	return &JUnit{w: w}
}

type junitCase struct {
	XMLName   xml.Name       `xml:"testcase"`
	Name      string         `xml:"name,attr"`
	ClassName string         `xml:"classname,attr"`
	Failures  []junitProblem `xml:"failure"`
	Errors    []junitProblem `xml:"error"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// File adds the input's test case.
func (p *JUnit) File(r checker.FileResult) error {
	c := junitCase{Name: r.Path, ClassName: "fzlint"}
	if r.Error != nil {
		c.Errors = append(c.Errors, junitProblem{Message: r.Error.Message, Type: r.Error.Code,
			Text: fmt.Sprintf("%s: %s [%s]", r.Path, r.Error.Message, r.Error.Code)})
	}
	for _, f := range r.Findings {
		c.Failures = append(c.Failures, junitProblem{Message: f.Message, Type: f.Rule,
			Text: fmt.Sprintf("%s:%d:%d: %s: %s [%s]", r.Path, f.Range.Start.Line, f.Range.Start.Column, f.Severity, f.Message, f.Rule)})
	}
	out, err := xml.MarshalIndent(c, "    ", "  ")
	if err != nil {
		return err
	}
	p.tests++
	p.failures += len(c.Failures)
	p.errors += len(c.Errors)
	p.cases.Write(out)
	p.cases.WriteByte('\n')
	return nil
}

// Finish writes the report.
func (p *JUnit) Finish() error {
	counts := fmt.Sprintf(`tests="%d" failures="%d" errors="%d"`, p.tests, p.failures, p.errors)
	_, err := fmt.Fprintf(p.w, "%s<testsuites name=\"fzlint\" %s>\n  <testsuite name=\"fzlint\" %s skipped=\"0\">\n%s  </testsuite>\n</testsuites>\n",
		xml.Header, counts, counts, p.cases.Bytes())
	return err
}
