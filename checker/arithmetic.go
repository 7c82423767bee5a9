package checker

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/rules"
)

// arithmeticSpec: figures of one sentence that contradict each other. In a
// sentence of the body, each figure is a number with one of `units` or %,
// and its label is the Han text right before it (应当出庭应诉案件117件: label
// 应当出庭应诉案件). Two checks:
//   - rate: a rate (label ending in 率, not a change such as 同比上升) whose
//     label shares two characters running with the label of a count (出庭应诉率
//     and 实际出庭) must be that count over some count of the sentence with
//     the same unit, to the rate's last digit; 0% and 100% are not checked
//     (their base is often left unsaid). Reported at the rate.
//   - part: a count said to be part of another (其中…, or 实际… beside 应当…
//     with two characters of the label in common) may not exceed it. Reported
//     at the part.
//
// Placeholders: {detail}, saying which figures disagree.
type arithmeticSpec struct {
	Units []string `yaml:"units"`
}

// arithmeticCheck finds the figures of a sentence as the expression
//
//	(\p{Han}{0,12}?)(?:为|达|达到|均为|均达|是)?(\d+(?:\.\d+)?)(%|units…)
//
// matches them, the units longest first (人次 before 人): the label, a verb,
// the number and the unit. regexp tries that expression at every place of
// a sentence; findFigures reads the sentence once instead, from digit to
// digit, and answers as regexp does (FuzzFigures compares them).
type arithmeticCheck struct {
	// units are the unit's alternatives in order: %, then the units.
	units []string
	// digitUnits is set when a unit starts with a digit: a number then
	// gives digits back to the unit, as regexp's backtracking does.
	digitUnits bool
}

func compileArithmetic(r *rules.Rule) (any, bool, error) {
	var s arithmeticSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if len(s.Units) == 0 {
		return nil, false, rules.SpecError(r, "arithmetic 规则需要 units")
	}
	return newArithmetic(s.Units), false, nil
}

// newArithmetic returns the check for the given units.
func newArithmetic(units []string) *arithmeticCheck {
	units = slices.Clone(units)
	// longest units first: 人次 before 人
	slices.SortStableFunc(units, func(a, b string) int { return len(b) - len(a) })
	k := &arithmeticCheck{units: append([]string{"%"}, units...)}
	for _, u := range units {
		k.digitUnits = k.digitUnits || u != "" && isDigit(u[0])
	}
	return k
}

// figure is one number of a sentence with its unit and label.
type figure struct {
	label      string
	value      float64
	decimals   int
	unit       string
	start, end int // of the number and unit, in the line's view text
}

// changeWords mark a rate of change, not a share.
var changeWords = []string{"同比", "环比", "增长", "上升", "下降", "提高", "减少", "增加", "降低"}

func (k *arithmeticCheck) Run(c *Context) {
	// reused from line to line, and sentence to sentence; room for a long
	// line's sentences and a sentence's figures on the stack
	spans := make([][2]int, 0, 32)
	figs := make([]figure, 0, 16)
	matches := make([]figureMatch, 0, 16)
	for _, n := range c.scopeLines("body") {
		text, base := c.lineText(n, false)
		// both checks need a rate or a count said to be part of another,
		// and two figures
		spans = cueSentences(text, spans)
		for _, s := range spans {
			if countDigits(text[s[0]:s[1]]) < 2 {
				continue
			}
			figs, matches = k.figures(text, s[0], s[1], figs, matches)
			if len(figs) < 2 {
				continue
			}
			report := func(f figure, detail string) {
				start, end := c.ViewSpan(base+f.start, base+f.end)
				c.Report(start, end, map[string]string{"detail": detail}, nil)
			}
			for _, f := range figs {
				if f.unit == "%" {
					if d, bad := checkRate(f, figs); bad {
						report(f, d)
					}
				} else if d, bad := checkPart(f, figs); bad {
					report(f, d)
				}
			}
		}
	}
}

// cues are what either check needs in a sentence: a rate (%), or a count
// said to be part of another (其中, 实际).
var cues = [...]cue{{"%", 0}, {"其中", 2}, {"实际", 4}}

// cue is a word and the byte of it searched for: the rarest in the seeds
// (其's last byte, B6, is 0.7% of their bytes, 际's second, 99, 0.4%;
// the lead bytes of Chinese characters are 10% each and more).
type cue struct {
	word string
	by   int
}

// cueSentences returns, in the memory of spans, the byte spans of the
// sentences of text (cut at 。；;！？!?) that hold a cue. Each is found from
// its first cue, by the marks on either side: most of a line, the
// sentences without a cue, is passed over by the searches for the cues,
// not read byte by byte.
func cueSentences(text string, spans [][2]int) [][2]int {
	spans = spans[:0]
	var next [len(cues)]int // where each cue is next found, from on (len(text) for none)
	for i := range next {
		next[i] = -1 // not yet searched
	}
	for from := 0; ; {
		at := len(text)
		for i, c := range cues {
			if next[i] < from {
				next[i] = c.index(text, from)
			}
			at = min(at, next[i])
		}
		if at == len(text) {
			return spans
		}
		end, size := nextMark(text, at)
		spans = append(spans, [2]int{lastMarkEnd(text, from, at), end})
		from = end + size
	}
}

// index is where c's word is first found in text from offset from on, or
// len(text).
func (c cue) index(text string, from int) int {
	for at := from + c.by; at < len(text); {
		i := strings.IndexByte(text[at:], c.word[c.by])
		if i < 0 {
			break
		}
		if start := at + i - c.by; strings.HasPrefix(text[start:], c.word) {
			return start
		}
		at += i + 1
	}
	return len(text)
}

// countDigits counts the ASCII digits of text, eight bytes at a time: each
// figure has one at least.
func countDigits(text string) int {
	n, i := 0, 0
	for ; i+8 <= len(text); i += 8 {
		n += bits.OnesCount64(digitBytes(text[i : i+8]))
	}
	for ; i < len(text); i++ {
		if isDigit(text[i]) {
			n++
		}
	}
	return n
}

// markLeads are the first bytes of the sentence marks 。；;！？!?.
var markLeads = [256]bool{';': true, '!': true, '?': true, 0xE3: true, 0xEF: true}

// markAt returns the length of the sentence mark at text[i], 0 if none.
// The marks are told by their bytes: in UTF-8, a mark's bytes are that
// mark wherever they stand, and no mark's bytes hold another's first byte.
func markAt(text string, i int) int {
	switch text[i] {
	case ';', '!', '?':
		return 1
	case 0xE3: // 。
		if strings.HasPrefix(text[i:], "。") {
			return 3
		}
	case 0xEF: // ；！？
		if rest := text[i:]; strings.HasPrefix(rest, "；") || strings.HasPrefix(rest, "！") || strings.HasPrefix(rest, "？") {
			return 3
		}
	}
	return 0
}

// nextMark returns where the first sentence mark at or after i starts and
// its length; len(text) and 0 if there is none.
func nextMark(text string, i int) (int, int) {
	for ; i < len(text); i++ {
		if !markLeads[text[i]] {
			continue // most bytes: one load and a branch the processor predicts
		}
		if size := markAt(text, i); size > 0 {
			return i, size
		}
	}
	return len(text), 0
}

// lastMarkEnd returns where the last sentence mark of text[from:to] ends,
// from if it has none. A mark ends in its last byte: ;!? or the last byte
// of 。；！？, whose first two bytes are checked before it.
func lastMarkEnd(text string, from, to int) int {
	for i := to - 1; i >= from; i-- {
		switch text[i] {
		case ';', '!', '?':
			return i + 1
		case 0x82, 0x9B, 0x81, 0x9F: // the last bytes of 。；！？
			if i-2 >= from && markAt(text, i-2) == 3 {
				return i + 1
			}
		}
	}
	return from
}

// figures returns the figures of the sentence [from, to) of text in the
// memory of figs, and the matches of the figure expression in the memory of
// matches (nil for fresh memory).
func (k *arithmeticCheck) figures(text string, from, to int, figs []figure, matches []figureMatch) ([]figure, []figureMatch) {
	figs = figs[:0]
	matches = k.findFigures(text[from:to], matches)
	for _, m := range matches {
		for i := range m {
			m[i] += from
		}
		// a number run into digits or a point before it is not this figure
		if r, _ := utf8.DecodeLastRuneInString(text[:m[4]]); m[4] > 0 && (r >= '0' && r <= '9' || r == '.') {
			continue
		}
		v, err := strconv.ParseFloat(text[m[4]:m[5]], 64)
		if err != nil {
			continue
		}
		decimals := 0
		if i := strings.IndexByte(text[m[4]:m[5]], '.'); i >= 0 {
			decimals = m[5] - m[4] - i - 1
		}
		figs = append(figs, figure{label: text[m[2]:m[3]], value: v, decimals: decimals,
			unit: text[m[6]:m[7]], start: m[4], end: m[7]})
	}
	return figs, matches
}

// figureMatch is a match of the figure expression: its span, then the
// spans of the label, the number and the unit, as regexp's submatch
// indexes give them.
type figureMatch [8]int

// findFigures returns the matches of the figure expression in s, valid
// UTF-8, as regexp's FindAllStringSubmatchIndex does, in the memory of out
// (nil for fresh memory). Every match has a
// digit, with at most 14 Han characters (a label of 12 and a verb of 2)
// between its start and its first digit: the first digit at or after
// where the search is, whose number has a unit, makes the next match.
func (k *arithmeticCheck) findFigures(s string, out []figureMatch) []figureMatch {
	out = out[:0]
	for pos, at := 0, 0; ; {
		d := indexDigit(s, at)
		if d < 0 {
			return out
		}
		digits := digitsEnd(s, d)
		numberEnd, unitEnd, ok := k.number(s, d, digits)
		if !ok {
			at = digits // no digit of this run starts a number with a unit
			continue
		}
		start, labelEnd := label(s, pos, d)
		out = append(out, figureMatch{start, unitEnd, start, labelEnd, d, numberEnd, numberEnd, unitEnd})
		pos, at = unitEnd, unitEnd
	}
}

// number matches (\d+(?:\.\d+)?)(%|units…) at d, digits running to
// runEnd, as regexp does: the most digits first, with a decimal part before
// without, and the units in order. It returns where the number and its unit
// end.
func (k *arithmeticCheck) number(s string, d, runEnd int) (numberEnd, unitEnd int, ok bool) {
	for end := runEnd; end > d; end-- {
		if end+1 < len(s) && s[end] == '.' && isDigit(s[end+1]) {
			for frac := digitsEnd(s, end+1); frac > end+1; frac-- {
				if n := k.unitAt(s, frac); n >= 0 {
					return frac, frac + n, true
				}
				if !k.digitUnits {
					break // no unit starts at the digit before frac
				}
			}
		}
		if n := k.unitAt(s, end); n >= 0 {
			return end, end + n, true
		}
		if !k.digitUnits {
			break
		}
	}
	return 0, 0, false
}

// unitAt returns the length of the first unit that s has at i, or -1.
func (k *arithmeticCheck) unitAt(s string, i int) int {
	for _, u := range k.units {
		if strings.HasPrefix(s[i:], u) {
			return len(u)
		}
	}
	return -1
}

// The verbs that may stand between a figure's label and its number.
var (
	verbs1 = []string{"为", "达", "是"}
	verbs2 = []string{"达到", "均为", "均达"}
)

// label returns where a match whose number starts at d starts, and where its
// label ends: the match starts as far back as the Han characters before d
// (from pos on) let it, 12 of them, or 13 or 14 when they end with a verb of
// one or two characters; the label is the shortest that leaves a verb, or
// nothing, before the number.
func label(s string, pos, d int) (start, labelEnd int) {
	var at [15]int // at[i]: where the i-th Han character before d starts
	at[0] = d
	n := 0
	for i := d; i > pos && n < 14; n++ {
		r, size := utf8.DecodeLastRuneInString(s[pos:i])
		if !isHan(r) {
			break
		}
		i -= size
		at[n+1] = i
	}
	verb := 0
	switch {
	case n >= 2 && slices.Contains(verbs2, s[at[2]:d]):
		verb = 2
	case n >= 1 && slices.Contains(verbs1, s[at[1]:d]):
		verb = 1
	}
	n = min(n, 12+verb)
	return at[n], at[verb]
}

// digitsEnd returns where the ASCII digits of s from i on end.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// checkRate tells whether rate r disagrees with the counts it names.
func checkRate(r figure, figs []figure) (string, bool) {
	label, ok := strings.CutSuffix(r.label, "率")
	if !ok || r.value <= 0 || r.value >= 100 || containsAny(r.label, changeWords) {
		return "", false
	}
	tolerance := 0.5*math.Pow(10, -float64(r.decimals)) + 1e-9
	var tried []string
	for i, a := range figs {
		if a.unit == "%" || !shareBigram(label, a.label) {
			continue
		}
		for j, b := range figs {
			if i == j || b.unit != a.unit || b.value < a.value || b.value == 0 {
				continue
			}
			if math.Abs(a.value/b.value*100-r.value) <= tolerance {
				return "", false
			}
			tried = append(tried, fmt.Sprintf("%s÷%s=%.1f%%", fmtNum(a.value), fmtNum(b.value), a.value/b.value*100))
		}
	}
	if len(tried) == 0 {
		return "", false
	}
	return fmt.Sprintf("比率“%s%%”与本句的数字不符（%s）", fmtNum(r.value), strings.Join(tried, "，")), true
}

// checkPart tells whether count p, said to be part of another count of the
// sentence, exceeds it.
func checkPart(p figure, figs []figure) (string, bool) {
	for _, w := range figs {
		if w.unit != p.unit || w.start == p.start || p.value <= w.value {
			continue
		}
		among := strings.Contains(p.label, "其中") && w.start < p.start && !strings.Contains(w.label, "其中")
		actual := strings.Contains(p.label, "实际") && strings.Contains(w.label, "应") &&
			shareBigram(strings.ReplaceAll(p.label, "实际", ""), withoutYing.Replace(w.label))
		if among {
			return fmt.Sprintf("“其中”的“%s”大于总数“%s”", fmtNum(p.value)+p.unit, fmtNum(w.value)+w.unit), true
		}
		if actual {
			return fmt.Sprintf("实际数“%s”大于应当数“%s”", fmtNum(p.value)+p.unit, fmtNum(w.value)+w.unit), true
		}
	}
	return "", false
}

// withoutYing takes 应当 and 应 out of a label. A Replacer builds its
// tables on first use and is safe for concurrent use: one serves every check.
var withoutYing = strings.NewReplacer("应当", "", "应", "")

// shareBigram tells whether a and b have two characters running in common.
func shareBigram(a, b string) bool {
	r := []rune(a)
	for i := 0; i+1 < len(r); i++ {
		if strings.Contains(b, string(r[i:i+2])) {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func fmtNum(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
