package output

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// JSONSchema names the contract JSON prints (DESIGN.md, "JSON output").
const JSONSchema = "fzlint/v1"

// JSON prints one fzlint/v1 object for the whole run. It streams: each file's
// entry is written as the file is checked, the summary at the end, so a run
// over many files holds one file's findings at a time.
type JSON struct {
	w       io.Writer
	started bool // the opening and the first file's entry are written
	summary summary
}

// NewJSON returns a JSON printer writing to w.
func NewJSON(w io.Writer, _ Options) *JSON {
	return &JSON{w: w}
}

// The wire types are spelled out here rather than taken from checker's structs
// so that a field added there cannot silently change the contract.
type jsonFile struct {
	Path     string             `json:"path"`
	Format   string             `json:"format"`
	Encoding string             `json:"encoding"`
	Error    *checker.FileError `json:"error"`
	Findings []jsonFinding      `json:"findings"`
	// Suppressed are the findings suppressions accepted, with why.
	Suppressed []jsonSuppressed `json:"suppressed"`
}

type jsonSuppressed struct {
	jsonFinding
	Kind          string `json:"kind"` // "inSource" (a comment in the document) or "external"
	Justification string `json:"justification"`
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

// File writes one file's entry. Empty lists are [] and absent values null,
// never left out, so that consumers need no defaults.
func (p *JSON) File(r checker.FileResult) error {
	p.summary.add(r)
	f := jsonFile{Path: r.Path, Format: r.Format, Encoding: r.Encoding, Error: r.Error,
		Findings: make([]jsonFinding, 0, len(r.Findings))}
	for _, x := range r.Findings {
		f.Findings = append(f.Findings, jsonFinding{Rule: x.Rule, Severity: x.Severity.String(),
			Message: x.Message, Source: x.Source, Range: x.Range, Excerpt: x.Excerpt, Fix: x.Fix})
	}
	f.Suppressed = make([]jsonSuppressed, 0, len(r.Suppressed))
	for _, x := range r.Suppressed {
		f.Suppressed = append(f.Suppressed, jsonSuppressed{jsonFinding{Rule: x.Rule, Severity: x.Severity.String(),
			Message: x.Message, Source: x.Source, Range: x.Range, Excerpt: x.Excerpt, Fix: x.Fix},
			suppressionKind(x), x.Justification})
	}
	entry, err := indentJSON(f, "    ")
	if err != nil {
		return err
	}
	lead := ",\n    "
	if !p.started {
		lead, p.started = jsonOpening+"\n    ", true
	}
	_, err = io.WriteString(p.w, lead+entry)
	return err
}

// jsonOpening opens the report and its list of files.
const jsonOpening = "{\n  \"schema\": \"" + JSONSchema + "\",\n  \"files\": ["

// Finish closes the list of files and writes the summary: the report reads as
// one object indented by two spaces.
func (p *JSON) Finish() error {
	sum, err := indentJSON(p.summary, "  ")
	if err != nil {
		return err
	}
	closing := "\n  ],\n"
	if !p.started {
		closing = jsonOpening + "],\n"
	}
	_, err = io.WriteString(p.w, closing+"  \"summary\": "+sum+"\n}\n")
	return err
}

// indentJSON encodes v indented by two spaces, its lines after the first
// starting with prefix, for a value nested in a larger document.
func indentJSON(v any, prefix string) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// encodeJSON writes v as a document of its own.
func encodeJSON(w io.Writer, v any) error {
	text, err := indentJSON(v, "")
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, text+"\n")
	return err
}
