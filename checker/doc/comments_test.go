package doc

import (
	"reflect"
	"testing"
)

// commentsAt returns each comment with the text of its range.
func commentsAt(d *Document) [][2]string {
	var out [][2]string
	for _, c := range d.Comments {
		out = append(out, [2]string{c.Text, d.Text[c.Start:c.End]})
	}
	return out
}

func TestMarkdownComments(t *testing.T) {
	src := "# 标题\n<!-- fzlint-disable-next-line a/b -- 理由 -->\n正文<!-- 二 -->。\n```\n<!-- 代码里的不算 -->\n```\n<!-- 跨\n两行 -->\n<!-- 未闭合"
	d, err := ReadBytes("a.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{
		{"fzlint-disable-next-line a/b -- 理由", "<!-- fzlint-disable-next-line a/b -- 理由 -->"},
		{"二", "<!-- 二 -->"},
		{"跨\n两行", "<!-- 跨\n两行 -->"},
		{"未闭合", "<!-- 未闭合"},
	}
	if got := commentsAt(d); !reflect.DeepEqual(got, want) {
		t.Errorf("comments = %q\nwant %q", got, want)
	}
}

func TestHTMLComments(t *testing.T) {
	src := "<html><head><!-- fzlint-disable-file a/c -- 转载 --></head><body><nav>首页<!-- 导航 --></nav><p>第一段。</p><!-- fzlint-disable-next-line a/b -- 理由 --><p>第二段<!--中间-->。</p></body></html>"
	d, err := ReadBytes("a.html", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "第一段。\n第二段。" {
		t.Fatalf("text = %q", d.Text)
	}
	want := []Comment{
		{Text: "fzlint-disable-file a/c -- 转载"},
		{Text: "导航"},
		{Text: "fzlint-disable-next-line a/b -- 理由", Start: len("第一段。"), End: len("第一段。")},
		{Text: "中间", Start: len("第一段。\n第二段"), End: len("第一段。\n第二段")},
	}
	if !reflect.DeepEqual(d.Comments, want) {
		t.Errorf("comments = %+v\nwant %+v", d.Comments, want)
	}
}

// A Word comment (批注) spanning two paragraphs, one within a paragraph after
// Word's numbering, and one whose text is in comments.xml but whose range is
// never opened: each placed on the text it comments on.
func TestDocxComments(t *testing.T) {
	body := p("", r("第一段，"), `<w:commentRangeStart w:id="1"/>`, r("批注从这里"), r("开始。")) +
		p(num("1", "0"), r("第二段"), `<w:commentRangeEnd w:id="1"/>`, r("，"), `<w:commentRangeStart w:id="2"/>`, r("单独一处"), `<w:commentRangeEnd w:id="2"/>`, r("。"))
	files := docxFiles(body, `<w:abstractNum w:abstractNumId="1">`+lvl("0", "chineseCounting", "%1、")+`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`, "")
	files["word/comments.xml"] = `<?xml version="1.0" encoding="UTF-8"?><w:comments ` + wordNS + `>` +
		`<w:comment w:id="1" w:author="审核人"><w:p><w:r><w:t>fzlint-disable a/b</w:t></w:r><w:r><w:t xml:space="preserve"> -- 原文如此</w:t></w:r></w:p><w:p><w:r><w:t>第二段落</w:t></w:r></w:p></w:comment>` +
		`<w:comment w:id="2"><w:p><w:r><w:t>只看这里</w:t></w:r></w:p></w:comment>` +
		`<w:comment w:id="3"><w:p><w:r><w:t>没有范围</w:t></w:r></w:p></w:comment></w:comments>`
	d, err := ReadBytes("a.docx", makeZip(t, files), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{
		{"fzlint-disable a/b -- 原文如此 第二段落", "批注从这里开始。\n一、第二段"},
		{"只看这里", "单独一处"},
	}
	if got := commentsAt(d); !reflect.DeepEqual(got, want) {
		t.Errorf("comments = %q\nwant %q", got, want)
	}
}

// A line of nothing but comments is no prose; a line with text between two
// comments is.
func TestMarkdownCommentLinesSkipped(t *testing.T) {
	d, err := ReadBytes("a.md", []byte("<!-- a --> <!-- b -->\n<!-- c --> 正文 <!-- d -->\n<!-- e\nf -->\n正文"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var skip []bool
	for _, l := range d.Lines {
		skip = append(skip, l.Skip)
	}
	if want := []bool{true, false, true, true, false}; !reflect.DeepEqual(skip, want) {
		t.Errorf("skip = %v, want %v", skip, want)
	}
}
