package output

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/baseline"
	"github.com/fzlint/fzlint/checker/doc"
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
	out     jsonWriter
	started bool           // the array is open
	seen    map[string]int // fingerprint → occurrences in this report
	roots   map[string]string
}

// NewGitLab returns a GitLab Code Quality printer writing to w.
func NewGitLab(w io.Writer, _ Options) *GitLab {
	return &GitLab{out: jsonWriter{w: bufio.NewWriterSize(w, textBuffer), pretty: true},
		seen: map[string]int{}, roots: map[string]string{}}
}

// The report is an array of issues, indented by two spaces as
// encoding/json would indent it, written field by field (jsonWriter):
// {"type", "check_name", "description", "categories", "severity",
// "fingerprint", "location": {"path", "lines": {"begin"}} or {"path",
// "positions": {"begin": {"line", "column"}, "end": {…}}}}.

// File writes an issue per finding of r.
func (p *GitLab) File(r checker.FileResult) error {
	p.open()
	path := p.repoPath(r.Path)
	if r.Error != nil {
		check := "fzlint/" + r.Error.Code
		p.issue(check, r.Error.Message, "Bug Risk", "critical",
			p.unique(baseline.Fingerprint(path, checker.Finding{Rule: check, Message: r.Error.Message}, nil)))
		j := &p.out
		j.open('{')
		j.key("path")
		j.str(path)
		j.key("lines")
		j.open('{')
		j.key("begin")
		j.int(1)
		j.close('}')
		j.close('}')
		j.close('}')
		return j.w.Flush()
	}
	fps := baseline.NewFingerprints(path)
	for _, f := range r.Findings {
		p.issue(f.Rule, f.Message, "Style", gitlabSeverity(f.Severity), p.unique(fps.Of(f, r.Doc)))
		j := &p.out
		j.open('{')
		j.key("path")
		j.str(path)
		j.key("positions")
		j.open('{')
		j.key("begin")
		j.gitlabLineColumn(f.Range.Start)
		j.key("end")
		j.gitlabLineColumn(f.Range.End)
		j.close('}')
		j.close('}')
		j.close('}')
	}
	return p.out.w.Flush()
}

// issue writes an issue's fields up to its location, which comes next.
func (p *GitLab) issue(check, description, category, severity, fingerprint string) {
	j := &p.out
	j.open('{')
	j.key("type")
	j.str("issue")
	j.key("check_name")
	j.str(check)
	j.key("description")
	j.str(description)
	j.key("categories")
	j.open('[')
	j.str(category)
	j.close(']')
	j.key("severity")
	j.str(severity)
	j.key("fingerprint")
	j.str(fingerprint)
	j.key("location")
}

func (j *jsonWriter) gitlabLineColumn(pos doc.Position) {
	j.open('{')
	j.key("line")
	j.int(pos.Line)
	j.key("column")
	j.int(pos.Column)
	j.close('}')
}

// open starts the array of issues, once.
func (p *GitLab) open() {
	if !p.started {
		p.started = true
		p.out.open('[')
	}
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

// Finish closes the array.
func (p *GitLab) Finish() error {
	p.open()
	p.out.close(']')
	p.out.w.WriteByte('\n')
	return p.out.w.Flush()
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
