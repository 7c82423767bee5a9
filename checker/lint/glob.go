package lint

import "github.com/fzlint/fzlint/checker/pathglob"

// matchGlob matches a slash path against a pattern where "**" stands for any
// number of directories and the rest follows path.Match.
func matchGlob(pattern, name string) bool {
	return pathglob.Match(pattern, name)
}
