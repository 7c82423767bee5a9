// Package output prints check results and outlines: one file per format, each
// printer built with New<Format>(w, opts) and written to with Print.
package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// Options are what the printers need from the command line. A printer ignores
// the fields that do not concern its format.
type Options struct {
	// Color turns on ANSI colors in the text format; see ColorWanted.
	Color bool
	// Rules are all the active rules, for SARIF's tool.driver.rules.
	Rules []rules.Rule
	// Version is fzlint's version, for SARIF's tool.driver.version.
	Version string
	// Pretty indents JSON output (--pretty, or a terminal); it is compact
	// otherwise.
	Pretty bool
	// Review, when set, gives the HTML report a file's outline (to group
	// the findings by part) and its checklist (shown on top).
	Review func(r checker.FileResult) (*outline.Outline, *checklist.List)
	// NoChecklist leaves the checklists out of text output (hooks, CI logs).
	NoChecklist bool
}

// Printer writes the results of one run in one format. File is called once per
// input as soon as it is checked, so a printer must not keep the Document
// (memory stays proportional to one file); Finish ends the output. Once File
// returns, a check may lend the file's memory to the next (checker/lend):
// what a printer keeps for Finish (counts, the text it holds back, a
// failed file's error) must be its own copy, never a string of the result.
type Printer interface {
	File(r checker.FileResult) error
	Finish() error
}

// PrintAll prints every result, then finishes.
func PrintAll(p Printer, results []checker.FileResult) error {
	for _, r := range results {
		if err := p.File(r); err != nil {
			return err
		}
	}
	return p.Finish()
}

// Formats lists the values New accepts, the first being the default.
var Formats = []string{"text", "json", "sarif", "github", "html", "checkstyle", "gitlab", "junit"}

// New returns the printer for format, one of Formats.
func New(format string, w io.Writer, opts Options) (Printer, error) {
	switch format {
	case "text":
		return NewText(w, opts), nil
	case "json":
		return NewJSON(w, opts), nil
	case "sarif":
		return NewSARIF(w, opts), nil
	case "github":
		return NewGitHub(w, opts), nil
	case "html":
		return NewHTML(w, opts), nil
	case "checkstyle":
		return NewCheckstyle(w, opts), nil
	case "gitlab":
		return NewGitLab(w, opts), nil
	case "junit":
		return NewJUnit(w, opts), nil
	}
	return nil, fmt.Errorf("未知的输出格式 %q（应为 %s）", format, strings.Join(Formats, "、"))
}

// OutlinePrinter writes what the linter understood of one document.
type OutlinePrinter interface {
	Print(d *doc.Document, o *outline.Outline) error
}

// OutlineFormats lists the values NewOutline accepts, the first being the default.
var OutlineFormats = []string{"text", "json"}

// NewOutline returns the outline printer for format, one of OutlineFormats.
func NewOutline(format string, w io.Writer, opts Options) (OutlinePrinter, error) {
	switch format {
	case "text":
		return NewOutlineText(w, opts), nil
	case "json":
		return NewOutlineJSON(w, opts), nil
	}
	return nil, fmt.Errorf("未知的输出格式 %q（应为 text 或 json）", format)
}

// summary counts a run's files and findings; its JSON form is fzlint/v1's "summary".
type summary struct {
	Files    int `json:"files"`
	Failed   int `json:"failed"` // files that could not be checked
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	// Suppressed counts the findings suppressions accepted, in no other count.
	Suppressed int `json:"suppressed"`
}

// add counts one more file's result. A config's result (its unused ignore
// entries: no document, no error) counts its findings but is not a file checked.
func (s *summary) add(r checker.FileResult) {
	if r.Doc != nil || r.Error != nil {
		s.Files++
	}
	s.Suppressed += len(r.Suppressed)
	if r.Error != nil {
		s.Failed++
	}
	for _, f := range r.Findings {
		switch f.Severity {
		case rules.Error:
			s.Errors++
		case rules.Warning:
			s.Warnings++
		case rules.Info:
			s.Infos++
		}
	}
}

// suppressionKind is SARIF's name for where a suppression is: "inSource" for
// a comment in the document, "external" for the config or a baseline.
func suppressionKind(s checker.Suppressed) string {
	if s.InSource {
		return "inSource"
	}
	return "external"
}
