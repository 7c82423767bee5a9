package checker

import (
	"fmt"
	"strings"
)

// Scopes say which lines a text rule looks at. Lines marked Skip (code blocks)
// are never looked at. "text" is every line but the outline's page debris;
// "debris" is those lines only.
var scopes = []string{"all", "body", "outside-body", "title", "headings", "text", "debris"}

func validScope(s string) error {
	for _, k := range scopes {
		if s == k {
			return nil
		}
	}
	return fmt.Errorf("未知的 scope %q（可用：%s）", s, strings.Join(scopes, "、"))
}

// scopeLines returns the 1-based numbers of the lines in scope; the slice is
// shared by the rules and must not be changed.
func (a *Analysis) scopeLines(scope string) []int {
	if lines, ok := a.inScope[scope]; ok {
		return lines
	}
	if a.inScope == nil {
		a.inScope = map[string][]int{}
	}
	lines := a.linesIn(scope)
	a.inScope[scope] = lines
	return lines
}

// linesIn lists the lines in scope.
func (a *Analysis) linesIn(scope string) []int {
	o := a.Outline
	var out []int
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
		for _, h := range o.Headings {
			if len(out) == 0 || out[len(out)-1] != h.Line {
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
