package rules

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// specProbe has a field of each shape the kinds' specs have.
type specProbe struct {
	S      string               `yaml:"s"`
	Role   probeRole            `yaml:"role"`
	B      bool                 `yaml:"b"`
	I      int                  `yaml:"i"`
	PI     *int                 `yaml:"pi"`
	PF     *float64             `yaml:"pf"`
	PS     *string              `yaml:"ps"`
	Re     Regexp               `yaml:"re"`
	PRe    *Regexp              `yaml:"pre"`
	Res    []Regexp             `yaml:"res"`
	L      []string             `yaml:"l"`
	LL     [][]string           `yaml:"ll"`
	Roles  []probeRole          `yaml:"roles"`
	M      map[string]string    `yaml:"m"`
	MF     map[string]float64   `yaml:"mf"`
	ML     map[string][]string  `yaml:"ml"`
	N      yaml.Node            `yaml:"n"`
	NL     []yaml.Node          `yaml:"nl"`
	NM     map[string]yaml.Node `yaml:"nm"`
	Sub    *specProbe           `yaml:"sub"`
	Subs   []specProbe          `yaml:"subs"`
	Plain  string
	Hidden string      `yaml:"-"`
	Swaps  []probeSwap `yaml:"swap"`
}

type probeRole string

// probeSwap decodes itself, as the substitution kind's swaps do.
type probeSwap struct{ From, To string }

func (s *probeSwap) UnmarshalYAML(n *yaml.Node) error {
	type plain struct {
		From string `yaml:"from"`
		To   string `yaml:"to"`
	}
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	s.From, s.To = p.From, p.To
	return nil
}

// sameSpecAsYAML fails t where decodeSpecFast takes a mapping of root and
// decodes it otherwise than yaml.v3 does, or leaves a refused one changed.
func sameSpecAsYAML(t *testing.T, root *yaml.Node) {
	t.Helper()
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			preset := specProbe{S: "preset", M: map[string]string{"k": "v"}}
			got := preset
			if decodeSpecFast(n, &got) {
				want := specProbe{S: "preset", M: map[string]string{"k": "v"}}
				if err := n.Decode(&want); err != nil {
					t.Errorf("line %d: decodeSpecFast took a mapping yaml.v3 refuses: %v", n.Line, err)
				} else if !reflect.DeepEqual(got, want) {
					t.Errorf("line %d: decodeSpecFast gives\n%#v\nyaml.v3\n%#v", n.Line, got, want)
				}
			} else if got.S != "preset" || got.I != 0 || got.Sub != nil || got.L != nil {
				t.Errorf("line %d: a refused mapping left fields set", n.Line)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
}

// FuzzDecodeSpec: on any YAML, decodeSpecFast decodes a mapping it takes as
// yaml.v3 does.
func FuzzDecodeSpec(f *testing.F) {
	for _, s := range []string{
		"s: a\nrole: plans\nb: true\ni: 12\npi: 3\npf: 4\nps: x\nre: 'a+'\npre: 'b'\nres: [c, d]\nl: [e]\nll: [[f, g], []]\nroles: [duty]\n",
		"m: {a: b, c: d}\nmf: {x: 1}\nml: {y: [z]}\nn: {any: [thing]}\nsub: {s: t, sub: {i: 2}}\nsubs: [{s: u}, {b: false}]\nplain: p\nhidden: h\n",
		"swap: [{from: a, to: b}, {from: c}]\nother: 1\n",
		"nl: [a, {b: c}, *x]\nnm: {a: [b], c: *x, d: ~}\nx: &x y\n",
		"s: &a x\nl: [*a, *a]\nps: *a\nsub: &s {s: y}\nsubs: [*s]\n",
		"s: 1\n", "b: yes\n", "b: True\n", "i: 0x1f\n", "i: 1_000\n", "i: -3\n", "i: 007\n", "i: 12345678901\n",
		"pf: 1.5\n", "s: ~\n", "l: ~\n", "m: {a: ~}\n", "<<: {s: a}\n", "s: a\ns: b\n", "x: 1\nx: 2\n",
		"re: '\\bx'\n", "re: '('\n", "re: [a]\n", "res: [a, '(']\n", "pre: ''\n", "m: {1: a}\n", "l: !!seq [a]\n",
		"sub: !!map {s: a}\n", "s: !!str 12\n", "s: !foo x\n", "swap: [{from: [a]}]\n", "n: *u\nu: &u q\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(s), &root); err != nil {
			return
		}
		sameSpecAsYAML(t, &root)
	})
}

// TestCheckKeysLargeAndSmall: a mapping's repeated and unknown keys are
// reported alike whether checkKeys compares its keys or looks them up.
func TestCheckKeysLargeAndSmall(t *testing.T) {
	known := map[string]bool{"a": true, "b": true}
	for _, size := range []int{2, smallMapping, smallMapping + 1, 3 * smallMapping} {
		var text strings.Builder
		for i := range size {
			fmt.Fprintf(&text, "%c%d: x\na: y\nb: z\n", 'c'+i%3, i%5)
		}
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(text.String()), &root); err != nil {
			t.Fatal(err)
		}
		n := root.Content[0]
		var want Problems
		seen := map[string]bool{}
		for i := 0; i < len(n.Content); i += 2 {
			k := n.Content[i]
			switch {
			case seen[k.Value]:
				want = append(want, errAt("f", k, "重复的键 %q", k.Value))
			case !known[k.Value]:
				names := sortedKeys(known)
				want = append(want, errAt("f", k, "未知的键 %q%s（可用：%s）", k.Value, didYouMean(k.Value, names), strings.Join(names, "、")))
			}
			seen[k.Value] = true
		}
		if got := checkKeys("f", n, known, nil); !reflect.DeepEqual(got, want) {
			t.Errorf("%d keys: checkKeys reports\n%v\nwant\n%v", len(n.Content)/2, got, want)
		}
	}
}

// TestDecodeSpecLargeMappings: a mapping of more keys than smallMapping,
// whose repeats are looked up rather than compared pairwise, decodes as
// yaml.v3 decodes it, and one with a key given twice is left to yaml.v3.
func TestDecodeSpecLargeMappings(t *testing.T) {
	for _, repeat := range []string{"", "k3", "k39"} {
		var b strings.Builder
		b.WriteString("m:\n")
		for i := range 40 {
			fmt.Fprintf(&b, "  k%d: v%d\n", i, i)
		}
		if repeat != "" {
			fmt.Fprintf(&b, "  %s: again\n", repeat)
		}
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(b.String()), &root); err != nil {
			t.Fatal(err)
		}
		sameSpecAsYAML(t, &root)
		var got specProbe
		if took := decodeSpecFast(root.Content[0], &got); took != (repeat == "") {
			t.Errorf("repeat %q: decodeSpecFast took the mapping: %v", repeat, took)
		}
	}
}
