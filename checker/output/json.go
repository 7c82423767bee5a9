package output

import (
	"encoding/json"
	"io"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// JSONSchema names the contract JSON prints (DESIGN.md, "JSON output").
const JSONSchema = "fzlint/v1"

// JSON prints one fzlint/v1 object for the whole run.
type JSON struct {
	w       io.Writer
	files   []jsonFile
	summary summary
}

// NewJSON returns a JSON printer writing to w.
func NewJSON(w io.Writer, _ Options) *JSON {
	return &JSON{w: w, files: []jsonFile{}}
}

// The wire types are spelled out here rather than taken from checker's structs
// so that a field added there cannot silently change the contract.
type jsonReport struct {
	Schema  string     `json:"schema"`
	Files   []jsonFile `json:"files"`
	Summary summary    `json:"summary"`
}

type jsonFile struct {
	Path     string             `json:"path"`
	Format   string             `json:"format"`
	Encoding string             `json:"encoding"`
	Error    *checker.FileError `json:"error"`
	Findings []jsonFinding      `json:"findings"`
}

type jsonFinding struct {
	Rule     string       `json:"rule"`
	Severity string       `json:"severity"`
	Message  string       `json:"message"`
	Source   string       `json:"source"`
	Range    doc.Range    `json:"range"`
	Excerpt  string       `json:"excerpt"`
	Fix      *checker.Fix `json:"fix"`
}

// File records one file's result for the report Finish writes. Empty lists
// are [] and absent values null, never left out, so that consumers need no
// defaults.
func (p *JSON) File(r checker.FileResult) error {
	p.summary.add(r)
	f := jsonFile{Path: r.Path, Format: r.Format, Encoding: r.Encoding, Error: r.Error,
		Findings: make([]jsonFinding, 0, len(r.Findings))}
	for _, x := range r.Findings {
		f.Findings = append(f.Findings, jsonFinding{Rule: x.Rule, Severity: x.Severity.String(),
			Message: x.Message, Source: x.Source, Range: x.Range, Excerpt: x.Excerpt, Fix: x.Fix})
	}
	p.files = append(p.files, f)
	return nil
}

// Finish writes the whole report.
func (p *JSON) Finish() error {
	return encodeJSON(p.w, jsonReport{Schema: JSONSchema, Files: p.files, Summary: p.summary})
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
