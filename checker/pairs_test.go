package checker

import "testing"

func TestPairs(t *testing.T) {
	const spec = `{pairs: ["《》", "“”", "()", "〔〕"], ignore: ['^\s*\d{1,2}\)']}`
	runCases(t, "pairs", "{match} {problem} {other}", []kindCase{
		{
			name: "balanced, full- and half-width brackets as one pair",
			spec: spec,
			text: "认真贯彻《纲要（2021—2025年)》“学习”(茂府办函〔2020〕13号)",
		},
		{
			name: "an opener never closed, a closer with no opener",
			spec: spec,
			text: "贯彻《法治政府建设实施纲要（2021—2025年）。\n推动“放管服”改革”。",
			want: []string{
				`1:3-1:4 "《" 《 未闭合 》`,
				`2:10-2:11 "”" ” 前面缺少对应的符号 “`,
			},
		},
		{
			name: "crossing pairs: the inner opener once, its late closer silently",
			spec: spec,
			text: "学习《条例“第一条》”内容",
			want: []string{`1:6-1:7 "“" “ 未闭合 ”`},
		},
		{
			name: "each paragraph balances on its own; list markers are ignored",
			spec: spec,
			text: "1)加强领导（一\n二）完善制度",
			want: []string{
				`1:7-1:8 "（" （ 未闭合 ）`,
				`2:2-2:3 "）" ） 前面缺少对应的符号 （`,
			},
		},
		{
			name: "marks next to invalid bytes and to a rune beyond U+FFFF",
			spec: `{match: raw, pairs: ["《》", "𠀀𠀁"]}`,
			text: "文\xe5《标题》\xe5\xa5𠀀甲𠀁《",
			want: []string{`1:12-1:13 "《" 《 未闭合 》`},
		},
		{
			name: "one rune for both marks alternates",
			spec: `{match: raw, pairs: ['""']}`,
			text: `用好"学习强国""公务员网络大学堂"等平台"`,
			want: []string{`1:22-1:23 "\"" " 未闭合 "`},
		},
	})
}

func TestPairsSpecErrors(t *testing.T) {
	runSpecErrors(t, "pairs", []specErrorCase{
		{"no pairs", `scope: all`, "需要 pairs"},
		{"not two runes", `pairs: ["《"]`, "应为两个字符"},
		{"full-width in the normalized view", `pairs: ["（）"]`, "在 normalized 视图中不出现"},
		{"a rune in two pairs", `pairs: ["()", "(]"]`, "出现在两个 pairs 中"},
	})
}
