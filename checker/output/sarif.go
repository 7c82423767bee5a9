package output

import (
	"bufio"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/baseline"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// SARIF prints a SARIF 2.1.0 log with one run. It streams: the tool and its
// rules first, then each file's results as the file is checked, and the
// invocation (the files that could not be read) last, so a run over many
// files holds one file's results at a time. The log is written field by
// field (jsonWriter), indented by two spaces as encoding/json would indent
// it, without reflection.
type SARIF struct {
	out    jsonWriter
	opts   Options
	index  map[string]int // rule id → index in tool.driver.rules
	opened bool           // the log up to its results is written
	// failed are the files that could not be read, for the invocation's
	// notifications: copies, as a file's memory may be lent to the next.
	failed []sarifFailure
}

// sarifFailure is a file that could not be read: its URI and error.
type sarifFailure struct {
	uri, code, message string
}

// NewSARIF returns a SARIF printer writing to w. opts.Rules become the
// driver's rules and opts.Version its version.
func NewSARIF(w io.Writer, opts Options) *SARIF {
	index := make(map[string]int, len(opts.Rules))
	for i, r := range opts.Rules {
		index[r.ID] = i
	}
	return &SARIF{out: jsonWriter{w: bufio.NewWriterSize(w, textBuffer), pretty: true}, opts: opts, index: index}
}

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifInfoURI = "https://github.com/fzlint/fzlint"
)

// The log is {"$schema", "version", "runs": [{"tool", "columnKind",
// "results", "invocations"}]}, written piece by piece (open, File, Finish).
// columnKind is unicodeCodePoints: fzlint's columns count code points, not the
// UTF-16 code units SARIF assumes by default. "results": [] means checked and
// clean. Optional fields are left out, as omitempty would.

// sarifFingerprintKey names fzlint's fingerprint in partialFingerprints.
const sarifFingerprintKey = "fzlint/v1"

// File writes one file's results, or records its error for the
// invocation's notifications.
func (p *SARIF) File(r checker.FileResult) error {
	p.open()
	uri := sarifURI(r.Path)
	if r.Error != nil {
		p.failed = append(p.failed, sarifFailure{uri: uri,
			code: strings.Clone(r.Error.Code), message: strings.Clone(r.Error.Message)})
		return nil
	}
	fps := baseline.NewFingerprints(r.Path)
	for _, f := range r.Findings {
		p.result(r, uri, fps, f, nil)
	}
	for _, s := range r.Suppressed {
		p.result(r, uri, fps, s.Finding, &s)
	}
	return p.out.w.Flush()
}

// result writes the SARIF result of finding f of the file r, suppressed
// by s unless s is nil; fps are the file's fingerprints.
func (p *SARIF) result(r checker.FileResult, uri string, fps *baseline.Fingerprints, f checker.Finding, s *checker.Suppressed) {
	j := &p.out
	j.open('{')
	j.key("ruleId")
	j.str(f.Rule)
	if i, ok := p.index[f.Rule]; ok { // absent for a rule not in Options.Rules
		j.key("ruleIndex")
		j.int(i)
	}
	j.key("level")
	j.str(sarifLevel(f.Severity))
	j.key("message")
	j.textObject(f.Message)
	j.key("locations")
	j.open('[')
	j.open('{')
	j.key("physicalLocation")
	j.open('{')
	j.key("artifactLocation")
	j.sarifArtifact(uri)
	j.key("region")
	// For HTML the region is in the markup while the excerpt is
	// extracted text, so it is no snippet of the artifact.
	if r.Doc == nil || r.Doc.Locator == nil {
		j.sarifRegion(f.Range, &f.Excerpt)
	} else {
		j.sarifRegion(f.Range, nil)
	}
	j.close('}')
	j.close('}')
	j.close(']')
	if f.Fix != nil {
		j.key("fixes")
		j.sarifFix(uri, f.Fix)
	}
	// partialFingerprints carry the baseline's fingerprint, so that a
	// code-scanning platform tracks a finding across commits.
	j.key("partialFingerprints")
	j.open('{')
	j.key(sarifFingerprintKey)
	j.str(fps.Of(f, r.Doc))
	j.close('}')
	if s != nil {
		j.key("suppressions")
		j.open('[')
		j.open('{')
		j.key("kind")
		j.str(suppressionKind(*s))
		if s.Justification != "" {
			j.key("justification")
			j.str(s.Justification)
		}
		j.close('}')
		j.close(']')
	}
	j.close('}')
}

// sarifFix writes a fix's list of one change of one replacement: the
// region deleted and, unless the fix is a deletion, the text inserted.
func (j *jsonWriter) sarifFix(uri string, fix *checker.Fix) {
	j.open('[')
	j.open('{')
	j.key("artifactChanges")
	j.open('[')
	j.open('{')
	j.key("artifactLocation")
	j.sarifArtifact(uri)
	j.key("replacements")
	j.open('[')
	j.open('{')
	j.key("deletedRegion")
	j.sarifRegion(fix.Range, nil)
	if fix.Text != "" {
		j.key("insertedContent")
		j.textObject(fix.Text)
	}
	j.close('}')
	j.close(']')
	j.close('}')
	j.close(']')
	j.close('}')
	j.close(']')
}

// sarifRegion writes a range's region, with snippet unless it is nil.
func (j *jsonWriter) sarifRegion(rg doc.Range, snippet *string) {
	j.open('{')
	j.key("startLine")
	j.int(rg.Start.Line)
	j.key("startColumn")
	j.int(rg.Start.Column)
	j.key("endLine")
	j.int(rg.End.Line)
	j.key("endColumn")
	j.int(rg.End.Column)
	if snippet != nil {
		j.key("snippet")
		j.textObject(*snippet)
	}
	j.close('}')
}

func (j *jsonWriter) sarifArtifact(uri string) {
	j.open('{')
	j.key("uri")
	j.str(uri)
	j.close('}')
}

// open writes the log up to its list of results, once: the tool and its
// rules.
func (p *SARIF) open() {
	if p.opened {
		return
	}
	p.opened = true
	j := &p.out
	j.open('{')
	j.key("$schema")
	j.str(sarifSchema)
	j.key("version")
	j.str("2.1.0")
	j.key("runs")
	j.open('[')
	j.open('{')
	j.key("tool")
	j.open('{')
	j.key("driver")
	j.open('{')
	j.key("name")
	j.str("fzlint")
	if p.opts.Version != "" {
		j.key("version")
		j.str(p.opts.Version)
	}
	j.key("informationUri")
	j.str(sarifInfoURI)
	j.key("rules")
	j.open('[')
	for _, r := range p.opts.Rules {
		j.sarifRule(r)
	}
	j.close(']')
	j.close('}')
	j.close('}')
	j.key("columnKind")
	j.str("unicodeCodePoints")
	j.key("results")
	j.open('[')
}

// Finish closes the results and writes the invocation: whether every file
// was read, and a notification for each that was not.
func (p *SARIF) Finish() error {
	p.open()
	j := &p.out
	j.close(']')
	j.key("invocations")
	j.open('[')
	j.open('{')
	j.key("executionSuccessful")
	j.boolean(len(p.failed) == 0)
	if len(p.failed) > 0 {
		j.key("toolExecutionNotifications")
		j.open('[')
		for _, f := range p.failed {
			j.sarifNotification(f)
		}
		j.close(']')
	}
	j.close('}')
	j.close(']')
	j.close('}')
	j.close(']')
	j.close('}')
	j.w.WriteByte('\n')
	return j.w.Flush()
}

// sarifNotification writes the notification of a file that could not be
// read.
func (j *jsonWriter) sarifNotification(f sarifFailure) {
	j.open('{')
	j.key("level")
	j.str("error")
	j.key("message")
	j.textObject(f.message)
	j.key("descriptor")
	j.open('{')
	j.key("id")
	j.str(f.code)
	j.close('}')
	j.key("locations")
	j.open('[')
	j.open('{')
	j.key("physicalLocation")
	j.open('{')
	j.key("artifactLocation")
	j.sarifArtifact(f.uri)
	j.close('}')
	j.close('}')
	j.close(']')
	j.close('}')
}

// sarifRule writes a rule of tool.driver.rules.
func (j *jsonWriter) sarifRule(r rules.Rule) {
	j.open('{')
	j.key("id")
	j.str(r.ID)
	j.key("name")
	j.str(r.Name)
	j.key("shortDescription")
	j.textObject(r.Message)
	var help []string
	if r.Description != "" {
		j.key("fullDescription")
		j.textObject(r.Description)
		help = append(help, r.Description)
	}
	if r.Source != "" {
		help = append(help, "依据："+r.Source)
	}
	if len(help) == 0 {
		help = append(help, r.Message)
	}
	j.key("help")
	j.textObject(strings.Join(help, "\n\n"))
	j.key("defaultConfiguration")
	j.open('{')
	j.key("level")
	j.str(sarifLevel(r.Severity))
	j.close('}')
	j.key("properties")
	j.open('{')
	j.key("pack")
	j.str(r.Pack)
	j.key("kind")
	j.str(r.Kind)
	j.key("source")
	j.str(r.Source)
	j.close('}')
	j.close('}')
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	case rules.Info:
		return "note"
	}
	return "none"
}

// sarifURI turns a path into a URI reference (RFC 3986, so non-ASCII is
// percent-encoded): relative with slashes as given, or a file: URI when
// absolute.
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if !filepath.IsAbs(path) {
		return (&url.URL{Path: p}).String()
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
