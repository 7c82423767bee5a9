package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/fzlint/fzlint/checker/doc/hostile"
)

// TestHostileInputs runs the built binary on each hostile input of issue 10
// (§2), next to a real report, under a 1 GB address-space limit: each ends
// as a clear error, within 5 s of processor time and 512 MB resident, and
// the report beside it is still checked.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and writes 100 MB of inputs")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "fzlint")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	report, err := os.ReadFile(reports + "/白河市-2023-草稿.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeInput(t, dir, "report.txt", report)
	bytesOf := func(b []byte) func(io.Writer) error {
		return func(w io.Writer) error { _, err := w.Write(b); return err }
	}
	for _, c := range []struct {
		name  string
		write func(io.Writer) error // the large ones as they are made: see below
		code  string
	}{
		{"nested-10000.docx", bytesOf(hostile.NestedParagraphs(10000)), "too-deep"},
		{"nested-100000.docx", bytesOf(hostile.NestedParagraphs(100000)), "too-large"}, // a zip bomb
		{"numbering-60000.docx", bytesOf(hostile.NumberedEmptyParagraphs(60000, 10000)), "too-large"},
		{"divs.html", bytesOf(hostile.UnclosedDivs(1000000)), "too-large"},
		{"large.txt", func(w io.Writer) error { return hostile.WriteLargeText(w, 63<<20) }, "too-large"},
		{"large.html", func(w io.Writer) error { return hostile.WriteLargeText(w, 63<<20) }, "too-large"},
		{"large.docx", func(w io.Writer) error { return hostile.WriteLargeDocx(w, 31<<20) }, "too-large"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			size := writeStream(t, path, c.write)
			defer os.Remove(path)
			m := measure(t, bin, "check", "--no-config", "--format", "json", path, filepath.Join(dir, "report.txt"))
			if m.Exit != exitTrouble {
				t.Fatalf("exit %d, want 2\n%s", m.Exit, m.Stderr)
			}
			wall, cpu, rss := m.Wall, m.CPU, m.RSS
			t.Logf("%s: %.1f MB on disk, %v wall, %v processor, %d MB resident", c.name,
				float64(size)/(1<<20), wall.Round(time.Millisecond), cpu.Round(time.Millisecond), rss>>20)
			if cpu > 5*time.Second || rss > 512<<20 {
				t.Errorf("took %v of processor time and %d MB resident, want at most 5s and 512 MB", cpu, rss>>20)
			}
			var v struct {
				Files []struct {
					Path     string
					Error    *struct{ Code, Message string }
					Findings []json.RawMessage
				}
			}
			if err := json.Unmarshal(m.Stdout, &v); err != nil || len(v.Files) != 2 {
				t.Fatalf("bad JSON (%v): %s\n%s", err, m.Stdout, m.Stderr)
			}
			if e := v.Files[0].Error; e == nil || e.Code != c.code {
				t.Errorf("%s: error %+v, want code %s", c.name, e, c.code)
			}
			if r := v.Files[1]; r.Error != nil || len(r.Findings) == 0 {
				t.Errorf("the report beside it was not checked: %+v", r)
			}
		})
	}
}

// measured is how a process ran.
type measured struct {
	Exit           int
	Stdout, Stderr []byte
	Wall, CPU      time.Duration
	RSS            int64 // peak resident bytes
}

// measure runs a command under a 1 GB address-space limit and measures it.
// It runs it from a fresh process, this test binary run as
// TestMeasureHelper: a child starts as a copy of its parent (vfork), and
// Linux counts the parent's peak RSS in the child's, which here would be
// the test's own.
func measure(t *testing.T, args ...string) measured {
	t.Helper()
	out := filepath.Join(t.TempDir(), "measured.json")
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestMeasureHelper$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "FZLINT_MEASURE="+out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("measuring helper: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var m measured
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMeasureHelper is the process measure runs from; run otherwise, it
// does nothing.
func TestMeasureHelper(t *testing.T) {
	out := os.Getenv("FZLINT_MEASURE")
	if out == "" {
		return
	}
	args := flag.Args()
	// sh applies the limit to the process it then becomes.
	cmd := exec.Command("sh", append([]string{"-c", `ulimit -v 1048576 && exec "$@"`, "sh"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	m := measured{Stdout: stdout.Bytes(), Stderr: stderr.Bytes(), Wall: time.Since(start), Exit: -1}
	var ee *exec.ExitError
	if err == nil || errors.As(err, &ee) {
		m.Exit = cmd.ProcessState.ExitCode()
		m.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		m.RSS = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KB on Linux
	} else {
		m.Stderr = append(m.Stderr, err.Error()...)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeStream writes a file with write and returns its size.
func writeStream(t *testing.T, path string, write func(io.Writer) error) int64 {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

func writeInput(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
