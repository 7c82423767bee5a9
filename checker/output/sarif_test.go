package output

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fzlint/fzlint/checker"
)

// TestSARIFSchema validates the SARIF output against the official SARIF 2.1.0
// JSON schema (OASIS, errata 01), kept in testdata/output.
func TestSARIFSchema(t *testing.T) {
	f, err := os.Open(filepath.Join(goldenDir, "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference too
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}

	results := fixture(t)
	for name, rs := range map[string][]checker.FileResult{
		"fixture": results,
		"clean":   results[3:],
		"empty":   nil,
	} {
		var buf bytes.Buffer
		if err := PrintAll(NewSARIF(&buf, Options{Rules: fixtureRules(results), Version: "0.1.0-test"}), rs); err != nil {
			t.Fatal(err)
		}
		log, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(log); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestSARIFURI(t *testing.T) {
	for path, want := range map[string]string{
		"reports/2023 年.docx": "reports/2023%20%E5%B9%B4.docx",
		"a:b.txt":             "./a:b.txt",
		"/srv/r/a.txt":        "file:///srv/r/a.txt",
	} {
		if got := sarifURI(path); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", path, got, want)
		}
	}
}
