package checker

import "testing"

func TestCountFigures(t *testing.T) {
	cases := map[string]int{
		"全年审查规范性文件12件,办理行政复议案件35件,纠错率8%。": 3,
		"受众1.2万人次,投入资金300 万元":             2,
		"2021年,我局召开会议":                    0,
		"第3页":                             0,
		// digits after long runs of Chinese text, at every offset of a word
		"审查规范性文件共计12件": 1, "审查规范性文件共计办理1件": 1, "依法审查规范性文件共计办理7": 0,
		"": 0,
	}
	for s, want := range cases {
		if got := countFigures(s, 0); got != want {
			t.Errorf("countFigures(%q) = %d, want %d", s, got, want)
		}
		if want > 1 && countFigures(s, 1) != 1 {
			t.Errorf("countFigures(%q, 1) counts on", s)
		}
	}
}
