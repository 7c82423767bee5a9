package suppress

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// at is a finding of rule on the n-th (from 1) occurrence of text in d.
func at(t *testing.T, d *doc.Document, rule, text string, n int) checker.Finding {
	t.Helper()
	off := -1
	for i := 0; i < n; i++ {
		j := strings.Index(d.Text[off+1:], text)
		if j < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", d.Path, n, text)
		}
		off += 1 + j
	}
	return checker.Finding{Rule: rule, Severity: rules.Error, Message: "m", Range: d.Range(off, off+len(text)), Excerpt: text}
}

// show lists findings and suppressed findings as "rule line:col-line:col excerpt",
// a suppressed one with its reason.
func show(r checker.FileResult) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s %d:%d-%d:%d %q\n", f.Rule, f.Range.Start.Line, f.Range.Start.Column, f.Range.End.Line, f.Range.End.Column, f.Excerpt)
	}
	for _, s := range r.Suppressed {
		fmt.Fprintf(&b, "suppressed %s %d:%d %q (%s, inSource=%v)\n", s.Rule, s.Range.Start.Line, s.Range.Start.Column, s.Excerpt, s.Justification, s.InSource)
	}
	return b.String()
}

func read(t *testing.T, name, src string) *doc.Document {
	t.Helper()
	d, err := doc.ReadBytes(name, []byte(src), doc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestMarkdownSuppressions(t *testing.T) {
	src := "<!-- fzlint-disable-file a/file -- 全文沿用上级表述 -->\n" + // 1
		"第一段XX，甲。\n" + // 2
		"<!-- fzlint-disable-next-line a/x, a/y -- 模板示例 -->\n" + // 3
		"\n" + // 4: blank lines are passed over
		"第二段XX，甲。\n" + // 5
		"第三段XX，甲。\n" + // 6
		"<!-- fzlint-disable a/x -->\n" + // 7: no reason
		"第四段XX。\n" + // 8
		"<!-- fzlint-enable a/x -->\n" + // 9
		"第五段XX。\n" + // 10
		"<!-- fzlint-disable-next-line a/z —— 已核实 -->\n" + // 11: nothing to suppress
		"第六段。\n" + // 12
		"<!-- fzlint-disable -->\n" + // 13: no rule
		"<!-- 普通注释 -->\n" // 14
	d := read(t, "r.md", src)
	r := checker.FileResult{Path: "r.md", Doc: d, Findings: []checker.Finding{
		at(t, d, "a/file", "甲", 1), at(t, d, "a/x", "XX", 1),
		at(t, d, "a/x", "XX", 2), at(t, d, "a/file", "甲", 2),
		at(t, d, "a/x", "XX", 3), at(t, d, "a/file", "甲", 3),
		at(t, d, "a/x", "XX", 4), at(t, d, "a/x", "XX", 5),
	}}
	Apply(&r)
	want := `a/x 2:4-2:6 "XX"
fzlint/unused-suppression 3:1-3:51 "<!-- fzlint-disable-next-line a/x, a/y -- 模板示例 -->"
a/x 6:4-6:6 "XX"
fzlint/suppression-without-reason 7:1-7:28 "<!-- fzlint-disable a/x -->"
a/x 10:4-10:6 "XX"
fzlint/unused-suppression 11:1-11:45 "<!-- fzlint-disable-next-line a/z —— 已核实 -->"
fzlint/unused-suppression 13:1-13:24 "<!-- fzlint-disable -->"
suppressed a/file 2:7 "甲" (全文沿用上级表述, inSource=true)
suppressed a/x 5:4 "XX" (模板示例, inSource=true)
suppressed a/file 5:7 "甲" (全文沿用上级表述, inSource=true)
suppressed a/file 6:7 "甲" (全文沿用上级表述, inSource=true)
suppressed a/x 8:4 "XX" (, inSource=true)
`
	if got := show(r); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "fzlint/") && f.Severity != rules.Warning {
			t.Errorf("%s is %v, want warning", f.Rule, f.Severity)
		}
		// Of a/x and a/y, a/y suppressed nothing on line 5.
		if f.Range.Start.Line == 3 && f.Message != "抑制注释中的规则 a/y 在此处没有问题可抑制：请删除这条抑制" {
			t.Errorf("line 3: %s", f.Message)
		}
	}
}

func TestHTMLSuppressions(t *testing.T) {
	src := "<html><body><div class=\"content\"><!-- fzlint-disable-next-line a/x -- 原文如此 -->" +
		"<p>第一段XX。</p><p>第二段XX。</p><!-- fzlint-disable a/x -- 转载稿 --><p>第三段XX。</p></div></body></html>"
	d := read(t, "r.html", src)
	r := checker.FileResult{Path: "r.html", Doc: d, Findings: []checker.Finding{
		at(t, d, "a/x", "XX", 1), at(t, d, "a/x", "XX", 2), at(t, d, "a/x", "XX", 3),
	}}
	Apply(&r)
	// Columns are in the HTML source.
	want := `a/x 1:98-1:100 "XX"
suppressed a/x 1:85 "XX" (原文如此, inSource=true)
suppressed a/x 1:145 "XX" (转载稿, inSource=true)
`
	if got := show(r); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// docx builds a Word document whose body is paragraphs and whose comments.xml
// holds comments (the content of w:comments), as Word writes them.
func docx(t *testing.T, body, comments string) []byte {
	t.Helper()
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`},
		{"word/comments.xml", `<?xml version="1.0" encoding="UTF-8"?><w:comments ` + ns + `>` + comments + `</w:comments>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func run(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// comment is a Word comment: author, date and its text in a paragraph with
// the annotation reference mark, as Word writes it.
func comment(id, text string) string {
	return `<w:comment w:id="` + id + `" w:author="审核人" w:date="2024-03-01T09:00:00Z" w:initials="审"><w:p><w:r><w:annotationRef/></w:r>` + run(text) + `</w:p></w:comment>`
}

func TestDocxSuppressions(t *testing.T) {
	body := `<w:p>` + run("第一段XX，") + `<w:commentRangeStart w:id="0"/>` + run("第二处XX") + `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>` + run("。") + `</w:p>` +
		`<w:p><w:commentRangeStart w:id="1"/>` + run("第二段XX。") + `</w:p><w:p>` + run("第三段XX。") + `<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>` +
		`<w:p><w:commentRangeStart w:id="2"/>` + run("第四段XX。") + `<w:commentRangeEnd w:id="2"/></w:p>` +
		`<w:p><w:commentRangeStart w:id="3"/>` + run("第五段。") + `<w:commentRangeEnd w:id="3"/></w:p>` +
		`<w:p><w:commentRangeStart w:id="4"/>` + run("第六段XX。") + `<w:commentRangeEnd w:id="4"/></w:p>` +
		`<w:p><w:commentRangeStart w:id="5"/>` + run("第七段XX。") + `<w:commentRangeEnd w:id="5"/></w:p>`
	comments := comment("0", "fzlint-disable a/x -- 引用原文") + comment("1", "fzlint-disable a/x — 两段均为样例") +
		comment("2", "fzlint-disable a/x") + comment("3", "fzlint-disable a/x -- 过时") + comment("4", "请核实数字") +
		comment("5", "fzlint-disable-next-line a/x -- 批注只管所选文字")
	d, err := doc.ReadBytes("r.docx", docx(t, body, comments), doc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := checker.FileResult{Path: "r.docx", Doc: d}
	for i := 1; i <= 7; i++ {
		r.Findings = append(r.Findings, at(t, d, "a/x", "XX", i))
	}
	Apply(&r)
	// Lines are paragraphs.
	want := `a/x 1:4-1:6 "XX"
fzlint/suppression-without-reason 4:1-4:7 "第四段XX。"
fzlint/unused-suppression 5:1-5:5 "第五段。"
a/x 6:4-6:6 "XX"
suppressed a/x 1:10 "XX" (引用原文, inSource=true)
suppressed a/x 2:4 "XX" (两段均为样例, inSource=true)
suppressed a/x 3:4 "XX" (两段均为样例, inSource=true)
suppressed a/x 4:4 "XX" (, inSource=true)
suppressed a/x 7:4 "XX" (批注只管所选文字, inSource=true)
`
	if got := show(r); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestIgnores(t *testing.T) {
	cfg, err := rules.ParseConfig("/repo/.fzlint.yaml", []byte(`ignore:
  - {path: "2021/*.md", rule: a/x, reason: 当年体例}
  - {path: "**", rule: a/y, excerpt: 依法治县办, reason: 机构简称}
  - {path: "2021/*.md", rule: a/z, reason: 已不再出现}
  - {path: "2019/**", rule: a/x, reason: 本次未检查}
`))
	if err != nil {
		t.Fatal(err)
	}
	ig := NewIgnores(cfg)
	d := read(t, "/repo/2021/r.md", "一XX，依法治县办、县依法治县办。\n")
	r := checker.FileResult{Path: d.Path, Doc: d, Findings: []checker.Finding{
		at(t, d, "a/x", "XX", 1), at(t, d, "a/y", "依法治县办", 1), at(t, d, "a/y", "县依法治县办", 1),
	}}
	ig.Apply(&r)
	d2 := read(t, "/repo/2022/r.md", "二XX。\n")
	r2 := checker.FileResult{Path: d2.Path, Doc: d2, Findings: []checker.Finding{at(t, d2, "a/x", "XX", 1)}}
	ig.Apply(&r2)
	want := `a/y 1:11-1:17 "县依法治县办"
suppressed a/x 1:2 "XX" (当年体例, inSource=false)
suppressed a/y 1:5 "依法治县办" (机构简称, inSource=false)
`
	if got := show(r); got != want {
		t.Errorf("2021/r.md: got\n%s\nwant\n%s", got, want)
	}
	if got := show(r2); got != "a/x 1:2-1:4 \"XX\"\n" {
		t.Errorf("2022/r.md: got\n%s", got)
	}
	// a/z matched 2021/r.md and suppressed nothing there; 2019/** matched no
	// checked file and is not judged.
	u := ig.Unused()
	if u == nil || u.Path != "/repo/.fzlint.yaml" || len(u.Findings) != 1 {
		t.Fatalf("unused = %+v", u)
	}
	f := u.Findings[0]
	if f.Rule != UnusedRule || f.Severity != rules.Warning || f.Range.Start.Line != 4 || f.Range.Start.Column != 5 ||
		f.Message != "配置的 ignore 项（2021/*.md，a/z）在所检查的文件中没有问题可抑制：请删除这一项" {
		t.Errorf("unused finding = %+v", f)
	}
}

// The rules listed for printers are those of the findings Apply makes.
func TestRules(t *testing.T) {
	rs := Rules()
	if len(rs) != 2 || rs[0].ID != UnusedRule || rs[1].ID != NoReasonRule || rs[0].Severity != rules.Warning || rs[1].Severity != rules.Warning {
		t.Errorf("Rules() = %+v", rs)
	}
}
