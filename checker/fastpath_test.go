package checker

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// Helpers for the tests that compare a rule's fast path with the general
// mechanism it stands for.

// equivalenceTexts returns the texts a fast path is compared on: every
// document of the corpus, and random texts made of their lines with
// characters changed to others a rule cares about (digits and letters of
// both widths, marks, Han characters, spaces).
func equivalenceTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, path := range corpus(t) {
		if !doc.Checkable(path) {
			continue
		}
		d, err := doc.Read(path, doc.Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		texts = append(texts, d.Text)
	}
	var lines []string
	for _, text := range texts {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	swaps := []rune("0123456789０１２３４５６７８９.．%％AZazＡＺａｚ,，;；:：?？!！(（)）。、“”《》 　\t其中实际应当率件人次项个为达严格规范公正文明执法")
	rng := rand.New(rand.NewPCG(13, 5))
	for range 300 {
		var b strings.Builder
		for n := 1 + rng.IntN(12); n > 0; n-- {
			line := []rune(lines[rng.IntN(len(lines))])
			for k := rng.IntN(4); k > 0 && len(line) > 0; k-- {
				line[rng.IntN(len(line))] = swaps[rng.IntN(len(swaps))]
			}
			b.WriteString(string(line))
			b.WriteByte('\n')
		}
		texts = append(texts, b.String())
	}
	return texts
}

// sameFindings fails the test where rule fast and rule ref, run alone by
// engine e, find differently on one of texts.
func sameFindings(t *testing.T, e *Engine, fast, ref *rules.Rule, texts []string) {
	t.Helper()
	for i, text := range texts {
		d := doc.New("t.txt", doc.FormatText, "utf-8", text)
		got, want := e.Only(fast).Check(d), e.Only(ref).Check(d)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s on text %d: %d findings, %d by the general way\n%.300s", fast.ID, i, len(got), len(want), text)
		}
	}
}

// TestRunOrder: Engine.Run, which sorts the findings' numbers and copies
// them out once, orders them as a stable sort of the findings themselves
// by position and rule does, on the corpus and on random texts.
func TestRunOrder(t *testing.T) {
	_, e := loadDefault(t)
	for i, text := range equivalenceTexts(t) {
		d := doc.New("t.txt", doc.FormatText, "utf-8", text)
		var want []Finding
		a := e.Analyze(d)
		for _, r := range e.rules {
			r.Check.(Check).Run(&Context{Analysis: a, Rule: r, set: e.set, out: &want, lent: &spare{}})
		}
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i].Range.Start.Offset, want[j].Range.Start.Offset
			if a != b {
				return a < b
			}
			return want[i].Rule < want[j].Rule
		})
		if got := e.Check(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: %d findings, %d sorted as they are\n%.300s", i, len(got), len(want), text)
		}
	}
}
