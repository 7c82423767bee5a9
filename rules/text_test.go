package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUnfold(t *testing.T) {
	cases := map[string]string{
		"年度报告应当写明上一年度 推进法治政府建设的主要举措。": "年度报告应当写明上一年度推进法治政府建设的主要举措。",
		"第二十三条，尚待 核对。":                "第二十三条，尚待核对。",
		"用“一、主要举措” 之类的总标题":            "用“一、主要举措”之类的总标题",
		"GB/T 9704 规定": "GB/T 9704 规定",
		"每千字少于 3 处":    "每千字少于 3 处",
		"把词语拆开（“工作会\u3000议精神”）": "把词语拆开（“工作会\u3000议精神”）", // an ideographic space is meant
	}
	for in, want := range cases {
		if got := unfold(in); got != want {
			t.Errorf("unfold(%q) = %q, want %q", in, got, want)
		}
	}
}

// unfoldByRune is unfold as it was written first, rune by rune: FuzzUnfold
// holds unfold to it.
func unfoldByRune(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ' ' && i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if wide(prev) && wide(next) {
				i += size
				continue
			}
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// FuzzUnfold: unfold gives what unfolding rune by rune gives.
func FuzzUnfold(f *testing.F) {
	for _, s := range []string{"", " ", "字 字", " 字 字 ", "字  字", "字 字 字", "“一” 之", "a 字", "字 a", "\xff 字", "字 \xe5\xad", "\xe5\xad 字",
		"年度报告应当写明上一年度 推进法治政府建设的主要举措。", "GB/T 9704 规定", "工作会\u3000议 精神"} {
		f.Add(s)
	}
	for _, data := range embeddedYAML(f) {
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := unfold(s), unfoldByRune(s); got != want {
			t.Fatalf("unfold(%q) = %q, rune by rune %q", s, got, want)
		}
	})
}
