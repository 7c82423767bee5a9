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

// TestNothingLeftToCheck: a Markdown report whose body is all in a code
// fence is reported (no-text, exit 2), not passed as clean; the same text
// as .txt is checked.
func TestNothingLeftToCheck(t *testing.T) {
	dir := t.TempDir()
	body := "```\n青山县司法局关于2023年度法治政府建设情况的报告\n一、2023年度主要举措和成效\n全年审查规范性文件XX件。\n```\n"
	for _, name := range []string{"报告.md", "报告.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := fzlint(t, "", "check", "--no-config", "--format", "json", filepath.Join(dir, "报告.md"))
	if code != exitTrouble || !strings.Contains(out, `"code":"no-text"`) {
		t.Errorf(".md: exit %d, want 2 with no-text\n%s", code, out)
	}
	code, out, _ = fzlint(t, "", "check", "--no-config", "--format", "json", filepath.Join(dir, "报告.txt"))
	if code != exitFindings {
		t.Errorf(".txt: exit %d, want 1\n%s", code, out)
	}
}

// TestStdinWebPage: a web page piped in without --stdin-filename is read as
// HTML: its title is found, no "缺少标题" at <!DOCTYPE html>.
func TestStdinWebPage(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><head><title>门户网站</title></head><body><h1>青山县司法局关于2023年度法治政府建设情况的报告</h1><p>全年审查规范性文件12件。</p></body></html>\n"
	_, out, _ := fzlint(t, page, "check", "--no-config", "--format", "json", "-")
	if !strings.Contains(out, `"format":"html"`) || strings.Contains(out, "缺少标题") {
		t.Errorf("a page on standard input was not read as HTML:\n%s", out)
	}
}
