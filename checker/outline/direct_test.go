package outline

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker/normalize"
)

// The outline reads some things with a direct scan where it once ran a
// regular expression or a slower loop. The tests here keep the old way and
// compare the two on every line of the seeds and fixtures, on random text
// made of the pieces the old way looks for, and under fuzzing.

// sameInputs lists the view lines of the fixtures and seeds, and n random
// strings of pieces.
func sameInputs(t testing.TB, n int, pieces []string) []string {
	t.Helper()
	var paths []string
	for _, pat := range []string{"../../testdata/outline/*.txt", "../../testdata/outline/*.md", "../../../shared/seeds/*.txt"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	var out []string
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(normalize.New(string(data)).Text, "\n") {
			out = append(out, line, strings.TrimSpace(line))
		}
	}
	rng := rand.New(rand.NewPCG(13, 13))
	for range n {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// citationsMaskedByRune is citationsMasked as it was, writing rune by rune.
func citationsMaskedByRune(s string) string {
	if !strings.Contains(s, "《") {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	depth, masking := 0, false
	for i, r := range s {
		switch {
		case r == '《':
			if depth == 0 {
				masking = !implemented(s[:i])
			}
			depth++
			out.WriteRune(r)
		case r == '》' && depth > 0:
			depth--
			out.WriteRune(r)
		case depth > 0 && masking:
			out.WriteString(citationMask)
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
}

var citationPieces = []string{"《", "》", "〈", "〉", "贯彻", "落实", "执行", "学习", "认真", "第一责任人", "规定", "a", " ", "。", "□"}

func TestCitationsMaskedSame(t *testing.T) {
	for _, s := range sameInputs(t, 20000, citationPieces) {
		if got, want := citationsMasked(s), citationsMaskedByRune(s); got != want {
			t.Errorf("citationsMasked(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCitationsMasked(f *testing.F) {
	for _, s := range []string{"学习《规定》", "贯彻《规定》和《条例", "《《a》》b《", "》《"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // view text is valid UTF-8
		}
		if got, want := citationsMasked(s), citationsMaskedByRune(s); got != want {
			t.Errorf("citationsMasked(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestCitingSentenceEnd: the splitter finds the end mark where a search by
// runes does, and a 《 on its way where strings.Contains does: before the end,
// or in the whole text when there is none.
func TestCitingSentenceEnd(t *testing.T) {
	pieces := append(slices.Clone(citationPieces), "!", "?", ";", "、", "〇", "〈")
	for _, s := range sameInputs(t, 20000, pieces) {
		sameSentenceEnd(t, s)
	}
}

// sameSentenceEnd fails t where citingSentenceEnd(s) differs from a search
// by runes and strings.Contains.
func sameSentenceEnd(t *testing.T, s string) {
	isEnd := func(r rune) bool { return r == '。' || r == '!' || r == '?' || r == ';' }
	at, _, cites := citingSentenceEnd(s)
	before := s
	if at >= 0 {
		before = s[:at]
	}
	if at != strings.IndexFunc(s, isEnd) || cites != strings.Contains(before, "《") {
		t.Errorf("citingSentenceEnd(%q) = %d, %v", s, at, cites)
	}
}

func FuzzCitingSentenceEnd(f *testing.F) {
	for _, s := range []string{"学习《规定》。又《", "甲;乙《。", "《!", "、。《", "\xe3\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // view text is valid UTF-8
		}
		sameSentenceEnd(t, s)
	})
}

// The expressions the word lists replace, as they were.
var (
	titleWordRe    = regexp.MustCompile(`报告|情况|总结|汇报|法治政府建设`)
	titleEndingRe  = regexp.MustCompile(`(报告|总结|汇报)$`)
	notTitleRe     = regexp.MustCompile(`^(根据|按照|依据|为了|为|现将)|现将|如下|[,;:!?]|^\d{4}\s*年度?\s*[,:]`)
	organSuffixRe  = regexp.MustCompile(`(政府|办公室|办公厅|局|委|委员会|厅|室|办|院|中心|街道办事处|管委会|部|司|署|党组|海关|大队|支队|总队)$`)
	notSignatureRe = regexp.MustCompile(`^(特此|附件|此页无正文|抄送|印发)|[。,;:!?、]`)
	publishedCueRe = regexp.MustCompile(`(发布|发表|更新|公开|发文)(时间|日期)\s*:\s*`)
	fileNameRe     = regexp.MustCompile(`\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|txt|jpe?g|png)\s*\)?$`)
	proseClauseRe  = regexp.MustCompile(`^(按照|根据|依据|为了|围绕|通过|在)[^,]{2,},|我(局|委|办|厅|市|县|区|镇|乡|院|们|单位|街道|部门)`)
	enumerationRe  = regexp.MustCompile(`^(一是|首先|其一|第一[,:])`)
	reportCueRe    = regexp.MustCompile(`现将|报告如下|情况如下`)
	dutyItemsRe    = []*regexp.Regexp{
		regexp.MustCompile(`习近平法治思想|重大决策部署`),
		regexp.MustCompile(`研究部署|督察反馈|年度工作计划`),
		regexp.MustCompile(`重大行政决策|法律顾问|公职律师|规范性文件|政务公开`),
		regexp.MustCompile(`放管服|三项制度|执法责任制`),
		regexp.MustCompile(`领导班子其他成员|层级监督|不作为`),
		regexp.MustCompile(`出庭应诉|生效裁判|司法建议|检察建议`),
		regexp.MustCompile(`用人导向|法治工作队伍`),
		regexp.MustCompile(`谁执法谁普法`),
	}
)

// wordPieces build random text around the words and marks of the lists.
var wordPieces = func() []string {
	pieces := []string{",", ":", ";", "。", "、", "!", "?", " ", "\t", "\n", ")", "(", ".", "2023", "12", "年", "度", "我", "在", "为",
		"一", "第一", "时间", "日期", "发布", "公开", "工作", "规定", "pdf", "docx", "报", "告", "如下", "□"}
	for _, words := range [][]string{titleWords, titleEndings, preambleOpenings, organSuffixes, closingFormulas,
		publishedVerbs, publishedTimes, fileExtensions, prepositions, drafters, enumeration, reportCues, implementing} {
		pieces = append(pieces, words...)
	}
	for _, item := range dutyItems {
		pieces = append(pieces, item...)
	}
	return pieces
}()

// sameAsRegexp reports where a word list reads view text s otherwise than
// the expression it replaces.
func sameAsRegexp(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		return // view text is valid UTF-8
	}
	for _, c := range []struct {
		name   string
		re     *regexp.Regexp
		direct bool
	}{
		{"titleWord", titleWordRe, containsWord(s, titleWords)},
		{"titleEnding", titleEndingRe, hasSuffixWord(s, titleEndings)},
		{"notTitle", notTitleRe, notTitle(s)},
		{"organSuffix", organSuffixRe, hasSuffixWord(s, organSuffixes)},
		{"notSignature", notSignatureRe, notSignature(s)},
		{"publishedCue", publishedCueRe, hasPublishedCue(s)},
		{"fileName", fileNameRe, fileName(s)},
		{"proseClause", proseClauseRe, proseClause(s)},
		{"enumeration", enumerationRe, hasPrefixWord(s, enumeration)},
		{"reportCue", reportCueRe, containsWord(s, reportCues)},
	} {
		if want := c.re.MatchString(s); c.direct != want {
			t.Errorf("%s(%q) = %v, the expression says %v", c.name, s, c.direct, want)
		}
	}
	wantItem := slices.IndexFunc(dutyItemsRe, func(re *regexp.Regexp) bool { return re.MatchString(s) })
	if got := dutyItem(s); got != wantItem {
		t.Errorf("dutyItem(%q) = %d, the expressions say %d", s, got, wantItem)
	}
	for _, c := range []struct {
		name string
		re   *regexp.Regexp
		find func(string) (start, end int)
	}{
		{"publishedCue", publishedCueRe, publishedCue},
		{"reportCue", reportCueRe, func(s string) (int, int) { return leftmostWord(s, reportCues) }},
	} {
		want := []int{-1, -1}
		if loc := c.re.FindStringIndex(s); loc != nil {
			want = loc
		}
		if start, end := c.find(s); start != want[0] || end != want[1] {
			t.Errorf("%s(%q) at [%d, %d), the expression at %v", c.name, s, start, end, want)
		}
	}
}

func TestWordsSameAsRegexp(t *testing.T) {
	for _, s := range sameInputs(t, 20000, wordPieces) {
		sameAsRegexp(t, s)
	}
}

func FuzzWordsSameAsRegexp(f *testing.F) {
	for _, s := range []string{"发布时间 : 2021", "更新日期发布时间:", "按照工作,", "在a,", "附件.pdf )", "2023年度,", "我们"} {
		f.Add(s)
	}
	f.Fuzz(sameAsRegexp)
}

// The expressions the date and year readers replace, as they were.
var (
	dateFormsRe = []struct {
		form string
		re   *regexp.Regexp
	}{
		{"arabic", regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)},
		{"yuan", regexp.MustCompile(`(\d{4})\s*年\s*(元)\s*月\s*(\d{1,2})\s*日`)},
		{"chinese", regexp.MustCompile(`([` + cnDigits + `]{4})\s*年\s*([一二三四五六七八九十]{1,3}|元)\s*月\s*([一二三四五六七八九十]{1,3})\s*日`)},
		{"dash", regexp.MustCompile(`(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})`)},
		{"dot", regexp.MustCompile(`(\d{4})\.(\d{1,2})\.(\d{1,2})`)},
		{"slash", regexp.MustCompile(`(\d{4})/(\d{1,2})/(\d{1,2})`)},
		{"short", regexp.MustCompile(`(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)},
		{"partial", regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月()`)},
	}
	yearRe = regexp.MustCompile(`(?:((?:19|20)\d{2})|((?:一九|二[〇○零O0])[` + cnDigits + `]{2}))\s*年(度)?`)
)

// findDatesByRegexp is findDates as it was, with the expressions.
func findDatesByRegexp(s string) []dateMatch {
	var out []dateMatch
	for _, f := range dateFormsRe {
		for _, loc := range f.re.FindAllStringSubmatchIndex(s, -1) {
			if digitAt(s, loc[0]-1) || digitAt(s, loc[1]) {
				continue
			}
			out = insertDate(out, dateOf(s, loc, f.form))
		}
	}
	return out
}

// findYearsByRegexp is findYears as it was, with the expression.
func findYearsByRegexp(s string) []yearMatch {
	var out []yearMatch
	for _, loc := range yearRe.FindAllStringSubmatchIndex(s, -1) {
		if digitAt(s, loc[0]-1) || rangeEnd(s[:loc[0]]) {
			continue
		}
		out = append(out, yearOf(s, loc))
	}
	return out
}

var datePieces = []string{"0", "1", "2", "3", "9", "12", "19", "20", "2023", "2023年", "21", "年", "月", "日", "元", "度", " ", "\t", "\n",
	"-", ".", "/", "—", "至", "一", "二", "三", "十", "九", "〇", "○", "零", "O", "一九", "二〇二三", "十二", "三十一", "a", "。"}

// datesSameAsRegexp reports where the date and year readers read view text
// s otherwise than the expressions.
func datesSameAsRegexp(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		return // view text is valid UTF-8
	}
	if got, want := findDates(s), findDatesByRegexp(s); !slices.Equal(got, want) {
		t.Errorf("findDates(%q) = %+v, the expressions say %+v", s, got, want)
	}
	if got, want := findYears(s), findYearsByRegexp(s); !slices.Equal(got, want) {
		t.Errorf("findYears(%q) = %+v, the expression says %+v", s, got, want)
	}
	if ms := findDates(s); len(ms) > 0 && ms[0].start == 0 && ms[0].end == len(s) && !mayBeDate(s) {
		t.Errorf("mayBeDate(%q) is false, but it is a date", s)
	}
}

// dateCases are dates and near misses of every form, spaced and not.
var dateCases = []string{"2021年12月30日", "2021 年 12 月 30 日", "二〇二一年十二月三十一日", "二〇二一 年 元 月 三 日",
	"2024年元月5日", "2024 年 元 月 5 日", "2021-1-05", "2021 - 1 - 05", "2021.1.2", "2021 . 1 . 2", "2021/1/2", "2021 / 1 / 2",
	"21年3月4日", "21 年 3 月 4 日", "2024年1月", "2024 年 1 月", "2021年123月4日", "二〇二一年十十十十月一日",
	"2021-2025年", "一九九九年度", "二O二三 年度", "12023年", "2020年至2021年度", "2023—2024年"}

func TestDatesSameAsRegexp(t *testing.T) {
	for _, s := range append(sameInputs(t, 30000, datePieces), dateCases...) {
		datesSameAsRegexp(t, s)
	}
}

func FuzzDatesSameAsRegexp(f *testing.F) {
	for _, s := range dateCases {
		f.Add(s)
	}
	f.Fuzz(datesSameAsRegexp)
}
