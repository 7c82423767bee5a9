// Package annotate writes a Word document of a checked report with every
// finding as a comment (批注) on its exact range, author "fzlint", and each
// safe fix also as a tracked revision (修订: w:del + w:ins) the drafter
// accepts or rejects in Word. A .docx is copied part for part and only its
// main document part, the comments part, its relationships and the content
// types change, so its own text, styles, numbering, comments and revisions
// stay; other formats become a new .docx of their text (NewDocx).
package annotate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// Author is the name comments and revisions carry.
const Author = "fzlint"

// Options steer what is written.
type Options struct {
	NoRevisions bool // comments only: leave the text alone
}

// Result says what was written.
type Result struct {
	Comments  int // one per finding
	Revisions int // fixes written as tracked changes
	// Labels counts the findings on an automatic numbering label (which is
	// not text of the document): their comments are on the paragraph.
	Labels int
	// Revised lists the findings (indexes) whose fixes are revisions.
	Revised []int
	// Elsewhere counts the findings whose range could not be placed in the
	// document (a paragraph fzlint reads differently from its XML); their
	// comments are on the first paragraph and say where they belong.
	Elsewhere int
}

const (
	relComments = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	ctComments  = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
	maxPart     = doc.MaxPartSize
)

// Docx returns a copy of the .docx src with the findings of d (read from
// src) as comments and, unless opts say otherwise, their safe fixes as
// tracked revisions.
func Docx(src []byte, d *doc.Document, findings []checker.Finding, opts Options) ([]byte, Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, Result{}, fmt.Errorf("不是有效的 .docx 文件：%w", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	mainName := mainPart(files)
	body, err := readPart(files[mainName])
	if err != nil {
		return nil, Result{}, err
	}
	if body == nil {
		return nil, Result{}, fmt.Errorf("缺少 %s，不是 Word 文档", mainName)
	}
	if !bytes.Contains(body[:min(len(body), 4096)], []byte(`"`+nsW+`"`)) {
		return nil, Result{}, errors.New("不支持这种 Word 文档（正文不是常规 WordprocessingML，如严格 Open XML 格式）：请在 Word/WPS 中另存为 .docx 后再试")
	}
	paras, err := walk(body)
	if err != nil {
		return nil, Result{}, fmt.Errorf("%s 无法解析：%w", mainName, err)
	}
	relsName := path.Join(path.Dir(mainName), "_rels", path.Base(mainName)+".rels")
	rels, err := readPart(files[relsName])
	if err != nil {
		return nil, Result{}, err
	}
	commentsName, hasRel := commentsTarget(rels, path.Dir(mainName))
	comments, err := readPart(files[commentsName])
	if err != nil {
		return nil, Result{}, err
	}
	ct, err := readPart(files["[Content_Types].xml"])
	if err != nil {
		return nil, Result{}, err
	}
	if ct == nil { // Word needs it; checker/doc reads without it
		ct = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/` + mainName + `" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	}
	pl := newPlan(d, paras, nextID(body, comments), prefixOf(body), opts)
	for i, f := range findings {
		pl.add(i, f)
	}
	newBody := pl.apply(body)
	newComments := pl.commentsPart(comments)
	if !hasRel {
		rels = addRelationship(rels, path.Base(commentsName))
	}
	ct = addOverride(ct, "/"+commentsName)
	if !bytes.Contains(ct, []byte(`Extension="rels"`)) { // a package that names no type for its relationships
		ct = insertBefore(ct, "</Types>", `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	}

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	replaced := map[string][]byte{mainName: newBody, commentsName: newComments, relsName: rels, "[Content_Types].xml": ct}
	if files["_rels/.rels"] == nil { // Word finds the main part through it
		replaced["_rels/.rels"] = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/` + mainName + `"/></Relationships>`)
	}
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		if b, ok := replaced[name]; ok {
			if err := writePart(zw, f.Name, b); err != nil {
				return nil, Result{}, err
			}
			delete(replaced, name)
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, Result{}, err
		}
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", relsName, commentsName} { // parts the source did not have
		if b, ok := replaced[name]; ok {
			if err := writePart(zw, name, b); err != nil {
				return nil, Result{}, err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return nil, Result{}, err
	}
	return out.Bytes(), pl.result, nil
}

func writePart(zw *zip.Writer, name string, b []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// readPart reads one part within the reader's size bound; nil if absent.
func readPart(f *zip.File) ([]byte, error) {
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > maxPart {
		return nil, fmt.Errorf("%s 解压后超过上限", f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("无法解压 %s：%w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fmt.Errorf("无法解压 %s：%w", f.Name, err)
	}
	if len(b) > maxPart {
		return nil, fmt.Errorf("%s 解压后超过上限", f.Name)
	}
	return b, nil
}

type relationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// mainPart is the package's main document part.
func mainPart(files map[string]*zip.File) string {
	b, _ := readPart(files["_rels/.rels"])
	var r relationships
	if xml.Unmarshal(b, &r) == nil {
		for _, rel := range r.Rels {
			if path.Base(rel.Type) == "officeDocument" && rel.Mode != "External" {
				return strings.TrimPrefix(path.Join("/", rel.Target), "/")
			}
		}
	}
	return "word/document.xml"
}

// commentsTarget is the comments part of the main part, and whether a
// relationship already points to it.
func commentsTarget(rels []byte, dir string) (string, bool) {
	var r relationships
	if xml.Unmarshal(rels, &r) == nil {
		for _, rel := range r.Rels {
			if rel.Type == relComments {
				if strings.HasPrefix(rel.Target, "/") {
					return strings.TrimPrefix(rel.Target, "/"), true
				}
				return path.Join(dir, rel.Target), true
			}
		}
	}
	return path.Join(dir, "comments.xml"), false
}

// addRelationship adds the comments relationship, with an id no other has.
func addRelationship(rels []byte, target string) []byte {
	if rels == nil {
		rels = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	}
	id := "rIdFzlint"
	for n := 1; bytes.Contains(rels, []byte(`"`+id+`"`)); n++ {
		id = "rIdFzlint" + strconv.Itoa(n)
	}
	rel := fmt.Sprintf(`<Relationship Id="%s" Type="%s" Target="%s"/>`, id, relComments, target)
	return insertBefore(rels, "</Relationships>", rel)
}

// addOverride declares the comments part's content type, unless it is.
func addOverride(ct []byte, part string) []byte {
	if bytes.Contains(ct, []byte(`PartName="`+part+`"`)) {
		return ct
	}
	return insertBefore(ct, "</Types>", fmt.Sprintf(`<Override PartName="%s" ContentType="%s"/>`, part, ctComments))
}

func insertBefore(b []byte, end, s string) []byte {
	i := bytes.LastIndex(b, []byte(end))
	if i < 0 {
		return b
	}
	out := append([]byte{}, b[:i]...)
	out = append(out, s...)
	return append(out, b[i:]...)
}

// idAttr and nsDecl are compiled at their first use, not when every run starts.
var idAttr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`:id="(\d+)"`) })

// nextID is an id above every w:id of the body and the comments, so that
// new comments and revisions never share one.
func nextID(parts ...[]byte) int {
	most := 0
	for _, b := range parts {
		for _, m := range idAttr().FindAllSubmatch(b, -1) {
			if n, err := strconv.Atoi(string(m[1])); err == nil && n > most && n < 1<<30 {
				most = n
			}
		}
	}
	return most + 1
}

var nsDecl = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`xmlns:([A-Za-z_][\w.-]*)="` + regexp.QuoteMeta(nsW) + `"`)
})

// prefixOf is the prefix the body's root declares for WordprocessingML.
func prefixOf(body []byte) string {
	if m := nsDecl().FindSubmatch(body[:min(len(body), 8192)]); m != nil {
		return string(m[1])
	}
	return ""
}

// escape writes s as XML character data.
func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// runeCut tells whether a byte offset of s is at a rune boundary.
func runeCut(s string, i int) bool {
	return i <= 0 || i >= len(s) || utf8.RuneStart(s[i])
}
