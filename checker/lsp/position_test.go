package lsp

import (
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
)

func TestEncodingCounts(t *testing.T) {
	for _, tc := range []struct {
		enc            encoding
		s              string
		n              int
		length, prefix int
	}{
		{utf16, "a𠀀中", 2, 4, 3},
		{utf32, "a𠀀中", 2, 3, 2},
		{utf16, "中文", 5, 2, 5}, // past the end: one unit per code point
		{utf16, "", 0, 0, 0},
	} {
		if got := tc.enc.length(tc.s); got != tc.length {
			t.Errorf("%s length(%q) = %d, want %d", tc.enc, tc.s, got, tc.length)
		}
		if got := tc.enc.prefix(tc.s, tc.n); got != tc.prefix {
			t.Errorf("%s prefix(%q, %d) = %d, want %d", tc.enc, tc.s, tc.n, got, tc.prefix)
		}
	}
}

func TestTextPositions(t *testing.T) {
	text := "𠀀甲\r\n乙𠀀丙"
	d, err := doc.ReadBytes("a.txt", []byte(text), doc.Options{Encoding: "utf-8"})
	if err != nil {
		t.Fatal(err)
	}
	loc := &locator{d: d, enc: utf16}
	off := strings.Index(d.Text, "丙")
	if got, want := loc.position(d.Pos(off)), (position{1, 3}); got != want {
		t.Errorf("丙 at %+v, want %+v", got, want)
	}
}

// An HTML finding is placed in the page's source, which is the buffer.
func TestHTMLPositions(t *testing.T) {
	src := "<html><body>\n<p>𠀀青山县司法局关于2023年度法治政府建设情况的报告</p>\n</body></html>\n"
	d, err := doc.ReadBytes("a.html", []byte(src), doc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	off := strings.Index(d.Text, "青山")
	for _, tc := range []struct {
		enc  encoding
		want position
	}{
		{utf16, position{1, 5}}, // <p> and a surrogate pair
		{utf32, position{1, 4}},
	} {
		loc := &locator{d: d, enc: tc.enc, source: splitLines(src)}
		if got := loc.position(d.Pos(off)); got != tc.want {
			t.Errorf("%s: 青山 at %+v, want %+v", tc.enc, got, tc.want)
		}
	}
}

func TestSplitLines(t *testing.T) {
	got := splitLines("a\r\nb\rc\nd")
	if strings.Join(got, "|") != "a|b|c|d" {
		t.Errorf("splitLines = %q", got)
	}
}

func TestURIPath(t *testing.T) {
	for uri, want := range map[string]string{
		"file:///tmp/%E6%8A%A5%E5%91%8A.txt": "/tmp/报告.txt",
		"file:///C:/x/a.txt":                 "C:/x/a.txt",
		"untitled:Untitled-1":                "",
		"https://example.com/a.txt":          "",
	} {
		if got := uriPath(uri); got != want {
			t.Errorf("uriPath(%q) = %q, want %q", uri, got, want)
		}
	}
}

func TestOffset(t *testing.T) {
	// 𠀀 (U+20000) is two UTF-16 code units; lines end with \r\n, \n and \r.
	text := "一、举措\r\n𠀀甲乙\n丙\r丁"
	for _, tc := range []struct {
		enc        encoding
		line, char int
		want       string // the text from the offset on
	}{
		{utf16, 0, 0, text},
		{utf16, 0, 2, "举措\r\n𠀀甲乙\n丙\r丁"},
		{utf16, 0, 9, "\r\n𠀀甲乙\n丙\r丁"}, // past the line's end: its end
		{utf16, 1, 0, "𠀀甲乙\n丙\r丁"},
		{utf16, 1, 2, "甲乙\n丙\r丁"}, // after the pair
		{utf32, 1, 1, "甲乙\n丙\r丁"},
		{utf32, 1, 3, "\n丙\r丁"},
		{utf16, 2, 1, "\r丁"},
		{utf16, 3, 0, "丁"},
		{utf16, 3, 1, ""},
		{utf16, 7, 0, ""}, // past the last line: the end
		{utf16, -1, -5, text},
	} {
		got := text[tc.enc.offset(text, position{Line: tc.line, Character: tc.char}):]
		if got != tc.want {
			t.Errorf("%s offset(%d:%d) leaves %q, want %q", tc.enc, tc.line, tc.char, got, tc.want)
		}
	}
}
