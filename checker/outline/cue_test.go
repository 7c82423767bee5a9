package outline_test

import (
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/normalize"
	"github.com/fzlint/fzlint/checker/outline"
)

// TestInlineCueTrimmed: an inline cue on a line with trailing spaces (PDF
// text) ends at its last character (found by FuzzBuild).
func TestInlineCueTrimmed(t *testing.T) {
	cfg := config(t)
	for _, s := range []string{
		strings.ToValidUTF8("\xb1\x8e\x8f\xb3\xb1\x80\xe5\xb3\xe42000年\xb3\xb2\x94\xba\xbb\xae\x83\x86\x9a\x84报告\n一,000\x95\x88\n\x82\n新一年,00将司\xe5\xb1 \n000000000000", "\ufffd"),
		"青山县司法局2000年报告\n一,000\n\n新一年,00将司\ufffd\ufffd \n000000000000",
		"青山县司法局2000年报告\n一,000\n\n新一年,00将司 \n000000000000",
		"青山县司法局2000年报告\n一,000\n\n新一年,我们将继续努力 \n",
	} {
		d := doc.New("x.txt", doc.FormatText, "utf-8", s)
		checkSpans(t, "trailing space", d, outline.Build(d, normalize.New(d.Text), cfg))
	}
}
