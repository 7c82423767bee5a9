package output

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// xmlReference is what encoding/xml writes for s as an attribute value.
func xmlReference(t testing.TB, s string) string {
	out, err := xml.Marshal(struct {
		XMLName xml.Name `xml:"a"`
		V       string   `xml:"v,attr"`
	}{V: s})
	if err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(bytes.TrimPrefix(out, []byte(`<a v="`)), []byte(`"></a>`)))
}

var xmlCases = append([]string{`a"b'c&d<e>f`, "\x00\x08\x0b\x0c\x1f\x7f", "\ufffd\ufffe\uffff", "\U0010FFFF"}, quotedCases...)

// TestXMLEscaped: strings are escaped as encoding/xml escapes them.
func TestXMLEscaped(t *testing.T) {
	for _, s := range append(xmlCases, widthSamples(t)...) {
		if got, want := string(appendXMLEscaped(nil, s)), xmlReference(t, s); got != want {
			t.Errorf("appendXMLEscaped(%q) = %q, encoding/xml: %q", s, got, want)
		}
	}
}

func FuzzXMLEscaped(f *testing.F) {
	for _, s := range xmlCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendXMLEscaped(nil, s)), xmlReference(t, s); got != want {
			t.Errorf("appendXMLEscaped(%q) = %q, encoding/xml: %q", s, got, want)
		}
	})
}
