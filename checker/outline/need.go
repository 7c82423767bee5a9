package outline

import (
	"regexp/syntax"
	"slices"
	"strings"

	"github.com/fzlint/fzlint/checker/match"
)

// need is a set of literals one of which every match of a pattern holds.
// The inline cues that are not anchored (第一责任人, 主要负责(人|同志)……履行,
// (带头|开展|组织)述法) are tried on every sentence of a long window, and
// most sentences hold none of their few literals: the window is searched
// for the literals once (needFinder), and a sentence without them is ruled
// out before its characters are summed up. A nil need rules nothing out.
type need []string

// needOf is the need of p, nil when it cannot tell, or when a literal holds
// the citation mask: a match in the masked text then holds a literal of the
// view text, since masking writes one mask for each character it hides and
// copies the others.
func needOf(p *match.Pattern) need {
	n := required(p.Syntax())
	for _, lit := range n {
		if strings.Contains(lit, citationMask) {
			return nil
		}
	}
	return n
}

// required reads the literals one of which every match of re holds from
// re's syntax tree. The matcher's sets (match.Compile) are made for its
// per-line scan and take every spelling (带头述法, 开展述法, 组织述法 where
// 述法 is enough): searched through a whole window one by one they made
// the outline 5–7% slower, so the outline keeps its own, fewer and longer: a literal, a choice of them, a row with one such item,
// and their groups and repetitions of at least one. Anything else (a
// class, an optional item, a case-folded literal) makes it nil.
func required(re *syntax.Regexp) need {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		return need{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil
		}
		return required(re.Sub[0])
	case syntax.OpAlternate:
		var n need
		for _, sub := range re.Sub {
			s := required(sub)
			if s == nil {
				return nil
			}
			n = append(n, s...)
		}
		return n
	case syntax.OpConcat:
		var best need
		for _, sub := range re.Sub {
			if s := required(sub); s != nil && (best == nil || s.better(best)) {
				best = s
			}
		}
		return best
	}
	return nil
}

// better tells whether n rules out more text than m, by a guess: its
// shortest literal is longer, or as long and it has fewer.
func (n need) better(m need) bool {
	if a, b := n.shortest(), m.shortest(); a != b {
		return a > b
	}
	return len(n) < len(m)
}

// shortest is the length in bytes of n's shortest literal.
func (n need) shortest() int {
	short := len(n[0])
	for _, lit := range n[1:] {
		short = min(short, len(lit))
	}
	return short
}

// needsOf is the need of each of ps. An anchored pattern is ruled out by
// its lead at less cost, but its need too lets sentenceCue pass over the
// lines that hold no literal of any cue of a role.
func needsOf(ps []*match.Pattern) []need {
	needs := make([]need, len(ps))
	for k, p := range ps {
		needs[k] = needOf(p)
	}
	return needs
}

// everyNeeded tells whether needs holds a need for each of n patterns, and
// n is 64 at most (as many as ruledOut answers for): a text that holds none
// of their literals matches none of the patterns.
func everyNeeded(needs []need, n int) bool {
	return n > 0 && n <= 64 && len(needs) == n && !slices.ContainsFunc(needs, func(n need) bool { return n == nil })
}

// needFinder looks for the literals of a role's needs in a window of the
// view, in order, for a run of sentences in document order: it keeps where
// each literal next stands, so that each is searched for once through the
// window however many sentences it is asked about.
type needFinder struct {
	text  string // the view text up to the window's end
	needs []need
	// next holds, for the literals of needs one after the other, where the
	// literal next stands at or after the last sentence asked about;
	// len(text) when it stands nowhere after it, -1 before it is searched.
	next []int
	// anchors holds, in the same order, the byte of the literal that it is
	// looked for by (anchorOf).
	anchors []int
	// counts holds how many of each byte the start of the text holds
	// (anchorSample bytes of it), counted once for the roles that one
	// Build asks about: their texts all start at the view's start.
	counts  [256]int32
	counted string // the start of the text counts were counted in
}

// reset prepares f for text, the view text up to the window's end, keeping
// its memory.
func (f *needFinder) reset(text string, needs []need) {
	f.text, f.needs = text, needs
	f.next, f.anchors = f.next[:0], f.anchors[:0]
	if text == "" {
		f.counted = "" // lets go of the view
	} else if sample := text[:min(len(text), anchorSample)]; sample != f.counted {
		f.counts, f.counted = [256]int32{}, sample
		for i := range len(sample) {
			f.counts[sample[i]]++
		}
	}
	for _, n := range needs {
		for _, lit := range n {
			f.next = append(f.next, -1)
			f.anchors = append(f.anchors, anchorOf(lit, &f.counts))
		}
	}
}

// ruledOut returns a bit for each of the first 64 needs that view text
// [vs, ve) holds none of the literals of; vs is at or after the start of
// the text last asked about.
func (f *needFinder) ruledOut(vs, ve int) uint64 {
	var out uint64
	j := 0 // the index in next of the first literal of needs[k]
	for k, n := range f.needs {
		if n == nil || k >= 64 {
			j += len(n)
			continue
		}
		held := false
		for _, lit := range n {
			if f.next[j] < vs {
				f.next[j] = indexAt(f.text, lit, vs, f.anchors[j])
			}
			held = held || f.next[j]+len(lit) <= ve
			j++
		}
		if !held {
			out |= 1 << k
		}
	}
	return out
}

// nextHit returns where the first literal of the needs stands at or after
// vs, len(text) if none does; vs is at or after the start of the text last
// asked about.
func (f *needFinder) nextHit(vs int) int {
	j, hit := 0, len(f.text)
	for _, n := range f.needs {
		for _, lit := range n {
			if f.next[j] < vs {
				f.next[j] = indexAt(f.text, lit, vs, f.anchors[j])
			}
			hit = min(hit, f.next[j])
			j++
		}
	}
	return hit
}

// anchorSample is how much of the text anchorOf counts bytes in.
const anchorSample = 2048

// anchorOf is the index in lit of the byte that lit is best looked for by:
// of its bytes that follow the first of a character, the one that the
// start of the text holds fewest of, by its counts of each byte (a Chinese
// character's first byte is one of a few, its others vary). A search finds
// that byte by the processor's vector instructions and compares the
// literal around it.
func anchorOf(lit string, counts *[256]int32) int {
	best, fewest := len(lit)-1, int32(-1)
	for i := 1; i < len(lit); i++ {
		if lit[i]&0xC0 != 0x80 {
			continue // an ASCII byte or the first of a character
		}
		if n := counts[lit[i]]; fewest < 0 || n < fewest {
			best, fewest = i, n
		}
	}
	return best
}

// indexAt returns where lit first stands in s at or after from, len(s) if
// nowhere: it looks for the byte lit[anchor] and compares lit around it.
func indexAt(s, lit string, from, anchor int) int {
	c := lit[anchor]
	for i := from + anchor; i < len(s); i++ {
		k := strings.IndexByte(s[i:], c)
		if k < 0 {
			break
		}
		i += k
		if start := i - anchor; start+len(lit) <= len(s) && s[start:start+len(lit)] == lit {
			return start
		}
	}
	return len(s)
}
