package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"

	"github.com/fzlint/fzlint/checker/serve"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	port      int
	noBrowser bool
	common    commonOptions
}

func newServeCmd(s *streams) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "打开本机网页：拖入报告即可查看核对清单、标出问题的全文，并下载带批注的 Word 文档",
		Long: "在本机（127.0.0.1）启动一个网页，只有本机、且持有启动时显示的地址（含访问令牌）才能使用；\n" +
			"报告只在内存中检查，不写入磁盘、不上传。默认打开浏览器；按 Ctrl+C 退出。",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(s, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.port, "port", 0, "端口（默认随机选择一个空闲端口）")
	f.BoolVar(&opts.noBrowser, "no-browser", false, "不自动打开浏览器")
	opts.common.register(cmd)
	return cmd
}

func runServe(s *streams, opts *serveOptions) error {
	srv, err := serve.New(opts.common.linter(s))
	if err != nil {
		return &exitError{exitTrouble, err}
	}
	ln, addr, err := srv.Listen(opts.port)
	if err != nil {
		return &exitError{exitTrouble, fmt.Errorf("无法在 127.0.0.1:%d 上启动：%w", opts.port, err)}
	}
	fmt.Fprintf(s.out, "fzlint 网页已启动：%s\n请在浏览器中打开这个地址（按 Ctrl+C 退出）。\n", addr)
	if !opts.noBrowser {
		if err := openBrowser(addr); err != nil {
			fmt.Fprintf(s.err, "fzlint: 无法自动打开浏览器（%v），请手动打开上面的地址\n", err)
		}
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	go func() {
		<-stop
		ln.Close()
	}()
	if err := srv.Serve(ln); err != nil {
		return &exitError{exitTrouble, err}
	}
	return nil
}

// openBrowser opens url in the default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	return cmd.Start()
}
