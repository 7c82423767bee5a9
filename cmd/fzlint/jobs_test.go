package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJobsSameOutput: checking files in parallel prints what checking them one
// at a time prints, byte for byte, in every format that streams.
func TestJobsSameOutput(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif"} {
		args := []string{"check", "--no-config", "--no-color", "--format", format, reports, reports + "/白河市-2023-草稿.txt"}
		code1, one, _ := fzlint(t, "", append(args, "--jobs", "1")...)
		code4, four, _ := fzlint(t, "", append(args, "--jobs", "4")...)
		if code1 != exitFindings || code4 != code1 || four != one {
			t.Errorf("%s: --jobs 4 (exit %d) differs from --jobs 1 (exit %d):\n%s\n---\n%s", format, code4, code1, four, one)
		}
	}
}

// TestJSONCompactUnlessPretty: JSON to a file or pipe is one line; --pretty
// indents the same value.
func TestJSONCompactUnlessPretty(t *testing.T) {
	args := []string{"check", "--no-config", "--format", "json", reports}
	_, compact, _ := fzlint(t, "", args...)
	_, pretty, _ := fzlint(t, "", append(args, "--pretty")...)
	var want bytes.Buffer
	if err := json.Compact(&want, []byte(pretty)); err != nil {
		t.Fatal(err)
	}
	if strings.Count(compact, "\n") != 1 || compact != want.String()+"\n" || !strings.Contains(pretty, "\n  \"files\": [") {
		t.Errorf("compact:\n%.300s\npretty:\n%.300s", compact, pretty)
	}
}

// TestFixReadsAFileNamedTwiceAfterItsFix: with --fix, a file named twice is
// fixed once; its second check reads the fixed file.
func TestFixReadsAFileNamedTwiceAfterItsFix(t *testing.T) {
	data, err := os.ReadFile(reports + "/白河市-2023-草稿.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "草稿.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, errs := fzlint(t, "", "check", "--no-config", "--fix", "--jobs", "2", dir, path)
	if n := strings.Count(errs, "已自动修复"); n != 1 {
		t.Errorf("fixed %d times, want once:\n%s", n, errs)
	}
}
