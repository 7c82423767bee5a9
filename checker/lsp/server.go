// Package lsp is fzlint's language server: the Language Server Protocol over
// a byte stream (stdio), JSON-RPC 2.0 with Content-Length framing. It checks
// editor buffers with the same engine and configs as `fzlint check`, so an
// editor never shows other findings than the command line (autocorrect's
// mistake), and offers the findings' fixes as quick fixes.
//
// Messages are handled one at a time, in the order they come. Checks run in
// the background, one at a time, on a snapshot of the buffer: edits that come
// while one runs are applied at once, and the buffer is checked again when
// the edits pause (checkDelay), so a burst of keystrokes costs one check of
// the final text, not one per keystroke. The result of a check whose buffer
// has changed since is dropped, never published.
package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lint"
)

// Options configure the server; they are the flags of `fzlint lsp`.
type Options struct {
	Config   string // one config for every file; "" finds .fzlint.yaml per file
	NoConfig bool   // every embedded pack with default severities
	Encoding string // forced encoding for files read from disk (.html)
	Version  string // reported in serverInfo
	// MaxBytes bounds the buffers checked; 0 means doc.MaxTextBytes, the
	// limit of `fzlint check` on a document's text.
	MaxBytes int
	Log      io.Writer // what the server drops or fails on (stderr); nil discards
}

// checkDelay is how long edits must pause before the buffer is checked: a
// burst of keystrokes is checked once, for its final text.
const checkDelay = 15 * time.Millisecond

// server is the state of one session. Only Serve's goroutine touches it; a
// background check gets a snapshot and hands back a checkResult.
type server struct {
	opts        Options
	log         *lockedWriter // the reader and the checks log too
	out         io.Writer
	writeErr    error // the first failed write: the client is gone
	enc         encoding
	initialized bool
	shutdown    bool
	engines     *engines
	docs        map[string]*document // by URI
	shown       map[string]bool      // errors already shown with window/showMessage
	running     bool                 // a background check is under way
	results     chan checkResult     // where it reports
	delay       *time.Timer          // checkDelay after the last edit; nil when not waiting
}

// frame is what the reader goroutine hands on: a message, or the end of the
// stream.
type frame struct {
	body []byte
	err  error
}

// Serve runs the server on in and out until the client sends exit. It
// returns nil when exit follows shutdown, as the protocol asks for exit code
// 0, and an error otherwise (exit code 1).
func Serve(in io.Reader, out io.Writer, opts Options) error {
	s := newServer(out, opts)
	frames := make(chan frame, 256)
	done := make(chan struct{})
	defer close(done)
	go readFrames(newFrameReader(in, func(msg string) { s.logf("%s", msg) }), frames, done)
	for {
		var delayed <-chan time.Time
		if s.delay != nil {
			delayed = s.delay.C
		}
		select {
		case f := <-frames:
			switch {
			case errors.Is(f.err, io.EOF) && s.shutdown:
				return nil
			case errors.Is(f.err, io.EOF):
				return errors.New("the client closed the connection without shutdown and exit")
			case f.err != nil:
				return f.err
			}
			if s.handle(f.body) {
				if !s.shutdown {
					return errors.New("exit without shutdown")
				}
				return nil
			}
		case <-delayed:
			s.delay = nil
			s.startCheck()
		case r := <-s.results:
			s.finish(r)
		}
		if s.writeErr != nil {
			return s.writeErr
		}
	}
}

// readFrames reads messages off the stream as they come, so that edits are
// taken in while a check runs, until the stream ends or Serve returns.
func readFrames(r *frameReader, frames chan<- frame, done <-chan struct{}) {
	for {
		body, err := r.next()
		select {
		case frames <- frame{body, err}:
		case <-done:
			return
		}
		if err != nil {
			return
		}
	}
}

func newServer(out io.Writer, opts Options) *server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = doc.MaxTextBytes
	}
	return &server{
		opts:    opts,
		log:     &lockedWriter{w: opts.Log},
		out:     out,
		enc:     utf16,
		engines: newEngines(lint.Options{Config: opts.Config, NoConfig: opts.NoConfig, Encoding: opts.Encoding}),
		docs:    map[string]*document{},
		shown:   map[string]bool{},
		results: make(chan checkResult, 1),
	}
}

// lockedWriter serialises writes to the log from the server's goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// handle handles one message and tells whether it was exit. A panic is a
// bug in fzlint: it fails that one message, never the session.
func (s *server) handle(body []byte) (exit bool) {
	var m incoming
	if err := json.Unmarshal(body, &m); err != nil {
		s.reply(json.RawMessage("null"), nil, &rpcError{codeParseError, "parse error: " + err.Error()})
		return false
	}
	if m.Method == "" {
		return false // a response: the server sends no requests
	}
	if m.Method == "exit" {
		return true
	}
	isRequest := m.ID != nil
	defer func() {
		if r := recover(); r != nil {
			s.logf("internal error in %s: %v\n%s", m.Method, r, debug.Stack())
			if isRequest {
				s.reply(m.ID, nil, &rpcError{codeInternalError, fmt.Sprintf("internal error: %v", r)})
			}
		}
	}()
	if !isRequest {
		s.notification(m.Method, m.Params)
		return false
	}
	result, rerr := s.request(m.Method, m.Params)
	s.reply(m.ID, result, rerr)
	return false
}

func (s *server) request(method string, params json.RawMessage) (any, *rpcError) {
	switch {
	case method == "initialize" && s.initialized:
		return nil, &rpcError{codeInvalidRequest, "already initialized"}
	case method == "initialize":
		var p initializeParams
		if err := decodeParams(params, &p); err != nil {
			return nil, err
		}
		return s.initialize(p), nil
	case !s.initialized:
		return nil, &rpcError{codeNotInitialized, "not initialized"}
	case s.shutdown:
		return nil, &rpcError{codeInvalidRequest, "shut down"}
	case method == "shutdown":
		s.shutdown = true
		return nil, nil
	case method == "textDocument/codeAction":
		var p codeActionParams
		if err := decodeParams(params, &p); err != nil {
			return nil, err
		}
		s.settle() // the fixes of the buffer as it is now
		return s.codeAction(p), nil
	}
	return nil, &rpcError{codeMethodNotFound, "method not found: " + method}
}

// notification handles a notification; notifications before initialize or
// after shutdown are dropped, as the protocol asks.
func (s *server) notification(method string, params json.RawMessage) {
	if !s.initialized || s.shutdown {
		return
	}
	var err *rpcError
	switch method {
	case "textDocument/didOpen":
		var p didOpenParams
		if err = decodeParams(params, &p); err == nil {
			s.didOpen(p)
		}
	case "textDocument/didChange":
		var p didChangeParams
		if err = decodeParams(params, &p); err == nil {
			s.didChange(p)
		}
	case "textDocument/didSave", "workspace/didChangeWatchedFiles":
		s.didSave()
	case "textDocument/didClose":
		var p documentParams
		if err = decodeParams(params, &p); err == nil {
			s.didClose(p)
		}
	}
	if err != nil {
		s.logf("%s: %s", method, err.Message)
	}
}

func (s *server) initialize(p initializeParams) initializeResult {
	s.initialized = true
	s.enc = chooseEncoding(p.Capabilities.General.PositionEncodings)
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   string(s.enc),
			TextDocumentSync:   textDocumentSync{OpenClose: true, Change: syncIncremental, Save: true},
			CodeActionProvider: codeActionProvider{CodeActionKinds: []string{kindQuickFix}},
		},
		ServerInfo: serverInfo{Name: "fzlint", Version: s.opts.Version},
	}
}

func decodeParams(params json.RawMessage, v any) *rpcError {
	if len(params) == 0 {
		return &rpcError{codeInvalidParams, "missing params"}
	}
	if err := json.Unmarshal(params, v); err != nil {
		return &rpcError{codeInvalidParams, "invalid params: " + err.Error()}
	}
	return nil
}

// showError shows msg to the user with window/showMessage, once per session:
// a broken config would otherwise pop up on every keystroke.
func (s *server) showError(msg string) {
	if s.shown[msg] {
		return
	}
	s.shown[msg] = true
	s.send("window/showMessage", showMessageParams{Type: messageError, Message: "fzlint：" + msg})
}

func (s *server) reply(id json.RawMessage, result any, rerr *rpcError) {
	resp := response{JSONRPC: "2.0", ID: id, Error: rerr}
	if rerr == nil {
		raw, err := json.Marshal(result)
		if err != nil {
			resp.Error = &rpcError{codeInternalError, err.Error()}
		} else {
			resp.Result = (*json.RawMessage)(&raw)
		}
	}
	s.write(resp)
}

func (s *server) send(method string, params any) {
	s.write(notification{JSONRPC: "2.0", Method: method, Params: params})
}

func (s *server) write(v any) {
	if s.writeErr != nil {
		return
	}
	body, err := json.Marshal(v)
	if err != nil {
		s.logf("cannot encode a message: %v", err)
		return
	}
	s.writeErr = writeMessage(s.out, body)
}

// logf writes to the log (stderr), which clients show in their server log.
func (s *server) logf(format string, args ...any) {
	fmt.Fprintf(s.log, "fzlint lsp: "+format+"\n", args...)
}
