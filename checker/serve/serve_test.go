package serve_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/serve"
)

// start runs a server on a free loopback port and returns its base address
// and token.
func start(t *testing.T) (*serve.Server, string, string) {
	t.Helper()
	srv, err := serve.New(lint.New(lint.Options{NoConfig: true}))
	if err != nil {
		t.Fatal(err)
	}
	ln, addr, err := srv.Listen(0)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { ln.Close() })
	u, err := url.Parse(addr)
	if err != nil || u.Hostname() != "127.0.0.1" || u.Port() == "0" {
		t.Fatalf("address %q", addr)
	}
	return srv, "http://" + u.Host, u.Query().Get("t")
}

// post sends an upload and returns the answer's status, headers and body.
func post(t *testing.T, base, path, token, name string, body io.Reader, length int64) (reply, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = length
	if token != "" {
		req.Header.Set(serve.TokenHeader, token)
	}
	req.Header.Set(serve.NameHeader, url.PathEscape(name))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header}, b
}

type reply struct {
	StatusCode int
	Header     http.Header
}

func TestRefusesWithoutToken(t *testing.T) {
	_, base, token := start(t)
	report, _ := os.ReadFile("../../testdata/reports/白河市-2023-草稿.txt")
	for _, tc := range []struct{ query, token string }{{"", ""}, {"?t=wrong", "wrong"}, {"?t=" + token[:len(token)-1], token[:len(token)-1]}} {
		resp, err := http.Get(base + "/" + tc.query)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET /%s: %d, want 403", tc.query, resp.StatusCode)
		}
		for _, path := range []string{"/check", "/annotate"} {
			if resp, _ := post(t, base, path, tc.token, "a.txt", bytes.NewReader(report), int64(len(report))); resp.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s with token %q: %d, want 403", path, tc.token, resp.StatusCode)
			}
		}
	}
	resp, err := http.Get(base + "/?t=" + token)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Contains(page, []byte(`id="file"`)) {
		t.Errorf("the page with its token: %d", resp.StatusCode)
	}
}

func TestRefusesOtherHosts(t *testing.T) {
	srv, base, token := start(t)
	host := strings.TrimPrefix(base, "http://")
	for _, tc := range []struct{ remote, host string }{
		{"192.0.2.7:5555", host},                // another computer
		{"[2001:db8::1]:5555", host},            // another computer, IPv6
		{"127.0.0.1:5555", "evil.example:8080"}, // a page elsewhere, through DNS rebinding
	} {
		req := httptest.NewRequest(http.MethodGet, "http://"+tc.host+"/?t="+token, nil)
		req.RemoteAddr, req.Host = tc.remote, tc.host
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden {
			t.Errorf("from %s to %s: %d, want 403", tc.remote, tc.host, rec.Code)
		}
	}
}

func TestRefusesOverTheLimit(t *testing.T) {
	_, base, token := start(t)
	over := int64(doc.MaxFileSize) + 1
	// Announced: refused before reading.
	resp, body := post(t, base, "/check", token, "大.txt", io.LimitReader(zeros{}, over), over)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), "超过上限 64 MB") {
		t.Errorf("announced %d bytes: %d %s", over, resp.StatusCode, body)
	}
	// Not announced (chunked): cut at the limit.
	resp, body = post(t, base, "/check", token, "大.txt", io.LimitReader(zeros{}, over), -1)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked %d bytes: %d %s", over, resp.StatusCode, body)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestCheckAndAnnotate(t *testing.T) {
	_, base, token := start(t)
	report, _ := os.ReadFile("../../testdata/reports/白河市-2023-草稿.txt")
	resp, body := post(t, base, "/check", token, "../白河市-草稿.txt", bytes.NewReader(report), int64(len(report)))
	var got struct {
		Name     string
		Error    *struct{ Code string }
		Findings int
		Missing  int
		Report   string
	}
	if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &got) != nil {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if got.Name != "白河市-草稿.txt" || got.Error != nil || got.Findings != 26 || got.Missing != 2 ||
		!strings.Contains(got.Report, `<table class="checklist">`) || strings.Count(got.Report, `<li class="sev-`) != 26 {
		t.Errorf("check: %+v", got)
	}
	resp, body = post(t, base, "/annotate", token, "白河市-草稿.txt", bytes.NewReader(report), int64(len(report)))
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Disposition"), url.PathEscape("白河市-草稿-审核.docx")) {
		t.Fatalf("annotate: %d %v", resp.StatusCode, resp.Header)
	}
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	comments := 0
	for _, f := range zr.File {
		if f.Name == "word/comments.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			comments = bytes.Count(b, []byte(`w:author="fzlint"`))
		}
	}
	if comments != 26 {
		t.Errorf("%d comments, want 26", comments)
	}
	resp, body = post(t, base, "/check", token, "坏.docx", strings.NewReader("not a zip"), 9)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"code":"corrupt"`) {
		t.Errorf("a broken .docx: %d %s", resp.StatusCode, body)
	}
}
