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
// s, its nodes one allocation and their children another.
func decodeTree(s string) (*yaml.Node, error) {
	d := treeDecoder{r: treeReader{s: s}}
	count := d.r.uint()
	// Every node takes at least 9 bytes: nine numbers.
	if d.r.err != nil || count == 0 || count > uint64(len(s))/9 {
		return nil, errBadTree
	}
	d.nodes = make([]yaml.Node, count)
	d.children = make([]*yaml.Node, count-1)
	root := d.node()
	if d.r.err != nil || d.next != len(d.nodes) || d.r.i != len(s) {
		return nil, errBadTree
	}
	return root, nil
}

// treeDecoder reads the nodes of an encoded tree in document order: a node,
// then its children, each with its own children.
type treeDecoder struct {
	r        treeReader
	nodes    []yaml.Node
	next     int          // the number of the next node
	children []*yaml.Node // the Content of every node, in order
	used     int          // the children taken
}

// node reads the next node and its descendants; after an error it returns
// nil and the error sticks in d.r.
func (d *treeDecoder) node() *yaml.Node {
	if d.r.err != nil || d.next == len(d.nodes) {
		d.r.err = errBadTree
		return nil
	}
	n := &d.nodes[d.next]
	d.next++
	n.Kind, n.Style = yaml.Kind(d.r.uint()), yaml.Style(d.r.uint())
	n.Tag, n.Value, n.Anchor = d.r.str(), d.r.str(), d.r.str()
	alias := d.r.uint()
	n.Line, n.Column = int(d.r.uint()), int(d.r.uint())
	size := d.r.uint()
	switch {
	case d.r.err != nil:
		return nil
	case alias > uint64(len(d.nodes)) || size > uint64(len(d.children)-d.used):
		d.r.err = errBadTree
		return nil
	case alias > 0:
		n.Alias = &d.nodes[alias-1]
	}
	if size > 0 {
		n.Content = d.children[d.used : d.used+int(size) : d.used+int(size)]
		d.used += int(size)
		for i := range n.Content {
			if n.Content[i] = d.node(); n.Content[i] == nil {
				return nil
			}
		}
	}
	return n
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
