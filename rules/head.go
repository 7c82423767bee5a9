package rules

import "gopkg.in/yaml.v3"

// decodeHead decodes the fields every rule has from mapping n as n.Decode
// does into a ruleHead, through decodeSpecFast: for the rules that are
// plain (string scalars, and examples that are a mapping of sequences of
// them, reached directly or through aliases). A yaml decoder and its
// reflection per rule were a tenth of loading the packs. ok is false for
// anything else (another tag, a null, a merge key, a key given twice, heavy
// aliasing), which n.Decode then decodes and reports as it always has;
// TestDecodeHeadSameAsYAML and FuzzDecodeHead compare the two.
func decodeHead(n *yaml.Node) (h ruleHead, ok bool) {
	ok = decodeSpecFast(n, &h)
	return h, ok
}

// maxAliased bounds the nodes the fast decoder reads through aliases: yaml.v3
// refuses a document with too many (its "excessive aliasing"), never one
// with at most 100.
const maxAliased = 100

// headDecoder counts the nodes read through aliases.
type headDecoder struct{ aliased int }

// deref returns the node n stands for: n, or the node alias n names.
func (d *headDecoder) deref(n *yaml.Node) *yaml.Node {
	if n.Kind != yaml.AliasNode {
		return n
	}
	d.aliased++
	return n.Alias
}

// mapping calls field for each key of mapping n, in order; field says
// whether the key is one the struct has. A key given twice is left to
// yaml.v3, which refuses it.
func (d *headDecoder) mapping(n *yaml.Node, field func(key string, value *yaml.Node) (ok bool)) bool {
	n = d.deref(n)
	if n == nil || n.Kind != yaml.MappingNode || n.Tag != "!!map" || len(n.Content)%2 != 0 || d.aliased > maxAliased {
		return false
	}
	large := len(n.Content)/2 > smallMapping
	if large && repeatsKey(n) {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" || !large && repeated(n, i) || !field(k.Value, n.Content[i+1]) {
			return false
		}
	}
	return true
}

// repeatsKey tells whether a scalar key of mapping n is given twice, looked
// up in a map: comparing every key with every other would take a user's
// pack of a hundred thousand keys minutes.
func repeatsKey(n *yaml.Node) bool {
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode {
			if seen[k.Value] {
				return true
			}
			seen[k.Value] = true
		}
	}
	return false
}

// repeated tells whether the key at i of mapping n is given again after it.
func repeated(n *yaml.Node, i int) bool {
	for j := i + 2; j < len(n.Content); j += 2 {
		if n.Content[j].Kind == n.Content[i].Kind && n.Content[j].Value == n.Content[i].Value {
			return true
		}
	}
	return false
}
