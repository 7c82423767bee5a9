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
	key                 string // the text without spaces
	han                 int
}

// split cuts text into pieces at the marks in marks, appended to out[:0]
// (a buffer the caller reuses from line to line); the last piece may have no
// mark. It reads each rune once: this runs on every line.
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
	from, spaces, lastEnd := 0, false, 0
	emit := func(bodyEnd, end int) {
		if cur.start >= 0 {
			cur.bodyEnd, cur.end = bodyEnd, end
			cur.key = text[cur.start:bodyEnd]
			if spaces {
				cur.key = strings.Join(strings.Fields(text[from:bodyEnd]), "")
			}
			out = append(out, cur)
		}
		cur, spaces = piece{start: -1}, false
	}
	for i := 0; i < len(text); {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		han := r >= 0x4E00 && isHan(r) // the common case, first: no mark, no space
		switch {
		case han:
		case r < utf8.RuneSelf && ascii[r] || r >= utf8.RuneSelf && slices.Contains(wide, r):
			emit(i, i+w)
			from = i + w
			i += w
			continue
		case r == ' ' || r == '\t' || r >= 0x80 && unicode.IsSpace(r) || r < ' ' && unicode.IsSpace(r):
			spaces = true
			i += w
			continue
		}
		if cur.start < 0 {
			cur.start = i
		}
		if han || isHan(r) {
			cur.han++
		}
		lastEnd = i + w
		i += w
	}
	emit(lastEnd, len(text))
	return out
}

func (p *repetitionCheck) Run(c *Context) {
	var pieces []piece
	if p.Check == "adjacent" {
		for _, n := range c.scopeLines(p.Scope) {
			text, base := c.LineView(n)
			pieces = split(text, ",;:!?。、", pieces)
			p.adjacent(c, pieces, base)
		}
		return
	}
	seen := map[string]int{}
	for _, n := range c.scopeLines(p.Scope) {
		text, base := c.LineView(n)
		pieces = split(text, "。!?", pieces)
		sentences := pieces
		for i, s := range sentences {
			if s.han < p.min {
				continue
			}
			first, ok := seen[s.key]
			if !ok {
				seen[s.key] = n
				continue
			}
			if i > 0 && sentences[i-1].key == s.key {
				continue
			}
			start, end := c.ViewSpan(base+s.start, base+s.bodyEnd)
			c.Report(start, end, map[string]string{"other-line": strconv.Itoa(first)}, nil)
		}
	}
}

// adjacent reports a run of clauses written again right after itself.
func (p *repetitionCheck) adjacent(c *Context, cl []piece, base int) {
	for i := 0; i < len(cl); i++ {
		for k := 1; k <= maxRun && i+2*k <= len(cl); k++ {
			han := 0
			same := true
			for j := 0; j < k && same; j++ {
				same = cl[i+j].key == cl[i+k+j].key
				han += cl[i+j].han
			}
			if !same || han < p.min {
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
