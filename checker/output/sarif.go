package output

import (
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
// files holds one file's results at a time.
type SARIF struct {
	w       io.Writer
	opts    Options
	index   map[string]int // rule id → index in tool.driver.rules
	inv     sarifInvocation
	opened  bool // the log up to its results is written
	results int  // results written
}

// NewSARIF returns a SARIF printer writing to w. opts.Rules become the
// driver's rules and opts.Version its version.
func NewSARIF(w io.Writer, opts Options) *SARIF {
	index := make(map[string]int, len(opts.Rules))
	for i, r := range opts.Rules {
		index[r.ID] = i
	}
	return &SARIF{w: w, opts: opts, index: index, inv: sarifInvocation{ExecutionSuccessful: true}}
}

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifInfoURI = "https://github.com/fzlint/fzlint"
)

// The log is {"$schema", "version", "runs": [{"tool", "columnKind",
// "results", "invocations"}]}, written piece by piece (open, File, Finish).
// columnKind is unicodeCodePoints: fzlint's columns count code points, not the
// UTF-16 code units SARIF assumes by default. "results": [] means checked and
// clean.

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      *sarifText     `json:"fullDescription,omitempty"`
	Help                 sarifText      `json:"help"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Pack   string `json:"pack"`
	Kind   string `json:"kind"`
	Source string `json:"source"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Descriptor sarifID         `json:"descriptor"`
	Locations  []sarifLocation `json:"locations"`
}

type sarifID struct {
	ID string `json:"id"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"` // absent for a rule not in Options.Rules
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
	// PartialFingerprints carry the baseline's fingerprint, so that a
	// code-scanning platform tracks a finding across commits.
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// sarifFingerprintKey names fzlint's fingerprint in partialFingerprints.
const sarifFingerprintKey = "fzlint/v1"

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifFix struct {
	ArtifactChanges []sarifChange `json:"artifactChanges"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"` // absent: a deletion
}

// File records one file's results, or its error as a notification, for the
// log.
func (p *SARIF) File(r checker.FileResult) error {
	uri := sarifURI(r.Path)
	if r.Error != nil {
		p.inv.ExecutionSuccessful = false
		p.inv.ToolExecutionNotifications = append(p.inv.ToolExecutionNotifications, sarifNotification{
			Level: "error", Message: sarifText{r.Error.Message}, Descriptor: sarifID{r.Error.Code},
			Locations: []sarifLocation{{sarifPhysical{ArtifactLocation: sarifArtifact{uri}}}},
		})
		return nil
	}
	for _, f := range r.Findings {
		if err := p.write(p.result(r, uri, f)); err != nil {
			return err
		}
	}
	for _, s := range r.Suppressed {
		sr := p.result(r, uri, s.Finding)
		sr.Suppressions = []sarifSuppression{{Kind: suppressionKind(s), Justification: s.Justification}}
		if err := p.write(sr); err != nil {
			return err
		}
	}
	return nil
}

// result is the SARIF result of finding f of the file r.
func (p *SARIF) result(r checker.FileResult, uri string, f checker.Finding) sarifResult {
	region := sarifRegionOf(f.Range)
	// For HTML the region is in the markup while the excerpt is
	// extracted text, so it is no snippet of the artifact.
	if r.Doc == nil || r.Doc.Locator == nil {
		region.Snippet = &sarifText{f.Excerpt}
	}
	sr := sarifResult{RuleID: f.Rule, Level: sarifLevel(f.Severity), Message: sarifText{f.Message},
		Locations: []sarifLocation{{sarifPhysical{sarifArtifact{uri}, &region}}}}
	if i, ok := p.index[f.Rule]; ok {
		sr.RuleIndex = &i
	}
	if f.Fix != nil {
		rep := sarifReplacement{DeletedRegion: sarifRegionOf(f.Fix.Range)}
		if f.Fix.Text != "" {
			rep.InsertedContent = &sarifText{f.Fix.Text}
		}
		sr.Fixes = []sarifFix{{[]sarifChange{{sarifArtifact{uri}, []sarifReplacement{rep}}}}}
	}
	sr.PartialFingerprints = map[string]string{sarifFingerprintKey: baseline.Fingerprint(r.Path, f, r.Doc)}
	return sr
}

// write writes one result, after the log's opening if it is the first.
func (p *SARIF) write(sr sarifResult) error {
	if err := p.open(); err != nil {
		return err
	}
	text, err := indentJSON(sr, "        ")
	if err != nil {
		return err
	}
	lead := ",\n        "
	if p.results == 0 {
		lead = "\n        "
	}
	p.results++
	_, err = io.WriteString(p.w, lead+text)
	return err
}

// open writes the log up to its list of results: the tool and its rules.
func (p *SARIF) open() error {
	if p.opened {
		return nil
	}
	p.opened = true
	driver := sarifDriver{Name: "fzlint", Version: p.opts.Version, InformationURI: sarifInfoURI,
		Rules: make([]sarifRule, 0, len(p.opts.Rules))}
	for _, r := range p.opts.Rules {
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	schema, err := indentJSON(sarifSchema, "")
	if err != nil {
		return err
	}
	tool, err := indentJSON(sarifTool{driver}, "      ")
	if err != nil {
		return err
	}
	_, err = io.WriteString(p.w, "{\n  \"$schema\": "+schema+",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"+
		"      \"tool\": "+tool+",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
	return err
}

// Finish closes the results and writes the invocation: whether every file
// was read, and a notification for each that was not.
func (p *SARIF) Finish() error {
	if err := p.open(); err != nil {
		return err
	}
	inv, err := indentJSON(p.inv, "        ")
	if err != nil {
		return err
	}
	closing := "\n      ],"
	if p.results == 0 {
		closing = "],"
	}
	_, err = io.WriteString(p.w, closing+"\n      \"invocations\": [\n        "+inv+"\n      ]\n    }\n  ]\n}\n")
	return err
}

func sarifRuleOf(r rules.Rule) sarifRule {
	sr := sarifRule{ID: r.ID, Name: r.Name, ShortDescription: sarifText{r.Message},
		DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Pack: r.Pack, Kind: r.Kind, Source: r.Source}}
	var help []string
	if r.Description != "" {
		sr.FullDescription = &sarifText{r.Description}
		help = append(help, r.Description)
	}
	if r.Source != "" {
		help = append(help, "依据："+r.Source)
	}
	if len(help) == 0 {
		help = append(help, r.Message)
	}
	sr.Help = sarifText{strings.Join(help, "\n\n")}
	return sr
}

func sarifRegionOf(rg doc.Range) sarifRegion {
	return sarifRegion{StartLine: rg.Start.Line, StartColumn: rg.Start.Column,
		EndLine: rg.End.Line, EndColumn: rg.End.Column}
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
