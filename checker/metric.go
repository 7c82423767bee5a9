package checker

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/normalize"

	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// metricSpec: minimum substance of a part, or a bound on the whole document.
// With `role`, the measures of the part's content are:
//   - chars: letters and digits;
//   - items: sub-headings under the part's heading plus enumerations in its text
//     (一是……, (1), 1.);
//   - figures-per-1000: numbers with a unit or % per 1,000 chars.
//
// The part is reported (at its heading or sentence) when every measure named in
// `below` is under its bound. With `role: document`, `above` bounds
// traditional (characters that have a different simplified form) and
// traditional-percent (their share of Chinese characters); the first such
// character is reported when every bound is exceeded.
// Placeholders: {name}, {chars}, {items}, {figures}, {traditional}, {percent}.
type metricSpec struct {
	Role  string             `yaml:"role"`
	Below map[string]float64 `yaml:"below"`
	Above map[string]float64 `yaml:"above"`
}

type metricCheck struct{ metricSpec }

var partMeasures = map[string]bool{"chars": true, "items": true, "figures-per-1000": true}
var documentMeasures = map[string]bool{"traditional": true, "traditional-percent": true}

func compileMetric(r *rules.Rule) (any, bool, error) {
	var s metricSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	bounds, known, field := s.Below, partMeasures, "below"
	if s.Role == "document" {
		bounds, known, field = s.Above, documentMeasures, "above"
		if len(s.Below) > 0 {
			return nil, false, rules.SpecError(r, "role: document 只用 above")
		}
	} else {
		if err := checkRole(r, outline.Role(s.Role)); err != nil {
			return nil, false, err
		}
		if len(s.Above) > 0 {
			return nil, false, rules.SpecError(r, "部分的度量只用 below")
		}
	}
	if len(bounds) == 0 {
		return nil, false, rules.SpecError(r, "metric 规则需要 %s", field)
	}
	for k := range bounds {
		if !known[k] {
			return nil, false, rules.SpecError(r, "%s 中未知的度量 %q", field, k)
		}
	}
	return &metricCheck{s}, false, nil
}

func (m *metricCheck) Run(c *Context) {
	if m.Role == "document" {
		m.runDocument(c)
		return
	}
	p := c.Outline.Parts[outline.Role(m.Role)]
	if p == nil {
		return
	}
	text, _ := c.spanText(contentStart(p), p.End, false)
	// The rule reports a part below every bound, so a measure is computed
	// only while the others are below theirs: counting enumerations scans the
	// whole part with a regexp.
	chars, figures, items := -1, 0, 0
	letters := func() int { // counted once, when first needed
		if chars < 0 {
			chars = countLetters(text)
		}
		return chars
	}
	if bound, ok := m.Below["chars"]; ok {
		// Counting stops at the bound: a part that reaches it is not
		// reported, and the count of one that does not is whole.
		if chars = countLettersUpTo(text, int(math.Ceil(bound))); float64(chars) >= bound {
			return
		}
	}
	if bound, ok := m.Below["figures-per-1000"]; ok {
		// The letters are at most the runes (the view is valid UTF-8): with
		// enough figures for the runes the part is above the bound, and
		// neither the rest of its figures nor its letters need counting.
		enough := int(math.Ceil(bound * float64(doc.ValidRuneCount(text)) / 1000))
		if figures = countFigures(text, enough); enough > 0 && figures >= enough {
			return
		}
		per := 0.0
		if letters() > 0 {
			per = float64(figures) * 1000 / float64(chars)
		}
		if per >= bound {
			return
		}
	}
	if bound, ok := m.Below["items"]; ok {
		items = len(itemPattern().FindAllStringIndex(text, -1)) + c.subHeadings(p)
		if float64(items) >= bound {
			return
		}
	}
	c.Report(p.Cue.Start, p.Cue.End, map[string]string{"name": c.roleName(p.Role),
		"chars": strconv.Itoa(letters()), "items": strconv.Itoa(items), "figures": strconv.Itoa(figures)}, nil)
}

func (m *metricCheck) runDocument(c *Context) {
	if c.View.Traditional == 0 {
		return // the view folded no traditional character
	}
	first, count, han := -1, 0, 0
	for _, l := range c.Doc.Lines {
		if l.Skip {
			continue
		}
		text := c.Doc.Text[l.Start:l.End]
		for i := 0; i < len(text); {
			var r rune
			w := 3
			if isIdeograph(text, i) {
				r = ideograph(text, i)
			} else if r, w = utf8.DecodeRuneInString(text[i:]); !isHan(r) {
				i += w
				continue
			}
			han++
			if normalize.IsTraditional(r) {
				count++
				if first < 0 {
					first = l.Start + i
				}
			}
			i += w
		}
	}
	if count == 0 {
		return
	}
	percent := float64(count) * 100 / float64(han)
	got := map[string]float64{"traditional": float64(count), "traditional-percent": percent}
	for k, bound := range m.Above {
		if got[k] <= bound {
			return
		}
	}
	_, size := utf8.DecodeRuneInString(c.Doc.Text[first:])
	c.Report(first, first+size, map[string]string{"traditional": strconv.Itoa(count),
		"percent": fmt.Sprintf("%.1f", percent)}, nil)
}

// subHeadings counts the headings nested under the part's heading.
func (c *Context) subHeadings(p *outline.Part) int {
	if p.Heading < 0 {
		return 0
	}
	n := 0
	for i := p.Heading + 1; i < len(c.Outline.Headings); i++ {
		h := c.Outline.Headings[i]
		if h.Level <= c.Outline.Headings[p.Heading].Level {
			break
		}
		if h.Parent == p.Heading {
			n++
		}
	}
	return n
}

// countLetters counts the letters and digits of s.
func countLetters(s string) int { return countLettersUpTo(s, 0) }

// countLettersUpTo is countLetters stopping at enough (no limit when enough
// <= 0).
func countLettersUpTo(s string, enough int) int {
	n := 0
	for i := 0; i < len(s) && (enough <= 0 || n < enough); {
		// Chinese characters, most of a report's text, are counted undecoded.
		if isIdeograph(s, i) {
			n++
			i += 3
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if isLetterOrDigit(r) {
			n++
		}
		i += w
	}
	return n
}
