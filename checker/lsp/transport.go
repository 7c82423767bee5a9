package lsp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fzlint/fzlint/checker/doc"
)

// maxBody bounds one message: a buffer of doc.MaxFileSize bytes may double in
// size once JSON escapes it.
const maxBody = 2 * doc.MaxFileSize

// maxHeaderLine bounds a header line; a longer one is not a header.
const maxHeaderLine = 1 << 10

// lengthHeader starts every header block this server takes; after a frame it
// cannot read, the reader skips to the next one.
const lengthHeader = "content-length:"

// frameReader takes messages off a stream framed by "Content-Length: N"
// header blocks (the LSP base protocol) and survives a wrong frame: a length
// that is a few bytes off, a header line that is not one, bytes between
// messages. Bodies are JSON, so a body's own end is known from its brackets:
// when it disagrees with the declared length, the brackets win, and the bytes
// after the body are skipped up to the next Content-Length header. What it
// skips or mends it reports to warn.
type frameReader struct {
	r    *bufio.Reader
	warn func(string)
}

func newFrameReader(r io.Reader, warn func(string)) *frameReader {
	if warn == nil {
		warn = func(string) {}
	}
	return &frameReader{r: bufio.NewReaderSize(r, 64<<10), warn: warn}
}

// readMessage reads one message off r, as the test client reads the server's.
func readMessage(r *bufio.Reader) ([]byte, error) {
	return (&frameReader{r: r, warn: func(string) {}}).next()
}

// next returns the next message body. An error means the stream is gone:
// io.EOF at the end of a message, io.ErrUnexpectedEOF inside one.
func (f *frameReader) next() ([]byte, error) {
	for {
		length, err := f.header()
		if err != nil {
			return nil, err
		}
		if length > maxBody {
			f.warn(fmt.Sprintf("message of %d bytes is over the limit of %d: skipped", length, maxBody))
			if err := f.skipBody(length); err != nil {
				return nil, err
			}
			continue
		}
		return f.body(length)
	}
}

// header reads a header block and returns its Content-Length. Lines that are
// no header of the protocol (a body's tail after a short length, garbage)
// are skipped up to the next Content-Length header.
func (f *frameReader) header() (int, error) {
	length, started := -1, false
	for {
		line, err := f.line()
		if err != nil {
			if errors.Is(err, io.EOF) && started {
				err = io.ErrUnexpectedEOF
			}
			return 0, err
		}
		if line == "" {
			if length >= 0 {
				return length, nil
			}
			if !started {
				continue // blank lines between messages
			}
		} else if name, value, ok := strings.Cut(line, ":"); ok {
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "content-length":
				n, err := strconv.Atoi(strings.TrimSpace(value))
				if err == nil && n >= 0 {
					length, started = n, true
					continue
				}
			case "content-type":
				started = true
				continue
			}
		}
		f.warn(fmt.Sprintf("not a message header: %q; skipped to the next Content-Length", clip(line)))
		if err := f.skipTo(lengthHeader); err != nil {
			return 0, err
		}
		value, err := f.line()
		if err != nil {
			return 0, io.ErrUnexpectedEOF
		}
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil || n < 0 {
			length, started = -1, false
			continue
		}
		length, started = n, true
	}
}

// line reads a line up to "\n" without its line end. A line longer than
// maxHeaderLine is returned cut: it is no header either way.
func (f *frameReader) line() (string, error) {
	var b []byte
	for {
		c, err := f.r.ReadByte()
		if err != nil {
			if errors.Is(err, io.EOF) && len(b) > 0 {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		if c == '\n' {
			return strings.TrimRight(string(b), "\r"), nil
		}
		if len(b) < maxHeaderLine {
			b = append(b, c)
		} else {
			return string(b), nil
		}
	}
}

// skipTo discards bytes up to and including the next occurrence of pattern
// (lower case ASCII, its first byte occurring in it once), in any case.
func (f *frameReader) skipTo(pattern string) error {
	i := 0
	for i < len(pattern) {
		c, err := f.r.ReadByte()
		if err != nil {
			return err
		}
		switch lower(c) {
		case pattern[i]:
			i++
		case pattern[0]:
			i = 1
		default:
			i = 0
		}
	}
	return nil
}

// body reads a body of the declared length. A JSON object or array ends where
// its brackets close: a body that closes before the declared length ends
// there (unless only white space follows), and one still open at it goes on,
// over bytes already received, until it closes or the next Content-Length
// header begins. It never waits for bytes past the declared length.
func (f *frameReader) body(length int) ([]byte, error) {
	first, err := f.r.Peek(1)
	if length == 0 || (err == nil && first[0] != '{' && first[0] != '[') {
		// Not JSON of the protocol: read as declared; the server answers a
		// parse error.
		body := make([]byte, length)
		if _, err := io.ReadFull(f.r, body); err != nil {
			return nil, unexpected(err)
		}
		return body, nil
	}
	body := make([]byte, 0, length)
	var sc jsonScanner
	closed := false
	// Up to the declared length, take what has come in chunks.
	for !closed && len(body) < length {
		if f.r.Buffered() == 0 {
			if _, err := f.r.Peek(1); err != nil {
				return nil, unexpected(err)
			}
		}
		chunk, _ := f.r.Peek(min(f.r.Buffered(), length-len(body)))
		var n int
		n, closed = sc.scan(chunk)
		body = append(body, chunk[:n]...)
		_, _ = f.r.Discard(n)
	}
	// Past it, byte by byte, only over what has come and up to a header.
	for !closed {
		if f.r.Buffered() == 0 || !sc.inString && f.headerFollows() {
			// Nothing more has come, or the next frame begins: the body is
			// what was declared (and the server answers a parse error).
			if f.r.Buffered() > 0 {
				f.warn(fmt.Sprintf("Content-Length %d, but the message is not complete there; cut at the next header", length))
			}
			return body, nil
		}
		c, _ := f.r.ReadByte()
		body = append(body, c)
		closed = sc.step(c)
		if len(body) > maxBody {
			f.warn(fmt.Sprintf("message over the limit of %d bytes: skipped", maxBody))
			return f.next()
		}
	}
	switch rest := length - len(body); {
	case rest > 0 && f.whiteFollows(rest):
		_, _ = f.r.Discard(rest)
	case rest != 0:
		f.warn(fmt.Sprintf("Content-Length %d, but the message is %d bytes long; read as %d", length, len(body), len(body)))
	}
	return body, nil
}

// skipBody discards a body of the declared length, or up to its closing
// bracket when that comes first.
func (f *frameReader) skipBody(length int) error {
	var sc jsonScanner
	for length > 0 {
		if f.r.Buffered() == 0 {
			if _, err := f.r.Peek(1); err != nil {
				return unexpected(err)
			}
		}
		chunk, _ := f.r.Peek(min(f.r.Buffered(), length))
		n, closed := sc.scan(chunk)
		_, _ = f.r.Discard(n)
		if closed {
			return nil
		}
		length -= n
	}
	return nil
}

// headerFollows tells whether the next bytes start a Content-Length header.
// It only looks when the next byte could start one, so that it never waits
// for bytes the client has not sent.
func (f *frameReader) headerFollows() bool {
	c, err := f.r.Peek(1)
	if err != nil || lower(c[0]) != lengthHeader[0] {
		return false
	}
	next, err := f.r.Peek(len(lengthHeader))
	return err == nil && strings.EqualFold(string(next), lengthHeader)
}

// whiteFollows tells whether the next n bytes, already received, are all
// white space.
func (f *frameReader) whiteFollows(n int) bool {
	if f.r.Buffered() < n {
		return false
	}
	next, _ := f.r.Peek(n)
	for _, c := range next {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// jsonScanner follows a JSON text byte by byte far enough to tell where its
// outermost object or array closes.
type jsonScanner struct {
	depth    int
	inString bool
	escaped  bool
	started  bool
}

// scan takes the bytes of b up to the one that closes the outermost bracket
// and says how many it took and whether that one came. Inside a string it
// skips to the next quote or backslash.
func (s *jsonScanner) scan(b []byte) (int, bool) {
	for i := 0; i < len(b); i++ {
		if s.inString && !s.escaped {
			k := bytes.IndexAny(b[i:], `"\`)
			if k < 0 {
				return len(b), false
			}
			i += k
		}
		if s.step(b[i]) {
			return i + 1, true
		}
	}
	return len(b), false
}

// step takes the next byte and tells whether it closed the outermost bracket.
func (s *jsonScanner) step(c byte) bool {
	switch {
	case s.inString && s.escaped:
		s.escaped = false
	case s.inString && c == '\\':
		s.escaped = true
	case s.inString && c == '"':
		s.inString = false
	case s.inString:
	case c == '"':
		s.inString = true
	case c == '{' || c == '[':
		s.depth++
		s.started = true
	case c == '}' || c == ']':
		s.depth--
		return s.started && s.depth == 0
	}
	return false
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// writeMessage frames body and writes it in one call, so that a message is
// never interleaved with another.
func writeMessage(w io.Writer, body []byte) error {
	frame := make([]byte, 0, len(body)+32)
	frame = fmt.Appendf(frame, "Content-Length: %d\r\n\r\n", len(body))
	frame = append(frame, body...)
	_, err := w.Write(frame)
	return err
}
