package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fzlint/fzlint/checker"
)

// compileSchema compiles the JSON schema testdata/output/name.
func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(goldenDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// suppressedFixture is the fixture with the report's placeholder suppressed
// by a comment and its order finding by the config.
func suppressedFixture(t *testing.T) []checker.FileResult {
	results := fixture(t)
	r := &results[0]
	var kept []checker.Finding
	for _, f := range r.Findings {
		switch f.Rule {
		case "hygiene/placeholder":
			r.Suppressed = append(r.Suppressed, checker.Suppressed{Finding: f, InSource: true, Justification: "模板中的示例"})
		case "fzzf/order":
			r.Suppressed = append(r.Suppressed, checker.Suppressed{Finding: f, Justification: "已列入基线 .fzlint-baseline.json"})
		default:
			kept = append(kept, f)
		}
	}
	if len(r.Suppressed) != 2 {
		t.Fatalf("the fixture changed: %d suppressed", len(r.Suppressed))
	}
	r.Findings = kept
	return results
}

func TestSuppressedJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := PrintAll(NewJSON(&buf, Options{}), suppressedFixture(t)); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Files []struct {
			Findings   []struct{ Rule string }
			Suppressed []struct{ Rule, Kind, Justification, Excerpt string }
		}
		Summary struct{ Errors, Warnings, Suppressed int }
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	s := out.Files[0].Suppressed
	if len(s) != 2 || s[0].Rule != "hygiene/placeholder" || s[0].Kind != "inSource" || s[0].Justification != "模板中的示例" || s[0].Excerpt != "XX" ||
		s[1].Rule != "fzzf/order" || s[1].Kind != "external" || s[1].Justification != "已列入基线 .fzlint-baseline.json" {
		t.Errorf("suppressed = %+v", s)
	}
	for _, f := range out.Files[0].Findings {
		if f.Rule == "hygiene/placeholder" || f.Rule == "fzzf/order" {
			t.Errorf("%s is both a finding and suppressed", f.Rule)
		}
	}
	if out.Summary.Suppressed != 2 {
		t.Errorf("summary = %+v", out.Summary)
	}
	if !strings.Contains(buf.String(), `"suppressed":[]`) {
		t.Error("a file without suppressed findings should say so with []")
	}
}

func TestSuppressedSARIF(t *testing.T) {
	results := suppressedFixture(t)
	var buf bytes.Buffer
	if err := PrintAll(NewSARIF(&buf, Options{Rules: fixtureRules(fixture(t)), Version: "0.1.0-test"}), results); err != nil {
		t.Fatal(err)
	}
	log, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSchema(t, "sarif-schema-2.1.0.json").Validate(log); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Runs []struct {
			Results []struct {
				RuleID              string
				PartialFingerprints map[string]string
				Suppressions        []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	suppressed := map[string]string{}
	for _, r := range out.Runs[0].Results {
		if len(r.PartialFingerprints["fzlint/v1"]) != 20 {
			t.Errorf("%s: partialFingerprints %v", r.RuleID, r.PartialFingerprints)
		}
		if len(r.Suppressions) == 1 {
			suppressed[r.RuleID] = r.Suppressions[0].Kind + " " + r.Suppressions[0].Justification
		}
	}
	want := map[string]string{"hygiene/placeholder": "inSource 模板中的示例", "fzzf/order": "external 已列入基线 .fzlint-baseline.json"}
	if len(suppressed) != 2 || suppressed["hygiene/placeholder"] != want["hygiene/placeholder"] || suppressed["fzzf/order"] != want["fzzf/order"] {
		t.Errorf("suppressions = %v, want %v", suppressed, want)
	}
}

// Text output leaves suppressed findings out and says how many there were.
func TestSuppressedText(t *testing.T) {
	var buf bytes.Buffer
	if err := PrintAll(NewText(&buf, Options{}), suppressedFixture(t)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "hygiene/placeholder") || strings.Contains(out, "fzzf/order") {
		t.Error("a suppressed finding is printed")
	}
	if !strings.HasSuffix(out, "（另有 2 个问题已按抑制注释、配置或基线略去）\n") {
		t.Errorf("summary: %q", out[strings.LastIndex(strings.TrimSuffix(out, "\n"), "\n")+1:])
	}
}
