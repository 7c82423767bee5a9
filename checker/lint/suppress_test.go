package lint

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker"
)

// TestSuppressionsInARun: a comment in a Markdown report and an ignore entry
// of its config suppress real findings; the entry that suppressed nothing is
// reported on the config file, after the reports.
func TestSuppressionsInARun(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/r.md", "<!-- fzlint-disable-next-line hygiene/placeholder -- 模板中的示例 -->\n青山县司法局关于XX县2023年度法治政府建设情况的报告\n")
	write(t, dir+"/.fzlint.yaml", "ignore:\n  - {path: r.md, rule: fzzf/section-plans, reason: 本年度单独报送工作安排}\n"+
		"  - {path: \"*.md\", rule: hygiene/placeholder, excerpt: ××, reason: 过时}\n")
	var got []string
	err := New(Options{}).Run([]string{dir}, func(r checker.FileResult) {
		for _, s := range r.Suppressed {
			got = append(got, fmt.Sprintf("%s suppressed %s %d:%d %s", filepath.Base(r.Path), s.Rule, s.Range.Start.Line, s.Range.Start.Column, s.Justification))
		}
		for _, f := range r.Findings {
			if f.Rule == "hygiene/placeholder" || f.Rule == "fzzf/section-plans" || f.Rule == "fzlint/unused-suppression" {
				got = append(got, fmt.Sprintf("%s %s %d:%d", filepath.Base(r.Path), f.Rule, f.Range.Start.Line, f.Range.Start.Column))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"r.md suppressed hygiene/placeholder 2:9 模板中的示例",
		"r.md suppressed fzzf/section-plans 2:1 本年度单独报送工作安排",
		".fzlint.yaml fzlint/unused-suppression 3:5",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
