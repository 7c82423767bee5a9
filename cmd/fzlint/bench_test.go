package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkCLI times whole fzlint processes: `version` is the cost of starting
// the process at all; `check` on one report adds loading and compiling the
// embedded packs, reading, checking and printing. Besides the mean it reports
// the median run (median-ms: a shared machine's stalls move the mean) and the
// processor time a run takes (cpu-ms, user and system).
func BenchmarkCLI(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "fzlint")
	// Built as it ships (README): static, without cgo.
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	b.Run("version", func(b *testing.B) { benchProcess(b, bin, "version") })
	b.Run("check", func(b *testing.B) {
		benchProcess(b, bin, "check", "--no-config", "--no-color", benchReport())
	})
}

// benchProcess runs bin with args b.N times.
func benchProcess(b *testing.B, bin string, args ...string) {
	var walls []time.Duration
	var cpu time.Duration
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		start := time.Now()
		err := cmd.Run()
		walls = append(walls, time.Since(start))
		if err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() == exitTrouble {
				b.Fatal(err)
			}
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	slices.Sort(walls)
	b.ReportMetric(float64(walls[len(walls)/2])/1e6, "median-ms")
	b.ReportMetric(float64(cpu)/1e6/float64(len(walls)), "cpu-ms")
}

// BenchmarkRunInProcess is BenchmarkCLI without the process: loading the
// packs, reading, checking and printing, in each output format.
func BenchmarkRunInProcess(b *testing.B) {
	report := benchReport()
	for _, format := range []string{"text", "json", "sarif"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				run([]string{"check", "--no-config", "--format", format, report},
					&streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard})
			}
		})
	}
}

// benchReport is seed 000 when the workspace has it, else a fixture.
func benchReport() string {
	report := "../../../shared/seeds/000_e74684053bdfcaa5.txt"
	if _, err := os.Stat(report); err != nil {
		return reports + "/白河市-2023-草稿.txt"
	}
	return report
}
