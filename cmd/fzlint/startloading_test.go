package main

import "testing"

// TestStartLoading: the packs are parsed ahead for the commands that check
// reports, and for no other run.
func TestStartLoading(t *testing.T) {
	defer func() { preparsed = nil }()
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false}, {[]string{"version"}, false}, {[]string{"rules"}, false}, {[]string{"--help"}, false},
		{[]string{"check", "a.txt"}, true}, {[]string{"outline", "a.txt"}, true},
		{[]string{"annotate", "a.docx"}, true}, {[]string{"checklist", "a.txt"}, true},
	} {
		preparsed = nil
		startLoading(c.args)
		if got := preparsed != nil; got != c.want {
			t.Errorf("%q: parsed ahead %v, want %v", c.args, got, c.want)
		}
	}
}
