package lsp

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// goodReport is the fzzf pack's passing example: no finding of the fzzf pack.
const goodReport = `青山县司法局关于2023年度法治政府建设情况的报告

2023年，我局坚持以习近平法治思想为指导，现将有关情况报告如下：

一、2023年度推进法治政府建设的主要举措和成效
（一）健全依法决策机制。全年审查规范性文件12件，办理行政复议案件35件，复议纠错率8%。
（二）严格规范公正文明执法。开展执法检查46次，培训执法人员320人次。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局主要负责人认真履行第一责任人职责，主持召开专题会议4次，带头述法。
三、存在的不足和原因
一是执法队伍专业力量不足；二是基层法治宣传形式单一。主要原因是人员编制有限，培训投入不够。
四、2024年工作安排
（一）加强执法队伍建设，全年组织培训不少于4期。
（二）推进“八五”普法，开展法治宣传进基层活动。
（三）完善合法性审查机制，实现重大决策审查全覆盖。
五、其他需要报告的情况
无。

青山县司法局
2024年2月20日
`

const (
	title    = "青山县司法局关于2023年度法治政府建设情况的报告"
	date     = "2024年2月20日"
	fzzfOnly = "packs: [fzzf]\n"
)

func TestInitialize(t *testing.T) {
	c := newClient(t, Options{Version: "1.2.3"})
	if m := c.request("textDocument/codeAction", map[string]any{}); m.Error == nil || m.Error.Code != codeNotInitialized {
		t.Errorf("request before initialize: got %+v, want ServerNotInitialized", m)
	}
	got := c.initialize()
	want := initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   "utf-16",
			TextDocumentSync:   textDocumentSync{OpenClose: true, Change: 2, Save: true},
			CodeActionProvider: codeActionProvider{CodeActionKinds: []string{"quickfix"}},
		},
		ServerInfo: serverInfo{Name: "fzlint", Version: "1.2.3"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("initialize = %+v, want %+v", got, want)
	}
	if m := c.request("initialize", map[string]any{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("second initialize: got %+v, want InvalidRequest", m)
	}
	c.quiet() // an unknown request is MethodNotFound
	c.notify("$/unknownNotification", map[string]any{})
	if err := c.exit(); err != nil {
		t.Errorf("exit after shutdown: Serve = %v, want nil", err)
	}
}

func TestPositionEncodingUTF32(t *testing.T) {
	c := newClient(t, Options{})
	if got := c.initialize("utf-8", "utf-32", "utf-16").Capabilities.PositionEncoding; got != "utf-32" {
		t.Errorf("positionEncoding = %q, want utf-32", got)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize()
	c.notify("exit", nil)
	if err := c.wait(); err == nil {
		t.Error("exit without shutdown: Serve = nil, want an error (exit code 1)")
	}
}

func TestRequestAfterShutdown(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize()
	c.request("shutdown", nil)
	if m := c.request("textDocument/codeAction", map[string]any{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("request after shutdown: got %+v, want InvalidRequest", m)
	}
	c.notify("exit", nil)
	if err := c.wait(); err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
}

func TestDiagnosticsOfBuffer(t *testing.T) {
	dir := workdir(t, fzzfOnly)
	uri := fileURI(filepath.Join(dir, "报告.txt")) // never written: the buffer is checked
	c := newClient(t, Options{})
	c.initialize()
	got := c.open(uri, strings.Replace(goodReport, date+"\n", "", 1))
	one := 1
	want := publishDiagnosticsParams{URI: uri, Version: &one, Diagnostics: []diagnostic{{
		Range:    lspRange{Start: position{18, 0}, End: position{18, 6}},
		Severity: severityError,
		Code:     "fzzf/date-missing",
		Source:   "fzlint",
		Message:  "缺少成文日期\n依据：《党政机关公文处理工作条例》第九条（成文日期）",
	}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("publishDiagnostics =\n%+v\nwant\n%+v", got, want)
	}
	if !strings.Contains(uri, "%E6%8A%A5") {
		t.Fatalf("test URI %s should be percent-encoded", uri)
	}

	// A change is checked at once; the clean buffer clears the diagnostic.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"text": goodReport}},
	})
	if got := c.diagnostics(); *got.Version != 2 || len(got.Diagnostics) != 0 {
		t.Errorf("after didChange: %+v, want version 2 and no diagnostics", got)
	}

	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	closed := c.diagnostics()
	if closed.URI != uri || closed.Diagnostics == nil || len(closed.Diagnostics) != 0 {
		t.Errorf("didClose published %+v, want an empty list", closed)
	}
	c.quiet()
}

func TestUTF16Positions(t *testing.T) {
	// 𠀀 (U+20000) is one code point and two UTF-16 code units.
	text := strings.Replace(goodReport, title, "青山县𠀀司法局关于2023年度法治政府建设情况的报告。", 1)
	uri := fileURI(filepath.Join(workdir(t, fzzfOnly), "a.txt"))
	for _, tc := range []struct {
		encodings []string
		char      int
	}{
		{nil, 27},                // utf-16: 26 code points before 。, one of them a pair
		{[]string{"utf-32"}, 26}, // code points
	} {
		c := newClient(t, Options{})
		c.initialize(tc.encodings...)
		var got *diagnostic
		for _, d := range c.open(uri, text).Diagnostics {
			if d.Code == "fzzf/title-end-punct" {
				got = &d
			}
		}
		want := lspRange{Start: position{0, tc.char}, End: position{0, tc.char + 1}}
		if got == nil || got.Range != want {
			t.Errorf("%v: title-end-punct at %+v, want %+v", tc.encodings, got, want)
		}
	}
}

func TestCodeAction(t *testing.T) {
	text := strings.Replace(strings.Replace(goodReport, title, title+"。", 1), date, "2024-02-20", 1)
	uri := fileURI(filepath.Join(workdir(t, fzzfOnly), "a.txt"))
	c := newClient(t, Options{})
	c.initialize()
	diags := c.open(uri, text).Diagnostics

	actionsAt := func(r lspRange, only ...string) []codeAction {
		t.Helper()
		params := map[string]any{"textDocument": map[string]any{"uri": uri}, "range": r,
			"context": map[string]any{"diagnostics": diags, "only": only}}
		var actions []codeAction
		c.result(c.request("textDocument/codeAction", params), &actions)
		return actions
	}
	edits := func(actions []codeAction) []textEdit {
		var es []textEdit
		for _, a := range actions {
			if a.Kind != "quickfix" || len(a.Edit.Changes) != 1 || len(a.Diagnostics) != 1 {
				t.Errorf("malformed action %+v", a)
			}
			es = append(es, a.Edit.Changes[uri]...)
		}
		return es
	}

	// The cursor on the date.
	got := actionsAt(lspRange{Start: position{19, 3}, End: position{19, 3}})
	want := []textEdit{{Range: lspRange{Start: position{19, 0}, End: position{19, 10}}, NewText: date}}
	if !reflect.DeepEqual(edits(got), want) {
		t.Errorf("fix of the date = %+v, want %+v", edits(got), want)
	}
	if len(got) == 1 && (got[0].Title != "改为“2024年2月20日”（fzzf/date-separators）" || got[0].Diagnostics[0].Code != "fzzf/date-separators") {
		t.Errorf("action = %+v", got[0])
	}

	// The whole title line: title-name has no fix, title-end-punct deletes the 。.
	got = actionsAt(lspRange{Start: position{0, 0}, End: position{0, 26}}, "quickfix")
	want = []textEdit{{Range: lspRange{Start: position{0, 25}, End: position{0, 26}}, NewText: ""}}
	if !reflect.DeepEqual(edits(got), want) {
		t.Errorf("fix of the title = %+v, want %+v", edits(got), want)
	}
	if len(got) == 1 && got[0].Title != "删除“。”（fzzf/title-end-punct）" {
		t.Errorf("title = %q", got[0].Title)
	}

	// Nothing fixable here, or not the kind asked for.
	if got := actionsAt(lspRange{Start: position{5, 0}, End: position{5, 2}}); len(got) != 0 {
		t.Errorf("no finding on line 5, got %+v", got)
	}
	if got := actionsAt(lspRange{Start: position{19, 3}, End: position{19, 3}}, "refactor"); len(got) != 0 {
		t.Errorf("only refactor, got %+v", got)
	}
}

func TestConfigError(t *testing.T) {
	dir := workdir(t, "packs: [no-such-pack]\n")
	c := newClient(t, Options{})
	c.initialize()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": fileURI(filepath.Join(dir, "a.txt")), "version": 1, "text": goodReport}})
	var shown showMessageParams
	c.expect("window/showMessage", &shown)
	if shown.Type != messageError || !strings.Contains(shown.Message, "no-such-pack") {
		t.Errorf("showMessage = %+v", shown)
	}
	checkBroken := func(p publishDiagnosticsParams) {
		t.Helper()
		if len(p.Diagnostics) != 1 {
			t.Fatalf("diagnostics = %+v, want one saying the config is broken", p.Diagnostics)
		}
		d := p.Diagnostics[0]
		if d.Code != "config" || d.Severity != severityError || d.Range != (lspRange{}) || !strings.Contains(d.Message, "no-such-pack") {
			t.Errorf("diagnostic = %+v", d)
		}
	}
	checkBroken(c.diagnostics())

	// A second file under the same config: no second message box.
	checkBroken(c.open(fileURI(filepath.Join(dir, "b.txt")), goodReport))

	// Fixing the config and saving takes effect without a restart.
	writeFile(t, filepath.Join(dir, ".fzlint.yaml"), fzzfOnly)
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(filepath.Join(dir, "b.txt"))}})
	for range 2 {
		if p := c.diagnostics(); len(p.Diagnostics) != 0 {
			t.Errorf("after fixing the config: %+v", p)
		}
	}
	c.quiet()
}

func TestReadErrorIsNotClean(t *testing.T) {
	uri := fileURI(filepath.Join(workdir(t, fzzfOnly), "a.txt"))
	c := newClient(t, Options{})
	c.initialize()
	got := c.open(uri, "").Diagnostics
	if len(got) != 1 || got[0].Code != "empty" || got[0].Severity != severityInformation {
		t.Errorf("empty buffer: %+v, want one information diagnostic", got)
	}
}

func TestMalformedInput(t *testing.T) {
	var log bytes.Buffer // read once Serve has returned
	c := newClient(t, Options{Log: &log})
	c.initialize()

	c.sendRaw(`{"jsonrpc":"2.0","id":`)
	if m := c.next(); m.Error == nil || m.Error.Code != codeParseError || string(m.ID) != "null" {
		t.Errorf("invalid JSON: got %+v, want ParseError with id null", m)
	}
	// A bad header block is logged and skipped.
	if _, err := c.in.Write([]byte("garbage\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	// Bad params: an error for a request, nothing for a notification.
	m := c.request("textDocument/codeAction", []int{1})
	if m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("bad params: got %+v, want InvalidParams", m)
	}
	c.notify("textDocument/didOpen", "not an object")
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///never/opened.txt"}})
	// A range the wrong way round or out of the buffer is no crash.
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "untitled:1", "version": 1, "text": "甲乙"}})
	c.diagnostics()
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "untitled:1", "version": 2},
		"contentChanges": []map[string]any{{"range": map[string]any{"start": map[string]any{"line": 9, "character": 9},
			"end": map[string]any{"line": -1, "character": 0}}, "text": "丙"}}})
	if got := c.diagnostics(); *got.Version != 2 {
		t.Errorf("after the change: %+v", got)
	}
	// A response from the client (to nothing) is dropped.
	c.send(map[string]any{"jsonrpc": "2.0", "id": 99, "result": nil})
	c.quiet()
	if err := c.exit(); err != nil {
		t.Errorf("Serve = %v, want nil", err)
	}
	// A panic in a notification is recovered and only logged: none may be.
	if strings.Contains(log.String(), "internal error") {
		t.Errorf("the server recovered from a panic:\n%s", log.String())
	}
}

// TestUntitledBuffers: a buffer with no file is text being written, checked
// as plain text, or as Markdown when the editor says so; a file in a format
// fzlint does not read is not checked.
func TestUntitledBuffers(t *testing.T) {
	t.Chdir(workdir(t, fzzfOnly)) // the config of the working directory applies
	c := newClient(t, Options{})
	c.initialize()
	text := strings.Replace(goodReport, date+"\n", "", 1)
	for _, lang := range []string{"plaintext", "markdown"} {
		uri := "untitled:Untitled-" + lang
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": lang, "version": 1, "text": text}})
		got := c.diagnostics()
		if got.URI != uri || len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "fzzf/date-missing" ||
			got.Diagnostics[0].Range != (lspRange{Start: position{18, 0}, End: position{18, 6}}) {
			t.Errorf("%s: %+v, want fzzf/date-missing at 18:0-18:6", lang, got)
		}
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "file:///x/main.go", "languageId": "go", "version": 1, "text": "x"}})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "untitled:Untitled-9", "languageId": "go", "version": 1, "text": "x"}})
	c.quiet()
}

func TestPanicIsRecovered(t *testing.T) {
	var out, log bytes.Buffer
	s := newServer(&out, Options{Log: &log})
	s.initialized = true
	s.engines = nil // any check now panics
	body := `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/a.txt","version":1,"text":"x"}}}`
	if exit := s.handle([]byte(body)); exit || !strings.Contains(log.String(), "internal error in textDocument/didOpen") {
		t.Errorf("exit = %v, log = %q", exit, log.String())
	}
}

// TestIncrementalChange: edits sent as ranges, several to a notification and
// each on the buffer the one before left, give the buffer the client has,
// in UTF-16 code units (𠀀 is two) or in code points.
func TestIncrementalChange(t *testing.T) {
	dir := workdir(t, fzzfOnly)
	uri := fileURI(filepath.Join(dir, "报告.txt"))
	final := strings.Replace(goodReport, date+"\n", "2024-02-20\n", 1)
	final = strings.Replace(final, "青山县司法局关于", "青山县𠀀公安局关于", 1)
	for _, tc := range []struct {
		encodings []string
		pair      int // code units of 𠀀
	}{{nil, 2}, {[]string{"utf-32"}, 1}} {
		c := newClient(t, Options{})
		c.initialize(tc.encodings...)
		if got := c.open(uri, goodReport); len(got.Diagnostics) != 0 {
			t.Fatalf("the good report has diagnostics: %+v", got.Diagnostics)
		}
		at := func(line, char int) map[string]any { return map[string]any{"line": line, "character": char} }
		c.notify("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": 2},
			"contentChanges": []map[string]any{
				{"range": map[string]any{"start": at(19, 0), "end": at(20, 0)}, "text": ""},             // the date line, gone
				{"range": map[string]any{"start": at(19, 0), "end": at(19, 0)}, "text": "2024-02-20\n"}, // and another
				{"range": map[string]any{"start": at(0, 3), "end": at(0, 3)}, "text": "𠀀"},
				{"range": map[string]any{"start": at(0, 3+tc.pair), "end": at(0, 5+tc.pair)}, "text": "公安"},
			},
		})
		got := c.diagnostics()
		fresh := newClient(t, Options{})
		fresh.initialize(tc.encodings...)
		want := fresh.open(uri, final)
		if len(want.Diagnostics) == 0 || !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
			t.Errorf("%v: after the edits\n%+v\nwant, as for the whole buffer,\n%+v", tc.encodings, got.Diagnostics, want.Diagnostics)
		}
		c.quiet()
		fresh.quiet()
	}
}
