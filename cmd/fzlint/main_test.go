package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/golden"
)

const reports = "../../testdata/reports"

// fzlint runs the command line in-process and returns its exit code and output.
func fzlint(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &streams{in: strings.NewReader(stdin), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Compare(t, filepath.Join("../../testdata/cli", name), []byte(got))
}

func TestCheckCleanReport(t *testing.T) {
	code, out, errs := fzlint(t, "", "check", "--no-config", "--fail-level", "warning", reports+"/青山县司法局-2023.txt")
	if code != exitClean {
		t.Errorf("exit %d, want 0\n%s%s", code, out, errs)
	}
}

func TestCheckDraftText(t *testing.T) {
	code, out, _ := fzlint(t, "", "check", "--no-config", "--no-color", reports+"/白河市-2023-草稿.txt")
	if code != exitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	compareGolden(t, "draft.txt", out)
}

func TestCheckDraftJSON(t *testing.T) {
	code, out, _ := fzlint(t, "", "check", "--no-config", "--format", "json", "--pretty", reports+"/白河市-2023-草稿.txt")
	if code != exitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	var v struct {
		Schema string
		Files  []struct {
			Findings []struct {
				Rule    string
				Excerpt string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.Schema != "fzlint/v1" || len(v.Files) != 1 {
		t.Fatalf("bad JSON (%v): %s", err, out)
	}
	compareGolden(t, "draft.json", out)
}

func TestMissingFileStillChecksOthers(t *testing.T) {
	code, out, _ := fzlint(t, "", "check", "--no-config", "--format", "json", "nosuch.txt", reports+"/白河市-2023-草稿.txt")
	if code != exitTrouble {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(out, `"code":"not-found"`) || !strings.Contains(out, `"fzzf/title-guanyu"`) && !strings.Contains(out, `"rule":"fzzf/`) {
		t.Errorf("the missing file must be an error and the other file still checked:\n%s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := [][]string{
		{"check", "--no-such-flag", "a.txt"},
		{"check"},
		{"check", "--format", "xml", reports},
		{"check", "--fail-level", "fatal", reports},
		{"explain", "fzzf/no-such-rule"},
		{"bogus"},
		{"check", "--fix", "-"},
		{"check", "--jobs", "0", reports},
	}
	for _, args := range cases {
		code, _, errs := fzlint(t, "", args...)
		if code != exitTrouble || !strings.Contains(errs, "fzlint:") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
}

func TestBadConfigIsExit2(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".fzlint.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n  fzzf/nosuch: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(report, []byte("标题\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := fzlint(t, "", "check", report)
	if code != exitTrouble || !strings.Contains(errs, `配置中的规则 "fzzf/nosuch" 不存在`) {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestFailLevel: a report whose only finding is an info (今年, a relative
// time word) passes at error and warning and fails at info.
func TestFailLevel(t *testing.T) {
	data, err := os.ReadFile(reports + "/青山县司法局-2023.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.txt")
	text := strings.Replace(string(data), "2023年，我局坚持", "今年，我局坚持", 1)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for level, want := range map[string]int{"error": exitClean, "warning": exitClean, "info": exitFindings} {
		if code, out, _ := fzlint(t, "", "check", "--no-config", "--fail-level", level, path); code != want {
			t.Errorf("--fail-level %s: exit %d, want %d\n%s", level, code, want, out)
		}
	}
}

func TestStdin(t *testing.T) {
	data, err := os.ReadFile(reports + "/白河市-2023-草稿.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := fzlint(t, string(data), "check", "--no-config", "--format", "json", "--stdin-filename", "草稿.txt", "-")
	if code != exitFindings || !strings.Contains(out, `"path":"草稿.txt"`) {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestRulesJSON(t *testing.T) {
	code, out, _ := fzlint(t, "", "rules", "--no-config", "--format", "json")
	if code != exitClean {
		t.Fatalf("exit %d", code)
	}
	var v struct {
		Rules []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Rules) < 30 {
		t.Errorf("only %d rules", len(v.Rules))
	}
	for _, r := range v.Rules {
		for _, k := range []string{"id", "pack", "kind", "severity", "source", "description", "fixable", "requirements"} {
			if _, ok := r[k]; !ok {
				t.Errorf("rule %v has no %q", r["id"], k)
			}
		}
		if ids, _ := r["requirements"].([]any); len(ids) == 0 {
			t.Errorf("rule %v names no requirement in its description", r["id"])
		}
		if r["id"] == "fzzf/date-deadline" && !strings.Contains(fmt.Sprint(r["requirements"]), "R-GANGYAO-2015-1") {
			t.Errorf("fzzf/date-deadline lists %v, not R-GANGYAO-2015-1", r["requirements"])
		}
	}
}

func TestExplain(t *testing.T) {
	code, out, _ := fzlint(t, "", "explain", "--no-config", "fzzf/section-problems")
	if code != exitClean || !strings.Contains(out, "提示：缺少“存在的不足和原因”部分") || !strings.Contains(out, "依据：") ||
		!strings.Contains(out, "不符合的示例") || !strings.Contains(out, "rules/packs/fzzf.yaml:") ||
		!strings.Contains(out, "对应要求：R-DUCHA-23-0、R-DUCHA-23-2\n") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestOutlineJSON(t *testing.T) {
	code, out, _ := fzlint(t, "", "outline", "--no-config", "--format", "json", reports+"/青山县司法局-2023.txt")
	if code != exitClean {
		t.Fatalf("exit %d", code)
	}
	compareGolden(t, "outline.json", out)
}

func TestVersion(t *testing.T) {
	code, out, _ := fzlint(t, "", "version")
	if code != exitClean || !strings.HasPrefix(out, "fzlint ") {
		t.Errorf("exit %d %q", code, out)
	}
}

func TestFixWritesBackInPlace(t *testing.T) {
	data, err := os.ReadFile(reports + "/白河市-2023-草稿.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "草稿.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, errs := fzlint(t, "", "check", "--no-config", "--fix", path)
	if !strings.Contains(errs, "已自动修复") {
		t.Fatalf("nothing fixed: %s", errs)
	}
	fixed, _ := os.ReadFile(path)
	text := string(fixed)
	for _, want := range []string{"决策程序制度", "〔2022〕5号", "行政机关负责人出庭"} {
		if !strings.Contains(text, want) {
			t.Errorf("fixed file lacks %q", want)
		}
	}
	if strings.Count(text, "\r\n") != strings.Count(string(data), "\r\n") || strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Errorf("line ends changed:\n%q", text)
	}
	// A second run has nothing left to fix.
	_, _, errs = fzlint(t, "", "check", "--no-config", "--fix", path)
	if strings.Contains(errs, "已自动修复") {
		t.Errorf("second --fix run changed the file again: %s", errs)
	}
	// Without --fix the file is never touched.
	before, _ := os.ReadFile(path)
	fzlint(t, "", "check", "--no-config", path)
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("check without --fix modified the file")
	}
}

// TestBadInputsDoNotStopTheRun: every unreadable input is reported with its
// code and message, the run exits 2, and the readable file is still checked.
func TestBadInputsDoNotStopTheRun(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"good.txt":   []byte("青山县司法局关于2023年度法治政府建设情况的报告\n一、2023年度主要举措和成效\n全年审查规范性文件XX件。\n"),
		"empty.txt":  nil,
		"binary.txt": {0x00, 0x01, 0x02, 0x00, 'a', 0x00},
		"fake.docx":  []byte("一、这不是 Word 文档"),
		"old.doc":    {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
		"scan.pdf":   []byte("%PDF-1.4\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, _ := fzlint(t, "", "check", "--no-config", "--format", "json", dir, filepath.Join(dir, "old.doc"), filepath.Join(dir, "scan.pdf"))
	if code != exitTrouble {
		t.Errorf("exit %d, want 2", code)
	}
	var v struct {
		Files []struct {
			Path     string
			Error    *struct{ Code, Message string }
			Findings []struct{ Rule string }
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"empty.txt": "empty", "binary.txt": "binary", "fake.docx": "corrupt", "old.doc": "unsupported", "scan.pdf": "unsupported"}
	seen := map[string]bool{}
	for _, f := range v.Files {
		name := filepath.Base(f.Path)
		seen[name] = true
		if name == "good.txt" {
			if f.Error != nil || len(f.Findings) == 0 {
				t.Errorf("good.txt must be checked: %+v", f)
			}
			continue
		}
		if f.Error == nil || f.Error.Code != want[name] || f.Error.Message == "" {
			t.Errorf("%s: error %+v, want code %s", name, f.Error, want[name])
		}
	}
	for name := range files {
		if !seen[name] {
			t.Errorf("%s was silently skipped", name)
		}
	}
}

// TestConfigErrorMidRunKeepsJSONWhole: a bad config met after other files were
// checked leaves its file unchecked, with the error, and exit 2; the JSON
// printed is one whole document holding every file, and SARIF marks the run
// unsuccessful.
func TestConfigErrorMidRunKeepsJSONWhole(t *testing.T) {
	dir := t.TempDir()
	for path, body := range map[string]string{
		"a/r.txt":        "青山县司法局关于2023年度法治政府建设情况的报告\n",
		"b/r.txt":        "青山县司法局关于2023年度法治政府建设情况的报告\n",
		"b/.fzlint.yaml": "rules:\n  fzzf/nosuch: off\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, path)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, path), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := fzlint(t, "", "check", "--format", "json", dir)
	var report struct {
		Files []struct {
			Path  string `json:"path"`
			Error *struct {
				Code string `json:"code"`
			} `json:"error"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("stdout is no JSON document: %v\n%s", err, out)
	}
	if code != exitTrouble || !strings.Contains(errs, "fzzf/nosuch") || len(report.Files) != 2 ||
		!strings.HasSuffix(filepath.ToSlash(report.Files[0].Path), "a/r.txt") || report.Files[0].Error != nil ||
		!strings.HasSuffix(filepath.ToSlash(report.Files[1].Path), "b/r.txt") ||
		report.Files[1].Error == nil || report.Files[1].Error.Code != "bad-config" {
		t.Errorf("exit %d, files %+v, stderr %q", code, report.Files, errs)
	}
	_, out, _ = fzlint(t, "", "check", "--format", "sarif", dir)
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 ||
		log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("SARIF of a stopped run: %v %+v", err, log)
	}
}
