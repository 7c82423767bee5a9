package doc

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

func TestReadHTML(t *testing.T) {
	d, err := ReadBytes("page.html", readFixture(t, "page.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"青禾县司法局关于2023年度法治政府建设情况的报告",
		"2023年，我局坚持以习近平法治思想为指导，现将有关情况报告如下。",
		"一、主要举措和成效",
		"（一）规范行政执法。全面落实行政执法“三项制度”，审核重大执法决定37件&纠正文书12份。",
		"二、存在的不足和原因",
		"一是基层执法力量不足；",
		"二是文件清理不及时。",
		"指标", "数值", "普法活动", "26场",
		"青禾县司法局",
		"2024年1月15日",
	}
	if got := strings.Split(d.Text, "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("text:\n%s\nwant:\n%s", d.Text, strings.Join(want, "\n"))
	}
	if d.Format != FormatHTML || d.Encoding != EncUTF8 || d.Source != nil || d.Lines[0].Heading != 1 {
		t.Errorf("format %q encoding %q source %v heading %d", d.Format, d.Encoding, d.Source != nil, d.Lines[0].Heading)
	}
}

// TestHTMLLocate checks that text found in the extracted text is located at
// the line and column where the .html source has it.
func TestHTMLLocate(t *testing.T) {
	src := string(readFixture(t, "page.html"))
	d, err := ReadBytes("page.html", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	srcLines := strings.Split(src, "\n")
	tests := []struct {
		text string // found in the extracted text
		at   string // what the source holds where it is located
	}{
		{"三项制度", "三项制度"},
		{"“", "&ldquo;"},
		{"”", "&rdquo;"},
		{"&纠正", "&amp;纠正"},
		{"场", "&#22330;"},
		{"2023年，我局", "2023年，我局"}, // after &nbsp;&nbsp;, dropped
		{"二是文件", "二是文件"},
		{"青禾县司法局关于", "青禾县司法局关于"},
		{"2024年1月15日", "2024年1月15日"},
	}
	for _, tt := range tests {
		off := strings.Index(d.Text, tt.text)
		if off < 0 {
			t.Errorf("%q not in the text", tt.text)
			continue
		}
		pos := d.Pos(off)
		if pos.Offset != off || pos.Line < 1 || pos.Line > len(srcLines) {
			t.Errorf("%q: Pos = %+v", tt.text, pos)
			continue
		}
		line := []rune(srcLines[pos.Line-1])
		if pos.Column < 1 || pos.Column > len(line) || !strings.HasPrefix(string(line[pos.Column-1:]), tt.at) {
			t.Errorf("%q located at %d:%d, where the source has %q; want %q", tt.text, pos.Line, pos.Column,
				string(line[min(max(pos.Column-1, 0), len(line)):]), tt.at)
		}
	}
	// The end of the text is just past its last character in the source.
	end := d.Pos(len(d.Text))
	if line := []rune(srcLines[end.Line-1]); !strings.HasSuffix(string(line[:end.Column-1]), "2024年1月15日") {
		t.Errorf("end located at %d:%d", end.Line, end.Column)
	}
}

func TestHTMLCharset(t *testing.T) {
	d, err := ReadBytes("page-gbk.html", readFixture(t, "page-gbk.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// No element is marked as the article: the body is read, without its header, nav and footer.
	want := "网站首页\n青禾县司法局关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n（一）加强组织领导。"
	if d.Encoding != EncGB18030 || d.Text != want {
		t.Errorf("encoding %q text %q", d.Encoding, d.Text)
	}
	if h := d.Lines[1].Heading; h != 2 {
		t.Errorf("h2 heading level %d", h)
	}
	// Found in the source by its line and column, in code points of the decoded source.
	if p := d.Pos(strings.Index(d.Text, "主要举措")); p.Line != 4 || p.Column != 6 {
		t.Errorf("Pos(主要举措) = %d:%d, want 4:6", p.Line, p.Column)
	}
	utf16 := append([]byte("\xFF\xFE"), encodeUTF16LE("<p>甲</p><meta charset=gbk>")...)
	if d, err := ReadBytes("u.htm", utf16, Options{}); err != nil || d.Text != "甲" || d.Encoding != EncUTF16LE {
		t.Errorf("UTF-16 page with a BOM (which wins over <meta>): %v %v", d, err)
	}
	if d, err := ReadBytes("b.htm", []byte("<meta charset=\"big5\"><p>\xA4\xA4\xA4\xE5</p>"), Options{}); err != nil || d.Text != "中文" || d.Encoding != EncBig5 {
		t.Errorf("Big5 page: %v %v", d, err)
	}
	wantError(t, "declared utf-8, bytes GBK", "a.html", []byte("<meta charset=utf-8>\n<p>\xd6\xd0\xce\xc4</p>"), Options{}, ErrEncoding, "第 2 行")
}

func encodeUTF16LE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestHTMLMalformed(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"unclosed elements", "<p>一、标题<p>正文<div><span>未闭合", "一、标题\n正文\n未闭合"},
		{"stray end tags", "</div></p>甲</span>乙</br>丙", "甲乙\n丙"},
		{"implied cells and items", "<table><tr><td>a<td>b<tr><td>c</table><ul><li>d<li>e</ul>", "a\nb\nc\nd\ne"},
		{"bad entities", "<p>&bogus; &amp &lt;&#xZZ; &#20013 &nbsp</p>", "&bogus; & <&#xZZ; 中"},
		{"no body", "just text &mdash; here", "just text — here"},
		{"unterminated comment", "<p>甲</p><!-- 注释 <p>乙</p>", "甲"},
		{"script never closed", "<p>甲</p><script>var a = '<p>乙</p>'", "甲"},
		{"deep nesting", strings.Repeat("<div>", 5000) + "深" + strings.Repeat("</div>", 5000), "深"},
	}
	for _, tt := range tests {
		d, err := ReadBytes("m.html", []byte(tt.html), Options{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if d.Text != tt.want {
			t.Errorf("%s: text %q, want %q", tt.name, d.Text, tt.want)
		}
		checkLocator(t, d, tt.html)
	}
	wantError(t, "no text", "e.html", []byte("<html><script>x()</script><nav>首页</nav></html>"), Options{}, ErrEmpty, "没有正文")
}

// checkLocator checks that every character of d's text is located inside the source.
func checkLocator(t *testing.T, d *Document, src string) {
	t.Helper()
	lines := strings.Count(src, "\n") + 1
	for off := range d.Text {
		p := d.Pos(off)
		if p.Line < 1 || p.Line > lines || p.Column < 1 || p.Column > utf8.RuneCountInString(src)+1 {
			t.Fatalf("Pos(%d) = %+v outside the source", off, p)
		}
	}
}

// lookupCharset is what supportedCharset was before it had a table of its
// own: the label looked up in every encoding x/net/html/charset knows.
func lookupCharset(label string) string {
	_, name := charset.Lookup(label)
	switch name {
	case "utf-8", "utf-16le", "utf-16be":
		return EncUTF8
	case "gbk", "gb18030":
		return EncGB18030
	case "big5":
		return EncBig5
	}
	return ""
}

// otherCharsets are labels of encodings fzlint does not read, and labels of
// none, as pages write them.
var otherCharsets = []string{
	"", " ", "latin1", "iso-8859-1", "windows-1252", "ascii", "us-ascii", "shift_jis", "sjis", "euc-jp",
	"iso-2022-jp", "euc-kr", "ks_c_5601-1987", "koi8-r", "koi8-u", "iso-8859-2", "windows-1251", "macintosh",
	"hz-gb-2312", "iso-2022-cn", "iso-2022-kr", "replacement", "x-user-defined", "utf-32", "utf-7", "gb",
	"gb-18030", "gbk2312", "big-5", "big5hkscs", "cp936", "cp950", "ms936", "windows-936", "utf_8", "utf 8",
}

func TestCharsetLabels(t *testing.T) {
	var labels []string
	for l := range charsetLabels() {
		labels = append(labels, l, strings.ToUpper(l), " \t"+l+"\n\f", "\u00a0"+l+"\u2003", l+";", `"`+l+`"`)
	}
	labels = append(labels, otherCharsets...)
	labels = append(labels, "GB\u212A", "x-GB\u212A", "big5-h\u212Ascs", "\u0130so-ir-58", "\u0131so-ir-58")
	for _, l := range labels {
		if got, want := supportedCharset(l), lookupCharset(l); got != want {
			t.Errorf("supportedCharset(%q) = %q, charset.Lookup gives %q", l, got, want)
		}
	}
}

func FuzzCharsetLabels(f *testing.F) {
	for l := range charsetLabels() {
		f.Add(l)
	}
	for _, l := range otherCharsets {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := supportedCharset(l), lookupCharset(l); got != want {
			t.Errorf("supportedCharset(%q) = %q, charset.Lookup gives %q", l, got, want)
		}
	})
}
