package checker

import "testing"

func TestNumbering(t *testing.T) {
	const msg = "want={want} other={other} level={level}"
	runCases(t, "numbering", msg, []kindCase{
		{
			name: "sequence: a gap, a repeat, a series not starting at one",
			spec: `check: sequence`,
			text: "一、主要举措\n（一）甲。正文。\n（三）乙。正文。\n（四）丙。正文。\n（四）丁。正文。\n二、存在问题\n（二）戊。正文。\n四、下步安排",
			want: []string{
				`3:1-3:4 "（三）" want=（二） other={other} level=第二层`,
				`5:1-5:4 "（四）" want=（五） other={other} level=第二层`,
				`7:1-7:4 "（二）" want=（一） other={other} level=第二层`,
				`8:1-8:3 "四、" want=三、 other={other} level=第一层`,
			},
		},
		{
			name: "sequence: series restart under each parent, half-width brackets kept",
			spec: `check: sequence`,
			text: "一、甲\n(一)子。正文。\n(二)丑。正文。\n二、乙\n(一)寅。正文。\n1.卯。正文。\n3.辰。正文。",
			want: []string{`7:1-7:3 "3." want=2. other={other} level=第三层`},
		},
		{
			name: "sequence: a report that puts 1、 above （一） goes on 1、2、 and restarts （一） under each",
			spec: `check: sequence`,
			text: "一、主要举措\n1、完善制度\n（一）甲。正文。\n（二）乙。正文。\n2、严格执法\n（一）丙。正文。\n（二）丁。正文。\n4、其他\n（二）戊。正文。\n二、存在问题",
			want: []string{
				`8:1-8:3 "4、" want=3. other={other} level=第三层`,
				`9:1-9:4 "（二）" want=（一） other={other} level=第二层`,
			},
		},
		{
			name: "sequence: a list before the first 一、 is closed by it",
			spec: `check: sequence`,
			text: "1.总体情况。正文。\n2.工作思路。正文。\n一、主要举措\n1.甲。正文。\n2.乙。正文。\n二、存在问题\n1.丙。正文。",
		},
		{
			name: "nesting: 1. before （一） under the same 一、, and 1. before the first 一、",
			spec: `check: nesting`,
			text: "1.总体情况。正文。\n2.工作思路。正文。\n一、主要举措\n1.甲。正文。\n2.乙。正文。\n（一）丙。正文。",
			want: []string{
				`1:1-1:3 "1." want={want} other=一、 level=第三层`,
				`4:1-4:3 "1." want={want} other=（一） level=第三层`,
			},
		},
		{
			name: "skip: （1） right under 一、, reported once per series",
			spec: `check: skip`,
			text: "一、主要举措\n（1）甲。正文。\n（2）乙。正文。\n二、存在问题\n（一）丙。正文。\n1.丁。正文。",
			want: []string{`2:1-2:4 "（1）" want={want} other={other} level=第四层`},
		},
		{
			name: "skip: a report whose top level is （一）",
			spec: `check: skip`,
			text: "（一）主要举措。正文。\n（二）存在问题。正文。",
			want: []string{`1:1-1:4 "（一）" want={want} other={other} level=第二层`},
		},
		{
			name: "marker: variants get the standard marker",
			spec: `check: marker`,
			text: "一.主要举措\n（一）、甲。正文。\n1、乙。正文。\n2)丙。正文。\n（二）丁。正文。",
			want: []string{
				`1:1-1:3 "一." want=一、 other={other} level=第一层 fix 1:1-1:3 "一、"`,
				`2:1-2:5 "（一）、" want=（一） other={other} level=第二层 fix 2:1-2:5 "（一）"`,
				`3:1-3:3 "1、" want=1. other={other} level=第三层 fix 3:1-3:3 "1."`,
				`4:1-4:3 "2)" want=(2) other={other} level=第四层 fix 4:1-4:3 "(2)"`,
			},
		},
		{
			name: "end-punct: standalone headings, not run-in ones or one-line list items",
			spec: `check: end-punct`,
			text: "一、充分发挥中枢协调作用。\u00a0\n（一）全面推进政务公开。认真贯彻落实条例。\n（二）深入推进依法行政，依法全面履行政府职能；\n1.审查规范性文件12件。\n2.办理行政复议案件35件。",
			want: []string{
				`1:13-1:14 "。" want={want} other={other} level={level} fix 1:13-1:14 ""`,
				`3:23-3:24 "；" want={want} other={other} level={level} fix 3:23-3:24 ""`,
			},
		},
		{
			name: "end-punct: a numbered paragraph on one line is a run-in item, a heading with sub-headings is not",
			spec: `check: end-punct`,
			text: "一、主要举措和成效\n（一）按照年度工作部署，我局制定法治政府建设工作要点，明确责任分工，逐项抓好落实，全年召开专题会议5次。\n" +
				"二、深入学习贯彻中央、省、市法治建设工作部署，切实推进各项工作纳入法治轨道。\n（一）研究推进法治工作。正文。",
			want: []string{`3:38-3:39 "。" want={want} other={other} level={level} fix 3:38-3:39 ""`},
		},
		{
			name: "a well-numbered report draws nothing",
			spec: `check: sequence`,
			text: "一、主要举措\n（一）甲。正文。\n1.子。正文。\n2.丑。正文。\n（二）乙。正文。\n二、存在问题\n（一）丙。正文。",
		},
	})
}

func TestNumberingSpecErrors(t *testing.T) {
	runSpecErrors(t, "numbering", []specErrorCase{
		{"no check", `{}`, "check 应为"},
		{"unknown check", `check: order`, "check 应为"},
		{"unknown key", `{check: sequence, scope: body}`, `未知的键 "scope"`},
	})
}

func TestCNNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 12: "十二", 20: "二十", 23: "二十三", 99: "九十九", 100: "100"} {
		if got := cnNumber(n); got != want {
			t.Errorf("cnNumber(%d) = %q, want %q", n, got, want)
		}
	}
}
