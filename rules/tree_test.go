package rules

import (
	"bytes"
	"hash/crc32"
	"os"
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker/golden"
	"gopkg.in/yaml.v3"
)

func embeddedYAML(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, id := range EmbeddedIDs() {
		data, err := embedded.ReadFile("packs/" + id + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		out[id] = data
	}
	return out
}

// TestPackTreesCurrent: packtrees.bin holds the trees of the embedded packs
// as they are now; go test ./rules -update rewrites it after a pack changes.
func TestPackTreesCurrent(t *testing.T) {
	got, err := encodePackTrees(EmbeddedIDs(), embeddedYAML(t))
	if err != nil {
		t.Fatal(err)
	}
	if golden.Updating() {
		if err := os.WriteFile("packtrees.bin", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, []byte(packTrees)) {
		t.Errorf("rules/packtrees.bin is stale (a pack changed): go test ./rules -update rewrites it")
	}
}

// TestTreeRoundTrip: a decoded tree is the parsed tree, comments aside.
func TestTreeRoundTrip(t *testing.T) {
	yamls := embeddedYAML(t)
	yamls["aliases"] = []byte("x-a: &a {fail: [\"XX\"], pass: [y]}\nrules:\n  - examples: *a\n    n: !!str 12\n  - {examples: *a, s: 'q', e: []}\n")
	for id, data := range yamls {
		var want yaml.Node
		if err := yaml.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		dropComments(&want)
		got, err := decodeTree(string(encodeTree(&want)))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("%s: the decoded tree differs from the parsed one", id)
		}
	}
}

func dropComments(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		dropComments(c)
	}
}

// TestEmbeddedTreeStale: a tree is used only for the text it was parsed from.
func TestEmbeddedTreeStale(t *testing.T) {
	yamls := embeddedYAML(t)
	for id, data := range yamls {
		if embeddedSum(id) != crc32.ChecksumIEEE(data) {
			t.Errorf("embeddedSum(%q) differs from the CRC-32 of the pack's YAML", id)
		}
	}
	data := yamls["fzzf"]
	if embeddedTree("fzzf", embeddedSum("fzzf")) == nil {
		t.Fatal("no tree for fzzf")
	}
	changed := append(bytes.Clone(data), "\n# 改过\n"...)
	if embeddedTree("fzzf", crc32.ChecksumIEEE(changed)) != nil {
		t.Error("a tree was used for a changed pack")
	}
	if embeddedTree("nosuch", crc32.ChecksumIEEE(data)) != nil {
		t.Error("a tree was found for an unknown pack")
	}
}

// TestDecodeTreeBad: every cut of an encoding, and a few forged ones, are
// refused with an error.
func TestDecodeTreeBad(t *testing.T) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte("a: [b, {c: d}]\ne: &x f\ng: *x\n"), &root); err != nil {
		t.Fatal(err)
	}
	enc := string(encodeTree(&root))
	for i := range len(enc) {
		if _, err := decodeTree(enc[:i]); err == nil {
			t.Errorf("decodeTree accepted the first %d of %d bytes", i, len(enc))
		}
	}
	for _, bad := range []string{"", "\x00", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff",
		"\x02" + "\x01\x00\x00\x00\x00\x00\x01\x01\x00" + "\x08\x00\x00\x00\x00\x00\x01\x01\x00", // two roots
		"\x01" + "\x08\x00\x00\x00\x00\x05\x01\x01\x00",                                          // alias out of range
		"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f" + "\x08\x00\x00\x00\x00\x00\x01\x01\x00",      // a count of more than 64 bits
	} {
		if _, err := decodeTree(bad); err == nil {
			t.Errorf("decodeTree(%q) accepted", bad)
		}
	}
}

// FuzzDecodeTree: no encoding crashes the decoder, and what it accepts is a
// tree that round-trips.
func FuzzDecodeTree(f *testing.F) {
	for id, data := range embeddedYAML(f) {
		if id == "structure" {
			var root yaml.Node
			if err := yaml.Unmarshal(data, &root); err != nil {
				f.Fatal(err)
			}
			f.Add(string(encodeTree(&root)))
		}
	}
	f.Add("\x01\x08\x00\x00\x00\x00\x00\x01\x01\x00")
	f.Fuzz(func(t *testing.T, s string) {
		root, err := decodeTree(s)
		if err != nil {
			return
		}
		// A tree the decoder accepts encodes and decodes to itself.
		again, err := decodeTree(string(encodeTree(root)))
		if err != nil || !reflect.DeepEqual(again, root) {
			t.Fatalf("the decoded tree does not round-trip: %v", err)
		}
	})
}
