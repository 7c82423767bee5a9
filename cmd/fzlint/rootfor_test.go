package main

import "testing"

// TestRootForOneCommand: each command of a root made for its run alone is
// named as in commands and helps as the command of the full root does.
func TestRootForOneCommand(t *testing.T) {
	full := newRootCmd(&streams{})
	if got := len(full.Commands()); got != len(commands) {
		t.Errorf("the root has %d commands, commands lists %d", got, len(commands))
	}
	for _, c := range commands {
		if name := c.make(&streams{}).Name(); name != c.name {
			t.Errorf("commands names %q the command %q", c.name, name)
		}
		alone := rootFor([]string{c.name}, &streams{})
		if cmds := alone.Commands(); len(cmds) != 1 || cmds[0].Name() != c.name {
			t.Errorf("%s: the root for its run has %d commands", c.name, len(cmds))
		}
		code, out, errs := fzlint(t, "", c.name, "--help")
		wantCode, want, wantErrs := fzlint(t, "", "help", c.name)
		if code != wantCode || out != want || errs != wantErrs {
			t.Errorf("%s --help (alone): exit %d\n%s%s\nhelp %[1]s (every command): exit %d\n%s%s", c.name, code, out, errs, wantCode, want, wantErrs)
		}
	}
}
