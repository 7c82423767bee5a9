package checker

import (
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
	return k, true, nil
}

func (k *phrasesCheck) Run(c *Context) {
	for _, n := range c.scopeLines(k.scope) {
		text, base := c.lineText(n, false)
		if text == "" {
			continue
		}
		right := k.rightSpans(text)
		reported := map[int]bool{}
		for _, p := range k.phrases {
			for _, at := range k.candidates(text, p) {
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

// rightSpans are the byte spans of text that are phrases written right, or
// variants allowed.
func (k *phrasesCheck) rightSpans(text string) [][2]int {
	var spans [][2]int
	add := func(s string) {
		for _, at := range occurrences(text, s) {
			spans = append(spans, [2]int{at, at + len(s)})
		}
	}
	for _, p := range k.phrases {
		add(p.text)
	}
	for a := range k.allow {
		add(a)
	}
	return spans
}

// occurrences are the byte offsets of s in text, without overlaps.
func occurrences(text, s string) []int {
	var at []int
	for i := 0; ; {
		j := strings.Index(text[i:], s)
		if j < 0 {
			return at
		}
		at = append(at, i+j)
		i += j + len(s)
	}
}

// candidates are the byte offsets in text where p could start one character
// off: where its left half stands, or its right half stands after as many
// runes as the left half has.
func (k *phrasesCheck) candidates(text string, p phrase) []int {
	at := occurrences(text, p.left)
	halfRunes := utf8.RuneCountInString(p.left)
	for _, i := range occurrences(text, p.right) {
		if start, ok := runesBack(text, i, halfRunes); ok {
			at = append(at, start)
		}
	}
	return at
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
