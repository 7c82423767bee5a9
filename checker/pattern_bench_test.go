package checker

import (
	"testing"

	"github.com/fzlint/fzlint/rules"
)

// BenchmarkEachPatternRule runs each pattern rule alone over the corpus's
// analyses (named by the rule): where the pattern kind's time goes.
func BenchmarkEachPatternRule(b *testing.B) {
	benchEachRule(b, func(r *rules.Rule) (string, bool) { return r.ID, r.Kind == "pattern" })
}
