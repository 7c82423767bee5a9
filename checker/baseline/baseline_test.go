package baseline

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/lint"
)

const reports = "../../testdata/reports"

// copyReports copies the fixture reports into a new directory.
func copyReports(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(reports)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(reports, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edit rewrites a file, replacing old (which must be there) by new.
func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// check runs the real linter (embedded packs) over dir and hands each result on.
func check(t *testing.T, dir string, each func(r *checker.FileResult)) {
	t.Helper()
	err := lint.New(lint.Options{NoConfig: true}).Run([]string{dir}, func(r checker.FileResult) {
		if r.Error != nil {
			t.Fatalf("%s: %v", r.Path, r.Error.Message)
		}
		each(&r)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBaseline: after a baseline is written, inserting paragraphs above old
// findings and editing other lines brings no new finding; a new defect and a
// second occurrence of a recorded one are exactly what is reported.
func TestBaseline(t *testing.T) {
	dir := copyReports(t)
	rec := NewRecorder()
	total := 0
	check(t, dir, func(r *checker.FileResult) {
		rec.Add(*r)
		total += len(r.Findings)
	})
	if total < 20 {
		t.Fatalf("the fixtures have %d findings: too few for the test to mean anything", total)
	}
	file := filepath.Join(dir, "baseline.json")
	if err := rec.Write(file); err != nil {
		t.Fatal(err)
	}

	draft := filepath.Join(dir, "白河市-2023-草稿.txt")
	// The draft has CRLF line ends.
	edit(t, draft, "一、加强组织领导\r\n", "一、加强组织领导\r\n全年开展执法培训3次，培训执法人员260人次。\r\n全年办理政府信息公开申请15件。\r\n")
	edit(t, draft, "主动公开政府信息1200条。", "主动公开政府信息1350条。")
	edit(t, filepath.Join(dir, "青山县司法局-2023.txt"), "\n", "\n\n")
	var got []string
	accepted := 0
	run := func() {
		got, accepted = nil, 0
		b, err := Read(file)
		if err != nil {
			t.Fatal(err)
		}
		check(t, dir, func(r *checker.FileResult) {
			b.Filter(r)
			accepted += len(r.Suppressed)
			for _, f := range r.Findings {
				got = append(got, fmt.Sprintf("%s %s %d:%d %s", filepath.Base(r.Path), f.Rule, f.Range.Start.Line, f.Range.Start.Column, f.Excerpt))
			}
		})
	}
	run()
	if len(got) != 0 || accepted != total {
		t.Errorf("after edits elsewhere: new findings %q, %d accepted of %d", got, accepted, total)
	}

	edit(t, draft, "主动公开政府信息1350条。", "主动公开政府信息1350条。由XX科室负责。")
	edit(t, draft, "落实行政机关人出庭应诉制度。\r\n", "落实行政机关人出庭应诉制度。\r\n另办理行政复议案件X件，落实行政机关负责人出庭。\r\n")
	run()
	want := []string{
		"白河市-2023-草稿.txt hygiene/placeholder 11:10 X",
		"白河市-2023-草稿.txt hygiene/placeholder 12:26 XX",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("new findings %q\nwant %q", got, want)
	}
}

// TestBaselineFile: the file is one entry a line, sorted by file, rule and
// fingerprint, the same bytes for the same findings, with counts.
func TestBaselineFile(t *testing.T) {
	dir := copyReports(t)
	total := 0
	write := func(name string) []byte {
		rec := NewRecorder()
		total = 0
		check(t, dir, func(r *checker.FileResult) {
			rec.Add(*r)
			total += len(r.Findings)
		})
		path := filepath.Join(t.TempDir(), name)
		if err := rec.Write(path); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	a, b := write("a.json"), write("b.json")
	if string(a) != string(b) {
		t.Fatal("two baselines of the same findings differ")
	}
	lines := strings.Split(strings.TrimSpace(string(a)), "\n")
	if lines[0] != "{" || lines[1] != `  "schema": "fzlint/baseline/v1",` || lines[2] != `  "findings": [` || lines[len(lines)-1] != "}" {
		t.Fatalf("layout:\n%s", a)
	}
	var keys []string
	counts := 0
	for _, l := range lines[3 : len(lines)-2] {
		var e Entry
		if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimSpace(l), ",")), &e); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		keys = append(keys, e.File+"\x00"+e.Rule+"\x00"+e.Fingerprint)
		counts += e.Count
		if e.Rule == "typography/halfwidth-punct" && strings.HasSuffix(e.File, "白河市-2023-草稿.txt") && e.Excerpt != "," {
			t.Errorf("excerpt %q", e.Excerpt)
		}
	}
	if !sort.StringsAreSorted(keys) {
		t.Error("entries are not sorted")
	}
	if counts != total || total == 0 {
		t.Errorf("counts add up to %d, want the %d findings", counts, total)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for body, want := range map[string]string{
		"{":                               "不是有效的 JSON",
		`{"schema": "x", "findings": []}`: `的 schema 应为 "fzlint/baseline/v1"，实为 "x"`,
		`{"schema": "fzlint/baseline/v1", "findings": [{"file": "a.md", "rule": "r", "count": 1}]}`: "中 a.md 的一项缺少 fingerprint 或 count",
	} {
		path := filepath.Join(dir, "b.json")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(path)
		if err == nil || !strings.Contains(err.Error(), "基线文件 "+path) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want …%s", body, err, want)
		}
	}
	if _, err := Read(filepath.Join(dir, "none.json")); err == nil || !strings.Contains(err.Error(), "无法读取基线文件") {
		t.Errorf("missing file: %v", err)
	}
}
