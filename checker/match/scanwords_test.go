package match

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestScanDocuments compares the scan of whole reports (the seeds and the
// fixtures), where most places are scanned as words (scanWords), with
// looking for every literal at every place a rune starts; the same with the
// reports cut at every few bytes, so that the last places, scanned byte by
// byte, fall on every kind of byte.
func TestScanDocuments(t *testing.T) {
	d := packDictionary(t)
	paths, _ := filepath.Glob("../../testdata/reports/*.txt")
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	for _, p := range append(paths, seeds...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		sameScan(t, d, s)
		for end := 1; end < min(len(s), 64); end++ {
			sameScan(t, d, s[:end])
			sameScan(t, d, s[len(s)-end:])
		}
	}
}

// FuzzScanPack: TestScanDocuments's comparison on fuzzed texts, with the
// literals of the rule packs.
func FuzzScanPack(f *testing.F) {
	f.Add("法治政府建设年度报告，市人民政府办公室。\n一、2024年")
	f.Add("政府\xe4\xb8政法治\xf0\x9f\x98\x80建设" + strings.Repeat("、", 5))
	f.Add("\xe6\xb3\x95\xe6\xb2\xbb\xe6\x94\xbf\xe5\xba\x9c")
	var d *Dictionary
	var once sync.Once
	f.Fuzz(func(t *testing.T, s string) {
		once.Do(func() { d = packDictionary(t) })
		sameScan(t, d, s)
	})
}
