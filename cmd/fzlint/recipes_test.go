package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// repoRoot is this repository's root, whose recipes the tests check.
const repoRoot = "../.."

// TestActionMetadata validates action.yml against the schema of GitHub's
// action metadata syntax (testdata/action-metadata.schema.json), and checks
// that it runs the formats the docs promise.
func TestActionMetadata(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action any
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	// Through JSON, so that the validator sees JSON's types.
	text, err := json.Marshal(action)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(repoRoot, "testdata", "action-metadata.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sdoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("action.json", sdoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("action.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	for _, want := range []string{"--format github", `--format "sarif:$FZLINT_SARIF"`, "./cmd/fzlint"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("action.yml does not run %s", want)
		}
	}
}

// TestPreCommitHook runs the hook of .pre-commit-hooks.yaml from this
// repository with the real pre-commit (try-repo) in a new git repository
// holding a clean and a faulty report: the hook builds fzlint, fails, and
// names the faulty report's defects only.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the pre-commit hook test builds fzlint in pre-commit's environment")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (Debian package pre-commit; .ci/install-pre-commit.sh installs it)")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("this source tree is not a git repository, which pre-commit try-repo needs")
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, src := range map[string]string{"clean.txt": "青山县司法局-2023.txt", "draft.txt": "白河市-2023-草稿.txt"} {
		data, err := os.ReadFile(filepath.Join(reports, src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "PRE_COMMIT_HOME="+t.TempDir(),
		// Build with the modules go test already has: no download.
		"GOMODCACHE="+strings.TrimSpace(string(modcache)), "GOPROXY=off", "GOFLAGS=-mod=mod",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		cmd := exec.Command(git, args...)
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	cmd := exec.Command(preCommit, "try-repo", root, "fzlint", "--all-files")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("pre-commit: %v, want exit 1\n%s", err, out)
	}
	s := string(out)
	if !strings.Contains(s, "- hook id: fzlint") || !strings.Contains(s, "draft.txt:5:24: error: 未填写的占位符“XX” [hygiene/placeholder]") {
		t.Errorf("the hook did not report the draft's placeholder:\n%s", s)
	}
	if strings.Contains(s, "clean.txt") {
		t.Errorf("the clean report has findings:\n%s", s)
	}
}
