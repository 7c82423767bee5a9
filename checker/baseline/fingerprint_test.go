package baseline

import (
	"testing"

	"github.com/fzlint/fzlint/checker"
)

// TestFingerprintsReused: one file's Fingerprints, reused from finding to
// finding (long texts and short, messages for findings outside a document),
// give each finding the fingerprint a fresh one gives. The values themselves
// are held by the SARIF golden file.
func TestFingerprintsReused(t *testing.T) {
	n := 0
	check(t, reports, func(r *checker.FileResult) {
		fps := NewFingerprints(r.Path)
		for i := len(r.Findings) - 1; i >= 0; i-- { // the longest texts are not always first
			f := r.Findings[i]
			if got, want := fps.Of(f, r.Doc), Fingerprint(r.Path, f, r.Doc); got != want || len(got) != 20 {
				t.Fatalf("%s: %s at %d: reused %q, fresh %q", r.Path, f.Rule, f.Range.Start.Offset, got, want)
			}
			if got, want := fps.Of(f, nil), Fingerprint(r.Path, f, nil); got != want {
				t.Fatalf("%s: %s outside a document: reused %q, fresh %q", r.Path, f.Rule, got, want)
			}
			n++
		}
	})
	if n < 10 {
		t.Fatalf("only %d fingerprints compared", n)
	}
}
