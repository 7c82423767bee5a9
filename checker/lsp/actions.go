package lsp

import "slices"

// codeAction offers the fixes of the findings last published for the
// document whose diagnostics touch the requested range. Fixes are offered
// only for the buffer version they were computed from.
func (s *server) codeAction(p codeActionParams) []codeAction {
	actions := []codeAction{}
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.linted != d.version || !wanted(p.Context.Only) {
		return actions
	}
	for _, it := range d.items {
		if it.fix == nil || !touches(it.diag.Range, p.Range) {
			continue
		}
		actions = append(actions, codeAction{
			Title:       it.title,
			Kind:        kindQuickFix,
			Diagnostics: []diagnostic{it.diag},
			IsPreferred: true,
			Edit:        workspaceEdit{Changes: map[string][]textEdit{d.uri: {*it.fix}}},
		})
	}
	return actions
}

// wanted tells whether quick fixes are among the kinds the client asks for.
func wanted(only []string) bool {
	return len(only) == 0 || slices.Contains(only, kindQuickFix)
}

// touches tells whether two ranges overlap or meet: a cursor at either end of
// a diagnostic is on it.
func touches(a, b lspRange) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(p, q position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}
