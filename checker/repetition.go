package checker

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fzlint/fzlint/rules"
)

// repetitionSpec: the same text written twice, compared in the normalized
// view with spaces ignored.
//
//	check: adjacent  a clause (the text up to a ，。；：！？、) or a run of up to
//	                 four clauses, written again right after itself in the same
//	                 line; the repeat is reported, its fix deletes it
//	       document  a sentence (up to 。！？ or the line end) that already
//	                 appeared earlier in the document; the later copy is
//	                 reported. A copy right after itself in the same line is
//	                 left to adjacent.
//	min:   the least number of Han characters the repeated text has (default 10)
//	scope: as for substitution
//
// Message placeholders: {match} the repeated text, {other-line} the line of
// the earlier copy.
type repetitionSpec struct {
	Check string `yaml:"check"`
	Min   *int   `yaml:"min"`
	Scope string `yaml:"scope"`
}

type repetitionCheck struct {
	repetitionSpec
	min int
}

// maxRun is the longest run of clauses adjacent looks for.
const maxRun = 4

func compileRepetition(r *rules.Rule) (any, bool, error) {
	var s repetitionSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if s.Check != "adjacent" && s.Check != "document" {
		return nil, false, rules.SpecError(r, "check 应为 adjacent 或 document")
	}
	if err := checkTextOptions(r, "", &s.Scope, "", nil); err != nil {
		return nil, false, err
	}
	c := &repetitionCheck{repetitionSpec: s, min: 10}
	if s.Min != nil {
		if *s.Min < 1 {
			return nil, false, rules.SpecError(r, "min 应为正整数")
		}
		c.min = *s.Min
	}
	return c, s.Check == "adjacent", nil
}

// piece is a clause or a sentence of a line, in view offsets: the text runs
// from start to bodyEnd, its closing mark to end.
type piece struct {
	start, bodyEnd, end int
	han                 int
	spaced              bool // white space inside the text
}

// key is the text of p without spaces, what repeats are compared on.
func (p piece) key(text string) string {
	if p.spaced {
		return withoutSpaces(text[p.start:p.bodyEnd])
	}
	return text[p.start:p.bodyEnd]
}

// withoutSpaces is s with its white space (unicode.IsSpace) taken out.
func withoutSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	from := 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			b.WriteString(s[from:i])
			from = i + utf8.RuneLen(r)
		}
	}
	b.WriteString(s[from:])
	return b.String()
}

// sameText tells whether pieces a and b of text have the same key, without
// building it unless one holds spaces.
func sameText(text string, a, b piece) bool {
	if a.han != b.han {
		return false
	}
	if !a.spaced && !b.spaced {
		return text[a.start:a.bodyEnd] == text[b.start:b.bodyEnd]
	}
	return a.key(text) == b.key(text)
}

// split cuts text into pieces at the marks in marks (none of them a CJK
// unified ideograph), appended to out[:0] (a buffer the caller reuses from
// line to line); the last piece may have no mark. It runs on every line:
// ideographs, most of the text, are told by their lead byte, undecoded.
func split(text, marks string, out []piece) []piece {
	var ascii [utf8.RuneSelf]bool
	var wide []rune
	for _, r := range marks {
		if r < utf8.RuneSelf {
			ascii[r] = true
		} else {
			wide = append(wide, r)
		}
	}
	out = out[:0]
	cur := piece{start: -1}
	lastEnd := 0
	emit := func(bodyEnd, end int) {
		if cur.start >= 0 {
			cur.bodyEnd, cur.end = bodyEnd, end
			out = append(out, cur)
		}
		cur = piece{start: -1}
	}
	for i := 0; i < len(text); {
		if isIdeograph(text, i) {
			if cur.start < 0 {
				cur.start = i
			}
			cur.han++
			i += 3
			lastEnd = i
			continue
		}
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r < utf8.RuneSelf && ascii[r] || r >= utf8.RuneSelf && slices.Contains(wide, r):
			emit(i, i+w)
			i += w
			continue
		case r == ' ' || r == '\t' || r >= 0x80 && unicode.IsSpace(r) || r < ' ' && unicode.IsSpace(r):
			cur.spaced = cur.start >= 0
			i += w
			continue
		}
		if cur.start < 0 {
			cur.start = i
		}
		if isHan(r) {
			cur.han++
		}
		lastEnd = i + w
		i += w
	}
	emit(lastEnd, len(text))
	return out
}

// isIdeograph tells whether a CJK unified ideograph U+4E00–U+9FFF is encoded
// at s[i]: lead byte E4 (second byte from B8) to E9, two continuation bytes.
func isIdeograph(s string, i int) bool {
	b := s[i]
	return b >= 0xE4 && b <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
		(b != 0xE4 || s[i+1] >= 0xB8)
}

func (p *repetitionCheck) Run(c *Context) {
	var pieces []piece
	if p.Check == "adjacent" {
		for _, n := range c.scopeLines(p.Scope) {
			text, base := c.LineView(n)
			pieces = split(text, ",;:!?。、", pieces)
			p.adjacent(c, text, pieces, base)
		}
		return
	}
	lines := c.scopeLines(p.Scope)
	seen := make(map[string]int, len(lines))
	for _, n := range lines {
		text, base := c.LineView(n)
		pieces = split(text, "。!?", pieces)
		sentences := pieces
		for i, s := range sentences {
			if s.han < p.min {
				continue
			}
			key := s.key(text)
			first, ok := seen[key]
			if !ok {
				seen[key] = n
				continue
			}
			if i > 0 && sameText(text, sentences[i-1], s) {
				continue
			}
			start, end := c.ViewSpan(base+s.start, base+s.bodyEnd)
			c.Report(start, end, map[string]string{"other-line": strconv.Itoa(first)}, nil)
		}
	}
}

// adjacent reports a run of clauses written again right after itself.
func (p *repetitionCheck) adjacent(c *Context, text string, cl []piece, base int) {
	for i := 0; i < len(cl); i++ {
		for k := 1; k <= maxRun && i+2*k <= len(cl); k++ {
			han := 0
			for j := 0; j < k; j++ {
				han += cl[i+j].han
			}
			same := han >= p.min
			for j := 0; j < k && same; j++ {
				same = sameText(text, cl[i+j], cl[i+k+j])
			}
			if !same {
				continue
			}
			first, second := cl[i+k-1], cl[i+2*k-1]
			start, end := c.ViewSpan(base+cl[i+k].start, base+second.bodyEnd)
			fixStart, _ := c.ViewSpan(base+first.bodyEnd, base+first.bodyEnd)
			c.Report(start, end, map[string]string{"other-line": strconv.Itoa(c.Doc.LineAt(start))}, c.Fix(fixStart, end, ""))
			i += k - 1
			break
		}
	}
}
