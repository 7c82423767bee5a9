package match

import (
	"math/rand/v2"
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

// TestScanCollidingTriples: literals whose first three bytes differ but
// lead to the same slot of triples, short and long, share a group; the
// scan finds each where it is and only there.
func TestScanCollidingTriples(t *testing.T) {
	bySlot := map[uint32][]string{}
	var a, b string
	for r := rune(0x4E00); a == ""; r++ {
		c := string(r)
		h := tripleHash(tripleKey(c, 0))
		if len(bySlot[h]) == 1 {
			a, b = bySlot[h][0], c
		}
		bySlot[h] = append(bySlot[h], c)
	}
	d := NewDictionary([]*Pattern{
		MustCompile(a + "|" + b + "法治"), MustCompile(b + "政府建设|" + a + "年度"),
	})
	parts := []string{a, b, "法治", "政府建设", "年度", "，", "x"}
	sameScan(t, d, a+b+"法治"+a+"年度"+b+"政府建设"+b+"政府"+a)
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var sb strings.Builder
		for range r.IntN(12) {
			sb.WriteString(parts[r.IntN(len(parts))])
		}
		sameScan(t, d, sb.String())
	}
}
