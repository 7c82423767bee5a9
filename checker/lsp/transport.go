package lsp

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fzlint/fzlint/checker/doc"
)

// maxBody bounds one message: a buffer of doc.MaxFileSize bytes may double in
// size once JSON escapes it.
const maxBody = 4 * doc.MaxFileSize

// frameError is a message that could not be taken off the stream; the stream
// itself is still usable, so the server logs it and reads on.
type frameError struct{ msg string }

func (e *frameError) Error() string { return e.msg }

// readMessage reads one message framed by a "Content-Length: N" header block
// (LSP base protocol). Other headers (Content-Type) are skipped. Any error
// that is not a *frameError means the stream is gone.
func readMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	var bad string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			if errors.Is(err, io.EOF) && line != "" {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if length >= 0 || bad != "" {
				break
			}
			continue // stray blank lines between messages
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			bad = fmt.Sprintf("bad header line %q", line)
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				bad = fmt.Sprintf("bad Content-Length %q", value)
				continue
			}
			length = n
		}
	}
	switch {
	case length < 0:
		// Without a length the body cannot be skipped; reading on resynchronises
		// at the next header block the client sends.
		return nil, &frameError{"message without Content-Length: " + bad}
	case length > maxBody:
		if _, err := io.CopyN(io.Discard, r, int64(length)); err != nil {
			return nil, err
		}
		return nil, &frameError{fmt.Sprintf("message of %d bytes is over the limit of %d", length, maxBody)}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	if bad != "" {
		return nil, &frameError{bad}
	}
	return body, nil
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
