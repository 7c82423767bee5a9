package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
)

// TestJSONCompactIsPrettyCompacted: the compact and the indented report are
// the same JSON value, the compact one as encoding/json.Compact writes it.
func TestJSONCompactIsPrettyCompacted(t *testing.T) {
	results := fixture(t)
	var pretty, compact, want bytes.Buffer
	if err := PrintAll(NewJSON(&pretty, Options{Pretty: true}), results); err != nil {
		t.Fatal(err)
	}
	if err := PrintAll(NewJSON(&compact, Options{}), results); err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&want, pretty.Bytes()); err != nil {
		t.Fatal(err)
	}
	want.WriteByte('\n')
	if compact.String() != want.String() {
		t.Errorf("compact output is not the indented one compacted:\n%s\n%s", compact.String(), want.String())
	}
}

// quotedJSON is what jsonWriter.quoted writes for s.
func quotedJSON(s string) string {
	var b bytes.Buffer
	j := jsonWriter{w: bufio.NewWriter(&b)}
	j.quoted(s)
	j.w.Flush()
	return b.String()
}

// marshalJSON is what encoding/json writes for s without HTML escaping.
func marshalJSON(t testing.TB, s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

var quotedCases = []string{"", "报告", `a"b\c`, "行\n尾\r\t", "\x00\x01\x1f\x7f\b\f", "<&>", "\u2028\u2029",
	"bad \xff\xfe utf-8 \xe4\xb8", "“引号”…—〔2019〕", "\U0001F600",
	// Around plainChinese's bytes: surrogates, overlong forms, cut
	// characters, the neighbours of U+2028 and U+2029.
	"\xed\xa0\x80\xed\x9f\xbf", "\xe0\x80\x80\xe0\xa0\x80", "\xc0\x80\xc1\xbf\xc2\x80\xdf\xbf", "é\xc3",
	"\xe2\x80\xa7\xe2\x80\xaa\xe2\x81\xa8", "\xe2\x80", "\xef\xbf\xbf\xef\xbf", "\xf0\x9f\x98"}

// TestJSONQuotedSamples: the text printer's width samples (the seeds' lines
// and random runs of wide, zero-width, control and broken characters) are
// escaped as encoding/json escapes them.
func TestJSONQuotedSamples(t *testing.T) {
	for _, s := range widthSamples(t) {
		if got, want := quotedJSON(s), marshalJSON(t, s); got != want {
			t.Fatalf("quoted(%q) = %s, encoding/json: %s", s, got, want)
		}
	}
}

// TestJSONQuoted: strings are escaped exactly as encoding/json escapes them.
func TestJSONQuoted(t *testing.T) {
	for _, s := range quotedCases {
		if got, want := quotedJSON(s), marshalJSON(t, s); got != want {
			t.Errorf("quoted(%q) = %s, encoding/json: %s", s, got, want)
		}
	}
}

func FuzzJSONQuoted(f *testing.F) {
	for _, s := range quotedCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := quotedJSON(s), marshalJSON(t, s); got != want {
			t.Errorf("quoted(%q) = %s, encoding/json: %s", s, got, want)
		}
	})
}
