package output

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

func TestGoldenCheck(t *testing.T) {
	results := fixture(t)
	for _, tc := range []struct {
		format, file string
		pretty       bool
	}{
		{"text", "golden-check.txt", false},
		{"json", "golden-check.json", true},
		{"json", "golden-check-compact.json", false},
		{"sarif", "golden-check.sarif", false},
		{"github", "golden-check.github", false},
		{"html", "golden-check.html", false},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var buf bytes.Buffer
			opts := Options{Rules: fixtureRules(results), Version: "0.1.0-test", Pretty: tc.pretty}
			p, err := New(tc.format, &buf, opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := PrintAll(p, results); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, tc.file, buf.Bytes())
		})
	}
}

func TestGoldenOutline(t *testing.T) {
	d, page := fixtureDocs()
	o, po := fixtureOutlines(d, page)
	for _, format := range OutlineFormats {
		var rep, web bytes.Buffer
		p, err := NewOutline(format, &rep, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Print(d, o); err != nil {
			t.Fatal(err)
		}
		ext := map[string]string{"text": "txt", "json": "json"}[format]
		compareGolden(t, "golden-outline."+ext, rep.Bytes())
		p, _ = NewOutline(format, &web, Options{})
		if err := p.Print(page, po); err != nil {
			t.Fatal(err)
		}
		compareGolden(t, "golden-outline-html."+ext, web.Bytes())
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", nil, Options{}); err == nil {
		t.Error("New accepted an unknown format")
	}
	if _, err := NewOutline("sarif", nil, Options{}); err == nil {
		t.Error("NewOutline accepted an unknown format")
	}
}

// TestJSONEmpty checks that lists are [] when there is nothing in them.
func TestJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := PrintAll(NewJSON(&buf, Options{Pretty: true}), nil); err != nil {
		t.Fatal(err)
	}
	want := `{
  "schema": "fzlint/v1",
  "files": [],
  "summary": {
    "files": 0,
    "failed": 0,
    "errors": 0,
    "warnings": 0,
    "infos": 0,
    "suppressed": 0
  }
}
`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	buf.Reset()
	if err := PrintAll(NewJSON(&buf, Options{}), nil); err != nil {
		t.Fatal(err)
	}
	want = `{"schema":"fzlint/v1","files":[],"summary":{"files":0,"failed":0,"errors":0,"warnings":0,"infos":0,"suppressed":0}}` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("compact: got\n%s\nwant\n%s", got, want)
	}
}

// TestHTMLMarks: every finding of the fixture is highlighted in the document
// view, the markup stays balanced, and the document text is escaped.
func TestHTMLMarks(t *testing.T) {
	results := fixture(t)
	var buf bytes.Buffer
	if err := PrintAll(NewHTML(&buf, Options{}), results); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, tag := range []string{"mark", "div", "section", "table", "tr", "td"} {
		if o, c := strings.Count(out, "<"+tag+" ")+strings.Count(out, "<"+tag+">"), strings.Count(out, "</"+tag+">"); o != c {
			t.Errorf("<%s>: %d opened, %d closed", tag, o, c)
		}
	}
	// Each finding has exactly one place to scroll to: an id "f<file>-<i>".
	for n, r := range results {
		for i := range r.Findings {
			if c := strings.Count(out, fmt.Sprintf(` id="f%d-%d"`, n+1, i)); c != 1 {
				t.Errorf("file %d finding %d: %d places", n+1, i, c)
			}
		}
	}
}

// TestHTMLEscapes: text from the document never becomes markup.
func TestHTMLEscapes(t *testing.T) {
	d := doc.New("a.txt", doc.FormatText, "utf-8", "<script>alert(1)</script> & 报告")
	r := checker.FileResult{Path: "a<b>.txt", Doc: d, Findings: []checker.Finding{
		finding(d, "x/y", rules.Error, "消息<b>", "依据&", 0, 8)}}
	var buf bytes.Buffer
	if err := PrintAll(NewHTML(&buf, Options{}), []checker.FileResult{r}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script>alert") || strings.Contains(out, "<b>") || !strings.Contains(out, "&lt;script&gt;") {
		t.Errorf("document text reached the page unescaped:\n%s", out)
	}
}
