package rules

import (
	"regexp"
	"testing"
)

// idExpr is the expression validID replaces.
var idExpr = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// FuzzValidID: validID answers as the expression it replaces.
func FuzzValidID(f *testing.F) {
	for _, id := range []string{"", "a", "fzzf", "section-problems", "a1-", "1a", "-a", "A", "aB", "a_b",
		"a b", "a\n", "\na", "a.b", "规则", "a规", "z9", "{", "`", "a/b", "../x"} {
		f.Add(id)
	}
	for _, id := range EmbeddedIDs() {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if got, want := validID(id), idExpr.MatchString(id); got != want {
			t.Fatalf("validID(%q) = %v, the expression says %v", id, got, want)
		}
	})
}
