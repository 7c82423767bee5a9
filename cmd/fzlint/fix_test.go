package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// draft holds a warning fix (halfwidth-punct), an info fix (year-range-hyphen)
// and a finding without fix; lines end in CRLF.
const draft = "2023年,我局推进改革（2021-2025年）。\r\n"

func writeDraft(t *testing.T, dir, name string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(draft), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFixDocxInRunIsNotApplied: a .docx in a --fix run is checked and
// reported, its fixes listed as not applied, and the exit code is the
// findings' (1), not 2.
func TestFixDocxInRunIsNotApplied(t *testing.T) {
	dir := t.TempDir()
	docx, err := os.ReadFile("../../testdata/read/numbered.docx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.docx"), docx, 0o644); err != nil {
		t.Fatal(err)
	}
	txt := writeDraft(t, dir, "b.txt", 0o644)
	code, out, errs := fzlint(t, "", "check", "--no-config", "--fix", dir)
	if code != exitFindings {
		t.Errorf("exit %d, want 1\n%s", code, errs)
	}
	if !strings.Contains(out, "a.docx") {
		t.Errorf("the .docx was not reported:\n%s", out)
	}
	if !strings.Contains(errs, "a.docx:") || !strings.Contains(errs, "未自动修复") || !strings.Contains(errs, "不支持自动修复 docx 格式") {
		t.Errorf("the .docx fixes are not listed as not applied:\n%s", errs)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.docx")); string(got) != string(docx) {
		t.Error("the .docx was modified")
	}
	if got := fileText(t, txt); got != "2023年，我局推进改革（2021—2025年）。\r\n" {
		t.Errorf("b.txt = %q", got)
	}
}

func TestFixReadOnlyIsExit2(t *testing.T) {
	path := writeDraft(t, t.TempDir(), "r.txt", 0o444)
	code, _, errs := fzlint(t, "", "check", "--no-config", "--fix", path)
	if code != exitTrouble || !strings.Contains(errs, "文件是只读的") {
		t.Errorf("exit %d, want 2\n%s", code, errs)
	}
	if fileText(t, path) != draft {
		t.Error("a read-only file was modified")
	}
	// --diff writes nothing, so a read-only file is no obstacle.
	code, out, errs := fzlint(t, "", "check", "--no-config", "--fix", "--diff", path)
	if code == exitTrouble || !strings.Contains(out, "\n-2023年,我局") || fileText(t, path) != draft {
		t.Errorf("--diff of a read-only file: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = fzlint(t, "", "check", "--no-config", "--fix", "--fix-readonly", path)
	if code == exitTrouble || fileText(t, path) == draft {
		t.Errorf("--fix-readonly: exit %d, file %q\n%s", code, fileText(t, path), errs)
	}
}

func TestFixLevelAndOnly(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--fix-level", "warning"}, "2023年，我局推进改革（2021-2025年）。\r\n"},
		{[]string{"--fix-only", "typography/year-range-hyphen"}, "2023年,我局推进改革（2021—2025年）。\r\n"},
		{[]string{"--fix-only", "typography/year-range-hyphen,typography/halfwidth-punct"}, "2023年，我局推进改革（2021—2025年）。\r\n"},
		{[]string{"--fix-only", "typography/year-range-hyphen", "--fix-level", "warning"}, draft},
	}
	for _, c := range cases {
		path := writeDraft(t, t.TempDir(), "r.txt", 0o644)
		fzlint(t, "", append([]string{"check", "--no-config", "--fix", path}, c.args...)...)
		if got := fileText(t, path); got != c.want {
			t.Errorf("%v: file %q, want %q", c.args, got, c.want)
		}
	}
}

func TestFixFlagUsageErrors(t *testing.T) {
	path := writeDraft(t, t.TempDir(), "r.txt", 0o644)
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--fix", "--fix-only", "typography/no-such-rule"}, `--fix-only：未知的规则 "typography/no-such-rule"`},
		{[]string{"--fix", "--fix-level", "off"}, "--fix-level 应为 error、warning 或 info"},
		{[]string{"--diff"}, "--diff 需与 --fix 一起使用"},
		{[]string{"--fix", "--diff", "--format", "json"}, "不能与 --format 一起使用"},
		{[]string{"--fix", "--diff", "--output", filepath.Join(t.TempDir(), "fix.patch")}, "不能与 --output 一起使用"},
		{[]string{"--fix", "--diff", "--write-baseline", filepath.Join(t.TempDir(), "b.json")}, "不能与 --write-baseline 一起使用"},
		{[]string{"--fix-only", "typography/halfwidth-punct"}, "--fix-only 需与 --fix 一起使用"},
	} {
		code, _, errs := fzlint(t, "", append([]string{"check", "--no-config", path}, c.args...)...)
		if code != exitTrouble || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, want 2 and %q\n%s", c.args, code, c.msg, errs)
		}
	}
	if fileText(t, path) != draft {
		t.Error("a usage error modified the file")
	}
}

// TestFixDiffAppliesAsFix: --fix --diff writes nothing and prints a diff that
// the real patch -p1 and git apply turn into exactly what --fix writes, for
// files in several encodings and line ends.
func TestFixDiffAppliesAsFix(t *testing.T) {
	text := "2023年,我局推进改革（2021-2025年）。\n二是加强复议工作,办结率 100%。\n三是\"放管服\"改革。"
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(strings.ReplaceAll(text, "\n", "\r\n"))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text + "\r")
	files := map[string]string{
		"gb18030-crlf.txt":   gb,
		"utf16le-bom-cr.txt": u16,
		"utf8-bom.md":        "\xEF\xBB\xBF# 标题\n\n" + text,
		"utf8-mixed.txt":     strings.Replace(text, "\n", "\r", 1) + "\r\n",
	}
	var inputs []string
	work := t.TempDir()
	fixed, diffed := filepath.Join(work, "fixed"), filepath.Join(work, "diffed")
	for _, dir := range []string{fixed, diffed} {
		if err := os.MkdirAll(filepath.Join(dir, "reports"), 0o755); err != nil {
			t.Fatal(err)
		}
		for in, data := range files {
			if err := os.WriteFile(filepath.Join(dir, "reports", in), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for in := range files {
		inputs = append(inputs, in)
	}
	t.Chdir(diffed)
	before := map[string]string{}
	for _, in := range inputs {
		before[in] = fileText(t, filepath.Join("reports", in))
	}
	code, diff, errs := fzlint(t, "", "check", "--no-config", "--fix", "--diff", "reports")
	if code == exitTrouble || !strings.HasPrefix(diff, "--- a/reports/") {
		t.Fatalf("exit %d\n%s\n%s", code, diff, errs)
	}
	for _, in := range inputs {
		if fileText(t, filepath.Join("reports", in)) != before[in] {
			t.Errorf("--diff wrote %s", in)
		}
		if !strings.Contains(diff, "--- a/reports/"+in+"\n+++ b/reports/"+in+"\n@@ ") {
			t.Errorf("the diff has no change of %s", in)
		}
	}
	t.Chdir(fixed)
	if code, _, errs := fzlint(t, "", "check", "--no-config", "--fix", "reports"); code == exitTrouble {
		t.Fatalf("--fix: exit 2\n%s", errs)
	}
	tools := map[string][]string{"patch": {"patch", "-p1", "-s", "--no-backup-if-mismatch"}, "git": {"git", "apply", "-p1"}}
	for tool, argv := range tools {
		if _, err := exec.LookPath(argv[0]); err != nil {
			t.Logf("%s 未安装，跳过用它应用 diff", tool)
			continue
		}
		dir := filepath.Join(work, tool)
		if err := os.CopyFS(dir, os.DirFS(diffed)); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir, cmd.Stdin = dir, strings.NewReader(diff)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", tool, err, out)
			continue
		}
		for _, in := range inputs {
			if got, want := fileText(t, filepath.Join(dir, "reports", in)), fileText(t, filepath.Join(fixed, "reports", in)); got != want {
				t.Errorf("%s applied to %s differs from --fix", tool, in)
			}
		}
	}
}

// TestFixDiffFileNamedTwice: --diff writes nothing, so a file named twice
// (its directory and itself) is read unfixed twice; its change is printed
// once, as a patch that applies, and the exit code is the fixed text's.
func TestFixDiffFileNamedTwice(t *testing.T) {
	dir := t.TempDir()
	path := writeDraft(t, dir, "r.txt", 0o644)
	// Only the rules whose findings the fixes clear: the fixed text is clean.
	writeFiles(t, dir, map[string]string{".fzlint.yaml": "packs: [typography]\n"})
	once, want, _ := fzlint(t, "", "check", "--fix", "--diff", "--fail-level", "info", path)
	code, diff, errs := fzlint(t, "", "check", "--fix", "--diff", "--fail-level", "info", dir, path, filepath.Join(dir, ".", "r.txt"))
	if once != exitClean || diff != want || code != once {
		t.Errorf("exit %d, want %d; the diff:\n%s%s\nwant:\n%s", code, once, diff, errs, want)
	}
	if fileText(t, path) != draft {
		t.Error("--diff wrote the file")
	}
}
