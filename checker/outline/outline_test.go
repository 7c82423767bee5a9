package outline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/golden"
	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

const (
	seedDir    = "../../../shared/seeds"
	fixtureDir = "../../testdata/outline"
	goldenDir  = "../../testdata/outline/golden"
)

// config is the outline vocabulary of the default packs, as fzlint loads them.
func config(t testing.TB) *outline.Config {
	t.Helper()
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	return &set.Outline
}

func read(t testing.TB, path string) *doc.Document {
	t.Helper()
	d, err := doc.Read(path, doc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func build(t testing.TB, cfg *outline.Config, path string) (*doc.Document, *outline.Outline) {
	t.Helper()
	d := read(t, path)
	return d, outline.Build(d, normalize.New(d.Text), cfg)
}

// seeds lists the seed reports, skipping the test when they are absent.
func seeds(t testing.TB) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(paths) == 0 {
		t.Skipf("no seed reports in %s", seedDir)
	}
	return paths
}

func fixtures(t testing.TB) []string {
	t.Helper()
	var paths []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, _ := filepath.Glob(filepath.Join(fixtureDir, pat))
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		t.Fatalf("no fixtures in %s", fixtureDir)
	}
	return paths
}

// want is what a test expects of an outline. Lines are 1-based; 0 means absent.
type want struct {
	title     int
	year      int
	parts     map[outline.Role]wantPart // roles not listed must be absent
	signature string                    // "line text"
	date      string                    // "line YYYY-MM-DD form"
	published string                    // "line YYYY-MM-DD"
	headings  []wantHeading             // when set, the exact list of headings
	source    outline.YearSource        // when set, where the year was read from
	appendix  int                       // when set, the line the attachments start on
}

type wantPart struct {
	line int
	form outline.Form
}

type wantHeading struct {
	line, level int
	marker      string
	style       string
	number      int
	runIn       bool
	role        outline.Role
	text        string // a prefix of the heading text
}

func heading(line int) wantPart { return wantPart{line, outline.FormHeading} }
func inline(line int) wantPart  { return wantPart{line, outline.FormInline} }

func check(t *testing.T, d *doc.Document, o *outline.Outline, w want) {
	t.Helper()
	if got := spanLine(o.Title); got != w.title {
		t.Errorf("title on line %d, want %d", got, w.title)
	}
	if o.Year != w.year {
		t.Errorf("year %d, want %d", o.Year, w.year)
	}
	for _, r := range outline.Roles {
		p, wp := o.Parts[r], w.parts[r]
		switch {
		case p == nil && wp.line != 0:
			t.Errorf("%s: no part, want %s on line %d", r, wp.form, wp.line)
		case p != nil && wp.line == 0:
			t.Errorf("%s: %s part on line %d, want none", r, p.Form, p.Line)
		case p != nil && (p.Line != wp.line || p.Form != wp.form):
			t.Errorf("%s: %s part on line %d, want %s on line %d", r, p.Form, p.Line, wp.form, wp.line)
		}
	}
	if got := signatureString(o); got != w.signature {
		t.Errorf("signature %q, want %q", got, w.signature)
	}
	if got := dateString(o.Date, true); got != w.date {
		t.Errorf("date %q, want %q", got, w.date)
	}
	if got := dateString(o.Published, false); got != w.published {
		t.Errorf("published %q, want %q", got, w.published)
	}
	if w.headings != nil {
		checkHeadings(t, o, w.headings)
	}
	if w.source != "" && o.YearSource != w.source {
		t.Errorf("year from %q, want %q", o.YearSource, w.source)
	}
	if got := spanLine(o.Attachment); w.appendix != 0 && got != w.appendix {
		t.Errorf("attachments from line %d, want %d", got, w.appendix)
	}
}

func checkHeadings(t *testing.T, o *outline.Outline, ws []wantHeading) {
	t.Helper()
	if len(o.Headings) != len(ws) {
		t.Errorf("%d headings, want %d", len(o.Headings), len(ws))
	}
	for i := 0; i < min(len(o.Headings), len(ws)); i++ {
		h, w := o.Headings[i], ws[i]
		if h.Line != w.line || h.Level != w.level || h.Marker != w.marker || h.Style != w.style ||
			h.Number != w.number || h.RunIn != w.runIn || h.Role != w.role || !strings.HasPrefix(h.Text, w.text) {
			t.Errorf("heading %d = line %d L%d %q %q #%d runIn=%v role=%q %q,\n        want line %d L%d %q %q #%d runIn=%v role=%q %q…",
				i, h.Line, h.Level, h.Marker, h.Style, h.Number, h.RunIn, h.Role, h.Text,
				w.line, w.level, w.marker, w.style, w.number, w.runIn, w.role, w.text)
		}
	}
}

func spanLine(s *outline.Span) int {
	if s == nil {
		return 0
	}
	return s.Line
}

func signatureString(o *outline.Outline) string {
	if o.Signature == nil {
		return ""
	}
	return fmt.Sprintf("%d %s", o.Signature.Line, o.Signature.Text)
}

func dateString(dt *outline.Date, form bool) string {
	if dt == nil {
		return ""
	}
	s := fmt.Sprintf("%d %04d-%02d-%02d", dt.Line, dt.Year, dt.Month, dt.Day)
	if form {
		s += " " + dt.Form
	}
	return s
}

func TestSeeds(t *testing.T) {
	cfg := config(t)
	wants := map[string]want{
		"000": {title: 1, year: 2021,
			parts: map[outline.Role]wantPart{outline.Measures: heading(5), outline.Problems: inline(27),
				outline.Plans: inline(29), outline.Duty: inline(7)},
			signature: "31 广州市人民政府研究室", date: "31 2021-12-30 arabic"},
		"001": {year: 2020,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(12),
				outline.Plans: heading(16)},
			signature: "21 茂名市人民政府辦公室", date: "22 2020-12-15 arabic"},
		"002": {year: 2022,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Problems: heading(12),
				outline.Plans: heading(15), outline.Duty: inline(4)}},
		"003": {title: 5, year: 2021,
			parts: map[outline.Role]wantPart{outline.Measures: heading(12), outline.Problems: heading(64),
				outline.Plans: heading(68), outline.Duty: inline(20)},
			published: "7 2021-12-13"},
		"004": {title: 4, year: 2020,
			parts: map[outline.Role]wantPart{outline.Measures: heading(8), outline.Problems: heading(19),
				outline.Plans: heading(21)}},
	}
	for _, path := range seeds(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			d, o := build(t, cfg, path)
			w, ok := wants[name[:3]]
			if !ok {
				t.Fatalf("no expectations for seed %s", name)
			}
			check(t, d, o, w)
			compareGolden(t, name, dump(d, o))
		})
	}
}

// TestSeedDetails pins facts of the seeds that the summary does not cover.
func TestSeedDetails(t *testing.T) {
	paths := seeds(t)
	cfg := config(t)
	get := func(prefix string) (*doc.Document, *outline.Outline) {
		for _, p := range paths {
			if strings.HasPrefix(filepath.Base(p), prefix) {
				return build(t, cfg, p)
			}
		}
		t.Fatalf("seed %s missing", prefix)
		return nil, nil
	}
	t.Run("000 thematic headings are measures", func(t *testing.T) {
		_, o := get("000")
		for _, h := range o.Headings {
			if h.Role != outline.Measures {
				t.Errorf("heading on line %d has role %q, want measures", h.Line, h.Role)
			}
		}
		if p := o.Parts[outline.Measures]; p.End != o.Parts[outline.Problems].Start {
			t.Errorf("measures part ends at %d, want the problems cue at %d", p.End, o.Parts[outline.Problems].Start)
		}
	})
	t.Run("001 run-in and standalone headings", func(t *testing.T) {
		_, o := get("001")
		byLine := headingsByLine(o)
		if h := byLine[4]; !h.RunIn || !strings.HasSuffix(h.Text, "。") || h.Level != 2 {
			t.Errorf("line 4: %+v, want a run-in level-2 heading ending with 。", h)
		}
		if h := byLine[7]; h.RunIn || !strings.HasSuffix(h.Text, "。") {
			t.Errorf("line 7: %+v, want a standalone heading ending with 。", h)
		}
		if _, ok := byLine[1]; ok || o.Title != nil {
			t.Errorf("line 1 (junk) taken for a heading or title")
		}
		if len(o.Debris) != 8 || o.Debris[0].Line != 23 || o.Debris[7].Line != 30 {
			t.Errorf("debris %v, want lines 23-30", debrisLines(o))
		}
	})
	t.Run("003 debris, NBSP markers, duty item", func(t *testing.T) {
		d, o := get("003")
		if got := debrisLines(o); fmt.Sprint(got) != "[1 3 7 8 88 90 91 92 93 94 95 96 97 98 99 100 101]" {
			t.Errorf("debris lines %v", got)
		}
		if d.LineAt(o.BodyStart) != 10 || d.LineAt(o.BodyEnd) != 84 {
			t.Errorf("body lines %d-%d, want 10-84", d.LineAt(o.BodyStart), d.LineAt(o.BodyEnd))
		}
		h := headingsByLine(o)[16]
		if h.Marker != "1." || h.Level != 3 || !strings.HasPrefix(h.Text, "把学习") {
			t.Errorf("line 16: %+v, want 1. with the text after the NBSP", h)
		}
		if h := headingsByLine(o)[20]; h.Role != "" {
			t.Errorf("line 20 (a level-3 duty item) opens a part: %q", h.Role)
		}
	})
	t.Run("004 ads and watermark", func(t *testing.T) {
		d, o := get("004")
		if got := debrisLines(o); fmt.Sprint(got) != "[1 2 3 6 28 29 30 31 32 33 34 35]" {
			t.Errorf("debris lines %v", got)
		}
		if d.LineAt(o.BodyStart) != 7 || d.LineAt(o.BodyEnd) != 26 {
			t.Errorf("body lines %d-%d, want 7-26", d.LineAt(o.BodyStart), d.LineAt(o.BodyEnd))
		}
		if h := headingsByLine(o)[8]; h.RunIn || !strings.HasSuffix(h.Text, "。") || h.Role != outline.Measures {
			t.Errorf("line 8: %+v, want a standalone measures heading ending with 。", h)
		}
	})
	t.Run("002 year from the preamble", func(t *testing.T) {
		_, o := get("002")
		if o.YearCue == nil || o.YearCue.Line != 1 || o.YearCue.Text != "2022年度" {
			t.Errorf("year cue %+v, want 2022年度 on line 1", o.YearCue)
		}
	})
}

func TestFixtures(t *testing.T) {
	cfg := config(t)
	closing := func(date string) want {
		return want{title: 1, year: 2021,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(5),
				outline.Plans: heading(7)},
			signature: "9 某某市生态环境局", date: date}
	}
	chinese := closing("11 2022-01-20 chinese")
	chinese.signature = "10 某某市生态环境局"
	short := closing("9 2022-01-20 short")
	before := closing("9 2022-01-20 arabic")
	before.signature = "10 某某市生态环境局"
	wants := map[string]want{
		"wrapper.txt": {title: 3, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(6), outline.Problems: heading(11),
				outline.Duty: heading(13), outline.Plans: heading(15), outline.Other: heading(18)},
			signature: "21 某某县司法局", date: "22 2024-01-20 arabic",
			headings: []wantHeading{
				{6, 1, "一、", "一、", 1, false, outline.Measures, "2023年度法治政府建设主要举措和成效"},
				{7, 2, "（一）", "(一)", 1, true, "", "加强组织领导。"},
				{8, 2, "（二）", "(一)", 2, false, "", "规范行政执法"},
				{9, 3, "1.", "1.", 1, false, "", "全面落实"},
				{10, 3, "2、", "1、", 2, false, "", "开展执法案卷评查"},
				{11, 1, "二、", "一、", 2, false, outline.Problems, "存在的主要问题及原因"},
				{13, 1, "三、", "一、", 3, false, outline.Duty, "党政主要负责人"},
				{15, 1, "四、", "一、", 4, false, outline.Plans, "2024年工作安排"},
				{16, 2, "（一）", "(一)", 1, false, "", "持续加强执法监督。"},
				{17, 2, "（二）", "(一)", 2, false, "", "深化普法宣传。"},
				{18, 1, "五、", "一、", 5, false, outline.Other, "其他需要报告的情况"},
			}},
		"inline.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(4), outline.Duty: inline(5),
				outline.Problems: inline(10), outline.Plans: inline(11)},
			signature: "13 市交通运输局", date: "13 2024-02-05 arabic"},
		"title_two_lines.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(5), outline.Problems: heading(7),
				outline.Plans: heading(9)},
			signature: "13 青山县人民政府", date: "14 2024-02-10 arabic"},
		"part_divisions.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(5),
				outline.Plans: heading(7)},
			signature: "11 白河市司法局", date: "12 2024-02-01 arabic"},
		"synonyms.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(5),
				outline.Plans: heading(7)},
			signature: "10 中共青山县委  青山县人民政府", date: "11 2024-01-30 chinese"},
		"joint.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(5),
				outline.Duty: heading(7), outline.Plans: heading(9), outline.Other: heading(11)},
			signature: "14 中共青山县委\n青山县人民政府", date: "16 2024-01-15 arabic"},
		"joint_nodate.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Problems: heading(4),
				outline.Plans: heading(6)},
			signature: "8 青山县司法局\n青山县人民政府办公室"},
		"yuan_date.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(4), outline.Problems: heading(7),
				outline.Duty: heading(9), outline.Plans: heading(11), outline.Other: heading(14)},
			signature: "17 XX市应急管理局", date: "18 2024-01-15 yuan"},
		"chinese_year.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(8),
				outline.Plans: heading(10)},
			signature: "13 某某县人民政府", date: "14 2024-01-20 chinese"},
		"title_organ_line.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(6), outline.Problems: heading(9),
				outline.Duty: heading(11), outline.Plans: heading(13), outline.Other: heading(15)},
			signature: "18 某某县市场监督管理局（盖章）", date: "19 2024-01-10 arabic"},
		"inline_zai.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Problems: inline(4),
				outline.Plans: inline(5)},
			signature: "6 某某县司法局", date: "7 2024-01-12 arabic"},
		"plans_next_stage.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Problems: heading(4),
				outline.Plans: heading(6)},
			signature: "8 某某县司法局", date: "9 2024-01-12 arabic"},
		"problems_and_plans.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Duty: heading(4),
				outline.Problems: heading(5), outline.Plans: heading(5)},
			signature: "7 某某县司法局", date: "8 2024-01-12 arabic"},
		"banji.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(5), outline.Problems: heading(7),
				outline.Duty: heading(9), outline.Plans: heading(11), outline.Other: heading(13)},
			signature: "17 某某县人民政府", date: "18 2024-01-15 arabic"},
		"web_footer.txt": {title: 3, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(6), outline.Problems: heading(8),
				outline.Plans: heading(10)},
			signature: "12 某某县司法局", date: "13 2024-01-12 arabic", published: "4 2024-01-16"},
		"strong_headings.md": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(7),
				outline.Plans: heading(11)},
			signature: "17 某某县司法局", date: "19 2024-01-12 arabic"},
		"lead_plans.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Problems: heading(4),
				outline.Plans: inline(6)},
			signature: "7 某某县司法局", date: "8 2024-01-12 arabic"},
		"lead_colon.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Problems: inline(4),
				outline.Plans: inline(5), outline.Other: inline(6)},
			signature: "7 某某县司法局", date: "8 2024-01-12 arabic"},
		"attachment.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Problems: heading(4),
				outline.Plans: heading(6)},
			signature: "11 某某县司法局", date: "12 2024-01-12 arabic"},
		"bare_headings.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(6),
				outline.Plans: heading(9)},
			signature: "12 某某县司法局", date: "13 2024-01-12 arabic"},
		"date_partial.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(5),
				outline.Plans: heading(7)},
			signature: "10 青山县司法局", date: "11 2024-01-00 partial"},
		"inline_new_year.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: inline(4),
				outline.Plans: inline(5)},
			signature: "7 青山县司法局", date: "8 2024-01-05 arabic"},
		"notitle.txt": {year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(2), outline.Problems: inline(6),
				outline.Plans: inline(7)},
			signature: "8 某某市市场监督管理局"},
		"nextyear.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(4), outline.Problems: heading(7),
				outline.Plans: heading(9)},
			signature: "13 某某镇人民政府", date: "14 2023-12-28 arabic"},
		"numbering.txt": {title: 1, year: 2022,
			parts: map[outline.Role]wantPart{outline.Measures: heading(3), outline.Problems: heading(20),
				outline.Plans: heading(21), outline.Other: heading(22)},
			headings: []wantHeading{
				{3, 1, "一、", "一、", 1, false, outline.Measures, "主要工作和成效"},
				{4, 2, "（一）、", "(一)、", 1, true, "", "完善制度体系。"},
				{5, 3, "1．", "1.", 1, false, "", "健全决策机制"},
				{6, 4, "(1)", "(1)", 1, true, "", "严格合法性审查。"},
				{7, 4, "（2）", "(1)", 2, false, "", "推进公众参与"},
				{8, 4, "1)", "1)", 1, false, "", "公开征求意见"},
				{9, 4, "⑴", "⑴", 1, false, "", "召开听证会2次"},
				{10, 5, "①", "①", 1, false, "", "邀请专家论证"},
				{11, 5, "⑳", "①", 20, false, "", "第二十项"},
				{12, 3, "2、", "1、", 2, false, "", "加强执法监督"},
				{13, 3, "3.", "1.", 3, true, "", "开展案卷评查。"},
				{14, 3, "4.", "1.", 4, false, "", "推行说理式执法"},
				{15, 2, "(二)", "(一)", 2, false, "", "提升服务效能"},
				{20, 1, "二.", "一.", 2, false, outline.Problems, "存在的不足"},
				{21, 1, "三，", "一,", 3, false, outline.Plans, "下步工作打算"},
				{22, 1, "四:", "一:", 4, false, outline.Other, "其他事项"},
				{23, 1, "十一、", "一、", 11, false, "", "第十一项"},
				{24, 1, "二十三、", "一、", 23, false, "", "第二十三项"},
			}},
		"report.md": {title: 4, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(8), outline.Problems: heading(20),
				outline.Plans: heading(24), outline.Duty: inline(12)},
			signature: "28 某某区人民政府", date: "30 2024-01-10 arabic",
			headings: []wantHeading{
				{8, 2, "", "", 0, false, outline.Measures, "主要举措和成效"},
				{10, 3, "", "", 0, false, "", "加强党的领导"},
				{14, 3, "", "", 0, false, "", "推进依法决策"},
				{20, 2, "", "", 0, false, outline.Problems, "存在的不足和原因"},
				{24, 2, "", "", 0, false, outline.Plans, "下一步工作安排"},
			}},
		"date_chinese.txt":          chinese,
		"date_dash.txt":             closing("10 2022-01-20 dash"),
		"date_dot.txt":              closing("10 2022-01-20 dot"),
		"date_slash.txt":            closing("10 2022-01-20 slash"),
		"date_invalid.txt":          closing("10 2022-02-30 arabic"),
		"date_short.txt":            short,
		"date_before_signature.txt": before,
		"date_under_title.txt": {title: 1, year: 2023,
			parts: map[outline.Role]wantPart{outline.Measures: heading(5), outline.Problems: heading(7),
				outline.Plans: heading(9)},
			date: "2 2024-01-10 arabic"},
	}
	for name, w := range formWants {
		wants[name] = w
	}
	for _, path := range fixtures(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			d, o := build(t, cfg, path)
			w, ok := wants[name]
			if !ok {
				t.Fatalf("no expectations for fixture %s", name)
			}
			check(t, d, o, w)
			compareGolden(t, strings.ReplaceAll(name, ".", "_")+".txt", dump(d, o))
		})
	}
}

// TestFixtureDetails pins what the exact-line table does not show.
func TestFixtureDetails(t *testing.T) {
	cfg := config(t)
	t.Run("debris around the title and after the signature", func(t *testing.T) {
		d, o := build(t, cfg, filepath.Join(fixtureDir, "wrapper.txt"))
		if got := fmt.Sprint(debrisLines(o)); got != "[1 24 25 26 27]" {
			t.Errorf("debris lines %s, want [1 24 25 26 27]", got)
		}
		if d.LineAt(o.BodyStart) != 5 || d.LineAt(o.BodyEnd) != 22 {
			t.Errorf("body lines %d-%d, want 5-22", d.LineAt(o.BodyStart), d.LineAt(o.BodyEnd))
		}
		if o.Parts[outline.Other].End != o.Signature.Start {
			t.Errorf("other part ends at %d, want the signature at %d", o.Parts[outline.Other].End, o.Signature.Start)
		}
	})
	t.Run("a date under the title closes no part", func(t *testing.T) {
		d, o := build(t, cfg, filepath.Join(fixtureDir, "date_under_title.txt"))
		if d.LineAt(o.BodyStart) != 4 || o.Parts[outline.Plans].End != o.BodyEnd || o.Parts[outline.Measures].End != o.Parts[outline.Problems].Start {
			t.Errorf("body starts on line %d; plans %d-%d, body ends at %d", d.LineAt(o.BodyStart),
				o.Parts[outline.Plans].Start, o.Parts[outline.Plans].End, o.BodyEnd)
		}
	})
	t.Run("menu items next to debris", func(t *testing.T) {
		_, o := build(t, cfg, filepath.Join(fixtureDir, "date_chinese.txt"))
		if got := fmt.Sprint(debrisLines(o)); got != "[13 14 15]" {
			t.Errorf("debris lines %s, want [13 14 15]", got)
		}
	})
	t.Run("dates", func(t *testing.T) {
		_, o := build(t, cfg, filepath.Join(fixtureDir, "date_invalid.txt"))
		if o.Date.Valid {
			t.Errorf("2022年2月30日 is valid")
		}
		_, o = build(t, cfg, filepath.Join(fixtureDir, "inline.txt"))
		if !o.Date.Padded || !o.Date.Valid || o.Date.Text != "2024年02月05日" {
			t.Errorf("inline.txt date %+v, want a padded valid 2024年02月05日", o.Date)
		}
	})
	t.Run("inline cues are sentences", func(t *testing.T) {
		_, o := build(t, cfg, filepath.Join(fixtureDir, "inline.txt"))
		if c := o.Parts[outline.Plans].Cue.Text; !strings.HasPrefix(c, "2024年，我局将") || !strings.HasSuffix(c, "；") {
			t.Errorf("plans cue %q, want the clause up to the first ；", c)
		}
		if c := o.Parts[outline.Problems].Cue.Text; !strings.HasSuffix(c, "等问题。") {
			t.Errorf("problems cue %q, want the whole sentence", c)
		}
		duty := o.Parts[outline.Duty]
		if m := o.Parts[outline.Measures]; m.End != o.Parts[outline.Problems].Start || duty.End > m.End {
			t.Errorf("the duty part must stay folded into measures: measures %d-%d, duty %d-%d", m.Start, m.End, duty.Start, duty.End)
		}
	})
	t.Run("markdown code block is not a heading", func(t *testing.T) {
		_, o := build(t, cfg, filepath.Join(fixtureDir, "report.md"))
		if _, ok := headingsByLine(o)[17]; ok {
			t.Errorf("line 17 (in a code block) taken for a heading")
		}
		if o.Title.Text != "某某区人民政府关于2023年度法治政府建设情况的报告" {
			t.Errorf("title %q, want it without the # mark", o.Title.Text)
		}
	})
	t.Run("not headings", func(t *testing.T) {
		_, o := build(t, cfg, filepath.Join(fixtureDir, "numbering.txt"))
		for _, n := range []int{16, 17, 18, 19} {
			if h, ok := headingsByLine(o)[n]; ok {
				t.Errorf("line %d taken for a heading: %+v", n, h)
			}
		}
	})
	t.Run("nil config", func(t *testing.T) {
		d := read(t, filepath.Join(fixtureDir, "wrapper.txt"))
		o := outline.Build(d, normalize.New(d.Text), nil)
		// Only what needs no vocabulary: thematic headings are measures, a
		// heading naming the next year is plans.
		if o.Title == nil || len(o.Headings) != 11 || o.Parts[outline.Problems] != nil || o.Parts[outline.Duty] != nil ||
			o.Parts[outline.Measures] == nil || o.Parts[outline.Plans] == nil || o.Parts[outline.Plans].Line != 15 {
			t.Errorf("without vocabulary: parts %v, title %v, %d headings", o.Parts, o.Title, len(o.Headings))
		}
	})
}

// TestSpans checks every span of every outline against the document.
func TestSpans(t *testing.T) {
	cfg := config(t)
	paths := fixtures(t)
	if m, _ := filepath.Glob(filepath.Join(seedDir, "*.txt")); len(m) > 0 {
		paths = append(paths, m...)
	}
	for _, path := range paths {
		d, o := build(t, cfg, path)
		checkSpans(t, path, d, o)
	}
}

// TestBuildReusingScratch builds the fixtures and the seeds in turn with one
// Config, whose working memory each Build hands to the next, largest after
// smallest and smallest after largest, and compares each outline with one
// built on fresh memory.
func TestBuildReusingScratch(t *testing.T) {
	cfg := config(t)
	paths := fixtures(t)
	if m, _ := filepath.Glob(filepath.Join(seedDir, "*.txt")); len(m) > 0 {
		paths = append(paths, m...)
	}
	docs := make([]*doc.Document, len(paths))
	for k, path := range paths {
		docs[k] = read(t, path)
	}
	slices.SortFunc(docs, func(a, b *doc.Document) int { return len(a.Text) - len(b.Text) })
	largestFirst := slices.Clone(docs)
	slices.Reverse(largestFirst)
	for _, d := range append(docs, largestFirst...) {
		fresh := &outline.Config{Roles: cfg.Roles, Debris: cfg.Debris}
		want := outline.Build(d, normalize.New(d.Text), fresh)
		if got := outline.Build(d, normalize.New(d.Text), cfg); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the outline built on an earlier Build's memory differs:\n%s\nwant\n%s", d.Path, dump(d, got), dump(d, want))
		}
	}
}

// FuzzBuild checks that any text gets an outline whose spans hold.
func FuzzBuild(f *testing.F) {
	cfg := config(f)
	for _, path := range fixtures(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("")
	f.Add("\n\n")
	f.Add("一、\n(一)\n1.\n2021年12月30日")
	f.Add("**一、举措**\n__关于2023年度的报告__\n# **二、不足**\n****\n")
	f.Fuzz(func(t *testing.T, s string) {
		// As text, and as Markdown, where lines in strong emphasis lose their markers.
		for _, format := range []doc.Format{doc.FormatText, doc.FormatMarkdown} {
			d := doc.New("fuzz", format, "utf-8", s)
			checkSpans(t, "fuzz", d, outline.Build(d, normalize.New(d.Text), cfg))
		}
	})
}

func checkSpans(t *testing.T, name string, d *doc.Document, o *outline.Outline) {
	t.Helper()
	spans := map[string]*outline.Span{"title": o.Title, "year": o.YearCue, "signature": o.Signature}
	if o.Date != nil {
		spans["date"] = &o.Date.Span
	}
	if o.Published != nil {
		spans["published"] = &o.Published.Span
	}
	if o.Attachment != nil {
		spans["attachment"] = o.Attachment
	}
	for i := range o.Headings {
		h := &o.Headings[i]
		spans[fmt.Sprintf("heading %d", i)] = &h.Span
		if end := h.MarkerAt + len(h.Marker); end > h.Start || !strings.HasPrefix(d.Text[h.MarkerAt:], h.Marker) {
			t.Errorf("%s: heading %d: marker %q at %d does not precede its text at %d", name, i, h.Marker, h.MarkerAt, h.Start)
		}
		if h.Parent >= i || (h.Parent >= 0 && o.Headings[h.Parent].Level >= h.Level) {
			t.Errorf("%s: heading %d: parent %d", name, i, h.Parent)
		}
	}
	for r, p := range o.Parts {
		spans["cue "+string(r)] = &p.Cue
		if p.Start > p.Cue.Start || p.End < p.Cue.End || p.End > o.BodyEnd {
			t.Errorf("%s: %s part %d-%d (cue at %d, body ends at %d)", name, r, p.Start, p.End, p.Cue.Start, o.BodyEnd)
		}
	}
	for i := range o.Debris {
		spans[fmt.Sprintf("debris %d", i)] = &o.Debris[i]
	}
	for what, s := range spans {
		if s == nil {
			continue
		}
		if s.Start < 0 || s.End > len(d.Text) || s.Start >= s.End {
			t.Errorf("%s: %s: bad range %d-%d", name, what, s.Start, s.End)
			continue
		}
		if s.Text != d.Text[s.Start:s.End] || s.Line != d.LineAt(s.Start) {
			t.Errorf("%s: %s: span %+v does not match the document (line %d, text %q)", name, what, *s, d.LineAt(s.Start), d.Text[s.Start:s.End])
		}
		if strings.TrimSpace(s.Text) != s.Text {
			t.Errorf("%s: %s: span %q has surrounding spaces", name, what, s.Text)
		}
	}
	if o.BodyStart > o.BodyEnd {
		t.Errorf("%s: body %d-%d", name, o.BodyStart, o.BodyEnd)
	}
}

func headingsByLine(o *outline.Outline) map[int]outline.Heading {
	m := map[int]outline.Heading{}
	for _, h := range o.Headings {
		m[h.Line] = h
	}
	return m
}

func debrisLines(o *outline.Outline) []int {
	var out []int
	for _, s := range o.Debris {
		out = append(out, s.Line)
	}
	return out
}

// dump prints an outline compactly, one fact a line, for the golden files.
func dump(d *doc.Document, o *outline.Outline) string {
	var b strings.Builder
	if o.Title != nil {
		fmt.Fprintf(&b, "title %d %s\n", o.Title.Line, o.Title.Text)
	} else {
		b.WriteString("title -\n")
	}
	if o.YearCue != nil {
		fmt.Fprintf(&b, "year %d from %s (%d %s)\n", o.Year, o.YearSource, o.YearCue.Line, o.YearCue.Text)
	} else {
		fmt.Fprintf(&b, "year %d\n", o.Year)
	}
	fmt.Fprintf(&b, "body %d-%d\n", d.LineAt(o.BodyStart), d.LineAt(o.BodyEnd))
	fmt.Fprintf(&b, "debris %v\n", debrisLines(o))
	for _, h := range o.Headings {
		parent := "-"
		if h.Parent >= 0 {
			parent = fmt.Sprint(o.Headings[h.Parent].Line)
		}
		role := string(h.Role)
		if role == "" {
			role = "-"
		}
		kind := "standalone"
		if h.RunIn {
			kind = "run-in"
		}
		fmt.Fprintf(&b, "heading %d L%d %q %s #%d parent=%s %s %s %s\n",
			h.Line, h.Level, h.Marker, h.Style, h.Number, parent, kind, role, clip(h.Text))
	}
	for _, r := range outline.Roles {
		p := o.Parts[r]
		if p == nil {
			fmt.Fprintf(&b, "part %s -\n", r)
			continue
		}
		fmt.Fprintf(&b, "part %s %s line %d lines %d-%d %s\n", r, p.Form, p.Line, d.LineAt(p.Start), d.LineAt(p.End), clip(p.Cue.Text))
	}
	if o.Signature != nil {
		fmt.Fprintf(&b, "signature %s\n", signatureString(o))
	} else {
		b.WriteString("signature -\n")
	}
	for _, dt := range []struct {
		name string
		d    *outline.Date
	}{{"date", o.Date}, {"published", o.Published}} {
		if dt.d == nil {
			fmt.Fprintf(&b, "%s -\n", dt.name)
			continue
		}
		fmt.Fprintf(&b, "%s %s %s valid=%v padded=%v\n", dt.name, dateString(dt.d, true), dt.d.Text, dt.d.Valid, dt.d.Padded)
	}
	if o.Attachment != nil {
		fmt.Fprintf(&b, "attachment %d %s\n", o.Attachment.Line, o.Attachment.Text)
	}
	return b.String()
}

// clip shortens text for the dump.
func clip(s string) string {
	const n = 40
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Compare(t, filepath.Join(goldenDir, name), []byte(got))
}

func BenchmarkBuild(b *testing.B) {
	cfg := config(b)
	inputs := map[string]string{"fixture": filepath.Join(fixtureDir, "wrapper.txt")}
	if m, _ := filepath.Glob(filepath.Join(seedDir, "003_*.txt")); len(m) > 0 {
		inputs["seed003"] = m[0]
	}
	for _, name := range []string{"fixture", "seed003"} {
		path, ok := inputs[name]
		b.Run(name, func(b *testing.B) {
			if !ok {
				b.Skipf("seed 003 not in %s", seedDir)
			}
			d := read(b, path)
			v := normalize.New(d.Text)
			b.SetBytes(int64(len(d.Text)))
			b.ReportAllocs()
			for b.Loop() {
				outline.Build(d, v, cfg)
			}
		})
	}
}

// BenchmarkBuildSeeds builds the outline of each seed report in turn, as the
// engine does for every document it checks.
func BenchmarkBuildSeeds(b *testing.B) {
	cfg := config(b)
	var docs []*doc.Document
	var views []*normalize.View
	size := 0
	for _, path := range seeds(b) {
		d := read(b, path)
		docs, views = append(docs, d), append(views, normalize.New(d.Text))
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for k, d := range docs {
			outline.Build(d, views[k], cfg)
		}
	}
}

// BenchmarkIndex prepares the packs' outline configuration, as every run
// does once after loading them.
func BenchmarkIndex(b *testing.B) {
	cfg := config(b)
	b.ReportAllocs()
	for b.Loop() {
		c := *cfg
		c.Index()
	}
}
