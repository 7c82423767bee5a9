package doc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// The readers of a .docx part walk its tokens through tokenReader. They read
// them from scanner, which reads the XML that Word and WPS write several
// times faster than encoding/xml and without its allocations per token; when
// it meets anything else (a DOCTYPE, a comment, CDATA, a character reference,
// a carriage return, a name outside ASCII, any syntax error), the part is
// read again from the start by encoding/xml, so that such parts are read, or
// refused with the same message, exactly as before. TestScannerMatchesDecoder
// holds the two to the same tokens.

// tokenKind is what a token is.
type tokenKind uint8

const (
	tokStart tokenKind = iota + 1 // a start element, with its attributes
	tokEnd                        // an end element (also after an empty one, <a/>)
	tokText                       // character data
)

// xmlToken is a token with its names' spaces resolved, as encoding/xml's
// Decoder.Token gives it. It is valid until the next token is read.
type xmlToken struct {
	kind tokenKind
	elem xml.StartElement // tokStart: the name and attributes; tokEnd: the name
	text []byte           // tokText
}

// tokenReader reads the tokens of a part in order: io.EOF after the last.
// Processing instructions, comments and directives are passed over.
type tokenReader interface {
	next() (*xmlToken, error)
}

// xmlPart is the data of an XML part.
type xmlPart struct {
	data []byte
	src  string // data as a string, which names and attribute values are cut from
}

// newXMLPart takes b, a part just unpacked. The names and values read from
// the part share its bytes (a copy of the part was a tenth of reading a
// .docx), and b is a buffer the next .docx read writes over once this one
// ends (docxPackage.release): nothing cut from a part may outlive the read
// (the document's text is built apart; TestPartBuffersReused checks).
func newXMLPart(b []byte) xmlPart {
	return xmlPart{data: b, src: utf8Text(b, true)}
}

// read runs read over the part's tokens from the scanner and, if the scanner
// meets something it leaves to encoding/xml, again from the start over
// encoding/xml's tokens: read must have no effect but what it returns.
func (p xmlPart) read(read func(tokenReader) error) error {
	s := newScanner(p.data, p.src)
	err := read(s)
	s.release()
	if errors.Is(err, errNotScanned) {
		err = read(&decoderTokens{d: xml.NewDecoder(bytes.NewReader(p.data))})
	}
	return err
}

// skipElement reads the rest of an element after its start, nested elements
// included, as xml.Decoder.Skip does.
func skipElement(tr tokenReader) error {
	for depth := 1; depth > 0; {
		t, err := tr.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		}
	}
	return nil
}

// elementText returns the character data of an element, read after its start
// up to its end, nested elements included (wordxml.Text for a tokenReader).
func elementText(tr tokenReader) (string, error) {
	var sb strings.Builder
	for depth := 1; depth > 0; {
		t, err := tr.next()
		if err != nil {
			return "", err
		}
		switch t.kind {
		case tokText:
			sb.Write(t.text)
		case tokStart:
			depth++
		case tokEnd:
			depth--
		}
	}
	return sb.String(), nil
}

// The readers of styles, numbering and relationships fill structs as
// xml.Unmarshal would from their tags, which TestPartReadersMatchUnmarshal
// holds them to: an attribute is matched by its local name in any namespace,
// the last one winning; a child element by its local name, read into a new
// item of a slice, or into a struct or pointer over what earlier ones set;
// anything else is skipped.

// readRoot reads the first element of a part with read, as xml.Unmarshal
// reads its root: io.EOF if the part has none. What follows it is not read.
func readRoot(tr tokenReader, read func(xml.StartElement) error) error {
	for {
		t, err := tr.next()
		if err != nil {
			return err
		}
		if t.kind == tokStart {
			return read(t.elem)
		}
	}
}

// readChildren calls read for each child element of the element just
// started, up to its end; read reads the child up to its end, and must take
// what it needs of the child's start before reading on.
func readChildren(tr tokenReader, read func(xml.StartElement) error) error {
	for {
		t, err := tr.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokStart:
			if err := read(t.elem); err != nil {
				return err
			}
		case tokEnd:
			return nil
		}
	}
}

// setAttr sets *v to the value of t's last attribute named local, if any.
func setAttr(t xml.StartElement, local string, v *string) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			*v = a.Value
		}
	}
}

// readVal reads an element whose value is its val attribute into v.
func readVal(tr tokenReader, t xml.StartElement, v *xmlVal) error {
	setAttr(t, "val", &v.Val)
	return skipElement(tr)
}

// readValPtr is readVal into *v, made if it is nil.
func readValPtr(tr tokenReader, t xml.StartElement, v **xmlVal) error {
	if *v == nil {
		*v = &xmlVal{}
	}
	return readVal(tr, t, *v)
}

// decoderTokens reads tokens with encoding/xml.
type decoderTokens struct {
	d   *xml.Decoder
	tok xmlToken
}

func (r *decoderTokens) next() (*xmlToken, error) {
	for {
		tok, err := r.d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.tok = xmlToken{kind: tokStart, elem: t}
		case xml.EndElement:
			r.tok = xmlToken{kind: tokEnd, elem: xml.StartElement{Name: t.Name}}
		case xml.CharData:
			r.tok = xmlToken{kind: tokText, text: t}
		default:
			continue
		}
		return &r.tok, nil
	}
}

// errNotScanned is scanner's answer to anything it leaves to encoding/xml.
var errNotScanned = errors.New("not within the XML the scanner reads")

// scanner reads elements, attributes, character data with the five
// predefined entities, and processing instructions. Where it returns a token,
// the token is the one encoding/xml would return; where encoding/xml would
// return an error, or the input is something it does not read, it returns
// errNotScanned.
type scanner struct {
	data  []byte
	src   string // data as a string
	pos   int
	tok   xmlToken
	attrs []xml.Attr
	open  []openElement
	ns    []nsBinding // the namespace declarations in scope, innermost last; "" the default
	// last is the last prefix looked up in ns, as namespace resolved it:
	// Word declares its prefixes once, on the root, and uses w: throughout.
	last      nsBinding
	closeNext bool   // the last start element was empty: its end comes next
	buf       []byte // character data with its entities replaced
}

// openElement is an element whose end is still to come, with its name as
// written (prefix:local), its name as its tokens give it (name.Local as
// written) and how many namespace declarations were in scope before its own.
type openElement struct {
	written string
	name    xml.Name
	scope   int
}

// nsBinding is a prefix bound to a namespace.
type nsBinding struct {
	prefix, space string
	bound         bool
}

const xmlURL = "http://www.w3.org/XML/1998/namespace"

// scanners are scanners done with, whose slices the next part's scanner
// takes: growing them anew for each part was a fifth of the allocations of
// a .docx read.
var scanners sync.Pool

func newScanner(b []byte, src string) *scanner {
	s, _ := scanners.Get().(*scanner)
	if s == nil {
		return &scanner{data: b, src: src}
	}
	*s = scanner{data: b, src: src, attrs: s.attrs[:0], open: s.open[:0], ns: s.ns[:0], buf: s.buf[:0]}
	return s
}

// release gives s to the next part's scanner: neither s nor a token it
// returned may be used after. s lets go of the part first, so that the
// pool does not keep the part's buffer alive: its data, its last token and
// the names and values cut from it that the elements of its slices still
// hold. The slices themselves stay, for the next scanner to take.
func (s *scanner) release() {
	s.data, s.src, s.tok, s.last = nil, "", xmlToken{}, nsBinding{}
	clear(s.attrs[:cap(s.attrs)])
	clear(s.open[:cap(s.open)])
	clear(s.ns[:cap(s.ns)])
	scanners.Put(s)
}

func (s *scanner) next() (*xmlToken, error) {
	if s.closeNext {
		s.closeNext = false
		return s.end(), nil
	}
	for s.pos < len(s.src) {
		if s.src[s.pos] != '<' {
			return s.text()
		}
		if s.pos+1 == len(s.src) {
			return nil, errNotScanned
		}
		switch s.src[s.pos+1] {
		case '/':
			return s.endTag()
		case '?':
			if err := s.procInst(); err != nil {
				return nil, err
			}
		case '!':
			return nil, errNotScanned
		default:
			return s.startTag()
		}
	}
	if len(s.open) > 0 {
		return nil, errNotScanned
	}
	return nil, io.EOF
}

// text reads character data up to the next '<' or the end.
func (s *scanner) text() (*xmlToken, error) {
	start := s.pos
	end := strings.IndexByte(s.src[start:], '<')
	if end < 0 {
		end = len(s.src)
	} else {
		end += start
	}
	s.pos = end
	raw := s.src[start:end]
	if strings.IndexByte(raw, '>') >= 0 && strings.Contains(raw, "]]>") { // '>' is rare in text, and found faster
		return nil, errNotScanned
	}
	s.setToken(tokText, xml.Name{}, nil, s.data[start:end])
	if strings.IndexByte(raw, '&') >= 0 {
		var ok bool
		if s.buf, ok = unescape(s.buf[:0], raw); !ok {
			return nil, errNotScanned
		}
		s.tok.text = s.buf
	} else if !validChars(raw) {
		return nil, errNotScanned
	}
	return &s.tok, nil
}

// endsAtOnce reads the end of the element just started if it comes next,
// written <a/> or <a></a>, as next would return it; if not, s has not moved.
func (s *scanner) endsAtOnce() bool {
	if s.closeNext {
		s.closeNext = false
		s.end()
		return true
	}
	if len(s.open) == 0 {
		return false
	}
	n := s.endTagAt(s.src[s.pos:])
	if n == 0 {
		return false
	}
	s.pos += n
	s.end()
	return true
}

// endTagAt returns the length of the end tag of the innermost open element
// that rest starts with, written as Word writes it, </prefix:local>; 0 if
// rest does not start with one (endTag reads the others).
func (s *scanner) endTagAt(rest string) int {
	written := s.open[len(s.open)-1].written
	if len(rest) < len(written)+3 || rest[0] != '<' || rest[1] != '/' || rest[2+len(written)] != '>' || rest[2:2+len(written)] != written {
		return 0
	}
	return len(written) + 3
}

// textOnly reads the rest of the element just started when it is character
// data alone, as Word writes a w:t: it appends the data to dst and reads
// the element's end, with the tokens next would have returned but without
// returning them. Where the element holds anything else, or data text
// would look at twice (a reference, a '>'), or its end is written otherwise
// than endTag reads it at once, ok is false and s has not moved.
func (s *scanner) textOnly(dst []byte) (_ []byte, ok bool) {
	if s.closeNext || len(s.open) == 0 {
		return dst, false
	}
	rest := s.src[s.pos:]
	n := strings.IndexByte(rest, '<')
	if n < 0 {
		return dst, false
	}
	raw := rest[:n]
	end := s.endTagAt(rest[n:])
	if end == 0 || strings.IndexByte(raw, '&') >= 0 || strings.IndexByte(raw, '>') >= 0 || !validChars(raw) {
		return dst, false
	}
	s.pos += n + end
	s.end()
	return append(dst, raw...), true
}

// startTag reads a start element, s.pos at its '<'.
func (s *scanner) startTag() (*xmlToken, error) {
	s.pos++
	start := s.pos
	prefix, local, ok := s.name()
	if !ok {
		return nil, errNotScanned
	}
	written := s.src[start:s.pos]
	s.attrs = s.attrs[:0]
	for {
		s.skipSpace()
		if s.pos == len(s.src) {
			return nil, errNotScanned
		}
		c := s.src[s.pos]
		if c == '>' {
			s.pos++
			break
		}
		if c == '/' {
			if !strings.HasPrefix(s.src[s.pos:], "/>") {
				return nil, errNotScanned
			}
			s.pos += 2
			s.closeNext = true
			break
		}
		if !s.attr() {
			return nil, errNotScanned
		}
	}
	scope := len(s.ns)
	for _, a := range s.attrs {
		switch {
		case a.Name.Space == "xmlns":
			s.declare(a.Name.Local, a.Value)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			s.declare("", a.Value)
		}
	}
	for i := range s.attrs {
		s.attrs[i].Name.Space = s.namespace(s.attrs[i].Name, false)
	}
	name := xml.Name{Space: prefix, Local: local}
	name.Space = s.namespace(name, true)
	s.push(written, name, scope)
	s.setToken(tokStart, name, s.attrs, nil)
	return &s.tok, nil
}

// push opens an element, field by field: an openElement made whole and
// then copied stalled on its loads (store forwarding), a quarter of
// startTag.
func (s *scanner) push(written string, name xml.Name, scope int) {
	if n := len(s.open); n < cap(s.open) {
		s.open = s.open[:n+1]
	} else {
		s.open = append(s.open, openElement{})
	}
	e := &s.open[len(s.open)-1]
	e.written = written
	e.name = name
	e.scope = scope
}

// setToken sets the token field by field: assigning it whole copied it
// with a write barrier for each of its pointers while the collector runs.
func (s *scanner) setToken(kind tokenKind, name xml.Name, attrs []xml.Attr, text []byte) {
	s.tok.kind = kind
	s.tok.elem.Name = name
	s.tok.elem.Attr = attrs
	s.tok.text = text
}

// attr reads an attribute, name="value" or name='value', onto s.attrs;
// not ok if it is not one. The attribute is written in place, field by
// field, for the reason push is.
func (s *scanner) attr() (ok bool) {
	prefix, local, ok := s.name()
	if !ok {
		return false
	}
	s.skipSpace()
	if s.pos == len(s.src) || s.src[s.pos] != '=' {
		return false
	}
	s.pos++
	s.skipSpace()
	if s.pos == len(s.src) || s.src[s.pos] != '"' && s.src[s.pos] != '\'' {
		return false
	}
	quote := s.src[s.pos]
	s.pos++
	value, amp, ok := s.value(quote)
	if !ok {
		return false
	}
	if amp {
		b, ok := unescape(nil, value)
		if !ok {
			return false
		}
		value = string(b)
	}
	if n := len(s.attrs); n < cap(s.attrs) {
		s.attrs = s.attrs[:n+1]
	} else {
		s.attrs = append(s.attrs, xml.Attr{})
	}
	a := &s.attrs[len(s.attrs)-1]
	a.Name.Space = prefix
	a.Name.Local = local
	a.Value = value
	return true
}

// value reads an attribute's value, s.pos just after its opening quote, up
// to and past the closing one: the value as written and whether it has a
// reference; not ok if the quote does not close, or the value has a '<' or a
// character XML does not allow. One look at each byte, most of them one
// look-up in plainValueBytes: Word's values are short, and calling
// IndexByte for the quote, '<' and '&', then validChars, cost more.
func (s *scanner) value(quote byte) (raw string, amp, ok bool) {
	rest := s.src[s.pos:]
	for i := 0; i < len(rest); {
		c := rest[i]
		switch {
		case plainValueBytes[c]:
		case c == quote:
			s.pos += i + 1
			return rest[:i], amp, true
		case c == '"' || c == '\'':
		case c == '&':
			amp = true
		case c >= utf8.RuneSelf:
			// A character that does not end before the quote is not valid
			// either: the quote is not a continuation byte.
			if threeByteChar(rest, i) {
				i += 3
				continue
			}
			n := wideChar(rest[i:])
			if n == 0 {
				return "", false, false
			}
			i += n
			continue
		default: // '<' or a control character XML does not allow
			return "", false, false
		}
		i++
	}
	return "", false, false
}

// plainValueBytes are the ASCII bytes an attribute's value may hold that
// value need not look at twice: not a quote, '<', '&' or a control
// character other than tab and line feed.
var plainValueBytes = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c >= 0x20 || c == '\t' || c == '\n'
	}
	t['"'], t['\''], t['<'], t['&'] = false, false, false, false
	return t
}()

// endTag reads an end element, s.pos at its '<'; it must close the innermost
// open element, prefix and all: its name must be the one the start wrote,
// which name read, and end there. Comparing the bytes at once costs less
// than reading the name again.
func (s *scanner) endTag() (*xmlToken, error) {
	s.pos += 2
	if len(s.open) == 0 || !strings.HasPrefix(s.src[s.pos:], s.open[len(s.open)-1].written) {
		return nil, errNotScanned
	}
	s.pos += len(s.open[len(s.open)-1].written)
	if s.pos < len(s.src) && (nameBytes[s.src[s.pos]] || s.src[s.pos] >= utf8.RuneSelf) {
		return nil, errNotScanned
	}
	s.skipSpace()
	if s.pos == len(s.src) || s.src[s.pos] != '>' {
		return nil, errNotScanned
	}
	s.pos++
	return s.end(), nil
}

// end closes the innermost open element: its end token, whose name is the
// start's, read with the element's own declarations, which then go out of
// scope.
func (s *scanner) end() *xmlToken {
	top := s.open[len(s.open)-1]
	s.open = s.open[:len(s.open)-1]
	if len(s.ns) > top.scope {
		s.ns = s.ns[:top.scope]
		s.last = nsBinding{}
	}
	s.setToken(tokEnd, top.name, nil, nil)
	return &s.tok
}

// procInst reads a processing instruction, s.pos at its '<'. The XML
// declaration is checked by encoding/xml itself: it refuses versions other
// than 1.0 and encodings other than UTF-8.
func (s *scanner) procInst() error {
	start := s.pos
	s.pos += 2
	_, local, ok := s.name()
	if !ok {
		return errNotScanned
	}
	end := strings.Index(s.src[s.pos:], "?>")
	if end < 0 {
		return errNotScanned
	}
	s.pos += end + 2
	if local == "xml" && !commonDeclarations[s.src[start:s.pos]] {
		if _, err := xml.NewDecoder(strings.NewReader(s.src[start:s.pos])).Token(); err != nil {
			return errNotScanned
		}
	}
	return nil
}

// commonDeclarations are the XML declarations Word, WPS and LibreOffice
// write, which encoding/xml accepts (TestCommonDeclarations): checking them
// again was a decoder and a 4 KB buffer per part.
var commonDeclarations = map[string]bool{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`: true,
	`<?xml version="1.0" encoding="UTF-8" standalone="no"?>`:  true,
	`<?xml version="1.0" encoding="UTF-8"?>`:                  true,
	`<?xml version="1.0" encoding="utf-8"?>`:                  true,
}

// declare binds prefix to space, over any binding it had, until the end of
// the element declaring it.
func (s *scanner) declare(prefix, space string) {
	s.last = nsBinding{}
	if len(s.ns) == 0 && cap(s.ns) < len(s.attrs) { // sized for the element declaring it: Word's root declares some thirty prefixes
		s.ns = make([]nsBinding, 0, len(s.attrs))
	}
	s.ns = append(s.ns, nsBinding{prefix: prefix, space: knownSpace(space), bound: true})
}

// knownSpace returns the reader's own string for a namespace it compares
// names' spaces with (isW), equal to space: two strings at one address
// compare without reading their bytes, and the body compares every
// element's.
func knownSpace(space string) string {
	switch space {
	case nsW:
		return nsW
	case nsWStrict:
		return nsWStrict
	case nsMC:
		return nsMC
	}
	return space
}

// namespace returns the namespace of a name as written, as encoding/xml
// translates it: a prefix in scope gives its namespace, an unknown prefix
// stays as it is, and the default namespace applies to elements only.
func (s *scanner) namespace(n xml.Name, element bool) string {
	switch {
	case n.Space == "xmlns":
		return n.Space
	case n.Space == "" && !element:
		return ""
	case n.Space == "xml":
		return xmlURL
	case n.Space == "" && n.Local == "xmlns":
		return ""
	}
	if s.last.bound && s.last.prefix == n.Space {
		return s.last.space
	}
	v := n.Space // a prefix not in scope
	for i := len(s.ns) - 1; i >= 0; i-- {
		if s.ns[i].prefix == n.Space {
			v = s.ns[i].space
			break
		}
	}
	s.last = nsBinding{prefix: n.Space, space: v, bound: true}
	return v
}

// name reads an ASCII name, split at its colon. A name that encoding/xml
// would read otherwise (one with a non-ASCII letter, two colons, a colon at
// either end) or refuse is not read. It counts in local values: the
// compiler loads and stores a field such as s.pos at each step of a loop.
func (s *scanner) name() (prefix, local string, ok bool) {
	src, start := s.src, s.pos
	i := namePartEnd(src, start)
	colon := -1
	if i < len(src) && src[i] == ':' {
		colon = i
		i = namePartEnd(src, i+1)
	}
	s.pos = i
	if i == start || i < len(src) && (src[i] >= utf8.RuneSelf || src[i] == ':') {
		return "", "", false
	}
	if c := src[start]; c != '_' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return "", "", false
	}
	if colon < 0 {
		return "", src[start:i], true
	}
	if colon == i-1 {
		return "", "", false
	}
	return src[start:colon], src[colon+1 : i], true
}

// namePartEnd returns where the bytes of a name other than the colon that
// src[i:] starts with end: a loop of one table look-up per byte, names
// being most of the bytes of Word's XML that are not text.
func namePartEnd(src string, i int) int {
	rest := src[i:]
	n := 0 // counted from 0, which spares a check of rest[n]'s bounds
	for n < len(rest) && namePartBytes[rest[n]] {
		n++
	}
	return i + n
}

// namePartBytes are isNameByte's bytes, nameBytes those and the colon.
var namePartBytes, nameBytes = func() (part, all [256]bool) {
	for c := range len(part) {
		part[c] = isNameByte(byte(c))
		all[c] = part[c] || c == ':'
	}
	return part, all
}()

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'
}

// skipSpace skips white space, counting in a local value as name does.
func (s *scanner) skipSpace() {
	src, i := s.src, s.pos
	for i < len(src) {
		switch src[i] {
		case ' ', '\n', '\t', '\r':
			i++
			continue
		}
		break
	}
	s.pos = i
}

// predefined are the entities XML defines without a DOCTYPE.
var predefined = []struct{ ref, char string }{
	{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", `"`}, {"&apos;", "'"},
}

// unescape appends raw with its predefined entities replaced to dst; ok is
// false if raw has another reference or a character XML does not allow.
func unescape(dst []byte, raw string) ([]byte, bool) {
	for {
		i := strings.IndexByte(raw, '&')
		if i < 0 {
			return append(dst, raw...), validChars(raw)
		}
		if !validChars(raw[:i]) {
			return dst, false
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		found := false
		for _, e := range predefined {
			if strings.HasPrefix(raw, e.ref) {
				dst = append(dst, e.char...)
				raw = raw[len(e.ref):]
				found = true
				break
			}
		}
		if !found {
			return dst, false
		}
	}
}

// validChars tells whether s is UTF-8 of characters XML allows, without a
// carriage return (which encoding/xml turns into a line feed).
func validChars(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' {
				return false
			}
			i++
			continue
		}
		if threeByteChar(s, i) {
			i += 3
			continue
		}
		n := wideChar(s[i:])
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// threeByteChar tells whether s[i:] starts with three bytes led by
// 0xE1–0xEC or 0xEE: U+1000–U+CFFF or U+E000–U+EFFF, which XML allows
// (Chinese text, most of a report), when the two that follow continue them.
// It is the quick look before wideChar.
func threeByteChar(s string, i int) bool {
	c := s[i]
	return 0xE1 <= c && c <= 0xEE && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// wideChar returns the length of the character s starts with, led by a byte
// of 0x80 or more, if it is UTF-8 of a character XML allows; 0 if not.
func wideChar(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size == 1 || r > 0xD7FF && r < 0xE000 || r == 0xFFFE || r == 0xFFFF {
		return 0
	}
	return size
}
