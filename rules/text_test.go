package rules

import "testing"

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
