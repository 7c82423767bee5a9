// Package lsp is fzlint's language server: the Language Server Protocol over
// a byte stream (stdio), JSON-RPC 2.0 with Content-Length framing. It checks
// editor buffers with the same engine and configs as `fzlint check`, so an
// editor never shows other findings than the command line (autocorrect's
// mistake), and offers the findings' fixes as quick fixes.
//
// Messages are handled one at a time, in the order they come: a check takes
// a few milliseconds, so there is nothing to debounce or cancel.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/fzlint/fzlint/checker/lint"
)

// Options configure the server; they are the flags of `fzlint lsp`.
type Options struct {
	Config   string    // one config for every file; "" finds .fzlint.yaml per file
	NoConfig bool      // every embedded pack with default severities
	Encoding string    // forced encoding for files read from disk (.html)
	Version  string    // reported in serverInfo
	Log      io.Writer // what the server drops or fails on (stderr); nil discards
}

// server is the state of one session. Only Serve's goroutine touches it.
type server struct {
	opts        Options
	out         io.Writer
	writeErr    error // the first failed write: the client is gone
	enc         encoding
	initialized bool
	shutdown    bool
	engines     *engines
	docs        map[string]*document // by URI
	shown       map[string]bool      // errors already shown with window/showMessage
}

// Serve runs the server on in and out until the client sends exit. It
// returns nil when exit follows shutdown, as the protocol asks for exit code
// 0, and an error otherwise (exit code 1).
func Serve(in io.Reader, out io.Writer, opts Options) error {
	s := newServer(out, opts)
	r := bufio.NewReader(in)
	for {
		body, err := readMessage(r)
		var fe *frameError
		switch {
		case errors.As(err, &fe):
			s.logf("%v", err)
			continue
		case errors.Is(err, io.EOF) && s.shutdown:
			return nil
		case errors.Is(err, io.EOF):
			return errors.New("the client closed the connection without shutdown and exit")
		case err != nil:
			return err
		}
		if s.handle(body) {
			if !s.shutdown {
				return errors.New("exit without shutdown")
			}
			return nil
		}
		if s.writeErr != nil {
			return s.writeErr
		}
	}
}

func newServer(out io.Writer, opts Options) *server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &server{
		opts:    opts,
		out:     out,
		enc:     utf16,
		engines: newEngines(lint.Options{Config: opts.Config, NoConfig: opts.NoConfig, Encoding: opts.Encoding}),
		docs:    map[string]*document{},
		shown:   map[string]bool{},
	}
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
	fmt.Fprintf(s.opts.Log, "fzlint lsp: "+format+"\n", args...)
}
