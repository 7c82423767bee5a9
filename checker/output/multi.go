package output

import (
	"errors"

	"github.com/fzlint/fzlint/checker"
)

// Multi prints one run in several formats at once (a SARIF file for upload
// and text for the log): each result goes to every printer in turn.
type Multi []Printer

// File hands r to every printer; a printer that fails does not stop the
// others.
func (m Multi) File(r checker.FileResult) error {
	var errs []error
	for _, p := range m {
		errs = append(errs, p.File(r))
	}
	return errors.Join(errs...)
}

// Finish finishes every printer.
func (m Multi) Finish() error {
	var errs []error
	for _, p := range m {
		errs = append(errs, p.Finish())
	}
	return errors.Join(errs...)
}
