package checker

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// numberingSpec checks the numbered headings of the outline against the
// structure levels of GB/T 9704—2012 7.3.3 (一、 → （一） → 1. → （1）). Each
// value of `check` is one rule:
//
//	sequence   a heading's number does not follow its previous sibling (same
//	           parent, same level): 一、二、四, 二、二, a series not starting at 1
//	nesting    a heading comes before a sibling of a higher level under the
//	           same parent: 1. under 一、 before its （一）, or 1. right under
//	           the title before the first 一、 (the first of such a run is reported)
//	skip       a series sits more than one level below its parent: （1） right
//	           under 一、, or （一） at the top of a report without 一、
//	           (reported at the first heading of the series)
//	marker     a variant marker (1、 一. （一）、 1) ⑴); fix: the standard marker
//	end-punct  a heading that has its line to itself ends with 。；，; fix: delete
//	           the mark. Run-in headings (the heading sentence followed by body
//	           text) keep their 。, and so do one-line list items (a heading
//	           without sub-headings next to a sibling of the same kind, no text
//	           between them)
//
// Message placeholders: {match} the marker (end-punct: the mark), {want} the
// marker expected (sequence, marker), {other} the marker of the heading it
// conflicts with (nesting), {level} the level's name (第一层 …).
type numberingSpec struct {
	Check string `yaml:"check"`
}

type numberingCheck struct{ numberingSpec }

func compileNumbering(r *rules.Rule) (any, bool, error) {
	var s numberingSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	switch s.Check {
	case "sequence", "nesting", "skip":
		return &numberingCheck{s}, false, nil
	case "marker", "end-punct":
		return &numberingCheck{s}, true, nil
	}
	return nil, false, rules.SpecError(r, "check 应为 sequence、nesting、skip、marker 或 end-punct")
}

func (n *numberingCheck) Run(c *Context) {
	hs := c.Outline.Headings
	switch n.Check {
	case "sequence":
		forSeries(hs, func(prev, i int) {
			want := 1
			if prev >= 0 {
				want = hs[prev].Number + 1
			}
			if hs[i].Number != want {
				c.reportMarker(hs[i], map[string]string{"want": standardMarker(hs[i], want), "level": levelName(hs[i].Level)}, nil)
			}
		})
	case "nesting":
		forChildren(hs, func(parent int, kids []int) {
			for k, i := range kids {
				if k > 0 && hs[kids[k-1]].Level == hs[i].Level {
					continue // only the first of a run
				}
				for _, j := range kids[k+1:] {
					if hs[j].Level < hs[i].Level {
						c.reportMarker(hs[i], map[string]string{"other": hs[j].Marker, "level": levelName(hs[i].Level)}, nil)
						break
					}
				}
			}
		})
	case "skip":
		forChildren(hs, func(parent int, kids []int) {
			top := 0
			if parent >= 0 {
				top = hs[parent].Level
			}
			for k, i := range kids {
				if hs[i].Level <= top+1 || k > 0 && hs[kids[k-1]].Level == hs[i].Level || shallowerLater(hs, kids[k+1:], hs[i].Level) {
					continue
				}
				c.reportMarker(hs[i], map[string]string{"level": levelName(hs[i].Level)}, nil)
			}
		})
	case "marker":
		for _, h := range hs {
			// GB/T 9704 sets no form for the divisions above 一、 (第一部分).
			if h.Marker == "" || h.Level == 0 || h.Style == canonicalStyle[h.Level] {
				continue
			}
			want := standardMarker(h, h.Number)
			c.reportMarker(h, map[string]string{"want": want, "level": levelName(h.Level)}, c.Fix(h.MarkerAt, h.MarkerAt+len(h.Marker), want))
		}
	case "end-punct":
		for i, h := range hs {
			if h.RunIn || listItem(c, hs, i) {
				continue
			}
			text := strings.TrimRight(h.Text, " \t\u3000\u00a0")
			r, size := utf8.DecodeLastRuneInString(text)
			if strings.ContainsRune("。；，;,", r) {
				at := h.Start + len(text) - size
				c.Report(at, at+size, nil, c.Fix(at, at+size, ""))
			}
		}
	}
}

// canonicalStyle is the marker of each level in GB/T 9704—2012 7.3.3 (the
// outline gives the style in the normalized view: half-width brackets).
var canonicalStyle = map[int]string{1: "一、", 2: "(一)", 3: "1.", 4: "(1)", 5: "①"}

func levelName(level int) string {
	if level >= 1 && level <= 5 {
		return "第" + cnNumber(level) + "层"
	}
	return "标题"
}

// reportMarker reports heading h at its marker (its text when it has none).
func (c *Context) reportMarker(h outline.Heading, vars map[string]string, fix *Fix) {
	if h.Marker == "" {
		c.Report(h.Start, h.End, vars, fix)
		return
	}
	c.Report(h.MarkerAt, h.MarkerAt+len(h.Marker), vars, fix)
}

// forSeries calls f for every numbered heading with the index of its previous
// heading in the same series (-1 for the first of a series). A series is a
// marker style's run as the report writes it: a style already open goes on
// (and closes the styles opened after it), a new style opens a series inside
// the last heading. So 一、（一）1.2.（二）1. restarts 1. under （二）, and a
// report that puts 1、 above （一） (1、（一）（二）2、（一）) goes on 1、2、 and
// restarts （一） under each. A new style that GB/T 9704 puts above the open
// one nests inside it only if the open style's series goes on after it (the
// next heading of that style, before one of a style above both, has a higher
// number); otherwise it closes the deeper series, as a list 1. 2. before the
// first 一、 is closed by it (the 1. under 一、 starts again).
func forSeries(hs []outline.Heading, f func(prev, i int)) {
	type open struct{ level, last int } // a style's series and its last heading
	var stack []open
	for i, h := range hs {
		if h.Marker == "" {
			continue
		}
		at := slices.IndexFunc(stack, func(o open) bool { return o.level == h.Level })
		if at < 0 {
			for len(stack) > 0 && stack[len(stack)-1].level >= h.Level && !resumes(hs, i, stack[len(stack)-1].last) {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, open{level: h.Level, last: -1})
			at = len(stack) - 1
		}
		stack = stack[:at+1]
		f(stack[at].last, i)
		stack[at].last = i
	}
}

// resumes tells whether the series of heading last goes on after heading i
// opens a style above it: the next heading of last's style, met before any
// heading of a style above both, has a higher number (one more, or a gap
// the sequence check reports), not a new series's.
func resumes(hs []outline.Heading, i, last int) bool {
	level, top := hs[last].Level, hs[i].Level
	for _, h := range hs[i+1:] {
		switch {
		case h.Marker == "":
		case h.Level < top:
			return false
		case h.Level == level:
			return h.Number > hs[last].Number
		}
	}
	return false
}

// forChildren calls f for the top of the document (parent -1) and every
// heading, with the indexes of its numbered children in order.
// The children are listed parent after parent in one slice, counted first.
func forChildren(hs []outline.Heading, f func(parent int, kids []int)) {
	var room [64]int // the counts on the stack, for most documents
	ends := room[:0]
	if len(hs)+1 > len(room) {
		ends = make([]int, 0, len(hs)+1)
	}
	ends = ends[:len(hs)+1]
	numbered := func(h outline.Heading) bool { return h.Marker != "" && h.Parent >= -1 && h.Parent < len(hs) }
	for _, h := range hs {
		if numbered(h) {
			ends[h.Parent+1]++
		}
	}
	for p := 1; p < len(ends); p++ {
		ends[p] += ends[p-1]
	}
	kids := make([]int, ends[len(ends)-1])
	for i := len(hs) - 1; i >= 0; i-- { // from the last, each parent's list filled back to front
		if h := hs[i]; numbered(h) {
			ends[h.Parent+1]--
			kids[ends[h.Parent+1]] = i
		}
	}
	// ends[p+1] is now where the children of p start.
	for p := -1; p < len(hs); p++ {
		end := len(kids)
		if p+2 < len(ends) {
			end = ends[p+2]
		}
		if start := ends[p+1]; start < end {
			f(p, kids[start:end:end])
		}
	}
}

func shallowerLater(hs []outline.Heading, later []int, level int) bool {
	for _, j := range later {
		if hs[j].Level < level {
			return true
		}
	}
	return false
}

// listItem tells whether heading i is one of a list of one-line items: it
// has no sub-headings, and a sibling that is a one-line item too sits on the
// line right before or after it.
func listItem(c *Context, hs []outline.Heading, i int) bool {
	oneLine := func(j int) bool {
		return j >= 0 && j < len(hs) && !hs[j].RunIn && !(j+1 < len(hs) && hs[j+1].Parent == j)
	}
	sibling := func(j int) bool {
		return oneLine(j) && hs[j].Parent == hs[i].Parent && hs[j].Level == hs[i].Level
	}
	return oneLine(i) && (sibling(i-1) && onlyBlankBetween(c, hs[i-1].Line, hs[i].Line) ||
		sibling(i+1) && onlyBlankBetween(c, hs[i].Line, hs[i+1].Line))
}

// onlyBlankBetween tells whether lines a < b have only blank lines between them.
func onlyBlankBetween(c *Context, a, b int) bool {
	for n := a + 1; n < b; n++ {
		if strings.TrimSpace(c.Doc.LineText(n)) != "" {
			return false
		}
	}
	return true
}

// standardMarker writes number in the standard marker of h's level, keeping
// the width of the brackets h was written with.
func standardMarker(h outline.Heading, number int) string {
	open, close := "（", "）"
	if strings.HasPrefix(h.Marker, "(") || strings.Contains(h.Marker, ")") && !strings.Contains(h.Marker, "（") {
		open, close = "(", ")"
	}
	switch h.Level {
	case 0:
		return "第" + cnNumber(number) + strings.TrimSpace(strings.TrimRight(h.Style[len("第一"):], "、:"))
	case 1:
		return cnNumber(number) + "、"
	case 2:
		return open + cnNumber(number) + close
	case 3:
		return itoa(number) + "."
	case 4:
		return open + itoa(number) + close
	case 5:
		if number >= 1 && number <= 20 {
			return string(rune('①' + number - 1))
		}
	}
	return itoa(number)
}

func itoa(n int) string { return strconv.Itoa(n) }

// cnNumber writes 1–99 in Chinese numerals (三, 十, 十二, 二十, 二十三).
func cnNumber(n int) string {
	const digits = "〇一二三四五六七八九"
	d := func(i int) string { return string([]rune(digits)[i]) }
	switch {
	case n <= 0 || n > 99:
		return itoa(n)
	case n < 10:
		return d(n)
	case n == 10:
		return "十"
	case n < 20:
		return "十" + d(n-10)
	case n%10 == 0:
		return d(n/10) + "十"
	}
	return d(n/10) + "十" + d(n%10)
}
