package lsp

import (
	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/lint"
)

// engines finds the engine for a file the way `fzlint check` does: lint.Linter
// finds and loads the config that applies to the path (.fzlint.yaml walking
// up, or --config) and keeps one engine per config. The server checks editor
// buffers, which the Linter does not read, so it runs that engine itself —
// the same engine, in-process.
type engines struct {
	opts   lint.Options
	linter *lint.Linter
}

func newEngines(opts lint.Options) *engines {
	e := &engines{opts: opts}
	e.reset()
	return e
}

// reset drops every loaded config and pack, to be read again on next use:
// a config or pack may have been edited.
func (e *engines) reset() {
	e.linter = lint.New(e.opts)
}

// forPath returns the engine for path, or the config or pack error that
// keeps it from loading.
func (e *engines) forPath(path string) (*checker.Engine, error) {
	return e.linter.Engine(path)
}
