package checker

import "testing"

func TestContinuation(t *testing.T) {
	runCases(t, "continuation", "cut", []kindCase{
		{
			name: "a paragraph cut after 、 and after a character; the fix joins the lines",
			spec: `scope: all`,
			text: "一、主要举措\n主要领导扛起第一责任人责任，对重要工作亲自部署、\n\n重点问题亲自过问。结合整改，加快健全\n完善本室制度。",
			want: []string{
				`2:24-2:25 "、" cut fix 2:25-4:1 ""`,
				`4:18-4:19 "全" cut fix 4:19-5:1 ""`,
			},
		},
		{
			name: "headings, lines that end a sentence and lines without prose marks are left alone",
			spec: `scope: all`,
			text: "一、主要举措和成效\n（一）全面推进政务公开\n认真贯彻落实条例，推进公开。\n主要工作情况如下:\n全年审查规范性文件12件\n办理复议案件35件。",
		},
	})
}
