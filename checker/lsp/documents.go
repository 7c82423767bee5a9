package lsp

import (
	"errors"
	"net/url"
	"path/filepath"
	"slices"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// document is a buffer the client has open.
type document struct {
	uri     string
	path    string // the file the URI names; "" for other schemes (untitled:)
	version int
	text    string
	// items are the diagnostics last published for the document, computed
	// from the buffer at version linted.
	items  []item
	linted int
}

func (s *server) didOpen(p didOpenParams) {
	td := p.TextDocument
	d := &document{uri: td.URI, path: uriPath(td.URI), version: td.Version, text: td.Text}
	s.docs[d.uri] = d
	if !checkable(d.path) {
		s.logf("%s: not a report fzlint reads (.txt .md .docx .html), not checked", d.uri)
		return
	}
	s.check(d)
}

func (s *server) didChange(p didChangeParams) {
	d := s.docs[p.TextDocument.URI]
	if d == nil || len(p.ContentChanges) == 0 {
		return
	}
	d.version = p.TextDocument.Version
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			d.text = c.Text
			continue
		}
		start, end := s.enc.offset(d.text, c.Range.Start), s.enc.offset(d.text, c.Range.End)
		d.text = d.text[:start] + c.Text + d.text[max(start, end):]
	}
	// A .docx or .html buffer is not what the reader reads: it is checked
	// again from the file when saved.
	if checkable(d.path) && fromBuffer(d.path) {
		s.check(d)
	}
}

// didSave checks every open document again with configs and packs read
// afresh: the save may have been of a .fzlint.yaml or a pack, and a client
// that does not send us those files still sends the report's save after the
// user has edited them. Loading the packs takes some 20 ms.
func (s *server) didSave() {
	s.engines.reset()
	uris := make([]string, 0, len(s.docs))
	for uri, d := range s.docs {
		if checkable(d.path) {
			uris = append(uris, uri)
		}
	}
	slices.Sort(uris) // publish in a stable order
	for _, uri := range uris {
		s.check(s.docs[uri])
	}
}

func (s *server) didClose(p documentParams) {
	uri := p.TextDocument.URI
	if _, ok := s.docs[uri]; !ok {
		return
	}
	delete(s.docs, uri)
	s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []diagnostic{}})
}

// check lints d and publishes its diagnostics.
func (s *server) check(d *document) {
	d.items, d.linted = s.lint(d), d.version
	v := d.linted
	s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: diagnostics(d.items)})
}

// lint runs the engine over the buffer of d (text, Markdown) or over its file
// (.docx, .html). A document that cannot be checked gets one diagnostic
// saying why.
func (s *server) lint(d *document) []item {
	eng, err := s.engines.forPath(d.path)
	if err != nil {
		s.showError(err.Error())
		return []item{troubleItem("config", severityError, "配置或规则包有误，未检查："+err.Error())}
	}
	var dd *doc.Document
	if fromBuffer(d.path) {
		// The client sends the buffer as UTF-8, whatever the file's encoding.
		dd, err = doc.ReadBytes(d.path, []byte(d.text), doc.Options{Encoding: "utf-8"})
	} else {
		dd, err = doc.Read(d.path, doc.Options{Encoding: s.opts.Encoding})
	}
	if err != nil {
		return []item{readTrouble(err)}
	}
	loc := &locator{d: dd, enc: s.enc}
	if dd.Locator != nil {
		loc.source = splitLines(d.text)
	}
	r := checker.FileResult{Path: d.path, Doc: dd, Findings: eng.Check(dd)}
	s.engines.linter.Suppress(&r) // the same suppressions as fzlint check
	return findingItems(r.Findings, loc, fromBuffer(d.path))
}

// readTrouble is the diagnostic of a document the reader refused. An empty
// buffer is only information: every new file starts empty.
func readTrouble(err error) item {
	code, msg := doc.ErrUnreadable, err.Error()
	var re *doc.ReadError
	if errors.As(err, &re) {
		code, msg = re.Code, re.Message
	}
	sev := severityError
	if code == doc.ErrEmpty {
		sev = severityInformation
	}
	return troubleItem(code, sev, "未检查："+msg)
}

// checkable tells whether the server checks the file at path: the formats a
// directory walk of `fzlint check` picks up.
func checkable(path string) bool {
	return path != "" && doc.Checkable(path)
}

// fromBuffer tells whether the editor buffer of path is what the reader
// reads. A .docx is a zip, and an HTML page may be in an encoding the client
// decoded: those are read from the file.
func fromBuffer(path string) bool {
	f := doc.FormatOf(path)
	return f == doc.FormatText || f == doc.FormatMarkdown
}

// uriPath returns the file path of a file: URI, "" for any other URI.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return ""
	}
	p := u.Path
	// file:///C:/dir/a.txt names C:/dir/a.txt on Windows.
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return filepath.FromSlash(p)
}
