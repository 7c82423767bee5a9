package rules

import (
	"fmt"
	"hash/crc32"

	"github.com/fzlint/fzlint/checker/match"
	"gopkg.in/yaml.v3"
)

// ParseEmbeddedTree is ParsePack for embedded pack id from its stored tree
// (packtrees.bin) instead of its YAML.
func ParseEmbeddedTree(id string, data []byte, kinds map[string]Compiler) (*Pack, error) {
	root := embeddedTree(id, crc32.ChecksumIEEE(data))
	if root == nil {
		return nil, fmt.Errorf("no current stored tree for pack %s", id)
	}
	return packOf("rules/packs/"+id+".yaml", root, kinds)
}

// WithYAMLDecoding runs f with every spec decoded by yaml.v3 alone, not by
// decodeSpecFast.
func WithYAMLDecoding(f func()) {
	decodeFast = func(*yaml.Node, any) bool { return false }
	defer func() { decodeFast = decodeSpecFast }()
	f()
}

// WithoutPatternCache runs f with every pattern a Load meets compiled
// afresh, as match.Compile alone would.
func WithoutPatternCache(f func()) {
	compileCached = match.Compile
	defer func() { compileCached = compilePattern }()
	f()
}
