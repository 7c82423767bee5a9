package checklist

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats lists the values NewPrinter accepts, the first being the default.
var Formats = []string{"text", "json", "markdown"}

// File is the checklist of one input, or why it could not be made.
type File struct {
	Path  string `json:"path"`
	Error *Error `json:"error"`
	Items []Item `json:"items"`
}

// Error is why a file has no checklist (it could not be read).
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Printer writes the checklists of a run, file by file.
type Printer interface {
	File(f File) error
	Finish() error
}

// NewPrinter returns the printer for format, one of Formats.
func NewPrinter(format string, w io.Writer) (Printer, error) {
	switch format {
	case "text":
		return &textPrinter{w: w}, nil
	case "json":
		return &jsonPrinter{w: w}, nil
	case "markdown":
		return &markdownPrinter{w: w}, nil
	}
	return nil, fmt.Errorf("未知的输出格式 %q（应为 text、json 或 markdown）", format)
}

type textPrinter struct{ w io.Writer }

// File writes the file's list piece by piece: the text output prints one
// after each report's findings.
func (p *textPrinter) File(f File) error {
	bw := bufio.NewWriter(p.w)
	if f.Error != nil {
		fmt.Fprintf(bw, "%s: error: %s [%s]\n", f.Path, f.Error.Message, f.Error.Code)
		return bw.Flush()
	}
	bw.WriteString(f.Path)
	bw.WriteString(" 核对清单：\n")
	for _, it := range f.Items {
		textItem(bw, it)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func (p *textPrinter) Finish() error { return nil }

// textItem writes "  ✓ 标题：第 1 行 “……”" and, below it, the notes and the source.
func textItem(w *bufio.Writer, it Item) {
	for _, s := range [...]string{"  ", it.Status.Mark(), " ", it.Name, "：", detail(it), "\n"} {
		w.WriteString(s)
	}
	for _, n := range it.Notes {
		for _, s := range [...]string{"      第 ", strconv.Itoa(n.Line), " 行：", n.Message, " [", n.Rule, "]\n"} {
			w.WriteString(s)
		}
	}
	w.WriteString("      依据：")
	w.WriteString(it.Source)
	w.WriteByte('\n')
}

// detail is the status in words with the place, and the reason where there is one.
func detail(it Item) string {
	s := it.Verdict()
	if it.Where != nil {
		s += "，" + place(it.Where)
	}
	if it.Reason != "" {
		s += "（" + it.Reason + "）"
	}
	return s
}

// place is "第 5 行标题“……”".
func place(w *Where) string {
	kind := ""
	switch w.Form {
	case "heading":
		kind = "标题"
	case "inline":
		kind = "正文中"
	}
	return fmt.Sprintf("第 %d 行%s“%s”", w.Line, kind, w.Text)
}

type jsonPrinter struct {
	w     io.Writer
	files int
}

func (p *jsonPrinter) File(f File) error {
	if f.Items == nil {
		f.Items = []Item{}
	}
	b, err := json.MarshalIndent(f, "    ", "  ")
	if err != nil {
		return err
	}
	sep := ",\n"
	if p.files == 0 {
		sep = "{\n  \"schema\": \"fzlint/checklist/v1\",\n  \"files\": [\n"
	}
	p.files++
	_, err = fmt.Fprintf(p.w, "%s    %s", sep, b)
	return err
}

func (p *jsonPrinter) Finish() error {
	if p.files == 0 {
		_, err := fmt.Fprint(p.w, "{\n  \"schema\": \"fzlint/checklist/v1\",\n  \"files\": []\n}\n")
		return err
	}
	_, err := fmt.Fprint(p.w, "\n  ]\n}\n")
	return err
}

type markdownPrinter struct{ w io.Writer }

// File writes a table to paste into a 审核意见.
func (p *markdownPrinter) File(f File) error {
	bw := bufio.NewWriter(p.w)
	fmt.Fprintf(bw, "### 核对清单：%s\n\n", mdCell(f.Path))
	if f.Error != nil {
		fmt.Fprintf(bw, "无法检查：%s（%s）\n\n", mdCell(f.Error.Message), f.Error.Code)
		return bw.Flush()
	}
	fmt.Fprint(bw, "| 项目 | 结果 | 位置 | 说明 | 依据 |\n| --- | --- | --- | --- | --- |\n")
	for _, it := range f.Items {
		at := ""
		if it.Where != nil {
			at = place(it.Where)
		}
		var notes []string
		if it.Reason != "" {
			notes = append(notes, it.Reason)
		}
		for _, n := range it.Notes {
			notes = append(notes, fmt.Sprintf("第 %d 行：%s", n.Line, n.Message))
		}
		fmt.Fprintf(bw, "| %s | %s %s | %s | %s | %s |\n", mdCell(it.Name), it.Status.Mark(), it.Verdict(),
			mdCell(at), mdCell(strings.Join(notes, "；")), mdCell(it.Source))
	}
	fmt.Fprintln(bw)
	return bw.Flush()
}

func (p *markdownPrinter) Finish() error { return nil }

// mdCell keeps a value inside one table cell.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
