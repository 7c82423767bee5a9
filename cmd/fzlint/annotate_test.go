package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnnotateCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "报告.txt")
	src, err := os.ReadFile(reports + "/白河市-2023-草稿.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := fzlint(t, "", "annotate", "--no-config", in)
	if code != exitClean || !strings.Contains(errs, "报告-审核.docx: 已写出，26 条批注，") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	out, err := os.ReadFile(filepath.Join(dir, "报告-审核.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zip.NewReader(bytes.NewReader(out), int64(len(out))); err != nil {
		t.Errorf("not a zip: %v", err)
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(after, src) {
		t.Error("the original was modified")
	}
	code, _, errs = fzlint(t, "", "annotate", "--no-config", in, "-o", filepath.Join(dir, ".", "报告.txt"))
	if code != exitTrouble || !strings.Contains(errs, "输出文件不能是原文件") {
		t.Errorf("-o the input: exit %d: %s", code, errs)
	}
	code, _, errs = fzlint(t, "", "annotate", "--no-config", filepath.Join(dir, "nosuch.txt"))
	if code != exitTrouble || !strings.Contains(errs, "nosuch.txt") {
		t.Errorf("missing input: exit %d: %s", code, errs)
	}
}
