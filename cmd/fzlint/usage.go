package main

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"
)

// usageMessages turn cobra's and pflag's English usage errors into Chinese,
// as every other message of fzlint is. Each pattern is one message of cobra
// v1.10 or pflag v1.0 (TestUsageErrorsInChinese holds them to it); an error
// that matches none is shown as it is. Compiled at the first usage error, not
// at every start (0.3 ms and 76 KB of package initialisation).
var usageMessages = sync.OnceValue(func() []usageMessage {
	return []usageMessage{
		{regexp.MustCompile(`^unknown command "(.*)" for "fzlint"(?:\s+Did you mean this\?\s+(\S+))?`), func(cmd string, m []string) string {
			hint := ""
			if m[2] != "" {
				hint = fmt.Sprintf("，是不是 %q？", m[2])
			}
			return fmt.Sprintf("未知的命令 %q%s（用 fzlint help 查看全部命令）", m[1], hint)
		}},
		{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), func(cmd string, m []string) string {
			return fmt.Sprintf("%s 不接受参数 %q", m[2], m[1])
		}},
		{regexp.MustCompile(`^unknown flag: (\S+)`), func(cmd string, m []string) string {
			return fmt.Sprintf("%s 没有选项 %s（用 %s --help 查看全部选项）", cmd, m[1], cmd)
		}},
		{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)`), func(cmd string, m []string) string {
			return fmt.Sprintf("%s 没有选项 -%s（用 %s --help 查看全部选项）", cmd, m[1], cmd)
		}},
		{regexp.MustCompile(`^flag needs an argument: '(.)' in \S+`), func(cmd string, m []string) string {
			return fmt.Sprintf("选项 -%s 需要一个值", m[1])
		}},
		{regexp.MustCompile(`^flag needs an argument: (\S+)`), func(cmd string, m []string) string {
			return fmt.Sprintf("选项 %s 需要一个值", m[1])
		}},
		{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag`), func(cmd string, m []string) string {
			return fmt.Sprintf("选项 %s 的值 %q 无效", m[2], m[1])
		}},
		{regexp.MustCompile(`^bad flag syntax: (.*)`), func(cmd string, m []string) string {
			return fmt.Sprintf("选项写法有误：%s", m[1])
		}},
		{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)`), func(cmd string, m []string) string {
			return fmt.Sprintf("%s 需要至少 %s 个参数，收到 %s 个（用 %s --help 查看用法）", cmd, m[1], m[2], cmd)
		}},
		{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)`), func(cmd string, m []string) string {
			return fmt.Sprintf("%s 最多接受 %s 个参数，收到 %s 个（用 %s --help 查看用法）", cmd, m[1], m[2], cmd)
		}},
		{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)`), func(cmd string, m []string) string {
			return fmt.Sprintf("%s 需要 %s 个参数，收到 %s 个（用 %s --help 查看用法）", cmd, m[1], m[2], cmd)
		}},
	}
})

// usageMessage is a pattern of an English usage error and the Chinese
// message for its submatches.
type usageMessage struct {
	re     *regexp.Regexp
	format func(cmd string, m []string) string
}

// usageError is the Chinese message for a usage error of command cmd.
func usageError(cmd *cobra.Command, err error) string {
	name := "fzlint"
	if cmd != nil {
		name = cmd.CommandPath()
	}
	msg := err.Error()
	for _, u := range usageMessages() {
		if m := u.re.FindStringSubmatch(msg); m != nil {
			return u.format(name, m)
		}
	}
	return strings.TrimSpace(msg)
}
