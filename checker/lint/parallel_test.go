package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
)

// ordered runs l over inputs and returns the results in the order emitted.
func ordered(t *testing.T, l *Linter, inputs ...string) ([]checker.FileResult, error) {
	t.Helper()
	var got []checker.FileResult
	err := l.Run(inputs, func(r checker.FileResult) { got = append(got, r) })
	return got, err
}

// TestParallelRunIsTheSequentialRun: with several jobs the results come in
// input order (directory walk order, then the next input) and are the same
// findings as one file at a time, errors included.
func TestParallelRunIsTheSequentialRun(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../testdata/reports/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no reports in testdata/reports")
	}
	for i := range 30 {
		body, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		// Files of different lengths finish out of order.
		write(t, fmt.Sprintf("%s/d%d/r%02d.txt", dir, i%3, i), strings.Repeat(string(body), 1+i%4))
	}
	write(t, dir+"/d1/empty.txt", "")
	inputs := []string{dir + "/d2", dir + "/nosuch.txt", dir + "/d0", dir + "/d1"}
	one, err := ordered(t, New(Options{NoConfig: true, Jobs: 1}), inputs...)
	if err != nil {
		t.Fatal(err)
	}
	if len(one) != 32 {
		t.Fatalf("%d results, want 32", len(one))
	}
	if !strings.HasSuffix(one[0].Path, "d2/r02.txt") || !strings.HasSuffix(one[10].Path, "nosuch.txt") ||
		!strings.HasSuffix(one[11].Path, "d0/r00.txt") {
		t.Errorf("sequential order: %s, %s, %s", one[0].Path, one[10].Path, one[11].Path)
	}
	for _, jobs := range []int{2, 4, 8} {
		many, err := ordered(t, New(Options{NoConfig: true, Jobs: jobs}), inputs...)
		if err != nil {
			t.Fatal(err)
		}
		if len(many) != len(one) {
			t.Fatalf("jobs %d: %d results, want %d", jobs, len(many), len(one))
		}
		for i := range one {
			if many[i].Path != one[i].Path || !reflect.DeepEqual(many[i].Findings, one[i].Findings) ||
				!reflect.DeepEqual(many[i].Error, one[i].Error) {
				t.Fatalf("jobs %d: result %d is %s (%d findings), want %s (%d findings)", jobs, i,
					many[i].Path, len(many[i].Findings), one[i].Path, len(one[i].Findings))
			}
		}
	}
}

// TestParallelRunGoesOnPastBadConfig: the files of a bad config are emitted
// unchecked in their place, the first with the error and the others pointing
// to it, and the files after them are checked, however many jobs run.
func TestParallelRunGoesOnPastBadConfig(t *testing.T) {
	dir := t.TempDir()
	for i := range 6 {
		write(t, fmt.Sprintf("%s/a/r%d.txt", dir, i), report)
		write(t, fmt.Sprintf("%s/b/r%d.txt", dir, i), report)
		write(t, fmt.Sprintf("%s/c/r%d.txt", dir, i), report)
	}
	cfg := filepath.Join(dir, "b", ".fzlint.yaml")
	write(t, cfg, "rules: {fzzf/nosuch: off}\n")
	for _, jobs := range []int{1, 4} {
		got, err := ordered(t, New(Options{Jobs: jobs}), dir)
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Path != cfg {
			t.Fatalf("jobs %d: err = %v, want a *ConfigError for b/.fzlint.yaml", jobs, err)
		}
		if len(got) != 18 {
			t.Fatalf("jobs %d: %d results, want 18", jobs, len(got))
		}
		for i, r := range got {
			inB := strings.Contains(filepath.ToSlash(r.Path), "/b/")
			switch {
			case !inB && (r.Error != nil || r.Doc == nil):
				t.Errorf("jobs %d: %s not checked: %+v", jobs, r.Path, r.Error)
			case inB && (r.Error == nil || r.Error.Code != "bad-config"):
				t.Errorf("jobs %d: %s: error %+v, want bad-config", jobs, r.Path, r.Error)
			case inB && i == 6 && !strings.HasPrefix(r.Error.Message, "未检查："+cfg+":1:"):
				t.Errorf("jobs %d: first unchecked file says %q, want the error in full", jobs, r.Error.Message)
			case inB && i > 6 && r.Error.Message != "未检查：适用的配置 "+cfg+" 有错误（见上文）":
				t.Errorf("jobs %d: %s says %q, want a pointer to the error above", jobs, r.Path, r.Error.Message)
			}
		}
	}
}

// TestConfigLookupPerDirectory: a directory's config is looked up once; a
// config added after the first lookup is not seen by the same linter, and a
// new linter sees it.
func TestConfigLookupPerDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/r.txt", report)
	l := New(Options{})
	before, _ := l.Set(dir + "/r.txt")
	write(t, dir+"/.fzlint.yaml", "packs: [fzzf]\n")
	if again, _ := l.Set(dir + "/r.txt"); again != before {
		t.Error("the config of a directory was looked up again")
	}
	fresh, err := New(Options{}).Set(dir + "/r.txt")
	if err != nil || fresh == before || len(fresh.Active()) >= len(before.Active()) {
		t.Errorf("a new linter should find the new config: %v", err)
	}
}
