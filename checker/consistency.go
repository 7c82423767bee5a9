package checker

import (
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/rules"
)

// consistencySpec: one thing written two ways in one document. Two modes:
//
// pattern: a regex with named groups key and value (groups key2, key3 … are
// appended to the key). Matches are grouped by key; when one key has several
// values, every occurrence of a value other than the prevailing one (the most
// frequent; on a tie, the first seen) is reported at its value. Keys and
// values compare by their letters, digits and Han characters only, so
// brackets, spaces and dashes do not split them (their form is for other
// rules); with compare: exact, values compare as written in the view, for a
// rule about their form; with compare: width, only by whether they hold a
// full-width form (１００％ against 100%), which needs match: raw. match as
// for pattern, scope as for substitution.
//
// variants: lists of forms of one thing, e.g. [",", "，"]. The raw text is
// searched; an occurrence counts when a rune right beside it is Chinese (a
// Han character or CJK punctuation). The form used most is the document's
// (on a tie, the first seen); each occurrence of the other forms is reported,
// unless they make up more than `share` (default 0.2) of the occurrences: a
// document that mixes that much gets one finding, at the first. With
// `prefer: n`, the n-th form of each group is the right one: a document that
// mostly uses another form draws nothing here (a rule about that form reports
// it), so that the right marks are never the ones pointed at.
//
// Message placeholders: {key}, {value} the reported value or form, {other}
// the prevailing one, {other-line} the line where it first appears, {count}
// the number of occurrences of the minority forms.
type consistencySpec struct {
	Pattern  *rules.Regexp `yaml:"pattern"`
	Variants [][]string    `yaml:"variants"`
	Share    *float64      `yaml:"share"`
	Compare  string        `yaml:"compare"`
	Prefer   int           `yaml:"prefer"`
	Match    string        `yaml:"match"`
	Scope    string        `yaml:"scope"`
}

type consistencyCheck struct {
	consistencySpec
	keys  []int // indexes of the key groups, in order
	value int
	// fullWidth, for compare: width, holds the full-width forms a value can
	// be made of: a document holding none of them has only half-width
	// values, so nothing to report, and is not searched.
	fullWidth *fullWidthSet
}

func compileConsistency(r *rules.Rule) (any, bool, error) {
	var s consistencySpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	if (s.Pattern == nil) == (len(s.Variants) == 0) {
		return nil, false, rules.SpecError(r, "consistency 规则需要 pattern 或 variants 之一")
	}
	if err := checkTextOptions(r, s.Match, &s.Scope, "", nil); err != nil {
		return nil, false, err
	}
	c := &consistencyCheck{consistencySpec: s}
	if s.Pattern != nil {
		if s.Share != nil || s.Prefer != 0 {
			return nil, false, rules.SpecError(r, "share 和 prefer 只用于 variants")
		}
		if s.Compare != "" && s.Compare != "loose" && s.Compare != "exact" && s.Compare != "width" {
			return nil, false, rules.SpecError(r, "compare 应为 loose、exact 或 width")
		}
		if s.Compare == "width" && s.Match != "raw" {
			return nil, false, rules.SpecError(r, "compare: width 需要 match: raw（规范化视图中没有全角字符）")
		}
		if err := viewSafe(r, s.Match, s.Pattern); err != nil {
			return nil, false, err
		}
		for i, name := range s.Pattern.SubexpNames() {
			if name == "key" || strings.HasPrefix(name, "key") && isDigits(name[3:]) {
				c.keys = append(c.keys, i)
			}
		}
		c.value = s.Pattern.SubexpIndex("value")
		if len(c.keys) == 0 || c.value < 0 {
			return nil, false, rules.SpecError(r, "pattern 需要命名分组 key 和 value")
		}
		if s.Compare == "width" {
			c.fullWidth = treeGroupFullWidth(s.Pattern.Syntax(), c.value)
		}
		return c, false, nil
	}
	if s.Match == "normalized" || s.Compare != "" {
		return nil, false, rules.SpecError(r, "variants 总是逐字比较原文，不用 match: normalized 或 compare")
	}
	if s.Share == nil {
		share := 0.2
		c.Share = &share
	} else if *s.Share <= 0 || *s.Share > 1 {
		return nil, false, rules.SpecError(r, "share 应在 0 到 1 之间")
	}
	for _, group := range s.Variants {
		if len(group) < 2 {
			return nil, false, rules.SpecError(r, "variants 的每一组至少要有两种写法")
		}
		if s.Prefer < 0 || s.Prefer > len(group) {
			return nil, false, rules.SpecError(r, "prefer 应为每组中正确写法的序号（1 到 %d）", len(group))
		}
		for i, a := range group {
			for _, b := range group[i+1:] {
				if a == "" || b == "" || strings.Contains(a, b) || strings.Contains(b, a) {
					return nil, false, rules.SpecError(r, "variants 同一组的写法不能为空或互相包含（%q、%q）", a, b)
				}
			}
		}
	}
	return c, false, nil
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// occurrence is one place where a key's value or a variant form is written.
type occurrence struct {
	start, end int // in Doc.Text
	line       int
	group      int    // the number of its key (pattern mode)
	key        string // as written
	form       string // loose value or variant form
	shown      string // as written
}

func (k *consistencyCheck) Run(c *Context) {
	if k.Pattern != nil {
		k.runPattern(c)
		return
	}
	var hits []formHit // reused from group to group
	for _, group := range k.Variants {
		// A group of which the document holds one form or none has nothing
		// to report: the lines in scope are pieces of the document.
		if formsIn(c.Doc.Text, group) >= 2 {
			hits = k.runVariants(c, group, hits[:0])
		}
	}
}

// formsIn counts the forms that text holds, up to two.
func formsIn(text string, forms []string) int {
	n := 0
	for _, f := range forms {
		if strings.Contains(text, f) {
			if n++; n == 2 {
				break
			}
		}
	}
	return n
}

// formHit is where a variant form occurs: a compact record, since a group's
// forms (every comma of a report) occur thousands of times and only the
// minority is reported.
type formHit struct {
	start, line int32
	form        int8 // index in the group
}

// runVariants reports the forms of group that are not the prevailing one;
// nothing when a form other than the preferred one prevails. It gathers
// the forms' places in hits, and returns it for the next group.
func (k *consistencyCheck) runVariants(c *Context, group []string, hits []formHit) []formHit {
	for _, n := range c.scopeLines(k.Scope) {
		text, base := c.lineText(n, true)
		for f, form := range group {
			for at := 0; ; at += len(form) {
				i := strings.Index(text[at:], form)
				if i < 0 {
					break
				}
				at += i
				if chineseBeside(text, at, at+len(form)) {
					hits = append(hits, formHit{start: int32(base + at), line: int32(n), form: int8(f)})
				}
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b formHit) int { return int(a.start - b.start) })
	main, first, distinct := prevailing(len(hits), len(group), func(i int) int { return int(hits[i].form) })
	if distinct < 2 || k.Prefer > 0 && main != k.Prefer-1 {
		return hits
	}
	occ := func(h formHit) occurrence {
		form := group[h.form]
		return occurrence{start: int(h.start), end: int(h.start) + len(form), line: int(h.line), form: form, shown: form}
	}
	var minority []occurrence
	for _, h := range hits {
		if int(h.form) != main {
			minority = append(minority, occ(h))
		}
	}
	k.report(c, minority, occ(hits[first]), len(hits))
	return hits
}

func (k *consistencyCheck) runPattern(c *Context) {
	if k.fullWidth != nil && !k.fullWidth.inText(c.Doc.Text) {
		return
	}
	raw := k.Match == "raw"
	// A line is a piece of the document's scan: none holds a match when the
	// document lacks the literals every match holds.
	if !k.Pattern.MayMatchIn(c.documentScan(raw)) {
		return
	}
	groups := map[string]int{} // each loose key's number, in order of appearance
	occs := make([]occurrence, 0, 16)
	for _, n := range c.scopeLines(k.Scope) {
		scanned, base := c.lineScan(n, raw)
		text := scanned.String()
		for m := range k.Pattern.AllIn(scanned) {
			vs, ve := m[2*k.value], m[2*k.value+1]
			if vs < 0 || vs == ve {
				continue
			}
			key := k.keyOf(text, m)
			start, end := c.toDoc(base+vs, base+ve, raw)
			loose := looseForm(key)
			group, ok := groups[loose]
			if !ok {
				group = len(groups)
				groups[loose] = group
			}
			form := text[vs:ve]
			switch k.Compare {
			case "exact":
			case "width":
				form = widthForm(form)
			default:
				form = looseForm(form)
			}
			occs = append(occs, occurrence{start: start, end: end, line: n, group: group, key: key,
				form: form, shown: c.Doc.Text[start:end]})
		}
	}
	// Each key's occurrences in a run, in the order of the text, the keys in
	// order of appearance: one list instead of one per key.
	slices.SortStableFunc(occs, func(a, b occurrence) int { return a.group - b.group })
	for from := 0; from < len(occs); {
		to := from + 1
		for to < len(occs) && occs[to].group == occs[from].group {
			to++
		}
		k.reportMinority(c, occs[from:to])
		from = to
	}
}

// keyOf is the key of match m of text: the text of its key groups, joined;
// a piece of text when one group holds it all, as most keys are.
func (k *consistencyCheck) keyOf(text string, m []int) string {
	key := ""
	for _, g := range k.keys {
		if s, e := m[2*g], m[2*g+1]; s >= 0 && s < e {
			if key == "" {
				key = text[s:e]
			} else {
				key += text[s:e]
			}
		}
	}
	return key
}

// reportMinority reports the occurrences whose form is not the prevailing one
// (the most frequent, the first seen among equals).
func (k *consistencyCheck) reportMinority(c *Context, occs []occurrence) {
	ids := map[string]int{} // each form's number, in order of appearance
	formOf := make([]int, len(occs))
	for i, o := range occs {
		id, ok := ids[o.form]
		if !ok {
			id = len(ids)
			ids[o.form] = id
		}
		formOf[i] = id
	}
	main, first, distinct := prevailing(len(occs), len(ids), func(i int) int { return formOf[i] })
	if distinct < 2 {
		return
	}
	var minority []occurrence
	for i, o := range occs {
		if formOf[i] != main {
			minority = append(minority, o)
		}
	}
	slices.SortStableFunc(minority, func(a, b occurrence) int { return a.start - b.start })
	k.report(c, minority, occs[first], len(occs))
}

// prevailing picks the prevailing form among n occurrences in order, form(i)
// being the number (below forms) of occurrence i's form: the most frequent,
// the first seen among equals. It returns the form, its first occurrence and
// how many forms occur.
func prevailing(n, forms int, form func(int) int) (main, first, distinct int) {
	count := make([]int, forms)
	firstAt := make([]int, forms)
	var seen []int
	for i := 0; i < n; i++ {
		f := form(i)
		if count[f] == 0 {
			seen = append(seen, f)
			firstAt[f] = i
		}
		count[f]++
	}
	if len(seen) == 0 {
		return -1, -1, 0
	}
	main = seen[0]
	for _, f := range seen[1:] {
		if count[f] > count[main] {
			main = f
		}
	}
	return main, firstAt[main], len(seen)
}

// report reports the minority occurrences (in order) against the prevailing
// form's first occurrence; above the share limit, only the first of them.
func (k *consistencyCheck) report(c *Context, minority []occurrence, main occurrence, total int) {
	vars := func(o occurrence) map[string]string {
		return map[string]string{"key": o.key, "value": o.shown, "other": main.shown,
			"other-line": strconv.Itoa(main.line), "count": strconv.Itoa(len(minority))}
	}
	if k.Share != nil && float64(len(minority)) > *k.Share*float64(total) {
		c.Report(minority[0].start, minority[0].end, vars(minority[0]), nil)
		return
	}
	for _, o := range minority {
		c.Report(o.start, o.end, vars(o), nil)
	}
}

// chineseBeside tells whether the rune before start or the one at end of text
// is Chinese.
func chineseBeside(text string, start, end int) bool {
	if r, size := utf8.DecodeLastRuneInString(text[:start]); size > 0 && isChinese(r) {
		return true
	}
	r, size := utf8.DecodeRuneInString(text[end:])
	return size > 0 && isChinese(r)
}

// isChinese: a Han character or a CJK punctuation mark.
func isChinese(r rune) bool {
	return isHan(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60 ||
		strings.ContainsRune("“”‘’…—·", r)
}

// looseForm keeps the letters, digits and Han characters of s, folded to the
// normalized view's forms: s itself when it has nothing else, as most keys
// and values of a document have not.
func looseForm(s string) string {
	if isLoose(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isLetterOrDigit(r) {
			b.WriteRune(normalize.Rune(r))
		}
	}
	return b.String()
}

// isLoose tells whether s is its own loose form: letters and digits only,
// each as the normalized view writes it.
func isLoose(s string) bool {
	for _, r := range s {
		if !isLetterOrDigit(r) || normalize.Rune(r) != r {
			return false
		}
	}
	return true
}

// The full-width forms widthForm tells a value by.
const (
	firstFullWidth = 0xFF01
	lastFullWidth  = 0xFF5E
)

// widthForm tells a value by its width: "full" when it holds a full-width
// form (U+FF01–FF5E), else "half".
func widthForm(s string) string {
	for _, r := range s {
		if r >= firstFullWidth && r <= lastFullWidth {
			return "full"
		}
	}
	return "half"
}

// fullWidthSet is a set of full-width forms (U+FF01–FF5E), a bit each.
type fullWidthSet [2]uint64

// addRange adds the full-width forms among the runes lo to hi.
func (s *fullWidthSet) addRange(lo, hi rune) {
	for r := max(lo, firstFullWidth); r <= min(hi, lastFullWidth); r++ {
		i := r - firstFullWidth
		s[i/64] |= 1 << (i % 64)
	}
}

func (s *fullWidthSet) has(r rune) bool {
	if r < firstFullWidth || r > lastFullWidth {
		return false
	}
	i := r - firstFullWidth
	return s[i/64]&(1<<(i%64)) != 0
}

// inText tells whether text holds one of the set's forms. Each is three
// bytes starting 0xEF, a byte that starts no Han character.
func (s *fullWidthSet) inText(text string) bool {
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], 0xEF)
		if k < 0 {
			return false
		}
		i += k
		if r, _ := utf8.DecodeRuneInString(text[i:]); s.has(r) {
			return true
		}
	}
}

// treeGroupFullWidth returns the full-width forms that group number group
// of a parsed expression can match: the text of the group is made of runes
// matched by its literals, classes and dots.
func treeGroupFullWidth(tree *syntax.Regexp, group int) *fullWidthSet {
	set := &fullWidthSet{}
	if g := findCapture(tree, group); g != nil {
		addFullWidth(set, g)
	}
	return set
}

// findCapture returns the capture node of group number group in re.
func findCapture(re *syntax.Regexp, group int) *syntax.Regexp {
	if re.Op == syntax.OpCapture && re.Cap == group {
		return re
	}
	for _, sub := range re.Sub {
		if g := findCapture(sub, group); g != nil {
			return g
		}
	}
	return nil
}

// addFullWidth adds to set the full-width forms re can match.
func addFullWidth(set *fullWidthSet, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			set.addRange(r, r)
			if re.Flags&syntax.FoldCase != 0 {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					set.addRange(f, f)
				}
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			set.addRange(re.Rune[i], re.Rune[i+1])
		}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		set.addRange(firstFullWidth, lastFullWidth)
	}
	for _, sub := range re.Sub {
		addFullWidth(set, sub)
	}
}
