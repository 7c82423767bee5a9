package lint

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
)

const report = "青山县司法局关于2023年度法治政府建设情况的报告\n一、2023年度主要举措和成效\n全年审查规范性文件12件。\n"

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// collect runs the linter and returns the results by path.
func collect(t *testing.T, l *Linter, inputs ...string) (map[string]checker.FileResult, error) {
	t.Helper()
	got := map[string]checker.FileResult{}
	err := l.Run(inputs, func(r checker.FileResult) { got[filepath.ToSlash(r.Path)] = r })
	return got, err
}

func rulesOf(r checker.FileResult) string {
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.Rule)
	}
	return strings.Join(ids, " ")
}

func TestConfigPerDirectoryAndExclude(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/a/r.txt", report)
	write(t, dir+"/b/r.txt", report)
	write(t, dir+"/b/old/r.txt", report)
	write(t, dir+"/b/.fzlint.yaml", "rules: {fzzf/section-problems: off}\nexclude: [\"old/**\"]\n")
	got, err := collect(t, New(Options{}), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("checked %d files, want 2 (b/old excluded): %v", len(got), got)
	}
	a, b := got[filepath.ToSlash(dir)+"/a/r.txt"], got[filepath.ToSlash(dir)+"/b/r.txt"]
	if !strings.Contains(rulesOf(a), "fzzf/section-problems") {
		t.Errorf("a/r.txt should use the defaults: %s", rulesOf(a))
	}
	if strings.Contains(rulesOf(b), "fzzf/section-problems") {
		t.Errorf("b/r.txt should use b/.fzlint.yaml: %s", rulesOf(b))
	}
}

// TestExcludeWithRelativeConfig: --config named relative to the working
// directory excludes what its patterns name, as the same config found by
// the walk up does.
func TestExcludeWithRelativeConfig(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/r.txt", report)
	write(t, dir+"/old/r.txt", report)
	write(t, dir+"/cfg/fzlint.yaml", "exclude: [\"../old/**\", \"**/old/**\"]\n")
	write(t, dir+"/.fzlint.yaml", "exclude: [\"old/**\"]\n")
	t.Chdir(dir)
	for _, cfg := range []string{".fzlint.yaml", "cfg/fzlint.yaml", ""} {
		got, err := collect(t, New(Options{Config: cfg}), ".")
		if err != nil || len(got) != 1 || got["r.txt"].Path == "" {
			t.Errorf("--config %q: %v %v, want r.txt only (old/ excluded)", cfg, got, err)
		}
	}
}

func TestNamedFileIsCheckedEvenIfExcluded(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/old/r.txt", report)
	write(t, dir+"/.fzlint.yaml", "exclude: [\"old/**\"]\n")
	got, err := collect(t, New(Options{}), dir+"/old/r.txt")
	if err != nil || len(got) != 1 {
		t.Fatalf("a file named on the command line must be checked: %v %v", got, err)
	}
}

// TestBadConfigLeavesItsFileUnchecked: the file is a result with the error,
// and Run returns the error.
func TestBadConfigLeavesItsFileUnchecked(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/r.txt", report)
	write(t, dir+"/.fzlint.yaml", "rules: {fzzf/nosuch: off}\n")
	got, err := collect(t, New(Options{}), dir+"/r.txt")
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *ConfigError", err)
	}
	r := got[filepath.ToSlash(dir+"/r.txt")]
	if len(got) != 1 || r.Error == nil || r.Error.Code != "bad-config" ||
		!strings.HasPrefix(r.Error.Message, "未检查："+filepath.Join(dir, ".fzlint.yaml")+":1:") {
		t.Fatalf("results %+v, want r.txt unchecked with the config's error", got)
	}
}

func TestUnreadableInputsAreResults(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/ok.txt", report)
	write(t, dir+"/empty.txt", "")
	got, err := collect(t, New(Options{NoConfig: true}), dir+"/nosuch.txt", dir+"/empty.txt", dir+"/ok.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, code := range map[string]string{"nosuch.txt": "not-found", "empty.txt": "empty"} {
		r := got[filepath.ToSlash(dir)+"/"+name]
		if r.Error == nil || r.Error.Code != code {
			t.Errorf("%s: error %+v, want code %s", name, r.Error, code)
		}
	}
	if r := got[filepath.ToSlash(dir)+"/ok.txt"]; r.Error != nil || len(r.Findings) == 0 {
		t.Errorf("ok.txt must still be checked: %+v", r)
	}
}

func TestStdin(t *testing.T) {
	l := New(Options{NoConfig: true, Stdin: strings.NewReader(report), StdinName: "草稿.md"})
	got, err := collect(t, l, "-")
	if err != nil {
		t.Fatal(err)
	}
	r := got["草稿.md"]
	if r.Format != "markdown" || len(r.Findings) == 0 {
		t.Errorf("stdin result %+v", r)
	}
}

// TestReportInUnreadFormatIsReported: a .pdf or .doc in a checked directory is
// reported as a file that could not be checked, unless the config excludes it;
// a spreadsheet beside it is an attachment and skipped.
func TestReportInUnreadFormatIsReported(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/a/r.txt", report)
	write(t, dir+"/a/r.pdf", "%PDF-1.7")
	write(t, dir+"/a/统计表.xlsx", "PK")
	write(t, dir+"/b/r.doc", "x")
	write(t, dir+"/b/.fzlint.yaml", "exclude: [\"*.doc\"]\n")
	got, err := collect(t, New(Options{}), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d results, want r.txt and r.pdf: %v", len(got), got)
	}
	pdf := got[filepath.ToSlash(dir)+"/a/r.pdf"]
	if pdf.Error == nil || pdf.Error.Code != "unsupported" || !strings.Contains(pdf.Error.Message, "exclude") {
		t.Errorf("r.pdf: error %+v, want unsupported with how to exclude it", pdf.Error)
	}
}

// TestWalkLeavesOut: a directory walk passes over what .gitignore and
// .fzlintignore name and the repository's README and LICENSE; named
// explicitly, they are checked.
func TestWalkLeavesOut(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/.git/HEAD", "ref: refs/heads/main\n")
	write(t, dir+"/.gitignore", "导出/\n")
	write(t, dir+"/reports/.fzlintignore", "*-模板.txt\n")
	for _, p := range []string{"reports/a.txt", "reports/b-模板.txt", "reports/导出/c.txt", "reports/README.md", "LICENSE.txt", "reports/2022/d.txt"} {
		write(t, dir+"/"+p, report)
	}
	got, err := collect(t, New(Options{NoConfig: true}), dir)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for p := range got {
		rel, _ := filepath.Rel(dir, p)
		paths = append(paths, filepath.ToSlash(rel))
	}
	sort.Strings(paths)
	if want := []string{"reports/2022/d.txt", "reports/a.txt"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("checked %v, want %v", paths, want)
	}
	got, err = collect(t, New(Options{NoConfig: true}), dir+"/reports/README.md", dir+"/reports/b-模板.txt")
	if err != nil || len(got) != 2 {
		t.Errorf("files named explicitly: %v, %v", got, err)
	}
}
