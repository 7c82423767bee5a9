package checker

import (
	"testing"

	"github.com/fzlint/fzlint/checker/match"
)

// BenchmarkScanPipeline scans the corpus as a check does: each view with
// the engine's dictionary and each raw text that normalization changed with
// the raw dictionary.
func BenchmarkScanPipeline(b *testing.B) {
	e, docs := corpusEngine(b)
	var as []*Analysis
	for _, d := range docs {
		as = append(as, e.Analyze(d))
	}
	b.Run("view", func(b *testing.B) {
		old := make([]*match.Text, len(as))
		for b.Loop() {
			for i, a := range as {
				old[i] = e.dict.ScanReusing(a.View.Text, old[i])
			}
		}
	})
	b.Run("rawmain", func(b *testing.B) {
		old := make([]*match.Text, len(as))
		for b.Loop() {
			for i, a := range as {
				old[i] = e.dict.ScanReusing(a.Doc.Text, old[i])
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		old := make([]*match.Text, len(as))
		for b.Loop() {
			for i, a := range as {
				if a.Doc.Text != a.View.Text {
					old[i] = e.rawDict.ScanReusing(a.Doc.Text, old[i])
				}
			}
		}
	})
}
