package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"testing"

	"github.com/fzlint/fzlint/checker"
)

// refCheckstyle is the Checkstyle printer as it was before it wrote its
// XML itself: each <file> built in structs and printed by encoding/xml.
// TestCheckstyleAsMarshalled holds the printer to it byte for byte.
type refCheckstyle struct {
	w      io.Writer
	opened bool
}

type refCheckstyleError struct {
	XMLName  xml.Name `xml:"error"`
	Line     int      `xml:"line,attr"`
	Column   int      `xml:"column,attr,omitempty"`
	Severity string   `xml:"severity,attr"`
	Message  string   `xml:"message,attr"`
	Source   string   `xml:"source,attr"`
}

type refCheckstyleFile struct {
	XMLName xml.Name             `xml:"file"`
	Name    string               `xml:"name,attr"`
	Errors  []refCheckstyleError `xml:"error"`
}

func (p *refCheckstyle) File(r checker.FileResult) error {
	f := refCheckstyleFile{Name: r.Path}
	if r.Error != nil {
		f.Errors = append(f.Errors, refCheckstyleError{Line: 1, Severity: "error", Message: r.Error.Message, Source: "fzlint/" + r.Error.Code})
	}
	for _, x := range r.Findings {
		f.Errors = append(f.Errors, refCheckstyleError{Line: x.Range.Start.Line, Column: x.Range.Start.Column,
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

func (p *refCheckstyle) Finish() error {
	lead := ""
	if !p.opened {
		lead, p.opened = checkstyleOpening, true
	}
	_, err := io.WriteString(p.w, lead+"</checkstyle>\n")
	return err
}

// checkstyleBoth prints results with the printer and the marshalled one.
func checkstyleBoth(t testing.TB, results []checker.FileResult) (got, want string) {
	return printBoth(t, results,
		func(w io.Writer) Printer { return NewCheckstyle(w, Options{}) },
		func(w io.Writer) Printer { return &refCheckstyle{w: w} })
}

// TestCheckstyleAsMarshalled: the printer writes what encoding/xml wrote,
// on the fixture, the seeds and testdata/reports, and results full of
// strings XML escapes (a column of 0 included).
func TestCheckstyleAsMarshalled(t *testing.T) {
	fixed := fixture(t)
	cases := map[string][]checker.FileResult{"fixture": fixed, "errors": fixed[1:2], "clean": fixed[3:], "empty": nil}
	for i, s := range xmlCases {
		cases["odd "+string(rune('a'+i))] = columnZero(oddResults(t, s))
	}
	seeds := seedsAndReports(t)
	cases["seeds and reports"] = seeds
	for name, results := range cases {
		if got, want := checkstyleBoth(t, results); got != want {
			t.Errorf("%s: the printer wrote\n%s\nencoding/xml:\n%s", name, clipText(got), clipText(want))
		}
	}
}

// columnZero is results with their first finding's column 0, which
// Checkstyle leaves out.
func columnZero(results []checker.FileResult) []checker.FileResult {
	for _, r := range results {
		if len(r.Findings) > 0 {
			r.Findings[0].Range.Start.Column = 0
		}
	}
	return results
}

func FuzzCheckstyleAsMarshalled(f *testing.F) {
	for _, s := range xmlCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := checkstyleBoth(t, columnZero(oddResults(t, s))); got != want {
			t.Errorf("the printer wrote\n%s\nencoding/xml:\n%s", got, want)
		}
	})
}
