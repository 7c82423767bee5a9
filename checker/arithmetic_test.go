package checker

import (
	"fmt"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
)

// The messages say which figures disagree, with the numbers worked out.
func TestArithmeticDetail(t *testing.T) {
	set, e := loadDefault(t)
	only := e.Only(set.Rule("hygiene/figures-disagree"))
	for text, want := range map[string]string{
		"全年受理行政复议申请40件，办结30件，办结率80%。":   "2:24-2:27 数据可能不一致：比率“80%”与本句的数字不符（30÷40=75.0%）",
		"全区受理行政复议案件120件，其中审结130件。":      "2:20-2:24 数据可能不一致：“其中”的“130件”大于总数“120件”",
		"应当出庭应诉案件117件，行政机关负责人实际出庭204件。": "2:25-2:29 数据可能不一致：实际数“204件”大于应当数“117件”",
	} {
		got := only.Check(doc.New("t.txt", doc.FormatText, "utf-8", "一、主要举措和成效\n"+text))
		if len(got) != 1 {
			t.Errorf("%s: %d findings, want 1", text, len(got))
			continue
		}
		f := got[0]
		r := f.Range
		if s := fmt.Sprintf("%d:%d-%d:%d %s", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column, f.Message); s != want {
			t.Errorf("%s:\n got %s\nwant %s", text, s, want)
		}
	}
}
