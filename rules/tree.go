package rules

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// The embedded packs are also stored parsed, as YAML node trees in a compact
// encoding (packtrees.bin): parsing their YAML was half of loading the packs,
// the larger part of a CLI run's start-up, and decoding the trees costs next
// to nothing. Each tree carries the CRC-32 of the YAML it was parsed from: a
// tree whose pack has changed since is not used (the YAML is parsed instead),
// and TestPackTreesCurrent fails until `go test ./rules -update` rewrites the
// file. Comments are not kept: nothing reads them.

//go:embed packtrees.bin
var packTrees string

// treesMagic opens packtrees.bin; a new encoding changes it.
const treesMagic = "fzlint pack trees 1\n"

// embeddedName is the name of embedded pack id in the embedded file system.
func embeddedName(id string) string { return "packs/" + id + ".yaml" }

// embeddedSum is the CRC-32 of embedded pack id's YAML. It reads the pack
// through a small buffer: embed.FS.ReadFile would copy the whole YAML to
// fresh heap pages, and faulting them in cost more than the rest of the check.
func embeddedSum(id string) uint32 {
	f, err := embedded.Open(embeddedName(id))
	if err != nil {
		return 0
	}
	defer f.Close()
	sum := crc32.NewIEEE()
	if _, err := io.CopyBuffer(sum, f, make([]byte, 4096)); err != nil {
		return 0
	}
	return sum.Sum32()
}

// embeddedTree returns the stored tree of embedded pack id, or nil when there
// is none or it was parsed from other text than the YAML whose CRC-32 is sum.
func embeddedTree(id string, sum uint32) *yaml.Node {
	trees, ok := strings.CutPrefix(packTrees, treesMagic)
	if !ok {
		return nil
	}
	r := treeReader{s: trees}
	for r.err == nil && r.i < len(r.s) {
		name, treeSum, size := r.str(), r.uint(), r.uint()
		if r.err != nil || size > uint64(len(r.s)-r.i) {
			return nil
		}
		body := r.s[r.i : r.i+int(size)]
		r.i += int(size)
		if name == id && treeSum == uint64(sum) {
			root, err := decodeTree(body)
			if err != nil {
				return nil
			}
			return root
		}
	}
	return nil
}

// encodePackTrees encodes the trees of packs (id → YAML text) in the order of
// ids, for packtrees.bin.
func encodePackTrees(ids []string, yamls map[string][]byte) ([]byte, error) {
	out := []byte(treesMagic)
	for _, id := range ids {
		var root yaml.Node
		if err := yaml.Unmarshal(yamls[id], &root); err != nil {
			return nil, err
		}
		body := encodeTree(&root)
		out = appendString(out, id)
		out = binary.AppendUvarint(out, uint64(crc32.ChecksumIEEE(yamls[id])))
		out = binary.AppendUvarint(out, uint64(len(body)))
		out = append(out, body...)
	}
	return out, nil
}

// encodeTree writes the nodes of root in document order: the node count,
// then each node's kind, style, tag, value, anchor, alias (the aliased node's
// number plus one, or 0), line, column and number of children.
func encodeTree(root *yaml.Node) []byte {
	number := map[*yaml.Node]int{}
	var nodes []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		number[n] = len(nodes)
		nodes = append(nodes, n)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	out := binary.AppendUvarint(nil, uint64(len(nodes)))
	for _, n := range nodes {
		alias := 0
		if n.Alias != nil {
			alias = number[n.Alias] + 1
		}
		for _, v := range []int{int(n.Kind), int(n.Style)} {
			out = binary.AppendUvarint(out, uint64(v))
		}
		out = appendString(out, n.Tag)
		out = appendString(out, n.Value)
		out = appendString(out, n.Anchor)
		for _, v := range []int{alias, n.Line, n.Column, len(n.Content)} {
			out = binary.AppendUvarint(out, uint64(v))
		}
	}
	return out
}

func appendString(out []byte, s string) []byte {
	out = binary.AppendUvarint(out, uint64(len(s)))
	return append(out, s...)
}

var errBadTree = errors.New("packtrees.bin: bad encoding")

// decodeTree rebuilds a tree encoded by encodeTree. Its strings are slices of
// s, its nodes one allocation.
func decodeTree(s string) (*yaml.Node, error) {
	r := treeReader{s: s}
	count := r.uint()
	// Every node takes at least 9 bytes: nine numbers.
	if r.err != nil || count == 0 || count > uint64(len(s))/9 {
		return nil, errBadTree
	}
	nodes := make([]yaml.Node, count)
	children := make([]*yaml.Node, count-1)
	aliases := make([]uint64, count)
	sizes := make([]uint64, count)
	for i := range nodes {
		n := &nodes[i]
		n.Kind, n.Style = yaml.Kind(r.uint()), yaml.Style(r.uint())
		n.Tag, n.Value, n.Anchor = r.str(), r.str(), r.str()
		aliases[i] = r.uint()
		n.Line, n.Column = int(r.uint()), int(r.uint())
		sizes[i] = r.uint()
	}
	if r.err != nil || r.i != len(s) {
		return nil, errBadTree
	}
	// Children follow their parent in document order: a stack of the nodes
	// still missing children tells whose each node is.
	type open struct{ node, missing int }
	stack := []open{}
	next := 0 // the next free place in children
	for i := range nodes {
		if aliases[i] > count {
			return nil, errBadTree
		}
		if aliases[i] > 0 {
			nodes[i].Alias = &nodes[aliases[i]-1]
		}
		if i > 0 {
			if len(stack) == 0 {
				return nil, errBadTree
			}
			top := &stack[len(stack)-1]
			parent := &nodes[top.node]
			parent.Content = append(parent.Content, &nodes[i])
			if top.missing--; top.missing == 0 {
				stack = stack[:len(stack)-1]
			}
		}
		if sizes[i] > 0 {
			if sizes[i] > uint64(len(children)-next) {
				return nil, errBadTree
			}
			end := next + int(sizes[i])
			nodes[i].Content = children[next:next:end]
			next = end
			stack = append(stack, open{node: i, missing: int(sizes[i])})
		}
	}
	if len(stack) != 0 {
		return nil, errBadTree
	}
	return &nodes[0], nil
}

// treeReader reads the numbers and strings of an encoded tree; the first
// error sticks and makes every later read return zero values.
type treeReader struct {
	s   string
	i   int
	err error
}

func (r *treeReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; r.i < len(r.s) && shift < 64; shift += 7 {
		b := r.s[r.i]
		r.i++
		if shift == 63 && b > 1 {
			break // more than 64 bits
		}
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.err = errBadTree
	return 0
}

func (r *treeReader) str() string {
	size := r.uint()
	if r.err != nil || size > uint64(len(r.s)-r.i) {
		r.err = errBadTree
		return ""
	}
	s := r.s[r.i : r.i+int(size)]
	r.i += int(size)
	return s
}
