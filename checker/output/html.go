package output

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"sort"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// HTML prints one self-contained page for drafters: per file, the list of
// findings and the document itself with every finding highlighted where it is
// (hover for the message). Files are written as they come; the summary ends
// the page.
type HTML struct {
	w       io.Writer
	started bool
	files   int
	summary summary
}

// NewHTML returns an HTML printer writing to w.
func NewHTML(w io.Writer, _ Options) *HTML {
	return &HTML{w: w}
}

const htmlHead = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>fzlint 检查结果</title>
<style>
body{font-family:"FangSong","仿宋",serif;margin:2em;max-width:60em;color:#222}
h2{font-family:"SimHei","黑体",sans-serif;font-size:1.1em;border-bottom:1px solid #ccc;padding-bottom:.3em}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0 1em}
td,th{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
.doc{border:1px solid #ddd;padding:.5em 1em;line-height:1.8}
.line{white-space:pre-wrap;padding-left:3em;text-indent:-3em}
.ln{display:inline-block;width:3em;color:#999;user-select:none}
mark.error{background:#fdd;border-bottom:2px solid #c00}
mark.warning{background:#ffefc0;border-bottom:2px solid #c80}
mark.info{background:#e0efff;border-bottom:2px solid #36c}
.sev-error{color:#c00}.sev-warning{color:#b60}.sev-info{color:#36c}
td.at,td[class^=sev]{white-space:nowrap}
.failed{background:#fdd;padding:.5em 1em}
.src{color:#666;font-size:.85em}
</style>
</head>
<body>
<h1>fzlint 检查结果</h1>
`

// File prints one file's section: its findings, then its text.
func (p *HTML) File(r checker.FileResult) error {
	p.summary.add(r)
	p.files++
	bw := bufio.NewWriter(p.w) // keeps the first write error for Flush
	if !p.started {
		fmt.Fprint(bw, htmlHead)
		p.started = true
	}
	fmt.Fprintf(bw, "<section id=\"f%d\">\n<h2>%s</h2>\n", p.files, esc(r.Path))
	if r.Error != nil {
		fmt.Fprintf(bw, "<p class=\"failed\">无法检查：%s（%s）</p>\n</section>\n", esc(r.Error.Message), esc(r.Error.Code))
		return bw.Flush()
	}
	if len(r.Findings) == 0 {
		fmt.Fprint(bw, "<p>未发现问题。</p>\n")
	} else {
		p.table(bw, r)
	}
	if r.Doc != nil {
		p.document(bw, r)
	}
	fmt.Fprint(bw, "</section>\n")
	return bw.Flush()
}

// Finish prints the summary and ends the page.
func (p *HTML) Finish() error {
	bw := bufio.NewWriter(p.w)
	if !p.started {
		fmt.Fprint(bw, htmlHead)
	}
	fmt.Fprintf(bw, "<p><strong>%s</strong></p>\n</body>\n</html>\n", esc(summaryLine(p.summary)))
	return bw.Flush()
}

// table lists the findings, each linked to its place in the text below.
func (p *HTML) table(w *bufio.Writer, r checker.FileResult) {
	fmt.Fprint(w, "<table>\n<tr><th>位置</th><th>级别</th><th>问题</th><th>规则</th><th>依据</th><th>建议</th></tr>\n")
	for i, f := range r.Findings {
		hint := ""
		if f.Fix != nil && r.Doc != nil {
			hint = fixHint(r.Doc, f)
		}
		fmt.Fprintf(w, "<tr><td class=\"at\"><a href=\"#f%d-%d\">%d:%d</a></td><td class=\"sev-%s\">%s</td><td>%s</td><td>%s</td><td class=\"src\">%s</td><td>%s</td></tr>\n",
			p.files, i, f.Range.Start.Line, f.Range.Start.Column, f.Severity, f.Severity.Chinese(),
			esc(f.Message), esc(f.Rule), esc(f.Source), esc(hint))
	}
	fmt.Fprint(w, "</table>\n")
}

// document writes the text line by line, cutting each line where a finding
// starts or ends so that overlapping findings need no nested marks: every
// piece is marked with the most serious finding that covers it.
func (p *HTML) document(w *bufio.Writer, r checker.FileResult) {
	d := r.Doc
	fmt.Fprint(w, "<div class=\"doc\">\n")
	for n, l := range d.Lines {
		fmt.Fprintf(w, "<div class=\"line\"><span class=\"ln\">%d</span>", n+1)
		// Each finding's anchor sits at the start of the line it starts on.
		for i, f := range r.Findings {
			if s := f.Range.Start.Offset; s >= l.Start && s <= l.End {
				fmt.Fprintf(w, "<a id=\"f%d-%d\"></a>", p.files, i)
			}
		}
		cuts := []int{l.Start, l.End}
		for _, f := range r.Findings {
			for _, off := range []int{f.Range.Start.Offset, f.Range.End.Offset} {
				if off > l.Start && off < l.End {
					cuts = append(cuts, off)
				}
			}
		}
		sort.Ints(cuts)
		for k := 0; k+1 < len(cuts); k++ {
			a, b := cuts[k], cuts[k+1]
			if a == b {
				continue
			}
			p.piece(w, r, a, b)
		}
		fmt.Fprint(w, "</div>\n")
	}
	fmt.Fprint(w, "</div>\n")
}

// piece writes d.Text[a:b], marked by the most serious finding covering it,
// with every covering finding's message as its tooltip.
func (p *HTML) piece(w *bufio.Writer, r checker.FileResult, a, b int) {
	text := esc(r.Doc.Text[a:b])
	var titles []string
	worst := rules.Off
	for _, f := range r.Findings {
		if s, e := f.Range.Start.Offset, f.Range.End.Offset; s > a || e < b {
			continue
		}
		worst = max(worst, f.Severity)
		titles = append(titles, f.Message+" ["+f.Rule+"]")
	}
	if worst == rules.Off {
		fmt.Fprint(w, text)
		return
	}
	fmt.Fprintf(w, "<mark class=\"%s\" title=\"%s\">%s</mark>", worst, esc(strings.Join(titles, "\n")), text)
}

func esc(s string) string { return html.EscapeString(s) }
