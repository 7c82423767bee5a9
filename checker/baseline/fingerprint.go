// Package baseline records a run's findings in a file and, on later runs,
// sets aside the findings the file already holds, so that a repository with
// old findings gates only new ones. Findings are matched by a fingerprint of
// their rule, file and text with its context, never by line number, and
// counted: a second occurrence of a recorded defect is new.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
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
	h := sha256.New()
	h.Write([]byte(f.Rule + "\x00" + File(path) + "\x00"))
	if d == nil {
		h.Write([]byte(f.Message))
	} else {
		h.Write([]byte(textWithContext(d, f.Range.Start.Offset, f.Range.End.Offset)))
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// textWithContext is d.Text[start:end] with the characters around it on the
// lines it starts and ends on.
func textWithContext(d *doc.Document, start, end int) string {
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
	return d.Text[from:start] + "\x00" + d.Text[start:end] + "\x00" + d.Text[end:to]
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
