package annotate_test

import (
	"archive/zip"
	"bytes"
	"math/rand"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/annotate"
	"github.com/fzlint/fzlint/checker/doc"
)

// bodies are document bodies with runs, tabs, breaks, a text box, a field,
// hidden text, tracked changes and a deleted paragraph mark.
var bodies = []string{
	`<w:p><w:r><w:t>青山县司法局关于2023年度报告</w:t></w:r></w:p><w:p><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">主要 举措</w:t><w:tab/><w:t>成效</w:t></w:r></w:p>`,
	`<w:p><w:r><w:t>附：</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:t>x</w:t></mc:Fallback></mc:AlternateContent><w:t>尾</w:t></w:r></w:p>`,
	`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>上</w:t></w:r></w:p><w:p><w:ins w:id="2" w:author="a"><w:r><w:t>下文</w:t></w:r></w:ins><w:del w:id="3" w:author="a"><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r><w:r><w:t>&amp;&lt;末</w:t></w:r></w:p>`,
	`<w:p><w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>1</w:t></w:r><w:r><w:br/><w:t>二行</w:t></w:r></w:p>`,
}

// withBody is a .docx whose main part is body.
func withBody(t *testing.T, body string) []byte {
	base, _, err := annotate.NewDocx(doc.New("a.txt", doc.FormatText, "utf-8", "x"), nil, annotate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		if f.Name == "word/document.xml" {
			_, _ = w.Write([]byte(body))
			continue
		}
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		_, _ = w.Write(b.Bytes())
	}
	_ = zw.Close()
	return out.Bytes()
}

// FuzzDocx: whatever the body, annotate never fails on a document fzlint
// reads, writes one comment per finding, and the document read back (with
// the revisions pending) is the text it was, or with them, the fixed text.
// With coverage instrumentation (`go test -fuzz`) its workers stall at 0
// execs/s on this project's machine; the test binary fuzzes without it at
// about 1,500 execs/s: go test -c -o /tmp/ann.test ./checker/annotate, then in
// checker/annotate: /tmp/ann.test -test.run XXX -test.fuzz FuzzDocx -test.fuzztime 60s
func FuzzDocx(f *testing.F) {
	for _, s := range bodies {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) { checkBody(t, body) })
}

const head = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>`

// checkBody annotates a .docx with the body, a finding on each line and a
// fix on each line's tail.
func checkBody(t *testing.T, body string) {
	t.Helper()
	src := withBody(t, head+body+`</w:body></w:document>`)
	d, err := doc.ReadBytes("f.docx", src, doc.Options{})
	if err != nil {
		return // a body fzlint does not read is checked by checker/doc
	}
	var fs []checker.Finding
	for _, l := range d.Lines {
		s, e := l.Start+l.Generated, l.End
		if s == e {
			continue
		}
		fs = append(fs, checker.Finding{Rule: "x/line", Message: "行", Range: d.Range(s, e), Excerpt: d.Text[s:e]})
		if _, n := utf8.DecodeRuneInString(d.Text[s:e]); s+n < e {
			fx := checker.Finding{Rule: "x/fix", Message: "改", Range: d.Range(s+n, e), Excerpt: d.Text[s+n : e]}
			fx.Fix = &checker.Fix{Range: fx.Range, Text: "改"}
			fs = append(fs, fx)
		}
	}
	for _, opts := range []annotate.Options{{NoRevisions: true}, {}} {
		out, res, err := annotate.Docx(src, d, fs, opts)
		if err != nil {
			t.Fatalf("%v", err)
		}
		if res.Comments != len(fs) {
			t.Fatalf("%d comments for %d findings", res.Comments, len(fs))
		}
		back, err := doc.ReadBytes("out.docx", out, doc.Options{})
		if err != nil {
			t.Fatalf("annotated document unreadable: %v", err)
		}
		if opts.NoRevisions && !slices.Equal(lines(back), lines(d)) {
			t.Fatalf("read back %q, was %q", lines(back), lines(d))
		}
		for name, b := range unzip(t, out) {
			if err := wellFormed([]byte(b)); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// TestMutatedBodies: the bodies cut, repeated and spliced at random (the
// fuzzer's work, reproducible), each annotated as FuzzDocx checks.
func TestMutatedBodies(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 2000 {
		s := []byte(bodies[rng.Intn(len(bodies))])
		for range 1 + rng.Intn(4) {
			a, b := rng.Intn(len(s)), rng.Intn(len(s))
			a, b = min(a, b), max(a, b)
			switch c := rng.Intn(len(s)); rng.Intn(3) {
			case 0:
				s = append(s[:a:a], s[b:]...)
			case 1:
				s = append(s[:c:c], append(slices.Clone(s[a:b]), s[c:]...)...)
			default:
				s = append(s[:a:a], append(slices.Clone(s[a:b]), s[a:]...)...)
			}
		}
		checkBody(t, string(s))
	}
}
