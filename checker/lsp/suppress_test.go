package lsp

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSuppressionsInEditor: the server applies the suppressions fzlint check
// applies, a comment in the buffer and the config's ignore list, so that the
// editor and the command line agree.
func TestSuppressionsInEditor(t *testing.T) {
	dir := workdir(t, fzzfOnly+"ignore:\n  - {path: b.txt, rule: fzzf/date-missing, reason: 草稿阶段}\n")
	noDate := strings.Replace(goodReport, date+"\n", "", 1)
	c := newClient(t, Options{})
	c.initialize()
	for name, text := range map[string]string{
		"a.md":  "<!-- fzlint-disable-file fzzf/date-missing -- 草稿阶段 -->\n" + noDate,
		"b.txt": noDate,
	} {
		if got := c.open(fileURI(filepath.Join(dir, name)), text); len(got.Diagnostics) != 0 {
			t.Errorf("%s: %+v, want no diagnostics", name, got.Diagnostics)
		}
	}
	got := c.open(fileURI(filepath.Join(dir, "c.txt")), noDate)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "fzzf/date-missing" {
		t.Errorf("c.txt: %+v, want fzzf/date-missing", got.Diagnostics)
	}
	c.quiet()
}
