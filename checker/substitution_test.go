package checker

import "testing"

func TestSubstitution(t *testing.T) {
	runCases(t, "substitution", "want={want} count={count}", []kindCase{
		{
			name: "literal swap, normalized text maps back to the traditional original",
			spec: `swap: [{from: '决策程度(?P<s>制度|规定)', to: '决策程序${s}'}]`,
			text: "严肃落实重大行政决策程度制度。\n嚴肅落實重大行政決策程度規定。",
			want: []string{
				`1:9-1:15 "决策程度制度" want=决策程序制度 count=1 fix 1:9-1:15 "决策程序制度"`,
				// the template copies the group as the original has it
				`2:9-2:15 "決策程度規定" want=决策程序規定 count=1 fix 2:9-2:15 "决策程序規定"`,
			},
		},
		{
			name: "at narrows the reported and replaced span",
			spec: `swap: [{from: '\p{Han}(?P<at>[﹝\[](?P<y>\d{4})[﹞\]])\d+号', to: '〔${y}〕'}]`,
			text: "制发了保政发﹝2022﹞10号文，茂府办函［2020］13号。",
			want: []string{
				`1:7-1:13 "﹝2022﹞" want=〔2022〕 count=1 fix 1:7-1:13 "〔2022〕"`,
				`1:22-1:28 "［2020］" want=〔2020〕 count=1 fix 1:22-1:28 "〔2020〕"`,
			},
		},
		{
			name: "before and after are not consumed: neighbours share context",
			spec: `swap: [{from: ' ', to: '', before: '\p{Han}', after: '\p{Han}'}]`,
			text: "学 习 贯彻 2021",
			want: []string{
				`1:2-1:3 " " want= count=1 fix 1:2-1:3 ""`,
				`1:4-1:5 " " want= count=1 fix 1:4-1:5 ""`,
			},
		},
		{
			name: "per line: one finding, its fix covers every match of the line",
			spec: "match: raw\nper: line\nswap:\n  - {from: ',', to: '，', before: '\\p{Han}'}\n  - {from: ':', to: '：', before: '\\p{Han}'}",
			text: "2021年,我室认真贯彻,现报告如下:\n会议于16:07开始。",
			want: []string{
				`1:6-1:7 "," want=， count=3 fix 1:6-1:20 "，我室认真贯彻，现报告如下："`,
			},
		},
		{
			name: "when filters matches without breaking the pairing",
			spec: `{match: raw, swap: [{from: '"(?P<q>[^"]*)"', to: '“${q}”', when: '\p{Han}'}]}`,
			text: `输入"OK"和"学习强国"`,
			want: []string{
				`1:8-1:14 "\"学习强国\"" want=“学习强国” count=1 fix 1:8-1:14 "“学习强国”"`,
			},
		},
		{
			name: "skip and unless",
			spec: "skip: ['《[^》]*》']\nunless: ['^附']\nswap: [{from: ' ', to: '', before: '\\p{Han}', after: '\\p{Han}'}]",
			text: "《推进联动 提升效能》工作 会议\n附件 一",
			want: []string{`1:14-1:15 " " want= count=1 fix 1:14-1:15 ""`},
		},
		{
			name: "a swap without to reports without a fix; overlapping hits keep the first",
			spec: "swap:\n  - {from: ',(?P<at>,)', to: ''}\n  - {from: '[,。](?P<at>[,。])'}",
			text: "机制，，提升。，完善",
			want: []string{
				`1:4-1:5 "，" want= count=1 fix 1:4-1:5 ""`,
				`1:8-1:9 "，" want= count=1`,
			},
		},
		{
			name: "scope text: every line but page debris",
			spec: `{scope: text, swap: [{from: '语言'}]}`,
			text: "选择语言\n青山县司法局关于2023年度法治政府建设情况的报告\n2023年，我局规范执法语言，全年审查规范性文件12件，办理行政复议案件35件。",
			want: []string{`3:13-3:15 "语言" want= count=1`},
		},
		{
			name: "scope debris: the lines the outline took for page debris",
			spec: `{scope: debris, swap: [{from: '\S(?:.*\S)?'}]}`,
			text: "选择语言\n青山县司法局关于2023年度法治政府建设情况的报告\n2023年，我局全年审查规范性文件12件，办理行政复议案件35件。\n扫一扫在手机打开当前页",
			want: []string{
				`1:1-1:5 "选择语言" want= count=1`,
				`4:1-4:12 "扫一扫在手机打开当前页" want= count=1`,
			},
		},
	})
}

func TestSubstitutionSpecErrors(t *testing.T) {
	runSpecErrors(t, "substitution", []specErrorCase{
		{"no swap", `scope: all`, "需要 swap"},
		{"unknown key in an entry", `swap: [{from: 'a', too: 'b'}]`, `未知的键 "too"`},
		{"entry without from", `swap: [{to: 'b'}]`, "需要 from"},
		{"unknown group", `swap: [{from: 'a(?P<x>b)', to: '${y}'}]`, "不存在的分组 $y"},
		{"fix that matches again", `swap: [{from: '法治', to: '法治政府'}]`, "仍能被 from 匹配"},
		{"full-width literal in the normalized view", `swap: [{from: '附件：', to: '附件:'}]`, "在 normalized 视图中写作"},
		{"traditional literal in the normalized view", `swap: [{from: '決策程度', to: '决策程序'}]`, "在 normalized 视图中写作"},
		{"per document", `{per: document, swap: [{from: 'a', to: 'b'}]}`, "per 应为 match 或 line"},
		{"bad scope", `{scope: page, swap: [{from: 'a', to: 'b'}]}`, "未知的 scope"},
		{`\b refused`, `swap: [{from: '\bXX\b', to: 'b'}]`, `\b`},
	})
}
