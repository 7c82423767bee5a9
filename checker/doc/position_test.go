package doc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestColumns: columns count code points, from the fast count of a valid
// document as from the decoding one of any other.
func TestColumns(t *testing.T) {
	text := "一、总体\r\nab甲乙，𠀀c\n\n" + strings.Repeat("丙丁x", 7)
	d := New("r.txt", FormatText, "utf-8", text)
	if !d.valid {
		t.Fatal("a valid document is not marked valid")
	}
	slow := *d
	slow.valid = false
	for off := 0; off <= len(d.Text); off++ {
		if got, want := d.Pos(off), slow.Pos(off); got != want {
			t.Fatalf("Pos(%d) = %+v, want %+v", off, got, want)
		}
		l := d.Lines[d.Pos(off).Line-1]
		if s := d.Text[l.Start:off]; utf8.ValidString(s) && ValidRuneCount(s) != utf8.RuneCountInString(s) {
			t.Fatalf("ValidRuneCount(%q) = %d, want %d", s, ValidRuneCount(s), utf8.RuneCountInString(s))
		}
	}
	if New("r.txt", FormatText, "utf-8", "a\xffb").valid {
		t.Error("invalid UTF-8 marked valid")
	}
}

// FuzzValidRuneCount compares the count of rune starts, taken a word or four
// at a time, with decoding, on every stretch of valid UTF-8 that a
// document's column could be counted over.
func FuzzValidRuneCount(f *testing.F) {
	f.Add("一、总体\tab甲乙，𠀀c" + strings.Repeat("丙丁x", 20))
	for _, path := range seedPaths() {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		// Each start where a rune starts, up to 40 bytes in: the words are
		// taken at every alignment.
		for from := range min(len(s), 40) {
			if !utf8.RuneStart(s[from]) {
				continue
			}
			if got, want := ValidRuneCount(s[from:]), utf8.RuneCountInString(s[from:]); got != want {
				t.Fatalf("ValidRuneCount(%q) = %d, want %d", s[from:], got, want)
			}
		}
	})
}

// seedPaths lists the seed reports (none where they are absent).
func seedPaths() []string {
	paths, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	return paths
}

// TestRangeSameAsPos: a range counts its end's column on from its start's
// when both are on one line; it is the two positions Pos gives, for every
// span of documents with CRLF lines, invalid bytes, a Locator (HTML), and of
// the seeds.
func TestRangeSameAsPos(t *testing.T) {
	docs := []*Document{
		New("r.txt", FormatText, "utf-8", "一、总体\r\nab甲乙，𠀀c\n\n"+strings.Repeat("丙丁x", 7)),
		New("r.txt", FormatText, "utf-8", "a\xff甲\xe4\xb8\n乙\xffb"),
	}
	if d, err := ReadBytes("p.html", []byte("<p>第一段，甲乙。</p><p>ab 丙</p>"), Options{}); err == nil {
		docs = append(docs, d)
	} else {
		t.Fatal(err)
	}
	for _, path := range seedPaths() {
		d, err := Read(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	for _, d := range docs {
		step := 1
		if len(d.Text) > 300 {
			step = 37 // the seeds: spans from every 37th byte
		}
		for start := -1; start <= len(d.Text)+1; start += step {
			for end := start - 2; end <= min(start+80, len(d.Text)+1); end++ {
				if got, want := d.Range(start, end), (Range{Start: d.Pos(start), End: d.Pos(end)}); got != want {
					t.Fatalf("%s: Range(%d, %d) = %+v, want %+v", d.Path, start, end, got, want)
				}
			}
		}
	}
}
