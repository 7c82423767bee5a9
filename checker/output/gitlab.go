package output

import (
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/baseline"
	"github.com/fzlint/fzlint/rules"
)

// GitLab prints a GitLab Code Quality report (a subset of Code Climate's
// issue format): a JSON array with an issue per finding, its path relative
// to the repository root (the directory holding .git above the file) as
// GitLab resolves it, its lines and columns, a severity (error → major,
// warning → minor, info → info) and a fingerprint unique in the report: the
// baseline's (of the repository path, so the same wherever the repository is
// checked out), and for a second occurrence of the same one, that with its
// count, so that GitLab tracks each across pipelines. A file that could not
// be read is a critical issue. Suppressed findings are left out. It streams.
type GitLab struct {
	w       io.Writer
	written int
	seen    map[string]int // fingerprint → occurrences in this report
	roots   map[string]string
}

// NewGitLab returns a GitLab Code Quality printer writing to w.
func NewGitLab(w io.Writer, _ Options) *GitLab {
	return &GitLab{w: w, seen: map[string]int{}, roots: map[string]string{}}
}

type gitlabIssue struct {
	Type        string         `json:"type"`
	CheckName   string         `json:"check_name"`
	Description string         `json:"description"`
	Categories  []string       `json:"categories"`
	Severity    string         `json:"severity"`
	Fingerprint string         `json:"fingerprint"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path      string          `json:"path"`
	Lines     *gitlabLines    `json:"lines,omitempty"`
	Positions *gitlabPosition `json:"positions,omitempty"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

type gitlabPosition struct {
	Begin gitlabLineColumn `json:"begin"`
	End   gitlabLineColumn `json:"end"`
}

type gitlabLineColumn struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// File writes an issue per finding of r.
func (p *GitLab) File(r checker.FileResult) error {
	path := p.repoPath(r.Path)
	if r.Error != nil {
		return p.write(gitlabIssue{Type: "issue", CheckName: "fzlint/" + r.Error.Code, Description: r.Error.Message,
			Categories: []string{"Bug Risk"}, Severity: "critical",
			Fingerprint: p.unique(baseline.Fingerprint(path, checker.Finding{Rule: "fzlint/" + r.Error.Code, Message: r.Error.Message}, nil)),
			Location:    gitlabLocation{Path: path, Lines: &gitlabLines{Begin: 1}}})
	}
	for _, f := range r.Findings {
		err := p.write(gitlabIssue{Type: "issue", CheckName: f.Rule, Description: f.Message,
			Categories: []string{"Style"}, Severity: gitlabSeverity(f.Severity),
			Fingerprint: p.unique(baseline.Fingerprint(path, f, r.Doc)),
			Location: gitlabLocation{Path: path, Positions: &gitlabPosition{
				Begin: gitlabLineColumn{f.Range.Start.Line, f.Range.Start.Column},
				End:   gitlabLineColumn{f.Range.End.Line, f.Range.End.Column}}}})
		if err != nil {
			return err
		}
	}
	return nil
}

// unique returns fp, or fp with its count for its second and later
// occurrences: GitLab keeps one issue per fingerprint.
func (p *GitLab) unique(fp string) string {
	p.seen[fp]++
	if n := p.seen[fp]; n > 1 {
		return fp + "-" + strconv.Itoa(n)
	}
	return fp
}

func (p *GitLab) write(issue gitlabIssue) error {
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

// Finish closes the array.
func (p *GitLab) Finish() error {
	closing := "\n]\n"
	if p.written == 0 {
		closing = "[]\n"
	}
	_, err := io.WriteString(p.w, closing)
	return err
}

// repoPath is path relative to the root of the repository holding it, with
// slashes; relative to the working directory where there is no repository.
func (p *GitLab) repoPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	dir := filepath.Dir(abs)
	root, ok := p.roots[dir]
	if !ok {
		root = repoRoot(dir)
		p.roots[dir] = root
	}
	if root == "" {
		return baseline.File(path)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// repoRoot is the nearest directory from dir up that holds .git (a
// directory, or a file in a worktree or submodule); "" if none does.
func repoRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func gitlabSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "major"
	case rules.Warning:
		return "minor"
	}
	return "info"
}
