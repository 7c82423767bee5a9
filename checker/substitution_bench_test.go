package checker

import (
	"testing"

	"github.com/fzlint/fzlint/rules"
)

// BenchmarkSubstitutionRules runs each substitution rule alone over the
// corpus's analyses, built once: the kind's own cost, rule by rule.
func BenchmarkSubstitutionRules(b *testing.B) {
	benchEachRule(b, func(r *rules.Rule) (string, bool) { return r.ID, r.Kind == "substitution" })
}
