// Package ignorefile tells which files of a directory walk a repository
// means to leave out: those its .gitignore and .fzlintignore files name, and
// the repository's own documents (README, CHANGELOG, LICENSE, CONTRIBUTING),
// which are not reports.
package ignorefile

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/fzlint/fzlint/checker/pathglob"
)

// Names are the ignore files read in every directory, in this order: a
// .fzlintignore pattern can re-include (!) what .gitignore leaves out.
var Names = []string{".gitignore", ".fzlintignore"}

// rule is one pattern line of an ignore file.
type rule struct {
	pattern string // relative to the ignore file's directory, slash-separated
	negate  bool
	dirOnly bool
}

// Matcher answers for the files under one walked directory. It reads each
// directory's ignore files once.
type Matcher struct {
	top   string            // the repository root, or the walked directory where there is none
	rules map[string][]rule // directory → the rules of its ignore files
}

// New returns the Matcher for a walk of dir: ignore files count from the
// root of the repository holding dir (the nearest directory above holding
// .git) down, or from dir itself outside a repository.
func New(dir string) *Matcher {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	top := abs
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			top = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return &Matcher{top: top, rules: map[string][]rule{}}
}

// Ignored tells whether the file at path (under the walked directory) is
// left out: it, or a directory holding it, is matched by the last matching
// pattern of the ignore files above it, and not re-included. As in git, a
// file in an ignored directory cannot be re-included.
func (m *Matcher) Ignored(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(m.top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i := 1; i <= len(parts); i++ {
		if m.match(parts[:i], i < len(parts)) {
			return true
		}
	}
	return false
}

// match applies the rules of every directory above the entry parts (a path
// from the top) to it: the last rule that matches decides.
func (m *Matcher) match(parts []string, isDir bool) bool {
	ignored := false
	for d := 0; d < len(parts); d++ {
		dir := filepath.Join(append([]string{m.top}, parts[:d]...)...)
		rel := strings.Join(parts[d:], "/")
		for _, r := range m.load(dir) {
			if r.dirOnly && !isDir {
				continue
			}
			if matches(r.pattern, rel) {
				ignored = !r.negate
			}
		}
	}
	return ignored
}

// matches is pathglob.Match, except that "x/**" matches what is inside x,
// not x itself, as in git.
func matches(pattern, rel string) bool {
	if !pathglob.Match(pattern, rel) {
		return false
	}
	dir, ok := strings.CutSuffix(pattern, "/**")
	return !ok || !pathglob.Match(dir, rel)
}

// load returns the rules of dir's ignore files, reading them the first time.
func (m *Matcher) load(dir string) []rule {
	if rs, ok := m.rules[dir]; ok {
		return rs
	}
	var rs []rule
	for _, name := range Names {
		rs = append(rs, readRules(filepath.Join(dir, name))...)
	}
	m.rules[dir] = rs
	return rs
}

// readRules reads an ignore file in gitignore's syntax; a missing file has
// no rules.
func readRules(path string) []rule {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var rs []rule
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if r, ok := parseLine(sc.Text()); ok {
			rs = append(rs, r)
		}
	}
	return rs
}

// parseLine reads one line of an ignore file: blank lines and # comments
// are none; "!" negates; a trailing "/" matches directories only; a pattern
// with a "/" before its end is anchored to the file's directory, one
// without matches at any depth.
func parseLine(line string) (rule, bool) {
	line = strings.TrimRight(strings.TrimSuffix(line, "\r"), " ")
	if line == "" || strings.HasPrefix(line, "#") {
		return rule{}, false
	}
	var r rule
	if strings.HasPrefix(line, "!") {
		r.negate, line = true, line[1:]
	} else if strings.HasPrefix(line, `\`) { // \# and \! are literal
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		r.dirOnly, line = true, strings.TrimRight(line, "/")
	}
	if line == "" {
		return rule{}, false
	}
	if strings.Contains(line, "/") {
		line = strings.TrimPrefix(line, "/")
	} else {
		line = "**/" + line
	}
	r.pattern = line
	return r, true
}

// repositoryDocs are the names of a repository's own documents.
var repositoryDocs = []string{"README", "CHANGELOG", "LICENSE", "LICENCE", "CONTRIBUTING"}

// RepositoryDoc tells whether a file name is one of a repository's own
// documents (README.md, LICENSE, CHANGELOG.txt, README.zh-CN.md …), in any
// case: a directory walk passes over them, as they are not reports.
func RepositoryDoc(name string) bool {
	upper := strings.ToUpper(name)
	for _, d := range repositoryDocs {
		if rest, ok := strings.CutPrefix(upper, d); ok && (rest == "" || strings.ContainsRune(".-_", rune(rest[0]))) {
			return true
		}
	}
	return false
}
