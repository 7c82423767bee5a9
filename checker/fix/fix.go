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

// edit replaces source bytes [start, end) with repl, for fix.
type edit struct {
	start, end int
	repl       []byte
	fix        *checker.Fix
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
		// A fix that would join a CR and an LF into one line end is refused
		// and the pass planned again without it.
		joining := map[*checker.Fix]bool{}
		var edits []edit
		var text string
		var skipped []Skipped
		var next []byte
		for {
			edits, text, skipped = plan(m, res.Findings, opts, joining)
			var joined []*checker.Fix
			if next, joined = splice(c, src, edits); len(joined) == 0 {
				break
			}
			for _, fx := range joined {
				joining[fx] = true
			}
		}
		if len(edits) == 0 || pass == maxPasses {
			skipped = append(skipped, unapplied(res.Findings, edits)...)
			res.NotApplied = skipped
			break
		}
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
// placed and refusing one whose replacement the encoding cannot hold or that
// is in joining. It returns the edits, the text they make, and the fixes left out.
func plan(m *sourceMap, findings []checker.Finding, opts Options, joining map[*checker.Fix]bool) ([]edit, string, []Skipped) {
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
		if joining[f.Fix] {
			skipped = append(skipped, Skipped{f, "修复会让前后的回车符与换行符连成一个换行"})
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
		ed.fix = f.Fix
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

// splice replaces the edits' ranges of src (in order, not overlapping). It
// also returns the fixes of the edits after which, or before which, a CR now
// stands just before an LF: read again, the two would be one line end.
func splice(c *codec, src []byte, edits []edit) ([]byte, []*checker.Fix) {
	var out bytes.Buffer
	out.Grow(len(src))
	seams := make([]int, 0, 2*len(edits))
	last := 0
	for _, ed := range edits {
		out.Write(src[last:ed.start])
		seams = append(seams, out.Len())
		out.Write(ed.repl)
		seams = append(seams, out.Len())
		last = ed.end
	}
	out.Write(src[last:])
	b := out.Bytes()
	var joined []*checker.Fix
	for i, p := range seams {
		if p >= c.unit && p+c.unit <= len(b) && c.unitAt(b, p-c.unit) == '\r' && c.unitAt(b, p) == '\n' {
			joined = append(joined, edits[i/2].fix)
		}
	}
	return b, joined
}

// unapplied lists the findings whose fixes are edits that the pass limit
// left unapplied.
func unapplied(findings []checker.Finding, edits []edit) []Skipped {
	planned := map[*checker.Fix]bool{}
	for _, ed := range edits {
		planned[ed.fix] = true
	}
	var out []Skipped
	for _, f := range findings {
		if f.Fix != nil && planned[f.Fix] {
			out = append(out, Skipped{f, fmt.Sprintf("已修复 %d 轮，仍有修复未完成", maxPasses)})
		}
	}
	return out
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
