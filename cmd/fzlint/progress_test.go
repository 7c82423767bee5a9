package main

import (
	"bytes"
	"testing"
	"time"
)

// TestProgress: nothing in the first second, then the file being checked on
// one line rewritten in place, at most ten times a second; cleared at the end.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, start: time.Now()}
	p.file("a.txt")
	if buf.Len() != 0 {
		t.Fatalf("shown within the first second: %q", buf.String())
	}
	p.start = time.Now().Add(-2 * time.Second)
	p.file("b.txt")
	p.file("c.txt") // within 100 ms of the last: not shown
	p.done()
	p.done()
	if want := "\r\x1b[K已检查 2 个文件：b.txt\r\x1b[K"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	// Not a terminal: nothing, ever.
	q := newProgress(nil)
	q.start = time.Now().Add(-2 * time.Second)
	q.file("a.txt")
	q.done()
	if q.w != nil || q.checked != 1 {
		t.Errorf("progress without a terminal: %+v", q)
	}
}
