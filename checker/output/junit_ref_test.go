package output

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"testing"

	"github.com/fzlint/fzlint/checker"
)

// refJUnit is the JUnit printer as it was before it wrote its XML itself:
// each test case built in structs and printed by encoding/xml.
// TestJUnitAsMarshalled holds the printer to it byte for byte.
type refJUnit struct {
	w        io.Writer
	cases    bytes.Buffer
	tests    int
	failures int
	errors   int
}

type refJUnitCase struct {
	XMLName   xml.Name          `xml:"testcase"`
	Name      string            `xml:"name,attr"`
	ClassName string            `xml:"classname,attr"`
	Failures  []refJUnitProblem `xml:"failure"`
	Errors    []refJUnitProblem `xml:"error"`
}

type refJUnitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func (p *refJUnit) File(r checker.FileResult) error {
	c := refJUnitCase{Name: r.Path, ClassName: "fzlint"}
	if r.Error != nil {
		c.Errors = append(c.Errors, refJUnitProblem{Message: r.Error.Message, Type: r.Error.Code,
			Text: fmt.Sprintf("%s: %s [%s]", r.Path, r.Error.Message, r.Error.Code)})
	}
	for _, f := range r.Findings {
		c.Failures = append(c.Failures, refJUnitProblem{Message: f.Message, Type: f.Rule,
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

func (p *refJUnit) Finish() error {
	counts := fmt.Sprintf(`tests="%d" failures="%d" errors="%d"`, p.tests, p.failures, p.errors)
	_, err := fmt.Fprintf(p.w, "%s<testsuites name=\"fzlint\" %s>\n  <testsuite name=\"fzlint\" %s skipped=\"0\">\n%s  </testsuite>\n</testsuites>\n",
		xml.Header, counts, counts, p.cases.Bytes())
	return err
}

// junitBoth prints results with the printer and the marshalled one.
func junitBoth(t testing.TB, results []checker.FileResult) (got, want string) {
	return printBoth(t, results,
		func(w io.Writer) Printer { return NewJUnit(w, Options{}) },
		func(w io.Writer) Printer { return &refJUnit{w: w} })
}

// TestJUnitAsMarshalled: the printer writes what encoding/xml wrote, on
// the fixture, the seeds and testdata/reports, and results full of
// strings XML escapes.
func TestJUnitAsMarshalled(t *testing.T) {
	fixed := fixture(t)
	cases := map[string][]checker.FileResult{"fixture": fixed, "errors": fixed[1:2], "clean": fixed[3:], "empty": nil}
	for i, s := range xmlCases {
		cases["odd "+string(rune('a'+i))] = oddResults(t, s)
	}
	seeds := seedsAndReports(t)
	cases["seeds and reports"] = seeds
	for name, results := range cases {
		if got, want := junitBoth(t, results); got != want {
			t.Errorf("%s: the printer wrote\n%s\nencoding/xml:\n%s", name, clipText(got), clipText(want))
		}
	}
}

func FuzzJUnitAsMarshalled(f *testing.F) {
	for _, s := range xmlCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := junitBoth(t, oddResults(t, s)); got != want {
			t.Errorf("the printer wrote\n%s\nencoding/xml:\n%s", got, want)
		}
	})
}
