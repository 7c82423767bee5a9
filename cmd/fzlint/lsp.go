package main

import (
	"github.com/fzlint/fzlint/checker/lsp"
	"github.com/spf13/cobra"
)

func newLSPCmd(s *streams) *cobra.Command {
	opts := lsp.Options{}
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "作为语言服务器运行（LSP，标准输入输出），供编辑器使用",
		Long: "在标准输入输出上运行语言服务器（Language Server Protocol），供 VS Code、Neovim 等编辑器调用：\n" +
			"打开或修改 .txt/.md 报告即检查编辑器中的文字，.docx/.html 在打开和保存时检查文件；\n" +
			"可自动修复的问题提供快速修复。与 fzlint check 使用同一检查引擎和同样的配置文件。",
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			opts.Version, opts.Log = version, s.err
			if err := lsp.Serve(s.in, s.out, opts); err != nil {
				// The protocol's exit code when exit did not follow shutdown.
				return &exitError{code: 1, err: err}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Config, "config", "", "配置文件（默认从被检查文件所在目录向上查找 .fzlint.yaml）")
	f.BoolVar(&opts.NoConfig, "no-config", false, "不读取配置文件，使用全部内置规则包")
	f.StringVar(&opts.Encoding, "encoding", "", "从磁盘读取的网页的编码（默认自动识别）；编辑器中的文字总是 UTF-8")
	return cmd
}
