package match

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkAllIn runs patterns without literals, or with common ones, or
// that regexp would try at many places (docnum-conflict), over the lines of
// the seeds (of the repository's reports when the seeds are absent), as a
// rule runs its patterns on a scanned document's lines.
func BenchmarkAllIn(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("../../testdata/reports/*.txt")
	}
	var lines []string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
		size += len(data)
	}
	for _, c := range []struct{ name, expr string }{
		{"mixed-width-alnum", `(?P<key>)(?P<value>[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?|[A-Za-zＡ-Ｚａ-ｚ]+)`},
		{"counts-run-together", `\d(?:余|多)?(?:件|项|次|个|人次|人|起|宗|条|份|家|场|期|篇)(?P<at>\p{Han}{2,4}\d+(?:\.\d+)?(?:余|多)?(?:件|项|次|个|人次|人|起|宗|条|份|家|场|期|篇))`},
		{"private-use", `[\x{E000}-\x{F8FF}]+`},
		{"question-mark", `\p{Han}(?P<at>\?[!?]*)[\p{Han}“"]`},
		{"docnum-conflict", `《(?:[^《》]*关于)?(?P<key>[^《》]{4,60})》\s*\(?\s*(?P<value>\p{Han}{1,10}[〔﹝\[【(](?:19|20)\d{2}[〕﹞\]】)]第?\d+号)`},
	} {
		b.Run(c.name, func(b *testing.B) {
			p := MustCompile(c.expr)
			d := NewDictionary([]*Pattern{p})
			var texts []*Text
			for _, l := range lines {
				texts = append(texts, d.Scan(l))
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					for range p.AllIn(t) {
					}
				}
			}
		})
	}
}
