package main

import (
	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/spf13/cobra"
)

type checklistOptions struct {
	format string
	common commonOptions
}

func newChecklistCmd(s *streams) *cobra.Command {
	opts := &checklistOptions{}
	cmd := &cobra.Command{
		Use:   "checklist [文件或目录…|-]",
		Short: "核对清单：报告应有的各项内容（✓ 具备、△ 不充分、✗ 缺少）及其依据",
		Long: "按启用的规则包列出报告应有的各项：五项内容、标题、发文机关署名、成文日期、报送和公开时限，\n" +
			"逐项标明 ✓ 具备（在哪里）、△ 不充分（只在正文中提及、未写原因、安排空泛等）、✗ 缺少，及所依据的条款。\n" +
			"退出码：0 没有缺少的项目；1 有；2 用法、配置或规则包错误，或有文件无法读取。",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runChecklist(s, opts, args)
		},
	}
	cmd.Flags().StringVarP(&opts.format, "format", "f", "text", "输出格式：text、json、markdown")
	opts.common.register(cmd)
	return cmd
}

func runChecklist(s *streams, opts *checklistOptions, args []string) error {
	printer, err := checklist.NewPrinter(opts.format, s.out)
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	l := opts.common.linter(s)
	missing, unreadable := false, false
	var printErr error
	lists := checklists{}
	err = l.Run(args, func(r checker.FileResult) {
		if r.Doc == nil && r.Error == nil {
			// A config's unused ignore entries (a result for the config
			// file): no report, no checklist; `check` reports them.
			return
		}
		f := checklistFile(l, lists, r)
		unreadable = unreadable || f.Error != nil
		for _, it := range f.Items {
			missing = missing || it.Status == checklist.Missing
		}
		if printErr == nil {
			printErr = printer.File(f)
		}
	})
	// A bad config (err): its files were emitted unchecked and the run went on.
	if printErr == nil {
		printErr = printer.Finish()
	}
	switch {
	case printErr != nil:
		return &exitError{exitTrouble, printErr}
	case err != nil:
		return &exitError{exitTrouble, err}
	case unreadable:
		return &exitError{code: exitTrouble}
	case missing:
		return &exitError{code: exitFindings}
	}
	return nil
}

// checklistFile builds the checklist of one checked file.
func checklistFile(l *lint.Linter, lists checklists, r checker.FileResult) checklist.File {
	f := checklist.File{Path: r.Path}
	if r.Error != nil {
		f.Error = &checklist.Error{Code: r.Error.Code, Message: r.Error.Message}
		return f
	}
	a, set, err := l.Analysis(r)
	if err != nil {
		f.Error = &checklist.Error{Code: "bad-config", Message: err.Error()}
		return f
	}
	f.Items = lists.build(set, a, r.Findings).Items
	return f
}
