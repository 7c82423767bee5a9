package outline_test

import "github.com/fzlint/fzlint/checker/outline"

// parts builds the expected parts of a fixture.
func parts(m, p, pl wantPart) map[outline.Role]wantPart {
	out := map[outline.Role]wantPart{}
	for r, w := range map[outline.Role]wantPart{outline.Measures: m, outline.Problems: p, outline.Plans: pl} {
		if w.line != 0 {
			out[r] = w
		}
	}
	return out
}

// withDuty adds the duty part to ps.
func withDuty(ps map[outline.Role]wantPart, w wantPart) map[outline.Role]wantPart {
	ps[outline.Duty] = w
	return ps
}

// formWants are the expectations of the fixtures of the outline forms of
// issue 14: the year without a title, citations, sub-headings, numbering
// styles, titles, appendices, numbered paragraphs and parts without headings.
var formWants = map[string]want{
	// The year without a title.
	"year_plans_heading.txt": {year: 2019, source: outline.YearFromPlans,
		parts: parts(heading(2), heading(5), heading(7))},
	"year_measures_heading.txt": {year: 2019, source: outline.YearFromHeading,
		parts:     parts(heading(3), heading(6), heading(8)),
		signature: "11 某某市发展和改革委员会"},
	"year_date.txt": {year: 2019, source: outline.YearFromDate,
		parts:     parts(heading(2), heading(4), heading(6)),
		signature: "9 某某区某某街道办事处", date: "10 2020-02-10 arabic"},
	// A March date past the deadline: the year still comes from it.
	"year_date_deadline.txt": {year: 2019, source: outline.YearFromDate,
		parts:     parts(heading(2), heading(4), heading(6)),
		signature: "9 某某区某某街道办事处", date: "10 2020-03-20 arabic"},
	// A title without a year, dated right under it.
	"year_date_under_title.txt": {title: 1, year: 2023, source: outline.YearFromDate,
		parts: parts(heading(5), heading(7), heading(9)), date: "2 2024-01-10 arabic"},
	// A July date says nothing of the year reported on.
	"year_date_late.txt": {year: 0,
		parts:     parts(heading(2), heading(4), heading(6)),
		signature: "9 某某区某某街道办事处", date: "10 2020-07-10 arabic"},
	"year_plans_sentence.txt": {year: 2020, source: outline.YearFromPlans,
		parts: parts(inline(2), inline(4), inline(5))},
	// The last plans sentence gives the year, not a sentence on what the
	// year's work required.
	"year_plans_last.txt": {year: 2019, source: outline.YearFromPlans,
		parts: parts(inline(2), inline(5), inline(6))},
	// A citation is not content.
	"citation_duty.txt": {title: 1, year: 2023,
		parts:     parts(heading(4), heading(7), heading(9)),
		signature: "12 某某县水利局", date: "13 2024-01-18 arabic"},
	// Implementing a cited regulation is doing it; in a numbered paragraph it
	// is inline.
	"citation_implemented.txt": {title: 1, year: 2023,
		parts:     withDuty(parts(heading(4), heading(7), heading(9)), inline(6)),
		signature: "12 某某县水利局", date: "13 2024-01-18 arabic"},
	// Sub-headings are headings.
	"subheading_duty.txt": {title: 1, year: 2023,
		parts:     withDuty(parts(heading(3), heading(10), heading(12)), heading(6)),
		signature: "16 某某市市场监督管理局", date: "17 2024-01-25 arabic",
		headings: []wantHeading{
			{3, 1, "一、", "一、", 1, false, outline.Measures, "2023年工作情况"},
			{4, 2, "（一）", "(一)", 1, false, "", "主要举措和成效"},
			{6, 2, "（二）", "(一)", 2, false, outline.Duty, "主要负责人履行"},
			{8, 2, "（三）", "(一)", 3, false, "", "其他工作"},
			{10, 1, "二、", "一、", 2, false, outline.Problems, "存在的不足和原因"},
			{12, 1, "三、", "一、", 3, false, outline.Plans, "2024年工作打算"},
			{13, 2, "（一）", "(一)", 1, false, "", "加强执法队伍建设。"},
			{14, 2, "（二）", "(一)", 2, false, "", "推进智慧监管。"},
		}},
	"subheading_problems.txt": {title: 1, year: 2023,
		parts:     parts(heading(4), heading(7), heading(11)),
		signature: "15 某某县人力资源和社会保障局", date: "16 2024-01-24 arabic"},
	// Numbering styles.
	"numbering_arabic_top.txt": {title: 1, year: 2023,
		parts:     parts(heading(4), heading(7), heading(9)),
		signature: "13 某某县司法局", date: "14 2024-02-05 arabic",
		headings: []wantHeading{
			{4, 3, "1、", "1、", 1, false, outline.Measures, "主要举措和成效"},
			{5, 4, "（1）", "(1)", 1, true, "", "健全制度。"},
			{6, 4, "（2）", "(1)", 2, true, "", "强化监督。"},
			{7, 3, "2、", "1、", 2, false, outline.Problems, "存在的不足及原因"},
			{9, 3, "3.", "1.", 3, false, outline.Plans, "2024年工作打算"},
			{10, 4, "（1）", "(1)", 1, false, "", "推进公共法律服务体系建设。"},
			{11, 4, "（2）", "(1)", 2, false, "", "加强人民调解工作。"},
		}},
	// Arabic numbers above Chinese ones nest in the report's own order; a
	// list before the first 一、 does not.
	"numbering_arabic_over_chinese.txt": {title: 1, year: 2023,
		parts:     withDuty(parts(heading(4), heading(9), heading(11)), heading(6)),
		signature: "15 某某县农业农村局", date: "16 2024-01-29 arabic"},
	"numbering_list_before.txt": {title: 1, year: 2023,
		parts:     parts(heading(6), heading(8), heading(10)),
		signature: "13 某某县自然资源局", date: "14 2024-02-01 arabic"},
	"numbering_arabic_dot.txt": {title: 1, year: 2022,
		parts:     parts(heading(4), heading(7), heading(9)),
		signature: "13 某某区教育局", date: "14 2023-01-30 arabic"},
	"numbering_chapters.txt": {title: 1, year: 2022,
		parts:     parts(heading(3), heading(5), heading(7)),
		signature: "10 某某市人民政府", date: "11 2023-02-20 arabic"},
	"numbering_mixed.txt": {title: 1, year: 2023,
		parts:     parts(heading(4), heading(10), heading(12)),
		signature: "16 某某县卫生健康局", date: "17 2024-01-22 arabic",
		headings: []wantHeading{
			{4, 1, "一、", "一、", 1, false, outline.Measures, "主要举措和成效"},
			{5, 3, "1.", "1.", 1, false, "", "加强组织领导"},
			{6, 4, "（1）", "(1)", 1, false, "", "召开党组会议"},
			{7, 4, "（2）", "(1)", 2, false, "", "制定年度法治工作要点。"},
			{8, 3, "2.", "1.", 2, false, "", "规范行政执法"},
			{10, 1, "二、", "一、", 2, false, outline.Problems, "存在的问题和原因"},
			{12, 1, "三、", "一、", 3, false, outline.Plans, "下一步工作安排"},
			{13, 3, "1.", "1.", 1, false, "", "充实执法力量"},
			{14, 3, "2.", "1.", 2, false, "", "加强普法宣传"},
		}},
	"markdown_in_txt.txt": {title: 1, year: 2023,
		parts:     parts(heading(5), heading(15), heading(19)),
		signature: "23 某某市交通运输局", date: "25 2024-01-16 arabic",
		headings: []wantHeading{
			{5, 1, "一、", "一、", 1, false, outline.Measures, "主要举措和成效"},
			{7, 2, "（一）", "(一)", 1, false, "", "深化“放管服”改革"},
			{11, 2, "（二）", "(一)", 2, false, "", "严格规范公正文明执法"},
			{15, 1, "二、", "一、", 2, false, outline.Problems, "存在的不足和原因"},
			{19, 1, "三、", "一、", 3, false, outline.Plans, "2024年工作安排"},
		}},
	// Titles.
	"title_broken_organ.txt": {title: 1, year: 2021, source: outline.YearFromTitle,
		parts:     parts(heading(5), heading(7), heading(9)),
		signature: "12 某某县人民政府", date: "13 2022-02-15 arabic"},
	"title_broken_three.txt": {title: 1, year: 2021, source: outline.YearFromTitle,
		parts:     parts(heading(6), heading(8), heading(10)),
		signature: "13 某某市生态环境局", date: "14 2022-01-28 arabic"},
	"title_page_header.txt": {title: 4, year: 2022,
		parts:     parts(heading(7), heading(9), heading(11)),
		signature: "14 某某区人民政府", date: "15 2023-01-20 arabic", published: "3 2023-01-30"},
	// A menu line above the title is no piece of it.
	"title_below_menu.txt": {title: 2, year: 2023,
		parts:     parts(heading(5), heading(7), heading(9)),
		signature: "12 某某县司法局", date: "13 2024-01-08 arabic"},
	"title_page_header_cut.txt": {title: 4, year: 2022,
		parts:     parts(heading(7), heading(9), heading(11)),
		signature: "14 某某区人民政府", date: "15 2023-01-20 arabic", published: "3 2023-01-30"},
	// A date line above the title is no piece of it.
	"title_below_date.txt": {title: 2, year: 2023,
		parts: parts(heading(5), heading(7), heading(9))},
	"title_second_doc.txt": {title: 1, year: 2021,
		parts:     parts(heading(4), heading(6), heading(8)),
		signature: "11 某某镇人民政府", date: "12 2022-01-10 arabic"},
	"title_organs_before.txt": {title: 1, year: 2022,
		parts:     parts(heading(6), heading(8), heading(10)),
		signature: "13 中共某某县委办公室\n某某县人民政府办公室", date: "15 2023-02-08 arabic"},
	// Appendices without a date above them; a 附件说明 inside the body is none.
	"appendix_glossary.txt": {title: 1, year: 2023, appendix: 11,
		parts: parts(heading(4), heading(6), heading(8))},
	"appendix_bare.txt": {title: 1, year: 2023, appendix: 11,
		parts: parts(heading(4), heading(6), heading(8))},
	"attachment_note.txt": {title: 1, year: 2023,
		parts:     parts(heading(4), heading(6), heading(8)),
		signature: "14 某某县财政局", date: "15 2024-02-02 arabic"},
	// Numbered paragraphs are run-in items.
	"paragraph_items.txt": {title: 1, year: 2023,
		parts:     parts(heading(4), heading(7), heading(9)),
		signature: "13 某某区住房和城乡建设局", date: "14 2024-01-19 arabic",
		headings: []wantHeading{
			{4, 1, "一、", "一、", 1, false, outline.Measures, "主要举措和成效"},
			{5, 2, "（一）", "(一)", 1, true, "", "按照年度工作部署"},
			{6, 2, "（二）", "(一)", 2, true, "", "坚持严格规范公正文明执法"},
			{7, 1, "二、", "一、", 2, false, outline.Problems, "存在的不足和原因"},
			{9, 1, "三、", "一、", 3, false, outline.Plans, "2024年工作安排"},
			{10, 2, "（一）", "(一)", 1, false, "", "加强执法队伍建设。"},
			{11, 2, "（二）", "(一)", 2, false, "", "推进依法行政考核。"},
		}},
	"paragraph_items_short.txt": {title: 1, year: 2023,
		parts:     parts(heading(4), heading(9), heading(11)),
		signature: "14 某某县统计局", date: "15 2024-01-15 arabic",
		headings: []wantHeading{
			{4, 1, "一、", "一、", 1, false, outline.Measures, "主要举措和成效"},
			{5, 2, "（一）", "(一)", 1, true, "", "按照年度部署"},
			{6, 2, "（二）", "(一)", 2, true, "", "全年开展统计执法检查"},
			{7, 2, "（三）", "(一)", 3, false, "", "加强组织领导，压实工作责任。"},
			{8, 2, "（四）", "(一)", 4, false, "", "健全统计数据质量控制制度。"},
			{9, 1, "二、", "一、", 2, false, outline.Problems, "存在的不足和原因"},
			{11, 1, "三、", "一、", 3, false, outline.Plans, "2024年工作安排"},
		}},
	// Parts without headings.
	"parts_yishi.txt": {title: 1, year: 2023,
		parts:     withDuty(parts(inline(4), inline(7), inline(7)), inline(4)),
		signature: "9 某某乡人民政府", date: "10 2024-01-12 arabic"},
	"closing_sentence.txt": {title: 1, year: 2023,
		parts:     parts(heading(4), inline(10), inline(10)),
		signature: "12 某某县文化广电旅游局", date: "13 2024-01-26 arabic"},
}
