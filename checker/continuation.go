package checker

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fzlint/fzlint/rules"
)

// continuationSpec: a paragraph cut in two, as a page break of a PDF leaves
// it. A line of prose (it has a ， or a 。 in it) that ends without a mark
// closing a sentence — with a Han character, ， or 、 — followed, after blank
// lines only, by a line that goes on with the sentence (it starts with a Han
// character or an opening 《“(, and is no heading). Standalone headings, the
// title, the signature and the date are never taken for either line. The last rune of
// the cut line is reported; the fix joins the two lines.
//
//	scope: as for substitution (both lines must be in it)
type continuationSpec struct {
	Scope string `yaml:"scope"`
}

type continuationCheck struct{ continuationSpec }

func compileContinuation(r *rules.Rule) (any, bool, error) {
	var s continuationSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if err := checkTextOptions(r, "", &s.Scope, "", nil); err != nil {
		return nil, false, err
	}
	return &continuationCheck{s}, true, nil
}

func (k *continuationCheck) Run(c *Context) {
	structural := c.structuralLines()
	prev := 0 // the last non-blank line in scope so far (lines count from 1)
	for _, b := range c.scopeLines(k.Scope) {
		if strings.TrimSpace(c.Doc.LineText(b)) == "" {
			continue
		}
		a := prev // the line b may continue
		prev = b
		if a == 0 || structural[a] || structural[b] {
			continue
		}
		text, base := c.LineView(a)
		text = strings.TrimRightFunc(text, unicode.IsSpace)
		last, size := utf8.DecodeLastRuneInString(text)
		if !(isHan(last) || last == ',' || last == '、') || !prose(text) {
			continue // the end first: most lines end with 。, and prose reads the whole line
		}
		next, _ := c.LineView(b)
		first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(next, unicode.IsSpace))
		if !isHan(first) && !strings.ContainsRune("《“(", first) || !onlyBlankBetween(c, a, b) {
			continue
		}
		start, end := c.ViewSpan(base+len(text)-size, base+len(text))
		bl := c.Doc.Lines[b-1]
		joinAt, _ := trimSpan(c.Doc.Text, bl.Start, bl.End)
		c.Report(start, end, nil, c.Fix(end, joinAt, ""))
	}
}

// structuralLines are the lines of the title, the headings that have their
// line to themselves, the signature and the date: lines that end without a
// mark by rule. A run-in heading's line is a paragraph like any other.
func (a *Analysis) structuralLines() map[int]bool {
	o := a.Outline
	out := map[int]bool{}
	for _, h := range o.Headings {
		if !h.RunIn {
			out[h.Line] = true
		}
	}
	if o.Title != nil {
		out[o.Title.Line] = true
	}
	if o.Signature != nil {
		out[o.Signature.Line] = true
	}
	if o.Date != nil {
		out[o.Date.Line] = true
	}
	return out
}

// prose tells whether text has a ， (, in the view) or a 。, as
// strings.ContainsAny(text, ",。") does, without decoding text rune by rune:
// these bytes are those marks wherever they stand, even in invalid UTF-8.
func prose(text string) bool {
	return strings.IndexByte(text, ',') >= 0 || strings.Contains(text, "。")
}
