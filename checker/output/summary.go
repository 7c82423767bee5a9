package output

import (
	"fmt"
	"io"

	"github.com/fzlint/fzlint/checker"
)

// Summary prints only the one-line summary of a run, for a run whose
// findings go to files (--format sarif:fzlint.sarif): its log still says
// what was found.
type Summary struct {
	w       io.Writer
	summary summary
}

// NewSummary returns a Summary printer writing to w.
func NewSummary(w io.Writer) *Summary {
	return &Summary{w: w}
}

// File counts r.
func (p *Summary) File(r checker.FileResult) error {
	p.summary.add(r)
	return nil
}

// Finish prints the summary line.
func (p *Summary) Finish() error {
	_, err := fmt.Fprintln(p.w, summaryLine(p.summary))
	return err
}
