package lsp

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// largeReport is about 150 KB of report text: the repository's reports over
// and over, each copy a new paragraph of the same document.
func largeReport(tb testing.TB) string {
	var parts []string
	for _, name := range []string{"白河市-2023-草稿.txt", "青山县司法局-2023.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reports", name))
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(b))
	}
	var b strings.Builder
	for b.Len() < 150<<10 {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	return b.String()
}

// BenchmarkRapidEdits: a 150 KB buffer checked with every default pack, 50 edits sent as fast as a client
// forwards keystrokes; ms-after-last is the time from the last edit to the
// diagnostics of the final text (the target is 150 ms), publishes how many
// times diagnostics were published for the 50 edits.
//
//	go test ./checker/lsp -run XXX -bench RapidEdits -benchtime 20x
func BenchmarkRapidEdits(b *testing.B) {
	uri := fileURI(filepath.Join(b.TempDir(), "报告.txt"))
	text := largeReport(b)
	var lags []time.Duration
	publishes := 0
	for i := 0; i < b.N; i++ {
		c := newClient(b, Options{NoConfig: true}) // every default pack
		c.initialize()
		c.open(uri, text)
		const n = 50
		rapidEdits(b, c, uri, text, n)
		sent := time.Now()
		for {
			got := c.diagnostics()
			publishes++
			if *got.Version == n+1 {
				break
			}
		}
		lags = append(lags, time.Since(sent))
		if err := c.exit(); err != nil {
			b.Fatal(err)
		}
	}
	sort.Slice(lags, func(i, j int) bool { return lags[i] < lags[j] })
	b.ReportMetric(float64(lags[len(lags)/2].Microseconds())/1000, "ms-after-last")
	b.ReportMetric(float64(publishes)/float64(b.N), "publishes")
}
