package doc

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/fzlint/fzlint/checker/golden"
)

const fixtures = "../../testdata/read"

// makeZip writes files into a zip, in name order, with a fixed time, so that
// the bytes are the same on every run.
func makeZip(t testing.TB, files map[string]string) []byte {
	return zipFiles(t, files, zip.Deflate)
}

// zipFiles is makeZip with a compression method (zip.Store is much faster).
func zipFiles(t testing.TB, files map[string]string, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method, Modified: time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

// docxFiles returns the parts of a minimal .docx whose body is body (the
// content of w:body) and whose numbering.xml and styles.xml hold numbering
// and styles (the content of w:numbering and w:styles).
func docxFiles(body, numbering, styles string) map[string]string {
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	if numbering != "" {
		files["word/numbering.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wordNS + `>` + numbering + `</w:numbering>`
	}
	if styles != "" {
		files["word/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>` + styles + `</w:styles>`
	}
	return files
}

// p writes a paragraph: pPr is the content of w:pPr, runs the rest.
func p(pPr string, runs ...string) string {
	if pPr != "" {
		pPr = "<w:pPr>" + pPr + "</w:pPr>"
	}
	return "<w:p>" + pPr + strings.Join(runs, "") + "</w:p>"
}

// r writes a run of text.
func r(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// num is the w:pPr content putting a paragraph in list id at level ilvl.
func num(id, ilvl string) string {
	return `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + id + `"/></w:numPr>`
}

// lvl writes a list level.
func lvl(ilvl, format, text string) string {
	return `<w:lvl w:ilvl="` + ilvl + `"><w:start w:val="1"/><w:numFmt w:val="` + format + `"/><w:lvlText w:val="` + text + `"/></w:lvl>`
}

// The numbered fixture: a short report whose headings are numbered by Word,
// with the other things a body holds (tracked changes, hidden text, fields,
// text boxes, a table, notes and comments that are not body text).
var (
	numberedNumbering = `<w:abstractNum w:abstractNumId="1">` +
		lvl("0", "chineseCounting", "%1、") + lvl("1", "chineseCounting", "（%2）") + lvl("2", "decimal", "%3.") +
		`</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2">` + lvl("0", "decimalEnclosedCircle", "%1") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="3">` + lvl("0", "bullet", "●") + `</w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>`
	// Chinese Word names the built-in heading styles "1", "2", … by id; the name stays "heading 1".
	numberedStyles = `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr>` + num("1", "0") + `<w:outlineLvl w:val="0"/></w:pPr></w:style>`
	numberedBody = p(`<w:jc w:val="center"/>`, r("青禾县司法局关于"), r("2023年度法治政府建设"), r("情况的报告")) +
		p("", r("2023年，我局坚持以习近平法治思想为指导，现将有关情况报告如下。"), `<w:r><w:footnoteReference w:id="1"/></w:r>`) +
		p(num("1", "0"), r("主要举措和成效")) +
		p(num("1", "1"), r("加强组织领导。"), `<w:commentRangeStart w:id="0"/>`, r("局党组召开专题会议4次。"), `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`) +
		p(num("1", "1"), r("规范行政执法。全年审核重大执法决定"),
			`<w:ins w:id="1" w:author="甲"><w:r><w:t>37</w:t></w:r></w:ins>`,
			`<w:del w:id="2" w:author="甲"><w:r><w:delText>30</w:delText></w:r></w:del>`, r("件。")) +
		p(num("1", "2"), r("开展案卷评查。")) +
		p(`<w:pStyle w:val="1"/>`, r("存在的不足和原因")) +
		p(num("1", "1")+`<w:rPr><w:del w:id="3" w:author="甲"/></w:rPr>`, r("基层执法力量不足；")) +
		p("", r("规范性文件清理不及时。")) +
		p("", r("局主要负责人"), `<w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏文字）</w:t></w:r>`,
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DOCPROPERTY 职责 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
			r("带头述法"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`, r("。")) +
		p(num("1", "0"), r("2024年工作安排")) +
		p(num("2", "0"), r("加强执法队伍建设。")) +
		p(num("2", "0"), r("完善文件清理机制。")) +
		p(num("3", "0"), r("另起一个列表。")) +
		p(num("4", "0"), r("要点")) +
		p("", r("附："), `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>`+
			p("", r("文本框内容"))+`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>`+
			p("", r("文本框内容"))+`</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`) +
		`<w:tbl><w:tblPr/><w:tr><w:tc>` + p("", r("指标")) + `</w:tc><w:tc>` + p("", r("数值")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + p("", r("普法活动")) + `</w:tc><w:tc>` + p("", r("26场")) + `</w:tc></w:tr></w:tbl>` +
		p("", `<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/></w:r>`) +
		p(`<w:jc w:val="right"/>`, r("青禾县司法局")) +
		p(`<w:jc w:val="right"/>`, r("2024年1月15日")) +
		`<w:sectPr><w:footerReference w:type="default" r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></w:sectPr>`
)

// numberedWant is the text of the numbered fixture, a line per paragraph,
// with the bytes of numbering each starts with.
var numberedWant = []struct {
	text      string
	generated int
	heading   int
}{
	{"青禾县司法局关于2023年度法治政府建设情况的报告", 0, 0},
	{"2023年，我局坚持以习近平法治思想为指导，现将有关情况报告如下。", 0, 0},
	{"一、主要举措和成效", len("一、"), 0},
	{"（一）加强组织领导。局党组召开专题会议4次。", len("（一）"), 0},
	{"（二）规范行政执法。全年审核重大执法决定37件。", len("（二）"), 0},
	{"1.开展案卷评查。", len("1."), 0},
	{"二、存在的不足和原因", len("二、"), 1},
	{"（一）基层执法力量不足；规范性文件清理不及时。", len("（一）"), 0},
	{"局主要负责人带头述法。", 0, 0},
	{"三、2024年工作安排", len("三、"), 0},
	{"①加强执法队伍建设。", len("①"), 0},
	{"②完善文件清理机制。", len("②"), 0},
	{"①另起一个列表。", len("①"), 0},
	{"要点", 0, 0},
	{"附：", 0, 0},
	{"文本框内容", 0, 0},
	{"指标", 0, 0},
	{"数值", 0, 0},
	{"普法活动", 0, 0},
	{"26场", 0, 0},
	{"甲\t乙 丙", 0, 0},
	{"青禾县司法局", 0, 0},
	{"2024年1月15日", 0, 0},
}

func numberedDocx(t testing.TB) []byte {
	files := docxFiles(numberedBody, numberedNumbering, numberedStyles)
	// Parts that are not the body: their text must not be read.
	files["word/footer1.xml"] = `<w:ftr ` + wordNS + `>` + p("", r("页脚文字")) + `</w:ftr>`
	files["word/footnotes.xml"] = `<w:footnotes ` + wordNS + `><w:footnote w:id="1">` + p("", r("脚注文字")) + `</w:footnote></w:footnotes>`
	files["word/comments.xml"] = `<w:comments ` + wordNS + `><w:comment w:id="0">` + p("", r("批注文字")) + `</w:comment></w:comments>`
	return makeZip(t, files)
}

// TestNumberedFixture keeps testdata/read/numbered.docx, which other
// packages' tests may use, the same as its generator (go test -update).
func TestNumberedFixture(t *testing.T) {
	want := numberedDocx(t)
	path := filepath.Join(fixtures, "numbered.docx")
	if golden.Updating() {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not what numberedDocx generates: run go test ./checker/doc -run TestNumberedFixture -update", path)
	}
}
