// Package fix applies findings' fixes to the file they came from, keeping its
// encoding and line ends, and writes it atomically.
package fix

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// Apply rewrites d's file with the fixes of findings and returns the findings
// it did not fix (no fix, or a fix overlapping one applied before it).
// Formats without Source (.docx, HTML) are refused.
func Apply(d *doc.Document, findings []checker.Finding) (rest []checker.Finding, fixed int, err error) {
	if d.Source == nil {
		return findings, 0, fmt.Errorf("%s: 不支持自动修复 %s 格式，请按提示手工修改", d.Path, d.Format)
	}
	var todo []checker.Finding
	for _, f := range findings {
		if f.Fix == nil {
			rest = append(rest, f)
		} else {
			todo = append(todo, f)
		}
	}
	if len(todo) == 0 {
		return findings, 0, nil
	}
	sort.SliceStable(todo, func(i, j int) bool {
		return todo[i].Fix.Range.Start.Offset < todo[j].Fix.Range.Start.Offset
	})
	var b strings.Builder
	last := 0
	for _, f := range todo {
		s, e := f.Fix.Range.Start.Offset, f.Fix.Range.End.Offset
		if s < last || e < s || e > len(d.Text) {
			rest = append(rest, f)
			continue
		}
		b.WriteString(d.Text[last:s])
		b.WriteString(f.Fix.Text)
		last = e
		fixed++
	}
	b.WriteString(d.Text[last:])
	data, err := Encode(withLineEnds(b.String(), d), d.Encoding)
	if err != nil {
		return findings, 0, fmt.Errorf("%s: %v", d.Path, err)
	}
	if err := writeAtomic(d.Path, data); err != nil {
		return findings, 0, err
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Range.Start.Offset < rest[j].Range.Start.Offset })
	return rest, fixed, nil
}

// withLineEnds puts the document's line end back between lines: the one the
// source used most, so that a CRLF file stays CRLF after lines were removed.
func withLineEnds(text string, d *doc.Document) string {
	eol := dominantEOL(d)
	if eol == "\n" {
		return text
	}
	return strings.ReplaceAll(text, "\n", eol)
}

func dominantEOL(d *doc.Document) string {
	count := map[string]int{}
	for _, l := range d.Lines {
		if l.EOL != "" {
			count[l.EOL]++
		}
	}
	best := "\n"
	for _, eol := range []string{"\r\n", "\r"} {
		if count[eol] > count[best] {
			best = eol
		}
	}
	return best
}

// writeAtomic replaces path with data through a temporary file in the same
// directory, keeping the file's permissions.
func writeAtomic(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".fzlint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
