package rules

import (
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

// sameHeadAsYAML fails t where decodeHead takes a mapping of root (any
// node) and decodes it otherwise than yaml.v3 does.
func sameHeadAsYAML(t *testing.T, name string, root *yaml.Node) (taken int) {
	t.Helper()
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			if got, ok := decodeHead(n); ok {
				taken++
				var want ruleHead
				if err := n.Decode(&want); err != nil {
					t.Errorf("%s:%d: decodeHead took a mapping yaml.v3 refuses: %v", name, n.Line, err)
				} else if !reflect.DeepEqual(got, want) {
					t.Errorf("%s:%d: decodeHead gives\n%#v\nyaml.v3\n%#v", name, n.Line, got, want)
				}
			} else if !reflect.DeepEqual(got, ruleHead{}) {
				t.Errorf("%s:%d: a refused mapping left fields set", name, n.Line)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return taken
}

// TestDecodeHeadSameAsYAML: on every mapping of every embedded pack (its
// stored tree and its YAML), decodeHead decodes as yaml.v3 does, and it
// takes every rule.
func TestDecodeHeadSameAsYAML(t *testing.T) {
	for id, data := range embeddedYAML(t) {
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			t.Fatal(err)
		}
		sameHeadAsYAML(t, id, &root)
		tree := embeddedTree(id, embeddedSum(id))
		if tree == nil {
			t.Fatalf("no stored tree for %s", id)
		}
		sameHeadAsYAML(t, id+" (tree)", tree)
		rules := valueNode(tree.Content[0], "rules")
		if rules == nil {
			continue
		}
		for _, r := range rules.Content {
			if _, ok := decodeHead(r); !ok {
				t.Errorf("%s:%d: decodeHead refused an embedded rule", id, r.Line)
			}
		}
	}
}

// FuzzDecodeHead: on any YAML, decodeHead decodes a mapping it takes as
// yaml.v3 does.
func FuzzDecodeHead(f *testing.F) {
	f.Add(string(embeddedYAML(f)["structure"])) // the smallest pack: the larger are slow to mutate
	for _, s := range []string{
		"id: a\nkind: pattern\nexamples: {fail: [x], pass: [y]}\n",
		"id: a\nid: b\n",                     // a field set twice
		"x: 1\nx: 2\nid: a\n",                // an unknown key twice
		"id: 12\nmessage: true\nsource: ~\n", // other tags
		"id: !!str 12\nmessage: 'q'\nsource: \"s\"\n",
		"description: |\n  a\n  b\nmessage: >\n  c\n  d\n",
		"x-a: &a {fail: [\"XX\"], pass: [y]}\nr: {examples: *a, id: *b}\nb: &b q\n",
		"a: &a x\nr: {id: *a, examples: {fail: [*a, *a], pass: *p}}\np: &p [*a]\n",
		"<<: {id: a}\nkind: k\n", // a merge key
		"examples: {fail: [], pass: [~]}\n",
		"examples: [x]\n",
		"examples: {fail: {a: b}}\n",
		"examples:\nid: a\n",
		"? [a]\n: b\nid: c\n", // a key that is not a string
		"!!map {id: a}\n",
		"id: !foo a\n",
		"examples: !!map {fail: !!seq [a]}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(s), &root); err != nil {
			return
		}
		sameHeadAsYAML(t, "fuzz", &root)
	})
}
