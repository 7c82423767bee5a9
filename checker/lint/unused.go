package lint

import (
	"os"
	"path/filepath"
	"sort"

	"github.com/fzlint/fzlint/checker"
)

// emitUnusedIgnores emits, for each config of the run, the ignore entries
// that suppressed nothing in the files they matched, as a result for the
// config file (its path relative to the working directory, like the inputs').
func (l *Linter) emitUnusedIgnores(emit func(checker.FileResult)) {
	paths := make([]string, 0, len(l.engines))
	for p := range l.engines {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	wd, _ := os.Getwd()
	for _, p := range paths {
		r := l.engines[p].ignores.Unused()
		if r == nil {
			continue
		}
		if rel, err := filepath.Rel(wd, r.Path); err == nil && wd != "" {
			r.Path = rel
		}
		emit(*r)
	}
}
