package output

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// GitHub prints GitHub Actions workflow commands, which the runner turns into
// annotations on the checked files. GitHub shows only the first few
// annotations of each kind per step, so errors are written as files are
// checked and warnings and notices, held as their command lines, at the end.
type GitHub struct {
	w     io.Writer
	later bytes.Buffer // the warning commands, then the notice commands
	notes bytes.Buffer
}

// NewGitHub returns a GitHub Actions printer writing to w.
func NewGitHub(w io.Writer, _ Options) *GitHub {
	return &GitHub{w: w}
}

// The escaping of @actions/core: a message may not break the command line,
// and a property value may not end the property list either.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// File writes one command per finding, or one for a file that could not be
// checked. The message is followed, on a second line of the annotation, by the
// rule's source.
func (p *GitHub) File(r checker.FileResult) error {
	file := githubProperty.Replace(filepath.ToSlash(r.Path))
	if r.Error != nil {
		_, err := fmt.Fprintf(p.w, "::error file=%s,title=%s::%s\n", file,
			githubProperty.Replace(r.Error.Code), githubData.Replace(r.Error.Message))
		return err
	}
	bw := bufio.NewWriter(p.w) // keeps the first write error for Flush
	for _, f := range r.Findings {
		var w io.Writer = bw
		switch {
		case f.Severity == rules.Warning:
			w = &p.later
		case f.Severity < rules.Warning:
			w = &p.notes
		}
		msg := f.Message
		if f.Source != "" {
			msg += "\n依据：" + f.Source
		}
		s, e := f.Range.Start, f.Range.End
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubCommand(f.Severity), file, s.Line, s.Column, e.Line, e.Column,
			githubProperty.Replace(f.Rule), githubData.Replace(msg))
	}
	return bw.Flush()
}

// Finish writes the warnings, then the notices.
func (p *GitHub) Finish() error {
	if _, err := p.w.Write(p.later.Bytes()); err != nil {
		return err
	}
	_, err := p.w.Write(p.notes.Bytes())
	return err
}

func githubCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}
