package lint

import (
	"fmt"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// Analysis returns the outline of a checked file as its engine sees it and
// the rule set that applied to it, for views built on a run's results (the
// checklist). A result without a Doc (a file that could not be read, the
// unused ignore entries of a config) is an error. The outline its check
// built is used, so that a view costs no second analysis.
func (l *Linter) Analysis(r checker.FileResult) (*checker.Analysis, *rules.Set, error) {
	path := r.Path
	if path == l.opts.StdinName {
		path = "." // standard input is checked with this config (checkStdin)
	}
	ld := l.engineFor(path)
	if ld.err != nil {
		return nil, nil, ld.err
	}
	if r.Doc == nil {
		return nil, nil, fmt.Errorf("%s: 没有可分析的文档", r.Path)
	}
	if r.Outline != nil {
		return &checker.Analysis{Doc: r.Doc, Outline: r.Outline}, ld.set, nil
	}
	return ld.engine.Analyze(r.Doc), ld.set, nil
}

// CheckBytes checks data read as a file named name (its extension picks the
// reader), with the config that applies to the current directory: an
// upload to `fzlint serve`.
func (l *Linter) CheckBytes(name string, data []byte) (checker.FileResult, error) {
	ld := l.engineFor(".")
	if ld.err != nil {
		return checker.FileResult{}, ld.err
	}
	if len(data) > doc.MaxFileSize {
		return errorResult(name, &doc.ReadError{Path: name, Code: doc.ErrTooLarge, Message: fmt.Sprintf("文件超过上限 %d 字节", doc.MaxFileSize)}), nil
	}
	d, err := doc.ReadBytes(name, data, doc.Options{Encoding: l.opts.Encoding})
	if err != nil {
		return errorResult(name, err), nil
	}
	return check(ld, d), nil
}
