package annotate_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/annotate"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lint"
)

const shared = "../../../shared"

// inputs are the .docx samples, two seeds and a page: every format annotate
// writes from.
func inputs(t *testing.T) []string {
	if _, err := os.Stat(shared); err != nil {
		t.Logf("%s is absent: only the project's own reports", shared)
		return []string{"../../testdata/reports/白河市-2023-草稿.txt", "../../testdata/read/numbered.docx"}
	}
	return []string{
		shared + "/samples/000-signed.docx", shared + "/samples/003-autonumber.docx",
		shared + "/seeds/001_17ca6f33bb420750.txt", shared + "/seeds/003_c49e41131fdb983c.txt",
		shared + "/samples/003-page.html", "../../testdata/read/numbered.docx",
	}
}

type annotated struct {
	in     string
	result checker.FileResult
	out    []byte
	res    annotate.Result
}

func annotateAll(t *testing.T, opts annotate.Options) []annotated {
	t.Helper()
	l := lint.New(lint.Options{NoConfig: true})
	var all []annotated
	for _, in := range inputs(t) {
		r, err := l.CheckFile(in)
		if err != nil || r.Error != nil {
			t.Fatalf("%s: %v %v", in, err, r.Error)
		}
		var out []byte
		var res annotate.Result
		if r.Doc.Format == doc.FormatDocx {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			out, res, err = annotate.Docx(src, r.Doc, r.Findings, opts)
			if err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			after, _ := os.ReadFile(in)
			if !bytes.Equal(src, after) {
				t.Fatalf("%s was modified", in)
			}
		} else {
			out, res, err = annotate.NewDocx(r.Doc, r.Findings, opts)
			if err != nil {
				t.Fatalf("%s: %v", in, err)
			}
		}
		if res.Comments != len(r.Findings) || res.Elsewhere != 0 {
			t.Errorf("%s: %d comments (%d elsewhere) for %d findings", in, res.Comments, res.Elsewhere, len(r.Findings))
		}
		all = append(all, annotated{in, r, out, res})
	}
	return all
}

// TestStructure: every part is well-formed XML, every relationship points to
// a part, every part has a content type, and the comments are there.
func TestStructure(t *testing.T) {
	for _, a := range annotateAll(t, annotate.Options{}) {
		zr, err := zip.NewReader(bytes.NewReader(a.out), int64(len(a.out)))
		if err != nil {
			t.Fatalf("%s: %v", a.in, err)
		}
		parts := map[string][]byte{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if _, dup := parts[f.Name]; dup {
				t.Errorf("%s: part %s twice", a.in, f.Name)
			}
			parts[f.Name] = b
		}
		for name, b := range parts {
			if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
				if err := wellFormed(b); err != nil {
					t.Errorf("%s: %s: %v", a.in, name, err)
				}
			}
		}
		var ct struct {
			Defaults []struct {
				Ext string `xml:"Extension,attr"`
			} `xml:"Default"`
			Overrides []struct {
				Part string `xml:"PartName,attr"`
				Type string `xml:"ContentType,attr"`
			} `xml:"Override"`
		}
		if err := xml.Unmarshal(parts["[Content_Types].xml"], &ct); err != nil {
			t.Fatal(err)
		}
		typed := map[string]string{}
		for _, o := range ct.Overrides {
			typed[strings.TrimPrefix(o.Part, "/")] = o.Type
		}
		for name := range parts {
			ok := typed[name] != ""
			for _, d := range ct.Defaults {
				ok = ok || strings.HasSuffix(name, "."+d.Ext)
			}
			if !ok {
				t.Errorf("%s: %s has no content type", a.in, name)
			}
		}
		if typed["word/comments.xml"] != "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml" {
			t.Errorf("%s: comments part typed %q", a.in, typed["word/comments.xml"])
		}
		for name, b := range parts {
			if !strings.HasSuffix(name, ".rels") {
				continue
			}
			var rels struct {
				Rels []struct {
					Type, Target, TargetMode string `xml:",attr"`
				} `xml:"Relationship"`
			}
			if err := xml.Unmarshal(b, &rels); err != nil {
				t.Fatal(err)
			}
			dir := path.Dir(path.Dir(name))
			for _, r := range rels.Rels {
				if r.TargetMode == "External" {
					continue
				}
				target := path.Join(dir, r.Target)
				if strings.HasPrefix(r.Target, "/") {
					target = strings.TrimPrefix(r.Target, "/")
				}
				if _, ok := parts[target]; !ok {
					t.Errorf("%s: %s points to missing %s", a.in, name, target)
				}
			}
		}
		if n := bytes.Count(parts["word/comments.xml"], []byte(`w:author="fzlint"`)); n != len(a.result.Findings) {
			t.Errorf("%s: %d fzlint comments, %d findings", a.in, n, len(a.result.Findings))
		}
	}
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestReadBack: fzlint reads its own output as the original text (the
// revisions pending count as accepted in checker/doc, so --no-revisions).
func TestReadBack(t *testing.T) {
	for _, a := range annotateAll(t, annotate.Options{NoRevisions: true}) {
		d, err := doc.ReadBytes("out.docx", a.out, doc.Options{})
		if err != nil {
			t.Fatalf("%s: %v", a.in, err)
		}
		want := lines(a.result.Doc)
		if got := lines(d); !slices.Equal(got, want) {
			t.Errorf("%s: read back differs", a.in)
		}
	}
}

// lines are a document's lines without numbering labels.
func lines(d *doc.Document) []string {
	var out []string
	for _, l := range d.Lines {
		out = append(out, d.Text[l.Start+l.Generated:l.End])
	}
	return out
}

// TestLibreOffice opens every annotated document in LibreOffice: it must
// convert (no repair), hold one fzlint comment per finding anchored on the
// finding's excerpt, show the original text with the revisions rejected and
// the fixed text with them accepted.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: .ci/install-libreoffice.sh installs it")
	}
	var all []annotated
	for _, a := range annotateAll(t, annotate.Options{}) {
		// A hand-written fixture (tracked changes, text box, field, hidden
		// text) that LibreOffice cannot load even before annotation.
		if !strings.HasSuffix(a.in, "numbered.docx") {
			all = append(all, a)
		}
	}
	dir := t.TempDir()
	var files []string
	for i, a := range all {
		name := filepath.Join(dir, string(rune('a'+i))+".docx")
		if err := os.WriteFile(name, a.out, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "fodt", "--outdir", dir}, files...)
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for i, a := range all {
		b, err := os.ReadFile(strings.TrimSuffix(files[i], ".docx") + ".fodt")
		if err != nil {
			t.Fatalf("%s: LibreOffice did not open it: %v", a.in, err)
		}
		o, err := parseFODT(b)
		if err != nil {
			t.Fatalf("%s: %v", a.in, err)
		}
		checkOpened(t, a, o)
	}
}

func checkOpened(t *testing.T, a annotated, o *odt) {
	t.Helper()
	var got, want []string
	for _, c := range o.comments {
		if c.author == annotate.Author {
			msg, _, _ := strings.Cut(c.text, "\n")
			got = append(got, msg+" | "+c.anchored)
		}
	}
	for _, f := range a.result.Findings {
		want = append(want, f.Message+" | "+anchor(a.result.Doc, f))
	}
	sort.Strings(got)
	sort.Strings(want)
	if len(got) != len(want) {
		t.Errorf("%s: %d comments in LibreOffice, %d findings", a.in, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("%s: comment %q, want %q", a.in, got[i], want[i])
			break
		}
	}
	if orig := lines(a.result.Doc); !slices.Equal(o.rejected, orig) {
		t.Errorf("%s: text with revisions rejected differs from the original:\n%s", a.in, firstDiff(o.rejected, orig))
	}
	fixed := strings.Split(applyFixes(a), "\n")
	if !slices.Equal(o.accepted, fixed) {
		t.Errorf("%s: text with revisions accepted differs from the fixed text:\n%s", a.in, firstDiff(o.accepted, fixed))
	}
	if a.res.Revisions == 0 {
		t.Errorf("%s: no revision written", a.in)
	}
}

// anchor is the text a finding's comment is anchored on: its excerpt
// without numbering labels, or for a finding on a label the paragraph.
func anchor(d *doc.Document, f checker.Finding) string {
	var parts []string
	first := d.LineAt(f.Range.Start.Offset)
	for n := first; n <= d.LineAt(f.Range.End.Offset); n++ {
		l := d.Lines[n-1]
		s, e := max(f.Range.Start.Offset, l.Start+l.Generated), min(f.Range.End.Offset, l.End)
		if s >= e && n == first && f.Range.End.Offset <= l.Start+l.Generated {
			return d.Text[l.Start+l.Generated : l.End]
		}
		parts = append(parts, d.Text[min(s, e):e])
	}
	return strings.Join(parts, "\n")
}

// applyFixes is the text (without numbering labels) with the fixes annotate
// wrote as revisions applied.
func applyFixes(a annotated) string {
	d := a.result.Doc
	type cut struct {
		start, end int
		text       string
	}
	var cuts []cut
	for _, i := range a.res.Revised {
		fx := a.result.Findings[i].Fix
		cuts = append(cuts, cut{fx.Range.Start.Offset, fx.Range.End.Offset, fx.Text})
	}
	for _, l := range d.Lines {
		if l.Generated > 0 {
			cuts = append(cuts, cut{l.Start, l.Start + l.Generated, ""})
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	var sb strings.Builder
	at := 0
	for _, c := range cuts {
		sb.WriteString(d.Text[at:c.start])
		sb.WriteString(c.text)
		at = c.end
	}
	sb.WriteString(d.Text[at:])
	return sb.String()
}

func firstDiff(got, want []string) string {
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return "paragraph " + string(rune('0'+i%10)) + ":\n got " + g + "\nwant " + w
		}
	}
	return ""
}

// TestKeepsTheDocument: the fixture's own comment, revisions and every part
// but the four annotate writes are kept byte for byte.
func TestKeepsTheDocument(t *testing.T) {
	in := "../../testdata/read/numbered.docx"
	l := lint.New(lint.Options{NoConfig: true})
	r, err := l.CheckFile(in)
	if err != nil || r.Error != nil {
		t.Fatal(err, r.Error)
	}
	src, _ := os.ReadFile(in)
	out, res, err := annotate.Docx(src, r.Doc, r.Findings, annotate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Labels != 2 || res.Comments != 8 {
		t.Errorf("result %+v, want 8 comments, 2 on numbering labels", res)
	}
	before, after := unzip(t, src), unzip(t, out)
	for name, b := range before {
		switch name {
		case "word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml":
			continue
		}
		if after[name] != b {
			t.Errorf("%s changed", name)
		}
	}
	if n := strings.Count(after["word/document.xml"], `w:author="甲"`); n != 3 {
		t.Errorf("%d of the document's 3 revisions kept", n)
	}
	if !strings.Contains(after["word/comments.xml"], before["word/comments.xml"][strings.Index(before["word/comments.xml"], `<w:comment `):strings.LastIndex(before["word/comments.xml"], `</w:comments>`)]) {
		t.Errorf("the document's own comment is lost:\n%s", after["word/comments.xml"])
	}
	if n := strings.Count(after["word/comments.xml"], `w:author="fzlint"`); n != 8 {
		t.Errorf("%d fzlint comments, want 8", n)
	}
}

func unzip(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(data)
	}
	return out
}

// TestLabelFixIsNoRevision: a fix on a numbering label (not text of the
// document) is a comment only, never text inserted in the paragraph.
func TestLabelFixIsNoRevision(t *testing.T) {
	in := "../../testdata/read/numbered.docx"
	r, err := lint.New(lint.Options{NoConfig: true}).CheckFile(in)
	if err != nil || r.Error != nil {
		t.Fatal(err, r.Error)
	}
	l := r.Doc.Lines[2] // "一、主要举措和成效", its label rendered
	if l.Generated == 0 {
		t.Fatal("line 3 has no numbering label")
	}
	f := checker.Finding{Rule: "x/label", Message: "编号", Range: r.Doc.Range(l.Start, l.Start+l.Generated),
		Excerpt: r.Doc.Text[l.Start : l.Start+l.Generated]}
	f.Fix = &checker.Fix{Range: f.Range, Text: "1."}
	src, _ := os.ReadFile(in)
	out, res, err := annotate.Docx(src, r.Doc, []checker.Finding{f}, annotate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Revisions != 0 || res.Labels != 1 || strings.Contains(unzip(t, out)["word/document.xml"], "<w:ins") &&
		strings.Count(unzip(t, out)["word/document.xml"], "<w:ins") != strings.Count(unzip(t, src)["word/document.xml"], "<w:ins") {
		t.Errorf("result %+v", res)
	}
}
