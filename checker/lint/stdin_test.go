package lint

import (
	"os"
	"strings"
	"testing"
)

// TestStdinSniffed reads standard input by its content when no file name
// with an extension says the format: a web page as HTML, a .docx as a Word
// document, text as text; a name with an extension decides.
func TestStdinSniffed(t *testing.T) {
	docx, err := os.ReadFile("../../testdata/read/numbered.docx")
	if err != nil {
		t.Fatal(err)
	}
	page := "<!DOCTYPE html>\n<html><head><title>报告</title></head><body><h1>青山县司法局关于2023年度法治政府建设情况的报告</h1><p>全年审查规范性文件12件。</p></body></html>"
	for _, c := range []struct {
		name, input, format, firstLine string
	}{
		{"", page, "html", "青山县司法局关于2023年度法治政府建设情况的报告"},
		{"", string(docx), "docx", ""},
		{"", report, "text", "青山县司法局关于2023年度法治政府建设情况的报告"},
		{"报告", page, "html", "青山县司法局关于2023年度法治政府建设情况的报告"},
		{"page.txt", page, "text", "<!DOCTYPE html>"},
	} {
		l := New(Options{NoConfig: true, Stdin: strings.NewReader(c.input), StdinName: c.name})
		got, err := collect(t, l, "-")
		if err != nil {
			t.Fatal(err)
		}
		name := c.name
		if name == "" {
			name = "<stdin>"
		}
		r := got[name]
		if r.Error != nil || r.Format != c.format {
			t.Errorf("%q as %q: format %q, error %+v; want %s", c.input[:20], c.name, r.Format, r.Error, c.format)
			continue
		}
		if c.firstLine != "" && r.Doc.LineText(1) != c.firstLine {
			t.Errorf("%q as %q: first line %q, want %q", c.input[:20], c.name, r.Doc.LineText(1), c.firstLine)
		}
	}
}

// TestStdinAnalysisUsesTheCheckedConfig: the views of a result read from
// standard input (the checklist) use the rule set it was checked with, that
// of the working directory, whatever directory --stdin-filename names.
func TestStdinAnalysisUsesTheCheckedConfig(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/sub/.fzlint.yaml", "packs: [typography]\n")
	t.Chdir(dir)
	l := New(Options{Stdin: strings.NewReader(report), StdinName: "sub/报告.txt"})
	got, err := collect(t, l, "-")
	if err != nil {
		t.Fatal(err)
	}
	r := got["sub/报告.txt"]
	want, _ := l.Set(".")
	if _, set, err := l.Analysis(r); err != nil || set != want {
		t.Errorf("Analysis of standard input: set %p (%v), want the working directory's %p", set, err, want)
	}
}
