package checker

import (
	"strings"
	"testing"
)

func TestFillMessage(t *testing.T) {
	vars := map[string]string{"want": "，", "match": "not this", "name": "存在的问题"}
	for _, c := range []struct{ message, want string }{
		{"无占位", "无占位"},
		{"“{match}”应为“{want}”", "“,”应为“，”"},
		{"缺少{name}部分", "缺少存在的问题部分"},
		{"{unknown} 与 {match}", "{unknown} 与 ,"},
		{"{{match}}", "{,}"},
		{"未闭合的 {match", "未闭合的 {match"},
		{"}{want}{", "}，{"},
	} {
		if got := fillMessage(c.message, ",", vars); got != c.want {
			t.Errorf("fillMessage(%q) = %q, want %q", c.message, got, c.want)
		}
	}
}

// FuzzFillMessage: a message is as long as fillPlaceholders measured it.
func FuzzFillMessage(f *testing.F) {
	f.Add("“{match}”应为“{want}”", ",", "，")
	f.Add("{{match}}}{want", "", "x")
	f.Fuzz(func(t *testing.T, message, excerpt, want string) {
		vars := map[string]string{"want": want}
		got := fillMessage(message, excerpt, vars)
		if n := fillPlaceholders(nil, message, excerpt, vars); strings.Contains(message, "{") && n != len(got) {
			t.Fatalf("%q: measured %d bytes, filled %q", message, n, got)
		}
	})
}
