package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// rapidEdits sends n edits to uri in one write, each appending a line, as
// fast as a client forwards keystrokes, and returns the final text.
func rapidEdits(t testing.TB, c *client, uri, text string, n int) string {
	lines := strings.Count(text, "\n")
	var burst bytes.Buffer
	for i := 0; i < n; i++ {
		edit := fmt.Sprintf("第%d行。\n", i)
		body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": i + 2},
			"contentChanges": []map[string]any{{"range": lspRange{Start: position{lines + i, 0}, End: position{lines + i, 0}},
				"text": edit}},
		}})
		if err != nil {
			t.Fatal(err)
		}
		if err := writeMessage(&burst, body); err != nil {
			t.Fatal(err)
		}
		text += edit
	}
	if _, err := c.in.Write(burst.Bytes()); err != nil {
		t.Fatal(err)
	}
	return text
}

// TestRapidEditsAreCoalesced: a burst of edits is checked for its final
// text, not once per edit, and no diagnostics of an older buffer follow
// those of a newer one.
func TestRapidEditsAreCoalesced(t *testing.T) {
	uri := fileURI(filepath.Join(workdir(t, fzzfOnly), "报告.txt"))
	c := newClient(t, Options{})
	c.initialize()
	c.open(uri, goodReport)
	const n = 50
	final := rapidEdits(t, c, uri, goodReport, n)
	publishes, last := 0, 1
	var got publishDiagnosticsParams
	for last != n+1 {
		got = c.diagnostics()
		publishes++
		if *got.Version <= last {
			t.Fatalf("diagnostics of version %d after those of version %d", *got.Version, last)
		}
		last = *got.Version
	}
	if publishes >= n {
		t.Errorf("%d edits published %d times: not coalesced", n, publishes)
	}
	fresh := newClient(t, Options{})
	fresh.initialize()
	want := fresh.open(uri, final)
	if len(want.Diagnostics) == 0 || !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
		t.Errorf("final diagnostics\n%+v\nwant, as for the whole buffer,\n%+v", got.Diagnostics, want.Diagnostics)
	}
	c.quiet()
}

// TestCodeActionSeesLastEdit: a code action asked for right after an edit
// answers for the edited buffer; its diagnostics are published first.
func TestCodeActionSeesLastEdit(t *testing.T) {
	uri := fileURI(filepath.Join(workdir(t, fzzfOnly), "a.txt"))
	c := newClient(t, Options{})
	c.initialize()
	c.open(uri, goodReport)
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"range": lspRange{Start: position{19, 0}, End: position{19, 10}}, "text": "2024-02-20"}},
	})
	c.nextID++
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": "textDocument/codeAction", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": lspRange{Start: position{19, 3}, End: position{19, 3}},
		"context": map[string]any{"diagnostics": []any{}}}})
	if got := c.diagnostics(); *got.Version != 2 || len(got.Diagnostics) != 1 {
		t.Fatalf("diagnostics before the answer: %+v", got)
	}
	var actions []codeAction
	c.result(c.next(), &actions)
	want := []textEdit{{Range: lspRange{Start: position{19, 0}, End: position{19, 10}}, NewText: date}}
	if len(actions) != 1 || !reflect.DeepEqual(actions[0].Edit.Changes[uri], want) {
		t.Errorf("actions %+v, want the date fix %+v", actions, want)
	}
}

// TestBadFramesThenRequest: after a frame whose Content-Length is off (by
// +254, +4, −6 bytes, the cases that once made the server deaf), the server
// logs it and answers the next well-formed request.
func TestBadFramesThenRequest(t *testing.T) {
	for _, off := range []int{254, 4, -6} {
		var log bytes.Buffer // read once Serve has returned
		c := newClient(t, Options{Log: &log})
		c.initialize()
		body := `{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}`
		if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body)+off, body); err != nil {
			t.Fatal(err)
		}
		c.quiet()
		if err := c.exit(); err != nil {
			t.Errorf("%+d: Serve = %v", off, err)
		}
		if !strings.Contains(log.String(), "Content-Length") {
			t.Errorf("%+d: nothing logged: %q", off, log.String())
		}
	}
}

// TestBufferOverLimit: a buffer over the size limit is not checked, and says
// so, as `fzlint check` says of a file over it.
func TestBufferOverLimit(t *testing.T) {
	uri := fileURI(filepath.Join(workdir(t, fzzfOnly), "a.txt"))
	c := newClient(t, Options{MaxBytes: 2000})
	c.initialize()
	got := c.open(uri, strings.Repeat("法治政府建设。", 100))
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "too-large" || got.Diagnostics[0].Severity != severityError {
		t.Errorf("%+v, want one too-large error", got)
	}
	if got := c.open(uri, goodReport); len(got.Diagnostics) != 0 {
		t.Errorf("a buffer within the limit: %+v", got)
	}
}
