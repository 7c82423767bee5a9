package doc

import (
	"fmt"
	"strings"
)

// MaxTextBytes, MaxLineBytes and MaxLines bound the text a reader hands on,
// whatever produced it (a file, an unpacked .docx, numbering labels): a report
// is some 100 KB of text and a report line (paragraph) a few kilobytes, and
// beyond these sizes the input is not a report. Checking costs about a second
// and 50 MB a megabyte of text, so MaxTextBytes keeps any input within seconds
// and a few hundred megabytes.
const (
	MaxTextBytes = 2 << 20
	MaxLineBytes = 1 << 20
	MaxLines     = 1 << 20
)

// MaxNesting bounds how deep the elements of a .docx part or a web page nest.
// Word nests a table or text box a few levels deep; a web page that nests
// deeper is read as if its deeper elements were siblings, as browsers do.
const MaxNesting = 256

// checkText refuses decoded text that is blank or over the line limits.
func checkText(path, text string) error {
	if len(text) > MaxTextBytes {
		return tooMuchText(path)
	}
	if strings.TrimSpace(text) == "" {
		return newError(path, ErrEmpty, "文件没有文字内容")
	}
	lines, start, err := countLines(path, text)
	if err != nil {
		return err
	}
	if len(text)-start > MaxLineBytes {
		return lineTooLong(path, lines, len(text)-start)
	}
	if lines > MaxLines {
		return newError(path, ErrTooLarge, "共 %d 行，超过上限 %d 行，这不像是一份报告", lines, MaxLines)
	}
	return nil
}

// countLines goes through the line ends of text ("\n", "\r\n" or "\r"),
// refusing a line longer than MaxLineBytes, and returns the number of lines
// and where the last one starts.
func countLines(path, text string) (lines, start int, err error) {
	lines = 1
	if !strings.Contains(text, "\r") {
		// Lines end in "\n" only, found by IndexByte: far faster than a look
		// at each byte.
		for {
			i := strings.IndexByte(text[start:], '\n')
			if i < 0 {
				return lines, start, nil
			}
			if i > MaxLineBytes {
				return 0, 0, lineTooLong(path, lines, i)
			}
			lines++
			start += i + 1
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\n' && c != '\r' {
			continue
		}
		if i-start > MaxLineBytes {
			return 0, 0, lineTooLong(path, lines, i-start)
		}
		if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		lines++
		start = i + 1
	}
	return lines, start, nil
}

// tooMuchText refuses an input whose text is over MaxTextBytes.
func tooMuchText(path string) *ReadError {
	return newError(path, ErrTooLarge, "文字内容超过上限 %s，这不像是一份报告", sizeText(MaxTextBytes))
}

func lineTooLong(path string, line, n int) *ReadError {
	return newError(path, ErrTooLarge, "第 %d 行长 %s，超过单行上限 %s，这不像是报告正文", line, sizeText(n), sizeText(MaxLineBytes))
}

func sizeText(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d 字节", n)
}
