package output

import (
	"bytes"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// TestGitHubEscaping checks the workflow-command escaping: a message may hold
// %, CR and LF; a property value also : and ,.
func TestGitHubEscaping(t *testing.T) {
	d := doc.New("a,b:c%.txt", doc.FormatText, "utf-8", "完成率100%\r\n")
	results := []checker.FileResult{{Path: d.Path, Doc: d, Findings: []checker.Finding{{
		Rule: "x/a,b", Severity: rules.Info, Message: "完成率100%\r\n请核对", Range: d.Range(0, 3)}}}}
	var buf bytes.Buffer
	if err := PrintAll(NewGitHub(&buf, Options{}), results); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=1,endColumn=2,title=x/a%2Cb::完成率100%25%0D%0A请核对\n"
	if got := buf.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
