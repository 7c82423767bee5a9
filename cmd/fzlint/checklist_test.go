package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestChecklistExitCodes(t *testing.T) {
	if code, out, errs := fzlint(t, "", "checklist", "--no-config", reports+"/青山县司法局-2023.txt"); code != exitClean {
		t.Errorf("complete report: exit %d, want 0\n%s%s", code, out, errs)
	}
	code, out, _ := fzlint(t, "", "checklist", "--no-config", "--format", "json", "nosuch.txt", reports+"/白河市-2023-草稿.txt")
	if code != exitTrouble {
		t.Errorf("missing file: exit %d, want 2", code)
	}
	var v struct {
		Schema string
		Files  []struct {
			Path  string
			Error *struct{ Code string }
			Items []struct{ ID, Status string }
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.Schema != "fzlint/checklist/v1" || len(v.Files) != 2 {
		t.Fatalf("bad JSON (%v): %s", err, out)
	}
	if v.Files[0].Error == nil || v.Files[0].Error.Code != "not-found" {
		t.Errorf("the missing file must be an error: %+v", v.Files[0])
	}
	if it := v.Files[1].Items[2]; it.ID != "part/duty" || it.Status != "missing" {
		t.Errorf("the draft's duty item = %+v, want missing", it)
	}
	if code, _, _ := fzlint(t, "", "checklist", "--no-config", reports+"/白河市-2023-草稿.txt"); code != exitFindings {
		t.Errorf("draft with missing items: exit %d, want 1", code)
	}
	if code, _, errs := fzlint(t, "", "checklist", "--format", "xml", reports); code != exitTrouble || !strings.Contains(errs, "markdown") {
		t.Errorf("unknown format: exit %d, %s", code, errs)
	}
}

// TestChecklistWithUnusedIgnore: the result a run adds for a config whose
// ignore entry suppressed nothing has no document to build a checklist of;
// the checklist lists the reports only, and does not crash on it.
func TestChecklistWithUnusedIgnore(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".fzlint.yaml": "ignore:\n  - path: r.txt\n    rule: fzzf/no-such-finding\n    reason: 测试\n",
	})
	data, err := os.ReadFile(reports + "/青山县司法局-2023.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"r.txt": string(data)})
	code, out, errs := fzlint(t, "", "checklist", "--format", "json", dir)
	var v struct{ Files []struct{ Path string } }
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Files) != 1 || !strings.HasSuffix(v.Files[0].Path, "r.txt") {
		t.Errorf("exit %d, files %+v (%v):\n%s%s", code, v.Files, err, out, errs)
	}
	if code != exitClean {
		t.Errorf("exit %d, want 0\n%s", code, errs)
	}
}
