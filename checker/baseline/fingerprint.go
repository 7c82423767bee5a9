// Package baseline records a run's findings in a file and, on later runs,
// sets aside the findings the file already holds, so that a repository with
// old findings gates only new ones. Findings are matched by a fingerprint of
// their rule, file and text with its context, never by line number, and
// counted: a second occurrence of a recorded defect is new.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// contextRunes is how many characters on each side of a finding, on its
// line, take part in its fingerprint: enough to tell two places apart, few
// enough that an edit elsewhere in the paragraph leaves it alone.
const contextRunes = 6

// Fingerprint identifies finding f of the file at path (read as d, nil if
// the finding is not in a document, as for a config file): a hash of the
// rule, the path as File gives it, and the finding's text with up to
// contextRunes characters either side on its line. For a finding outside a
// document, its message stands for the text.
func Fingerprint(path string, f checker.Finding, d *doc.Document) string {
	return NewFingerprints(path).Of(f, d)
}

// Fingerprints gives the fingerprints of one file's findings: the path's
// form (File, which asks the system for the working directory) is worked
// out once for them all, and one hash and buffer serve every finding.
type Fingerprints struct {
	file string
	h    hash.Hash
	buf  []byte
}

// NewFingerprints returns the fingerprints of the findings of the file at path.
func NewFingerprints(path string) *Fingerprints {
	return &Fingerprints{file: File(path), h: sha256.New()}
}

// Of is Fingerprint of f, read as d, in the file p was made for.
func (p *Fingerprints) Of(f checker.Finding, d *doc.Document) string {
	b := p.buf[:0]
	b = append(b, f.Rule...)
	b = append(b, 0)
	b = append(b, p.file...)
	b = append(b, 0)
	if d == nil {
		b = append(b, f.Message...)
	} else {
		b = appendTextWithContext(b, d, f.Range.Start.Offset, f.Range.End.Offset)
	}
	p.buf = b
	p.h.Reset()
	p.h.Write(b)
	var sum [sha256.Size]byte
	// The fingerprint is the first 20 hex digits: the first 10 bytes.
	return hex.EncodeToString(p.h.Sum(sum[:0])[:10])
}

// appendTextWithContext appends d.Text[start:end] to b with the characters
// around it on the lines it starts and ends on, each part ended by a zero
// byte but the last.
func appendTextWithContext(b []byte, d *doc.Document, start, end int) []byte {
	start, end = clamp(start, len(d.Text)), clamp(end, len(d.Text))
	end = max(end, start)
	first := d.Lines[d.LineAt(start)-1]
	last := d.Lines[d.LineAt(end)-1]
	from := start
	for n := 0; n < contextRunes && from > first.Start; n++ {
		_, size := utf8.DecodeLastRuneInString(d.Text[first.Start:from])
		from -= size
	}
	to := end
	for n := 0; n < contextRunes && to < last.End; n++ {
		_, size := utf8.DecodeRuneInString(d.Text[to:last.End])
		to += size
	}
	b = append(b, d.Text[from:start]...)
	b = append(b, 0)
	b = append(b, d.Text[start:end]...)
	b = append(b, 0)
	return append(b, d.Text[end:to]...)
}

func clamp(v, hi int) int { return max(0, min(v, hi)) }

// File is the form of a path in a baseline: relative to the working
// directory where it is inside it, cleaned, with slashes, so that
// "./reports/a.md", "reports//a.md" and its absolute path are one file.
func File(path string) string {
	if filepath.IsAbs(path) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
				path = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(path))
}
