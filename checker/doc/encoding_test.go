package doc

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// samePositions checks that two documents of one text give the same Text and
// the same Position for every line start, line end and character.
func samePositions(t *testing.T, name string, got, want *Document) {
	t.Helper()
	if got.Text != want.Text {
		t.Errorf("%s: text differs from the UTF-8 text", name)
		return
	}
	for off := 0; off <= len(want.Text); off++ {
		if off < len(want.Text) && !utf8.RuneStart(want.Text[off]) {
			continue
		}
		if g, w := got.Pos(off), want.Pos(off); g != w {
			t.Fatalf("%s: Pos(%d) = %+v, want %+v", name, off, g, w)
		}
	}
}

func TestEncodingsGiveSameTextAndPositions(t *testing.T) {
	want, err := ReadBytes("report.txt", readFixture(t, "report.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, enc := range map[string]string{
		"report-gb18030-crlf.txt": EncGB18030,
		"report-utf8-bom.txt":     EncUTF8BOM,
		"report-utf16le.txt":      EncUTF16LE,
		"report-utf16be.txt":      EncUTF16BE,
	} {
		got, err := ReadBytes(name, readFixture(t, name), Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got.Encoding != enc {
			t.Errorf("%s: encoding %q, want %q", name, got.Encoding, enc)
		}
		samePositions(t, name, got, want)
	}
	gb, _ := ReadBytes("gb.txt", readFixture(t, "report-gb18030-crlf.txt"), Options{})
	if gb.Lines[0].EOL != "\r\n" || string(gb.Source[:4]) != string(readFixture(t, "report-gb18030-crlf.txt")[:4]) {
		t.Errorf("CRLF line ends or source bytes not kept: %q", gb.Lines[0].EOL)
	}
}

// sameButUnencodable compares a decoded text with the text it was encoded
// from, where characters the encoding could not hold became "?".
func sameButUnencodable(got, want string) (string, bool) {
	g, w := []rune(got), []rune(want)
	if len(g) != len(w) {
		return "length differs", false
	}
	for i := range g {
		if g[i] != w[i] && g[i] != '?' {
			return string(w[max(0, i-10):min(len(w), i+10)]), false
		}
	}
	return "", true
}

func TestBig5(t *testing.T) {
	d, err := ReadBytes("big5.txt", readFixture(t, "report-big5.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != EncBig5 {
		t.Errorf("encoding %q, want big5", d.Encoding)
	}
	if at, ok := sameButUnencodable(d.Text, string(readFixture(t, "report-trad.txt"))); !ok {
		t.Errorf("text differs near %q", at)
	}
}

func TestForcedEncoding(t *testing.T) {
	gb := readFixture(t, "report-gb18030-crlf.txt")
	for _, name := range []string{"gbk", "GB18030", "gb2312"} {
		d, err := ReadBytes("a.txt", gb, Options{Encoding: name})
		if err != nil || d.Encoding != EncGB18030 {
			t.Errorf("--encoding %s: %v %v", name, d, err)
		}
	}
	d, err := ReadBytes("a.txt", readFixture(t, "report-utf16be.txt"), Options{Encoding: "utf-16be"})
	if err != nil || d.Encoding != EncUTF16BE || !strings.HasPrefix(d.Text, "青禾") {
		t.Errorf("--encoding utf-16be: %v %v", d, err)
	}
	d, err = ReadBytes("a.txt", readFixture(t, "report-utf8-bom.txt"), Options{Encoding: "utf-8"})
	if err != nil || d.Encoding != EncUTF8BOM || !strings.HasPrefix(d.Text, "青禾") {
		t.Errorf("--encoding utf-8 on a BOM: %v %v", d, err)
	}
	wantError(t, "unknown name", "a.txt", gb, Options{Encoding: "latin1"}, ErrEncoding, `"latin1"`)
	wantError(t, "utf-8 forced on GB18030", "a.txt", gb, Options{Encoding: "utf-8"}, ErrEncoding, "第 1 行（文件第 1 字节）不是有效的 UTF-8")
	wantError(t, "big5 forced on GB18030", "a.txt", []byte("ab\n\xA4\x40\xFF\xFF"), Options{Encoding: "big5"}, ErrEncoding, "第 2 行（文件第 6 字节）不是有效的 Big5")
}

// wantError checks that reading data fails with code and a message holding msg.
func wantError(t *testing.T, name, path string, data []byte, opts Options, code, msg string) {
	t.Helper()
	d, err := ReadBytes(path, data, opts)
	checkError(t, name, d, err, code, msg)
}

func checkError(t *testing.T, name string, d *Document, err error, code, msg string) {
	t.Helper()
	var re *ReadError
	if !errors.As(err, &re) {
		t.Errorf("%s: got %v, %v; want a %s error", name, d != nil, err, code)
		return
	}
	if re.Code != code || !strings.Contains(re.Message, msg) {
		t.Errorf("%s: got %s %q, want %s with %q", name, re.Code, re.Message, code, msg)
	}
}

func TestBadText(t *testing.T) {
	gbBad := append(encodeText(t, simplifiedchinese.GB18030, "第一行\r\n第二行"), 0x81, 0x20)
	tests := []struct {
		name, path string
		data       []byte
		code, msg  string
	}{
		{"empty", "a.txt", nil, ErrEmpty, "文件为空"},
		{"only spaces", "a.txt", []byte(" \r\n\t\u3000\n"), ErrEmpty, "没有文字"},
		{"only a BOM", "a.txt", []byte("\xEF\xBB\xBF"), ErrEmpty, "没有文字"},
		{"NUL bytes", "a.txt", []byte("报告\x00\x00\x01\x02"), ErrBinary, "不是文本文件"},
		{"control bytes", "a.md", bytes.Repeat([]byte("ab\x01\x02\x03"), 100), ErrBinary, "不是文本文件"},
		{"UTF-16 without BOM", "a.txt", []byte("a\x00b\x00"), ErrBinary, "utf-16le"},
		{"invalid UTF-8", "a.txt", []byte("第一行\n第二行\n第三\xff行\n"), ErrEncoding, "第 3 行（文件第 27 字节）不是有效的 UTF-8"},
		{"invalid UTF-8 after a BOM", "a.txt", []byte("\xEF\xBB\xBF一\r\n\xC3("), ErrEncoding, "第 2 行（文件第 9 字节）"},
		{"UTF-8 cut in a character", "a.txt", []byte("第一行\n第二行\n末尾\xe8\xa1"), ErrEncoding, "第 3 行（文件第 27 字节）"},
		{"GB18030 with a bad byte", "a.txt", gbBad, ErrEncoding, "第 2 行（文件第 15 字节）不是有效的 GB18030"},
		{"UTF-16 cut", "a.txt", []byte("\xFF\xFEa\x00b"), ErrEncoding, "字节数为奇数"},
		{"UTF-16 unpaired surrogate", "a.txt", []byte("\xFF\xFEa\x00\n\x00\x00\xD8b\x00"), ErrEncoding, "第 2 行（文件第 7 字节）有不成对的 UTF-16 代理项"},
		{"UTF-16 NUL", "a.txt", []byte("\xFF\xFEa\x00\x00\x00"), ErrBinary, "不是文本文件"},
		{"NUL after a UTF-8 BOM", "a.txt", []byte("\xEF\xBB\xBFa\x00b"), ErrBinary, "不是文本文件"},
		{"PDF named .txt", "a.txt", []byte("%PDF-1.7\n..."), ErrUnsupported, "文件内容是PDF"},
		{"PNG named .md", "a.md", []byte("\x89PNG\r\n\x1a\n...."), ErrUnsupported, "图片"},
		{"docx named .txt", "a.txt", numberedDocx(t), ErrUnsupported, "请把扩展名改为 .docx"},
		{"zip named .txt", "a.txt", makeZip(t, map[string]string{"x": "y"}), ErrUnsupported, "压缩包"},
		{"OLE named .html", "a.html", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...."), ErrUnsupported, "旧版 Office"},
		{".doc", "报告.doc", []byte("x"), ErrUnsupported, "不支持 .doc 格式：请在 Word/WPS 中打开，另存为 .docx"},
		{".wps", "报告.WPS", []byte("x"), ErrUnsupported, "另存为 .docx"},
		{".pdf", "报告.pdf", []byte("x"), ErrUnsupported, "请复制文字另存为 .txt，或用 Word/WPS 导出为 .docx"},
		{".odt", "报告.odt", []byte("x"), ErrUnsupported, "另存为 .docx"},
		{".jpg", "scan.jpg", []byte("x"), ErrUnsupported, "图片"},
		{".rar", "all.rar", []byte("x"), ErrUnsupported, "请先解压"},
	}
	for _, tt := range tests {
		wantError(t, tt.name, tt.path, tt.data, Options{}, tt.code, tt.msg)
	}
}

func TestDetect(t *testing.T) {
	report := string(readFixture(t, "report.txt"))
	trad := string(readFixture(t, "report-trad.txt"))
	gb := encodeText(t, simplifiedchinese.GB18030, report)
	big5 := encodeText(t, traditionalchinese.Big5, trad)
	// Traditional text saved as GBK (it holds traditional characters too).
	gbkTrad := encodeText(t, simplifiedchinese.GBK, strings.ReplaceAll(trad, "𠮷", "吉"))
	// A long file whose first 300 KB are ASCII: not judged on its start alone.
	longGB := append(bytes.Repeat([]byte("ascii header line\n"), 300<<10/18), bytes.Repeat(gb, 200)...)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"utf-8", []byte(report), EncUTF8},
		{"gb18030", gb, EncGB18030},
		{"big5", big5, EncBig5},
		{"traditional in gbk", gbkTrad, EncGB18030},
		{"a line of gb18030", encodeText(t, simplifiedchinese.GB18030, "法治政府建设情况报告"), EncGB18030},
		{"a line of big5", encodeText(t, traditionalchinese.Big5, "法治政府建設情況報告"), EncBig5},
		{"long, ASCII first", longGB, EncGB18030},
		{"utf-8 with one bad byte", append([]byte(report), 0xFF), EncUTF8},
		{"latin-1", []byte("caf\xe9 cr\xe8me"), EncUTF8},
	}
	for _, tt := range tests {
		if got := detect(tt.data); got != tt.want {
			t.Errorf("%s: detect = %q, want %q", tt.name, got, tt.want)
		}
	}
	d, err := ReadBytes("long.txt", longGB, Options{})
	if err != nil || !strings.Contains(d.Text, "青禾县司法局") {
		t.Errorf("long GB18030 file: %v", err)
	}
}
