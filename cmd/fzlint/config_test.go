package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// writeFiles writes files (path relative to dir → content).
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for path, body := range files {
		p := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestConfigErrorBeforeTheRunKeepsDocumentsWhole: a config error found
// before any file is checked still prints a whole JSON or SARIF document
// holding it, and stderr has each error of the config on its own line.
func TestConfigErrorBeforeTheRunKeepsDocumentsWhole(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".fzlint.yaml": "pakcs: [fzzf]\nrules: {fzzf/section-problem: off}\n",
		"r.txt":        "青山县司法局关于2023年度法治政府建设情况的报告\n",
	})
	cfg := filepath.Join(dir, ".fzlint.yaml")
	wantErrs := "fzlint: " + cfg + `:1:1: 未知的键 "pakcs"，是不是 "packs"？（可用：exclude、ignore、pack-dirs、packs、rules、settings）` + "\n" +
		"fzlint: " + cfg + `:2:9: 配置中的规则 "fzzf/section-problem" 不存在，是不是 "fzzf/section-problems"？（用 fzlint rules 查看可用规则）` + "\n"

	code, out, errs := fzlint(t, "", "check", "--format", "json", dir)
	var report struct {
		Files []struct {
			Path  string `json:"path"`
			Error *struct {
				Code    string `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("stdout is no JSON document: %v\n%q", err, out)
	}
	if code != exitTrouble || errs != wantErrs {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 2, stderr:\n%s", code, errs, wantErrs)
	}
	if len(report.Files) != 1 || report.Files[0].Path != cfg || report.Files[0].Error == nil ||
		report.Files[0].Error.Code != "bad-config" || !strings.Contains(report.Files[0].Error.Message, cfg+":2:9: ") {
		t.Errorf("JSON files = %+v", report.Files)
	}

	code, out, _ = fzlint(t, "", "check", "--format", "sarif", dir)
	validateSARIF(t, out)
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || code != exitTrouble || len(log.Runs) != 1 ||
		len(log.Runs[0].Invocations) != 1 || log.Runs[0].Invocations[0].ExecutionSuccessful ||
		len(log.Runs[0].Invocations[0].Notifications) != 1 ||
		!strings.Contains(log.Runs[0].Invocations[0].Notifications[0].Message.Text, cfg+":1:1: ") {
		t.Errorf("SARIF of a bad config: exit %d, %v %+v\n%s", code, err, log, out)
	}
}

// TestUnusedPackIsAWarning: a pack in pack-dirs that packs does not enable
// is said on stderr; the run goes on and its result decides the exit code.
func TestUnusedPackIsAWarning(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".fzlint.yaml":   "packs: [fzzf]\npack-dirs: [规则包]\n",
		"规则包/local.yaml": "pack: local\nextends: [fzzf]\n",
	})
	code, _, errs := fzlint(t, "", "check", "--fail-level", "warning", reports+"/青山县司法局-2023.txt", "--config", filepath.Join(dir, ".fzlint.yaml"))
	want := "fzlint: " + filepath.Join(dir, ".fzlint.yaml") + ":2:13: 警告：" + filepath.Join(dir, "规则包") + " 中的规则包 local 未启用，其规则不会运行；要运行它，请加入 packs\n"
	if code != exitClean || errs != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 0, stderr:\n%s", code, errs, want)
	}
}

// TestBadSettingValue: a setting whose value the rule reading it cannot use
// is an error at the value in the config.
func TestBadSettingValue(t *testing.T) {
	for body, want := range map[string]string{
		"settings:\n  fzzf.deadline: \"13-45\"\n": `:2:18: 参数 deadline 的值 "13-45" 无效（应为 月-日，如 03-01；规则 fzzf/date-deadline 读取它）`,
		"settings:\n  fzzf.deadline: [3, 1]\n":    `:2:18: 参数 fzzf.deadline 的值应为字符串`,
	} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{".fzlint.yaml": body})
		cfg := filepath.Join(dir, ".fzlint.yaml")
		code, _, errs := fzlint(t, "", "check", "--config", cfg, reports+"/青山县司法局-2023.txt")
		if code != exitTrouble || errs != "fzlint: "+cfg+want+"\n" {
			t.Errorf("%q: exit %d, stderr %q, want 2 and %q", body, code, errs, want)
		}
	}
}

// validateSARIF checks a SARIF log against the SARIF 2.1.0 schema kept in
// testdata/output.
func validateSARIF(t *testing.T, log string) {
	t.Helper()
	f, err := os.Open("../../testdata/output/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
	if err != nil {
		t.Fatalf("SARIF is no JSON: %v", err)
	}
	if err := schema.Validate(v); err != nil {
		t.Errorf("SARIF log does not validate: %v", err)
	}
}

// TestConfigErrorBeforeTheRunAndOutputFlags: the document that holds a
// config error found before the run is written as the run's would be
// (--pretty indents it); with --diff, whose output is the diff, standard
// output stays empty.
func TestConfigErrorBeforeTheRunAndOutputFlags(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".fzlint.yaml": "pakcs: [fzzf]\n",
		"r.txt":        draft,
	})
	if code, out, _ := fzlint(t, "", "check", "--format", "json", "--pretty", dir); code != exitTrouble || !strings.Contains(out, "\n  \"files\": [") {
		t.Errorf("--pretty: exit %d, want 2 and indented JSON:\n%s", code, out)
	}
	if code, out, errs := fzlint(t, "", "check", "--fix", "--diff", dir); code != exitTrouble || out != "" || !strings.Contains(errs, "pakcs") {
		t.Errorf("--diff: exit %d, want 2, nothing on stdout, the error on stderr:\n%s---\n%s", code, out, errs)
	}
	if fileText(t, filepath.Join(dir, "r.txt")) != draft {
		t.Error("the file was modified")
	}
}

// TestUnusedIgnoreIsNoFile: a config's unused ignore entry is reported, and
// the summary counts the files checked, not the config.
func TestUnusedIgnoreIsNoFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "r.txt"), []byte("青山县司法局关于2023年度法治政府建设情况的报告\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := "ignore:\n  - rule: hygiene/mojibake\n    path: \"*.txt\"\n    reason: 测试\n"
	if err := os.WriteFile(filepath.Join(dir, ".fzlint.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := fzlint(t, "", "check", "--no-checklist", dir)
	if !strings.Contains(out, "[fzlint/unused-suppression]") || !strings.Contains(out, "\n1 个文件，") {
		t.Errorf("text output:\n%s", out)
	}
	_, out, _ = fzlint(t, "", "check", "--format", "json", dir)
	var report struct {
		Files   []struct{ Path string } `json:"files"`
		Summary struct{ Files int }     `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil || len(report.Files) != 2 || report.Summary.Files != 1 {
		t.Errorf("JSON: %v, %d results, summary files %d", err, len(report.Files), report.Summary.Files)
	}
}

// TestOutlineGoesOnPastBadConfig: outline, like check, leaves the file of a
// bad config out with the error and prints the others' outlines, exit 2.
func TestOutlineGoesOnPastBadConfig(t *testing.T) {
	dir := t.TempDir()
	body := "青山县司法局关于2023年度法治政府建设情况的报告\n"
	writeFiles(t, dir, map[string]string{"a/r.txt": body, "a/.fzlint.yaml": "rules: {fzzf/nosuch: off}\n", "b/r.txt": body})
	code, out, errs := fzlint(t, "", "outline", filepath.Join(dir, "a", "r.txt"), filepath.Join(dir, "b", "r.txt"))
	if code != exitTrouble || !strings.Contains(errs, "a/r.txt: error: 未检查：") || !strings.Contains(errs, "[bad-config]") ||
		!strings.Contains(out, "b/r.txt") || strings.Contains(out, "a/r.txt") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
}
