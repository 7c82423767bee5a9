package ignorefile

import (
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIgnored(t *testing.T) {
	repo := t.TempDir()
	write(t, repo+"/.git/HEAD", "ref: refs/heads/main\n")
	write(t, repo+"/.gitignore", "# 草稿和导出\n*.tmp.md\n/build\n草稿/\n\\#1.md\n")
	write(t, repo+"/reports/.gitignore", "old/**\n!old/keep.md\n2021/*.txt\n")
	write(t, repo+"/reports/.fzlintignore", "附件*\n!附件说明.md\n")
	m := New(repo + "/reports") // a walk of a subdirectory still reads the root's .gitignore
	for path, want := range map[string]bool{
		"reports/a.md":                false,
		"reports/a.tmp.md":            true, // *.tmp.md, at any depth
		"reports/x/b.tmp.md":          true,
		"build/a.md":                  true, // anchored /build
		"reports/build/a.md":          false,
		"reports/草稿/a.md":             true, // a directory only
		"reports/x/草稿/a.md":           true,
		"reports/#1.md":               true, // \# is a literal #
		"reports/old/a.md":            true,
		"reports/old/keep.md":         false, // re-included
		"reports/2021/a.txt":          true,
		"reports/2021/x/a.txt":        false, // * stops at /
		"reports/附件1.docx":            true,
		"reports/附件说明.md":             false,
		"reports/x/附件2.docx":          true,
		"reports/草稿.md":               false, // 草稿/ names directories
		"elsewhere/../reports/b.docx": false,
	} {
		if got := m.Ignored(filepath.Join(repo, path)); got != want {
			t.Errorf("Ignored(%s) = %v, want %v", path, got, want)
		}
	}
}

// A file in an ignored directory stays ignored, whatever a later pattern says.
func TestIgnoredDirectoryCannotReinclude(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/.gitignore", "archive/\n!archive/a.md\n")
	if !New(dir).Ignored(dir + "/archive/a.md") {
		t.Error("archive/a.md re-included from an ignored directory")
	}
}

// Outside a repository, the walked directory's ignore files count.
func TestNoRepository(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/r/.fzlintignore", "*.md\n")
	m := New(dir + "/r")
	if !m.Ignored(dir+"/r/a.md") || m.Ignored(dir+"/r/a.docx") {
		t.Error(".fzlintignore of the walked directory not applied")
	}
}

func TestRepositoryDoc(t *testing.T) {
	for name, want := range map[string]bool{
		"README.md": true, "readme.txt": true, "README": true, "README.zh-CN.md": true,
		"LICENSE": true, "License-MIT.txt": true, "CHANGELOG.md": true, "CONTRIBUTING.md": true,
		"READMEFIRST.md": false, "2023年报告.md": false, "license审查报告.md": false,
	} {
		if got := RepositoryDoc(name); got != want {
			t.Errorf("RepositoryDoc(%q) = %v, want %v", name, got, want)
		}
	}
}
