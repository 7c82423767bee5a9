package main

import (
	"fmt"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/packtest"
	"github.com/fzlint/fzlint/rules"
	"github.com/spf13/cobra"
)

func newTestCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "test 规则包.yaml…",
		Short: "运行规则包中每条规则的示例，报告不符合预期的示例",
		Long: "逐条运行所给规则包（及其 extends 的规则包）中规则的示例：examples.fail 的每个示例应产生该规则的问题，\n" +
			"examples.pass 的每个示例不应产生。规则包文件以其 id 命名（local.yaml 中写 pack: local），\n" +
			"extends 的规则包先在同一目录中找，再找内置规则包。\n" +
			"退出码：0 全部示例符合预期；1 有不符合的；2 规则包有错或无法读取。",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTest(s, args)
		},
	}
}

func runTest(s *streams, files []string) error {
	set, ids, err := rules.LoadPackFiles(files, checker.Kinds())
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	res, err := packtest.Run(set, ids)
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	for _, m := range res.Misses {
		kind := "pass"
		if m.Fail {
			kind = "fail"
		}
		fmt.Fprintf(s.out, "%s:%d:%d: %s 的 examples.%s[%d] “%s” ", m.Pos.File, m.Pos.Line, m.Pos.Column, m.Rule.ID, kind, m.Index, shortExample(m.Text))
		if m.Fail {
			fmt.Fprintln(s.out, "没有产生该规则的问题")
			continue
		}
		f := m.Drawn[0]
		fmt.Fprintf(s.out, "产生了 %d 个问题，第一个在 %d:%d “%s”：%s\n", len(m.Drawn), f.Range.Start.Line, f.Range.Start.Column, f.Excerpt, f.Message)
	}
	fmt.Fprintf(s.out, "%d 个规则包，%d 条规则，%d 个示例，%d 个不符合预期\n", len(ids), res.Rules, res.Examples, len(res.Misses))
	if len(res.Misses) > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}

// shortExample is an example on one line: line breaks shown as ⏎, cut
// after 40 characters.
func shortExample(text string) string {
	r := []rune(strings.ReplaceAll(strings.TrimRight(text, "\n"), "\n", "⏎"))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}
