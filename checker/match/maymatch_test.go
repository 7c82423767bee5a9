package match

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestMayMatchInHoldsMatches: a text MayMatchIn rules out holds no match of
// the pattern, for every pattern of the default packs and some without
// literals, on the corpus's lines and random texts; and patterns without
// literals are ruled out by their first bytes on some.
func TestMayMatchInHoldsMatches(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 3))
	exprs := append(packExpressions(t), `\x{FFFD}+x?`, `[\x{E000}-\x{F8FF}]+`, `[甲乙]\d`, `\d?年`, `(?:甲|乙)+|丙`, `x*`, `\b年`)
	texts := corpusLines(t)
	for range 500 {
		texts = append(texts, randomText(r))
	}
	ruledOut := 0
	for _, e := range exprs {
		p, re := MustCompile(e), regexp.MustCompile(e)
		for _, d := range []*Dictionary{NewDictionary([]*Pattern{p}), NewDictionary(nil)} {
			for _, s := range texts {
				if p.MayMatchIn(d.Scan(s)) {
					continue
				}
				if re.MatchString(s) {
					t.Fatalf("%s: MayMatchIn rules out %q, which holds a match", e, s)
				}
				if p.need.lits == nil {
					ruledOut++
				}
			}
		}
	}
	if ruledOut < 1000 {
		t.Fatalf("patterns without literals ruled out by their first bytes %d times: the test compares too little", ruledOut)
	}
}
