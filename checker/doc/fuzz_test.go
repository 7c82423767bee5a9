package doc

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/doc/hostile"
)

// checkDocument checks what every reader promises of a Document: lines cover
// Text with "\n" between them, Pos of a line start is column 1 of that line
// (for formats without a Locator), and generated text is a prefix of its line.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	if len(d.Lines) == 0 || d.Lines[0].Start != 0 || d.Lines[len(d.Lines)-1].End != len(d.Text) {
		t.Fatalf("lines do not cover the text: %d lines, text %d bytes", len(d.Lines), len(d.Text))
	}
	if !utf8.ValidString(d.Text) || !d.ValidUTF8() {
		t.Fatalf("text is not valid UTF-8, or not known to be (ValidUTF8 %v)", d.ValidUTF8())
	}
	for i, l := range d.Lines {
		if l.End < l.Start || (i+1 < len(d.Lines) && (d.Text[l.End] != '\n' || d.Lines[i+1].Start != l.End+1)) {
			t.Fatalf("line %d: %+v", i+1, l)
		}
		if g := l.Start + l.Generated; l.Generated < 0 || g > l.End || g < l.End && !utf8.RuneStart(d.Text[g]) {
			t.Fatalf("line %d: generated %d of %d bytes", i+1, l.Generated, l.End-l.Start)
		}
		p := d.Pos(l.Start)
		if p.Offset != l.Start || p.Line < 1 || p.Column < 1 {
			t.Fatalf("line %d: Pos(start) = %+v", i+1, p)
		}
		if d.Locator == nil && (p.Line != i+1 || p.Column != 1 || d.Pos(l.End).Column != utf8.RuneCountInString(d.Text[l.Start:l.End])+1) {
			t.Fatalf("line %d: Pos(start) = %+v, Pos(end) = %+v", i+1, p, d.Pos(l.End))
		}
	}
	for _, c := range d.Comments {
		if c.Start < 0 || c.Start > c.End || c.End > len(d.Text) || !utf8.ValidString(d.Text[c.Start:c.End]) {
			t.Fatalf("comment %+v out of the text or not on rune boundaries", c)
		}
	}
}

// checkReadError checks that a reader's error is a ReadError with a code.
func checkReadError(t *testing.T, err error) {
	t.Helper()
	var re *ReadError
	if !errors.As(err, &re) || re.Code == "" || re.Message == "" {
		t.Fatalf("error %v is not a ReadError", err)
	}
}

func addFixtures(f *testing.F, names ...string) {
	for _, n := range names {
		if b, err := os.ReadFile(filepath.Join(fixtures, n)); err == nil {
			f.Add(b)
		}
	}
}

func FuzzReadText(f *testing.F) {
	addFixtures(f, "report.txt", "report-gb18030-crlf.txt", "report-big5.txt", "report-utf16le.txt", "report-utf16be.txt", "report-utf8-bom.txt")
	for _, s := range []string{"", "\r", "a\r\n\rb\n", "\xEF\xBB\xBF\r\n", "\xFE\xFF\x00\r\x00\n", "\xFF\xFE\x00\xD8", "\x81\x30", "\xA4"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := readText("f.txt", data, Options{})
		if err != nil {
			checkReadError(t, err)
			return
		}
		checkDocument(t, d)
	})
}

func FuzzDetect(f *testing.F) {
	addFixtures(f, "report.txt", "report-gb18030-crlf.txt", "report-big5.txt", "report-utf16le.txt")
	f.Add([]byte("caf\xe9"))
	f.Add([]byte("\xB7\xA8\xD6\xCE"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if got := detect(data); got != EncUTF8 && got != EncGB18030 && got != EncBig5 {
			t.Fatalf("detect = %q", got)
		}
		enc, bom, err := chooseEncoding("f", data, "")
		if err != nil {
			checkReadError(t, err)
			return
		}
		if !slices.Contains([]string{EncUTF8, EncUTF8BOM, EncUTF16LE, EncUTF16BE, EncGB18030, EncBig5}, enc) {
			t.Fatalf("encoding %q", enc)
		}
		text, err := decodeAs("f", enc, data, bom)
		if err != nil {
			checkReadError(t, err)
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("decoded text is not UTF-8")
		}
	})
}

func FuzzDocx(f *testing.F) {
	addFixtures(f, "numbered.docx")
	f.Add(hostile.NestedParagraphs(10000))
	f.Add(hostile.NumberedEmptyParagraphs(60000, 10000))
	f.Add(makeZip(f, docxFiles(p(num("1", "0"), r("甲")), `<w:abstractNum w:abstractNumId="0">`+lvl("0", "chineseCounting", "%1、")+`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`, "")))
	f.Add(ole("EncryptionInfo"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := readDocx("f.docx", data)
		if err != nil {
			checkReadError(t, err)
			return
		}
		checkDocument(t, d)
	})
}

// FuzzDocxParts fuzzes the XML a .docx holds rather than its zip container,
// which mutations of zip bytes seldom get through.
func FuzzDocxParts(f *testing.F) {
	f.Add(numberedBody, numberedNumbering, numberedStyles, `<w:comment w:id="0"><w:p><w:r><w:t>fzlint-disable a/b -- 理由</w:t></w:r></w:p></w:comment>`)
	f.Add(p(`<w:pStyle w:val="1"/>`, r("a")), `<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="1"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`, `<w:style w:type="paragraph" w:styleId="1"><w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`, "")
	f.Fuzz(func(t *testing.T, body, numbering, styles, comments string) {
		files := docxFiles(body, numbering, styles)
		files["word/comments.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:comments ` + wordNS + `>` + comments + `</w:comments>`
		d, err := readDocx("f.docx", zipFiles(t, files, zip.Store))
		if err != nil {
			checkReadError(t, err)
			return
		}
		checkDocument(t, d)
	})
}

func FuzzHTML(f *testing.F) {
	addFixtures(f, "page.html", "page-gbk.html")
	f.Add(hostile.UnclosedDivs(300000))
	for _, s := range []string{"<p>a&amp;b&nbsp;c</p>", "<td>x<td>y", "&#x4e2d;&#20013&lt", "<meta charset=big5>\xA4\xA4", "a\r\nb\rc"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := readHTML("f.html", data, Options{})
		if err != nil {
			checkReadError(t, err)
			return
		}
		checkDocument(t, d)
		loc := d.Locator.(*htmlLocator)
		// Literal stretches of the text are the source's own bytes.
		for i, s := range loc.segs {
			end := len(d.Text)
			if i+1 < len(loc.segs) {
				end = loc.segs[i+1].text
			}
			if s.literal && (s.src+end-s.text > len(loc.src) || loc.src[s.src:s.src+end-s.text] != d.Text[s.text:end]) {
				t.Fatalf("segment %d %+v: text %q, source differs", i, s, d.Text[s.text:end])
			}
		}
		lines := len(loc.lineStarts)
		for off := range d.Text {
			if p := d.Pos(off); p.Line < 1 || p.Line > lines || p.Column < 1 {
				t.Fatalf("Pos(%d) = %+v", off, p)
			}
		}
	})
}

// FuzzReadBounded reads data as each format and checks what reading costs
// against the bounds: the text is within MaxTextBytes, and the allocations
// within a fixed budget (a .docx may unpack to 4 MB of parts under the ratio
// check, and the text, lines and tree are bounded) plus a multiple of the
// input. Before the text was bounded as it was produced, a 1 KB .docx with a
// long numbering label on many empty paragraphs allocated gigabytes.
func FuzzReadBounded(f *testing.F) {
	f.Add([]byte("第一段\n第二段"), uint8(0))
	f.Add(hostile.NumberedEmptyParagraphs(60000, 10000), uint8(3))
	f.Add(hostile.NumberedEmptyParagraphs(300, 10000), uint8(3))
	f.Add(hostile.NestedParagraphs(10000), uint8(3))
	f.Add(hostile.NestedParagraphs(250), uint8(3))
	f.Add(hostile.UnclosedDivs(300000), uint8(2))
	f.Add(hostile.LargeText(3<<20), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		name := [...]string{"f.txt", "f.md", "f.html", "f.docx"}[format%4]
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d, err := ReadBytes(name, data, Options{})
		runtime.ReadMemStats(&after)
		if alloc, budget := after.TotalAlloc-before.TotalAlloc, uint64(192<<20+64*len(data)); alloc > budget {
			t.Fatalf("reading %d bytes as %s allocated %d MB, over %d MB", len(data), name, alloc>>20, budget>>20)
		}
		if err != nil {
			checkReadError(t, err)
			return
		}
		if len(d.Text) > MaxTextBytes {
			t.Fatalf("%d bytes of text", len(d.Text))
		}
	})
}
