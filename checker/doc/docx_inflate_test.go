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
	inputs := sampleDocxFiles(t)
	inputs = append(inputs, makeZip(t, docxFiles(numberedBody, numberedNumbering, numberedStyles)))
	inputs = withDamagedCopies(inputs, 100, rand.New(rand.NewPCG(13, 4)))
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

// withDamagedCopies returns inputs followed by n copies of each with one to
// three bytes overwritten at random.
func withDamagedCopies(inputs [][]byte, n int, rng *rand.Rand) [][]byte {
	for _, b := range inputs[:len(inputs):len(inputs)] {
		for range n {
			m := bytes.Clone(b)
			for range 1 + rng.IntN(3) {
				m[rng.IntN(len(m))] = byte(rng.Uint32())
			}
			inputs = append(inputs, m)
		}
	}
	return inputs
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

// TestPartBuffersReused: a document read holds nothing of the buffers its
// parts were unpacked into, nor of its paragraphs' and scanners' buffers,
// which the next read reuses. Each input is read,
// the pooled buffers are overwritten, and the document must be what a read
// on fresh buffers gives.
func TestPartBuffersReused(t *testing.T) {
	inputs := sampleDocxFiles(t)
	comments := `<?xml version="1.0" encoding="UTF-8"?><w:comments ` + wordNS + `><w:comment w:id="0"><w:p><w:r><w:t>批注</w:t></w:r></w:p></w:comment></w:comments>`
	body := numberedBody + p("", `<w:commentRangeStart w:id="0"/>`, r("甲\n乙"), `<w:commentRangeEnd w:id="0"/>`)
	rng := rand.New(rand.NewPCG(13, 5))
	for _, m := range append(mutations([]byte(body), 300, rng), []byte(body)) {
		files := docxFiles(string(m), numberedNumbering, numberedStyles)
		files["word/comments.xml"] = comments
		inputs = append(inputs, zipFiles(t, files, zip.Store))
	}
	for _, m := range mutations([]byte(numberedStyles), 100, rng) {
		inputs = append(inputs, zipFiles(t, docxFiles(numberedBody, numberedNumbering, string(m)), zip.Store))
	}
	for _, m := range mutations([]byte(numberedNumbering), 100, rng) {
		inputs = append(inputs, zipFiles(t, docxFiles(numberedBody, string(m), numberedStyles), zip.Store))
	}
	for i, data := range inputs {
		got, gotErr := readDocx("f.docx", data)
		scribbleOverBuffers()
		want, wantErr := readDocx("f.docx", data)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
			t.Fatalf("input %d: read\n%v %#v\nafter its buffers were reused; fresh:\n%v %#v", i, gotErr, got, wantErr, want)
		}
	}
}

// scribbleOverBuffers fills the pooled buffers a read leaves for the next
// (parts, paragraph texts, scanners' character data) with 0xFF, then drops
// them, so that the next read starts with fresh ones.
func scribbleOverBuffers() {
	for {
		b, _ := partBuffers.Get().(*[]byte)
		if b == nil {
			break
		}
		scribble(*b)
	}
	for {
		slots, _ := paraSlots.Get().(*[]openPara)
		if slots == nil {
			break
		}
		for _, p := range *slots {
			scribble(p.text)
		}
	}
	for {
		s, _ := scanners.Get().(*scanner)
		if s == nil {
			return
		}
		scribble(s.buf)
	}
}

func scribble(b []byte) {
	full := b[:cap(b)]
	for i := range full {
		full[i] = 0xFF
	}
}

// sampleDocxFiles reads the .docx samples of ../shared (when present) and
// the numbered fixture.
func sampleDocxFiles(t testing.TB) [][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(shared, "samples", "*.docx"))
	paths = append(paths, filepath.Join(fixtures, "numbered.docx"))
	var files [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	return files
}
