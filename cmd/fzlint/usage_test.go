package main

import (
	"strings"
	"testing"
)

// TestUsageErrorsInChinese: cobra's and pflag's usage errors are shown in
// Chinese, naming the command, exit 2.
func TestUsageErrorsInChinese(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"chek", "a.txt"}, `未知的命令 "chek"，是不是 "check"？（用 fzlint help 查看全部命令）`},
		{[]string{"bogus"}, `未知的命令 "bogus"（用 fzlint help 查看全部命令）`},
		{[]string{"check", "--nosuch", "a.txt"}, `fzlint check 没有选项 --nosuch（用 fzlint check --help 查看全部选项）`},
		{[]string{"check", "-z", "a.txt"}, `fzlint check 没有选项 -z（用 fzlint check --help 查看全部选项）`},
		{[]string{"check", "a.txt", "--format"}, `选项 --format 需要一个值`},
		{[]string{"check", "a.txt", "-f"}, `选项 -f 需要一个值`},
		{[]string{"check", "--no-color=maybe", "a.txt"}, `选项 --no-color 的值 "maybe" 无效`},
		{[]string{"check", "---x", "a.txt"}, `选项写法有误：---x`},
		{[]string{"check"}, `fzlint check 需要至少 1 个参数，收到 0 个（用 fzlint check --help 查看用法）`},
		{[]string{"explain"}, `fzlint explain 需要 1 个参数，收到 0 个（用 fzlint explain --help 查看用法）`},
		{[]string{"init", "a", "b"}, `fzlint init 最多接受 1 个参数，收到 2 个（用 fzlint init --help 查看用法）`},
		{[]string{"rules", "x"}, `fzlint rules 不接受参数 "x"`},
	}
	for _, c := range cases {
		code, out, errs := fzlint(t, "", c.args...)
		if code != exitTrouble || out != "" || errs != "fzlint: "+c.want+"\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errs, c.want)
		}
	}
}

// TestHelpInChinese: help and usage text are Chinese, flags aligned by
// terminal width, no English heading, type name or default left.
func TestHelpInChinese(t *testing.T) {
	code, out, errs := fzlint(t, "", "check", "--help")
	for _, want := range []string{
		"用法：\n  fzlint check [文件或目录…|-] [选项]\n\n选项：\n      --allow-empty         没有找到",
		"\n      --baseline 值         基线文件",
		"\n      --config 值           配置文件",
		"；可多次指定，写成 格式:文件 则写入该文件（默认 text）\n",
		"\n      --fix-only 值         与 --fix 一起使用：只应用这些规则的修复（规则编号，逗号分隔）\n",
		"\n      --no-color            不用颜色",
		"\n\n通用选项：\n  -h, --help   显示帮助\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check --help lacks %q:\n%s", want, out)
		}
	}
	for _, english := range []string{"Usage", "Flags", "string", "default", "help for"} {
		if strings.Contains(out, english) {
			t.Errorf("check --help says %q:\n%s", english, out)
		}
	}
	if code != exitClean || errs != "" {
		t.Errorf("check --help: exit %d, stderr %q", code, errs)
	}
	code, out, _ = fzlint(t, "", "help")
	if code != exitClean || !strings.Contains(out, "\n  check       检查报告\n") || strings.Contains(out, "completion") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
	code, _, errs = fzlint(t, "", "help", "nosuch")
	if code != exitTrouble || errs != "fzlint: 未知的命令 \"nosuch\"（用 fzlint help 查看全部命令）\n" {
		t.Errorf("help nosuch: exit %d, stderr %q", code, errs)
	}
}
