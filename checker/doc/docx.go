package doc

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"hash/crc32"
	"io"
	"path"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/fzlint/fzlint/checker/lend"
)

// Bounds on what a .docx may unpack to: a report's document.xml is well under
// a megabyte, and XML rarely compresses beyond 20:1.
const (
	MaxPartSize  = 32 << 20 // one part, decompressed
	maxUnpacked  = 64 << 20 // all the parts read, decompressed
	maxRatio     = 200      // declared decompressed size over compressed size
	ratioFloorSz = 1 << 20  // parts smaller than this are not held to maxRatio
)

// readDocxIn reads a Word document: the paragraphs of its body in document
// order, table cells included, one line each, with automatic numbering
// rendered into the text (counted in Line.Generated) and tracked changes
// applied. Headers, footers and footnotes are other parts and are not read;
// comments (批注) are read with the range they comment on (Document.Comments). The Document has no Source: fixes are not written to .docx.
// Its text, its lines and the list of its paragraphs are written in memory
// of loan (nil: fresh memory).
func readDocxIn(file string, data []byte, loan *lend.Loan) (*Document, error) {
	switch sniff(data) {
	case kindZip:
	case kindOLE:
		return nil, oleError(file, data)
	case kindUnknown:
		return nil, newError(file, ErrCorrupt, "不是有效的 .docx 文件（不是 zip 格式）：文件可能已损坏，或只是改了扩展名")
	default:
		return nil, contentError(file, data)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, newError(file, ErrCorrupt, "不是有效的 .docx 文件（zip 结构损坏，文件可能不完整）：%v", err)
	}
	zr.RegisterDecompressor(zip.Deflate, inflaterOf(data))
	p := &docxPackage{path: file, data: data, files: make(map[string]*zip.File, len(zr.File)), budget: maxUnpacked}
	defer p.release()
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		if p.files[name] != nil { // readers disagree on which copy counts
			return nil, newError(file, ErrCorrupt, "不是有效的 .docx 文件：zip 中有两个同名的部件 %s，无法确定以哪个为准", name)
		}
		p.files[name] = f
	}
	main, err := p.target("", "_rels/.rels", "officeDocument", "word/document.xml")
	if err != nil {
		return nil, err
	}
	body, err := p.read(main)
	if body == nil && err == nil && main != "word/document.xml" { // a relationship to a missing part
		main = "word/document.xml"
		body, err = p.read(main)
	}
	if err != nil {
		return nil, err
	}
	if body == nil {
		return nil, notWord(file, p, main)
	}
	bodyXML := newXMLPart(body)
	if !wordDocument(bodyXML) {
		return nil, notWord(file, p, main)
	}
	rels := path.Join(path.Dir(main), "_rels", path.Base(main)+".rels")
	st, err := p.styles(path.Dir(main), rels)
	if err != nil {
		return nil, err
	}
	num, err := p.numbering(path.Dir(main), rels, st)
	if err != nil {
		return nil, err
	}
	paras, text, err := readBody(loan, bodyXML, st, num)
	if err != nil {
		return nil, xmlError(file, main, err)
	}
	texts, err := p.comments(path.Dir(main), rels)
	if err != nil {
		return nil, err
	}
	d, err := docxDocument(loan, file, paras, text)
	if err != nil {
		return nil, err
	}
	d.Comments = commentRanges(d, paras, texts)
	return d, nil
}

// wordDocument tells whether a main part is a Word document: its root
// element is w:document. An Excel workbook or a PowerPoint presentation has
// an officeDocument relationship too.
func wordDocument(part xmlPart) bool {
	var root xml.Name
	err := part.read(func(tr tokenReader) error {
		return readRoot(tr, func(t xml.StartElement) error {
			root = t.Name
			return nil
		})
	})
	return err == nil && isW(root) && root.Local == "document"
}

// notWord refuses an Office package whose main part is not a Word document,
// saying what it is when its parts tell.
func notWord(file string, p *docxPackage, main string) *ReadError {
	switch {
	case p.files["xl/workbook.xml"] != nil:
		return newError(file, ErrUnsupported, "这是 Excel 表格（.xlsx），只是扩展名为 .docx：%s", adviceSheet)
	case p.files["ppt/presentation.xml"] != nil:
		return newError(file, ErrUnsupported, "这是 PowerPoint 演示文稿（.pptx），只是扩展名为 .docx：%s", adviceSlides)
	}
	return newError(file, ErrUnsupported, "不是 Word 文档（%s 不是 Word 正文）：请提供 .docx 格式的报告", main)
}

// docxDocument joins the paragraphs, spans of body, into a Document, one
// line each, its lines in memory of loan.
func docxDocument(loan *lend.Loan, file string, paras []paragraph, body string) (*Document, error) {
	text := body
	if !joinedInOrder(paras, body) {
		var sb strings.Builder
		sb.Grow(len(body))
		for i, p := range paras {
			if i > 0 {
				sb.WriteByte('\n')
			}
			sb.WriteString(body[p.start:p.end])
		}
		text = sb.String()
	}
	if err := checkText(file, text); err != nil {
		return nil, err
	}
	// The text is valid UTF-8, which New would check again: it is made of
	// XML's characters (the scanner and encoding/xml refuse invalid UTF-8)
	// and of numbers rendered by numbering. checkDocument holds FuzzDocx and
	// FuzzDocxParts to it.
	d := newDocumentIn(loan, file, FormatDocx, EncUTF8, text, true)
	for i, p := range paras {
		d.Lines[i].Generated = p.generated
		d.Lines[i].Heading = p.heading
	}
	return d, nil
}

// joinedInOrder tells whether body is the paragraphs' texts joined by line
// feeds: whether each paragraph's span starts just after the line feed that
// ends the one before.
func joinedInOrder(paras []paragraph, body string) bool {
	at := 0
	for i, p := range paras {
		if i > 0 {
			at++
		}
		if p.start != at {
			return false
		}
		at = p.end
	}
	return at == len(body)
}

// oleError explains an OLE compound file named .docx: either an Office
// document encrypted with a password (its package is the EncryptedPackage
// stream, described by EncryptionInfo) or a Word 97-2003 document. The stream
// names are looked for as the UTF-16 strings the directory stores them as.
func oleError(path string, data []byte) *ReadError {
	for _, name := range []string{"EncryptionInfo", "EncryptedPackage"} {
		if bytes.Contains(data, utf16le(name)) {
			return newError(path, ErrEncrypted, "文件设置了打开密码（已加密），无法读取：请在 Word/WPS 中取消密码，另存为 .docx 后再检查")
		}
	}
	return newError(path, ErrUnsupported, "这是 Word 97-2003 格式（.doc）的文件，只是扩展名为 .docx：请在 Word/WPS 中另存为 .docx 后再检查")
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// inflaterOf returns a decompressor for the deflated parts of the zip file
// data. archive/zip's own reads a part through a 4 KB bufio.Reader made for
// it, since the part's section of the file is not an io.ByteReader; this one
// reads the section's bytes in data, which are. The inflaters are pooled
// as archive/zip pools its own.
func inflaterOf(data []byte) zip.Decompressor {
	return func(r io.Reader) io.ReadCloser {
		src := r
		if sr, ok := r.(*io.SectionReader); ok {
			if _, off, n := sr.Outer(); off >= 0 && n >= 0 && off+n <= int64(len(data)) {
				src = bytes.NewReader(data[off : off+n])
			}
		}
		fr, ok := inflaters.Get().(io.ReadCloser)
		if !ok {
			return &pooledInflater{fr: flate.NewReader(src)}
		}
		_ = fr.(flate.Resetter).Reset(src, nil)
		return &pooledInflater{fr: fr}
	}
}

var inflaters sync.Pool

// pooledInflater goes back to the pool when closed.
type pooledInflater struct {
	fr io.ReadCloser
}

func (p *pooledInflater) Read(b []byte) (int, error) {
	if p.fr == nil {
		return 0, errors.New("read after close")
	}
	return p.fr.Read(b)
}

func (p *pooledInflater) Close() error {
	if p.fr == nil {
		return nil
	}
	err := p.fr.Close()
	inflaters.Put(p.fr)
	p.fr = nil
	return err
}

// docxPackage reads parts of a .docx within the decompression bounds.
type docxPackage struct {
	path   string
	data   []byte // the .docx
	files  map[string]*zip.File
	budget int // decompressed bytes still allowed
	// rels is the relationships part read last: the main part's, which
	// the readers of styles, numbering and comments each look up.
	rels relsPart
	// unpacked are the buffers the parts were unpacked into, for the next
	// .docx read: nothing read from a part outlives the read (the
	// document's text, its comments and errors are copies), which
	// TestPartBuffersReused holds to.
	unpacked []*[]byte
}

// partBuffers are buffers parts were unpacked into, for the next.
var partBuffers sync.Pool

// buffer returns an empty buffer of at least n bytes, from partBuffers if
// it has one that large.
func (p *docxPackage) buffer(n int) *[]byte {
	b, _ := partBuffers.Get().(*[]byte)
	if b == nil || cap(*b) < n {
		b = new(make([]byte, 0, n))
	}
	p.unpacked = append(p.unpacked, b)
	return b
}

// release gives the parts' buffers back to partBuffers.
func (p *docxPackage) release() {
	for _, b := range p.unpacked {
		*b = (*b)[:0]
		partBuffers.Put(b)
	}
	p.unpacked = nil
	p.rels = relsPart{}
}

// relsPart is a relationships part, unpacked and read.
type relsPart struct {
	name string
	data []byte
	rels xmlRels
}

// read returns the decompressed part name, nil if there is no such part.
func (p *docxPackage) read(name string) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, nil
	}
	size, packed := f.UncompressedSize64, f.CompressedSize64
	if size > MaxPartSize || int(size) > p.budget {
		return nil, p.bomb(name, "解压后大小 %s 超过上限 %s", sizeText(int(min(size, 1<<40))), sizeText(min(MaxPartSize, p.budget)))
	}
	if size > ratioFloorSz && size > packed*maxRatio {
		return nil, p.bomb(name, "压缩比 %d:1 异常", size/max(packed, 1))
	}
	limit := min(MaxPartSize, p.budget)
	b, err := p.unpack(name, f, limit)
	if err != nil {
		return nil, err
	}
	if len(b) > limit {
		return nil, p.bomb(name, "解压后超过上限 %s", sizeText(limit))
	}
	p.budget -= len(b)
	return b, nil
}

// unpack returns the part name, f, decompressed, up to one byte more than
// limit. The relationships part read last is not decompressed again: its
// bytes are the same, and read charges them to the budget as before.
func (p *docxPackage) unpack(name string, f *zip.File, limit int) ([]byte, error) {
	if name == p.rels.name {
		return p.rels.data, nil
	}
	// Read into a buffer of the declared size (within the limit): io.ReadAll
	// would grow it by copies.
	b := p.buffer(min(int(f.UncompressedSize64), limit) + bytes.MinRead)
	if out, ok := p.inflated(f, *b); ok {
		*b = (*b)[:len(out)] // inflate wrote out within *b's array
		return *b, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, newError(p.path, ErrCorrupt, "文件已损坏，无法解压 %s：%v", name, err)
	}
	defer rc.Close()
	buf := bytes.NewBuffer(*b)
	_, err = buf.ReadFrom(io.LimitReader(rc, int64(limit)+1))
	*b = buf.Bytes() // grown if the declared size was short
	if err != nil {
		return nil, newError(p.path, ErrCorrupt, "文件已损坏或不完整，无法解压 %s：%v", name, err)
	}
	return *b, nil
}

// inflated returns the deflated part f decompressed by inflate into buf
// (empty), checked as archive/zip checks a part it reads: ok only where
// archive/zip reads the same bytes without an error. A part inflate does
// not read, one of another size than declared, or of another checksum, is
// left to archive/zip, for its bytes or its error.
func (p *docxPackage) inflated(f *zip.File, buf []byte) (_ []byte, ok bool) {
	if f.Method != zip.Deflate || strings.HasSuffix(f.Name, "/") || f.UncompressedSize64 > uint64(cap(buf)) {
		return nil, false
	}
	at, err := f.DataOffset()
	if err != nil || at < 0 || at > int64(len(p.data)) || f.CompressedSize64 > uint64(int64(len(p.data))-at) {
		return nil, false
	}
	end := int(at) + int(f.CompressedSize64)
	out, ok := inflate(buf[:0], int(f.UncompressedSize64), p.data[at:end])
	if !ok || len(out) != int(f.UncompressedSize64) {
		return nil, false
	}
	sum := crc32.ChecksumIEEE(out)
	if f.Flags&zipDataDescriptor != 0 {
		desc, ok := descriptorChecksum(p.data[end:])
		return out, ok && desc == f.CRC32 && sum == f.CRC32
	}
	return out, f.CRC32 == 0 || sum == f.CRC32
}

// zipDataDescriptor is the flag of a zip entry whose checksum and sizes
// follow its data, in a data descriptor.
const zipDataDescriptor = 0x8

// descriptorChecksum reads the checksum of the data descriptor b starts
// with, as archive/zip does: after its signature if it has one; ok is
// false where archive/zip could not read the descriptor.
func descriptorChecksum(b []byte) (sum uint32, ok bool) {
	const signature = 0x08074b50
	if len(b) >= 16 && binary.LittleEndian.Uint32(b) == signature {
		return binary.LittleEndian.Uint32(b[4:]), true
	}
	if len(b) >= 12 && binary.LittleEndian.Uint32(b) != signature {
		return binary.LittleEndian.Uint32(b), true
	}
	return 0, false
}

func (p *docxPackage) bomb(name, format string, args ...any) *ReadError {
	e := newError(p.path, ErrTooLarge, format, args...)
	e.Message = name + " " + e.Message + "（可能是压缩炸弹），拒绝读取"
	return e
}

// target returns the part a relationship of the given type points to, read
// from the relationships part rels of the part in dir; fallback when the
// package has no such relationship (some generators write no .rels).
func (p *docxPackage) target(dir, rels, relType, fallback string) (string, error) {
	b, err := p.read(rels)
	if err != nil || b == nil {
		return fallback, err
	}
	if p.rels.name != rels {
		r, err := parseRels(b)
		if err != nil {
			return "", xmlError(p.path, rels, err)
		}
		p.rels = relsPart{name: rels, data: b, rels: r}
	}
	for _, rel := range p.rels.rels.Rels {
		if path.Base(rel.Type) == relType && rel.Mode != "External" {
			if strings.HasPrefix(rel.Target, "/") {
				return strings.TrimPrefix(rel.Target, "/"), nil
			}
			return path.Join(dir, rel.Target), nil
		}
	}
	return fallback, nil
}

func (p *docxPackage) styles(dir, rels string) (*styleSheet, error) {
	name, err := p.target(dir, rels, "styles", path.Join(dir, "styles.xml"))
	if err != nil {
		return nil, err
	}
	b, err := p.read(name)
	if err != nil {
		return nil, err
	}
	st, err := parseStyles(b)
	if err != nil {
		return nil, xmlError(p.path, name, err)
	}
	return st, nil
}

func (p *docxPackage) numbering(dir, rels string, st *styleSheet) (*numbering, error) {
	name, err := p.target(dir, rels, "numbering", path.Join(dir, "numbering.xml"))
	if err != nil {
		return nil, err
	}
	b, err := p.read(name)
	if err != nil {
		return nil, err
	}
	num, err := parseNumbering(b, st)
	if err != nil {
		return nil, xmlError(p.path, name, err)
	}
	return num, nil
}

// xmlRels is a relationships part.
type xmlRels struct {
	Rels []xmlRel `xml:"Relationship"`
}

type xmlRel struct {
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

func parseRels(b []byte) (r xmlRels, err error) {
	err = newXMLPart(b).read(func(tr tokenReader) error {
		r = xmlRels{}
		return readRoot(tr, func(xml.StartElement) error {
			return readChildren(tr, func(t xml.StartElement) error {
				if t.Name.Local == "Relationship" {
					r.Rels = append(r.Rels, xmlRel{})
					rel := &r.Rels[len(r.Rels)-1]
					setAttr(t, "Type", &rel.Type)
					setAttr(t, "Target", &rel.Target)
					setAttr(t, "TargetMode", &rel.Mode)
				}
				return skipElement(tr)
			})
		})
	})
	return r, err
}

// xmlError reports a malformed XML part, with the line the parser stopped at.
func xmlError(file, part string, err error) *ReadError {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return newError(file, ErrCorrupt, "文件已损坏：%s 第 %d 行 XML 格式错误（%s）", part, se.Line, se.Msg)
	}
	var re *ReadError
	if errors.As(err, &re) {
		re.Path = file
		return re
	}
	return newError(file, ErrCorrupt, "文件已损坏：%s 无法解析（%v）", part, err)
}
