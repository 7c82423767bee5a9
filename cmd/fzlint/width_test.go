package main

import (
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
	"github.com/mattn/go-runewidth"
	"github.com/spf13/pflag"
)

// narrowAmbiguous is go-runewidth as `fzlint rules` measured its columns
// before displayWidth: ambiguous-width characters narrow.
var narrowAmbiguous = &runewidth.Condition{EastAsianWidth: false}

// TestDisplayWidth: displayWidth measures every cell the CLI pads as
// go-runewidth does (so the tables print as they did with it): the ids,
// levels, kinds and headers of `fzlint rules` and every command's flag names.
func TestDisplayWidth(t *testing.T) {
	set, err := rules.Load(rules.Options{Kinds: checker.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	cells := []string{"规则", "级别", "类型", "修复", "依据", "可", ""}
	for _, r := range set.Rules {
		cells = append(cells, r.ID, r.Kind)
	}
	for _, s := range []rules.Severity{rules.Off, rules.Info, rules.Warning, rules.Error} {
		cells = append(cells, s.String())
	}
	root := newRootCmd(&streams{})
	cmds := append(root.Commands(), root)
	for _, c := range cmds {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			cells = append(cells, "      --"+f.Name+" 值", "  -"+f.Shorthand+", --"+f.Name)
		})
	}
	for _, cell := range cells {
		if got, want := displayWidth(cell), narrowAmbiguous.StringWidth(cell); got != want {
			t.Errorf("displayWidth(%q) = %d, go-runewidth says %d", cell, got, want)
		}
	}
}

// TestRuneWidth: runeWidth agrees with go-runewidth on the characters the
// padded cells are made of: ASCII, the CJK ideographs and punctuation,
// full-width forms, and the quotes and dashes whose width is ambiguous.
func TestRuneWidth(t *testing.T) {
	for _, block := range [][2]rune{{0, 0x7f}, {0x2010, 0x2027}, {0x3000, 0x303f}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xff00, 0xffef}} {
		for r := block[0]; r <= block[1]; r++ {
			if got, want := runeWidth(r), narrowAmbiguous.RuneWidth(r); got != want {
				t.Errorf("runeWidth(%U) = %d, go-runewidth says %d", r, got, want)
			}
		}
	}
}
