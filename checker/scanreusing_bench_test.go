package checker

import (
	"testing"

	"github.com/fzlint/fzlint/checker/match"
)

// BenchmarkScanReusing scans the corpus for the literals of every default
// rule's patterns into the memory of the scans before, as a check lent an
// earlier check's memory does.
func BenchmarkScanReusing(b *testing.B) {
	e, docs := corpusEngine(b)
	old := make([]*match.Text, len(docs))
	for b.Loop() {
		for i, d := range docs {
			old[i] = e.dict.ScanReusing(d.Text, old[i])
		}
	}
}
