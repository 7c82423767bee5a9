package checker

import (
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
	start, bodyEnd, end int32 // a line is far shorter than 2 GB: halves a document's pieces
	han                 int32
	spaced              bool // white space inside the text
}

// text is the text of p, spaces and all.
func (p piece) text(line string) string {
	return line[p.start:p.bodyEnd]
}

// key is the text of p without spaces, what repeats are compared on: a
// piece of the line, or written to keys when p holds spaces. keys is one
// buffer for a document's keys, which stay as they were written.
func (p piece) key(line string, keys *strings.Builder) string {
	if !p.spaced {
		return p.text(line)
	}
	from := keys.Len()
	writeWithoutSpaces(keys, p.text(line))
	return keys.String()[from:]
}

// writeWithoutSpaces writes s to b with its white space (unicode.IsSpace)
// taken out. Chinese characters, most of s and never space, are passed
// over undecoded.
func writeWithoutSpaces(b *strings.Builder, s string) {
	from := 0
	for i := 0; i < len(s); {
		if isIdeograph(s, i) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			b.WriteString(s[from:i])
			from = i + size
		}
		i += size
	}
	b.WriteString(s[from:])
}

// sameText tells whether pieces a and b of text have the same key, without
// building it.
func sameText(text string, a, b piece) bool {
	if a.han != b.han {
		return false
	}
	if !a.spaced && !b.spaced {
		return a.text(text) == b.text(text)
	}
	return equalWithoutSpaces(a.text(text), b.text(text))
}

// equalWithoutSpaces tells whether x and y are the same once their white
// space (unicode.IsSpace) is taken out, comparing them rune by rune (an
// invalid byte stands for itself).
func equalWithoutSpaces(x, y string) bool {
	var rx, ry string // the bytes of the current rune of each not compared yet
	for {
		if rx == "" {
			rx, x = nextNonSpace(x)
		}
		if ry == "" {
			ry, y = nextNonSpace(y)
		}
		if rx == "" || ry == "" {
			return rx == ry
		}
		n := min(len(rx), len(ry))
		if rx[:n] != ry[:n] {
			return false
		}
		rx, ry = rx[n:], ry[n:]
	}
}

// nextNonSpace returns the bytes of the first rune of s that is not white
// space (one byte if invalid), and the rest of s after it.
func nextNonSpace(s string) (string, string) {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			return s[:n], s[n:]
		}
		s = s[n:]
	}
	return "", ""
}

// lineCuts is a line of the view cut into clauses and into sentences.
type lineCuts struct {
	clauses, sentences []piece
	done               bool
}

// cutCache holds the cuts of a document's lines, their pieces in two slabs
// (one allocation for many lines).
type cutCache struct {
	lines              []lineCuts
	clauses, sentences []piece
}

// reuse empties the cache of a finished check for a document of n lines.
func (cc *cutCache) reuse(n int) {
	if cap(cc.lines) >= n {
		cc.lines = cc.lines[:n]
		clear(cc.lines)
	} else {
		cc.lines = make([]lineCuts, n)
	}
	cc.clauses, cc.sentences = cc.clauses[:0], cc.sentences[:0]
}

// cuts returns line n of the view, where it starts, and its clauses and
// sentences: cut once for both repetition checks, in one pass.
func (a *Analysis) cuts(n int) (string, int, lineCuts) {
	text, base := a.LineView(n)
	cc := a.cutLines
	if cc == nil {
		if sp := a.spare; sp != nil && sp.cuts != nil {
			cc, sp.cuts = sp.cuts, nil
			cc.reuse(len(a.Doc.Lines))
		} else {
			pieces := len(a.View.Text) / 32 // a clause is some ten characters
			cc = &cutCache{lines: make([]lineCuts, len(a.Doc.Lines)),
				clauses: make([]piece, 0, pieces), sentences: make([]piece, 0, pieces/2)}
		}
		a.cutLines = cc
	}
	lc := &cc.lines[n-1]
	if !lc.done {
		c0, s0 := len(cc.clauses), len(cc.sentences)
		clauses, sentences := cutter{out: cc.clauses}, cutter{out: cc.sentences}
		cutLine(text, &clauses, &sentences)
		cc.clauses, cc.sentences = clauses.out, sentences.out
		*lc = lineCuts{clauses: cc.clauses[c0:len(cc.clauses):len(cc.clauses)],
			sentences: cc.sentences[s0:len(cc.sentences):len(cc.sentences)], done: true}
	}
	return text, base, *lc
}

// cutter gathers the pieces of a line for one set of marks, appended to out.
type cutter struct {
	cur     piece
	lastEnd int32 // the end of the last rune of the piece's text
	out     []piece
}

// text adds the rune [i, i+w) to the current piece.
func (c *cutter) text(i, w int, han bool) {
	if c.cur.start < 0 {
		c.cur.start = int32(i)
	}
	if han {
		c.cur.han++
	}
	c.lastEnd = int32(i + w)
}

// hanRun adds the run [i, end) of n Chinese characters to the current piece.
func (c *cutter) hanRun(i, end int, n int32) {
	if c.cur.start < 0 {
		c.cur.start = int32(i)
	}
	c.cur.han += n
	c.lastEnd = int32(end)
}

// mark closes the current piece with the mark [i, end).
func (c *cutter) mark(i, end int) {
	if c.cur.start >= 0 {
		c.cur.bodyEnd, c.cur.end = int32(i), int32(end)
		c.out = append(c.out, c.cur)
	}
	c.cur = piece{start: -1}
}

// cutLine cuts text into clauses, which end at ,;:!?。、, and into sentences,
// which end at 。!? (in the view, ，；：！？ are folded to ASCII); the last
// piece of each may have no mark. It runs on every line: Chinese
// characters, most of the text, are told by their bytes, undecoded, and
// added to the pieces a run at a time.
func cutLine(text string, clauses, sentences *cutter) {
	clauses.cur, sentences.cur = piece{start: -1}, piece{start: -1}
	for i := 0; i < len(text); {
		if isIdeograph(text, i) {
			end, n := i+3, int32(1)
			for end < len(text) && isIdeograph(text, end) {
				end, n = end+3, n+1
			}
			clauses.hanRun(i, end, n)
			sentences.hanRun(i, end, n)
			i = end
			continue
		}
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		cutRune(r, i, w, clauses, sentences)
		i += w
	}
	clauses.mark(int(clauses.lastEnd), len(text))
	sentences.mark(int(sentences.lastEnd), len(text))
}

// cutRune adds rune r, w bytes at i, to the current clause and sentence, or
// ends them where it is their mark.
func cutRune(r rune, i, w int, clauses, sentences *cutter) {
	switch {
	case r == '。' || r == '!' || r == '?':
		clauses.mark(i, i+w)
		sentences.mark(i, i+w)
	case r == ',' || r == ';' || r == ':' || r == '、':
		clauses.mark(i, i+w)
		sentences.text(i, w, false)
	case unicode.IsSpace(r):
		clauses.cur.spaced = clauses.cur.start >= 0
		sentences.cur.spaced = sentences.cur.start >= 0
	default:
		han := isHan(r)
		clauses.text(i, w, han)
		sentences.text(i, w, han)
	}
}

func (p *repetitionCheck) Run(c *Context) {
	if p.Check == "adjacent" {
		for _, n := range c.scopeLines(p.Scope) {
			text, base, cuts := c.cuts(n)
			p.adjacent(c, text, cuts.clauses, base)
		}
		return
	}
	lines := c.scopeLines(p.Scope)
	seen := c.lent.seen // emptied here, and when the check is done (it holds the document's text)
	if seen == nil {
		seen = make(map[string]int, len(lines))
		c.lent.seen = seen
	}
	clear(seen)
	var keys strings.Builder
	keys.Grow(p.spacedLen(c, lines)) // the keys of spaced sentences in one allocation
	for _, n := range lines {
		text, base, cuts := c.cuts(n)
		sentences := cuts.sentences
		for i, s := range sentences {
			if int(s.han) < p.min {
				continue
			}
			key := s.key(text, &keys)
			first, ok := seen[key]
			if !ok {
				seen[key] = n
				continue
			}
			if i > 0 && sameText(text, sentences[i-1], s) {
				continue
			}
			start, end := c.ViewSpan(base+int(s.start), base+int(s.bodyEnd))
			c.Report(start, end, map[string]string{"other-line": strconv.Itoa(first)}, nil)
		}
	}
}

// spacedLen is the length of the sentences of lines with spaces in them
// that the document check compares: room for their keys.
func (p *repetitionCheck) spacedLen(c *Context, lines []int) int {
	n := 0
	for _, line := range lines {
		_, _, cuts := c.cuts(line)
		for _, s := range cuts.sentences {
			if s.spaced && int(s.han) >= p.min {
				n += int(s.bodyEnd - s.start)
			}
		}
	}
	return n
}

// adjacent reports a run of clauses written again right after itself.
func (p *repetitionCheck) adjacent(c *Context, text string, cl []piece, base int) {
	for i := 0; i < len(cl); i++ {
		for k := 1; k <= maxRun && i+2*k <= len(cl); k++ {
			if cl[i].han != cl[i+k].han {
				continue // sameText's first test, without a call: most runs differ here
			}
			han := 0
			for j := 0; j < k; j++ {
				han += int(cl[i+j].han)
			}
			same := han >= p.min
			for j := 0; j < k && same; j++ {
				same = sameText(text, cl[i+j], cl[i+k+j])
			}
			if !same {
				continue
			}
			first, second := cl[i+k-1], cl[i+2*k-1]
			start, end := c.ViewSpan(base+int(cl[i+k].start), base+int(second.bodyEnd))
			fixStart, _ := c.ViewSpan(base+int(first.bodyEnd), base+int(first.bodyEnd))
			c.Report(start, end, map[string]string{"other-line": strconv.Itoa(c.Doc.LineAt(start))}, c.Fix(fixStart, end, ""))
			i += k - 1
			break
		}
	}
}
