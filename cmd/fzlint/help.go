package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// chineseHelp makes cobra's help and usage text Chinese like every other
// message of fzlint: the usage layout, the -h flag and the help command.
// The completion command stays available but is not listed.
func chineseHelp(root *cobra.Command) {
	root.SetUsageFunc(func(c *cobra.Command) error {
		return writeUsage(c.OutOrStderr(), c)
	})
	root.PersistentFlags().BoolP("help", "h", false, "显示帮助")
	root.CompletionOptions.HiddenDefaultCmd = true
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [命令]",
		Short: "显示命令的帮助",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, _, err := root.Find(args)
			if err != nil || cmd == nil {
				// Worded as cobra's own, so that usageError shows it in Chinese.
				return fmt.Errorf("unknown command %q for %q", strings.Join(args, " "), root.CommandPath())
			}
			return cmd.Help()
		},
	})
}

// writeUsage is cobra's usage text in Chinese; fzlint uses no aliases,
// examples or command groups.
func writeUsage(w io.Writer, c *cobra.Command) error {
	var b strings.Builder
	b.WriteString("用法：")
	if c.Runnable() {
		fmt.Fprintf(&b, "\n  %s", strings.Replace(c.UseLine(), " [flags]", " [选项]", 1))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n  %s [命令]\n\n命令：", c.CommandPath())
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(&b, "\n\n选项：\n%s", flagUsages(c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(&b, "\n\n通用选项：\n%s", flagUsages(c.InheritedFlags()))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\n用 \"%s [命令] --help\" 查看一条命令的用法。", c.CommandPath())
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// flagUsages lists flags as pflag does, in Chinese: a flag that takes a value
// shows 值 where pflag shows its type, and a default is （默认 …）.
func flagUsages(flags *pflag.FlagSet) string {
	var names, usages []string
	width := 0
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "      --" + f.Name
		if f.Shorthand != "" {
			name = "  -" + f.Shorthand + ", --" + f.Name
		}
		usage := f.Usage
		if f.Value.Type() != "bool" {
			name += " 值"
			// A list flag's default prints as [a,b]: shown as a, b; none if empty.
			if def := strings.Trim(f.DefValue, "[]"); def != "" {
				usage += fmt.Sprintf("（默认 %s）", strings.ReplaceAll(def, ",", "、"))
			}
		}
		names, usages = append(names, name), append(usages, usage)
		width = max(width, displayWidth(name))
	})
	lines := make([]string, len(names))
	for i, name := range names {
		lines[i] = name + strings.Repeat(" ", width-displayWidth(name)+3) + usages[i]
	}
	return strings.Join(lines, "\n")
}
