package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeveralOutputs: one run writes SARIF and JUnit files and prints text.
func TestSeveralOutputs(t *testing.T) {
	dir := t.TempDir()
	sarif, junit := filepath.Join(dir, "fzlint.sarif"), filepath.Join(dir, "junit.xml")
	code, out, errs := fzlint(t, "", "check", "--no-config", "--no-color", "-f", "sarif:"+sarif, "--format", "junit:"+junit, "-f", "text", reports+"/白河市-2023-草稿.txt")
	if code != exitFindings || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.HasSuffix(out, "\n1 个文件，2 个错误，15 个警告，9 个提示\n") || !strings.Contains(out, "[hygiene/placeholder]") {
		t.Errorf("text output:\n%s", out)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct{ Results []struct{ RuleID string } }
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 26 {
		t.Errorf("SARIF file (%v): %.300s", err, data)
	}
	data, err = os.ReadFile(junit)
	if err != nil || !strings.Contains(string(data), `<testsuites name="fzlint" tests="1" failures="26" errors="0">`) {
		t.Errorf("JUnit file (%v): %.300s", err, data)
	}
}

// TestOutputFile: --output takes the format without a file; the summary
// line then goes to standard error, since standard output shows no text.
func TestOutputFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "out.json")
	code, out, errs := fzlint(t, "", "check", "--no-config", "-f", "json", "--output", file, reports+"/白河市-2023-草稿.txt")
	if code != exitFindings || out != "" || errs != "1 个文件，2 个错误，15 个警告，9 个提示\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	data, err := os.ReadFile(file)
	if err != nil || !json.Valid(data) || !strings.Contains(string(data), `"rule":"hygiene/placeholder"`) {
		t.Errorf("%s (%v): %.200s", file, err, data)
	}
}

// TestOutputFilesInTheCheckedDirectory: report files written into the
// directory being checked (a .txt, an .html) are not checked as reports.
func TestOutputFilesInTheCheckedDirectory(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(reports + "/青山县司法局-2023.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"r.txt": string(data), "report.html": "旧的报告", "log.txt": "旧的日志"})
	code, out, errs := fzlint(t, "", "check", "--no-config", "--fail-level", "warning", "-f", "json",
		"-f", "html:"+filepath.Join(dir, "report.html"), "-f", "text:"+filepath.Join(dir, ".", "log.txt"), dir)
	var v struct{ Files []struct{ Path string } }
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Files) != 1 || code != exitClean {
		t.Errorf("exit %d, want 0 and r.txt alone: %+v (%v)\n%s", code, v.Files, err, errs)
	}
}

// TestOutputFileIsAnInput: an output file that is also an input is
// refused before it is created, which would empty the report.
func TestOutputFileIsAnInput(t *testing.T) {
	dir := t.TempDir()
	path := writeDraft(t, dir, "r.txt", 0o644)
	for _, args := range [][]string{{"-f", "json:" + filepath.Join(dir, ".", "r.txt")}, {"-o", path}} {
		code, _, errs := fzlint(t, "", append(append([]string{"check", "--no-config"}, args...), path)...)
		if code != exitTrouble || !strings.Contains(errs, "是要检查的文件：写入会清空它") || fileText(t, path) != draft {
			t.Fatalf("%v: exit %d, stderr %q, the report now %q", args, code, errs, fileText(t, path))
		}
	}
}

func TestOutputErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-f", "json", "-f", "sarif"}, "fzlint: 最多一种输出格式写到标准输出：其他格式请写成 --format 格式:文件\n"},
		{[]string{"-f", "json", "-f", "sarif", "-o", filepath.Join(dir, "both")}, "fzlint: 两种输出格式不能写到同一个文件 " + filepath.Join(dir, "both") + "\n"},
		{[]string{"-f", "json:" + dir + "/r.x", "-f", "sarif:" + dir + "/./r.x"}, "fzlint: 两种输出格式不能写到同一个文件 " + dir + "/./r.x\n"},
		{[]string{"-f", "xml"}, "fzlint: 未知的输出格式 \"xml\"（应为 text、json、sarif、github、html、checkstyle、gitlab、junit）\n"},
		{[]string{"-f", "sarif:" + filepath.Join(t.TempDir(), "none", "x.sarif")}, "fzlint: 无法写入输出文件：open "},
		{[]string{"--baseline", "nosuch.json"}, "fzlint: 无法读取基线文件 nosuch.json："},
		{[]string{"--baseline", "a.json", "--write-baseline", "b.json"}, "fzlint: --baseline 与 --write-baseline 不能同时使用\n"},
	} {
		args := append([]string{"check", "--no-config"}, c.args...)
		code, out, errs := fzlint(t, "", append(args, reports+"/白河市-2023-草稿.txt")...)
		if code != exitTrouble || out != "" || !strings.HasPrefix(errs, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q, want %q", c.args, code, out, errs, c.want)
		}
	}
}

// TestBaselineRun: --write-baseline accepts what it finds; --baseline then
// reports only what is new.
func TestBaselineRun(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.txt")
	data, err := os.ReadFile(reports + "/白河市-2023-草稿.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(draft, data, 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "baseline.json")
	code, out, _ := fzlint(t, "", "check", "--no-config", "--no-color", "--write-baseline", base, draft)
	// The file's checklist, then the summary.
	if code != exitClean || !strings.HasSuffix(out, "\n1 个文件，0 个错误，0 个警告，0 个提示（另有 26 个问题已按抑制注释、配置或基线略去）\n") {
		t.Errorf("--write-baseline: exit %d\n%s", code, out)
	}
	code, out, _ = fzlint(t, "", "check", "--no-config", "--no-color", "--baseline", base, draft)
	if code != exitClean || !strings.Contains(out, "\n1 个文件，0 个错误，0 个警告，0 个提示") {
		t.Errorf("--baseline, nothing new: exit %d\n%s", code, out)
	}
	if err := os.WriteFile(draft, append(data, "联系人：XX。\r\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = fzlint(t, "", "check", "--no-config", "--no-color", "-f", "github", "--baseline", base, draft)
	if code != exitFindings || !strings.HasPrefix(out, "::error file="+draft+",line=14,col=5,endLine=14,endColumn=7,title=hygiene/placeholder::") ||
		strings.Count(out, "\n") != 1 {
		t.Errorf("--baseline, one new defect: exit %d\n%s", code, out)
	}
}

// TestSuppressionSARIF: through the command line, a suppressed finding is a
// SARIF result with its suppression, and the finding about a stale comment
// points at a rule of tool.driver.rules.
func TestSuppressionSARIF(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.md")
	body := "<!-- fzlint-disable-next-line hygiene/placeholder -- 模板中的示例 -->\n青山县司法局关于XX县2023年度法治政府建设情况的报告\n<!-- fzlint-disable-next-line terms/typo -- 已核实 -->\n全年审查规范性文件12件。\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := fzlint(t, "", "check", "--no-config", "-f", "sarif", path)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID       string
				RuleIndex    *int
				Suppressions []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var got []string
	for _, r := range run.Results {
		switch {
		case len(r.Suppressions) == 1:
			got = append(got, "suppressed "+r.RuleID+" "+r.Suppressions[0].Kind+" "+r.Suppressions[0].Justification)
		case r.RuleID == "fzlint/unused-suppression":
			if r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
				t.Errorf("%s has no rule in tool.driver.rules", r.RuleID)
			}
			got = append(got, r.RuleID)
		}
	}
	want := "fzlint/unused-suppression,suppressed hygiene/placeholder inSource 模板中的示例"
	if strings.Join(got, ",") != want {
		t.Errorf("got %q, want %q", strings.Join(got, ","), want)
	}
}
