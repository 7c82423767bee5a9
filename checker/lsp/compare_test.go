package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/lint"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestSameAsCheck opens files in the server and checks them with the Linter
// that `fzlint check` runs: the rules, severities and ranges must be the
// same. The texts are all in the Basic Multilingual Plane, so a UTF-16
// character is the column less one.
func TestSameAsCheck(t *testing.T) {
	draft := readFile(t, "../../testdata/reports/白河市-2023-草稿.txt")
	gbkPage := readFile(t, "../../testdata/read/page-gbk.html")
	gbkText, err := simplifiedchinese.GB18030.NewDecoder().String(gbkPage)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		file   string // written to disk, read by the Linter (and by the server for .docx, .html)
		buffer string // what the editor holds
	}{
		{"draft.txt", draft, draft},
		{"crlf.txt", strings.ReplaceAll(draft, "\n", "\r\n"), strings.ReplaceAll(draft, "\n", "\r\n")},
		{"draft.md", draft, draft},
		{"gbk.txt", mustGBK(t, draft), draft},
		{"page.html", readFile(t, "../../testdata/read/page.html"), readFile(t, "../../testdata/read/page.html")},
		{"gbk.html", gbkPage, gbkText},
		{"numbered.docx", readFile(t, "../../testdata/read/numbered.docx"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := workdir(t, "") // every embedded pack
			path := filepath.Join(dir, tc.name)
			writeFile(t, path, tc.file)
			want, err := lint.New(lint.Options{}).CheckFile(path)
			if err != nil || want.Error != nil {
				t.Fatalf("CheckFile: %v %+v", err, want.Error)
			}
			if len(want.Findings) == 0 {
				t.Fatal("no findings: the comparison would prove nothing")
			}

			c := newClient(t, Options{})
			c.initialize()
			got := c.open(fileURI(path), tc.buffer).Diagnostics
			if len(got) != len(want.Findings) {
				t.Fatalf("%d diagnostics, check gives %d findings", len(got), len(want.Findings))
			}
			for i, f := range want.Findings {
				d := got[i]
				wantRange := lspRange{
					Start: position{f.Range.Start.Line - 1, f.Range.Start.Column - 1},
					End:   position{f.Range.End.Line - 1, f.Range.End.Column - 1},
				}
				if d.Code != f.Rule || d.Range != wantRange || d.Severity != severity(f.Severity) || !strings.HasPrefix(d.Message, f.Message) {
					t.Errorf("diagnostic %d = %+v, check gives %s %s %+v %q", i, d, f.Rule, f.Severity, f.Range, f.Message)
				}
			}
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustGBK(t *testing.T, s string) string {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
