package output_test

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/golden"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/checker/output"
	"github.com/fzlint/fzlint/rules"
)

// report runs the default packs over path and prints the HTML report with
// the checklist and the parts, as `fzlint check --format html` does.
func report(t testing.TB, paths ...string) []byte {
	t.Helper()
	l := lint.New(lint.Options{NoConfig: true})
	var buf bytes.Buffer
	p := output.NewHTML(&buf, output.Options{Review: func(r checker.FileResult) (*outline.Outline, *checklist.List) {
		a, set, err := l.Analysis(r)
		if err != nil {
			t.Fatal(err)
		}
		return a.Outline, checklist.Build(set, a, r.Findings)
	}})
	var results []checker.FileResult
	if err := l.Run(paths, func(r checker.FileResult) { results = append(results, r) }); err != nil {
		t.Fatal(err)
	}
	if err := output.PrintAll(p, results); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGoldenReport: the page of the draft report and of a web page (whose
// findings are placed in the page's source).
func TestGoldenReport(t *testing.T) {
	golden.Compare(t, "../../testdata/output/report-draft.html", report(t, "../../testdata/reports/白河市-2023-草稿.txt"))
	page := "../../../shared/samples/003-page.html"
	if _, err := os.Stat(page); err != nil {
		t.Skipf("%s is absent: the web page needs the workspace's shared/samples", page)
	}
	golden.Compare(t, "../../testdata/output/report-page.html", report(t, page))
}

// BenchmarkReport is the cost of the HTML report of one seed beyond its
// check: the outline again, the checklist and the page.
func BenchmarkReport(b *testing.B) {
	path := "../../../shared/seeds/003_c49e41131fdb983c.txt"
	if _, err := os.Stat(path); err != nil {
		path = "../../testdata/reports/白河市-2023-草稿.txt"
	}
	l := lint.New(lint.Options{NoConfig: true})
	r, err := l.CheckFile(path)
	if err != nil {
		b.Fatal(err)
	}
	review := func(r checker.FileResult) (*outline.Outline, *checklist.List) {
		a, set, _ := l.Analysis(r)
		return a.Outline, checklist.Build(set, a, r.Findings)
	}
	for b.Loop() {
		p := output.NewHTML(io.Discard, output.Options{Review: review})
		if err := output.PrintAll(p, []checker.FileResult{r}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBlankLinesMarked: a finding over the blank lines ending a text (no text
// of it on any line) is marked where it starts and on the empty last line.
func TestBlankLinesMarked(t *testing.T) {
	d := doc.New("a.txt", doc.FormatText, "utf-8", "正文\n\n\n")
	f := checker.Finding{Rule: "hygiene/blank-lines", Severity: rules.Info, Message: "多余空行",
		Range: d.Range(len("正文"), len("正文\n\n\n")), Excerpt: "\n\n\n"}
	var buf bytes.Buffer
	if err := output.PrintAll(output.NewHTML(&buf, output.Options{}), []checker.FileResult{{Path: "a.txt", Doc: d, Findings: []checker.Finding{f}}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<span class="ln">1</span>正文<mark class="info nl" id="f1-0" data-f="0"`,
		`<span class="ln">4</span><mark class="info nl" data-f="0"`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("no %s in\n%s", want, buf.String())
		}
	}
}
