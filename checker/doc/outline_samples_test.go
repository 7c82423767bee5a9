package doc_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// understood is what the linter understands of a report, written so that a
// sample and its seed can be compared: texts and forms, not line numbers.
func understood(d *doc.Document, cfg *outline.Config) string {
	o := outline.Build(d, normalize.New(d.Text), cfg)
	view := normalize.New(d.Text)
	folded := func(s *outline.Span) string {
		if s == nil {
			return "-"
		}
		return strings.Join(strings.Fields(normalize.New(s.Text).Text), " ")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title %s\nyear %d\nsignature %s\n", folded(o.Title), o.Year, folded(o.Signature))
	if o.Date != nil {
		fmt.Fprintf(&b, "date %d-%02d-%02d\n", o.Date.Year, o.Date.Month, o.Date.Day)
	}
	for _, role := range outline.Roles {
		if p := o.Parts[role]; p != nil {
			fmt.Fprintf(&b, "%s %s %s\n", role, p.Form, folded(&p.Cue))
		}
	}
	for _, h := range o.Headings {
		if h.Marker != "" {
			fmt.Fprintf(&b, "heading %d %s\n", h.Level, view.Text[view.At(h.MarkerAt):view.At(h.End)])
		}
	}
	return b.String()
}

// TestSamplesOutline checks the promise: each sample in another
// format or encoding gives the title, parts, signature and date of the seed
// it was made from, its Word-numbered headings included.
func TestSamplesOutline(t *testing.T) {
	const shared = "../../../shared"
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	for _, sample := range []string{"000-gb18030-crlf.txt", "000-signed.docx", "001-big5.txt", "002-utf16le-bom.txt", "003-autonumber.docx", "003-page.html"} {
		seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", sample[:3]+"_*.txt"))
		if len(seeds) != 1 {
			t.Skipf("%s/seeds is absent here; testdata/read covers the readers", shared)
		}
		s, err := doc.Read(filepath.Join(shared, "samples", sample), doc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		seed, err := doc.Read(seeds[0], doc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, want := understood(s, &set.Outline), understood(seed, &set.Outline)
		if got != want {
			t.Errorf("%s is understood as\n%s\nits seed as\n%s", sample, got, want)
		}
	}
}
