package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fzlint/fzlint/checker"
)

const seedDir = "../../../shared/seeds"

// seedResults returns the seeds' results (checkedSeeds), each path written
// seeds/NAME so that the goldens do not depend on where the workspace is.
func seedResults(t *testing.T) []checker.FileResult {
	t.Helper()
	results := slices.Clone(checkedSeeds(t))
	if results == nil {
		t.Skipf("%s is absent: this test needs the workspace's shared/seeds", seedDir)
	}
	for i := range results {
		results[i].Path = "seeds/" + filepath.Base(results[i].Path)
	}
	if len(results) != 5 {
		t.Fatalf("%d seeds, want 5", len(results))
	}
	return results
}

// ciFormats are the formats CI systems read, with their golden file suffix.
var ciFormats = []struct{ format, ext string }{
	{"checkstyle", "checkstyle.xml"},
	{"gitlab", "gitlab.json"},
	{"junit", "junit.xml"},
}

// printFormat prints results in format. For gitlab, whose paths are relative to
// the repository root, the files are first placed in a made-up repository,
// so that the output does not depend on where the tests run.
func printFormat(t *testing.T, format string, results []checker.FileResult) []byte {
	t.Helper()
	if format == "gitlab" {
		root := t.TempDir()
		if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
			t.Fatal(err)
		}
		results = slices.Clone(results)
		for i := range results {
			results[i].Path = filepath.Join(root, results[i].Path)
		}
	}
	var buf bytes.Buffer
	p, err := New(format, &buf, Options{Version: "0.1.0-test"})
	if err != nil {
		t.Fatal(err)
	}
	if err := PrintAll(p, results); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// runs are the inputs every CI format is tested on: the fixture (with a file
// that could not be read and an HTML page), the seeds, and no input at all.
func runs(t *testing.T) map[string][]checker.FileResult {
	return map[string][]checker.FileResult{"check": fixture(t), "seeds": seedResults(t), "empty": nil}
}

func TestGoldenCIFormats(t *testing.T) {
	for name, results := range runs(t) {
		for _, f := range ciFormats {
			compareGolden(t, "golden-"+name+"."+f.ext, printFormat(t, f.format, results))
		}
	}
}

// TestXMLFormatsValidate: checkstyle and JUnit reports parse as XML and
// validate against their XSDs (testdata/output) with xmllint.
func TestXMLFormatsValidate(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (Debian libxml2-utils; .ci/install-xmllint.sh installs it)")
	}
	dir := t.TempDir()
	for name, results := range runs(t) {
		for _, f := range ciFormats {
			if !strings.HasSuffix(f.ext, ".xml") {
				continue
			}
			out := printFormat(t, f.format, results)
			if err := wellFormed(out); err != nil {
				t.Errorf("%s %s: not XML: %v", name, f.format, err)
			}
			file := filepath.Join(dir, name+"."+f.ext)
			if err := os.WriteFile(file, out, 0o644); err != nil {
				t.Fatal(err)
			}
			xsd := filepath.Join(goldenDir, strings.TrimSuffix(f.ext, ".xml")+".xsd")
			if msg, err := exec.Command(xmllint, "--noout", "--schema", xsd, file).CombinedOutput(); err != nil {
				t.Errorf("%s %s does not validate: %v\n%s", name, f.format, err, msg)
			}
		}
	}
}

// wellFormed reads every token of an XML document.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestGitLabValidates: the Code Quality report validates against the schema
// of GitLab's documented format, and its fingerprints are unique.
func TestGitLabValidates(t *testing.T) {
	schema := compileSchema(t, "gitlab-codequality.schema.json")
	for name, results := range runs(t) {
		out := printFormat(t, "gitlab", results)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		var issues []struct{ Fingerprint string }
		if err := json.Unmarshal(out, &issues); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, i := range issues {
			if seen[i.Fingerprint] {
				t.Errorf("%s: fingerprint %s twice", name, i.Fingerprint)
			}
			seen[i.Fingerprint] = true
		}
	}
}

// TestGitLabRepoPath: a file's path is relative to the repository that
// holds it, wherever fzlint runs from.
func TestGitLabRepoPath(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := NewGitLab(nil, Options{})
	if got := p.repoPath(filepath.Join(root, "reports", "2023", "a.docx")); got != "reports/2023/a.docx" {
		t.Errorf("repoPath = %q", got)
	}
}
