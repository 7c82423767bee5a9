package outline_test

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/checker/outline"
)

// The variant corpus: reports generated from the ways drafters write each
// element (title forms, numbering styles, heading synonyms, parts given as
// headings or inline, the duty in its several places, endings), each with the
// outline the generator knows it wrote. TestVariants builds the outline of
// every variant, requires it to match, and logs the accuracy per form
// (go test -v -run TestVariants ./checker/outline/).

// variantCount is how many variants TestVariants generates.
const variantCount = 720

// The dimensions of a variant and the names of their values, for the table.
var (
	titleForms = []string{"none, year in the opening", "one line", "broken after 关于", "three lines",
		"page-header copy", "second document (暨)", "organ line above", "none, year elsewhere", "below a menu line"}
	numberingStyles = []string{"一、/（一）", "1、/（1）", "1./(1)", "1．/（1）", "第一部分/一、", "Markdown ##", "Markdown **", "bare headings", "1、/（一） (Arabic above Chinese)"}
	partForms       = []string{"all headings", "problems inline", "plans inline", "problems and plans inline", "no headings (一是)",
		"problems as a sub-heading"}
	dutyForms  = []string{"none", "top heading", "sub-heading", "inline sentence", "cited only"}
	otherForms = []string{"none", "present"}
	endings    = []string{"signature and date", "date in Chinese numerals", "joint signature", "no signature or date",
		"signature only", "date only", "appendix, no date above"}
	synonymSets = []string{"synonyms 1", "synonyms 2", "synonyms 3", "synonyms 4", "synonyms 5"}
)

// variant picks one value of each dimension.
type variant struct {
	title, numbering, parts, duty, other, ending, synonyms int
	year                                                   int
	organ                                                  string
}

func (v variant) forms() map[string]string {
	return map[string]string{
		"title": titleForms[v.title], "numbering": numberingStyles[v.numbering], "parts": partForms[v.parts],
		"duty": dutyForms[v.duty], "other": otherForms[v.other], "ending": endings[v.ending], "synonyms": synonymSets[v.synonyms],
	}
}

// Heading synonyms by role, {Y} the reporting year and {N} the next.
var (
	measuresHeadings = []string{"{Y}年度法治政府建设主要举措和成效", "主要工作及成效", "主要做法和成效", "{Y}年工作开展情况", "工作推进情况"}
	problemsHeadings = []string{"存在的不足和原因", "存在的问题及原因分析", "工作中的不足之处", "困难和不足", "问题和挑战"}
	dutyHeadings     = []string{"党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责人履行法治建设第一责任人职责情况",
		"主要负责同志履职情况", "领导干部述法情况", "履行第一责任人职责情况"}
	plansHeadings = []string{"{N}年工作安排", "下一步工作措施", "{N}年度工作计划", "下一年度工作思路", "今后努力方向"}
	otherHeadings = []string{"其他需要报告的情况", "其他需要说明的事项", "其他需要报告的情况", "其他需要说明的事项", "其他需要报告的情况"}
	// Inline sentences by role.
	problemsInline = []string{"但也存在执法力量不足等问题，原因在于编制有限。", "同时，工作中仍存在一些短板和不足，主要是基层力量薄弱。",
		"但仍存在宣传形式单一的问题，原因是投入不够。", "当前还存在执法装备落后等差距。", "我们也清醒看到，仍存在制度建设不够完善等不足。"}
	plansInline = []string{"下一步，我们将继续加强执法队伍建设。", "{N}年，我们将深入推进依法行政。", "今后，我们将进一步完善制度。",
		"在新的一年里，我们将持续深化普法宣传。", "下一步，我们将着力提升执法规范化水平。"}
	dutyInline = []string{"主要负责人认真履行推进法治建设第一责任人职责，专题研究法治工作4次。", "主要负责同志带头履行法治建设职责，带头述法。",
		"主要负责人履职尽责，全年主持召开法治专题会议3次。", "领导班子组织述法，层层压实责任。", "严格落实第一责任人制度，每季度听取一次法治工作汇报。"}
	// A mention inside a cited title only: no duty is reported.
	dutyCited = "组织干部认真学习《党政主要负责人履行推进法治建设第一责任人职责规定》，举办专题讲座2场。"
	// Openings that state the year.
	openings = []string{"{Y}年，我单位坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下：",
		"根据上级工作要求，现将我单位{Y}年度法治政府建设情况报告如下。",
		"{Y}年度，我单位认真贯彻落实法治政府建设各项部署，取得了新成效。现将有关情况报告如下："}
	organs = []string{"某某县司法局", "某某市人民政府", "某某区市场监督管理局", "某某镇人民政府", "某某市生态环境局"}
)

// numbering writes heading markers: top is the marker of the n-th top-level
// heading, sub of the n-th one below.
type numbering struct {
	top, sub func(n int, text string) string
}

var cnNums = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

var numberings = []numbering{
	{func(n int, s string) string { return cnNums[n] + "、" + s }, func(n int, s string) string { return "（" + cnNums[n] + "）" + s }},
	{func(n int, s string) string { return fmt.Sprintf("%d、%s", n, s) }, func(n int, s string) string { return fmt.Sprintf("（%d）%s", n, s) }},
	{func(n int, s string) string { return fmt.Sprintf("%d.%s", n, s) }, func(n int, s string) string { return fmt.Sprintf("(%d)%s", n, s) }},
	{func(n int, s string) string { return fmt.Sprintf("%d．%s", n, s) }, func(n int, s string) string { return fmt.Sprintf("（%d）%s", n, s) }},
	{func(n int, s string) string { return "第" + cnNums[n] + "部分 " + s }, func(n int, s string) string { return cnNums[n] + "、" + s }},
	{func(n int, s string) string { return "## " + cnNums[n] + "、" + s }, func(n int, s string) string { return "### （" + cnNums[n] + "）" + s }},
	{func(n int, s string) string { return "**" + cnNums[n] + "、" + s + "**" }, func(n int, s string) string { return "**（" + cnNums[n] + "）" + s + "**" }},
	{func(_ int, s string) string { return s }, nil},
	{func(n int, s string) string { return fmt.Sprintf("%d、%s", n, s) }, func(n int, s string) string { return "（" + cnNums[n] + "）" + s }},
}

// cnYearDate writes a date in Chinese numerals (二〇二四年一月二十日).
func cnYearDate(y, m, d int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	var s strings.Builder
	for _, c := range fmt.Sprint(y) {
		s.WriteString(digits[c-'0'])
	}
	small := func(n int) string {
		switch {
		case n <= 10:
			return cnNums[n]
		case n < 20:
			return "十" + cnNums[n-10]
		case n%10 == 0:
			return cnNums[n/10] + "十"
		}
		return cnNums[n/10] + "十" + cnNums[n%10]
	}
	return s.String() + "年" + small(m) + "月" + small(d) + "日"
}

// generated is a variant's text and the outline the generator wrote.
type generated struct {
	text   string
	expect want
}

// generate writes variant v.
func generate(v variant) generated {
	var lines []string
	add := func(s string) int {
		lines = append(lines, s)
		return len(lines)
	}
	fill := func(s string) string {
		return strings.NewReplacer("{Y}", fmt.Sprint(v.year), "{N}", fmt.Sprint(v.year+1)).Replace(s)
	}
	w := want{parts: map[outline.Role]wantPart{}}
	y := fmt.Sprint(v.year)
	switch v.title {
	case 1:
		ty := y
		if v.synonyms == 4 { // the year in Chinese numerals
			ty = strings.ReplaceAll(cnYearDate(v.year, 1, 1), "年一月一日", "")
		}
		w.title = add(v.organ + "关于" + ty + "年度法治政府建设情况的报告")
	case 2:
		w.title = add(v.organ + "关于")
		add(y + "年度法治政府建设工作的报告")
	case 3:
		w.title = add(v.organ)
		add("关于" + y + "年度法治政府建设")
		add("工作情况的报告")
	case 4:
		header := v.organ + y + "年度法治政府建设情况报告"
		if v.synonyms%2 == 1 { // the page header cuts it short
			header = strings.TrimSuffix(header, "况报告") + "…"
		}
		add(header)
		add("来源：" + v.organ)
		add(fmt.Sprintf("发布时间：%d-01-25", v.year+1))
		w.title = add(v.organ + y + "年度法治政府建设情况报告")
	case 5:
		w.title = add(v.organ + "关于" + y + "年法治建设工作总结暨" + fmt.Sprint(v.year+1) + "年工作计划的报告")
	case 6:
		w.title = add(v.organ)
		add("关于" + y + "年度法治政府建设情况的报告")
	case 8:
		add([]string{"网站首页", "政务公开", "工作动态", "通知公告", "法治政府建设"}[v.synonyms])
		w.title = add(v.organ + "关于" + y + "年度法治政府建设情况的报告")
	}
	if w.title > 0 {
		add("")
		w.year, w.source = v.year, outline.YearFromTitle
	}
	if v.title == 0 {
		w.year, w.source = v.year, outline.YearFromOpening
		add(fill(openings[v.synonyms%len(openings)]))
	} else {
		add("今年以来，我单位坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下：")
	}

	num := numberings[v.numbering]
	headed := func(r outline.Role) bool {
		switch v.parts {
		case 1:
			return r != outline.Problems
		case 2:
			return r != outline.Plans
		case 3:
			return r != outline.Problems && r != outline.Plans
		case 4:
			return false
		}
		return true
	}
	dutyForm := v.duty
	if v.parts == 4 && (dutyForm == 1 || dutyForm == 2) || num.sub == nil && dutyForm == 2 {
		dutyForm = 3 // no headings to put it under
	}
	s := v.synonyms
	top := 0
	heading := func(r outline.Role, text string) {
		top++
		line := add(num.top(top, fill(text)))
		w.parts[r] = wantPart{line, outline.FormHeading}
	}
	sub := func(n int, text string) int {
		if num.sub == nil {
			return add(text)
		}
		return add(num.sub(n, text))
	}
	inline := func(r outline.Role, text string) {
		w.parts[r] = wantPart{add(fill(text)), outline.FormInline}
	}
	// yearHeading: the first top-level heading that names a year, for a
	// report whose year is read from its headings.
	yearHeading, yearHeadingPlans := 0, false
	noteYear := func(r outline.Role, text string) {
		if yearHeading == 0 && strings.Contains(text, "{") {
			yearHeading, yearHeadingPlans = w.parts[r].line, r == outline.Plans
		}
	}

	// Measures.
	if v.parts == 4 {
		w.parts[outline.Measures] = wantPart{add("一是加强组织领导。党组专题研究法治工作3次。"), outline.FormInline}
		add("二是推进依法决策。全年审查合同41份、规范性文件6件。")
	} else {
		heading(outline.Measures, measuresHeadings[s])
		noteYear(outline.Measures, measuresHeadings[s])
		// Odd synonym sets write the first item as a numbered paragraph.
		if v.synonyms%2 == 1 {
			sub(1, "按照年度工作部署，我单位健全依法决策机制，全年审查规范性文件12件，办理行政复议案件35件，纠错率8%。")
		} else {
			sub(1, "健全依法决策机制。全年审查规范性文件12件，办理行政复议案件35件。")
		}
		if dutyForm == 2 {
			line := sub(2, dutyHeadings[s])
			w.parts[outline.Duty] = wantPart{line, outline.FormHeading}
			add("主要负责人主持召开专题会议4次，带头述法。")
			sub(3, "严格规范公正文明执法。开展执法检查46次。")
		} else {
			sub(2, "严格规范公正文明执法。开展执法检查46次。")
		}
	}
	switch dutyForm {
	case 3:
		inline(outline.Duty, dutyInline[s])
	case 4:
		add(dutyCited)
	}
	// Problems as the last section of the first part (一、2023年工作情况 /
	// （三）存在的不足和原因).
	problemsSub := v.parts == 5 && num.sub != nil
	if problemsSub {
		n := 3
		if dutyForm == 2 {
			n = 4
		}
		w.parts[outline.Problems] = wantPart{sub(n, problemsHeadings[s]), outline.FormHeading}
		add("执法队伍专业力量不足，主要原因是人员编制有限。")
	}
	if dutyForm == 1 {
		heading(outline.Duty, dutyHeadings[s])
		add("主要负责人认真履行职责，主持召开专题会议4次。")
	}
	// Problems and plans.
	switch {
	case problemsSub: // given above
	case headed(outline.Problems):
		heading(outline.Problems, problemsHeadings[s])
		add("执法队伍专业力量不足，主要原因是人员编制有限。")
	default:
		inline(outline.Problems, problemsInline[s])
	}
	if headed(outline.Plans) {
		heading(outline.Plans, plansHeadings[s])
		noteYear(outline.Plans, plansHeadings[s])
		sub(1, "加强执法队伍建设，全年组织培训不少于4期。")
		sub(2, "推进“八五”普法，开展法治宣传进基层活动。")
	} else {
		inline(outline.Plans, plansInline[s])
		if v.title == 7 && yearHeading == 0 && strings.Contains(plansInline[s], "{N}") {
			yearHeading, yearHeadingPlans = w.parts[outline.Plans].line, true
		}
	}
	if v.other == 1 {
		if v.parts == 4 {
			inline(outline.Other, "其他需要报告的情况：无。")
		} else {
			heading(outline.Other, otherHeadings[s])
			add("无。")
		}
	}

	// The ending.
	add("")
	date := fmt.Sprintf("%d年1月20日", v.year+1)
	iso := fmt.Sprintf("%d-01-20", v.year+1)
	switch v.ending {
	case 0:
		w.signature = fmt.Sprintf("%d %s", add(v.organ), v.organ)
		w.date = fmt.Sprintf("%d %s arabic", add(date), iso)
	case 1:
		w.signature = fmt.Sprintf("%d %s", add(v.organ), v.organ)
		w.date = fmt.Sprintf("%d %s chinese", add(cnYearDate(v.year+1, 1, 20)), iso)
	case 2:
		w.signature = fmt.Sprintf("%d %s\n某某县财政局", add(v.organ), v.organ)
		add("某某县财政局")
		w.date = fmt.Sprintf("%d %s arabic", add(date), iso)
	case 4:
		w.signature = fmt.Sprintf("%d %s", add(v.organ), v.organ)
	case 5:
		w.date = fmt.Sprintf("%d %s arabic", add(date), iso)
	case 6:
		// A web copy without signature or date, and an appendix after it.
		w.appendix = add([]string{"附件：名词解释", "附件", "附件1：执法数据统计表", "附件一", "附件：有关概念说明"}[v.synonyms])
		add("1.行政复议：公民、法人或者其他组织认为行政行为侵犯其合法权益，依法提出申请的制度。")
		add("2.备案审查：对规范性文件进行备案并审查其合法性的制度。")
	}
	if v.title == 4 {
		w.published = fmt.Sprintf("3 %d-01-25", v.year+1)
	}

	// The year of a report with neither title nor a year in its opening.
	if v.title == 7 {
		w.year, w.source = 0, ""
		switch {
		case yearHeading > 0 && yearHeadingPlans:
			w.year, w.source = v.year, outline.YearFromPlans
		case yearHeading > 0:
			w.year, w.source = v.year, outline.YearFromHeading
		case w.date != "":
			w.year, w.source = v.year, outline.YearFromDate
		}
	}
	return generated{text: strings.Join(lines, "\n") + "\n", expect: w}
}

// variants draws the corpus: every value of each dimension comes up many
// times, in combinations a fixed seed picks.
func variants(n int) []variant {
	rng := rand.New(rand.NewPCG(14, 2024))
	out := make([]variant, n)
	for i := range out {
		out[i] = variant{
			title: i % len(titleForms), numbering: rng.IntN(len(numberingStyles)), parts: rng.IntN(len(partForms)),
			duty: rng.IntN(len(dutyForms)), other: rng.IntN(len(otherForms)), ending: rng.IntN(len(endings)),
			synonyms: rng.IntN(len(synonymSets)), year: 2019 + rng.IntN(5), organ: organs[rng.IntN(len(organs))],
		}
	}
	return out
}

// differences lists where outline o departs from w.
func differences(o *outline.Outline, w want) []string {
	var out []string
	if got := spanLine(o.Title); got != w.title {
		out = append(out, fmt.Sprintf("title on line %d, want %d", got, w.title))
	}
	if o.Year != w.year || o.YearSource != w.source {
		out = append(out, fmt.Sprintf("year %d from %q, want %d from %q", o.Year, o.YearSource, w.year, w.source))
	}
	for _, r := range outline.Roles {
		p, wp := o.Parts[r], w.parts[r]
		switch {
		case p == nil && wp.line != 0:
			out = append(out, fmt.Sprintf("%s: no part, want %s on line %d", r, wp.form, wp.line))
		case p != nil && wp.line == 0:
			out = append(out, fmt.Sprintf("%s: %s part on line %d, want none", r, p.Form, p.Line))
		case p != nil && (p.Line != wp.line || p.Form != wp.form):
			out = append(out, fmt.Sprintf("%s: %s part on line %d, want %s on line %d", r, p.Form, p.Line, wp.form, wp.line))
		}
	}
	if got := signatureString(o); got != w.signature {
		out = append(out, fmt.Sprintf("signature %q, want %q", got, w.signature))
	}
	if got := dateString(o.Date, true); got != w.date {
		out = append(out, fmt.Sprintf("date %q, want %q", got, w.date))
	}
	if got := dateString(o.Published, false); got != w.published {
		out = append(out, fmt.Sprintf("published %q, want %q", got, w.published))
	}
	if got := spanLine(o.Attachment); got != w.appendix {
		out = append(out, fmt.Sprintf("attachments from line %d, want %d", got, w.appendix))
	}
	return out
}

func TestVariants(t *testing.T) {
	cfg := config(t)
	type tally struct{ right, all int }
	perForm := map[string]map[string]*tally{}
	failed := 0
	for i, v := range variants(variantCount) {
		g := generate(v)
		d := doc.New(fmt.Sprintf("variant%03d.txt", i), doc.FormatText, "utf-8", g.text)
		o := outline.Build(d, normalize.New(d.Text), cfg)
		diffs := differences(o, g.expect)
		for dim, form := range v.forms() {
			if perForm[dim] == nil {
				perForm[dim] = map[string]*tally{}
			}
			if perForm[dim][form] == nil {
				perForm[dim][form] = &tally{}
			}
			perForm[dim][form].all++
			if len(diffs) == 0 {
				perForm[dim][form].right++
			}
		}
		if len(diffs) > 0 {
			failed++
			if failed <= 5 {
				t.Errorf("variant %d %v:\n%s\n%s", i, v.forms(), strings.Join(diffs, "\n"), g.text)
			}
		}
	}
	dims := make([]string, 0, len(perForm))
	for dim := range perForm {
		dims = append(dims, dim)
	}
	sort.Strings(dims)
	var table strings.Builder
	fmt.Fprintf(&table, "%d variants, %d outlines right\n", variantCount, variantCount-failed)
	for _, dim := range dims {
		forms := make([]string, 0, len(perForm[dim]))
		for f := range perForm[dim] {
			forms = append(forms, f)
		}
		sort.Strings(forms)
		for _, f := range forms {
			c := perForm[dim][f]
			fmt.Fprintf(&table, "%-10s %-28s %4d/%-4d %6.1f%%\n", dim, f, c.right, c.all, 100*float64(c.right)/float64(c.all))
		}
	}
	t.Log("\n" + table.String())
	if failed > 0 {
		t.Errorf("%d of %d variants misread", failed, variantCount)
	}
}

// TestVariantCorpus checks the generator itself: enough variants, each
// dimension's every value drawn, and distinct texts.
func TestVariantCorpus(t *testing.T) {
	vs := variants(variantCount)
	if len(vs) < 500 {
		t.Fatalf("%d variants, want at least 500", len(vs))
	}
	seen := map[string]bool{}
	values := map[string]map[string]bool{}
	for _, v := range vs {
		seen[generate(v).text] = true
		for dim, form := range v.forms() {
			if values[dim] == nil {
				values[dim] = map[string]bool{}
			}
			values[dim][form] = true
		}
	}
	if len(seen) < 500 {
		t.Errorf("%d distinct texts, want at least 500", len(seen))
	}
	for dim, all := range map[string][]string{"title": titleForms, "numbering": numberingStyles, "parts": partForms,
		"duty": dutyForms, "other": otherForms, "ending": endings, "synonyms": synonymSets} {
		if len(values[dim]) != len(all) {
			t.Errorf("%s: %d of %d forms drawn", dim, len(values[dim]), len(all))
		}
	}
}
