package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoInputFile: a run that finds no file to check (an empty directory,
// one of images and spreadsheets only) fails with exit 2 and says so for
// each input, unless --allow-empty says an empty run is fine.
func TestNoInputFile(t *testing.T) {
	empty := t.TempDir()
	images := t.TempDir()
	for _, name := range []string{"封面.png", "统计表.xlsx", ".hidden.txt"} {
		if err := os.WriteFile(filepath.Join(images, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := fzlint(t, "", "check", "--no-config", "--format", "json", empty, images)
	if code != exitTrouble {
		t.Errorf("exit %d, want 2", code)
	}
	var v struct {
		Files []struct {
			Path  string
			Error *struct{ Code, Message string }
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Files) != 2 {
		t.Fatalf("bad JSON (%v): %s", err, out)
	}
	for i, dir := range []string{empty, images} {
		f := v.Files[i]
		if f.Path != dir || f.Error == nil || f.Error.Code != "no-input" || !strings.Contains(f.Error.Message, "--allow-empty") {
			t.Errorf("file %d: %+v, want %s with no-input", i, f, dir)
		}
	}
	code, out, _ = fzlint(t, "", "check", "--no-config", "--no-color", empty)
	if code != exitTrouble || !strings.Contains(out, "没有找到可检查的文件") {
		t.Errorf("text output: exit %d\n%s", code, out)
	}
	code, out, errs := fzlint(t, "", "check", "--no-config", "--allow-empty", empty, images)
	if code != exitClean {
		t.Errorf("--allow-empty: exit %d, want 0\n%s%s", code, out, errs)
	}
	// One file found among the inputs is a run.
	if err := os.WriteFile(filepath.Join(images, "报告.txt"), []byte("青山县司法局关于2023年度法治政府建设情况的报告\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ = fzlint(t, "", "check", "--no-config", "--format", "json", empty, images); strings.Contains(out, "no-input") {
		t.Errorf("exit %d: a file was found, yet\n%s", code, out)
	}
}
