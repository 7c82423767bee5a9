// Package serve is the local web page of `fzlint serve`, for drafters who
// never open a terminal: they drop a report on the page and get the
// checklist, the highlighted report and the annotated .docx.
//
// It listens on the loopback address only. Every request must come from a
// loopback address, name the server's own address in its Host header (so a
// page elsewhere cannot reach it through DNS rebinding) and carry the
// session's token, which only the address printed at start knows: another
// site open in the browser cannot drive it. Uploads are read into memory
// within the CLI's size limit, checked and forgotten; nothing is written to
// disk.
package serve

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/annotate"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lint"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/checker/output"
)

//go:embed page.html
var page []byte

// TokenHeader carries the session token on the page's requests.
const TokenHeader = "X-Fzlint-Token"

// NameHeader carries the uploaded file's name (URL-escaped), whose extension
// picks the reader.
const NameHeader = "X-Fzlint-Name"

// Server answers the page and its two requests: check an upload, annotate it.
type Server struct {
	token string
	// MaxUpload bounds an upload; the CLI's limit on a file.
	MaxUpload int64
	// host is the address the server is reached at ("127.0.0.1:port"),
	// the only Host header it answers.
	host string
	mu   sync.Mutex // the linter caches engines; one check at a time
	l    *lint.Linter
}

// New returns a server checking with l, with a fresh random token.
func New(l *lint.Linter) (*Server, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	return &Server{token: hex.EncodeToString(b), MaxUpload: doc.MaxFileSize, l: l}, nil
}

// Listen opens a listener on the loopback address at port (0: a free one)
// and returns it with the address to open, which holds the token.
func (s *Server) Listen(port int) (net.Listener, string, error) {
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return nil, "", err
	}
	s.host = ln.Addr().String()
	return ln, "http://" + s.host + "/?t=" + s.token, nil
}

// Serve answers on ln until it is closed.
func (s *Server) Serve(ln net.Listener) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute,
		WriteTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	err := srv.Serve(ln)
	if errors.Is(err, net.ErrClosed) || errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// ServeHTTP refuses what does not come from this computer's page, then
// answers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("Cache-Control", "no-store")
	if !loopback(r.RemoteAddr) {
		refuse(w, http.StatusForbidden, "只接受本机的请求")
		return
	}
	if s.host != "" && r.Host != s.host && r.Host != strings.Replace(s.host, "127.0.0.1", "localhost", 1) {
		refuse(w, http.StatusForbidden, "地址不符")
		return
	}
	switch {
	case r.URL.Path == "/" && r.Method == http.MethodGet:
		if !s.tokenOK(r.URL.Query().Get("t")) {
			refuse(w, http.StatusForbidden, "缺少或错误的访问令牌：请打开 fzlint serve 启动时显示的地址")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self' about:; img-src 'self' data: blob:")
		_, _ = w.Write(page)
	case r.URL.Path == "/check" || r.URL.Path == "/annotate":
		if r.Method != http.MethodPost {
			refuse(w, http.StatusMethodNotAllowed, "只接受 POST")
			return
		}
		if !s.tokenOK(r.Header.Get(TokenHeader)) {
			refuse(w, http.StatusForbidden, "缺少或错误的访问令牌")
			return
		}
		s.upload(w, r)
	default:
		refuse(w, http.StatusNotFound, "没有这个页面")
	}
}

func (s *Server) tokenOK(t string) bool {
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// loopback tells whether a request's remote address is this computer.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

type problem struct {
	Error string `json:"error"`
}

func refuse(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(problem{msg})
}

// checked is the answer to /check.
type checked struct {
	Name     string             `json:"name"`
	Error    *checker.FileError `json:"error"`
	Findings int                `json:"findings"`
	Missing  int                `json:"missing"` // checklist items missing
	Report   string             `json:"report"`  // the HTML report page
}

// upload reads the body as a report and answers with the check or the
// annotated .docx.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	name, err := url.PathUnescape(r.Header.Get(NameHeader))
	name = filepath.Base(filepath.FromSlash(strings.ReplaceAll(name, `\`, "/")))
	if err != nil || name == "." || name == "/" || name == "" {
		refuse(w, http.StatusBadRequest, "缺少文件名")
		return
	}
	if r.ContentLength > s.MaxUpload {
		refuse(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("%s 超过上限 %d MB", name, s.MaxUpload>>20))
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.MaxUpload))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		refuse(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("%s 超过上限 %d MB", name, s.MaxUpload>>20))
		return
	case err != nil:
		refuse(w, http.StatusBadRequest, "上传中断："+err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	res, err := s.l.CheckBytes(name, data)
	if err != nil { // a bad config or pack
		refuse(w, http.StatusInternalServerError, err.Error())
		return
	}
	if r.URL.Path == "/annotate" {
		s.annotated(w, res, data)
		return
	}
	out := checked{Name: name, Error: res.Error, Findings: len(res.Findings)}
	var buf bytes.Buffer
	p := output.NewHTML(&buf, output.Options{Review: s.review(&out)})
	if err := output.PrintAll(p, []checker.FileResult{res}); err != nil {
		refuse(w, http.StatusInternalServerError, err.Error())
		return
	}
	out.Report = buf.String()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(out)
}

// review gives the report its outline and checklist, counting missing items.
func (s *Server) review(out *checked) func(checker.FileResult) (*outline.Outline, *checklist.List) {
	return func(r checker.FileResult) (*outline.Outline, *checklist.List) {
		a, set, err := s.l.Analysis(r)
		if err != nil {
			return nil, nil
		}
		list := checklist.Build(set, a, r.Findings)
		for _, it := range list.Items {
			if it.Status == checklist.Missing {
				out.Missing++
			}
		}
		return a.Outline, list
	}
}

// annotated answers with the annotated .docx of an upload.
func (s *Server) annotated(w http.ResponseWriter, res checker.FileResult, data []byte) {
	if res.Error != nil {
		refuse(w, http.StatusUnprocessableEntity, res.Error.Message)
		return
	}
	var out []byte
	var err error
	if res.Doc.Format == doc.FormatDocx {
		out, _, err = annotate.Docx(data, res.Doc, res.Findings, annotate.Options{})
	} else {
		out, _, err = annotate.NewDocx(res.Doc, res.Findings, annotate.Options{})
	}
	if err != nil {
		refuse(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	name := strings.TrimSuffix(res.Path, filepath.Ext(res.Path)) + "-审核.docx"
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(name))
	_, _ = w.Write(out)
}
