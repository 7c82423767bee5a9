package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkCLI times whole fzlint processes: `version` is the cost of starting
// the process at all; `check` on one report adds loading and compiling the
// embedded packs, reading, checking and printing.
func BenchmarkCLI(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "fzlint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	b.Run("version", func(b *testing.B) {
		for b.Loop() {
			if err := exec.Command(bin, "version").Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check", func(b *testing.B) { benchCheckProcess(b, bin) })
}

func benchCheckProcess(b *testing.B, bin string) {
	report := benchReport()
	for b.Loop() {
		cmd := exec.Command(bin, "check", "--no-config", "--no-color", report)
		if err := cmd.Run(); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() == exitTrouble {
				b.Fatal(err)
			}
		}
	}
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
