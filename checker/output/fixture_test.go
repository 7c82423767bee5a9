package output

import (
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/golden"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

const (
	goldenDir  = "../../testdata/output"
	reportsDir = "../../testdata/reports"
)

// compareGolden compares got with testdata/output/name, or rewrites it with -update.
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Compare(t, filepath.Join(goldenDir, name), got)
}

// The report the fixture is made of: CJK and full-width text, tabs, a long
// .docx-like paragraph (line 6) and an impossible date.
const reportText = "某某区人民政府关于2023年度法治政府建设情况的报告\r\n" +
	"一、主要举措和成效\r\n" +
	"（一）坚持党的领导。根据《某某规定》（厅字[2019]28号）要求，区政府召开常务会议XX次。。\r\n" +
	"\t全年办理复议案件\t１２件，纠错率９５％\r\n" +
	"二、存在的不足和原因\r\n" +
	"一些部门依法行政意识还不够强，行政执法规范化水平有待提高；部分行政执法人员对新修订的《中华人民共和国行政处罚法》学习不深入、理解不到位，执法程序不规范、文书制作不严谨等问题仍然存在，下一步将加强执法培训。\r\n" +
	"三、其他事项\r\n" +
	"某某区人民政府\r\n" +
	"2024年2月30日\r\n"

// The extracted text of a web page; htmlLocator places it in made-up markup.
const pageText = "首页 > 政务公开 > 法治政府建设\n" +
	"某某市2023年法治政府建设年度报告\n" +
	"今年以来，我市认真贯彻落实党中央决策部署，法治政府建设取得明显成效。\n" +
	"某某市人民政府\n" +
	"2024年1月10日\n" +
	"发布时间：2024-01-15"

// htmlLocator puts line n of the text on line 3n+40 of the markup, indented by
// six characters, as a reader of HTML would place paragraphs.
type htmlLocator struct{ d *doc.Document }

func (l htmlLocator) Locate(off int) (line, column int) {
	n := l.d.LineAt(off)
	start := l.d.Lines[n-1].Start
	return 3*n + 40, utf8.RuneCountInString(l.d.Text[start:off]) + 7
}

// at returns the byte span of the nth (1-based) occurrence of needle in d.Text.
// Only the fixture searches text; printers are handed offsets.
func at(t *testing.T, d *doc.Document, needle string, nth int) (int, int) {
	t.Helper()
	from := 0
	for ; nth > 0; nth-- {
		i := strings.Index(d.Text[from:], needle)
		if i < 0 {
			t.Fatalf("%q not in the fixture", needle)
		}
		from += i + len(needle)
	}
	return from - len(needle), from
}

func finding(d *doc.Document, rule string, sev rules.Severity, msg, source string, start, end int) checker.Finding {
	return checker.Finding{Rule: rule, Severity: sev, Message: msg, Source: source,
		Range: d.Range(start, end), Excerpt: d.Text[start:end]}
}

func withFix(f checker.Finding, d *doc.Document, start, end int, text string) checker.Finding {
	f.Fix = &checker.Fix{Range: d.Range(start, end), Text: text}
	return f
}

const (
	srcDuchan = "《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）关于年度报告内容的规定"
	srcGBT    = "《党政机关公文格式》（GB/T 9704—2012）"
	srcPunct  = "《标点符号用法》（GB/T 15834—2011）"
)

// fixtureDocs returns the report and the web page.
func fixtureDocs() (report, page *doc.Document) {
	report = doc.New("reports/2023年度报告.txt", doc.FormatText, "gb18030", reportText)
	page = doc.New("reports/公开/2023.html", doc.FormatHTML, "utf-8", pageText)
	page.Locator = htmlLocator{page}
	return report, page
}

// fixture returns the results of a run over four inputs: the report, a file
// that could not be read, the web page and a clean file.
func fixture(t *testing.T) []checker.FileResult {
	d, page := fixtureDocs()
	span := func(needle string, nth int) (int, int) { return at(t, d, needle, nth) }

	var fs []checker.Finding
	s, e := span("[2019]", 1)
	fs = append(fs, withFix(finding(d, "gongwen/wenhao-brackets", rules.Warning, "文号年份应使用六角括号〔〕", srcGBT, s, e), d, s, e, "〔2019〕"))
	s, e = span("XX", 1)
	fs = append(fs, finding(d, "hygiene/placeholder", rules.Error, "正文中有未填写的占位符“XX”", "", s, e))
	s, e = span("。。", 1)
	f := finding(d, "typography/duplicate-punct", rules.Warning, "句号重复", srcPunct, s, e)
	fs = append(fs, withFix(f, d, s+len("。"), e, ""))
	s, e = span("９５％", 1)
	fs = append(fs, withFix(finding(d, "typography/fullwidth-digit", rules.Info, "数字和百分号应使用半角", srcGBT, s, e), d, s, e, "95%"))
	_, e = span("纠错率９５％", 1)
	fs = append(fs, withFix(finding(d, "typography/missing-period", rules.Info, "段末缺少句号", srcPunct, e, e), d, e, e, "。"))
	s, _ = span("二、", 1)
	_, e = span("加强执法培训。", 1)
	fs = append(fs, finding(d, "fzzf/order", rules.Warning, "“存在的不足和原因”应在“主要举措和成效”之后、“下一年度主要安排”之前", srcDuchan, s, e))
	s, e = span("文书制作不严谨", 1)
	fs = append(fs, finding(d, "terms/wenshu", rules.Info, "宜写作“法律文书制作不规范”", "", s, e))
	s, _ = span("一些部门", 1)
	_, e = span("加强执法培训。", 1)
	fs = append(fs, finding(d, "fzzf/problems-causes", rules.Info, "“存在的不足”应同时分析原因", srcDuchan, s, e))
	s, _ = span("三、", 1)
	fs = append(fs, finding(d, "fzzf/section-duty", rules.Error, "缺少“党政主要负责人履行第一责任人职责情况”部分", srcDuchan, s, s))
	s, e = span("2024年2月30日", 1)
	fs = append(fs, finding(d, "gongwen/date-valid", rules.Error, "成文日期“2024年2月30日”不是有效日期", srcGBT, s, e))

	ps, pe := at(t, page, "首页 > 政务公开 > 法治政府建设", 1)
	return []checker.FileResult{
		{Path: d.Path, Format: string(d.Format), Encoding: d.Encoding, Findings: fs, Doc: d},
		{Path: "reports/旧稿.doc", Format: "", Encoding: "",
			Error: &checker.FileError{Code: doc.ErrUnsupported, Message: "不支持 .doc 格式，请在 Word 或 WPS 中另存为 .docx"}},
		{Path: page.Path, Format: string(page.Format), Encoding: page.Encoding, Doc: page, Findings: []checker.Finding{
			finding(page, "hygiene/web-debris", rules.Error, "正文前有网页导航“首页 > 政务公开 > 法治政府建设”", "", ps, pe)}},
		{Path: "reports/clean.md", Format: string(doc.FormatMarkdown), Encoding: "utf-8",
			Doc: doc.New("reports/clean.md", doc.FormatMarkdown, "utf-8", "# 报告\n")},
	}
}

// fixtureRules are the active rules of the fixture's run, for SARIF.
func fixtureRules(results []checker.FileResult) []rules.Rule {
	var rs []rules.Rule
	seen := map[string]bool{}
	for _, r := range results {
		for _, f := range r.Findings {
			if seen[f.Rule] {
				continue
			}
			seen[f.Rule] = true
			pack, name, _ := strings.Cut(f.Rule, "/")
			rs = append(rs, rules.Rule{ID: f.Rule, Pack: pack, Name: name, Kind: "pattern", Severity: f.Severity,
				Message: f.Message, Source: f.Source, Description: "用于测试的规则：" + f.Message, Fixable: f.Fix != nil})
		}
	}
	// An active rule that found nothing is still listed.
	return append(rs, rules.Rule{ID: "fzzf/section-plans", Pack: "fzzf", Name: "section-plans", Kind: "section",
		Severity: rules.Error, Message: "缺少“下一年度主要安排”部分", Source: srcDuchan})
}

// fixtureOutlines returns what the outline stage would make of the report d
// and the page p of fixtureDocs.
func fixtureOutlines(d, p *doc.Document) (report, page *outline.Outline) {
	sp := func(d *doc.Document, line int, text string) outline.Span {
		l := d.Lines[line-1]
		i := strings.Index(d.Text[l.Start:l.End], text)
		return outline.Span{Line: line, Start: l.Start + i, End: l.Start + i + len(text), Text: text}
	}
	heading := func(line int, marker, text string, level, parent int, role outline.Role) outline.Heading {
		return outline.Heading{Span: sp(d, line, text), Level: level, Marker: marker, Number: 1, Role: role, Parent: parent,
			MarkerAt: d.Lines[line-1].Start}
	}
	title, sig := sp(d, 1, "某某区人民政府关于2023年度法治政府建设情况的报告"), sp(d, 8, "某某区人民政府")
	report = &outline.Outline{
		Title: &title, Year: 2023, YearCue: &title, YearSource: outline.YearFromTitle,
		Headings: []outline.Heading{
			heading(2, "一、", "主要举措和成效", 1, -1, outline.Measures),
			heading(3, "（一）", "坚持党的领导。", 2, 0, ""),
			heading(5, "二、", "存在的不足和原因", 1, -1, outline.Problems),
			heading(7, "三、", "其他事项", 1, -1, outline.Other),
		},
		Parts: map[outline.Role]*outline.Part{
			outline.Measures: {Role: outline.Measures, Form: outline.FormHeading, Line: 2, Heading: 0, Start: d.Lines[1].Start},
			outline.Problems: {Role: outline.Problems, Form: outline.FormHeading, Line: 5, Heading: 2, Start: d.Lines[4].Start},
			outline.Plans: {Role: outline.Plans, Form: outline.FormInline, Line: 6, Heading: -1,
				Cue: sp(d, 6, "下一步将加强执法培训。"), Start: sp(d, 6, "下一步将加强执法培训。").Start},
			outline.Other: {Role: outline.Other, Form: outline.FormHeading, Line: 7, Heading: 3, Start: d.Lines[6].Start},
		},
		Signature: &sig,
		Date:      &outline.Date{Span: sp(d, 9, "2024年2月30日"), Year: 2024, Month: 2, Day: 30, Form: "arabic"},
	}

	ptitle, psig := sp(p, 2, "某某市2023年法治政府建设年度报告"), sp(p, 4, "某某市人民政府")
	page = &outline.Outline{
		Title: &ptitle, Year: 2023, YearCue: &ptitle, YearSource: outline.YearFromTitle,
		Parts: map[outline.Role]*outline.Part{
			outline.Measures: {Role: outline.Measures, Form: outline.FormInline, Line: 3, Heading: -1,
				Cue: sp(p, 3, "法治政府建设取得明显成效。"), Start: sp(p, 3, "法治政府建设取得明显成效。").Start},
		},
		Signature: &psig,
		Date:      &outline.Date{Span: sp(p, 5, "2024年1月10日"), Year: 2024, Month: 1, Day: 10, Valid: true, Form: "arabic"},
		Published: &outline.Date{Span: sp(p, 6, "2024-01-15"), Year: 2024, Month: 1, Day: 15, Valid: true, Form: "dash"},
	}
	return report, page
}

// The results of checking the seeds (seedDir/*.txt) and the project's
// reports (reportsDir) with the embedded packs, each checked once for the
// whole package. Tests and benchmarks only read them: a test that changes
// a result, or the slice of them, changes a copy.
var checked struct {
	once            sync.Once
	seeds, reports  []checker.FileResult // seeds is nil where seedDir is absent
	seedErr, repErr error
}

// checkedSeeds returns the seeds' results, nil where seedDir is absent.
func checkedSeeds(tb testing.TB) []checker.FileResult {
	tb.Helper()
	checkOnce()
	if checked.seedErr != nil {
		tb.Fatal(checked.seedErr)
	}
	return checked.seeds
}

// checkedReports returns the results of testdata/reports.
func checkedReports(tb testing.TB) []checker.FileResult {
	tb.Helper()
	checkOnce()
	if checked.repErr != nil {
		tb.Fatal(checked.repErr)
	}
	return checked.reports
}

func checkOnce() {
	checked.once.Do(func() {
		run := func(paths []string) (results []checker.FileResult, err error) {
			if len(paths) == 0 {
				return nil, nil
			}
			err = lint.New(lint.Options{NoConfig: true}).Run(paths, func(r checker.FileResult) { results = append(results, r) })
			return results, err
		}
		seeds, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
		checked.seeds, checked.seedErr = run(seeds)
		checked.reports, checked.repErr = run([]string{reportsDir})
	})
}

// seedsAndReports returns, in a new slice, the seeds' results followed by
// testdata/reports'; where seedDir is absent, the reports' only, with a
// message.
func seedsAndReports(tb testing.TB) []checker.FileResult {
	tb.Helper()
	seeds := checkedSeeds(tb)
	if seeds == nil {
		tb.Logf("%s is absent: the project's own reports only", seedDir)
	}
	return slices.Concat(seeds, checkedReports(tb))
}

// seedsOrReports returns the seeds' results, or where seedDir is absent
// testdata/reports', for the benchmarks.
func seedsOrReports(tb testing.TB) []checker.FileResult {
	tb.Helper()
	if seeds := checkedSeeds(tb); seeds != nil {
		return seeds
	}
	return checkedReports(tb)
}

// printBoth prints results with a printer and with the reference printer
// it is compared with, and returns what each wrote.
func printBoth(t testing.TB, results []checker.FileResult, printer, reference func(io.Writer) Printer) (got, want string) {
	t.Helper()
	var g, w bytes.Buffer
	if err := PrintAll(printer(&g), results); err != nil {
		t.Fatal(err)
	}
	if err := PrintAll(reference(&w), results); err != nil {
		t.Fatal(err)
	}
	return g.String(), w.String()
}
