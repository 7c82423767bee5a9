package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/fix"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/output"
	"github.com/fzlint/fzlint/rules"
	"github.com/spf13/cobra"
)

// checkOptions are the flags of `fzlint check`.
type checkOptions struct {
	format    string
	failLevel string
	noColor   bool
	fix       bool
	common    commonOptions
}

// commonOptions are the flags every command that reads reports shares.
type commonOptions struct {
	config    string
	noConfig  bool
	encoding  string
	stdinName string
}

func (c *commonOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&c.config, "config", "", "配置文件（默认从被检查文件所在目录向上查找 .fzlint.yaml）")
	f.BoolVar(&c.noConfig, "no-config", false, "不读取配置文件，使用全部内置规则包")
	f.StringVar(&c.encoding, "encoding", "", "文本编码：utf-8、gb18030、gbk、big5、utf-16le、utf-16be（默认自动识别）")
	f.StringVar(&c.stdinName, "stdin-filename", "", "从标准输入（-）读取时报告的文件名，其扩展名决定读取格式")
}

// linter makes the linter of a command that loads the packs, and first
// populates the heap pages loading them will take (prefaultHeap).
func (c *commonOptions) linter(s *streams) *lint.Linter {
	prefaultHeap()
	return lint.New(lint.Options{Config: c.config, NoConfig: c.noConfig, Encoding: c.encoding,
		Stdin: s.in, StdinName: c.stdinName})
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
	f.StringVarP(&opts.format, "format", "f", "text", "输出格式：text、json、sarif、github、html")
	f.StringVar(&opts.failLevel, "fail-level", "error", "达到此级别的问题使退出码为 1：error、warning、info")
	f.BoolVar(&opts.noColor, "no-color", false, "不用颜色（也可设环境变量 NO_COLOR）")
	f.BoolVar(&opts.fix, "fix", false, "自动修复可安全修复的问题并写回文件（保持原编码和换行符；仅 .txt/.md）")
	opts.common.register(cmd)
	return cmd
}

func runCheck(s *streams, opts *checkOptions, args []string) error {
	failLevel, err := rules.ParseSeverity(opts.failLevel)
	if err != nil || failLevel == rules.Off {
		return &exitError{exitTrouble, fmt.Errorf("--fail-level 应为 error、warning 或 info")}
	}
	if opts.fix && slices.Contains(args, "-") {
		return &exitError{exitTrouble, fmt.Errorf("--fix 不能用于标准输入（-），请指定文件")}
	}
	l := opts.common.linter(s)
	set, err := l.Set(firstPath(args))
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	printer, err := output.New(opts.format, s.out, output.Options{
		Color:   output.ColorWanted(s.outFile, opts.noColor),
		Rules:   activeRules(set),
		Version: version,
		Review:  structureOf(l),
	})
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	failed, unreadable := false, false
	var printErr error
	err = l.Run(args, func(r checker.FileResult) {
		if opts.fix && r.Doc != nil {
			res, err := fix.Apply(r.Doc, r.Findings, l.Recheck(r.Doc.Path))
			switch {
			case err != nil:
				fmt.Fprintln(s.err, "fzlint:", err)
				unreadable = true
			case res.Fixed > 0:
				fmt.Fprintf(s.err, "%s: 已自动修复 %d 处\n", r.Path, res.Fixed)
				r.Doc, r.Findings = res.Doc, res.Findings
			}
		}
		unreadable = unreadable || r.Error != nil
		for _, f := range r.Findings {
			failed = failed || f.Severity >= failLevel
		}
		if printErr == nil {
			printErr = printer.File(r)
		}
		if printErr == nil && opts.format == "text" && r.Doc != nil {
			printErr = checklistText(s.out, l, r)
		}
	})
	if err != nil {
		// A config that stops the run part way: the output says so, as for a
		// file that could not be checked, and is closed (a JSON document
		// stays whole, a SARIF run is marked unsuccessful).
		_ = printer.File(stopped(err))
		_ = printer.Finish()
		return &exitError{exitTrouble, err}
	}
	if printErr == nil {
		printErr = printer.Finish()
	}
	if printErr != nil {
		return &exitError{exitTrouble, printErr}
	}
	switch {
	case unreadable:
		return &exitError{code: exitTrouble}
	case failed:
		return &exitError{code: exitFindings}
	}
	return nil
}

// stopped is the result that stands for the files a config or pack error
// left unchecked: the config file, with the error.
func stopped(err error) checker.FileResult {
	path := ".fzlint.yaml"
	var ce *lint.ConfigError
	if errors.As(err, &ce) && ce.Path != "" {
		path = ce.Path
	}
	return checker.FileResult{Path: path, Error: &checker.FileError{Code: "bad-config", Message: err.Error()},
		Findings: []checker.Finding{}}
}

// firstPath is the input whose config decides the rules listed in SARIF output.
func firstPath(args []string) string {
	if args[0] == "-" {
		return "."
	}
	return args[0]
}

func activeRules(set *rules.Set) []rules.Rule {
	var out []rules.Rule
	for _, r := range set.Active() {
		rule := *r
		rule.Message = set.Describe(r)
		out = append(out, rule)
	}
	return out
}
