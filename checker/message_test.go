package checker

import (
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// fillMessage is message filled as a check's first finding has it.
func fillMessage(message, excerpt string, vars map[string]string) string {
	c := &Context{Analysis: &Analysis{Doc: &doc.Document{}}, Rule: &rules.Rule{Message: message}, lent: &spare{}}
	return c.message(excerpt, vars)
}

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

// FuzzFillMessage: the messages of one check, filled in its lent memory
// and shared when equal, are those each finding would have on its own,
// whatever came before them.
func FuzzFillMessage(f *testing.F) {
	f.Add("“{match}”应为“{want}”", ",", "，", "本行有 {count} 处（首处“{match}”）")
	f.Add("{{match}}}{want", "", "x", "{want}")
	c := &Context{Analysis: &Analysis{Doc: &doc.Document{}}, Rule: &rules.Rule{}, lent: &spare{}}
	f.Fuzz(func(t *testing.T, message, excerpt, want, other string) {
		vars := map[string]string{"want": want, "count": "3"}
		for _, m := range []string{message, other, message, other} {
			c.Rule.Message = m
			if got, alone := c.message(excerpt, vars), fillMessage(m, excerpt, vars); got != alone {
				t.Fatalf("%q after others: %q, alone %q", m, got, alone)
			}
		}
	})
}
