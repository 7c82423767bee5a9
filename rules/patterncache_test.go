package rules_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// TestPatternCacheSameFindings holds a load whose equal expressions share
// one pattern to the findings of a load that compiles each afresh: on the
// seeds, the repository's reports and outlines, the rules' examples and
// random texts spliced from their lines.
func TestPatternCacheSameFindings(t *testing.T) {
	cached := engine(t)
	var fresh *checker.Engine
	rules.WithoutPatternCache(func() { fresh = engine(t) })
	texts := map[string]string{}
	for _, pat := range []string{"../../shared/seeds/*.txt", "../testdata/reports/*.txt", "../testdata/outline/*.txt"} {
		paths, _ := filepath.Glob(pat)
		for _, path := range paths {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			texts[path] = string(b)
		}
	}
	if len(texts) < 5 {
		t.Fatalf("only %d documents", len(texts))
	}
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range set.Rules {
		for _, ex := range append(r.Examples.Fail, r.Examples.Pass...) {
			texts[r.ID+" example"] += ex + "\n"
			lines = append(lines, strings.Split(ex, "\n")...)
		}
	}
	for _, text := range texts {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	rnd := rand.New(rand.NewPCG(13, 7))
	for i := range 200 {
		var b strings.Builder
		for range 1 + rnd.IntN(40) {
			b.WriteString(lines[rnd.IntN(len(lines))])
			b.WriteString("\n")
		}
		texts[fmt.Sprintf("random %d", i)] = b.String()
	}
	for name, text := range texts {
		a := cached.Check(doc.New(name, doc.FormatText, "utf-8", text))
		b := fresh.Check(doc.New(name, doc.FormatText, "utf-8", text))
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: %d findings with the cache, %d without", name, len(a), len(b))
		}
	}
}

// TestPatternCacheShares: equal expressions in one load are one pattern.
func TestPatternCacheShares(t *testing.T) {
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]any{}
	shared := 0
	for _, r := range set.Rules {
		for _, p := range r.Patterns {
			if q, ok := seen[p.String()]; ok {
				if q != any(p) {
					t.Errorf("%s: %q compiled again", r.ID, p.String())
				}
				shared++
			}
			seen[p.String()] = p
		}
	}
	if shared == 0 {
		t.Error("no rules share a pattern")
	}
}

func engine(t *testing.T) *checker.Engine {
	t.Helper()
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	e, err := checker.New(set)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
