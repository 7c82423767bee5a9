package checker

import "regexp/syntax"

// classOf is treeClass of expr, parsed: the kinds read the tree their
// pattern keeps, the tests write expressions.
func classOf(expr string) runeClass { return treeClass(mustParse(expr)) }

// groupFullWidth is treeGroupFullWidth of expr, parsed.
func groupFullWidth(expr string, group int) *fullWidthSet {
	return treeGroupFullWidth(mustParse(expr), group)
}

func mustParse(expr string) *syntax.Regexp {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	return tree
}
