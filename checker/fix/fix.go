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

// maxPasses bounds how often a file is re-checked after fixing: fixes of
// different rules may overlap, and the one left out is applied next pass.
const maxPasses = 8

// Result is a fixed document and what is still wrong with it.
type Result struct {
	Doc      *doc.Document     // the document as written back
	Findings []checker.Finding // the findings on the fixed document
	Fixed    int               // how many fixes were applied in all
}

// Apply applies the fixes of findings to d, re-checks the result with check
// and applies again until nothing more can be fixed, then writes the file back
// once, atomically, in its own encoding and line ends. Formats without Source
// (.docx, HTML) are refused.
func Apply(d *doc.Document, findings []checker.Finding, check func(*doc.Document) []checker.Finding) (Result, error) {
	res := Result{Doc: d, Findings: findings}
	if d.Source == nil {
		return res, fmt.Errorf("%s: 不支持自动修复 %s 格式，请按提示手工修改", d.Path, d.Format)
	}
	var data []byte
	for pass := 0; pass < maxPasses; pass++ {
		text, n := applyText(res.Doc.Text, res.Findings)
		if n == 0 {
			break
		}
		encoded, err := Encode(withLineEnds(text, d), d.Encoding)
		if err != nil {
			return Result{Doc: d, Findings: findings}, fmt.Errorf("%s: %w", d.Path, err)
		}
		next, err := doc.ReadBytes(d.Path, encoded, doc.Options{Encoding: rereadEncoding(d.Encoding)})
		if err != nil {
			return Result{Doc: d, Findings: findings}, fmt.Errorf("%s: 修复后无法重新读取：%w", d.Path, err)
		}
		data, res.Doc, res.Fixed = encoded, next, res.Fixed+n
		res.Findings = check(next)
	}
	if data == nil {
		return res, nil
	}
	if err := writeAtomic(d.Path, data); err != nil {
		return Result{Doc: d, Findings: findings}, err
	}
	return res, nil
}

// applyText applies the fixes of findings to text from left to right, leaving
// out a fix that overlaps one already applied, and says how many it applied.
func applyText(text string, findings []checker.Finding) (string, int) {
	var todo []*checker.Fix
	for _, f := range findings {
		if f.Fix != nil {
			todo = append(todo, f.Fix)
		}
	}
	sort.SliceStable(todo, func(i, j int) bool { return todo[i].Range.Start.Offset < todo[j].Range.Start.Offset })
	var b strings.Builder
	last, n := 0, 0
	for _, fx := range todo {
		s, e := fx.Range.Start.Offset, fx.Range.End.Offset
		if s < last || e < s || e > len(text) || text[s:e] == fx.Text {
			continue
		}
		b.WriteString(text[last:s])
		b.WriteString(fx.Text)
		last = e
		n++
	}
	b.WriteString(text[last:])
	return b.String(), n
}

// rereadEncoding is the --encoding that reads back what Encode wrote: the
// reader finds a UTF-8 BOM by itself.
func rereadEncoding(enc string) string {
	if enc == "utf-8-bom" {
		return ""
	}
	return enc
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
