package checker

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/match"
)

// classContexts are before and after expressions of one character class or
// one character, besides those of the default packs.
var classContexts = []string{`\p{Han}`, `[\p{Han}\x{3000}-\x{303F}\x{FF01}-\x{FF60}“”‘’…—]`, `[^()\n]`, `(?i)[a-z]`, `[\d]`, `\S`, `[^\r\n]`, `x`, `\x{FFFD}`, `[^a]`}

// TestContextClass: a before or after expression of one character class,
// looked up in its ranges (swap.beforeFits, swap.afterFits), fits where the
// anchored pattern matches, at every place of the corpus's lines and of
// random texts with invalid bytes; every class context of the default packs
// is looked up, not matched.
func TestContextClass(t *testing.T) {
	_, e := loadDefault(t)
	var swaps []swap
	for _, r := range e.rules {
		if s, ok := r.Check.(*substitutionCheck); ok {
			for _, sw := range s.swaps {
				if sw.beforeRunes != nil || sw.afterRunes != nil {
					swaps = append(swaps, sw)
				}
			}
		}
	}
	if len(swaps) == 0 {
		t.Fatal("no swap of the default packs has a context of one class")
	}
	for _, expr := range classContexts {
		swaps = append(swaps, classSwap(t, expr))
	}
	var texts []string
	for _, text := range equivalenceTexts(t) {
		texts = append(texts, strings.Split(text, "\n")...)
	}
	rng := rand.New(rand.NewPCG(3, 11))
	pieces := []string{"\xff", "\xe4\xb8", "\xb8", "\uFFFD", "中", "，", "(", "a", "A", "1", " ", "“", "\x00"}
	texts = append(texts, randomJoins(rng, pieces, 2000, 6)...)
	for _, text := range texts {
		for i := 0; i <= len(text); i++ {
			for k := range swaps {
				compareContexts(t, &swaps[k], text[:i], text[i:])
			}
		}
	}
}

// classSwap is a swap whose before and after are expr.
func classSwap(t testing.TB, expr string) swap {
	t.Helper()
	sw := swap{before: match.MustCompile("(?:" + expr + ")$"), after: match.MustCompile("^(?:" + expr + ")"),
		beforeRunes: classOf(expr), afterRunes: classOf(expr)}
	if sw.beforeRunes == nil {
		t.Fatalf("%s: not read as one class", expr)
	}
	return sw
}

// compareContexts compares the lookups of sw's contexts with its patterns.
func compareContexts(t testing.TB, sw *swap, before, after string) {
	t.Helper()
	if sw.before != nil {
		if got, want := sw.beforeFits(before), sw.before.MatchString(before); got != want {
			t.Fatalf("before %s on %q: %v, the pattern %v", sw.before, before, got, want)
		}
	}
	if sw.after != nil {
		if got, want := sw.afterFits(after), sw.after.MatchString(after); got != want {
			t.Fatalf("after %s on %q: %v, the pattern %v", sw.after, after, got, want)
		}
	}
}

// FuzzContextClass is TestContextClass on any text, cut anywhere.
func FuzzContextClass(f *testing.F) {
	f.Add("中文,English", 2)
	f.Add("\xe4\xb8\xff“", 1)
	swaps := make([]swap, len(classContexts))
	for i, expr := range classContexts {
		swaps[i] = classSwap(f, expr)
	}
	f.Fuzz(func(t *testing.T, text string, at int) {
		if at < 0 || at > len(text) {
			return
		}
		for k := range swaps {
			compareContexts(t, &swaps[k], text[:at], text[at:])
		}
	})
}

// randomJoins returns n texts, each made of fewer than most pieces drawn at
// random.
func randomJoins(rng *rand.Rand, pieces []string, n, most int) []string {
	texts := make([]string, n)
	for i := range texts {
		var b strings.Builder
		for k := rng.IntN(most); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts[i] = b.String()
	}
	return texts
}
