package rules_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/rules"
)

// TestDecodeNodeSwaps: a substitution rule's swaps, decoded by DecodeNode,
// load as with yaml.v3 alone, with the same errors.
func TestDecodeNodeSwaps(t *testing.T) {
	for _, swap := range []string{
		`{from: 'a', to: 'b'}`,
		`{from: '\p{Han}(?P<at>[(])', to: '〔${at}〕', before: '\p{Han}', after: '[0-9]', when: 'x'}`,
		`{from: 'a'}`, `{from: 'a', to: ''}`, `{from: 'a', to: ~}`, `{from: 'a', to: 1}`,
		`{from: 'a', before: ~}`, `{from: &f 'a', to: *f}`, `{from: !!str 'a', to: b}`,
		`{to: 'b'}`, `{from: [a]}`, `{from: '('}`, `{from: 'x*'}`, `{from: '\bx'}`, `{from: 'a', bad: 1}`,
		`{from: 'a', from: 'b'}`, `{from: 'a', to: !foo b}`, `[a]`, `a`, `~`,
	} {
		src := fmt.Sprintf("pack: p\nrules:\n  - id: r\n    kind: substitution\n    severity: warning\n    message: m\n    source: s\n    examples: {fail: [a], pass: [c]}\n    swap:\n      - %s\n", swap)
		fast, fastErr := rules.ParsePack("p.yaml", []byte(src), checker.Kinds())
		var slow *rules.Pack
		var slowErr error
		rules.WithYAMLDecoding(func() { slow, slowErr = rules.ParsePack("p.yaml", []byte(src), checker.Kinds()) })
		if fmt.Sprint(fastErr) != fmt.Sprint(slowErr) {
			t.Errorf("%s: error %v, with yaml.v3 %v", swap, fastErr, slowErr)
			continue
		}
		if fastErr == nil && !sameValue(reflect.ValueOf(fast.Rules), reflect.ValueOf(slow.Rules), map[[2]uintptr]bool{}) {
			t.Errorf("%s: loads otherwise with yaml.v3", swap)
		}
	}
}
