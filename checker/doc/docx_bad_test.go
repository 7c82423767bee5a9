package doc

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"strings"
	"testing"
	"time"
)

// ole returns an OLE compound file holding streams with these names, as
// its directory stores them (UTF-16LE).
func ole(streams ...string) []byte {
	b := []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		b = append(b, utf16le(s)...)
		b = append(b, make([]byte, 128-2*len(s))...)
	}
	return b
}

// rawZip writes one stored-as-deflate entry whose header claims size bytes
// whatever content really is.
func rawZip(t *testing.T, name string, content []byte, size uint64) []byte {
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestCompression)
	fw.Write(content)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now(),
		CRC32: crc32.ChecksumIEEE(content), CompressedSize64: uint64(packed.Len()), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(packed.Bytes())
	zw.Close()
	return buf.Bytes()
}

// duplicateZip writes a zip holding an entry named name twice, with each content.
func duplicateZip(t *testing.T, name string, contents ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, c := range contents {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(c))
	}
	zw.Close()
	return buf.Bytes()
}

func TestBadDocx(t *testing.T) {
	good := numberedDocx(t)
	corrupt := bytes.Clone(good)
	copy(corrupt[len(corrupt)-40:], bytes.Repeat([]byte{0xAB}, 20)) // the central directory
	damaged := bytes.Clone(good)
	i := bytes.Index(damaged, []byte("word/document.xml")) + len("word/document.xml") + 10
	copy(damaged[i:], bytes.Repeat([]byte{0x55}, 40)) // deflate data of document.xml
	spaces := bytes.Repeat([]byte(" "), 40<<20)
	tests := []struct {
		name      string
		data      []byte
		code, msg string
	}{
		{"empty", nil, ErrCorrupt, "不是 zip 格式"},
		{"text", []byte("一、标题"), ErrCorrupt, "只是改了扩展名"},
		{"truncated", good[:len(good)/2], ErrCorrupt, "zip 结构损坏"},
		{"corrupt central directory", corrupt, ErrCorrupt, "zip 结构损坏"},
		{"corrupt deflate data", damaged, ErrCorrupt, "无法解压 word/document.xml"},
		{"encrypted", ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), ErrEncrypted, "取消密码"},
		{"legacy .doc", ole("Root Entry", "WordDocument", "1Table"), ErrUnsupported, "Word 97-2003"},
		{"PDF", []byte("%PDF-1.4"), ErrUnsupported, "PDF"},
		{"not a Word document", makeZip(t, map[string]string{"content.xml": "<office/>"}), ErrUnsupported, "不是 Word 文档（word/document.xml 不是 Word 正文）"},
		{"renamed .xlsx", makeZip(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), ErrUnsupported, "这是 Excel 表格（.xlsx）"},
		{"renamed .xlsx with its rels", makeZip(t, map[string]string{"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
			"_rels/.rels": strings.Replace(docxFiles("", "", "")["_rels/.rels"], "word/document.xml", "xl/workbook.xml", 1)}), ErrUnsupported, "这是 Excel 表格（.xlsx）"},
		{"renamed .pptx", makeZip(t, map[string]string{"ppt/presentation.xml": "<presentation/>"}), ErrUnsupported, "这是 PowerPoint 演示文稿"},
		{"duplicate entry names", duplicateZip(t, "word/document.xml", docxFiles(p("", r("甲")), "", "")["word/document.xml"], docxFiles(p("", r("乙")), "", "")["word/document.xml"]),
			ErrCorrupt, "zip 中有两个同名的部件 word/document.xml"},
		{"no body text", makeZip(t, docxFiles(p("", "")+p("", r(" ")), "", "")), ErrEmpty, "没有文字"},
		{"malformed document.xml", makeZip(t, map[string]string{"word/document.xml": "<w:document " + wordNS + ">\n<w:body><w:p><w:r><w:t>甲</w:r></w:p>"}),
			ErrCorrupt, "word/document.xml 第 2 行 XML 格式错误"},
		{"document.xml cut short", makeZip(t, map[string]string{"word/document.xml": "<w:document " + wordNS + "><w:body><w:p><w:r><w:t>甲</w:t>"}),
			ErrCorrupt, "XML 格式错误"},
		{"malformed numbering.xml", makeZip(t, map[string]string{"word/document.xml": docxFiles(p("", r("甲")), "", "")["word/document.xml"], "word/numbering.xml": "<w:numbering><w:num>"}),
			ErrCorrupt, "word/numbering.xml"},
		{"malformed rels", makeZip(t, map[string]string{"_rels/.rels": "<Relationships><"}), ErrCorrupt, "_rels/.rels"},
		{"zip bomb by size", rawZip(t, "word/document.xml", spaces, uint64(len(spaces))), ErrTooLarge, "超过上限"},
		{"zip bomb by ratio", rawZip(t, "word/document.xml", spaces[:8<<20], 8<<20), ErrTooLarge, "压缩比"},
		{"zip bomb that lies about its size", rawZip(t, "word/document.xml", spaces, 1000), ErrCorrupt, "word/document.xml"},
	}
	for _, tt := range tests {
		wantError(t, tt.name, "报告.docx", tt.data, Options{}, tt.code, tt.msg)
	}
}

// TestDocxRels reads the main part where the package relationships say it is.
func TestDocxRels(t *testing.T) {
	files := docxFiles(p(num("1", "0"), r("甲")), `<w:abstractNum w:abstractNumId="0">`+lvl("0", "chineseCounting", "%1、")+`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`, "")
	files["word/document2.xml"] = files["word/document.xml"]
	files["word/list.xml"] = files["word/numbering.xml"]
	delete(files, "word/document.xml")
	delete(files, "word/numbering.xml")
	files["_rels/.rels"] = strings.Replace(files["_rels/.rels"], "word/document.xml", "/word/document2.xml", 1)
	files["word/_rels/document2.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="list.xml"/></Relationships>`
	d, err := ReadBytes("f.docx", makeZip(t, files), Options{})
	if err != nil || d.Text != "一、甲" || d.Format != FormatDocx {
		t.Errorf("got %v %v", d, err)
	}
}
