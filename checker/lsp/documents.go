package lsp

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// document is a buffer the client has open.
type document struct {
	uri string
	// path is the file the URI names; "" for other schemes (untitled:).
	path string
	// name is what the buffer is read as: path, or for a buffer with no file a
	// name whose extension gives its format (untitled.md).
	name    string
	version int
	text    string
	// items are the diagnostics last published for the document, computed
	// from the buffer at version linted.
	items  []item
	linted int
	// dirty: the buffer (or the config) changed since its last check began.
	dirty bool
}

// checkResult is what a background check hands back.
type checkResult struct {
	uri     string
	version int
	items   []item
}

func (s *server) didOpen(p didOpenParams) {
	td := p.TextDocument
	d := &document{uri: td.URI, path: uriPath(td.URI), version: td.Version, text: td.Text}
	d.name = bufferName(td.URI, d.path, td.LanguageID)
	s.docs[d.uri] = d
	if d.name == "" {
		s.logf("%s: not a report fzlint reads (.txt .md .docx .html), not checked", d.uri)
		return
	}
	d.dirty = true
	s.startCheck()
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
	if d.name != "" && fromBuffer(d.name) {
		d.dirty = true
		s.waitForPause()
	}
}

// didSave checks every open document again with configs and packs read
// afresh: the save may have been of a .fzlint.yaml or a pack, and a client
// that does not send us those files still sends the report's save after the
// user has edited them. Loading the packs takes some 20 ms.
func (s *server) didSave() {
	s.engines.reset()
	for _, d := range s.docs {
		if d.name != "" {
			d.dirty = true // a check under way used the old config
		}
	}
	s.startCheck()
}

func (s *server) didClose(p documentParams) {
	uri := p.TextDocument.URI
	if _, ok := s.docs[uri]; !ok {
		return
	}
	delete(s.docs, uri)
	s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []diagnostic{}})
}

// waitForPause (re)starts the wait of checkDelay after an edit.
func (s *server) waitForPause() {
	if s.delay == nil {
		s.delay = time.NewTimer(checkDelay)
		return
	}
	// Since Go 1.23 a reset timer never delivers the time it was set for.
	s.delay.Reset(checkDelay)
}

// startCheck starts a background check of the first dirty document (by URI,
// so the order is stable), unless one is under way: one check at a time.
func (s *server) startCheck() {
	if s.running {
		return
	}
	var d *document
	for _, c := range s.docs {
		if c.dirty && (d == nil || c.uri < d.uri) {
			d = c
		}
	}
	if d == nil {
		return
	}
	d.dirty = false
	eng, err := s.engines.forPath(d.name)
	if err != nil {
		s.showError(err.Error())
		s.publish(d, d.version, []item{troubleItem("config", severityError, "配置或规则包有误，未检查："+err.Error())})
		s.startCheck()
		return
	}
	s.running = true
	snap := snapshot{uri: d.uri, name: d.name, version: d.version, text: d.text, enc: s.enc,
		encoding: s.opts.Encoding, limit: s.opts.MaxBytes, suppress: s.engines.linter.Suppressor(d.name)}
	go func() {
		items := []item{troubleItem(doc.ErrInternal, severityError, "fzlint 内部错误，未检查（请报告这个问题）")}
		defer func() {
			if r := recover(); r != nil {
				s.logf("internal error checking %s: %v\n%s", snap.uri, r, debug.Stack())
			}
			s.results <- checkResult{uri: snap.uri, version: snap.version, items: items}
		}()
		items = snap.lint(eng)
	}()
}

// finish takes a background check's result: published if the buffer is
// still the one checked, dropped if it changed since (a newer check follows).
func (s *server) finish(r checkResult) {
	s.running = false
	if d := s.docs[r.uri]; d != nil && !d.dirty && d.version == r.version {
		s.publish(d, r.version, r.items)
	}
	if s.delay == nil {
		s.startCheck()
	}
}

// settle runs every pending check to its end, for a request that must see
// the diagnostics of the buffers as they are now.
func (s *server) settle() {
	for {
		if s.running {
			s.finish(<-s.results)
			continue
		}
		s.startCheck()
		if !s.running {
			return
		}
	}
}

func (s *server) publish(d *document, version int, items []item) {
	d.items, d.linted = items, version
	s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Version: &version, Diagnostics: diagnostics(items)})
}

// snapshot is a buffer as a background check sees it.
type snapshot struct {
	uri, name, text string
	version         int
	enc             encoding
	encoding        string // --encoding, for files read from disk
	limit           int    // the largest buffer checked
	// suppress applies the suppressions of the buffer's comments and config.
	suppress func(*checker.FileResult)
}

// lint runs the engine over the buffer (text, Markdown) or over its file
// (.docx, .html). A document that cannot be checked gets one diagnostic
// saying why.
func (sn snapshot) lint(eng *checker.Engine) []item {
	var dd *doc.Document
	var err error
	switch {
	case fromBuffer(sn.name) && len(sn.text) > sn.limit:
		err = &doc.ReadError{Path: sn.name, Code: doc.ErrTooLarge,
			Message: fmt.Sprintf("文字有 %d 字节，超过上限 %d 字节", len(sn.text), sn.limit)}
	case fromBuffer(sn.name):
		// The client sends the buffer as UTF-8, whatever the file's encoding.
		dd, err = doc.ReadBytes(sn.name, []byte(sn.text), doc.Options{Encoding: "utf-8"})
	default:
		dd, err = doc.Read(sn.name, doc.Options{Encoding: sn.encoding})
	}
	if err != nil {
		return []item{readTrouble(err)}
	}
	loc := &locator{d: dd, enc: sn.enc}
	if dd.Locator != nil {
		loc.source = splitLines(sn.text)
	}
	r := checker.FileResult{Path: sn.name, Doc: dd, Findings: eng.Check(dd)}
	sn.suppress(&r) // the same suppressions as fzlint check
	return findingItems(r.Findings, loc, fromBuffer(sn.name))
}

// readTrouble is the diagnostic of a document the reader refused. An empty
// buffer, or one with nothing to check yet (front matter), is only
// information: every new file starts so.
func readTrouble(err error) item {
	code, msg := doc.ErrUnreadable, err.Error()
	var re *doc.ReadError
	if errors.As(err, &re) {
		code, msg = re.Code, re.Message
	}
	sev := severityError
	if code == doc.ErrEmpty || code == doc.ErrNoText {
		sev = severityInformation // every new buffer starts so
	}
	return troubleItem(code, sev, "未检查："+msg)
}

// bufferName is the name a buffer is checked as, "" for one the server does
// not check. A file is checked as itself when it is in a format a directory
// walk of `fzlint check` picks up. A buffer with no file (untitled:, or any
// other scheme) is text the user is writing: checked as Markdown when the
// editor says it is, as plain text otherwise, with the config that applies
// to the server's working directory.
func bufferName(uri, path, languageID string) string {
	switch {
	case path != "" && doc.Checkable(path):
		return path
	case path != "":
		return ""
	case languageID == "markdown":
		return "untitled.md"
	case languageID == "" || languageID == "plaintext" || languageID == "text":
		return "untitled.txt"
	}
	if u, err := url.Parse(uri); err == nil && fromBuffer(u.Path) && doc.Checkable(u.Path) {
		return "untitled" + filepath.Ext(u.Path)
	}
	return ""
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
