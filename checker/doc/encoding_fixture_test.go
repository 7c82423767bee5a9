package doc

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/golden"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// encodeText encodes s, writing "?" for characters the encoding cannot hold
// (as the sample made from a real report does).
func encodeText(t testing.TB, e encoding.Encoding, s string) []byte {
	if b, err := e.NewEncoder().Bytes([]byte(s)); err == nil {
		return b
	}
	var out []byte
	for _, c := range s {
		b, err := e.NewEncoder().Bytes([]byte(string(c)))
		if err != nil {
			b = []byte("?")
		}
		out = append(out, b...)
	}
	return out
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// encodedFixtures are the encoded copies of report.txt and report-trad.txt.
func encodedFixtures(t testing.TB) map[string][]byte {
	report := string(readFixture(t, "report.txt"))
	trad := string(readFixture(t, "report-trad.txt"))
	utf16 := func(order unicode.Endianness) []byte {
		return encodeText(t, unicode.UTF16(order, unicode.UseBOM), report)
	}
	return map[string][]byte{
		"report-gb18030-crlf.txt": encodeText(t, simplifiedchinese.GB18030, strings.ReplaceAll(report, "\n", "\r\n")),
		"report-utf8-bom.txt":     append([]byte("\xEF\xBB\xBF"), report...),
		"report-utf16le.txt":      utf16(unicode.LittleEndian),
		"report-utf16be.txt":      utf16(unicode.BigEndian),
		"report-big5.txt":         encodeText(t, traditionalchinese.Big5, trad),
	}
}

// TestEncodedFixtures keeps the encoded fixtures the same as their generator (go test -update).
func TestEncodedFixtures(t *testing.T) {
	for name, want := range encodedFixtures(t) {
		path := filepath.Join(fixtures, name)
		if golden.Updating() {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got := readFixture(t, name); !bytes.Equal(got, want) {
			t.Errorf("%s is not what encodedFixtures generates: run go test ./checker/doc -run TestEncodedFixtures -update", path)
		}
	}
}
