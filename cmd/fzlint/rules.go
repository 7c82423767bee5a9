package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/fzlint/fzlint/rules"
	"github.com/spf13/cobra"
	"golang.org/x/text/width"
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
	rows := [][]string{{"规则", "级别", "类型", "修复", "依据"}}
	for _, r := range set.Rules {
		fix := ""
		if r.Fixable {
			fix = "可"
		}
		rows = append(rows, []string{r.ID, r.Severity.String(), r.Kind, fix, r.Source})
	}
	return writeColumns(s.out, rows)
}

// writeColumns writes rows with their columns aligned by terminal width:
// text/tabwriter counts a Chinese character as one column where a terminal
// takes two, so the Chinese header did not line up with the rows.
func writeColumns(w io.Writer, rows [][]string) error {
	widths := map[int]int{}
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		line := ""
		for i, cell := range row {
			line += cell
			if i < len(row)-1 {
				line += strings.Repeat(" ", widths[i]-displayWidth(cell)+2)
			}
		}
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth is the number of terminal columns s takes, the sum of its
// characters' widths. It measures the cells that are padded (a table's ids,
// levels and kinds, its Chinese headers, flag names), not free text: it
// gives what go-runewidth gives on those (TestDisplayWidth), without that
// package's tables and their initialisation at every start.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// runeWidth is the number of terminal columns r takes: two for East Asian
// wide and full-width characters, none for controls, combining marks and
// zero-width characters, one otherwise. Ambiguous-width characters (“” …)
// count one, whatever the locale, as most terminals draw them.
func runeWidth(r rune) int {
	switch {
	case ' ' <= r && r < 0x7f:
		return 1
	case r < ' ' || 0x7f <= r && r <= 0x9f || r == 0xad || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' ||
		unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
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
