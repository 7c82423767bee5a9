package doc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf16"
)

// Bounds on what a .docx may unpack to: a report's document.xml is well under
// a megabyte, and XML rarely compresses beyond 20:1.
const (
	MaxPartSize  = 32 << 20 // one part, decompressed
	maxUnpacked  = 64 << 20 // all the parts read, decompressed
	maxRatio     = 200      // declared decompressed size over compressed size
	ratioFloorSz = 1 << 20  // parts smaller than this are not held to maxRatio
)

// readDocx reads a Word document: the paragraphs of its body in document
// order, table cells included, one line each, with automatic numbering
// rendered into the text (counted in Line.Generated) and tracked changes
// applied. Headers, footers and footnotes are other parts and are not read;
// comments (批注) are read with the range they comment on (Document.Comments). The Document has no Source: fixes are not written to .docx.
func readDocx(file string, data []byte) (*Document, error) {
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
	p := &docxPackage{path: file, files: map[string]*zip.File{}, budget: maxUnpacked}
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
	paras, err := readBody(bodyXML, st, num)
	if err != nil {
		return nil, xmlError(file, main, err)
	}
	texts, err := p.comments(path.Dir(main), rels)
	if err != nil {
		return nil, err
	}
	d, err := docxDocument(file, paras)
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

// docxDocument joins the paragraphs into a Document, one line each.
func docxDocument(file string, paras []paragraph) (*Document, error) {
	var sb strings.Builder
	for i, p := range paras {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(p.text)
	}
	text := sb.String()
	if err := checkText(file, text); err != nil {
		return nil, err
	}
	d := New(file, FormatDocx, EncUTF8, text)
	for i, p := range paras {
		d.Lines[i].Generated = p.generated
		d.Lines[i].Heading = p.heading
	}
	return d, nil
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

// docxPackage reads parts of a .docx within the decompression bounds.
type docxPackage struct {
	path   string
	files  map[string]*zip.File
	budget int // decompressed bytes still allowed
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
	rc, err := f.Open()
	if err != nil {
		return nil, newError(p.path, ErrCorrupt, "文件已损坏，无法解压 %s：%v", name, err)
	}
	defer rc.Close()
	limit := min(MaxPartSize, p.budget)
	// Read into a buffer of the declared size (within the limit): io.ReadAll
	// would grow it by copies.
	buf := bytes.NewBuffer(make([]byte, 0, min(int(size), limit)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(rc, int64(limit)+1))
	b := buf.Bytes()
	if err != nil {
		return nil, newError(p.path, ErrCorrupt, "文件已损坏或不完整，无法解压 %s：%v", name, err)
	}
	if len(b) > limit {
		return nil, p.bomb(name, "解压后超过上限 %s", sizeText(limit))
	}
	p.budget -= len(b)
	return b, nil
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
	r, err := parseRels(b)
	if err != nil {
		return "", xmlError(p.path, rels, err)
	}
	for _, rel := range r.Rels {
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
