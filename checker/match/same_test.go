package match

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// packExpressions returns every string in the default packs that parses as a
// regular expression: the patterns, and (harmlessly) messages and examples.
func packExpressions(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../rules/packs/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no packs under ../../rules/packs: %v", err)
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
			if _, err := regexp.Compile(n.Value); err == nil {
				out = append(out, n.Value)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			t.Fatal(err)
		}
		walk(&n)
	}
	return out
}

// corpusLines returns the lines of the repository's reports, of the seeds
// when they are there (one in corpusShare of them), and some made to sit on
// the edges of windows.
func corpusLines(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob("../../testdata/reports/*.txt")
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(seeds) == 0 {
		t.Log("../../../shared/seeds is absent: comparing on the repository's reports only")
	}
	lines := []string{
		"", "(", "((2024)第3号", "青司发[2024]003号，(2023)5号。", "XX市X月20XX年", "《规划(2015-2020)》和《纲要(2021-2025)》",
		"。。,,;;", "下一步,我们将继续", "\xe4\xb8", "甲\xe4(乙\xb8\xad)丙", "a\u3000 \t", "2024年1月2日 ",
	}
	for _, p := range append(paths, seeds...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(data), "\n") {
			if i%corpusShare == 0 {
				lines = append(lines, l)
			}
		}
	}
	// Long lines put windows in the middle of the text.
	lines = append(lines, strings.Join(lines[len(lines)/2:], ""))
	return lines
}

// sameAnswers fails t when p answers differently from regexp on s, as a
// string and as a text scanned with d.
func sameAnswers(t *testing.T, d *Dictionary, p *Pattern, re *regexp.Regexp, s string) {
	t.Helper()
	text := d.Scan(s)
	if got, want := slices.Collect(p.AllIn(text)), re.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%s (%v) on %q: AllIn %v, regexp %v", re, p.how, s, got, want)
	}
	var first2 [][]int // a loop that stops early
	for m := range p.AllIndexIn(text) {
		if first2 = append(first2, m); len(first2) == 2 {
			break
		}
	}
	if want := re.FindAllStringIndex(s, 2); !slices.EqualFunc(first2, want, slices.Equal) {
		t.Fatalf("%s (%v) on %q: AllIndexIn (first two) %v, regexp %v", re, p.how, s, first2, want)
	}
	if got, want := p.MatchIn(text), re.MatchString(s); got != want {
		t.Fatalf("%s (%v) on %q: MatchIn %v, regexp %v", re, p.how, s, got, want)
	}
	if got, want := p.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%s (%v) on %q: FindAllStringSubmatchIndex %v, regexp %v", re, p.how, s, got, want)
	}
	if got, want := p.FindAllStringIndex(s, 2), re.FindAllStringIndex(s, 2); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%s (%v) on %q: FindAllStringIndex %v, regexp %v", re, p.how, s, got, want)
	}
	if got, want := p.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Fatalf("%s (%v) on %q: FindStringSubmatchIndex %v, regexp %v", re, p.how, s, got, want)
	}
	if got, want := p.FindStringIndex(s), re.FindStringIndex(s); !slices.Equal(got, want) {
		t.Fatalf("%s (%v) on %q: FindStringIndex %v, regexp %v", re, p.how, s, got, want)
	}
	if got, want := p.MatchString(s), re.MatchString(s); got != want {
		t.Fatalf("%s (%v) on %q: MatchString %v, regexp %v", re, p.how, s, got, want)
	}
	if re.MatchString(s) && !p.MayMatchRunes(RunesOf(s)) {
		t.Fatalf("%s on %q: a match, but MayMatchRunes says none can be", re, s)
	}
	p.planned()
	for _, m := range re.FindAllStringIndex(s, -1) {
		if m[0] < m[1] && !p.starts.may(s[m[0]]) {
			t.Fatalf("%s on %q: a match at %d, but its first byte is not among the pattern's", re, s, m[0])
		}
		if r, _ := utf8.DecodeRuneInString(s[m[0]:]); m[0] < m[1] && p.firstRunes != nil && !inSet(p.firstRunes, r) {
			t.Fatalf("%s on %q: a match at %d, but its first rune is not among the sequences'", re, s, m[0])
		}
	}
}

// TestPacksSameAsRegexp: on real text, every pattern of the default packs
// finds exactly what regexp finds, whichever way it searches.
func TestPacksSameAsRegexp(t *testing.T) {
	lines := corpusLines(t)
	hows := map[strategy]int{}
	var exprs []string
	for _, e := range packExpressions(t) {
		// The context patterns of substitution rules are anchored like this.
		exprs = append(exprs, e, "(?:"+e+")$", "^(?:"+e+")")
	}
	var ps []*Pattern
	for _, expr := range exprs {
		p := MustCompile(expr).planned()
		hows[p.how]++
		ps = append(ps, p)
	}
	// One dictionary for all, as an engine has; every other pattern is in a
	// dictionary of its own, and found just the same.
	d := NewDictionary(ps[:len(ps)/2])
	for i, p := range ps {
		re := regexp.MustCompile(exprs[i])
		if i >= len(ps)/2 {
			d = NewDictionary([]*Pattern{p})
		}
		for _, s := range lines {
			sameAnswers(t, d, p, re, s)
		}
	}
	// The packs use every strategy, so each is compared here.
	for _, h := range []strategy{whole, atStart, tryStarts, inWindows, atEnd, everyStart, alternatives} {
		if hows[h] == 0 {
			t.Errorf("no pack pattern searches with strategy %d", h)
		}
	}
}

func TestSameAsRegexp(t *testing.T) {
	exprs := []string{
		`扫一扫`, `^(主办|承办)\\s*[::](?P<at>.*)`, `X{1,4}`, `\\d+件`, `(还|仍)存在[^。]{0,20}(问题|不足)`, `[，,]`, `a|b`,
		`\\p{Han}{1,12}(?P<at>[\\[(])\\d+`, `x+$`, `(?:^|[^A-Z])X{2,}`, `.{0,30}问题$`, `a.*?b`, `(a|ab)(c|bcd)`,
		`[\x{E000}-\x{F8FF}]+`, `\x{FFFD}+`, `a+b`, `a*b`, `a+a`, `[ab]{2,3}c?`, `(?P<at> +)\S`,
		`(?:\p{Han})$`, `^(?:[0-9])`, `、(?P<at>、)`, `.`, `(?s).`, `a$`, `^a$`, `(a)(b)c`, `\x{FFFD}$`, `[\x{FFFD}a]{2}`,
		// alternations searched alternative by alternative: overlapping,
		// anchored and preferred alternatives
		`ab.*?c|b\s*cd|bc.?`, `^x.*?a|a.*?x`, `a.*?x$|x.+?a`, `问题.*?:|存在.*?问题|在问.?`, `a.*?b|ba.?`,
		`ab.*?c|b.*?cd|^b.+?|d.*?$`,
		// ending with a stop rune
		`《[^《》]{2,10}》`, `《[^《》]*(纲要|规划)》`, `x[^》]*》$`, `[^《》]*?年?》`, `《[^《》]*?(19|20)\d{2}[^《》]*》`,
		// quoted text: the variants must not wrap it in a group it quotes
		`0\A\Q`, `x\Q^(\E.`, `问题\Q)$`,
		// sequences with ways through: alternatives and optional parts in a
		// row, groups on some ways only, anchors on some
		`(?P<key>)(?P<value>[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?|[A-Za-zＡ-Ｚａ-ｚ]+)`, `a(?:bc)?b`, `(a)?b|(c)`,
		`\d(?:余|多)?(?:件|人次|人)(?P<at>\p{Han}{2,4}\d+(?:\.\d+)?(?:件|人次|人))`, `(?:^a|b)c`, `a(?:b$|c)`,
		`(?:x|^)y+`, `(?:a(?:b|c)?)?d`, `(?:a|bc)(?:d|ef)(?:g|hi)(?:j|kl)(?:m|no)`, `x(?:(y)|(z)w)?w`,
		// a rune every match holds once, followed by rows of rune sets
		// whose optional parts overlap (see midStop)
		`《(?:[^《》]*关于)?(?P<key>[^《》]{4,60})》\s*\(?\s*(?P<v>\p{Han}{1,10}[〔\[(](?:19|20)\d{2}[〕\])]第?\d+号)`,
		`《[^《》]*》\s*\(?\s*\d+号`, `a[^a]*a x?\s*(?:b|cd)+?`, `(x)[^x]{1,3}x *\(? *(y)?z$`, `甲(?:[^甲]|乙)*甲 ?\d?(?:\d)`,
		// every match at the text's end, of a few runes: searched in the
		// text's trailing run of them (see tailSet)
		`\n(?P<at>(?:[ \t\x{3000}]*\n)+[ \t\x{3000}]*)\z`, `[ab]+$`, `(?i)x+\z`, `^a[bc]*$`, `^(?:甲|乙丙)\s*$`,
		`(?:a|b)c+\z|a\z`, `\n\n\z`,
	}
	lines := corpusLines(t)
	lines = append(lines, "xx", "xax", "abcd", "XX", "aXX", "XXa", "存在问题", "仍存在较多问题",
		"abcd bc abc", "xa x", "xaxa", "aaaaa", "a a a", "存在问题:在问题", "babab", "bcd abc d",
		"0", "x^(y", "存在问题)$", "abcb abc ab", "3人次工作12件和5人工作组7.5人次", "12.5%、３．５％和ａＢ1.x", "xyw xzww xw",
		"《纲要》《规划》", "《甲乙\xe5》x》", "《《甲乙丙》", "《甲乙丙", "x》》", "》", "《纲要2021》《规划(2021-2025年)》",
		"《关于印发某某方案的通知》(某府办〔2024〕3号)、《某某条例》 ( 12号", "《甲》 (3号《乙》4号", "《甲乙丙丁》( 某发[2023]第12号",
		"aba  b acda cd", "x12x (z xabx yz", "甲乙甲 1 2甲丙甲34",
		"甲\n\n", "甲\n \n\u3000", "\n\n", "甲\n乙\n\n \n", "甲\n\xff\n\n", "a\n\n b", "aab\xff", "xXx", "乙丙 \n", "abcc")
	for _, e := range exprs {
		e = strings.ReplaceAll(e, `\\`, `\`)
		p, re := MustCompile(e), regexp.MustCompile(e)
		d, without := NewDictionary([]*Pattern{p}), NewDictionary(nil)
		for _, s := range lines {
			sameAnswers(t, d, p, re, s)
			sameAnswers(t, without, p, re, s)
		}
	}
}

func FuzzSameAsRegexp(f *testing.F) {
	f.Add(`(主办|承办)[::]`, "主办:茂名")
	f.Add(`X{2,}`, "XX市")
	f.Add(`\p{Han}(?P<at>[\[(])\d+号`, "发(2024)3号和[2023]5号")
	f.Add(`(?:^|[^A-Z])(?P<at>X{2,})`, "XXX和AXX")
	f.Add(`[ \t]+$`, "全年 \t")
	f.Add(`(?:\p{Han}.)$`, "甲\xe4\xb8")
	f.Add(`(a)[b-d](?P<x>.)`, "xabcabd")
	f.Add(`[\x{E000}-\x{F8FF}]+`, "甲\ue000\ue001乙")
	f.Add(`\x{FFFD}+x?`, "a\xff\xfe\ufffdx")
	f.Add(`(?P<at> +)[^ ]{2,3}`, "1.  把学习")
	f.Add(`(?P<at>【\s*】|\[\s*\]|\(\s+\))`, "甲【 】乙[]丙(  )")
	f.Add(`a(b)|^c|(d)e$`, "cabde")
	f.Add(`(还|仍)存在[^。]{0,20}(问题|不足)$`, "仍存在\xe4问题")
	f.Add(`ab.*?c|b.*?cd|^b.+?|d.*?$`, "abcd bcd b d")
	f.Add(`《[^《》]*(纲要|规划)》`, "《甲》《纲要》《规划\xe4》")
	f.Add(`(?P<v>[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?|[A-Za-zＡ-Ｚａ-ｚ]+)`, "３．５％和12.5%、ａＢ1.")
	f.Add(`a(?:bc)?b|(c)`, "abcb abc c")
	f.Add(`\d(?:余|多)?(?:件|人次|人)(?P<at>\p{Han}{2,4}\d+)`, "3人次工作12件")
	f.Add(`《[^《》]{2,6}》\s*\(?\s*\p{Han}{1,3}[〔(]\d+号`, "《甲乙》( 某〔3号《丙丁》 (发(12号")
	f.Add(`\n(?:[ \t]*\n)+[ \t]*\z`, "甲\n\n \n\t")
	f.Add(`(a|ab)[^。]{0,3}?(c|bc)$`, "abbc ac。abc")
	// first bytes passed over eight at a time, a second byte or the byte
	// after an ASCII first rune checked (nextStart)
	f.Add(`[0-9]+[年月]`, "2024年,3月和12日 99月")
	f.Add(`[ab\x{E000}-\x{E0FF}]+`, "，甲\ue000a\uefff\xee\x80b")
	f.Add(`[!-~]\d`, "甲,1 a2，~3")
	f.Fuzz(func(t *testing.T, expr, s string) {
		re, err := regexp.Compile(expr)
		if err != nil {
			return
		}
		p := MustCompile(expr)
		sameAnswers(t, NewDictionary([]*Pattern{MustCompile("甲"), p}), p, re, s)
		// A pattern claimed by another dictionary is found the same way.
		sameAnswers(t, NewDictionary([]*Pattern{p}), p, re, s)
	})
}

// randomPieces are what the random texts are made of: Chinese characters,
// digits and letters in both widths, marks, spaces and invalid bytes.
var randomPieces = []string{
	"甲", "年", "件", "人", "次", "余", "工作", "0", "1", "9", "０", "９", ".", "．", "%", "％",
	"a", "b", "c", "x", "X", "Z", "ａ", "Ｚ", " ", "\u3000", "(", ")", "（", ",", "，", "。", "\n",
	"\xff", "\xe4", "\ufffd", "\ue000",
}

// randomText returns a text of up to 30 random pieces.
func randomText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(31) {
		b.WriteString(randomPieces[r.IntN(len(randomPieces))])
	}
	return b.String()
}

// TestSequencesSameAsRegexp: every pattern of the default packs and of
// TestSameAsRegexp that is matched as sequences finds what regexp finds on
// random texts.
func TestSequencesSameAsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 5))
	exprs := append(packExpressions(t),
		`(?P<key>)(?P<value>[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?|[A-Za-zＡ-Ｚａ-ｚ]+)`, `a(?:bc)?b`, `(a)?b|(c)`,
		`\d(?:余|多)?(?:件|人次|人)(?P<at>\p{Han}{2,4}\d+(?:\.\d+)?(?:件|人次|人))`, `(?:^a|b)c`, `a(?:b$|c)`,
		`(?:x|^)y+`, `(?:a(?:b|c)?)?d`, `x(?:(y)|(z)c)?c`, `[^()\n甲]*[甲年]|[^()\n]*\)[甲年]`, `\x{FFFD}+x?`)
	tried := 0
	for _, e := range exprs {
		p := MustCompile(e).planned()
		if p.seqs == nil {
			continue
		}
		tried++
		re := regexp.MustCompile(e)
		d := NewDictionary([]*Pattern{p})
		for range 200 {
			sameAnswers(t, d, p, re, randomText(r))
		}
	}
	if tried < 20 {
		t.Errorf("only %d patterns are matched as sequences", tried)
	}
}

// TestSequencesOf: which patterns are matched as sequences, and as how many.
func TestSequencesOf(t *testing.T) {
	for expr, want := range map[string]int{
		`[，,]`:                                     1,
		`(?P<at>【\s*】|\[\s*\]|\(\s+\))`:            3,
		`[0-9]+(?:\.[0-9]+)?%?|[A-Za-z]+`:          3,
		`a(?:bc)?b`:                                2,
		`\d(?:余|多)?(?:件|人次|人)`:                     3,
		`(?:^|[^A-Z])X{2,}`:                        2,
		`a+(?:ab)?`:                                0, // a+ could give an a back to the group
		`(?:a|bc)(?:d|ef)(?:g|hi)(?:j|kl)(?:m|no)`: 0, // 32 ways through: too many
		`(?:bc)*d`:                                 0,
		`(?:ab)??c`:                                0, // not greedy
		`(?i)ab`:                                   0,
		`x$y`:                                      0,
	} {
		if got := len(MustCompile(expr).planned().seqs); got != want {
			t.Errorf("%s: %d sequences, want %d", expr, got, want)
		}
	}
}

// packDictionary is a dictionary of every expression in the default packs.
func packDictionary(t *testing.T) *Dictionary {
	var ps []*Pattern
	for _, e := range packExpressions(t) {
		ps = append(ps, MustCompile(e))
	}
	return NewDictionary(ps)
}

// TestSlices: each piece of a scanned text holds what a scan of the piece
// finds.
func TestSlices(t *testing.T) {
	d := packDictionary(t)
	// an invalid byte: the pieces without it are valid
	for _, s := range append(corpusLines(t), "第一行，有\xff一个坏字节。第二行没有坏字节，长一些才能切成几段。") {
		var spans [][2]int
		for from := 0; from < len(s); from += 47 {
			for from < len(s) && !utf8.RuneStart(s[from]) {
				from++
			}
			spans = append(spans, [2]int{from, min(len(s), from+40)})
		}
		whole := d.Scan(s)
		for i, got := range whole.Slices(spans) {
			from, to := spans[i][0], spans[i][1]
			want := d.Scan(s[from:to])
			if got.s != want.s || !slices.Equal(got.present, want.present) || !sameOccurrences(&got, want) {
				t.Fatalf("Slices: piece [%d, %d) of %q: occurrences %v (base %d), a scan finds %v", from, to, s, got.occ, got.base, want.occ)
			}
			if got.isValid() != utf8.ValidString(got.s) {
				t.Fatalf("Slices: piece [%d, %d) of %q: valid UTF-8 %v", from, to, s, got.isValid())
			}
		}
	}
}

// sameOccurrences tells whether a piece holds the occurrences a scan of its
// text finds, placed from its own start.
func sameOccurrences(piece, scan *Text) bool {
	if len(piece.occ) != len(scan.occ) {
		return false
	}
	for i, o := range piece.occ {
		if int(o.pos)-piece.base != int(scan.occ[i].pos) || o.lit != scan.occ[i].lit {
			return false
		}
	}
	return true
}

// sameScan fails t when d's scan of s differs from looking for every literal
// at every place a rune starts, lists its occurrences out of order of
// position, or records another set of literals present.
func sameScan(t *testing.T, d *Dictionary, s string) {
	t.Helper()
	var want []occurrence
	for i := 0; i < len(s); i++ {
		if !utf8.RuneStart(s[i]) {
			continue
		}
		for id, lit := range d.lits {
			if strings.HasPrefix(s[i:], lit) {
				want = append(want, occurrence{pos: int32(i), lit: int32(id)})
			}
		}
	}
	scanned := d.Scan(s)
	got := slices.Clone(scanned.occ)
	if !slices.IsSortedFunc(got, func(a, b occurrence) int { return int(a.pos - b.pos) }) {
		t.Fatalf("Scan(%q) found %v, not in order of position", s, got)
	}
	present := make([]uint64, len(scanned.present))
	for _, o := range want {
		present[o.lit/64] |= 1 << (o.lit % 64)
	}
	if !slices.Equal(scanned.present, present) {
		t.Fatalf("Scan(%q) has literal set %x, want %x", s, scanned.present, present)
	}
	order := func(a, b occurrence) int {
		if a.pos != b.pos {
			return int(a.pos - b.pos)
		}
		return int(a.lit - b.lit)
	}
	slices.SortFunc(got, order)
	if !slices.Equal(got, want) {
		t.Fatalf("Scan(%q) found %v, want %v", s, got, want)
	}
}

func TestScan(t *testing.T) {
	d := packDictionary(t)
	for _, s := range corpusLines(t) {
		sameScan(t, d, s)
	}
}

func FuzzScan(f *testing.F) {
	f.Add("甲\xe4,ab扫一扫ICP备\xe4\xb8")
	f.Add("20XX年X月")
	lits := []*Pattern{MustCompile(`扫一扫|ICP备|,|20|X月|\x{a0}a|é`), MustCompile(`甲乙|乙`)}
	d := NewDictionary(lits)
	f.Fuzz(func(t *testing.T, s string) {
		sameScan(t, d, s)
	})
}
