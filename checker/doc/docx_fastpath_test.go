package doc

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// tokensOnly hides a scanner behind tokenReader: the body reader then
// reads each w:t and w:rPr token by token, without the scanner's textOnly
// and endsAtOnce.
type tokensOnly struct{ tokenReader }

// readBodyBothWays reads b as a body with and without the scanner's fast
// paths.
func readBodyBothWays(b []byte) (fast, general string) {
	st, _ := parseStyles(nil)
	num, _ := parseNumbering(nil, st)
	trace := func(paras []paragraph, text string, err error) string {
		return fmt.Sprintf("%+v %q %v", paras, text, err)
	}
	fast = trace(readBody(nil, newXMLPart(b), st, num))
	var paras []paragraph
	var text string
	err := newXMLPart(b).read(func(tr tokenReader) (err error) {
		paras, text, err = readBodyTokens(nil, tokensOnly{tr}, st, num.counting(), len(b))
		return err
	})
	return fast, trace(paras, text, err)
}

func checkFastPaths(t *testing.T, b []byte) {
	t.Helper()
	if fast, general := readBodyBothWays(b); fast != general {
		t.Fatalf("%q: with the fast paths\n%s\nwithout\n%s", b, fast, general)
	}
}

// TestTextOnlyMatchesTokens holds the body read with the fast paths to the body
// read token by token, on the parts of the samples and fixtures and on
// mutations of them.
func TestFastPathsMatchTokens(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 3))
	extra := []string{
		`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>a</w:t ><w:t>b&amp;c</w:t><w:t>d>e</w:t><w:t/><w:t></w:t><w:t>f<w:x/>g</w:t><w:t>h</w:tt></w:t></w:r><w:r><w:rPr></w:rPr><w:t>i</w:t></w:r><w:r><w:rPr/><w:t>j</w:t></w:r><w:r><w:rPr></w:rPr ><w:rPr><w:vanish/></w:rPr><w:t>k</w:t></w:r></w:p></w:body></w:document>`,
		`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>line` + "\n" + `end</w:t><x:t xmlns:x="` + nsW + `">i</x:t><w:t>j</w:t`,
	}
	eachSampleMutated(t, extra, 100, rng, func(b []byte) { checkFastPaths(t, b) })
}

// TestTextOnlyReads: textOnly reads the w:t of Word's and LibreOffice's
// bodies, and leaves the others to the tokens.
func TestTextOnlyReads(t *testing.T) {
	for _, c := range []struct {
		xml  string
		read bool
	}{
		{`<w:t>一</w:t>`, true}, {`<w:t xml:space="preserve"> 二 </w:t>`, true}, {`<w:t></w:t>`, true},
		{`<w:t>&amp;</w:t>`, false}, {`<w:t>a>b</w:t>`, false}, {`<w:t>a</w:t >`, false},
		{`<w:t/>`, false}, {`<w:t>a<w:b/></w:t>`, false}, {`<w:t>a</w:x>`, false}, {`<w:t>a</w:tt>`, false},
	} {
		s := newScanner([]byte(c.xml), c.xml)
		if _, err := s.next(); err != nil {
			t.Fatal(err)
		}
		_, read := s.textOnly(nil)
		if read != c.read || read && s.pos != len(c.xml) {
			t.Errorf("%s: read %v, up to %d", c.xml, read, s.pos)
		}
		s.release()
	}
}

// TestEndsAtOnceReads: endsAtOnce reads the end of an empty element only.
func TestEndsAtOnceReads(t *testing.T) {
	for _, c := range []struct {
		xml  string
		read bool
	}{
		{`<w:rPr></w:rPr>`, true}, {`<w:rPr/>`, true}, {`<w:rPr></w:rPr >`, false},
		{`<w:rPr> </w:rPr>`, false}, {`<w:rPr><w:b/></w:rPr>`, false}, {`<w:rPr></w:rP>`, false},
	} {
		s := newScanner([]byte(c.xml), c.xml)
		if _, err := s.next(); err != nil {
			t.Fatal(err)
		}
		read := s.endsAtOnce()
		if _, err := s.next(); read != c.read || read && err == nil {
			t.Errorf("%s: read %v, then %v", c.xml, read, err)
		}
		s.release()
	}
}

// FuzzFastPaths holds the body read with textOnly and endsAtOnce to the body
// read token by token on any input.
func FuzzFastPaths(f *testing.F) {
	for _, b := range xmlSamples(f) {
		if len(b) < 8<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if fast, general := readBodyBothWays(b); fast != general {
			t.Fatalf("%q: with the fast paths\n%s\nwithout\n%s", b, fast, general)
		}
	})
}
