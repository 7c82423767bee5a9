package outline

import (
	"strings"
	"unicode"

	"github.com/fzlint/fzlint/checker/doc"
)

const (
	// closingLines: the signature and the date sit in the last lines of the body;
	// a 附注 such as "（此件公开发布）" may follow them.
	closingLines   = 4
	signatureRunes = 40
	// jointOrgans bounds the organs of a joint report signed one to a line.
	jointOrgans = 4
)

// closingFormulas open closing formulas and attachment notes, no signature.
var closingFormulas = []string{"特此", "附件", "此页无正文", "抄送", "印发"}

// notSignature tells whether trimmed view text is a closing formula, an
// attachment note or a sentence: no signature.
func notSignature(s string) bool {
	return hasPrefixWord(s, closingFormulas) || strings.ContainsAny(s, "。,;:!?、")
}

// published are the verbs and times that label the publication time of a
// web page: 发布时间, 更新日期.
var (
	publishedVerbs = []string{"发布", "发表", "更新", "公开", "发文"}
	publishedTimes = []string{"时间", "日期"}
)

// publishedCue finds the leftmost label of a web page's publication time in
// view text s, with the colon and the spaces after it ("发布时间 : "): where
// it starts and ends; start is -1 when there is none.
func publishedCue(s string) (start, end int) {
	start, end = -1, -1
	for _, t := range publishedTimes {
		for at := 0; ; {
			k := strings.Index(s[at:], t)
			if k < 0 {
				break
			}
			k += at
			at = k + len(t)
			verb := k - len("发布")
			if start >= 0 && verb >= start {
				break // the other time word was found further left
			}
			if verb < 0 || !hasSuffixWord(s[:k], publishedVerbs) {
				continue
			}
			rest := strings.TrimLeft(s[at:], asciiSpace)
			if after, ok := strings.CutPrefix(rest, ":"); ok {
				start, end = verb, len(s)-len(strings.TrimLeft(after, asciiSpace))
				break
			}
		}
	}
	return start, end
}

// hasPublishedCue tells whether view text s labels a publication time.
func hasPublishedCue(s string) bool {
	start, _ := publishedCue(s)
	return start >= 0
}

// findClosing finds the date (成文日期) and the signature (发文机关署名) among
// the last lines of the body.
func (b *builder) findClosing() {
	tail := b.lastLines(closingLines)
	for _, i := range tail {
		if b.lines[i].heading < 0 && b.dateLine(i) {
			return
		}
	}
	// No date: a last line that names an organ still signs the report.
	if len(tail) > 0 {
		b.signatureLine(tail[0], true)
	}
}

// lastLines returns up to n report lines from the end of the body, last first.
func (b *builder) lastLines(n int) []int {
	var out []int
	for i := b.last; i >= b.first && len(out) < n; i-- {
		if b.prose(i) {
			out = append(out, i)
		}
	}
	return out
}

// dateLine reads line i as a date line: a date alone, or a date after the
// signature on the same line. It records the date and the signature.
func (b *builder) dateLine(i int) bool {
	l := &b.lines[i]
	start := b.textStart(i)
	text := strings.TrimRightFunc(b.v.Text[start:l.ve], unicode.IsSpace)
	ms := findDates(text)
	if len(ms) == 0 || ms[len(ms)-1].end != len(text) {
		return false
	}
	m := ms[len(ms)-1]
	prefix := strings.TrimSpace(text[:m.start])
	if prefix != "" && !signatureLike(prefix, true) {
		return false
	}
	b.o.Date = b.date(start, m)
	l.closing = true
	if prefix != "" {
		b.setSignature(i, start, start+m.start)
		return true
	}
	// Right above the date, a short line is the signature even if it does not
	// end like an organ's name. Below the date (the wrong order, which a rule
	// reports) it must name an organ.
	if j := b.prevProse(i); !b.signatureLine(j, j != i-1) {
		b.signatureLine(b.nextProse(i), true)
	}
	return true
}

// signatureLine takes line j for the signature if it reads like one, with
// the lines right above it that each name an organ: a joint report is signed
// by each of its organs, one to a line (中共青山县委 / 青山县人民政府).
func (b *builder) signatureLine(j int, organ bool) bool {
	if !b.signsAlone(j, organ) {
		return false
	}
	first := j
	for first > b.first && j-first < jointOrgans-1 && b.signsAlone(first-1, true) {
		first--
	}
	b.setSignature(first, b.textStart(first), b.lines[j].ve)
	for i := first + 1; i <= j; i++ {
		b.lines[i].closing = true
	}
	return true
}

// signsAlone tells whether line j, taken alone, reads like a signature.
func (b *builder) signsAlone(j int, organ bool) bool {
	if j < 0 || !b.prose(j) || b.lines[j].heading >= 0 {
		return false
	}
	return signatureLike(b.lineText(j), organ)
}

// setSignature records the signature [vs, ve) of the view, starting on line i.
func (b *builder) setSignature(i, vs, ve int) {
	sp := b.trimmedSpan(vs, ve)
	b.o.Signature = &sp
	b.lines[i].closing = true
}

// prevProse is the report line before line i within the body, -1 if none.
func (b *builder) prevProse(i int) int {
	for i--; i >= b.first; i-- {
		if b.prose(i) {
			return i
		}
	}
	return -1
}

// nextProse is the report line after line i within the body, -1 if none.
func (b *builder) nextProse(i int) int {
	for i++; i <= b.last; i++ {
		if b.prose(i) {
			return i
		}
	}
	return -1
}

// signatureLike tells whether trimmed view text can be a signature: short, no
// sentence punctuation, and, when organ is set, ending like an organ's name.
func signatureLike(s string, organ bool) bool {
	n := doc.ValidRuneCount(s) // view text is valid UTF-8
	if n < 2 || n > signatureRunes || notSignature(s) {
		return false
	}
	return !organ || hasSuffixWord(s, organSuffixes)
}

// findPublished reads the publication date of a web page ("发布时间:2021-12-13
// 16:07:17") from page metadata: a debris line, or a line outside the body.
func (b *builder) findPublished() {
	for i := range b.lines {
		l := &b.lines[i]
		if l.blank || l.skip || (b.inBody(i) && !l.debris) {
			continue
		}
		start, end := publishedCue(l.text)
		if start < 0 {
			continue
		}
		if ms := findDates(l.text[end:]); len(ms) > 0 && ms[0].start == 0 {
			b.o.Published = b.date(l.vs+end, ms[0])
			return
		}
	}
}
