package output

import (
	"io"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/baseline"
)

// refGitLab is the GitLab printer as it was before it wrote field by
// field: each issue built in structs and printed by encoding/json.
// TestGitLabAsReflected holds the streaming printer to it byte for byte.
type refGitLab struct {
	w       io.Writer
	written int
	paths   *GitLab // for repoPath and unique
}

type refGitLabIssue struct {
	Type        string            `json:"type"`
	CheckName   string            `json:"check_name"`
	Description string            `json:"description"`
	Categories  []string          `json:"categories"`
	Severity    string            `json:"severity"`
	Fingerprint string            `json:"fingerprint"`
	Location    refGitLabLocation `json:"location"`
}

type refGitLabLocation struct {
	Path      string             `json:"path"`
	Lines     *refGitLabLines    `json:"lines,omitempty"`
	Positions *refGitLabPosition `json:"positions,omitempty"`
}

type refGitLabLines struct {
	Begin int `json:"begin"`
}

type refGitLabPosition struct {
	Begin refGitLabLineColumn `json:"begin"`
	End   refGitLabLineColumn `json:"end"`
}

type refGitLabLineColumn struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

func (p *refGitLab) File(r checker.FileResult) error {
	path := p.paths.repoPath(r.Path)
	if r.Error != nil {
		return p.write(refGitLabIssue{Type: "issue", CheckName: "fzlint/" + r.Error.Code, Description: r.Error.Message,
			Categories: []string{"Bug Risk"}, Severity: "critical",
			Fingerprint: p.paths.unique(baseline.Fingerprint(path, checker.Finding{Rule: "fzlint/" + r.Error.Code, Message: r.Error.Message}, nil)),
			Location:    refGitLabLocation{Path: path, Lines: &refGitLabLines{Begin: 1}}})
	}
	for _, f := range r.Findings {
		err := p.write(refGitLabIssue{Type: "issue", CheckName: f.Rule, Description: f.Message,
			Categories: []string{"Style"}, Severity: gitlabSeverity(f.Severity),
			Fingerprint: p.paths.unique(baseline.Fingerprint(path, f, r.Doc)),
			Location: refGitLabLocation{Path: path, Positions: &refGitLabPosition{
				Begin: refGitLabLineColumn{f.Range.Start.Line, f.Range.Start.Column},
				End:   refGitLabLineColumn{f.Range.End.Line, f.Range.End.Column}}}})
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *refGitLab) write(issue refGitLabIssue) error {
	text, err := indentJSON(issue, "  ")
	if err != nil {
		return err
	}
	lead := ",\n  "
	if p.written == 0 {
		lead = "[\n  "
	}
	p.written++
	_, err = io.WriteString(p.w, lead+text)
	return err
}

func (p *refGitLab) Finish() error {
	closing := "\n]\n"
	if p.written == 0 {
		closing = "[]\n"
	}
	_, err := io.WriteString(p.w, closing)
	return err
}

// gitlabBoth prints results with the streaming and the reflected printer.
func gitlabBoth(t testing.TB, results []checker.FileResult) (got, want string) {
	return printBoth(t, results,
		func(w io.Writer) Printer { return NewGitLab(w, Options{}) },
		func(w io.Writer) Printer { return &refGitLab{w: w, paths: NewGitLab(io.Discard, Options{})} })
}

// TestGitLabAsReflected: the streaming printer writes what encoding/json
// wrote for the issues' structs, on the fixture, the seeds and
// testdata/reports (twice, for repeated fingerprints), and results full of
// strings JSON escapes.
func TestGitLabAsReflected(t *testing.T) {
	fixed := fixture(t)
	cases := map[string][]checker.FileResult{"fixture": fixed, "errors": fixed[1:2], "clean": fixed[3:], "empty": nil}
	for i, s := range quotedCases {
		cases["odd "+string(rune('a'+i))] = oddResults(t, s)
	}
	// testdata/reports twice, for repeated fingerprints.
	seeds := append(seedsAndReports(t), checkedReports(t)...)
	cases["seeds and reports"] = seeds
	for name, results := range cases {
		if got, want := gitlabBoth(t, results); got != want {
			t.Errorf("%s: the streaming printer wrote\n%s\nencoding/json:\n%s", name, clipText(got), clipText(want))
		}
	}
}

func FuzzGitLabAsReflected(f *testing.F) {
	for _, s := range quotedCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := gitlabBoth(t, oddResults(t, s)); got != want {
			t.Errorf("the streaming printer wrote\n%s\nencoding/json:\n%s", got, want)
		}
	})
}
