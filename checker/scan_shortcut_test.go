package checker

import (
	"reflect"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/match"
)

// unscanned returns engine e with dictionaries that hold no pattern: every
// pattern is then searched for by regexp in each text it is asked about, and
// no rule passes over a document or a line on its scan.
func unscanned(e *Engine) *Engine {
	none := match.NewDictionary(nil)
	return &Engine{set: e.set, rules: e.rules, dict: none, rawDict: none, spares: &sync.Pool{}}
}

// oneDictionary returns engine e with the raw text scanned for the literals
// of every rule, as the normalized view is.
func oneDictionary(e *Engine) *Engine {
	return &Engine{set: e.set, rules: e.rules, dict: e.dict, rawDict: e.dict, spares: &sync.Pool{}}
}

// sameAsWithoutShortcuts fails the test where engine e finds otherwise in
// text than with one dictionary for both forms, or without scans at all.
func sameAsWithoutShortcuts(t *testing.T, e *Engine, text string) {
	t.Helper()
	d := doc.New("t.txt", doc.FormatText, "utf-8", text)
	got := e.Check(d)
	for name, ref := range map[string]*Engine{"one dictionary": oneDictionary(e), "no scan": unscanned(e)} {
		if want := ref.Check(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("%d findings, %d with %s\n%.300q", len(got), len(want), name, text)
		}
	}
}

// TestScanShortcuts: the raw text scanned for the literals of the rules that
// read it alone, and the consistency, issuer and substitution rules that pass
// over a document (or a swap group) whose scan rules out their patterns, find
// what the same rules find with the raw text scanned for every literal, and
// with no scan at all, on the corpus and random texts.
func TestScanShortcuts(t *testing.T) {
	_, e := loadDefault(t)
	rawScans, skipped := 0, 0
	for _, text := range equivalenceTexts(t) {
		sameAsWithoutShortcuts(t, e, text)
		a := e.Analyze(doc.New("t.txt", doc.FormatText, "utf-8", text))
		c := &Context{Analysis: a, set: e.set, lent: &spare{}}
		if a.View.Text != a.Doc.Text {
			rawScans++
		}
		for _, r := range e.rules {
			switch k := r.Check.(type) {
			case *consistencyCheck:
				if k.Pattern != nil && !k.Pattern.MayMatchIn(c.documentScan(k.Match == "raw")) {
					skipped++
				}
			case *issuerCheck:
				if !k.Self.MayMatchIn(c.documentScan(false)) {
					skipped++
				}
			case *substitutionCheck:
				for _, g := range k.groups {
					if !k.swaps[g.members[0]].from.MayMatchIn(c.documentScan(k.Match == "raw")) {
						skipped++
					}
				}
			}
		}
	}
	if rawScans == 0 || skipped == 0 {
		t.Fatalf("%d raw texts scanned apart, %d documents or groups passed over: the test compares too little", rawScans, skipped)
	}
}

// TestRawDictionary: the raw text's dictionary holds the patterns of every
// rule that reads the raw text's scan. In an empty text's scan, a pattern
// the dictionary holds is ruled out unless it needs no literal, as in the
// view's dictionary, which holds them all.
func TestRawDictionary(t *testing.T) {
	_, e := loadDefault(t)
	raw, all := e.rawDict.Scan(""), e.dict.Scan("")
	rawRules := 0
	for _, r := range e.rules {
		if !readsRaw(r) {
			continue
		}
		rawRules++
		for _, p := range r.Patterns {
			if p.MayMatchIn(raw) != p.MayMatchIn(all) {
				t.Errorf("%s: %s not in the raw dictionary", r.ID, p)
			}
		}
	}
	if rawRules == 0 {
		t.Fatal("no rule reads the raw text")
	}
}

// FuzzScanShortcuts: TestScanShortcuts on fuzzed texts.
func FuzzScanShortcuts(f *testing.F) {
	f.Add("一、总体情况\n全年办理行政复议案件12件，其中维持10件。\n（二）严格规范公正文明执法 ，  \n")
	f.Add("abc 100% ,def\n１００％，文号：〔2023〕1号　\n")
	_, e := loadDefault(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		sameAsWithoutShortcuts(t, e, text)
	})
}

// BenchmarkScanForms scans the corpus's views and raw texts as a check
// does: each with its form's dictionary.
func BenchmarkScanForms(b *testing.B) {
	e, docs := corpusEngine(b)
	var as []*Analysis
	for _, d := range docs {
		as = append(as, e.Analyze(d))
	}
	b.Run("view", func(b *testing.B) {
		for b.Loop() {
			for _, a := range as {
				e.dict.Scan(a.View.Text)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		for b.Loop() {
			for _, a := range as {
				e.rawDict.Scan(a.Doc.Text)
			}
		}
	})
}
