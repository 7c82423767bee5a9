package doc

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// reportDocx builds a .docx of the fixture report repeated n times: its
// 一、/（一） lines numbered by Word, the rest split across two runs.
func reportDocx(b *testing.B, n int) (data []byte, xmlSize int) {
	var body strings.Builder
	for range n {
		for _, line := range strings.Split(string(readFixture(b, "report.txt")), "\n") {
			switch {
			case strings.HasPrefix(line, "（") && strings.Contains(line, "）"):
				body.WriteString(p(num("1", "1"), r(line[strings.Index(line, "）")+len("）"):])))
			case len(line) > 6 && strings.Contains(line[:6], "、"):
				body.WriteString(p(num("1", "0"), r(line[strings.Index(line, "、")+len("、"):])))
			default:
				half := len(line) / 2
				for half > 0 && line[half]&0xC0 == 0x80 {
					half--
				}
				body.WriteString(p(`<w:ind w:firstLine="640"/>`, r(line[:half]), r(line[half:])))
			}
		}
	}
	files := docxFiles(body.String(), numberedNumbering, numberedStyles)
	return makeZip(b, files), len(files["word/document.xml"])
}

func BenchmarkReadDocx(b *testing.B) {
	for _, n := range []int{1, 100} {
		data, size := reportDocx(b, n)
		b.Run(map[int]string{1: "report", 100: "report×100"}[n], func(b *testing.B) {
			b.SetBytes(int64(size)) // MB/s of document.xml
			for b.Loop() {
				if _, err := ReadBytes("r.docx", data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadDocxSamples reads the .docx samples in ../shared: Word's and
// WPS's own XML, with their styles, numbering and settings parts.
func BenchmarkReadDocxSamples(b *testing.B) {
	for _, name := range []string{"000-signed.docx", "003-autonumber.docx"} {
		m, _ := filepath.Glob(filepath.Join(shared, "samples", name))
		if len(m) != 1 {
			b.Skipf("%s not found", filepath.Join(shared, "samples", name))
		}
		data, err := os.ReadFile(m[0])
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadBytes(name, data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDetect measures detection alone (no full decoding) on about 1 MB
// of each encoding, and on a short file.
func BenchmarkDetect(b *testing.B) {
	report := string(readFixture(b, "report.txt"))
	trad := string(readFixture(b, "report-trad.txt"))
	inputs := []struct {
		name string
		data []byte
	}{
		{"gb18030-1KB", encodeText(b, simplifiedchinese.GB18030, report)},
		{"gb18030-1MB", bytes.Repeat(encodeText(b, simplifiedchinese.GB18030, report), 1200)},
		{"big5-1MB", bytes.Repeat(encodeText(b, traditionalchinese.Big5, trad), 1800)},
		{"utf-8-1MB", bytes.Repeat([]byte(report), 900)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				detect(in.data)
			}
		})
	}
}

// BenchmarkReadText is detection plus decoding and the line index.
func BenchmarkReadText(b *testing.B) {
	data := bytes.Repeat(encodeText(b, simplifiedchinese.GB18030, string(readFixture(b, "report.txt"))), 1200)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadBytes("r.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	data := readFixture(b, "page.html")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadBytes("p.html", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadSeeds reads the seeds from disk as a CLI run does: UTF-8
// text files of 9–15 KB, where opening and reading the file and checking its
// bytes are all there is to reading.
func BenchmarkReadSeeds(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no seeds")
	}
	var size int64
	for _, path := range paths {
		info, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size += info.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, path := range paths {
			if _, err := Read(path, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRange places spans of a few runes spread over each seed's lines,
// as the findings' ranges are placed.
func BenchmarkRange(b *testing.B) {
	docs := seedDocs(b)
	starts := spreadRuneStarts(docs)
	for b.Loop() {
		for i, d := range docs {
			for _, off := range starts[i] {
				d.Range(off, min(off+12, len(d.Text)))
			}
		}
	}
}

// spreadRuneStarts returns, for each document, a rune start about every 97
// bytes of its text.
func spreadRuneStarts(docs []*Document) [][]int {
	starts := make([][]int, len(docs))
	for i, d := range docs {
		for off := 0; off < len(d.Text); off += 97 {
			for off < len(d.Text) && !utf8.RuneStart(d.Text[off]) {
				off++
			}
			if off < len(d.Text) {
				starts[i] = append(starts[i], off)
			}
		}
	}
	return starts
}

// seedDocs reads the seeds, skipping b when there are none.
func seedDocs(b *testing.B) []*Document {
	var docs []*Document
	for _, path := range seedPaths() {
		d, err := Read(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		b.Skip("no seeds")
	}
	return docs
}

// BenchmarkPos places rune starts spread over each seed's lines, as the
// findings' ranges are placed: a line's columns are counted from its start.
func BenchmarkPos(b *testing.B) {
	docs := seedDocs(b)
	starts := spreadRuneStarts(docs)
	for b.Loop() {
		for i, d := range docs {
			for _, off := range starts[i] {
				d.Pos(off)
			}
		}
	}
}

// BenchmarkLooksBinary looks through the seeds for control bytes, as every
// text file read is.
func BenchmarkLooksBinary(b *testing.B) {
	var data [][]byte
	size := 0
	for _, path := range seedPaths() {
		d, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		data, size = append(data, d), size+len(d)
	}
	if len(data) == 0 {
		b.Skip("no seeds")
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range data {
			looksBinary(d)
		}
	}
}
