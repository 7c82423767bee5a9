package pathglob

import "testing"

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pat, name string
		want      bool
	}{
		{"old/**", "old/a/b.txt", true},
		{"old/**", "new/a.txt", false},
		{"**", "a/b.txt", true},
		{"**/*.md", "b.md", true},
		{"**/*.md", "a/b/c.md", true},
		{"*.txt", "a/b.txt", false},
		{"a/*/c.txt", "a/b/c.txt", true},
		{"2021年/*.docx", "2021年/报告.docx", true},
		{"[", "[", false}, // a bad pattern matches nothing
	} {
		if got := Match(c.pat, c.name); got != c.want {
			t.Errorf("Match(%q, %q) = %v", c.pat, c.name, got)
		}
	}
}
