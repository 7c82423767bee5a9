package rules_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// TestPreparsedSameLoad holds a Load that takes packs parsed ahead
// (Preparse) to one that parses them itself: the same packs and rules,
// severities and outline, and the same findings on the seeds and the
// repository's reports and outlines; with a config that adjusts a rule, the
// adjustment applies to the rule taken.
func TestPreparsedSameLoad(t *testing.T) {
	cfg, err := rules.ParseConfig(".fzlint.yaml", []byte("rules:\n  hygiene/trailing-space: off\n  fzzf/section-problems: info\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*rules.Config{nil, cfg} {
		ahead, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: c, Preparsed: rules.Preparse(checker.Kinds())})
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Config: c})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := summary(ahead), summary(fresh); !reflect.DeepEqual(got, want) {
			t.Fatalf("rules taken parsed ahead:\n%v\nparsed by the load:\n%v", got, want)
		}
		if !reflect.DeepEqual(ahead.Outline.Roles, fresh.Outline.Roles) || len(ahead.Outline.Debris) != len(fresh.Outline.Debris) {
			t.Error("the outline's vocabulary differs")
		}
		a, b := newEngine(t, ahead), newEngine(t, fresh)
		texts := 0
		for _, pat := range []string{"../../shared/seeds/*.txt", "../testdata/reports/*.txt", "../testdata/outline/*.txt"} {
			paths, _ := filepath.Glob(pat)
			for _, path := range paths {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				d := doc.New(path, doc.FormatText, "utf-8", string(data))
				if fa, fb := a.Check(d), b.Check(d); !reflect.DeepEqual(fa, fb) {
					t.Errorf("%s: %d findings parsed ahead, %d parsed by the load", path, len(fa), len(fb))
				}
				texts++
			}
		}
		if texts < 5 {
			t.Fatalf("only %d documents", texts)
		}
	}
}

// TestPreparsedTakenOnce: a second Load given the same packs parsed ahead
// parses its own, so that it does not share the rules the first adjusted.
func TestPreparsedTakenOnce(t *testing.T) {
	pp := rules.Preparse(checker.Kinds())
	first, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Preparsed: pp})
	if err != nil {
		t.Fatal(err)
	}
	second, err := rules.Load(rules.Options{Kinds: checker.Kinds(), Preparsed: pp})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Rules) == 0 || len(first.Rules) != len(second.Rules) {
		t.Fatalf("%d rules, then %d", len(first.Rules), len(second.Rules))
	}
	for i, r := range first.Rules {
		if second.Rules[i] == r {
			t.Fatalf("%s shared by both loads", r.ID)
		}
	}
}

// summary lists the packs of set, then each rule with its severity.
func summary(set *rules.Set) []string {
	var out []string
	for _, p := range set.Packs {
		out = append(out, "pack "+p.ID)
	}
	for _, r := range set.Rules {
		out = append(out, r.ID+" "+r.Severity.String())
	}
	return out
}

func newEngine(t *testing.T, set *rules.Set) *checker.Engine {
	t.Helper()
	e, err := checker.New(set)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
