package checker

import (
	"fmt"
	"slices"
	"strings"
)

// Scopes say which lines a text rule looks at. Lines marked Skip (code blocks)
// are never looked at. "text" is every line but the outline's page debris;
// "debris" is those lines only.
var scopes = [...]string{"all", "body", "outside-body", "title", "headings", "text", "debris"}

func validScope(s string) error {
	if slices.Contains(scopes[:], s) {
		return nil
	}
	return fmt.Errorf("未知的 scope %q（可用：%s）", s, strings.Join(scopes[:], "、"))
}

// scopeLines returns the 1-based numbers of the lines in scope; the slice is
// shared by the rules and must not be changed.
func (a *Analysis) scopeLines(scope string) []int {
	k := slices.Index(scopes[:], scope)
	if a.scoped[k] {
		return a.inScope[k]
	}
	if scope == "text" || scope == "debris" {
		a.scopeLines("all") // linesIn reads it, and must not add to scopeMem meanwhile
	}
	// The lists are cut from one slab, lent from check to check; a scope
	// has at most every line.
	if cap(a.scopeMem)-len(a.scopeMem) < len(a.Doc.Lines) {
		a.scopeMem = a.newScopeMem()
	}
	from := len(a.scopeMem)
	a.scopeMem = a.linesIn(scope, a.scopeMem)
	lines := a.scopeMem[from:len(a.scopeMem):len(a.scopeMem)]
	a.inScope[k], a.scoped[k] = lines, true
	return lines
}

// newScopeMem returns empty memory for the lists of four scopes, the
// memory of an earlier check if one lent it.
func (a *Analysis) newScopeMem() []int {
	room := 4 * len(a.Doc.Lines)
	if sp := a.spare; sp != nil && cap(sp.scopes) >= room {
		mem := sp.scopes[:0]
		sp.scopes = nil
		return mem
	}
	return make([]int, 0, room)
}

// linesIn appends the lines in scope to out.
func (a *Analysis) linesIn(scope string, out []int) []int {
	o := a.Outline
	switch scope {
	case "title":
		if o.Title != nil {
			out = append(out, o.Title.Line)
		}
		return out
	case "text", "debris":
		debris := make([]bool, len(a.Doc.Lines)+1) // by line number
		for _, s := range o.Debris {
			debris[s.Line] = true
		}
		for _, n := range a.scopeLines("all") {
			if debris[n] == (scope == "debris") {
				out = append(out, n)
			}
		}
		return out
	case "headings":
		from := len(out)
		for _, h := range o.Headings {
			if len(out) == from || out[len(out)-1] != h.Line {
				out = append(out, h.Line)
			}
		}
		return out
	}
	for i, l := range a.Doc.Lines {
		if l.Skip {
			continue
		}
		inBody := l.End >= o.BodyStart && l.Start < o.BodyEnd && (o.Title == nil || o.Title.Line != i+1)
		switch {
		case scope == "body" && !inBody, scope == "outside-body" && inBody:
			continue
		}
		out = append(out, i+1)
	}
	return out
}
