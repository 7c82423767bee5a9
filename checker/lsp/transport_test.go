package lsp

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func frameOf(body string, length int) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", length, body)
}

// TestReadMessage: well-formed frames in the forms clients write them, and
// the end of the stream.
func TestReadMessage(t *testing.T) {
	var stream strings.Builder
	if err := writeMessage(&stream, []byte(`{"a":"中"}`)); err != nil {
		t.Fatal(err)
	}
	stream.WriteString("content-length: 2\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n{}")
	stream.WriteString("\r\nContent-Length: 4\r\n\r\nnull")
	stream.WriteString(frameOf(`{"s":"}]\"{"}  `, 16)) // brackets in a string, white space after the body
	stream.WriteString("Content-Length: 9\r\n\r\n{")
	r := bufio.NewReader(strings.NewReader(stream.String()))
	for _, want := range []string{`{"a":"中"}`, "{}", "null", `{"s":"}]\"{"}`} {
		if body, err := readMessage(r); err != nil || string(body) != want {
			t.Fatalf("readMessage = %q, %v; want %q", body, err, want)
		}
	}
	if _, err := readMessage(r); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("truncated body: %v, want ErrUnexpectedEOF", err)
	}
	if _, err := readMessage(r); !errors.Is(err, io.EOF) {
		t.Fatalf("end of stream: %v, want EOF", err)
	}
}

// TestReadMessageResynchronises: after a frame whose Content-Length is off by
// a few bytes either way, or garbage between frames, the reader finds the
// next message, and says what it skipped or mended.
func TestReadMessageResynchronises(t *testing.T) {
	first := `{"jsonrpc":"2.0","id":1,"method":"a"}`
	second := `{"jsonrpc":"2.0","id":2,"method":"b"}`
	for _, tc := range []struct {
		name   string
		stream string
		want   []string // bodies in order
	}{
		{"length +4", frameOf(first, len(first)+4) + frameOf(second, len(second)), []string{first, second}},
		{"length +254", frameOf(first, len(first)+254) + frameOf(second, len(second)), []string{first, second}},
		{"length -6", frameOf(first, len(first)-6) + frameOf(second, len(second)), []string{first, second}},
		{"length -6, garbage after", frameOf(first, len(first)-6) + "xx\r\n" + frameOf(second, len(second)), []string{first, second}},
		{"unknown header", "X-Junk: 1\r\n\r\n" + frameOf(second, len(second)), []string{second}},
		{"garbage line", "garbage\r\nmore garbage" + frameOf(second, len(second)), []string{second}},
		{"bad length", "Content-Length: many\r\n\r\n" + frameOf(second, len(second)), []string{second}},
		{"unclosed body", frameOf(`{"a":[1,`, 8) + frameOf(second, len(second)), []string{`{"a":[1,`, second}},
	} {
		var warnings []string
		f := newFrameReader(strings.NewReader(tc.stream), func(s string) { warnings = append(warnings, s) })
		for _, want := range tc.want {
			if body, err := f.next(); err != nil || string(body) != want {
				t.Fatalf("%s: next = %q, %v; want %q", tc.name, body, err, want)
			}
		}
		if _, err := f.next(); !errors.Is(err, io.EOF) {
			t.Errorf("%s: after the last message: %v, want EOF", tc.name, err)
		}
		if len(warnings) == 0 {
			t.Errorf("%s: nothing logged", tc.name)
		}
	}
}

// TestReadMessageOverLimit: a message over the limit is skipped, not read
// into memory, and the next is read.
func TestReadMessageOverLimit(t *testing.T) {
	second := `{"id":2}`
	big := `{"t":"` + strings.Repeat("x", 100) + `"}`
	var warned string
	f := newFrameReader(strings.NewReader(frameOf(big, maxBody+1)+frameOf(second, len(second))), func(s string) { warned = s })
	if body, err := f.next(); err != nil || string(body) != second {
		t.Fatalf("next = %q, %v; want %q", body, err, second)
	}
	if !strings.Contains(warned, "over the limit") {
		t.Errorf("warning %q", warned)
	}
}
