package outline

import (
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/match"
)

// Page debris is recognised in two steps. Lines that match a pack's debris
// pattern are debris wherever they are. Near the top and the bottom of the
// document, outside the report's prose, debris comes in blocks whose other lines
// (app names, button labels, an advertiser's name) match nothing, so there a
// line also counts as debris when it looks like a menu item next to debris.
const (
	menuRunes     = 12 // a short label next to debris ("小程序", "穗好办", "酷乐文行")
	sandwichRunes = 40 // a line with debris right above and below it
	proseRunes    = 40 // a longer line, or one with a 。, is report prose
	// debrisRunes bounds the lines matched against the debris patterns: a
	// paragraph that mentions 扫一扫 or 发布时间 is prose, not page debris.
	debrisRunes = 120
)

// organSuffixes end the name of a government organ: a signature, never a menu item.
var organSuffixes = []string{"政府", "办公室", "办公厅", "局", "委", "委员会", "厅", "室", "办", "院", "中心", "街道办事处", "管委会", "部", "司", "署", "党组", "海关", "大队", "支队", "总队"}

// markDebris marks debris lines and lists them in Outline.Debris.
func (b *builder) markDebris() {
	for i := range b.lines {
		l := &b.lines[i]
		if l.blank || l.skip || l.attached || l.runes > debrisRunes {
			continue
		}
		l.debris = b.debrisText(strings.TrimSpace(l.text))
	}
	b.extendDebris()
	n := 0
	for i := range b.lines {
		if b.lines[i].debris {
			n++
		}
	}
	if n > 0 {
		b.o.Debris = make([]Span, 0, n) // of the exact size, not grown
	}
	for i := range b.lines {
		if b.lines[i].debris {
			b.o.Debris = append(b.o.Debris, b.lineSpan(i))
		}
	}
}

// debrisText tells whether a pack's debris pattern matches trimmed view text s.
// The first rune of s rules out most patterns anchored at the start unsearched.
func (b *builder) debrisText(s string) bool {
	scanned := b.cfg.debris.ScanReusing(s, b.scratch.debris)
	b.scratch.debris = scanned
	first, _ := utf8.DecodeRuneInString(s)
	for k, re := range b.cfg.Debris {
		if b.cfg.debrisLeads[k].mayStart(s, first) && re.MatchIn(scanned) {
			return true
		}
	}
	return false
}

// extendDebris grows the debris blocks at both edges of the document until no
// more menu-like lines join them.
func (b *builder) extendDebris() {
	first, last := b.proseBounds()
	for changed := true; changed; {
		changed = false
		for i := range b.lines {
			if (i >= first && i <= last) || b.lines[i].blank || b.lines[i].skip || b.lines[i].debris || b.lines[i].attached {
				continue
			}
			if b.menuNextToDebris(i) || b.sandwiched(i) {
				b.lines[i].debris = true
				changed = true
			}
		}
	}
}

// proseBounds returns the first and last lines that are clearly report prose:
// long lines, lines with a 。 and headings. Debris blocks grow only outside them.
func (b *builder) proseBounds() (first, last int) {
	first, last = len(b.lines), -1
	for i := range b.lines {
		l := &b.lines[i]
		if l.blank || l.skip || l.debris || l.attached {
			continue
		}
		if l.runes > proseRunes || strings.Contains(l.text, "。") || b.hasMarker(i) {
			first = min(first, i)
			last = i
		}
	}
	return first, last
}

// menuNextToDebris: a short label right next to a debris line.
func (b *builder) menuNextToDebris(i int) bool {
	l := &b.lines[i]
	// The neighbours first: the other tests run patterns.
	if l.runes > menuRunes || !b.debrisAt(b.prevNonBlank(i)) && !b.debrisAt(b.nextNonBlank(i)) {
		return false
	}
	return !b.protected(i) && !hasSuffixWord(strings.TrimSpace(l.text), organSuffixes)
}

// sandwiched: a line that is not prose with debris right above and below it.
func (b *builder) sandwiched(i int) bool {
	l := &b.lines[i]
	if l.runes > sandwichRunes || strings.Contains(l.text, "。") || !b.debrisAt(b.prevNonBlank(i)) || !b.debrisAt(b.nextNonBlank(i)) {
		return false
	}
	return !b.protected(i)
}

// protected lines are never taken for debris: they may be the title, a heading,
// or the date of the report.
func (b *builder) protected(i int) bool {
	text := strings.TrimSpace(b.lines[i].text)
	return titleLike(text) || b.hasMarker(i) || b.lines[i].md > 0 || len(findDates(text)) > 0
}

func (b *builder) debrisAt(i int) bool {
	return i >= 0 && i < len(b.lines) && b.lines[i].debris
}

func (b *builder) prevNonBlank(i int) int {
	for i--; i >= 0 && b.lines[i].blank; i-- {
	}
	return i
}

func (b *builder) nextNonBlank(i int) int {
	for i++; i < len(b.lines) && b.lines[i].blank; i++ {
	}
	return i
}

func matchAny(res []*match.Pattern, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
