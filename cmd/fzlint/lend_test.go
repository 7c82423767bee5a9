package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/lend"
	"github.com/fzlint/fzlint/checker/output"
)

// TestLendingChangesNothing runs `check` over the seeds, copies of them,
// every report of testdata and a folder of .docx files (the samples of
// ../shared and the fixture) and text files one after the other, in every
// output format and with one and two jobs, lending each file's memory to
// the next with released memory poisoned, and compares every byte printed
// with a run that lends nothing: a result read after its memory is given
// back would print garbage.
func TestLendingChangesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every format over the fixtures")
	}
	copies := t.TempDir()
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(seeds) == 0 {
		seeds, _ = filepath.Glob(reports + "/*.txt")
	}
	for i := range 3 {
		for _, s := range seeds {
			copyAs(t, s, filepath.Join(copies, fmt.Sprintf("%d_%s", i, filepath.Base(s))))
		}
	}
	// .docx and text in turn: a .docx read takes memory a text read gave
	// back, and the other way round.
	mixed := t.TempDir()
	docx, _ := filepath.Glob("../../../shared/samples/*.docx")
	for i, d := range append(docx, "../../testdata/read/numbered.docx") {
		copyAs(t, d, filepath.Join(mixed, fmt.Sprintf("%d_a.docx", i)))
		copyAs(t, seeds[i%len(seeds)], filepath.Join(mixed, fmt.Sprintf("%d_b.txt", i)))
	}
	inputs := map[string][]string{
		"seeds":    seeds,
		"copies":   {copies},
		"testdata": {"../../testdata"},
		"mixed":    {mixed},
	}
	outputs := [][]string{{"--format", "json", "--format", "github:" + filepath.Join(t.TempDir(), "github.txt")}}
	for _, format := range output.Formats {
		outputs = append(outputs, []string{"--format", format})
	}
	outputs = append(outputs, []string{"--format", "text", "--no-checklist"})
	for name, in := range inputs {
		for _, flags := range outputs {
			for _, jobs := range []int{1, 2} {
				args := append(append([]string{"check", "--no-config", "--jobs", strconv.Itoa(jobs)}, flags...), in...)
				t.Run(name+" "+strings.Join(flags, " ")+" jobs "+strconv.Itoa(jobs), func(t *testing.T) {
					want := runLending(t, args, func() *lend.Lender { return nil })
					var lender *lend.Lender
					got := runLending(t, args, func() *lend.Lender {
						lender = lend.NewLender(true)
						return lender
					})
					if got != want {
						t.Errorf("lending changed the output:\n%s\nwant:\n%s", clip(got), clip(want))
					}
					if lender == nil || cap(lend.Slice[byte](lender.Loan(), lend.Input, 0)) == 0 {
						t.Error("no memory was lent")
					}
				})
			}
		}
	}
}

// TestLendingWithBaselines: a run that sets findings aside by a baseline
// and one that writes a baseline lend memory, poisoned when released, and
// print and write what runs that lend nothing do.
func TestLendingWithBaselines(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	// The baseline holds the fixture reports' findings; the copies of the
	// seeds (or of the reports) beside them bring new ones.
	if out := runLending(t, []string{"check", "--no-config", "--write-baseline", old, reports}, func() *lend.Lender { return nil }); !strings.HasPrefix(out, "exit 0") {
		t.Fatalf("writing the baseline: %s", clip(out))
	}
	copies := t.TempDir()
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(seeds) == 0 {
		seeds, _ = filepath.Glob(reports + "/*.txt")
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(copies, filepath.Base(s)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, flag := range []string{"--baseline", "--write-baseline"} {
		for _, jobs := range []string{"1", "2"} {
			t.Run(flag+" jobs "+jobs, func(t *testing.T) {
				file := old
				if flag == "--write-baseline" {
					file = filepath.Join(t.TempDir(), "new.json")
				}
				args := []string{"check", "--no-config", "--format", "json", "--jobs", jobs, flag, file, reports, copies}
				want := runLending(t, args, func() *lend.Lender { return nil })
				wantFile, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				var lender *lend.Lender
				got := runLending(t, args, func() *lend.Lender {
					lender = lend.NewLender(true)
					return lender
				})
				gotFile, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				if got != want || !bytes.Equal(gotFile, wantFile) {
					t.Errorf("lending changed the run:\n%s\n%s\nwant:\n%s\n%s", clip(got), clip(string(gotFile)), clip(want), clip(string(wantFile)))
				}
				if lender == nil || cap(lend.Slice[byte](lender.Loan(), lend.Input, 0)) == 0 {
					t.Error("no memory was lent")
				}
			})
		}
	}
}

// runLending runs the fzlint command line with newLender replaced by
// lender, and returns what it printed, written and exited with.
func runLending(t *testing.T, args []string, lender func() *lend.Lender) string {
	saved := newLender
	defer func() { newLender = saved }()
	newLender = lender
	var out, errOut bytes.Buffer
	code := run(args, &streams{in: strings.NewReader(""), out: &out, err: &errOut})
	written := ""
	for _, a := range args {
		if _, file, ok := strings.Cut(a, ":"); ok && filepath.IsAbs(file) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			written += string(data)
		}
	}
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s\nwritten:\n%s", code, out.String(), errOut.String(), written)
}

// clip is s cut to a length a failure message can show.
func clip(s string) string {
	if len(s) > 4000 {
		return s[:4000] + "…"
	}
	return s
}

// copyAs copies file from to file to.
func copyAs(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
