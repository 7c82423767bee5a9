package output

import (
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
)

// TestSpanTextOverLines: a span over lines (a joint report's signatures, a
// title broken in two) is shown on one line with its line range.
func TestSpanTextOverLines(t *testing.T) {
	text := "正文。\n中共青山县委\n  青山县人民政府\n2024年1月15日\n"
	d := doc.New("r.txt", doc.FormatText, "utf-8", text)
	start := strings.Index(text, "中共")
	end := strings.Index(text, "政府\n") + len("政府")
	sig := &outline.Span{Line: 2, Start: start, End: end, Text: text[start:end]}
	if got, want := spanText(d, sig), "第2—3行 中共青山县委／青山县人民政府"; got != want {
		t.Errorf("spanText = %q, want %q", got, want)
	}
	one := &outline.Span{Line: 2, Start: start, End: start + len("中共青山县委"), Text: "中共青山县委"}
	if got, want := spanText(d, one), "第2行 中共青山县委"; got != want {
		t.Errorf("spanText = %q, want %q", got, want)
	}
}
