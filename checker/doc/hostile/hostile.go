// Package hostile generates the hostile inputs of issue 10 (§2): small files
// that unpack, nest or decode into far more than they hold. The readers'
// tests, their fuzz seeds and the command's memory test all use them, so
// that each reproduction is kept once, generated rather than stored.
package hostile

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"time"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// NestedParagraphs is a .docx whose body is n paragraphs each opened inside
// the previous one: <w:p><w:r><w:t>字</w:t></w:r> n times, then </w:p> n times.
func NestedParagraphs(n int) []byte {
	var b strings.Builder
	for range n {
		b.WriteString(`<w:p><w:r><w:t>字</w:t></w:r>`)
	}
	b.WriteString(strings.Repeat(`</w:p>`, n))
	return docx(b.String(), "", "")
}

// NumberedEmptyParagraphs is a .docx of n empty paragraphs whose default
// paragraph style is numbered with a label of labelBytes bytes: each
// paragraph prints the label, so 1 KB of zip becomes n × labelBytes of text.
func NumberedEmptyParagraphs(n, labelBytes int) []byte {
	styles := `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`
	numbering := `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="` +
		strings.Repeat("条", labelBytes/3) + `%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`
	return docx(strings.Repeat(`<w:p/>`, n), numbering, styles)
}

// WriteLargeDocx writes a .docx of about size bytes of document.xml, stored
// without compression: ordinary paragraphs of report text. It is written as
// it is made, so that a test that measures a process's memory does not hold it.
func WriteLargeDocx(w io.Writer, size int) error {
	zw := zip.NewWriter(w)
	part, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, Modified: modified})
	if err != nil {
		return err
	}
	para := []byte(`<w:p><w:r><w:t>` + reportLine + `</w:t></w:r></w:p>`)
	if _, err := io.WriteString(part, `<?xml version="1.0" encoding="UTF-8"?><w:document `+wordNS+`><w:body>`); err != nil {
		return err
	}
	for range size / len(para) {
		if _, err := part.Write(para); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(part, `</w:body></w:document>`); err != nil {
		return err
	}
	return zw.Close()
}

// UnclosedDivs is a web page of n <div> start tags that are never closed.
func UnclosedDivs(n int) []byte {
	return []byte("<!DOCTYPE html><html><body>" + strings.Repeat("<div>", n) + "正文")
}

// LargeText is about size bytes of report text in UTF-8, in lines of a
// report's length.
func LargeText(size int) []byte {
	var b bytes.Buffer
	_ = WriteLargeText(&b, size) // a bytes.Buffer takes every write
	return b.Bytes()
}

// WriteLargeText writes LargeText(size) to w as it is made.
func WriteLargeText(w io.Writer, size int) error {
	line := []byte(reportLine + "\n")
	for range size / len(line) {
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// reportLine is a paragraph as reports have them, with the punctuation,
// numbers and dates the rules look at.
const reportLine = `2023年，我市坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，` +
	`全面推进法治政府建设，全年办理行政复议案件125件，行政诉讼败诉率同比下降3.5个百分点。`

// modified is the time of every zip entry, so that the bytes are the same on every run.
var modified = time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)

// docx returns a .docx whose w:body holds body, with numbering.xml and
// styles.xml holding numbering and styles when they are not empty.
func docx(body, numbering, styles string) []byte {
	files := []struct{ name, text string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`},
	}
	if numbering != "" {
		files = append(files, struct{ name, text string }{"word/numbering.xml", `<w:numbering ` + wordNS + `>` + numbering + `</w:numbering>`})
	}
	if styles != "" {
		files = append(files, struct{ name, text string }{"word/styles.xml", `<w:styles ` + wordNS + `>` + styles + `</w:styles>`})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		// Writing to a bytes.Buffer does not fail.
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: modified})
		_, _ = w.Write([]byte(f.text))
	}
	_ = zw.Close()
	return buf.Bytes()
}
