package checker

import (
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/rules"
)

// pairsSpec: brackets and quotes balance within a line (a paragraph: a title
// or a quotation does not run across paragraphs).
//
//	pairs:   two-rune strings, opener then closer ("《》", "“”"); a pair of
//	         one rune twice alternates: open, close
//	match:   normalized (default; （ and ( are then one mark, written "()") or raw
//	scope:   as for substitution
//	ignore:  regexes; marks inside their matches are not counted (list
//	         markers such as "1)")
//
// Every unmatched mark is reported as a one-rune range: a closer with no
// opener before it, an opener not closed by the end of its line. When two
// pairs cross (《“》”), the inner opener is reported once, as not closed
// before the outer closer, and its late closer is then taken silently.
// Message placeholders: {match} the mark, {other} its partner, {problem}
// 未闭合 or 前面缺少对应的符号.
type pairsSpec struct {
	Pairs  []string       `yaml:"pairs"`
	Match  string         `yaml:"match"`
	Scope  string         `yaml:"scope"`
	Ignore []rules.Regexp `yaml:"ignore"`
}

type pairsCheck struct {
	pairsSpec
	open, close map[rune]int // rune → index in Pairs
	runes       [][2]rune
	// leads marks the first bytes of the pairs' runes: a line is read byte
	// by byte and decoded only there. marks has a bit for each rune of the
	// pairs below U+10000, so that the other runes with such a first byte
	// (。、 share E3 with 《》) cost no map lookup.
	leads [256]bool
	marks [1 << 16 / 64]uint64
}

func compilePairs(r *rules.Rule) (any, bool, error) {
	var s pairsSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if len(s.Pairs) == 0 {
		return nil, false, rules.SpecError(r, "pairs 规则需要 pairs")
	}
	if err := checkTextOptions(r, s.Match, &s.Scope, "", nil); err != nil {
		return nil, false, err
	}
	p := &pairsCheck{pairsSpec: s, open: map[rune]int{}, close: map[rune]int{}}
	for i, pair := range s.Pairs {
		rs := []rune(pair)
		if len(rs) != 2 {
			return nil, false, rules.SpecError(r, "pairs 的每一项应为两个字符（开符号、闭符号），%q 不是", pair)
		}
		for _, c := range rs {
			if s.Match != "raw" && normalizedAway(c) {
				return nil, false, rules.SpecError(r, "“%c”在 normalized 视图中不出现（已折叠），请写其半角形式或用 match: raw", c)
			}
			if _, dup := p.open[c]; dup {
				return nil, false, rules.SpecError(r, "“%c”出现在两个 pairs 中", c)
			}
			if _, dup := p.close[c]; dup && rs[0] != rs[1] {
				return nil, false, rules.SpecError(r, "“%c”出现在两个 pairs 中", c)
			}
		}
		p.open[rs[0]], p.close[rs[1]] = i, i
		p.runes = append(p.runes, [2]rune{rs[0], rs[1]})
		for _, c := range rs {
			if c < 1<<16 {
				p.marks[c/64] |= 1 << (c % 64)
			}
			p.leads[string(c)[0]] = true
		}
	}
	for i := range s.Ignore {
		if err := viewSafe(r, s.Match, &s.Ignore[i]); err != nil {
			return nil, false, err
		}
	}
	return p, false, nil
}

// normalizedAway tells whether the view never holds r.
func normalizedAway(r rune) bool {
	return normalize.Rune(r) != r
}

// partnerForm writes partner, a mark of the view, in the width of the mark
// it pairs with as the original has it: （ pairs with ）, not ).
func partnerForm(orig string, partner rune) rune {
	r, _ := utf8.DecodeRuneInString(orig)
	if normalize.Rune(r) != r && partner > ' ' && partner < 0x7F {
		return partner + 0xFF01 - '!'
	}
	return partner
}

// openMark is an opener waiting for its closer.
type openMark struct {
	at, pair int
}

func (p *pairsCheck) Run(c *Context) {
	raw := p.Match == "raw"
	var stack []openMark // reused from line to line
	for _, n := range c.scopeLines(p.Scope) {
		scanned, base := c.lineScan(n, raw)
		text := scanned.String()
		ignored := allSpans(p.Ignore, scanned)
		stack = stack[:0]
		var late map[int]int // pair → closers still owed to openers reported as crossing
		report := func(at, pair int, isOpen bool) {
			_, size := utf8.DecodeRuneInString(text[at:])
			other, problem := p.runes[pair][1], "未闭合"
			if !isOpen {
				other, problem = p.runes[pair][0], "前面缺少对应的符号"
			}
			start, end := c.toDoc(base+at, base+at+size, raw)
			c.Report(start, end, map[string]string{"other": string(partnerForm(c.Doc.Text[start:end], other)), "problem": problem}, nil)
		}
		valid := !raw || c.Doc.ValidUTF8() // the view is valid UTF-8 whatever the text
		for at, size := p.nextLead(text, 0, valid), 0; at < len(text); at = p.nextLead(text, at+size, valid) {
			var r rune
			r, size = utf8.DecodeRuneInString(text[at:])
			if r < 1<<16 && p.marks[r/64]&(1<<(r%64)) == 0 || inSpans(at, at+1, ignored) {
				continue
			}
			oi, isOpen := p.open[r]
			ci, isClose := p.close[r]
			if isOpen && isClose { // one rune for both: close the open one, else open
				isOpen = len(stack) == 0 || stack[len(stack)-1].pair != oi
				isClose = !isOpen
			}
			switch {
			case isOpen:
				stack = append(stack, openMark{at: at, pair: oi})
			case isClose:
				d := len(stack) - 1
				for d >= 0 && stack[d].pair != ci {
					d--
				}
				switch {
				case d >= 0:
					for _, o := range stack[d+1:] {
						report(o.at, o.pair, true)
						if late == nil {
							late = map[int]int{}
						}
						late[o.pair]++
					}
					stack = stack[:d]
				case late[ci] > 0:
					late[ci]--
				default:
					report(at, ci, false)
				}
			}
		}
		for _, o := range stack {
			report(o.at, o.pair, true)
		}
	}
}

// nextLead returns the offset of the first byte from at on that starts one
// of the pairs' runes (leads), or len(text). A first byte is never a
// continuation byte: where it stands, a rune starts (or an invalid byte,
// which is no mark). In text known to be valid UTF-8 it steps rune by rune
// on the rune's first byte alone; in other text byte by byte, passing over
// whole only the Chinese characters it has checked.
func (p *pairsCheck) nextLead(text string, at int, valid bool) int {
	if valid {
		for at < len(text) {
			b := text[at]
			if p.leads[b] {
				return at
			}
			at += validRuneLen(b)
		}
		return len(text)
	}
	for ; at < len(text); at++ {
		if p.leads[text[at]] {
			return at
		}
		if isIdeograph(text, at) {
			at += 2 // most of the text, passed over whole
		}
	}
	return len(text)
}
