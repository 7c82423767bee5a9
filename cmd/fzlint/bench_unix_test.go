//go:build unix

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRunCorpus is the pipeline of a CLI run over the seeds copied 100
// times (500 files), in process and warm: walking, reading, checking on
// every core and printing, in text and JSON. Its MB/s is text checked per
// second of wall time; cpu-MB/s per second of processor time (user and
// system, of the whole process while the benchmark runs).
func BenchmarkRunCorpus(b *testing.B) {
	seeds, _ := filepath.Glob(filepath.Dir(benchReport()) + "/*.txt")
	dir := b.TempDir()
	var size int64
	for i := range 100 {
		for _, s := range seeds {
			data, err := os.ReadFile(s)
			if err != nil {
				b.Fatal(err)
			}
			size += int64(len(data))
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d_%s", i, filepath.Base(s))), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, format := range []string{"text", "json", "sarif"} {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			cpu0 := processCPU()
			for b.Loop() {
				run([]string{"check", "--no-config", "--format", format, dir},
					&streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
			}
			b.ReportMetric(float64(size)*float64(b.N)/1e6/(processCPU()-cpu0).Seconds(), "cpu-MB/s")
		})
	}
}

// processCPU is the processor time this process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
