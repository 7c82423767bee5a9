package checker

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/doc"
	"gopkg.in/yaml.v3"
)

// The messages say which figures disagree, with the numbers worked out.
func TestArithmeticDetail(t *testing.T) {
	set, e := loadDefault(t)
	only := e.Only(set.Rule("hygiene/figures-disagree"))
	for text, want := range map[string]string{
		"全年受理行政复议申请40件，办结30件，办结率80%。":   "2:24-2:27 数据可能不一致：比率“80%”与本句的数字不符（30÷40=75.0%）",
		"全区受理行政复议案件120件，其中审结130件。":      "2:20-2:24 数据可能不一致：“其中”的“130件”大于总数“120件”",
		"应当出庭应诉案件117件，行政机关负责人实际出庭204件。": "2:25-2:29 数据可能不一致：实际数“204件”大于应当数“117件”",
	} {
		got := only.Check(doc.New("t.txt", doc.FormatText, "utf-8", "一、主要举措和成效\n"+text))
		if len(got) != 1 {
			t.Errorf("%s: %d findings, want 1", text, len(got))
			continue
		}
		f := got[0]
		r := f.Range
		if s := fmt.Sprintf("%d:%d-%d:%d %s", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column, f.Message); s != want {
			t.Errorf("%s:\n got %s\nwant %s", text, s, want)
		}
	}
}

// TestArithmeticPrefilters: the check, which passes over lines and sentences
// without a cue or two digits, finds what checking every sentence finds, on
// the corpus and on random texts (with the body's first heading before
// each, so that their lines are in the body).
func TestArithmeticPrefilters(t *testing.T) {
	set, e := loadDefault(t)
	fast := set.Rule("hygiene/figures-disagree")
	ref := *fast
	ref.Check = everySentence{fast.Check.(*arithmeticCheck)}
	var texts []string
	for _, text := range append(equivalenceTexts(t), figureTexts(2000)...) {
		texts = append(texts, text, "一、主要举措和成效\n"+text)
	}
	sameFindings(t, e, fast, &ref, texts)
}

// figureTexts makes n random texts of sentences of figures: labels,
// parts (其中, 实际) and totals (应当), counts and rates, mostly agreeing.
func figureTexts(n int) []string {
	prefixes := []string{"", "", "其中", "实际", "应当", "全年"}
	labels := []string{"受理案件", "出庭应诉案件", "办结", "出庭应诉率", "办结率", "纠错率", "同比增长", "审结", "a", ""}
	verbs := []string{"", "", "为", "达到", "均为", "是", "达"}
	numbers := []string{"0", "3", "4", "5", "6", "9", "30", "40", "75", "80", "100", "117", "120", "204", "75.0", "2.5", "1.5.3"}
	units := []string{"件", "件", "%", "%", "人次", "人", "项", "年", "个"}
	seps := []string{"，", "，", "、", ",", " ", ""}
	ends := []string{"。", "；", "!", "？", "\n"}
	rng := rand.New(rand.NewPCG(9, 4))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	texts := make([]string, n)
	for i := range texts {
		var b strings.Builder
		for s := 1 + rng.IntN(6); s > 0; s-- {
			for f := 1 + rng.IntN(4); f > 0; f-- {
				b.WriteString(pick(prefixes) + pick(labels) + pick(verbs) + pick(numbers) + pick(units) + pick(seps))
			}
			b.WriteString(pick(ends))
		}
		texts[i] = b.String()
	}
	return texts
}

// everySentence is the arithmetic check looking at every sentence of the
// body, cut into sentences rune by rune.
type everySentence struct{ *arithmeticCheck }

func (k everySentence) Run(c *Context) {
	for _, n := range c.scopeLines("body") {
		text, base := c.lineText(n, false)
		for _, s := range sentencesByRune(text) {
			if sentence := text[s[0]:s[1]]; !strings.Contains(sentence, "%") &&
				!strings.Contains(sentence, "其中") && !strings.Contains(sentence, "实际") {
				continue
			}
			figs, _ := k.figures(text, s[0], s[1], nil, nil)
			for _, f := range figs {
				d, bad := checkPart(f, figs)
				if f.unit == "%" {
					d, bad = checkRate(f, figs)
				}
				if bad {
					start, end := c.ViewSpan(base+f.start, base+f.end)
					c.Report(start, end, map[string]string{"detail": d}, nil)
				}
			}
		}
	}
}

// sentencesByRune cuts text into sentences at 。；;！？!?, reading it rune by
// rune.
func sentencesByRune(text string) [][2]int {
	var spans [][2]int
	start := 0
	for i, r := range text {
		if strings.ContainsRune("。;；!?！？", r) {
			spans = append(spans, [2]int{start, i})
			start = i + utf8.RuneLen(r)
		}
	}
	return append(spans, [2]int{start, len(text)})
}

// cueSentencesByRune is cueSentences from the sentences read rune by rune.
func cueSentencesByRune(text string) [][2]int {
	spans := [][2]int{}
	for _, s := range sentencesByRune(text) {
		if sentence := text[s[0]:s[1]]; strings.Contains(sentence, "%") ||
			strings.Contains(sentence, "其中") || strings.Contains(sentence, "实际") {
			spans = append(spans, s)
		}
	}
	return spans
}

// TestCueSentences: cueSentences, which finds the sentences from their
// cues by the marks' bytes, cuts every line of the corpus and of random
// texts as reading them rune by rune does.
func TestCueSentences(t *testing.T) {
	for _, text := range append(equivalenceTexts(t), figureTexts(2000)...) {
		for line := range strings.Lines(text) {
			if got, want := cueSentences(line, nil), cueSentencesByRune(line); !slices.Equal(got, want) {
				t.Fatalf("%q: %v, rune by rune %v", line, got, want)
			}
		}
	}
}

// FuzzCueSentences: cueSentences cuts any text, valid UTF-8 or not, as
// reading it rune by rune does.
func FuzzCueSentences(f *testing.F) {
	f.Add("受理40件。办结30件；办结率80%！其中？a;b!c?")
	f.Add("\xe3。\xef\xbc；\x80！")
	f.Add("实际;%。其中\xe3\x80%\x82其中！？实\xef\xbc\x9b际其")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := cueSentences(text, nil), cueSentencesByRune(text); !slices.Equal(got, want) {
			t.Fatalf("%q: %v, rune by rune %v", text, got, want)
		}
	})
}

// figureRegexp is the figure expression for units, as findFigures reads it.
func figureRegexp(units []string) *regexp.Regexp {
	quoted := make([]string, len(units))
	for i, u := range units {
		quoted[i] = regexp.QuoteMeta(u)
	}
	slices.SortStableFunc(quoted, func(a, b string) int { return len(b) - len(a) })
	return regexp.MustCompile(`(\p{Han}{0,12}?)(?:为|达|达到|均为|均达|是)?(\d+(?:\.\d+)?)(%|` + strings.Join(quoted, "|") + `)`)
}

// sameFigures fails the test where findFigures and regexp differ on s.
func sameFigures(t *testing.T, k *arithmeticCheck, re *regexp.Regexp, s string) {
	t.Helper()
	var want []figureMatch
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		want = append(want, figureMatch(m))
	}
	if got := k.findFigures(s, nil); !slices.Equal(got, want) {
		t.Fatalf("%q, units %q: %v, regexp %v", s, k.units, got, want)
	}
}

// TestFigures: findFigures finds the figures regexp finds, on every line
// of the corpus and of random texts, with the default units.
func TestFigures(t *testing.T) {
	set, _ := loadDefault(t)
	var units []string
	for _, n := range set.Rule("hygiene/figures-disagree").Spec.Content {
		if n.Kind == yaml.SequenceNode {
			for _, u := range n.Content {
				units = append(units, u.Value)
			}
		}
	}
	if len(units) < 10 {
		t.Fatalf("units %q", units)
	}
	k, re := newArithmetic(units), figureRegexp(units)
	for _, text := range append(equivalenceTexts(t), figureTexts(2000)...) {
		for line := range strings.Lines(text) {
			sameFigures(t, k, re, line)
		}
	}
}

// FuzzFigures: findFigures finds what regexp finds, on any valid text and
// any units (|-separated), those that start with a digit or are empty too.
func FuzzFigures(f *testing.F) {
	f.Add("件|人次|人|次|个|项", "全年受理行政复议申请40件，办结30件，办结率80%。其中实际出庭为2.5人次")
	f.Add("0件|", "均为均为1005件达到12.5.3%是7")
	f.Add("5x|.5", "1.55x年1.5x2023年")
	f.Add("件", "一二三四五六七八九十甲乙丙丁均为5件一二三四五六七八九十甲乙丙丁为6件一二三四五六七八九十甲乙丙丁7件")
	f.Add("件|", "5件一二为7件均为均为8件达到达9件a一二三四五六七八九十甲乙丙丁戊达到1件")
	f.Fuzz(func(t *testing.T, unitList, text string) {
		units := strings.Split(unitList, "|")
		if !utf8.ValidString(unitList) || !utf8.ValidString(text) || len(units) > 20 {
			return
		}
		sameFigures(t, newArithmetic(units), figureRegexp(units), text)
	})
}
