package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lend"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/output"
	"github.com/fzlint/fzlint/checker/suppress"
	"github.com/fzlint/fzlint/rules"
	"github.com/spf13/cobra"
)

// checkOptions are the flags of `fzlint check`.
type checkOptions struct {
	formats       []string // FORMAT or FORMAT:FILE
	output        string   // where a format without a file goes; "" standard output
	baseline      string
	writeBaseline string
	failLevel     string
	noColor       bool
	pretty        bool
	noChecklist   bool
	fix           bool
	fixFlags      fixFlags
	// allowEmpty lets a run that finds no file to check pass.
	allowEmpty bool
	common     commonOptions
}

// commonOptions are the flags every command that reads reports shares.
type commonOptions struct {
	config    string
	noConfig  bool
	encoding  string
	stdinName string
	jobs      int // --jobs, `check` only
	// lender lends a run's checks memory (lint.Options.Lender); `check`
	// only, when its outputs drop each result once printed.
	lender *lend.Lender
}

func (c *commonOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&c.config, "config", "", "配置文件（默认从被检查文件所在目录向上查找 .fzlint.yaml）")
	f.BoolVar(&c.noConfig, "no-config", false, "不读取配置文件，使用全部内置规则包")
	f.StringVar(&c.encoding, "encoding", "", "文本编码：utf-8、gb18030、gbk、big5、utf-16le、utf-16be（默认自动识别）")
	f.StringVar(&c.stdinName, "stdin-filename", "", "从标准输入（-）读取时报告的文件名，其扩展名决定读取格式")
}

// linter makes the linter of a command that loads the packs, and first
// readies the heap pages loading them will take (prepareHeap), unless
// startLoading did. Its first Load takes the packs startLoading parsed.
func (c *commonOptions) linter(s *streams) *lint.Linter {
	prepareHeap()
	return lint.New(lint.Options{Config: c.config, NoConfig: c.noConfig, Encoding: c.encoding,
		Stdin: s.in, StdinName: c.stdinName, Jobs: c.jobs, Lender: c.lender, Preparsed: preparsed,
		Warn: func(w error) { fmt.Fprintln(s.err, "fzlint:", w) }})
}

func newCheckCmd(s *streams) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [文件或目录…|-]",
		Short: "检查报告",
		Long: "检查报告文件（.txt .md .docx .html），目录按扩展名递归查找，- 表示标准输入。\n" +
			"退出码：0 无达到 --fail-level 的问题；1 有；2 用法、配置或规则包错误，或有文件无法读取。",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(s, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&opts.formats, "format", "f", []string{"text"}, "输出格式：text、json、sarif、github、html、checkstyle、gitlab、junit；可多次指定，写成 格式:文件 则写入该文件")
	f.StringVarP(&opts.output, "output", "o", "", "输出写入此文件（不带文件的 --format 写到这里，而非标准输出）")
	f.StringVar(&opts.baseline, "baseline", "", "基线文件：只报告其中没有的问题")
	f.StringVar(&opts.writeBaseline, "write-baseline", "", "把本次的全部问题写入基线文件（这些问题随即被接受，不使退出码为 1）")
	f.StringVar(&opts.failLevel, "fail-level", "error", "达到此级别的问题使退出码为 1：error、warning、info")
	f.BoolVar(&opts.noColor, "no-color", false, "不用颜色（也可设环境变量 NO_COLOR）")
	f.BoolVar(&opts.noChecklist, "no-checklist", false, "文本输出中不列各文件的核对清单（适合 CI 日志和提交钩子）")
	f.BoolVar(&opts.pretty, "pretty", false, "JSON 输出缩进排版（输出到终端时默认如此，否则紧凑）")
	f.BoolVar(&opts.fix, "fix", false, "自动修复可安全修复的问题并写回文件（只改动修复处的字节，编码、换行符不变；.docx/.html 只检查不修复）")
	opts.fixFlags.register(cmd)
	f.BoolVar(&opts.allowEmpty, "allow-empty", false, "没有找到可检查的文件时不报错（默认退出码 2）")
	f.IntVarP(&opts.common.jobs, "jobs", "j", runtime.NumCPU(), "同时检查的文件数（默认为处理器核数）；输出仍按输入顺序")
	opts.common.register(cmd)
	return cmd
}

func runCheck(s *streams, opts *checkOptions, args []string) error {
	failLevel, err := rules.ParseSeverity(opts.failLevel)
	if err != nil || failLevel == rules.Off {
		return &exitError{exitTrouble, fmt.Errorf("--fail-level 应为 error、warning 或 info")}
	}
	if opts.common.jobs < 1 {
		return &exitError{exitTrouble, fmt.Errorf("--jobs 应为正整数")}
	}
	if opts.fix && slices.Contains(args, "-") {
		return &exitError{exitTrouble, fmt.Errorf("--fix 不能用于标准输入（-），请指定文件")}
	}
	if err := opts.fixFlags.usable(opts.fix); err != nil {
		return &exitError{exitTrouble, err}
	}
	if opts.fix {
		// One file at a time, each read after the one before is fixed: a file
		// named twice (a directory and a file in it) is read again after its
		// first fix is written, not before.
		opts.common.jobs = 1
	}
	if opts.lends() {
		opts.common.lender = newLender()
	}
	l := opts.common.linter(s)
	set, err := l.Set(firstPath(args))
	if err != nil {
		// No rules to list, but a whole document all the same: a consumer
		// of JSON or SARIF reads the error in it, as for a later config.
		// With --diff the diff is the output: none, the error is on stderr.
		if opts.fixFlags.diff {
			return &exitError{exitTrouble, err}
		}
		if outs, oerr := openOutputs(s, opts.formats, opts.output, args, output.Options{Version: version, Pretty: opts.pretty}, opts.noColor, false); oerr == nil {
			_ = outs.printer.File(stopped(err))
			_ = outs.printer.Finish()
			_ = outs.close()
		}
		return &exitError{exitTrouble, err}
	}
	fixOpts, err := opts.fixFlags.options(set)
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	base, recorder, err := opts.baselines()
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	outs := &outputs{}
	if opts.fixFlags.diff {
		// The diff is the output: stdout holds nothing else, for patch and git apply.
		outs.printer, _ = output.New("text", io.Discard, output.Options{})
	} else {
		outs, err = openOutputs(s, opts.formats, opts.output, args, output.Options{
			Rules:       sarifRules(opts.formats, set),
			Version:     version,
			Pretty:      opts.pretty,
			Review:      structureOf(l),
			NoChecklist: opts.noChecklist,
		}, opts.noColor, true)
		if err != nil {
			return &exitError{exitTrouble, err}
		}
		// Created already: a walk of their directory must not check them.
		l.LeaveOut(outs.names())
	}
	defer outs.close()
	printer := outs.printer
	prog := newProgress(s.errFile)
	failed, unreadable := false, false
	var printErr error
	files := 0
	// With --diff no file is written, so a file named twice (a directory
	// and a file in it) is read unfixed again: it is left out, its change
	// printed once (a repeated hunk does not apply) and its findings, for
	// the exit code, those after the fix.
	diffed := map[string]bool{}
	err = l.Run(args, func(r checker.FileResult) {
		files++
		if opts.fixFlags.diff && r.Doc != nil && seen(diffed, r.Path) {
			return
		}
		if opts.fix && r.Doc != nil {
			var ok bool
			r, ok = applyFixes(s, l, r, fixOpts, opts.fixFlags.diff)
			unreadable = unreadable || !ok
		}
		if recorder != nil {
			recorder.Add(r)
			acceptAll(&r)
		}
		if base != nil {
			base.Filter(&r)
		}
		unreadable = unreadable || r.Error != nil
		for _, f := range r.Findings {
			failed = failed || f.Severity >= failLevel
		}
		prog.file(r.Path)
		if printErr == nil {
			printErr = printer.File(r)
		}
	})
	prog.done() // before the summary
	// A bad config met part way (err): its files were emitted unchecked,
	// with the error, and the run went on; the exit code is 2 and stderr
	// says why.
	if files == 0 && !opts.allowEmpty {
		// A CI job pointed at the wrong folder must not pass.
		for _, a := range args {
			if printErr == nil {
				printErr = printer.File(noInput(a))
			}
		}
		unreadable = true
	}
	if printErr == nil {
		printErr = printer.Finish()
	}
	if printErr == nil {
		printErr = outs.close()
	}
	if printErr != nil {
		return &exitError{exitTrouble, printErr}
	}
	if recorder != nil {
		if err := recorder.Write(opts.writeBaseline); err != nil {
			return &exitError{exitTrouble, err}
		}
	}
	switch {
	case err != nil:
		return &exitError{exitTrouble, err}
	case unreadable:
		return &exitError{code: exitTrouble}
	case failed:
		return &exitError{code: exitFindings}
	}
	return nil
}

// newLender makes the lender of a check whose outputs drop each result once
// printed. A test replaces it: by one that poisons released memory, to see
// a use after release in the output, or by one that returns nil, to
// compare with a run that lends nothing.
var newLender = func() *lend.Lender { return lend.NewLender(false) }

// lends tells whether the run may lend each file's memory to the next
// (lint.Options.Lender): unless --fix, which rewrites files from the
// results. Every output format is done with a result when its File
// returns (output.Printer); a baseline keeps counts of fingerprints, and
// a baseline being written copies what it records.
func (o *checkOptions) lends() bool {
	return !o.fix
}

// seen tells whether path, made absolute, is in set, and adds it.
func seen(set map[string]bool, path string) bool {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if set[path] {
		return true
	}
	set[path] = true
	return false
}

// stopped is the result that stands for the files a config or pack error
// found before the run left unchecked: the config file, with the error.
func stopped(err error) checker.FileResult {
	path := ".fzlint.yaml"
	var ce *lint.ConfigError
	if errors.As(err, &ce) && ce.Path != "" {
		path = ce.Path
	}
	return checker.FileResult{Path: path, Error: &checker.FileError{Code: "bad-config", Message: err.Error()},
		Findings: []checker.Finding{}}
}

// noInput is the result for an input in which a run found no file to check.
func noInput(path string) checker.FileResult {
	return checker.FileResult{Path: path, Error: &checker.FileError{Code: doc.ErrNoInput,
		Message: "没有找到可检查的文件（.txt .md .markdown .docx .html .htm）；确实没有要检查的文件时请加 --allow-empty"},
		Findings: []checker.Finding{}}
}

// firstPath is the input whose config decides the rules listed in SARIF output.
func firstPath(args []string) string {
	if args[0] == "-" {
		return "."
	}
	return args[0]
}

// sarifRules are the rules a run's outputs list: the active rules when a
// format is SARIF, the one that lists them (output.Options.Rules), else
// none, not copied and described for nothing.
func sarifRules(formats []string, set *rules.Set) []rules.Rule {
	for _, spec := range formats {
		if format, _ := splitFormat(spec); format == "sarif" {
			return activeRules(set)
		}
	}
	return nil
}

func activeRules(set *rules.Set) []rules.Rule {
	var out []rules.Rule
	for _, r := range set.Active() {
		rule := *r
		rule.Message = set.Describe(r)
		out = append(out, rule)
	}
	return append(out, suppress.Rules()...) // the findings about suppressions
}
