package lint

import (
	"path/filepath"

	"github.com/fzlint/fzlint/checker/ignorefile"
)

// newWalkFilter returns what a walk of the input in leaves out, besides the
// config's exclude: files its repository's .gitignore and .fzlintignore
// name, and the repository's own documents (README*, CHANGELOG*, LICENSE*,
// CONTRIBUTING*), which are not reports. A file named as an input is never
// left out; the filter is only asked about what a walk finds.
func newWalkFilter(in string) func(path string) bool {
	var m *ignorefile.Matcher
	return func(path string) bool {
		if ignorefile.RepositoryDoc(filepath.Base(path)) {
			return true
		}
		if m == nil {
			m = ignorefile.New(in)
		}
		return m.Ignored(path)
	}
}
