package match

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkPackLines searches the patterns of the default packs that are
// searched by their literals, all in one dictionary, over the lines of the seeds sliced from their scans, as the
// pattern rules search a document: the lines hold many occurrences of other
// patterns' literals.
func BenchmarkPackLines(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("../../testdata/reports/*.txt")
	}
	var ps []*Pattern
	for _, e := range packExpressions(b) {
		ps = append(ps, MustCompile(e))
	}
	d := NewDictionary(ps)
	// Only the patterns searched by their literals' occurrences: the others
	// run regexp on every line and would drown them.
	searched := ps[:0:0]
	for _, p := range ps {
		if p.planned().need.lits != nil && p.how != whole {
			searched = append(searched, p)
		}
	}
	var lines []Text
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		s := string(data)
		var spans [][2]int
		for i := 0; i < len(s); {
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s) - i
			}
			spans = append(spans, [2]int{i, i + end})
			i += end + 1
		}
		lines = append(lines, d.Scan(s).Slices(spans)...)
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i := range lines {
			for _, p := range searched {
				if p.MayMatchIn(&lines[i]) {
					for range p.AllIndexIn(&lines[i]) {
					}
				}
			}
		}
	}
}
