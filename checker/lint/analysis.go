package lint

import (
	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// Analysis returns the outline of a checked file as its engine sees it and
// the rule set that applied to it, for views built on a run's results (the
// checklist). r must have a Doc.
func (l *Linter) Analysis(r checker.FileResult) (*checker.Analysis, *rules.Set, error) {
	ld := l.engineFor(r.Path)
	if ld.err != nil {
		return nil, nil, ld.err
	}
	return ld.engine.Analyze(r.Doc), ld.set, nil
}
