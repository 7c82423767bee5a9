package output

import (
	"io"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/baseline"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// refSARIF is the SARIF printer as it was before it wrote field by field:
// its log built in structs and printed by encoding/json. TestSARIFAsReflected
// holds the streaming printer to it byte for byte.
type refSARIF struct {
	w       io.Writer
	opts    Options
	index   map[string]int // rule id → index in tool.driver.rules
	inv     refInvocation
	opened  bool // the log up to its results is written
	results int  // results written
}

func newRefSARIF(w io.Writer, opts Options) *refSARIF {
	index := make(map[string]int, len(opts.Rules))
	for i, r := range opts.Rules {
		index[r.ID] = i
	}
	return &refSARIF{w: w, opts: opts, index: index, inv: refInvocation{ExecutionSuccessful: true}}
}

type refTool struct {
	Driver refDriver `json:"driver"`
}

type refDriver struct {
	Name           string    `json:"name"`
	Version        string    `json:"version,omitempty"`
	InformationURI string    `json:"informationUri"`
	Rules          []refRule `json:"rules"`
}

type refRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     refText      `json:"shortDescription"`
	FullDescription      *refText     `json:"fullDescription,omitempty"`
	Help                 refText      `json:"help"`
	DefaultConfiguration refConfig    `json:"defaultConfiguration"`
	Properties           refRuleProps `json:"properties"`
}

type refText struct {
	Text string `json:"text"`
}

type refConfig struct {
	Level string `json:"level"`
}

type refRuleProps struct {
	Pack   string `json:"pack"`
	Kind   string `json:"kind"`
	Source string `json:"source"`
}

type refInvocation struct {
	ExecutionSuccessful        bool              `json:"executionSuccessful"`
	ToolExecutionNotifications []refNotification `json:"toolExecutionNotifications,omitempty"`
}

type refNotification struct {
	Level      string        `json:"level"`
	Message    refText       `json:"message"`
	Descriptor refID         `json:"descriptor"`
	Locations  []refLocation `json:"locations"`
}

type refID struct {
	ID string `json:"id"`
}

type refResult struct {
	RuleID    string        `json:"ruleId"`
	RuleIndex *int          `json:"ruleIndex,omitempty"` // absent for a rule not in Options.Rules
	Level     string        `json:"level"`
	Message   refText       `json:"message"`
	Locations []refLocation `json:"locations"`
	Fixes     []refFix      `json:"fixes,omitempty"`
	// PartialFingerprints carry the baseline's fingerprint, so that a
	// code-scanning platform tracks a finding across commits.
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Suppressions        []refSuppression  `json:"suppressions,omitempty"`
}

type refSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type refLocation struct {
	PhysicalLocation refPhysical `json:"physicalLocation"`
}

type refPhysical struct {
	ArtifactLocation refArtifact `json:"artifactLocation"`
	Region           *refRegion  `json:"region,omitempty"`
}

type refArtifact struct {
	URI string `json:"uri"`
}

type refRegion struct {
	StartLine   int      `json:"startLine"`
	StartColumn int      `json:"startColumn"`
	EndLine     int      `json:"endLine"`
	EndColumn   int      `json:"endColumn"`
	Snippet     *refText `json:"snippet,omitempty"`
}

type refFix struct {
	ArtifactChanges []refChange `json:"artifactChanges"`
}

type refChange struct {
	ArtifactLocation refArtifact      `json:"artifactLocation"`
	Replacements     []refReplacement `json:"replacements"`
}

type refReplacement struct {
	DeletedRegion   refRegion `json:"deletedRegion"`
	InsertedContent *refText  `json:"insertedContent,omitempty"` // absent: a deletion
}

func (p *refSARIF) File(r checker.FileResult) error {
	uri := sarifURI(r.Path)
	if r.Error != nil {
		p.inv.ExecutionSuccessful = false
		p.inv.ToolExecutionNotifications = append(p.inv.ToolExecutionNotifications, refNotification{
			Level: "error", Message: refText{r.Error.Message}, Descriptor: refID{r.Error.Code},
			Locations: []refLocation{{refPhysical{ArtifactLocation: refArtifact{uri}}}},
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
		sr.Suppressions = []refSuppression{{Kind: suppressionKind(s), Justification: s.Justification}}
		if err := p.write(sr); err != nil {
			return err
		}
	}
	return nil
}

// result is the refSARIF result of finding f of the file r.
func (p *refSARIF) result(r checker.FileResult, uri string, f checker.Finding) refResult {
	region := refRegionOf(f.Range)
	// For HTML the region is in the markup while the excerpt is
	// extracted text, so it is no snippet of the artifact.
	if r.Doc == nil || r.Doc.Locator == nil {
		region.Snippet = &refText{f.Excerpt}
	}
	sr := refResult{RuleID: f.Rule, Level: sarifLevel(f.Severity), Message: refText{f.Message},
		Locations: []refLocation{{refPhysical{refArtifact{uri}, &region}}}}
	if i, ok := p.index[f.Rule]; ok {
		sr.RuleIndex = &i
	}
	if f.Fix != nil {
		rep := refReplacement{DeletedRegion: refRegionOf(f.Fix.Range)}
		if f.Fix.Text != "" {
			rep.InsertedContent = &refText{f.Fix.Text}
		}
		sr.Fixes = []refFix{{[]refChange{{refArtifact{uri}, []refReplacement{rep}}}}}
	}
	sr.PartialFingerprints = map[string]string{sarifFingerprintKey: baseline.Fingerprint(r.Path, f, r.Doc)}
	return sr
}

// write writes one result, after the log's opening if it is the first.
func (p *refSARIF) write(sr refResult) error {
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
func (p *refSARIF) open() error {
	if p.opened {
		return nil
	}
	p.opened = true
	driver := refDriver{Name: "fzlint", Version: p.opts.Version, InformationURI: sarifInfoURI,
		Rules: make([]refRule, 0, len(p.opts.Rules))}
	for _, r := range p.opts.Rules {
		driver.Rules = append(driver.Rules, refRuleOf(r))
	}
	schema, err := indentJSON(sarifSchema, "")
	if err != nil {
		return err
	}
	tool, err := indentJSON(refTool{driver}, "      ")
	if err != nil {
		return err
	}
	_, err = io.WriteString(p.w, "{\n  \"$schema\": "+schema+",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"+
		"      \"tool\": "+tool+",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
	return err
}

// Finish closes the results and writes the invocation: whether every file
// was read, and a notification for each that was not.
func (p *refSARIF) Finish() error {
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

func refRuleOf(r rules.Rule) refRule {
	sr := refRule{ID: r.ID, Name: r.Name, ShortDescription: refText{r.Message},
		DefaultConfiguration: refConfig{sarifLevel(r.Severity)},
		Properties:           refRuleProps{Pack: r.Pack, Kind: r.Kind, Source: r.Source}}
	var help []string
	if r.Description != "" {
		sr.FullDescription = &refText{r.Description}
		help = append(help, r.Description)
	}
	if r.Source != "" {
		help = append(help, "依据："+r.Source)
	}
	if len(help) == 0 {
		help = append(help, r.Message)
	}
	sr.Help = refText{strings.Join(help, "\n\n")}
	return sr
}

func refRegionOf(rg doc.Range) refRegion {
	return refRegion{StartLine: rg.Start.Line, StartColumn: rg.Start.Column,
		EndLine: rg.End.Line, EndColumn: rg.End.Column}
}

// sarifBoth prints results with the streaming and the reflected printer.
func sarifBoth(t testing.TB, results []checker.FileResult, opts Options) (got, want string) {
	return printBoth(t, results,
		func(w io.Writer) Printer { return NewSARIF(w, opts) },
		func(w io.Writer) Printer { return newRefSARIF(w, opts) })
}

// oddResults are the fixture's results with s in every string a result
// prints: rule, message, excerpt, fix, justification, path and error;
// findings suppressed (in source and outside, with and without
// justification) and one of a rule not among the run's rules.
func oddResults(t *testing.T, s string) []checker.FileResult {
	var out []checker.FileResult
	for _, r := range fixture(t) {
		r.Path += s
		if r.Error != nil {
			e := *r.Error
			e.Message += s
			e.Code += s
			r.Error = &e
		}
		var fs []checker.Finding
		for i, f := range r.Findings {
			f.Message += s
			f.Excerpt = s + f.Excerpt
			if f.Fix != nil {
				fix := *f.Fix
				fix.Text += s
				f.Fix = &fix
			}
			if i == 0 {
				f.Rule += s
			}
			fs = append(fs, f)
			r.Suppressed = append(r.Suppressed, checker.Suppressed{Finding: f, InSource: i%2 == 0, Justification: strings.Repeat(s, i%3)})
		}
		r.Findings = fs
		out = append(out, r)
	}
	return out
}

// TestSARIFAsReflected: the streaming printer writes what encoding/json
// wrote for the log's structs, on the fixture, on the seeds' findings, and
// on results full of strings JSON escapes, with and without rules and a
// version.
func TestSARIFAsReflected(t *testing.T) {
	fixed := fixture(t)
	cases := map[string]struct {
		results []checker.FileResult
		opts    Options
	}{
		"fixture":    {fixed, Options{Rules: fixtureRules(fixed), Version: "0.1.0-test"}},
		"no rules":   {fixed, Options{}},
		"errors":     {fixed[1:2], Options{Version: "1"}},
		"clean":      {fixed[3:], Options{Rules: fixtureRules(fixed)}},
		"empty":      {nil, Options{Rules: fixtureRules(fixed)}},
		"no results": {nil, Options{}},
	}
	for i, s := range quotedCases {
		results := oddResults(t, s)
		cases["odd "+string(rune('a'+i))] = struct {
			results []checker.FileResult
			opts    Options
		}{results, Options{Rules: fixtureRules(results), Version: s}}
	}
	seeds := seedsAndReports(t)
	cases["seeds and reports"] = struct {
		results []checker.FileResult
		opts    Options
	}{seeds, Options{Rules: fixtureRules(seeds), Version: "0.1.0-test"}}
	for name, c := range cases {
		if got, want := sarifBoth(t, c.results, c.opts); got != want {
			t.Errorf("%s: the streaming printer wrote\n%s\nencoding/json:\n%s", name, clipText(got), clipText(want))
		}
	}
}

func FuzzSARIFAsReflected(f *testing.F) {
	for _, s := range quotedCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		results := oddResults(t, s)
		if got, want := sarifBoth(t, results, Options{Rules: fixtureRules(results), Version: s}); got != want {
			t.Errorf("the streaming printer wrote\n%s\nencoding/json:\n%s", got, want)
		}
	})
}

// clipText is s cut to a length a failure message can show.
func clipText(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}
