package lsp

import "encoding/json"

// JSON-RPC 2.0 envelopes and the parts of the LSP 3.17 types the server uses.
// Fields the server does not read are left out: encoding/json skips them.

// JSON-RPC error codes.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeInternalError  = -32603
	codeNotInitialized = -32002
)

// incoming is a request (ID set), a notification (no ID) or a response to a
// request of ours (no Method; the server sends none, so these are dropped).
type incoming struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// response carries exactly one of Result and Error, as JSON-RPC requires;
// Result is a pointer so that a null result is still written.
type response struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      json.RawMessage  `json:"id"`
	Result  *json.RawMessage `json:"result,omitempty"`
	Error   *rpcError        `json:"error,omitempty"`
}

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

type initializeParams struct {
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
	} `json:"capabilities"`
}

type initializeResult struct {
	Capabilities serverCapabilities `json:"capabilities"`
	ServerInfo   serverInfo         `json:"serverInfo"`
}

type serverCapabilities struct {
	PositionEncoding   string             `json:"positionEncoding"`
	TextDocumentSync   textDocumentSync   `json:"textDocumentSync"`
	CodeActionProvider codeActionProvider `json:"codeActionProvider"`
}

// syncIncremental: the client sends the edits of a change, or a whole buffer.
const syncIncremental = 2

type textDocumentSync struct {
	OpenClose bool `json:"openClose"`
	Change    int  `json:"change"`
	Save      bool `json:"save"`
}

type codeActionProvider struct {
	CodeActionKinds []string `json:"codeActionKinds"`
}

type serverInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type textDocumentItem struct {
	URI        string `json:"uri"`
	LanguageID string `json:"languageId"`
	Version    int    `json:"version"`
	Text       string `json:"text"`
}

type documentID struct {
	URI     string `json:"uri"`
	Version int    `json:"version"`
}

type didOpenParams struct {
	TextDocument textDocumentItem `json:"textDocument"`
}

type didChangeParams struct {
	TextDocument documentID `json:"textDocument"`
	// The changes apply in order, each to the buffer the one before left.
	ContentChanges []contentChange `json:"contentChanges"`
}

// contentChange replaces Range of the buffer with Text, or, without a Range,
// the whole buffer.
type contentChange struct {
	Range *lspRange `json:"range"`
	Text  string    `json:"text"`
}

type documentParams struct {
	TextDocument documentID `json:"textDocument"`
}

// position is a place in an editor buffer: Line is 0-based, Character counts
// code units of the negotiated position encoding.
type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// lspRange is a half-open span of a buffer.
type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

// Diagnostic severities.
const (
	severityError       = 1
	severityWarning     = 2
	severityInformation = 3
)

type diagnostic struct {
	Range    lspRange `json:"range"`
	Severity int      `json:"severity"`
	Code     string   `json:"code"`
	Source   string   `json:"source"`
	Message  string   `json:"message"`
}

type publishDiagnosticsParams struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version,omitempty"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

type showMessageParams struct {
	Type    int    `json:"type"`
	Message string `json:"message"`
}

// messageError is the window/showMessage type of an error.
const messageError = 1

type codeActionParams struct {
	TextDocument documentID `json:"textDocument"`
	Range        lspRange   `json:"range"`
	Context      struct {
		Only []string `json:"only"`
	} `json:"context"`
}

const kindQuickFix = "quickfix"

type textEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

type workspaceEdit struct {
	Changes map[string][]textEdit `json:"changes"`
}

type codeAction struct {
	Title       string        `json:"title"`
	Kind        string        `json:"kind"`
	Diagnostics []diagnostic  `json:"diagnostics"`
	IsPreferred bool          `json:"isPreferred"`
	Edit        workspaceEdit `json:"edit"`
}
