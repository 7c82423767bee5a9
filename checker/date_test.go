package checker

import "testing"

func TestDateSpecErrors(t *testing.T) {
	runSpecErrors(t, "date", []specErrorCase{
		{"no check", `forms: [dash]`, "check"},
		{"a form without its list", `check: form`, "需要 forms"},
		{"an unknown form", `{check: form, forms: [roman]}`, "可用：yuan、chinese、dash、dot、slash、short、partial"},
		{"the standard form", `{check: form, forms: [arabic]}`, "未知的日期形式"},
	})
}
