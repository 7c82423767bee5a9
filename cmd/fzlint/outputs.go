package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fzlint/fzlint/checker/output"
)

// outputs are the printers of a check run and the files they write.
type outputs struct {
	printer output.Printer
	files   []*os.File
	buffers []*bufio.Writer
	// text is set when a text printer writes to standard output, which
	// then shows the summary; else the summary line goes to standard error.
	text bool
}

// splitFormat reads a --format value, FORMAT or FORMAT:FILE.
func splitFormat(spec string) (format, file string) {
	format, file, _ = strings.Cut(spec, ":")
	return format, file
}

// openOutputs makes a printer for each --format value, FORMAT or
// FORMAT:FILE; one without a file writes to --output if set, else to
// standard output, where at most one format may go. Files are created
// before anything is checked, so that a path that cannot be written stops
// the run at once; a file among the inputs is refused (creating it would
// empty the report). summary: print the summary line on standard error when
// no text goes to standard output (not for a run stopped before it began).
func openOutputs(s *streams, formats []string, outFile string, inputs []string, opts output.Options, noColor, summary bool) (*outputs, error) {
	o := &outputs{}
	toStdout := 0
	written := map[string]bool{} // the output files, absolute
	for _, in := range inputs {
		if abs, err := filepath.Abs(in); err == nil && in != "-" {
			written[abs] = false // an input: not to be written
		}
	}
	var printers output.Multi
	for _, spec := range formats {
		format, file := splitFormat(spec)
		if !slices.Contains(output.Formats, format) {
			_, err := output.New(format, nil, opts) // its message lists the formats
			return nil, o.abort(err)
		}
		if file == "" {
			file = outFile
		}
		popts := opts
		w := s.out
		if file == "" || file == "-" {
			if toStdout++; toStdout > 1 {
				return nil, o.abort(errors.New("最多一种输出格式写到标准输出：其他格式请写成 --format 格式:文件"))
			}
			popts.Color = output.ColorWanted(s.outFile, noColor)
			popts.Pretty = popts.Pretty || output.Terminal(s.outFile) // JSON for a person
			o.text = o.text || format == "text"
		} else {
			abs, err := filepath.Abs(file)
			if err != nil {
				abs = filepath.Clean(file)
			}
			if done, ok := written[abs]; ok && !done {
				return nil, o.abort(fmt.Errorf("输出文件 %s 是要检查的文件：写入会清空它", file))
			} else if done {
				// Both would truncate it and write into one another.
				return nil, o.abort(fmt.Errorf("两种输出格式不能写到同一个文件 %s", file))
			}
			written[abs] = true
			f, err := os.Create(file)
			if err != nil {
				return nil, o.abort(fmt.Errorf("无法写入输出文件：%w", err))
			}
			bw := bufio.NewWriter(f)
			o.files, o.buffers = append(o.files, f), append(o.buffers, bw)
			w = bw
		}
		p, err := output.New(format, w, popts)
		if err != nil {
			return nil, o.abort(err)
		}
		printers = append(printers, p)
	}
	if !o.text && summary {
		printers = append(printers, output.NewSummary(s.err))
	}
	o.printer = printers
	if len(printers) == 1 {
		o.printer = printers[0]
	}
	return o, nil
}

// names are the paths of the output files.
func (o *outputs) names() []string {
	var out []string
	for _, f := range o.files {
		out = append(out, f.Name())
	}
	return out
}

// abort closes the files opened so far and returns err.
func (o *outputs) abort(err error) error {
	for _, f := range o.files {
		f.Close()
	}
	return err
}

// close writes out and closes the output files; closing again does nothing.
func (o *outputs) close() error {
	var errs []error
	for i, f := range o.files {
		errs = append(errs, o.buffers[i].Flush(), f.Close())
	}
	o.files, o.buffers = nil, nil
	return errors.Join(errs...)
}
