package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/fix"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/udiff"
	"github.com/fzlint/fzlint/rules"
	"github.com/spf13/cobra"
)

// fixFlags are the flags of `fzlint check` that shape --fix.
type fixFlags struct {
	diff     bool
	only     []string
	level    string
	readOnly bool
	given    func(flag string) bool // whether a flag of the command was given
}

func (f *fixFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	f.given = fl.Changed
	fl.BoolVar(&f.diff, "diff", false, "与 --fix 一起使用：只输出修复会带来的改动（统一 diff 格式，可用 git apply 或 patch -p1 应用），不写文件")
	fl.StringSliceVar(&f.only, "fix-only", nil, "与 --fix 一起使用：只应用这些规则的修复（规则编号，逗号分隔）")
	fl.StringVar(&f.level, "fix-level", "info", "与 --fix 一起使用：只应用达到此级别的问题的修复：error、warning、info")
	fl.BoolVar(&f.readOnly, "fix-readonly", false, "与 --fix 一起使用：也修复只读文件（保持其权限）")
}

// usable refuses the fix flags without --fix, and --diff with another
// output format or an output file: the diff is the output, on standard
// output, and --diff writes no file (a baseline would record the findings of
// a text no file holds).
func (f *fixFlags) usable(fixing bool) error {
	if f.diff {
		for _, flag := range []string{"format", "output", "write-baseline"} {
			if f.given(flag) {
				return fmt.Errorf("--diff 输出的就是 diff（写到标准输出，不写文件），不能与 --%s 一起使用", flag)
			}
		}
	}
	if fixing {
		return nil
	}
	for _, set := range []struct {
		name string
		on   bool
	}{{"--diff", f.diff}, {"--fix-only", f.only != nil}, {"--fix-level", f.level != "info"}, {"--fix-readonly", f.readOnly}} {
		if set.on {
			return fmt.Errorf("%s 需与 --fix 一起使用", set.name)
		}
	}
	return nil
}

// options turns the flags into fix options; a rule id not in set is an error.
func (f *fixFlags) options(set *rules.Set) (fix.Options, error) {
	level, err := rules.ParseSeverity(f.level)
	if err != nil || level == rules.Off {
		return fix.Options{}, fmt.Errorf("--fix-level 应为 error、warning 或 info")
	}
	only := map[string]bool{}
	for _, id := range f.only {
		id = strings.TrimSpace(id)
		if set.Rule(id) == nil {
			return fix.Options{}, fmt.Errorf("--fix-only：未知的规则 %q（可用 fzlint rules 查看规则编号）", id)
		}
		only[id] = true
	}
	want := func(fd checker.Finding) bool {
		return fd.Severity >= level && (len(only) == 0 || only[fd.Rule])
	}
	return fix.Options{Want: want, DryRun: f.diff, ReadOnly: f.readOnly}, nil
}

// applyFixes fixes the file of r (or with diff prints the change), notes on
// stderr what was fixed and what was not, and returns the result to report;
// false when the file could not be fixed (a read-only or changed file).
func applyFixes(s *streams, l *lint.Linter, r checker.FileResult, opts fix.Options, diff bool) (checker.FileResult, bool) {
	recheck := l.Recheck(r.Doc.Path)
	suppressed, ol := r.Suppressed, r.Outline
	res, err := fix.Apply(r.Doc, r.Findings, func(d *doc.Document) []checker.Finding {
		rr := recheck(d)
		suppressed, ol = rr.Suppressed, rr.Outline // of the fixed text
		return rr.Findings
	}, opts)
	if err != nil {
		fmt.Fprintln(s.err, "fzlint:", err)
		return r, false
	}
	for _, sk := range res.NotApplied {
		p := sk.Finding.Range.Start
		fmt.Fprintf(s.err, "%s:%d:%d: 未自动修复（%s）：%s\n", r.Path, p.Line, p.Column, sk.Finding.Rule, sk.Reason)
	}
	if res.After == nil {
		return r, true
	}
	if diff {
		if err := udiff.Write(s.out, diffName(r.Path), res.Before, res.After); err != nil {
			fmt.Fprintln(s.err, "fzlint:", err)
			return r, false
		}
	} else {
		fmt.Fprintf(s.err, "%s: 已自动修复 %d 处\n", r.Path, res.Fixed)
	}
	r.Doc, r.Findings, r.Suppressed, r.Outline = res.Doc, res.Findings, suppressed, ol
	return r, true
}

// diffName is the path a diff names the file by (after a/ and b/): relative
// to the working directory, where patch -p1 and git apply are run.
func diffName(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(rel)
			}
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(path)), "/")
}
