package checker

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"testing"
	"time"

	"github.com/fzlint/fzlint/checker/doc"
)

// benchDocs reads the seeds when present, else the repository's fixtures: the
// reproducible corpus the performance figures in docs/performance.md use.
func benchDocs(b *testing.B) []*doc.Document {
	b.Helper()
	paths, _ := filepath.Glob(seedDir + "/*.txt")
	if len(paths) == 0 {
		b.Logf("%s is absent: benchmarking the fixtures in testdata/reports", seedDir)
		paths, _ = filepath.Glob("../testdata/reports/*.txt")
	}
	var docs []*doc.Document
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		d, err := doc.ReadBytes(p, data, doc.Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkCheckOne checks one report with every default rule, in process.
func BenchmarkCheckOne(b *testing.B) {
	_, e := loadDefault(b)
	d := benchDocs(b)[0]
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		e.Check(d)
	}
}

// BenchmarkCheckCorpus checks every report of the corpus per iteration; its
// MB/s is the throughput per core, with the collector as the CLI sets it.
// It also reports the throughput of the median iteration and of the best:
// on a shared machine the mean moves with the neighbours' load.
func BenchmarkCheckCorpus(b *testing.B) {
	cliGC(b)
	benchCorpus(b)
}

// BenchmarkCheckCorpusDefaultGC is BenchmarkCheckCorpus with Go's default
// collector settings (as a program embedding the checker would have).
func BenchmarkCheckCorpusDefaultGC(b *testing.B) {
	benchCorpus(b)
}

// cliGC sets the collector as cmd/fzlint's tuneGC does for a run (GOGC=400)
// for the rest of the benchmark.
func cliGC(b *testing.B) {
	percent := debug.SetGCPercent(400)
	b.Cleanup(func() { debug.SetGCPercent(percent) })
}

func benchCorpus(b *testing.B) {
	e, docs := corpusEngine(b)
	b.ReportAllocs()
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		for _, d := range docs {
			e.Check(d)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	var size int
	for _, d := range docs {
		size += len(d.Text)
	}
	mbps := func(t time.Duration) float64 { return float64(size) / t.Seconds() / 1e6 }
	b.ReportMetric(mbps(times[len(times)/2]), "median-MB/s")
	b.ReportMetric(mbps(times[0]), "best-MB/s")
}

// BenchmarkLoadPacks loads and compiles every embedded pack, as each CLI run does.
func BenchmarkLoadPacks(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadDefault(b)
	}
}

// BenchmarkScan scans the corpus for the literals of every default rule's
// patterns, as the engine does once per document and form.
func BenchmarkScan(b *testing.B) {
	e, docs := corpusEngine(b)
	for b.Loop() {
		for _, d := range docs {
			e.dict.Scan(d.Text)
		}
	}
}

// corpusEngine returns the default engine and the corpus, the benchmark's
// bytes per iteration set to the corpus's size.
func corpusEngine(b *testing.B) (*Engine, []*doc.Document) {
	_, e := loadDefault(b)
	docs := benchDocs(b)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n)
	return e, docs
}
