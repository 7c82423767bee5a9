package suppress

import (
	"fmt"
	"path/filepath"
	"sync"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/pathglob"
	"github.com/fzlint/fzlint/rules"
)

// Ignores applies one config's ignore list over a run, and remembers which
// entries suppressed something, to report the others at the end.
type Ignores struct {
	mu   sync.Mutex // files are checked in parallel
	cfg  *rules.Config
	base string // the config's directory, absolute
	// matched: the entry's path matched a checked file; used: and it
	// suppressed a finding there.
	matched, used []bool
}

// NewIgnores returns the ignore list of cfg; nil if it has none.
func NewIgnores(cfg *rules.Config) *Ignores {
	if cfg == nil || len(cfg.Ignore) == 0 {
		return nil
	}
	base, err := filepath.Abs(filepath.Dir(cfg.Path))
	if err != nil {
		base = filepath.Dir(cfg.Path)
	}
	return &Ignores{cfg: cfg, base: base, matched: make([]bool, len(cfg.Ignore)), used: make([]bool, len(cfg.Ignore))}
}

// Apply moves the findings of r that an entry accepts into r.Suppressed.
func (ig *Ignores) Apply(r *checker.FileResult) {
	if ig == nil || r.Error != nil {
		return
	}
	rel := ig.relative(r.Path)
	ig.mu.Lock()
	defer ig.mu.Unlock()
	var entries []int
	for i, e := range ig.cfg.Ignore {
		if pathglob.Match(e.Path, rel) {
			ig.matched[i] = true
			entries = append(entries, i)
		}
	}
	if len(entries) == 0 {
		return
	}
	kept := r.Findings[:0:0]
next:
	for _, f := range r.Findings {
		for _, i := range entries {
			e := ig.cfg.Ignore[i]
			if e.Rule == f.Rule && (e.Excerpt == "" || e.Excerpt == f.Excerpt) {
				ig.used[i] = true
				r.Suppressed = append(r.Suppressed, checker.Suppressed{Finding: f, Justification: e.Reason})
				continue next
			}
		}
		kept = append(kept, f)
	}
	r.Findings = kept
}

// relative is path relative to the config's directory, with slashes.
func (ig *Ignores) relative(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(ig.base, abs)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// Unused returns, as a result for the config file, a finding for each entry
// whose path matched a checked file where it suppressed nothing; nil if there
// is none. An entry whose files were not checked in this run (a run over a
// few changed files) is not judged.
func (ig *Ignores) Unused() *checker.FileResult {
	if ig == nil {
		return nil
	}
	ig.mu.Lock()
	defer ig.mu.Unlock()
	var out []checker.Finding
	for i, e := range ig.cfg.Ignore {
		if !ig.matched[i] || ig.used[i] {
			continue
		}
		pos := doc.Position{Line: e.Line, Column: e.Column}
		out = append(out, checker.Finding{Rule: UnusedRule, Severity: rules.Warning,
			Message: fmt.Sprintf("配置的 ignore 项（%s，%s）在所检查的文件中没有问题可抑制：请删除这一项", e.Path, e.Rule),
			Range:   doc.Range{Start: pos, End: pos}})
	}
	if len(out) == 0 {
		return nil
	}
	return &checker.FileResult{Path: ig.cfg.Path, Format: "yaml", Encoding: "utf-8", Findings: out}
}
