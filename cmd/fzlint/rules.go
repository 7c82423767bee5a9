package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/fzlint/fzlint/rules"
	"github.com/spf13/cobra"
)

type rulesOptions struct {
	format string
	common commonOptions
}

func newRulesCmd(s *streams) *cobra.Command {
	opts := &rulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "列出规则（含级别、类型、依据、能否自动修复）",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := opts.common.linter(s).Set(".")
			if err != nil {
				return &exitError{exitTrouble, err}
			}
			if opts.format == "json" {
				return printRulesJSON(s, set)
			}
			if opts.format != "text" {
				return &exitError{exitTrouble, fmt.Errorf("未知的输出格式 %q（应为 text 或 json）", opts.format)}
			}
			return printRulesText(s, set)
		},
	}
	cmd.Flags().StringVarP(&opts.format, "format", "f", "text", "输出格式：text、json")
	opts.common.register(cmd)
	return cmd
}

// ruleJSON is one entry of `fzlint rules --format json`.
type ruleJSON struct {
	ID          string         `json:"id"`
	Pack        string         `json:"pack"`
	Kind        string         `json:"kind"`
	Severity    rules.Severity `json:"severity"`
	Message     string         `json:"message"`
	Source      string         `json:"source"`
	Description string         `json:"description"`
	Fixable     bool           `json:"fixable"`
	// Requirements are the ids of the requirements reference the rule checks.
	Requirements []string `json:"requirements"`
}

func printRulesJSON(s *streams, set *rules.Set) error {
	out := []ruleJSON{}
	for _, r := range set.Rules {
		out = append(out, ruleJSON{ID: r.ID, Pack: r.Pack, Kind: r.Kind, Severity: r.Severity,
			Message: set.Describe(r), Source: r.Source, Description: r.Description, Fixable: r.Fixable,
			Requirements: r.Requirements()})
	}
	enc := json.NewEncoder(s.out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"schema": "fzlint/rules/v1", "rules": out})
}

func printRulesText(s *streams, set *rules.Set) error {
	w := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "规则\t级别\t类型\t修复\t依据")
	for _, r := range set.Rules {
		fix := ""
		if r.Fixable {
			fix = "可"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Kind, fix, r.Source)
	}
	return w.Flush()
}

func newExplainCmd(s *streams) *cobra.Command {
	common := &commonOptions{}
	cmd := &cobra.Command{
		Use:   "explain 规则",
		Short: "说明一条规则：依据、含义、示例",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := common.linter(s).Set(".")
			if err != nil {
				return &exitError{exitTrouble, err}
			}
			r := set.Rule(args[0])
			if r == nil {
				return &exitError{exitTrouble, fmt.Errorf("没有规则 %q（用 fzlint rules 查看全部规则）", args[0])}
			}
			printExplain(s, set, r)
			return nil
		},
	}
	common.register(cmd)
	return cmd
}

func printExplain(s *streams, set *rules.Set, r *rules.Rule) {
	fmt.Fprintf(s.out, "%s（%s，%s）\n\n", r.ID, r.Severity.Chinese(), r.Kind)
	fmt.Fprintf(s.out, "提示：%s\n依据：%s\n", set.Describe(r), r.Source)
	if ids := r.Requirements(); len(ids) > 0 {
		fmt.Fprintf(s.out, "对应要求：%s\n", strings.Join(ids, "、"))
	}
	if r.Fixable {
		fmt.Fprintln(s.out, "可自动修复：是")
	}
	if r.Description != "" {
		fmt.Fprintf(s.out, "\n%s\n", strings.TrimSpace(r.Description))
	}
	for _, ex := range r.Examples.Fail {
		fmt.Fprintf(s.out, "\n不符合的示例：\n%s\n", indent(ex))
	}
	for _, ex := range r.Examples.Pass {
		fmt.Fprintf(s.out, "\n符合的示例：\n%s\n", indent(ex))
	}
	fmt.Fprintf(s.out, "\n定义于 %s:%d\n", r.Pos.File, r.Pos.Line)
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}
