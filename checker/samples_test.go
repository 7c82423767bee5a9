package checker

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
)

// TestSamplesMatchSeeds: a report saved in another encoding or container gives
// the findings its UTF-8 seed gives, at the same line and column. A .docx is
// located by paragraph and has no blank paragraphs where the seed has blank
// lines, so there only the columns are compared. The Big5 sample lost the
// characters Big5 cannot hold to "?", which is itself a finding.
func TestSamplesMatchSeeds(t *testing.T) {
	const samples = "../../shared/samples"
	if _, err := os.Stat(samples); err != nil {
		t.Skipf("%s is absent: the format samples need the workspace's shared/samples", samples)
	}
	_, e := loadDefault(t)
	cases := []struct {
		sample, seed, encoding string
		extra                  []string // findings only the sample has
		columnsOnly            bool
	}{
		{"000-gb18030-crlf.txt", "000_e74684053bdfcaa5.txt", "gb18030", nil, false},
		{"002-utf16le-bom.txt", "002_9d9b5490000f3bf4.txt", "utf-16le", nil, false},
		{"001-big5.txt", "001_17ca6f33bb420750.txt", "big5", []string{"hygiene/mojibake"}, false},
		{"000-signed.docx", "000_e74684053bdfcaa5.txt", "utf-8", nil, true},
	}
	for _, c := range cases {
		t.Run(c.sample, func(t *testing.T) {
			sd, err := doc.Read(filepath.Join(samples, c.sample), doc.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if sd.Encoding != c.encoding {
				t.Errorf("encoding %q, want %q", sd.Encoding, c.encoding)
			}
			ud, err := doc.Read(filepath.Join(seedDir, c.seed), doc.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, want := located(e.Check(sd), c.extra, c.columnsOnly), located(e.Check(ud), c.extra, c.columnsOnly)
			if !slices.Equal(got, want) {
				t.Errorf("findings differ from the seed's\nsample: %q\nseed:   %q", got, want)
			}
		})
	}
}

// located lists findings as "rule line:col" (or "rule col"), leaving out the
// rules in skip.
func located(fs []Finding, skip []string, columnsOnly bool) []string {
	var out []string
	for _, f := range fs {
		if slices.Contains(skip, f.Rule) {
			continue
		}
		at := itoa(f.Range.Start.Line) + ":" + itoa(f.Range.Start.Column)
		if columnsOnly {
			at = itoa(f.Range.Start.Column)
		}
		out = append(out, f.Rule+" "+at)
	}
	slices.Sort(out)
	return out
}
