package lsp

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReadMessage(t *testing.T) {
	var stream strings.Builder
	if err := writeMessage(&stream, []byte(`{"a":"中"}`)); err != nil {
		t.Fatal(err)
	}
	stream.WriteString("content-length: 2\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n{}")
	stream.WriteString("garbage\r\nContent-Length: 3\r\n\r\n[1]")
	stream.WriteString("\r\nContent-Length: 4\r\n\r\nnull")
	stream.WriteString("Content-Length: 9\r\n\r\n{")
	r := bufio.NewReader(strings.NewReader(stream.String()))

	for _, want := range []string{`{"a":"中"}`, "{}"} {
		if body, err := readMessage(r); err != nil || string(body) != want {
			t.Fatalf("readMessage = %q, %v; want %q", body, err, want)
		}
	}
	var fe *frameError
	if _, err := readMessage(r); !errors.As(err, &fe) {
		t.Fatalf("a bad header line: %v, want a frameError", err)
	}
	if body, err := readMessage(r); err != nil || string(body) != "null" {
		t.Fatalf("after a bad frame: %q, %v", body, err)
	}
	if _, err := readMessage(r); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("truncated body: %v, want ErrUnexpectedEOF", err)
	}
	if _, err := readMessage(r); !errors.Is(err, io.EOF) {
		t.Fatalf("end of stream: %v, want EOF", err)
	}
}
