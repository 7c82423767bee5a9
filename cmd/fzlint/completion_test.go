package main

import (
	"strings"
	"testing"
)

// TestCompletionStillThere: cobra's completion command answers as before
// where it is asked for (a run of one of fzlint's own commands goes without
// it, see rootFor).
func TestCompletionStillThere(t *testing.T) {
	code, out, errs := fzlint(t, "", "completion", "bash")
	if code != exitClean || !strings.Contains(out, "bash completion") || errs != "" {
		t.Errorf("completion bash: exit %d, stderr %q\n%.200s", code, errs, out)
	}
	code, out, _ = fzlint(t, "", "__complete", "completion", "")
	if code != exitClean || !strings.Contains(out, "zsh") {
		t.Errorf("__complete completion: exit %d\n%s", code, out)
	}
	code, out, _ = fzlint(t, "", "help", "completion")
	if code != exitClean || !strings.Contains(out, "completion [command]") && !strings.Contains(out, "completion [命令]") {
		t.Errorf("help completion: exit %d\n%s", code, out)
	}
}
