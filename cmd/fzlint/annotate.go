package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/annotate"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/spf13/cobra"
)

type annotateOptions struct {
	output      string
	noRevisions bool
	common      commonOptions
}

func newAnnotateCmd(s *streams) *cobra.Command {
	opts := &annotateOptions{}
	cmd := &cobra.Command{
		Use:   "annotate 报告 [-o 输出.docx]",
		Short: "生成带批注的 Word 文档：每个问题一条批注，可安全修复的问题同时写成修订",
		Long: "把检查发现的每个问题写成 Word 批注（作者 fzlint），标在问题所在的文字上；可安全修复的问题同时写成修订，\n" +
			"在 Word/WPS 中逐条接受或拒绝。原文件不会被修改。.txt/.md/.html 报告生成一份新的 .docx。\n" +
			"默认输出为同目录下的“原文件名-审核.docx”。退出码：0 已写出；2 无法读取、无法写出或配置错误。",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAnnotate(s, opts, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "输出的 .docx 文件（默认“原文件名-审核.docx”）")
	f.BoolVar(&opts.noRevisions, "no-revisions", false, "只写批注，不把修复写成修订")
	opts.common.register(cmd)
	return cmd
}

func runAnnotate(s *streams, opts *annotateOptions, input string) error {
	if input == "-" {
		return &exitError{exitTrouble, errors.New("annotate 需要指定文件，不能读取标准输入")}
	}
	out := opts.output
	if out == "" {
		out = strings.TrimSuffix(input, filepath.Ext(input)) + "-审核.docx"
	}
	if same(input, out) {
		return &exitError{exitTrouble, fmt.Errorf("%s: 输出文件不能是原文件（原文件不会被修改），请用 -o 指定另一个文件", out)}
	}
	l := opts.common.linter(s)
	r, err := l.CheckFile(input)
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	if r.Error != nil {
		return &exitError{exitTrouble, fmt.Errorf("%s: %s [%s]", r.Path, r.Error.Message, r.Error.Code)}
	}
	data, res, err := annotated(r, annotate.Options{NoRevisions: opts.noRevisions})
	if err != nil {
		return &exitError{exitTrouble, fmt.Errorf("%s: %w", input, err)}
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return &exitError{exitTrouble, fmt.Errorf("%s: 无法写出：%w", out, err)}
	}
	fmt.Fprintf(s.err, "%s: 已写出，%d 条批注，%d 处修订\n", out, res.Comments, res.Revisions)
	if res.Elsewhere > 0 {
		fmt.Fprintf(s.err, "%s: 其中 %d 条批注无法标在原处，放在第一段并注明位置\n", out, res.Elsewhere)
	}
	return nil
}

// annotated is the annotated .docx of a checked file: a copy of a .docx, a
// new one for the other formats.
func annotated(r checker.FileResult, opts annotate.Options) ([]byte, annotate.Result, error) {
	if r.Doc.Format != doc.FormatDocx {
		return annotate.NewDocx(r.Doc, r.Findings, opts)
	}
	f, err := os.Open(r.Path)
	if err != nil {
		return nil, annotate.Result{}, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, doc.MaxFileSize+1))
	if err != nil {
		return nil, annotate.Result{}, err
	}
	return annotate.Docx(src, r.Doc, r.Findings, opts)
}

// same tells whether two paths name one file.
func same(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return os.SameFile(ia, ib)
}
