package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
)

// progress shows, on a terminal, which file a long run is at: nothing for
// the first second (most runs are over by then), then one line rewritten in
// place at most ten times a second, cleared when the run ends.
type progress struct {
	w       io.Writer // nil: not a terminal, nothing is shown
	start   time.Time
	last    time.Time
	shown   bool
	checked int
}

func newProgress(f *os.File) *progress {
	p := &progress{start: time.Now()}
	if f != nil && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		p.w = f
	}
	return p
}

// file counts one more file checked, path.
func (p *progress) file(path string) {
	p.checked++
	if p.w == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.w, "\r\x1b[K已检查 %d 个文件：%s", p.checked, path)
}

// done clears the line.
func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
