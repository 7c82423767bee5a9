package match

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLeadInSameAsLooking: leadIn, which looks for a lead byte and the pair
// of it and its one second byte, answers as looking at every byte of the
// text does; and a text of full-width marks without U+FFFD rules out
// \x{FFFD}+, which the lead byte alone (EF) does not.
func TestLeadInSameAsLooking(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	texts := corpusLines(t)
	for range 2000 {
		texts = append(texts, randomText(r))
	}
	for _, e := range []string{`\x{FFFD}+`, `[\x{E000}-\x{F8FF}]+`, `[\x{F000}-\x{F8FF}]`, `[\x{FF08}\x{FF0C}]\d`, `[é甲]x`, `[a\x{FFFD}]`} {
		st := &MustCompile(e).planned().starts
		for _, s := range texts {
			for k := range st.few {
				if got, want := st.leadIn(k, s), leadByLooking(st, k, s); got != want {
					t.Fatalf("%s, lead %#x on %q: leadIn %v, looking at every byte %v", e, st.few[k], s, got, want)
				}
			}
		}
	}
	marks := strings.Repeat("甲，乙（丙）：", 50)
	if p := MustCompile(`\x{FFFD}+`); p.MayMatchIn(NewDictionary(nil).Scan(marks)) {
		t.Fatalf("%s may match in a text of full-width marks without U+FFFD", p)
	}
}

// leadByLooking is leadIn by looking at every byte of s.
func leadByLooking(st *starts, k int, s string) bool {
	for i := range len(s) {
		if s[i] == st.few[k] && st.secondMay(k, s, i+1) {
			return true
		}
	}
	return false
}
