// Package fix applies findings' fixes to the file they came from. Every byte
// outside a fix's range stays the source byte: each fix's range is placed in
// the source (see sourceMap), only its replacement is encoded, in the file's
// encoding and with the line end of the line concerned, and the file is
// written back in place of the one that was read (see write.go).
package fix

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// maxPasses bounds how often a file is re-checked after fixing: fixes of
// different rules may overlap, and the one left out is applied next pass.
const maxPasses = 8

// Options say which fixes to apply and how to write.
type Options struct {
	// Want selects the findings whose fixes are applied; nil applies all.
	Want func(checker.Finding) bool
	// DryRun computes the fixed bytes (Result.After) but writes nothing.
	DryRun bool
	// ReadOnly allows fixing a file without write permission (keeping its mode).
	ReadOnly bool
}

// Result is a fixed document and what is still wrong with it.
type Result struct {
	Doc      *doc.Document     // the document as fixed
	Findings []checker.Finding // the findings on the fixed document
	Fixed    int               // how many fixes were applied in all
	// NotApplied are the selected fixes left in Findings, and why.
	NotApplied []Skipped
	// Before and After are the file's bytes before and after fixing (After
	// is nil when nothing changed).
	Before, After []byte
}

// Skipped is a fix that was not applied.
type Skipped struct {
	Finding checker.Finding
	Reason  string
}

// edit replaces source bytes [start, end) with repl.
type edit struct {
	start, end int
	repl       []byte
}

// Apply applies the selected fixes of findings to d, re-checks the result with
// check and applies again until nothing more can be fixed, then (unless
// DryRun) writes the file back once. Formats without Source (.docx, HTML) are
// not fixed: their fixes are listed as not applied, and that is no error.
func Apply(d *doc.Document, findings []checker.Finding, check func(*doc.Document) []checker.Finding, opts Options) (Result, error) {
	unfixed := Result{Doc: d, Findings: findings, Before: d.Source}
	res := unfixed
	if d.Source == nil {
		res.NotApplied = skipAll(findings, opts, fmt.Sprintf("不支持自动修复 %s 格式，请按提示手工修改", d.Format))
		return res, nil
	}
	c, err := codecFor(d.Encoding)
	if err != nil {
		return res, fmt.Errorf("%s: %w", d.Path, err)
	}
	src := d.Source
	for pass := 0; ; pass++ {
		m, err := newSourceMap(res.Doc, c)
		if err != nil {
			return unfixed, fmt.Errorf("%s: %w，未修复", d.Path, err)
		}
		edits, text, skipped := plan(m, res.Findings, opts)
		if len(edits) == 0 || pass == maxPasses {
			res.NotApplied = skipped
			break
		}
		next := splice(src, edits)
		fixed, err := doc.ReadBytes(d.Path, next, doc.Options{Encoding: rereadEncoding(d.Encoding)})
		if err == nil && fixed.Text != text {
			err = fmt.Errorf("重新读取的文字与修复结果不一致")
		}
		if err != nil {
			return unfixed, fmt.Errorf("%s: 修复后无法按原样重新读取（%w），未修复", d.Path, err)
		}
		src, res.Doc, res.Fixed = next, fixed, res.Fixed+len(edits)
		res.Findings = check(fixed)
	}
	if res.Fixed == 0 {
		return res, nil
	}
	res.After = src
	if !opts.DryRun {
		if err := replaceFile(d.Path, d.Source, src, opts.ReadOnly); err != nil {
			return unfixed, err
		}
	}
	return res, nil
}

// plan places the selected fixes of findings in the source from left to
// right, leaving out (for the next pass) a fix that overlaps one already
// placed and refusing one whose replacement the encoding cannot hold. It
// returns the edits, the text they make, and the fixes left out.
func plan(m *sourceMap, findings []checker.Finding, opts Options) ([]edit, string, []Skipped) {
	todo := selected(findings, opts)
	sort.SliceStable(todo, func(i, j int) bool {
		return todo[i].Fix.Range.Start.Offset < todo[j].Fix.Range.Start.Offset
	})
	text := m.d.Text
	var b strings.Builder
	var edits []edit
	var skipped []Skipped
	last := 0
	for _, f := range todo {
		s, e := f.Fix.Range.Start.Offset, f.Fix.Range.End.Offset
		if s < last || e < s || e > len(text) {
			skipped = append(skipped, Skipped{f, "与另一处修复重叠"})
			continue
		}
		if text[s:e] == f.Fix.Text {
			continue
		}
		ed, err := placeEdit(m, s, e, f.Fix.Text)
		if err != nil {
			skipped = append(skipped, Skipped{f, err.Error()})
			continue
		}
		b.WriteString(text[last:s])
		b.WriteString(f.Fix.Text)
		last = e
		edits = append(edits, ed)
	}
	b.WriteString(text[last:])
	return edits, b.String(), skipped
}

// placeEdit maps the Text range [s, e) to source bytes and encodes repl for it.
func placeEdit(m *sourceMap, s, e int, repl string) (edit, error) {
	start, err := m.toSource(s)
	if err != nil {
		return edit{}, err
	}
	end, err := m.toSource(e)
	if err != nil {
		return edit{}, err
	}
	if strings.ContainsRune(repl, '\r') {
		return edit{}, fmt.Errorf("替换文字含回车符")
	}
	eol, ok := m.c.roundTrip(m.eol(s))
	if !ok {
		return edit{}, fmt.Errorf("换行符无法按 %s 编码", m.c.name)
	}
	var out []byte
	for i, part := range strings.Split(repl, "\n") {
		if i > 0 {
			out = append(out, eol...)
		}
		enc, ok := m.c.roundTrip(part)
		if !ok {
			return edit{}, fmt.Errorf("替换文字“%s”无法按文件的 %s 编码保存", part, m.c.name)
		}
		out = append(out, enc...)
	}
	return edit{start: start, end: end, repl: out}, nil
}

// splice replaces the edits' ranges of src (in order, not overlapping).
func splice(src []byte, edits []edit) []byte {
	var out bytes.Buffer
	out.Grow(len(src))
	last := 0
	for _, ed := range edits {
		out.Write(src[last:ed.start])
		out.Write(ed.repl)
		last = ed.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// selected returns the findings with a fix that opts select.
func selected(findings []checker.Finding, opts Options) []checker.Finding {
	var out []checker.Finding
	for _, f := range findings {
		if f.Fix != nil && (opts.Want == nil || opts.Want(f)) {
			out = append(out, f)
		}
	}
	return out
}

// skipAll lists every selected fix of findings as not applied, for reason.
func skipAll(findings []checker.Finding, opts Options, reason string) []Skipped {
	var out []Skipped
	for _, f := range selected(findings, opts) {
		out = append(out, Skipped{f, reason})
	}
	return out
}

// rereadEncoding is the --encoding that reads the fixed bytes as the source
// was read: the reader finds a UTF-8 BOM by itself.
func rereadEncoding(enc string) string {
	if enc == doc.EncUTF8BOM {
		return ""
	}
	return enc
}
