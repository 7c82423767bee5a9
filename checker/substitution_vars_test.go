package checker

import (
	"strconv"
	"testing"
)

// TestMessageVars: a message filled from messageVars, which holds only the
// placeholders the message has, reads as one filled from every placeholder
// of a substitution finding.
func TestMessageVars(t *testing.T) {
	messages := []string{"", "plain", "{match}", "{want}", "{count}", "“{match}”应为“{want}”", "本行有 {count} 处（首处“{match}”）",
		"{want}{count}{match}", "{wants} {count", "{{want}} {want", "{}{count}}", "{ want}", "{WANT}", "{count}{count}"}
	for _, message := range messages {
		vars := messageVarsOf(message)
		vars.vars = map[string]string{}
		for count, want := range []string{"", "，", "〈纲要〉", "{count}"} {
			got := appendMessage(nil, message, "摘录", vars.of(want, count))
			all := appendMessage(nil, message, "摘录", map[string]string{"want": want, "count": strconv.Itoa(count)})
			if string(got) != string(all) {
				t.Errorf("%q, want %q, count %d: %q, with every placeholder %q", message, want, count, got, all)
			}
		}
	}
}
