package lsp

import (
	"bufio"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// client drives a server running in-process over pipes, as an editor would.
type client struct {
	t      testing.TB
	in     *io.PipeWriter
	msgs   chan serverMessage
	done   chan error // Serve's result
	nextID int
}

// serverMessage is anything the server writes: a response or a notification.
type serverMessage struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *rpcError       `json:"error"`
}

func newClient(t testing.TB, opts Options) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, in: inW, msgs: make(chan serverMessage, 64), done: make(chan error, 1)}
	go func() {
		err := Serve(inR, outW, opts)
		outW.Close()
		c.done <- err
	}()
	go func() {
		defer close(c.msgs)
		r := bufio.NewReader(outR)
		for {
			body, err := readMessage(r)
			if err != nil {
				return
			}
			var m serverMessage
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server wrote invalid JSON %q: %v", body, err)
				return
			}
			c.msgs <- m
		}
	}()
	t.Cleanup(func() {
		inW.Close()
		for range c.msgs {
		}
	})
	return c
}

// initialize runs the handshake; encodings are the client's positionEncodings.
func (c *client) initialize(encodings ...string) initializeResult {
	c.t.Helper()
	params := map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}
	if encodings != nil {
		params["capabilities"] = map[string]any{"general": map[string]any{"positionEncodings": encodings}}
	}
	var res initializeResult
	c.result(c.request("initialize", params), &res)
	c.notify("initialized", map[string]any{})
	return res
}

func (c *client) sendRaw(body string) {
	c.t.Helper()
	if err := writeMessage(c.in, []byte(body)); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) send(v any) {
	c.t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(string(body))
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// request sends a request and returns its response, which must be the next
// message the server writes.
func (c *client) request(method string, params any) serverMessage {
	c.t.Helper()
	c.nextID++
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
	m := c.next()
	if string(m.ID) != string(mustJSON(c.t, c.nextID)) {
		c.t.Fatalf("%s: got %+v, want the response with id %d", method, m, c.nextID)
	}
	return m
}

func (c *client) result(m serverMessage, v any) {
	c.t.Helper()
	if m.Error != nil {
		c.t.Fatalf("error response: %+v", *m.Error)
	}
	if err := json.Unmarshal(m.Result, v); err != nil {
		c.t.Fatalf("result %s: %v", m.Result, err)
	}
}

func (c *client) next() serverMessage {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed its output")
		}
		return m
	case <-time.After(10 * time.Second):
		c.t.Fatal("no message from the server")
	}
	return serverMessage{}
}

// expect reads the next message, which must be the notification method, into params.
func (c *client) expect(method string, params any) {
	c.t.Helper()
	m := c.next()
	if m.Method != method {
		c.t.Fatalf("got %+v, want a %s notification", m, method)
	}
	if err := json.Unmarshal(m.Params, params); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) diagnostics() publishDiagnosticsParams {
	c.t.Helper()
	var p publishDiagnosticsParams
	c.expect("textDocument/publishDiagnostics", &p)
	return p
}

func (c *client) open(uri, text string) publishDiagnosticsParams {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
	return c.diagnostics()
}

// quiet asserts that the server has written nothing more, by a round trip.
func (c *client) quiet() {
	c.t.Helper()
	m := c.request("no/such/method", nil)
	if m.Error == nil || m.Error.Code != codeMethodNotFound {
		c.t.Fatalf("got %+v, want MethodNotFound", m)
	}
}

// exit sends shutdown and exit and returns what Serve returned.
func (c *client) exit() error {
	c.t.Helper()
	m := c.request("shutdown", nil)
	if m.Error != nil || string(m.Result) != "null" {
		c.t.Fatalf("shutdown: %+v", m)
	}
	c.notify("exit", nil)
	return c.wait()
}

func (c *client) wait() error {
	c.t.Helper()
	select {
	case err := <-c.done:
		return err
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not stop")
	}
	return nil
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// workdir returns a directory whose .fzlint.yaml holds config, so that no
// config above the test's temporary directory applies.
func workdir(t testing.TB, config string) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".fzlint.yaml"), config)
	return dir
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
