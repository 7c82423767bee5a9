package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
)

// TestOutlineYearSource: a year not read from the title is shown with the
// line and text it was read from, in the text outline and in outline JSON.
func TestOutlineYearSource(t *testing.T) {
	d := doc.New("r.txt", doc.FormatText, "utf-8", "现将有关情况报告如下：\n一、主要工作\n二、2020年工作计划\n")
	at := strings.Index(d.Text, "2020年")
	cue := outline.Span{Line: 3, Start: at, End: at + len("2020年"), Text: "2020年"}
	o := &outline.Outline{Year: 2019, YearCue: &cue, YearSource: outline.YearFromPlans, Parts: map[outline.Role]*outline.Part{}}

	var text bytes.Buffer
	if err := NewOutlineText(&text, Options{}).Print(d, o); err != nil {
		t.Fatal(err)
	}
	if want := "报告年度：2019年（据第3行“2020年”，下一年度安排所写年份减一）\n"; !strings.Contains(text.String(), want) {
		t.Errorf("text outline:\n%s\nwant the line %q", text.String(), want)
	}
	var js bytes.Buffer
	if err := NewOutlineJSON(&js, Options{}).Print(d, o); err != nil {
		t.Fatal(err)
	}
	if want := `"year_source": "plans"`; !strings.Contains(js.String(), want) {
		t.Errorf("outline JSON:\n%s\nwant %s", js.String(), want)
	}
}
