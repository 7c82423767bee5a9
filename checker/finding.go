// Package checker runs the rules of the active packs over a document and its
// outline and returns located findings. Each rule kind is one file.
package checker

import (
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// Fix is a safe replacement of the text in Range.
type Fix struct {
	Range doc.Range `json:"range"`
	Text  string    `json:"text"`
}

// Finding is one located problem.
type Finding struct {
	Rule     string         `json:"rule"` // "pack/rule"
	Severity rules.Severity `json:"severity"`
	Message  string         `json:"message"`
	Source   string         `json:"source"`
	Range    doc.Range      `json:"range"`
	Excerpt  string         `json:"excerpt"` // exactly doc.Text[Range.Start.Offset:Range.End.Offset]
	Fix      *Fix           `json:"fix"`
}

// Suppressed is a finding that a suppression accepted, with why: it is not
// counted, and printers that can say so list it as suppressed.
type Suppressed struct {
	Finding
	// InSource is set when the suppression is a comment in the document,
	// clear when it is outside (the config's ignore list, a baseline).
	InSource      bool
	Justification string
}

// FileError is why a file could not be checked.
type FileError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// FileResult is the outcome of checking one input.
type FileResult struct {
	Path     string     `json:"path"`
	Format   string     `json:"format"`
	Encoding string     `json:"encoding"`
	Error    *FileError `json:"error"`
	Findings []Finding  `json:"findings"`
	// Suppressed are the findings suppressions accepted, not in Findings.
	Suppressed []Suppressed  `json:"suppressed"`
	Doc        *doc.Document `json:"-"` // nil when Error is set
	// Outline is the outline the check built, for views of the result (the
	// checklist); nil when Error is set.
	Outline *outline.Outline `json:"-"`
}
