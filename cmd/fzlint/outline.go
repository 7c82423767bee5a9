package main

import (
	"errors"
	"fmt"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/output"
	"github.com/spf13/cobra"
)

type outlineOptions struct {
	format string
	common commonOptions
}

func newOutlineCmd(s *streams) *cobra.Command {
	opts := &outlineOptions{}
	cmd := &cobra.Command{
		Use:   "outline 文件…",
		Short: "显示识别出的报告结构（标题、各级标题、各部分、署名、日期、报告年度）",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runOutline(s, opts, args)
		},
	}
	cmd.Flags().StringVarP(&opts.format, "format", "f", "text", "输出格式：text、json")
	opts.common.register(cmd)
	return cmd
}

func runOutline(s *streams, opts *outlineOptions, args []string) error {
	printer, err := output.NewOutline(opts.format, s.out, output.Options{})
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	l := opts.common.linter(s)
	unreadable := false
	for _, path := range args {
		a, err := l.Outline(path)
		var re *doc.ReadError
		var ce *lint.ConfigError
		switch {
		case errors.As(err, &ce): // as check does: this file unchecked, the others go on
			fmt.Fprintf(s.err, "%s: error: 未检查：%s [bad-config]\n", path, err)
			unreadable = true
			continue
		case errors.As(err, &re):
			fmt.Fprintf(s.err, "%s: error: %s [%s]\n", path, re.Message, re.Code)
			unreadable = true
			continue
		case err != nil:
			return &exitError{exitTrouble, err}
		}
		if err := printer.Print(a.Doc, a.Outline); err != nil {
			return &exitError{exitTrouble, err}
		}
	}
	if unreadable {
		return &exitError{code: exitTrouble}
	}
	return nil
}
