package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// BenchmarkApplyLongLine: 20,000 fixes on one 560 KB line. Placing each fix
// from the line's start made this quadratic (minutes); from the last place
// found it is linear.
func BenchmarkApplyLongLine(b *testing.B) {
	path := filepath.Join(b.TempDir(), "r.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("依法行政,加强监督", 20000)+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	d, err := doc.Read(path, doc.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var findings []checker.Finding
	for i := 0; i < len(d.Text)-1; {
		j := strings.IndexByte(d.Text[i:], ',')
		if j < 0 {
			break
		}
		r := d.Range(i+j, i+j+1)
		findings = append(findings, checker.Finding{Rule: "t/x", Range: r, Fix: &checker.Fix{Range: r, Text: "，"}})
		i += j + 1
	}
	b.ResetTimer()
	for range b.N {
		if res, err := Apply(d, findings, noFindings, Options{DryRun: true}); err != nil || res.Fixed != len(findings) {
			b.Fatalf("fixed %d of %d: %v", res.Fixed, len(findings), err)
		}
	}
}
