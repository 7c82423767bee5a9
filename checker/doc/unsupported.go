package doc

import (
	"bytes"
	"path/filepath"
	"strings"
)

const (
	adviceDocx    = "请在 Word/WPS 中打开，另存为 .docx 后再检查"
	adviceSheet   = "这是表格，fzlint 检查的是报告正文：请把报告另存为 .docx 或 .txt"
	adviceSlides  = "这是演示文稿，fzlint 检查的是报告正文：请把报告另存为 .docx 或 .txt"
	adviceArchive = "请先解压，再检查其中的报告文件"
	adviceImage   = "图片中的文字无法检查：请提供报告的文字版本（.docx 或 .txt）"
)

// unsupported maps the extensions of formats fzlint does not read to what the drafter can do.
var unsupported = map[string]string{
	".doc": adviceDocx, ".wps": adviceDocx, ".rtf": adviceDocx, ".odt": adviceDocx,
	".dot": adviceDocx, ".wpt": adviceDocx,
	".pdf":   "请复制文字另存为 .txt，或用 Word/WPS 导出为 .docx 后再检查",
	".ofd":   "请用版式阅读器导出为 .docx 或 .txt 后再检查",
	".mht":   "请在浏览器中把网页另存为“网页，仅 HTML”（.html）后再检查",
	".mhtml": "请在浏览器中把网页另存为“网页，仅 HTML”（.html）后再检查",
	".xls":   adviceSheet, ".xlsx": adviceSheet, ".et": adviceSheet, ".ods": adviceSheet, ".csv": adviceSheet,
	".ppt": adviceSlides, ".pptx": adviceSlides, ".dps": adviceSlides, ".odp": adviceSlides,
	".zip": adviceArchive, ".rar": adviceArchive, ".7z": adviceArchive, ".gz": adviceArchive,
	".tar": adviceArchive, ".tgz": adviceArchive, ".bz2": adviceArchive, ".xz": adviceArchive,
	".png": adviceImage, ".jpg": adviceImage, ".jpeg": adviceImage, ".gif": adviceImage, ".bmp": adviceImage,
	".tif": adviceImage, ".tiff": adviceImage, ".webp": adviceImage, ".heic": adviceImage,
}

// reportFormats are the unsupported formats a report itself comes in (word
// processor files, PDF, OFD, saved web archives): found in a directory, such a
// file is reported as unreadable, not skipped, since it is likely a report
// the user expects checked. Spreadsheets, slides, archives and images in a
// directory are attachments and are skipped.
var reportFormats = map[string]bool{
	".doc": true, ".wps": true, ".rtf": true, ".odt": true, ".dot": true, ".wpt": true,
	".pdf": true, ".ofd": true, ".mht": true, ".mhtml": true,
}

// unreadableReport returns the refusal for a file found in a directory whose
// format is a report's but not one fzlint reads, or nil.
func unreadableReport(path string) *ReadError {
	if !reportFormats[strings.ToLower(filepath.Ext(path))] {
		return nil
	}
	err := unsupportedExt(path)
	if err != nil {
		err.Message += "；不需要检查的文件可在 .fzlint.yaml 的 exclude 中排除"
	}
	return err
}

// unsupportedExt returns the refusal for a path whose extension names a format
// fzlint does not read, or nil.
func unsupportedExt(path string) *ReadError {
	ext := strings.ToLower(filepath.Ext(path))
	if advice, ok := unsupported[ext]; ok {
		return newError(path, ErrUnsupported, "不支持 %s 格式：%s", ext, advice)
	}
	return nil
}

// kind is what a file's first bytes say it is.
type kind int

const (
	kindUnknown kind = iota
	kindZip
	kindOLE // Word 97-2003 .doc, or an encrypted Office document
	kindPDF
	kindImage
	kindArchive
	kindRTF
)

var magics = []struct {
	prefix string
	kind   kind
}{
	{"PK\x03\x04", kindZip},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", kindOLE},
	{"%PDF-", kindPDF},
	{"{\\rtf", kindRTF},
	{"\x89PNG\r\n\x1a\n", kindImage},
	{"\xFF\xD8\xFF", kindImage},
	{"GIF87a", kindImage},
	{"GIF89a", kindImage},
	{"II*\x00", kindImage},
	{"MM\x00*", kindImage},
	{"Rar!\x1a\x07", kindArchive},
	{"7z\xBC\xAF\x27\x1C", kindArchive},
	{"\x1F\x8B", kindArchive},
}

// sniff tells what data is from its first bytes.
func sniff(data []byte) kind {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.kind
		}
	}
	return kindUnknown
}

// contentError refuses data whose content is not what a text, Markdown or
// HTML file holds, whatever the file's extension says; nil if it may be text.
func contentError(path string, data []byte) *ReadError {
	var what, advice string
	switch sniff(data) {
	case kindZip:
		if bytes.Contains(data, []byte("word/document.xml")) {
			return newError(path, ErrUnsupported, "文件内容是 Word .docx 文档：请把扩展名改为 .docx 后再检查")
		}
		what, advice = "zip 压缩包或 Office 文档", adviceArchive
	case kindOLE:
		what, advice = "旧版 Office 文档（.doc/.xls）或加密文档", adviceDocx
	case kindPDF:
		what, advice = "PDF", unsupported[".pdf"]
	case kindRTF:
		what, advice = "RTF 文档", adviceDocx
	case kindImage:
		what, advice = "图片", adviceImage
	case kindArchive:
		what, advice = "压缩包", adviceArchive
	default:
		return nil
	}
	return newError(path, ErrUnsupported, "文件内容是%s，不是文本：%s", what, advice)
}
