package doc

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc/hostile"
)

// TestHostileInputs reads the hostile inputs of issue 10 (§2), at the sizes
// that cross each bound (cmd/fzlint runs them at full size): each is refused
// with its code, after reading no more than the bounds allow.
func TestHostileInputs(t *testing.T) {
	for _, c := range []struct {
		name, path string
		data       []byte
		code, msg  string
	}{
		{"nested paragraphs", "f.docx", hostile.NestedParagraphs(10000), ErrTooDeep, "文档的元素嵌套超过 256 层"},
		{"numbering labels", "f.docx", hostile.NumberedEmptyParagraphs(60000, 10000), ErrTooLarge, "文字内容超过上限 2.0 MB"},
		{"unclosed divs", "f.html", hostile.UnclosedDivs(300000), ErrTooLarge, "网页的元素超过 262144 个"},
		{"9 MB page, one text", "f.html", hostile.LargeText(9 << 20), ErrTooLarge, "或有一段超过 8.0 MB"},
		{"3 MB page of paragraphs", "f.html", bytes.ReplaceAll(hostile.LargeText(3<<20), []byte("\n"), []byte("<p>")), ErrTooLarge, "文字内容超过上限 2.0 MB"},
		{"3 MB of text, decoded", "f.txt", hostile.LargeText(3 << 20), ErrTooLarge, "文字内容超过上限 2.0 MB"},
		{"5 MB of text, undecoded", "f.md", hostile.LargeText(5 << 20), ErrTooLarge, "文字内容超过上限 2.0 MB"},
		{"5 MB docx", "f.docx", largeDocx(t, 5<<20), ErrTooLarge, "文字内容超过上限 2.0 MB"},
	} {
		d, err := ReadBytes(c.path, c.data, Options{})
		checkError(t, c.name, d, err, c.code, c.msg)
	}
}

// TestTextBound reads text right at MaxTextBytes, and one byte over it: UTF-16
// takes twice the bytes of its ASCII text, the most any encoding takes.
func TestTextBound(t *testing.T) {
	line := strings.Repeat("a", 63) + "\n"
	text := strings.Repeat(line, MaxTextBytes/len(line))
	utf16 := func(s string) []byte {
		return append([]byte{0xFF, 0xFE}, utf16le(s)...)
	}
	d, err := ReadBytes("f.txt", utf16(text), Options{})
	if err != nil || len(d.Text) != MaxTextBytes || d.Encoding != EncUTF16LE {
		t.Fatalf("%d bytes of text in UTF-16: %v", MaxTextBytes, err)
	}
	d, err = ReadBytes("f.txt", utf16(text+"a"), Options{})
	checkError(t, "one byte over", d, err, ErrTooLarge, "文字内容超过上限 2.0 MB")
}

// TestDocxNestingWithinBounds reads nesting and chains that stay within the
// bounds: in time proportional to their size, in document order.
func TestDocxNestingWithinBounds(t *testing.T) {
	// 200 paragraphs each inside the previous one (as text boxes nest): the
	// outer one first.
	d, err := readDocx("f.docx", hostile.NestedParagraphs(200))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) != 200 || d.Text != strings.Repeat("字\n", 199)+"字" {
		t.Errorf("nested paragraphs: %d lines %q…", len(d.Lines), d.Text[:min(len(d.Text), 30)])
	}
	// 50,000 paragraphs whose marks are deleted: one paragraph.
	deleted := p(`<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>`, r("字"))
	d, err = readDocx("f.docx", zipFiles(t, docxFiles(strings.Repeat(deleted, 50000)+p("", r("完")), "", ""), zip.Store))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) != 1 || d.Text != strings.Repeat("字", 50000)+"完" {
		t.Errorf("joined paragraphs: %d lines, %d bytes", len(d.Lines), len(d.Text))
	}
	// A 300-byte numbering label on 1,000 empty paragraphs: 300 KB of text,
	// read; the label ends with the tab Word puts after a number, as a space.
	d, err = readDocx("f.docx", hostile.NumberedEmptyParagraphs(1000, 300))
	if err != nil {
		t.Fatal(err)
	}
	label := strings.Repeat("条", 100)
	if len(d.Lines) != 1000 || d.LineText(1000) != label+"1000 " || d.Lines[999].Generated != len(label)+5 {
		t.Errorf("numbered paragraphs: %d lines, last %q", len(d.Lines), d.LineText(len(d.Lines)))
	}
}

// TestHTMLNestingBeyondBound reads a page nested deeper than MaxNesting as
// browsers do: the deeper elements are siblings, their text is kept.
func TestHTMLNestingBeyondBound(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("<html><body>")
	for i := range 1000 {
		b.WriteString("<div>")
		if i%100 == 99 {
			b.WriteString("第" + string(rune('0'+i/100)) + "段")
		}
	}
	d, err := readHTML("f.html", b.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "第0段\n第1段\n第2段\n第3段\n第4段\n第5段\n第6段\n第7段\n第8段\n第9段"
	if d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
}

func largeDocx(t *testing.T, size int) []byte {
	var b bytes.Buffer
	if err := hostile.WriteLargeDocx(&b, size); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
