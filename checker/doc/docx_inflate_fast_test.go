package doc

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestInflateMatchesFlate holds inflate to compress/flate: every stream it
// reads, compress/flate reads to the same bytes without an error; and it
// reads every stream compress/flate writes, at every level, of the seeds,
// of the samples' parts, of random and of repetitive data. Damaged and
// truncated copies of them, and output buffers too short, are read too.
func TestInflateMatchesFlate(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 6))
	streams := deflateCorpus(t, rng)
	for i, s := range streams {
		want, err := io.ReadAll(flate.NewReader(bytes.NewReader(s)))
		if err != nil {
			t.Fatalf("stream %d: compress/flate: %v", i, err)
		}
		got, ok := inflate(make([]byte, 0, len(want)+8), len(want), s)
		if !ok || !bytes.Equal(got, want) {
			t.Fatalf("stream %d: inflate read %d bytes (ok %v), compress/flate %d", i, len(got), ok, len(want))
		}
		if len(want) > 0 {
			if _, ok := inflate(make([]byte, 0, len(want)+8), len(want)-1, s); ok {
				t.Fatalf("stream %d: inflate read %d bytes into %d", i, len(want), len(want)-1)
			}
		}
		checkInflate(t, s[:rng.IntN(len(s)+1)], len(want))
		for range 20 {
			m := bytes.Clone(s)
			for range 1 + rng.IntN(3) {
				if rng.IntN(2) == 0 {
					m[rng.IntN(len(m))] ^= 1 << rng.IntN(8)
				} else {
					m[rng.IntN(len(m))] = byte(rng.Uint32())
				}
			}
			checkInflate(t, m, len(want)+rng.IntN(64))
		}
	}
}

// checkInflate fails t if inflate reads s, within size bytes, where
// compress/flate does not read it to the same bytes.
func checkInflate(t *testing.T, s []byte, size int) {
	t.Helper()
	got, ok := inflate(make([]byte, 0, size+8), size, s)
	if !ok {
		return
	}
	want, err := io.ReadAll(flate.NewReader(bytes.NewReader(s)))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("inflate read %d bytes of %x; compress/flate %d, error %v", len(got), s, len(want), err)
	}
}

// deflateCorpus returns DEFLATE streams of the seeds, the samples' parts,
// random and repetitive data, written at every level of compress/flate,
// and the samples' parts as their generators wrote them.
func deflateCorpus(t testing.TB, rng *rand.Rand) [][]byte {
	t.Helper()
	var streams, data [][]byte
	for _, b := range sampleDocxFiles(t) {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			raw, _ := f.OpenRaw()
			packed, _ := io.ReadAll(raw)
			part, err := readPart(f)
			if err != nil {
				t.Fatal(err)
			}
			if f.Method == zip.Deflate {
				streams = append(streams, packed)
			}
			data = append(data, part)
		}
	}
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, b)
	}
	random := make([]byte, 100_000)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	data = append(data, nil, []byte("a"), random, bytes.Repeat([]byte("a"), 70_000),
		bytes.Repeat([]byte("法治政府"), 20_000), append(random[:300:300], bytes.Repeat([]byte("xy"), 40_000)...))
	for _, d := range data {
		for _, level := range []int{flate.HuffmanOnly, flate.NoCompression, flate.BestSpeed, 4, flate.DefaultCompression, flate.BestCompression} {
			var buf bytes.Buffer
			w, err := flate.NewWriter(&buf, level)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(d); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			streams = append(streams, buf.Bytes())
		}
	}
	return streams
}

// TestInflatedMatchesArchiveZip holds docxPackage.inflated to archive/zip:
// a part it reads, archive/zip reads to the same bytes without an error,
// in the samples and in damaged copies of them (their headers, sizes and
// checksums included).
func TestInflatedMatchesArchiveZip(t *testing.T) {
	inputs := withDamagedCopies(sampleDocxFiles(t), 300, rand.New(rand.NewPCG(13, 7)))
	read := 0
	for i, data := range inputs {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue
		}
		p := &docxPackage{data: data}
		for _, f := range zr.File {
			got, ok := p.inflated(f, make([]byte, 0, min(f.UncompressedSize64, 1<<20)))
			if !ok {
				continue
			}
			read++
			want, err := readPart(f)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("input %d, %s: inflated %d bytes; archive/zip %d, error %v", i, f.Name, len(got), len(want), err)
			}
		}
	}
	if read == 0 {
		t.Fatal("inflated read no part")
	}
}

func FuzzInflate(f *testing.F) {
	rng := rand.New(rand.NewPCG(13, 8))
	for _, s := range deflateCorpus(f, rng)[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		checkInflate(t, s, 1<<20)
	})
}

// BenchmarkInflate reads the body of the signed sample, deflated, with
// inflate and with compress/flate (a reader reset, as inflaterOf's are).
func BenchmarkInflate(b *testing.B) {
	data := sampleDocxFiles(b)[0]
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	var packed []byte
	size := 0
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			raw, _ := f.OpenRaw()
			packed, _ = io.ReadAll(raw)
			size = int(f.UncompressedSize64)
		}
	}
	b.Run("inflate", func(b *testing.B) {
		b.SetBytes(int64(size))
		out := make([]byte, 0, size+bytes.MinRead)
		for b.Loop() {
			if _, ok := inflate(out, size, packed); !ok {
				b.Fatal("not read")
			}
		}
	})
	b.Run("flate", func(b *testing.B) {
		b.SetBytes(int64(size))
		out := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
		fr := flate.NewReader(bytes.NewReader(packed))
		for b.Loop() {
			out.Reset()
			if err := fr.(flate.Resetter).Reset(bytes.NewReader(packed), nil); err != nil {
				b.Fatal(err)
			}
			if _, err := out.ReadFrom(fr); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestDescriptorChecksum reads a data descriptor's checksum as archive/zip
// does: after the signature when there is one (16 bytes), at the start when
// there is none (12 bytes), and not at all from fewer bytes.
func TestDescriptorChecksum(t *testing.T) {
	le := binary.LittleEndian
	signed := le.AppendUint32(le.AppendUint32(nil, 0x08074b50), 0xCAFEF00D)
	signed = append(signed, make([]byte, 8)...)
	unsigned := append(le.AppendUint32(nil, 0xCAFEF00D), make([]byte, 8)...)
	for _, c := range []struct {
		name string
		b    []byte
		ok   bool
	}{
		{"signed", signed, true},
		{"signed, short", signed[:15], false},
		{"unsigned", unsigned, true},
		{"unsigned, short", unsigned[:11], false},
	} {
		sum, ok := descriptorChecksum(c.b)
		if ok != c.ok || ok && sum != 0xCAFEF00D {
			t.Errorf("%s: %#x, %v; want %#x, %v", c.name, sum, ok, uint32(0xCAFEF00D), c.ok)
		}
	}
}
