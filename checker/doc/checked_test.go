package doc

import (
	"testing"
)

// TestNoTextToCheck refuses a document whose text is all set aside: it
// would otherwise pass as clean without a line checked.
func TestNoTextToCheck(t *testing.T) {
	for _, c := range []struct{ name, path, data string }{
		{"all in a fence", "f.md", "```\n一、总体情况\n2023年，我市……\n```\n"},
		{"all in a tilde fence, unclosed", "f.md", "\n~~~text\n一、总体情况\n"},
		{"front matter only", "f.md", "---\ntitle: 2023年法治政府建设年度报告\n---\n\n"},
		{"front matter and a fence", "f.md", "---\ntitle: 报告\n---\n```\n正文\n```\n  \n"},
	} {
		wantError(t, c.name, c.path, []byte(c.data), Options{}, ErrNoText, "除代码块和文件头元数据外没有正文文字")
	}
	// The same text outside a fence, or as .txt, is read.
	for _, c := range []struct{ path, data string }{
		{"f.md", "---\ntitle: 报告\n---\n一、总体情况\n"},
		{"f.txt", "```\n一、总体情况\n```\n"},
	} {
		if _, err := ReadBytes(c.path, []byte(c.data), Options{}); err != nil {
			t.Errorf("%s %q: %v", c.path, c.data, err)
		}
	}
}

func TestSniffFormat(t *testing.T) {
	for _, c := range []struct {
		data string
		want Format
	}{
		{"<!DOCTYPE html><html><body><p>正文</p>", FormatHTML},
		{"\xEF\xBB\xBF\r\n  <!doctype HTML>\n<p>正文", FormatHTML},
		{"<!-- 保存自 www.gov.cn -->\n<html lang=\"zh\">", FormatHTML},
		{"<HEAD><meta charset=gbk>", FormatHTML},
		{"<body>正文", FormatHTML},
		{"PK\x03\x04rest of a zip", FormatDocx},
		{"一、总体情况\n<html> 标签写在正文里", FormatText},
		{"<htmlx>", FormatText},
		{"<!-- 没有结束的注释 <html>", FormatText},
		{"", FormatText},
		{"<p>一段</p>", FormatText},
	} {
		if got := SniffFormat([]byte(c.data)); got != c.want {
			t.Errorf("SniffFormat(%q) = %s, want %s", c.data, got, c.want)
		}
	}
}
