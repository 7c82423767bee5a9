package checker

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOneOff(t *testing.T) {
	want := []rune("谁执法谁普法")
	for _, c := range []struct {
		text, window string
		ok           bool
	}{
		{"谁执法谁谱法责任制", "谁执法谁谱法", true},
		{"谁执法谁普法责任制", "", false}, // written right
		{"谁执法谁谱发责任制", "", false}, // two characters off
		{"谁执法谁1法", "", false},    // a digit is no misspelling
		{"谁执法谁", "", false},      // too short
	} {
		w, ok := oneOff(c.text, want)
		if ok != c.ok || ok && w != c.window {
			t.Errorf("oneOff(%q) = %q, %v; want %q, %v", c.text, w, ok, c.window, c.ok)
		}
	}
}

// TestPhrasesScan: the scan, which looks pairs of runes up by their hash,
// finds what searching the list of every pair for each finds, on every line of the
// corpus and of random texts, for the default set phrases and for phrases
// that start with marks, letters or digits.
func TestPhrasesScan(t *testing.T) {
	set, _ := loadDefault(t)
	var checks []*phrasesCheck
	for _, r := range set.Rules {
		if k, ok := r.Check.(*phrasesCheck); ok {
			checks = append(checks, k)
		}
	}
	r, err := compileSpec("phrases", "{want}", `{phrases: [、执法必严、, "AB执法严明", 12345678, 依法行政], allow: [依法执政, "、执"]}`)
	if err != nil {
		t.Fatal(err)
	}
	checks = append(checks, r.Check.(*phrasesCheck))
	for _, text := range equivalenceTexts(t) {
		for line := range strings.Lines(text) {
			for _, k := range checks {
				samePhrasesScan(t, k, strings.TrimSuffix(line, "\n"))
			}
		}
	}
}

// FuzzPhrasesScan: as TestPhrasesScan, on any text.
func FuzzPhrasesScan(f *testing.F) {
	f.Add("坚持严格规范公证文明执法，推进依法行政、依法执政。")
	f.Add("有法可依、有法必依、执法必言、违法必究")
	set, _ := loadDefault(f)
	var checks []*phrasesCheck
	for _, r := range set.Rules {
		if k, ok := r.Check.(*phrasesCheck); ok {
			checks = append(checks, k)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // the scan reads lines of the view, valid UTF-8
		}
		for _, k := range checks {
			samePhrasesScan(t, k, text)
		}
	})
}

// samePhrasesScan fails the test where k.scan and a scan that searches the
// list of pairs for every pair of runes differ on text.
func samePhrasesScan(t *testing.T, k *phrasesCheck, text string) {
	t.Helper()
	got := make([][]int, len(k.phrases))
	want := make([][]int, len(k.phrases))
	gotRight, wantRight := k.scan(text, got, nil), scanEveryPair(k, text, want)
	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			t.Fatalf("%q: candidates of %s at %v, looking up every pair %v", text, k.phrases[i].text, got[i], want[i])
		}
	}
	if !slices.Equal(gotRight, wantRight) {
		t.Fatalf("%q: right at %v, looking up every pair %v", text, gotRight, wantRight)
	}
}

// scanEveryPair is phrasesCheck.scan searching the table's list of pairs
// for every pair of runes, without the hash.
func scanEveryPair(k *phrasesCheck, text string, cands [][]int) [][2]int {
	var right [][2]int
	r0, size0 := utf8.DecodeRuneInString(text)
	for at := 0; at+size0 < len(text); {
		r1, size1 := utf8.DecodeRuneInString(text[at+size0:])
		for _, e := range k.starts.entries {
			if e.a == r0 && e.b == r1 {
				right = k.startsAt(text, at, e.starts, cands, right)
			}
		}
		at += size0
		r0, size0 = r1, size1
	}
	return right
}
