package checker

import (
	"math/rand/v2"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
)

// TestRangeOf: a finding's range taken partly from its fix's is the range
// Doc.Range works out, wherever the fix starts and ends.
func TestRangeOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 17))
	for _, text := range equivalenceTexts(t) {
		d, err := doc.ReadBytes("t.txt", []byte(text), doc.Options{})
		if err != nil {
			continue // a blank text: nothing to locate
		}
		c := &Context{Analysis: &Analysis{Doc: d}}
		n := len(d.Text)
		for range 200 {
			start := rng.IntN(n+3) - 1
			end := start + rng.IntN(40)
			fixes := []*Fix{nil, c.Fix(start, end, ""), c.Fix(start, end+rng.IntN(9), ""),
				c.Fix(start-rng.IntN(9), end, ""), c.Fix(rng.IntN(n+1), rng.IntN(n+1), "")}
			for _, fix := range fixes {
				if got, want := c.rangeOf(start, end, fix), d.Range(start, end); got != want {
					t.Fatalf("%q [%d, %d) with fix %+v: %+v, Doc.Range %+v", text, start, end, fix, got, want)
				}
			}
		}
	}
}
