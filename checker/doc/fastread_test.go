package doc

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The fast ways of reading a plain UTF-8 file (decodeBytes' UTF-8 path,
// looksBinary eight bytes at a time, countLines by IndexByte, readFile by
// system calls) are compared here with the general ways they stand in for.

// looksBinaryByByte is looksBinary a byte at a time, as it was written first.
func looksBinaryByByte(s []byte) bool {
	ctl := 0
	for _, c := range s {
		if c >= 0x20 && c != 0x7F {
			continue
		}
		switch c {
		case 0:
			return true
		case '\t', '\n', '\v', '\f', '\r', 0x1A:
			continue
		}
		ctl++
	}
	return ctl > 0 && ctl*100 > len(s)
}

// checkTextByByte is checkText looking at every byte for line ends.
func checkTextByByte(path, text string) error {
	if len(text) > MaxTextBytes {
		return tooMuchText(path)
	}
	if len(bytes.TrimSpace([]byte(text))) == 0 {
		return newError(path, ErrEmpty, "文件没有文字内容")
	}
	lines, start := 1, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\n' && c != '\r' {
			continue
		}
		if i-start > MaxLineBytes {
			return lineTooLong(path, lines, i-start)
		}
		if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		lines++
		start = i + 1
	}
	if len(text)-start > MaxLineBytes {
		return lineTooLong(path, lines, len(text)-start)
	}
	if lines > MaxLines {
		return newError(path, ErrTooLarge, "共 %d 行，超过上限 %d 行，这不像是一份报告", lines, MaxLines)
	}
	return nil
}

// decodeBytesGenerally is decodeBytes without its UTF-8 path: the encoding
// chosen, the bytes decoded, the text checked for control characters.
func decodeBytesGenerally(path string, data []byte, forced string) (text, enc string, err error) {
	if len(data) == 0 {
		return "", "", newError(path, ErrEmpty, "文件为空")
	}
	enc, bom, err := chooseEncoding(path, data, forced)
	if err != nil {
		return "", "", err
	}
	if text, err = decodeAs(path, enc, data, bom); err != nil {
		return "", "", err
	}
	if enc != EncUTF8 && looksBinary(text) {
		return "", "", binaryError(path)
	}
	return text, enc, nil
}

// sameAsGeneral fails t when the fast ways answer data otherwise than the
// general ones.
func sameAsGeneral(t *testing.T, data []byte) {
	t.Helper()
	if got, want := looksBinary(data), looksBinaryByByte(data); got != want {
		t.Fatalf("looksBinary(%q) = %v, a byte at a time %v", data, got, want)
	}
	if got, want := checkText("f", string(data)), checkTextByByte("f", string(data)); !reflect.DeepEqual(got, want) {
		t.Fatalf("checkText(%q) = %v, a byte at a time %v", data, got, want)
	}
	for _, owned := range []bool{false, true} {
		text, enc, err := decodeBytes("f", bytes.Clone(data), "", owned)
		wantText, wantEnc, wantErr := decodeBytesGenerally("f", data, "")
		if text != wantText || enc != wantEnc || !reflect.DeepEqual(err, wantErr) {
			t.Fatalf("decodeBytes(%q) = %q, %q, %v; generally %q, %q, %v", data, text, enc, err, wantText, wantEnc, wantErr)
		}
	}
}

// randomText is n pieces of what reports and damaged files hold: ASCII,
// Chinese, line ends, control bytes, DEL, NUL, bytes that are not UTF-8.
func randomText(r *rand.Rand, n int) []byte {
	pieces := []string{"a", " ", "法治", "，", "\n", "\r\n", "\r", "\t", "\x01", "\x1A", "\x7F", "\x00", "\xE6\xB3", "\xFF", "\xEF\xBB\xBF", "1", "。"}
	var b []byte
	for range n {
		p := pieces[r.IntN(len(pieces))]
		if p == "\x00" && r.IntN(8) > 0 { // rarer, or most texts are binary at once
			p = "b"
		}
		b = append(b, p...)
	}
	return b
}

func TestFastReadSameAsGeneral(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*"))
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	for _, path := range append(paths, seeds...) {
		data, err := os.ReadFile(path)
		if err != nil {
			continue // a directory
		}
		sameAsGeneral(t, data)
	}
	r := rand.New(rand.NewPCG(13, 2))
	for range 5000 {
		sameAsGeneral(t, randomText(r, r.IntN(300)))
	}
	// Control bytes around the 1% that makes text binary, at every offset
	// of a word.
	for n := range 300 {
		sameAsGeneral(t, append(bytes.Repeat([]byte("法"), n), '\x01', '\x01'))
	}
}

func FuzzFastRead(f *testing.F) {
	addFixtures(f, "report.txt", "report-gb18030-crlf.txt", "report-utf8-bom.txt")
	for _, s := range []string{"", "\x7F", "ab\x00", "12345678\x1F", "\xEF\xBB\xBF", "法治\r\n\r", "\xFF\xFE"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsGeneral(t, data)
	})
}

// TestReadFile compares Read with reading the file by the os package, for
// the fixtures and the seeds, and its errors with those of os.Open.
func TestReadFile(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*"))
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	for _, path := range append(paths, seeds...) {
		want, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		info, _ := os.Stat(path)
		for _, size := range []int{int(info.Size()), 0, int(info.Size()) / 2, int(info.Size()) + 1} { // the file may have changed since
			got, err := readFileInto(path, make([]byte, 0, size+bytes.MinRead))
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("readFileInto(%s, %d): %d bytes, %v; want %d bytes", path, size, len(got), err, len(want))
			}
		}
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	_, err := readFileInto(missing, nil)
	_, want := os.Open(missing)
	if !reflect.DeepEqual(err, want) {
		t.Fatalf("readFileInto(missing) = %v, os.Open %v", err, want)
	}
	dir := t.TempDir()
	_, err = readFileInto(dir, nil)
	_, want = os.ReadFile(dir)
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Fatalf("readFileInto(directory) = %v, os.ReadFile %v", err, want)
	}
}
