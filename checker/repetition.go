package checker

import (
	"strconv"
	"strings"
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

// writeWithoutSpaces writes s to b with its white space (isSpace)
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
		if isSpace(r) {
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
// space (isSpace) is taken out, comparing them rune by rune (an
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
		if !isSpace(r) {
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
		cc.clauses, cc.sentences = cutLine(text, cc.clauses, cc.sentences)
		*lc = lineCuts{clauses: cc.clauses[c0:len(cc.clauses):len(cc.clauses)],
			sentences: cc.sentences[s0:len(cc.sentences):len(cc.sentences)], done: true}
	}
	return text, base, *lc
}

// openPiece is the clause or sentence cutLine is reading: four fields, which
// the compiler keeps in registers, written to memory once, when the piece
// is closed.
type openPiece struct {
	start   int32 // -1 before the piece's first rune of text
	han     int32
	lastEnd int32 // where the last rune of its text ends
	spaced  bool
}

// add adds the text [i, end), n Chinese characters, to p.
func (p openPiece) add(i, end int, n int32) openPiece {
	if p.start < 0 {
		p.start = int32(i)
	}
	p.han += n
	p.lastEnd = int32(end)
	return p
}

// close appends p, closed by the mark [i, end), to out, if it has text.
func (p openPiece) close(out []piece, i, end int) []piece {
	if p.start < 0 {
		return out
	}
	return append(out, piece{start: p.start, bodyEnd: int32(i), end: int32(end), han: p.han, spaced: p.spaced})
}

// cutLine cuts text, a line of the view (valid UTF-8), into clauses, which
// end at ,;:!?。、, and into sentences, which end at 。!? (in the view,
// ，；：！？ are folded to ASCII), appended to clauses and sentences; the
// last piece of each may have no mark. It runs on every line: Chinese
// characters, most of the text, are told by their lead bytes, undecoded,
// and added to the pieces a run at a time; the other characters of three
// bytes are decoded in line.
func cutLine(text string, clauses, sentences []piece) ([]piece, []piece) {
	clause, sentence := openPiece{start: -1}, openPiece{start: -1}
	for i := 0; i < len(text); {
		if validIdeograph(text, i) {
			end, n := i+3, int32(1)
			for end < len(text) && validIdeograph(text, end) {
				end, n = end+3, n+1
			}
			clause, sentence = clause.add(i, end, n), sentence.add(i, end, n)
			i = end
			continue
		}
		r, w := rune(text[i]), 1
		switch {
		case startsThree(text[i]):
			r, w = ideograph(text, i), 3
		case r >= utf8.RuneSelf:
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '。' || r == '!' || r == '?':
			clauses, sentences = clause.close(clauses, i, i+w), sentence.close(sentences, i, i+w)
			clause, sentence = openPiece{start: -1}, openPiece{start: -1}
		case r == ',' || r == ';' || r == ':' || r == '、':
			clauses = clause.close(clauses, i, i+w)
			clause, sentence = openPiece{start: -1}, sentence.add(i, i+w, 0)
		case isSpace(r):
			clause.spaced, sentence.spaced = clause.start >= 0, sentence.start >= 0
		default:
			han := int32(0)
			if isHan(r) {
				han = 1
			}
			clause, sentence = clause.add(i, i+w, han), sentence.add(i, i+w, han)
		}
		i += w
	}
	return clause.close(clauses, int(clause.lastEnd), len(text)), sentence.close(sentences, int(sentence.lastEnd), len(text))
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
