package checker

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/rules"
)

// phrasesSpec: set phrases of the genre, and text that is one of them with
// one character wrong (严格规范公正文明执法 written 严格规范公证文明执法). A
// stretch of a line as long as a phrase that differs from it in exactly one
// place, a Han character standing for a Han character, is reported with the
// phrase as its fix; unless it is in `allow` (a one-character variant that is
// itself right: 徇情枉法 beside 徇私枉法), or overlaps a phrase of the list
// written right (求真务实干部 holds 真务实干, one character from 真抓实干).
// Phrases are matched in the normalized view: write them in simplified
// characters. Placeholders: {match}, {want} the phrase.
type phrasesSpec struct {
	Phrases []string `yaml:"phrases"`
	Allow   []string `yaml:"allow"`
	Scope   string   `yaml:"scope"` // as for pattern; default "text"
}

// phrase is a set phrase split in two halves: a text one character off the
// phrase holds one of them in place.
type phrase struct {
	text        string
	runes       []rune
	left, right string
}

type phrasesCheck struct {
	scope   string
	phrases []phrase
	allow   map[string]bool
	// starts indexes what a line is searched for by its first two runes:
	// the halves of every phrase and the allowed variants. A line is read
	// once, looking each pair of runes up, instead of once per string.
	starts pairTable
}

// pairTable maps pairs of runes to the strings that start with them. A
// pair's hash picks a bucket of entries, compared in full: most pairs of a
// line hash to an empty bucket, told by two adjacent loads, with no map
// lookup.
type pairTable struct {
	// bucket[h] is where the entries of hash h start in entries; they end
	// where those of h+1 start.
	bucket  [1<<pairHashBits + 1]uint16
	entries []pairEntry
}

// pairEntry is a pair of runes and the strings that start with it.
type pairEntry struct {
	a, b   rune
	starts []start
}

const pairHashBits = 12

func pairHash(a, b rune) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA6B) >> (32 - pairHashBits)
}

// newPairTable files each of sts under its first two runes; strings of
// fewer runes are left out.
func newPairTable(sts []start) pairTable {
	var t pairTable
	byPair := map[[2]rune][]start{}
	for _, st := range sts {
		r := []rune(st.s)
		if len(r) < 2 {
			continue
		}
		key := [2]rune{r[0], r[1]}
		if byPair[key] == nil {
			t.entries = append(t.entries, pairEntry{a: r[0], b: r[1]})
		}
		byPair[key] = append(byPair[key], st)
	}
	slices.SortStableFunc(t.entries, func(x, y pairEntry) int {
		return cmp.Compare(pairHash(x.a, x.b), pairHash(y.a, y.b))
	})
	for i := range t.entries {
		e := &t.entries[i]
		e.starts = byPair[[2]rune{e.a, e.b}]
		t.bucket[pairHash(e.a, e.b)+1]++
	}
	for h := 1; h < len(t.bucket); h++ {
		t.bucket[h] += t.bucket[h-1]
	}
	return t
}

// lookup returns the strings that start with the runes a, b.
func (t *pairTable) lookup(a, b rune) []start {
	h := pairHash(a, b)
	from, to := t.bucket[h], t.bucket[h+1]
	if from == to {
		return nil
	}
	for _, e := range t.entries[from:to] {
		if e.a == a && e.b == b {
			return e.starts
		}
	}
	return nil
}

// start is a string the line is searched for: a half of phrase i (left or
// right), or an allowed variant (i < 0).
type start struct {
	s     string
	i     int
	right bool
}

func compilePhrases(r *rules.Rule) (any, bool, error) {
	var s phrasesSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if len(s.Phrases) == 0 {
		return nil, false, rules.SpecError(r, "phrases 规则需要 phrases")
	}
	if s.Scope == "" {
		s.Scope = "text"
	}
	if err := validScope(s.Scope); err != nil {
		return nil, false, rules.SpecError(r, "%v", err)
	}
	k := &phrasesCheck{scope: s.Scope, allow: map[string]bool{}}
	for _, p := range s.Phrases {
		runes := []rune(p)
		if len(runes) < 4 {
			return nil, false, rules.SpecError(r, "固定提法“%s”太短（至少 4 个字）", p)
		}
		half := len(runes) / 2
		k.phrases = append(k.phrases, phrase{text: p, runes: runes,
			left: string(runes[:half]), right: string(runes[half:])})
	}
	for _, a := range s.Allow {
		k.allow[a] = true
	}
	var sts []start
	for i, p := range k.phrases {
		sts = append(sts, start{s: p.left, i: i}, start{s: p.right, i: i, right: true})
	}
	for _, a := range s.Allow {
		if len([]rune(a)) < 2 {
			return nil, false, rules.SpecError(r, "allow 中的“%s”太短", a)
		}
		sts = append(sts, start{s: a, i: -1})
	}
	k.starts = newPairTable(sts)
	return k, true, nil
}

func (k *phrasesCheck) Run(c *Context) {
	cands := c.lent.cands // each phrase's slice reused from line to line, and check to check
	if len(cands) < len(k.phrases) {
		cands = make([][]int, len(k.phrases))
		c.lent.cands = cands
	}
	right := make([][2]int, 0, 16) // reused from line to line
	for _, n := range c.scopeLines(k.scope) {
		text, base := c.lineText(n, false)
		if text == "" {
			continue
		}
		right = k.scan(text, cands, right)
		reported := map[int]bool{}
		for pi := range k.phrases {
			if len(cands[pi]) == 0 {
				continue // most phrases have no candidate on a line
			}
			p := &k.phrases[pi]
			for _, at := range cands[pi] {
				// a wrong character need not be as long as the right one in UTF-8
				window, ok := oneOff(text[at:], p.runes)
				if !ok || reported[at] || k.allow[window] || overlaps(right, at, at+len(window)) {
					continue
				}
				reported[at] = true
				start, stop := c.ViewSpan(base+at, base+at+len(window))
				c.Report(start, stop, map[string]string{"want": p.text}, c.Fix(start, stop, p.text))
			}
		}
	}
}

// scan reads text once and fills cands[i] with the byte offsets where phrase
// i could start one character off (where its left half stands, or its right
// half after as many runes as the left half has), and returns the spans of
// text that are phrases written right, or allowed variants, in the memory
// of right.
func (k *phrasesCheck) scan(text string, cands [][]int, right [][2]int) [][2]int {
	for i := range cands {
		cands[i] = cands[i][:0]
	}
	right = right[:0]
	var r0 rune
	prev := -1 // where r0 starts
	for at, size := 0, 0; at < len(text); at += size {
		var r1 rune
		if startsThree(text[at]) { // a line of the view is valid UTF-8
			r1, size = ideograph(text, at), 3
		} else {
			r1, size = utf8.DecodeRuneInString(text[at:])
		}
		if prev >= 0 {
			if sts := k.starts.lookup(r0, r1); sts != nil {
				right = k.startsAt(text, prev, sts, cands, right)
			}
		}
		r0, prev = r1, at
	}
	return right
}

// startsAt looks for the strings sts at offset at of text, as scan does.
func (k *phrasesCheck) startsAt(text string, at int, sts []start, cands [][]int, right [][2]int) [][2]int {
	for _, st := range sts {
		if !strings.HasPrefix(text[at:], st.s) {
			continue
		}
		switch {
		case st.i < 0:
			right = append(right, [2]int{at, at + len(st.s)})
		case st.right:
			p := k.phrases[st.i]
			if from, ok := runesBack(text, at, len(p.runes)-utf8.RuneCountInString(st.s)); ok {
				cands[st.i] = append(cands[st.i], from)
			}
		default:
			cands[st.i] = append(cands[st.i], at)
			if p := k.phrases[st.i]; strings.HasPrefix(text[at:], p.text) {
				right = append(right, [2]int{at, at + len(p.text)})
			}
		}
	}
	return right
}

// runesBack is the byte offset n runes before offset at of text.
func runesBack(text string, at, n int) (int, bool) {
	for ; n > 0; n-- {
		if at == 0 {
			return 0, false
		}
		_, size := utf8.DecodeLastRuneInString(text[:at])
		at -= size
	}
	return at, true
}

// oneOff tells whether text starts with want but for exactly one Han
// character standing where want has another Han character, and returns that
// start of text.
func oneOff(text string, want []rune) (string, bool) {
	diff, i := 0, 0
	for _, w := range want {
		if i >= len(text) {
			return "", false
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r != w {
			if diff++; diff > 1 || !isHan(r) || !isHan(w) {
				return "", false
			}
		}
		i += size
	}
	return text[:i], diff == 1
}

// overlaps tells whether [start, end) overlaps one of spans.
func overlaps(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if s[0] < end && start < s[1] {
			return true
		}
	}
	return false
}
