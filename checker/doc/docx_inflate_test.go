package doc

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestInflaterMatchesArchiveZip holds inflaterOf to archive/zip's own
// decompressor: every part of the .docx samples and fixtures, and of
// damaged copies of them, reads to the same bytes and the same error.
func TestInflaterMatchesArchiveZip(t *testing.T) {
	var inputs [][]byte
	paths, _ := filepath.Glob(filepath.Join(shared, "samples", "*.docx"))
	paths = append(paths, filepath.Join(fixtures, "numbered.docx"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	inputs = append(inputs, makeZip(t, docxFiles(numberedBody, numberedNumbering, numberedStyles)))
	rng := rand.New(rand.NewPCG(13, 4))
	for _, b := range inputs[:len(inputs):len(inputs)] {
		for range 100 {
			m := bytes.Clone(b)
			for range 1 + rng.IntN(3) {
				m[rng.IntN(len(m))] = byte(rng.Uint32())
			}
			inputs = append(inputs, m)
		}
	}
	for i, data := range inputs {
		want, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue
		}
		got, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		got.RegisterDecompressor(zip.Deflate, inflaterOf(data))
		for j, f := range want.File {
			w, werr := readPart(f)
			g, gerr := readPart(got.File[j])
			if !bytes.Equal(g, w) || fmt.Sprint(gerr) != fmt.Sprint(werr) {
				t.Fatalf("input %d, %s: read %d bytes, error %v; archive/zip: %d bytes, error %v", i, f.Name, len(g), gerr, len(w), werr)
			}
		}
	}
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(rc)
	if cerr := rc.Close(); err == nil {
		err = cerr
	}
	return b, err
}
