package doc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// xmlCases are XML that the scanner reads and XML it leaves to encoding/xml,
// valid or not: entities, references, CDATA, comments, a DOCTYPE, namespace
// declarations and their scope, prefixes, names, white space, bad UTF-8 and
// characters XML does not allow, unclosed and crossed elements.
var xmlCases = []string{
	``,
	` `,
	`<a/>`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p></w:body></w:document>`,
	`<?xml version="1.0" encoding="GBK"?><a/>`,
	`<?xml version="1.1"?><a/>`,
	`<?xml version='1.0' encoding='utf-8'?><a/>`,
	`<?mso-application progid="Word.Document"?><a/>`,
	`<?xml?><a/>`,
	`<? xml?><a/>`,
	`<?xml version="1.0"<a/>`,
	`<a x="1"y='2' z = "3"/>`,
	`<a x="1" x="2"><b/></a>`,
	`<a x=1/>`,
	`<a x/>`,
	`<a x="<"/>`,
	`<a x="&lt;&gt;&amp;&quot;&apos;"/>`,
	`<a x="&#65;"/>`,
	`<a x="a&b"/>`,
	`<a x="a` + "\r\n" + `b"/>`,
	`<a x="` + "\t\n" + `"/>`,
	`<a x="中文" y='文"字' z="a'b"/>`,
	"<a x=\"a\x01b\"/>",
	"<a x=\"\xe4\xb8\"/>",
	"<a x=\"\xef\xbf\xbe\"/>",
	"<a x=\"\xed\xa0\x80\"/>",
	"<a x=\"&amp;\x01\"/>",
	"<a x=\"&amp;\xe4\"/>",
	`<a x="中`,
	`<a x="a&b<"/>`,
	`<a>&lt;&gt;&amp;&quot;&apos;</a>`,
	`<a>&#x4e2d;&#20013;</a>`,
	`<a>&nbsp;</a>`,
	`<a>&amp</a>`,
	`<a>a]]>b</a>`,
	`<a>a]]b></a>`,
	`<a>]]&gt;</a>`,
	`<a><![CDATA[<b>]]></a>`,
	`<a><!-- c --></a>`,
	`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`,
	"<a>a\r\nb</a>",
	"<a>a\x01b</a>",
	"<a>a\xffb</a>",
	"<a>\xef\xbf\xbe</a>",
	"<a>\xef\xbf\xbd</a>",
	"\xef\xbb\xbf<a/>",
	`<a>中文</a>`,
	`<中/>`,
	`<a中/>`,
	`<1a/>`,
	`<_a.b-c/>`,
	`<:a/>`,
	`<a:/>`,
	`<a:b:c/>`,
	`<a></b>`,
	`<a:b></c:b>`,
	`<a:b xmlns:a="u" xmlns:c="u"></c:b>`,
	`<a>`,
	`<a><b></a></b>`,
	`</a>`,
	`<a></a></a>`,
	`<a/><b/>text`,
	`<a/`,
	`<a`,
	`<`,
	`<a >< /a>`,
	`<a></a >`,
	`<a></a x>`,
	`<x:a xmlns:x="u1"><x:b xmlns:x="u2" x:c="1"/><x:d/></x:a>`,
	`<a xmlns="u"><b xmlns=""><c/></b><d/></a>`,
	`<xml:a xml:b="1"/>`,
	`<xmlns:a xmlns:b="u"/>`,
	`<xmlns/>`,
	`<a xmlns:w="u" w:xmlns="v"><w:b/></a>`,
	`<w:a xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:t>x</w:t></w:a>`,
	`<w:a><w:t>undeclared</w:t></w:a>`,
}

// xmlSamples are the parts of the .docx fixtures and samples, and the
// FuzzDocxParts seeds made into parts.
func xmlSamples(t testing.TB) [][]byte {
	var out [][]byte
	for _, c := range xmlCases {
		out = append(out, []byte(c))
	}
	docx, _ := filepath.Glob(filepath.Join(shared, "samples", "*.docx"))
	docx = append(docx, filepath.Join(fixtures, "numbered.docx"))
	for _, name := range docx {
		zr, err := zip.OpenReader(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
		zr.Close()
	}
	for _, part := range docxFiles(numberedBody, numberedNumbering, numberedStyles) {
		out = append(out, []byte(part))
	}
	return out
}

// mutations returns copies of b, each with a few bytes replaced, inserted
// or deleted, with a bias to the bytes XML syntax turns on: up to n of them,
// fewer of a large part.
func mutations(b []byte, n int, rng *rand.Rand) [][]byte {
	const bytesXML = "<>/=\"'&;:!?[]- \r\n\txmlns\x00\xff\xe4"
	n = min(n, 1+n*2000/(len(b)+1))
	var out [][]byte
	for range n {
		m := bytes.Clone(b)
		for range 1 + rng.IntN(3) {
			c := bytesXML[rng.IntN(len(bytesXML))]
			i := rng.IntN(len(m) + 1)
			switch rng.IntN(3) {
			case 0:
				m = append(m[:i], append([]byte{c}, m[i:]...)...)
			case 1:
				if i < len(m) {
					m = append(m[:i], m[i+1:]...)
				}
			default:
				if i < len(m) {
					m[i] = c
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// tokenTrace reads tr to its end or first error: the tokens as text, and the error.
func tokenTrace(tr tokenReader) ([]string, error) {
	var out []string
	for {
		t, err := tr.next()
		if err != nil {
			return out, err
		}
		out = append(out, fmt.Sprintf("%d %q %q %q", t.kind, t.elem.Name, t.elem.Attr, t.text))
	}
}

// checkScanner holds the scanner to encoding/xml on b: where the scanner
// reads b to its end, the tokens are the same; where it gives b up, the
// tokens it gave before are the first of encoding/xml's. The scanner goes
// back to the pool, so the next check's takes its slices, left as this
// input (read to its end or given up midway) left them.
func checkScanner(t *testing.T, b []byte) {
	t.Helper()
	want, wantErr := tokenTrace(&decoderTokens{d: xml.NewDecoder(bytes.NewReader(b))})
	s := newScanner(b, string(b))
	got, err := tokenTrace(s)
	s.release()
	switch {
	case errors.Is(err, errNotScanned):
		if len(got) > len(want) || !slices.Equal(got, want[:len(got)]) {
			t.Fatalf("%q: the scanner gave up after\n%q\nencoding/xml read\n%q (%v)", b, got, want, wantErr)
		}
	case !errors.Is(err, io.EOF) || !errors.Is(wantErr, io.EOF):
		t.Fatalf("%q: the scanner ended with %v, encoding/xml with %v", b, err, wantErr)
	case !slices.Equal(got, want):
		t.Fatalf("%q: the scanner read\n%q\nencoding/xml\n%q", b, got, want)
	}
}

func TestScannerMatchesDecoder(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 1))
	scanned := 0
	for _, b := range xmlSamples(t) {
		checkScanner(t, b)
		if _, err := tokenTrace(newScanner(b, string(b))); errors.Is(err, io.EOF) {
			scanned++
		}
		for _, m := range mutations(b, 200, rng) {
			checkScanner(t, m)
		}
	}
	if scanned < len(xmlCases)/4 {
		t.Fatalf("the scanner read only %d of the samples to their end", scanned)
	}
}

// checkPartReaders holds the readers of styles, numbering and relationships
// to xml.Unmarshal into the same structs, errors included.
func checkPartReaders(t *testing.T, b []byte) {
	t.Helper()
	check := func(name string, got any, err error, want any) {
		t.Helper()
		wantErr := xml.Unmarshal(b, want)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("%s of %q: error %v, xml.Unmarshal: %v", name, b, err, wantErr)
		}
		if err == nil && !reflect.DeepEqual(got, reflect.ValueOf(want).Elem().Interface()) {
			t.Fatalf("%s of %q:\n%+v\nxml.Unmarshal:\n%+v", name, b, got, want)
		}
	}
	st, err := readStyles(b)
	check("readStyles", st, err, &xmlStyles{})
	num, err := readNumbering(b)
	check("readNumbering", num, err, &xmlNumbering{})
	rels, err := parseRels(b)
	check("parseRels", rels, err, &xmlRels{})
}

func TestPartReadersMatchUnmarshal(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2))
	extra := []string{
		`<w:styles ` + wordNS + `><w:style w:type="paragraph" w:styleId="a" w:type="numbering"><w:name w:val="x"/><w:name/><w:name w:val="y" w:val="z"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:numPr><w:ilvl w:val="2"/></w:numPr></w:pPr><w:rPr><w:name w:val="no"/></w:rPr></w:style><w:style/></w:styles>trailing<`,
		`<w:numbering ` + wordNS + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2"/><w:start/><w:lvlText w:val="%1、"/><w:isLgl/><w:suff w:val="nothing"/><w:lvl w:ilvl="5"/></w:lvl><w:numStyleLink w:val="s"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl><w:pStyle w:val="p"/></w:lvl></w:lvlOverride></w:num></w:numbering>`,
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t/styles" Target="styles.xml" TargetMode="External"/><Relationship Type="a" Type="b"><Relationship Type="nested"/></Relationship></Relationships>`,
		`text only`,
	}
	eachSampleMutated(t, extra, 50, rng, func(b []byte) { checkPartReaders(t, b) })
}

// eachSampleMutated calls check with each of xmlSamples and extra, and with
// up to n mutations of each.
func eachSampleMutated(t testing.TB, extra []string, n int, rng *rand.Rand, check func([]byte)) {
	samples := xmlSamples(t)
	for _, s := range extra {
		samples = append(samples, []byte(s))
	}
	for _, b := range samples {
		check(b)
		for _, m := range mutations(b, n, rng) {
			check(m)
		}
	}
}

// FuzzScanner holds the scanner to encoding/xml, and the part readers to
// xml.Unmarshal, on any input.
func FuzzScanner(f *testing.F) {
	for _, b := range xmlSamples(f) {
		if len(b) < 8<<10 { // larger ones make minimizing slow
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkScanner(t, b)
		if strings.Count(string(b), "<") < 2000 { // xml.Unmarshal of a deep nest is slow
			checkPartReaders(t, b)
		}
	})
}

// TestCommonDeclarations: the declarations the scanner passes without asking
// encoding/xml are ones it accepts, and the parts that start with them read
// as encoding/xml reads them.
func TestCommonDeclarations(t *testing.T) {
	for decl := range commonDeclarations {
		if _, err := xml.NewDecoder(strings.NewReader(decl)).Token(); err != nil {
			t.Errorf("%s: %v", decl, err)
		}
		checkScanner(t, []byte(decl+"<a>b</a>"))
		checkScanner(t, []byte("<a>"+decl+"</a>"))
	}
}

// TestValidChars holds validChars to a check of each decoded rune, on
// strings of ASCII, control bytes, broken UTF-8 and runes around the
// sequences it reads straight.
func TestValidChars(t *testing.T) {
	byRune := func(s string) bool {
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || r < 0x20 && r != '\t' && r != '\n' || r > 0xD7FF && r < 0xE000 || r == 0xFFFE || r == 0xFFFF {
				return false
			}
			i += size
		}
		return true
	}
	pieces := []string{"a", "\t", "\n", "\r", "\x01", "中", "，", "\u0fff", "\u1000", "\ucfff", "\ud7ff", "\ue000", "\uefff", "\uf000", "\ufffd", "\U0001F600",
		"\xef\xbf\xbe", "\xef\xbf\xbf", "\xed\xa0\x80", "\xe0\x80\x80", "\xe4", "\xe4\xb8", "\x80", "\xbf", "\xff"}
	rng := rand.New(rand.NewPCG(13, 6))
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(6) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if s := sb.String(); validChars(s) != byRune(s) {
			t.Fatalf("validChars(%q) = %v", s, validChars(s))
		}
	}
}
