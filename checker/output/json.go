package output

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// JSONSchema names the contract JSON prints (DESIGN.md, "JSON output").
const JSONSchema = "fzlint/v1"

// JSON prints one fzlint/v1 object for the whole run. It streams: each file's
// entry is written as the file is checked, the summary at the end, so a run
// over many files holds one file's findings at a time. The fields are written
// one by one (jsonWriter), without reflection; the object is compact unless
// Options.Pretty asks for it indented by two spaces.
type JSON struct {
	out     jsonWriter
	started bool // the opening is written
	summary summary
}

// NewJSON returns a JSON printer writing to w, a file's findings in one write
// as a rule (textBuffer).
func NewJSON(w io.Writer, opts Options) *JSON {
	return &JSON{out: jsonWriter{w: bufio.NewWriterSize(w, textBuffer), pretty: opts.Pretty}}
}

// start writes the opening of the report and its list of files, once.
func (p *JSON) start() {
	if p.started {
		return
	}
	p.started = true
	j := &p.out
	j.open('{')
	j.key("schema")
	j.str(JSONSchema)
	j.key("files")
	j.open('[')
}

// File writes one file's entry. Empty lists are [] and absent values null,
// never left out, so that consumers need no defaults. The field names and
// their order are fzlint/v1's, spelled out here so that a field added to
// checker's structs cannot silently change the contract.
func (p *JSON) File(r checker.FileResult) error {
	p.summary.add(r)
	p.start()
	j := &p.out
	j.open('{')
	j.key("path")
	j.str(r.Path)
	j.key("format")
	j.str(r.Format)
	j.key("encoding")
	j.str(r.Encoding)
	j.key("error")
	if r.Error == nil {
		j.null()
	} else {
		j.open('{')
		j.key("code")
		j.str(r.Error.Code)
		j.key("message")
		j.str(r.Error.Message)
		j.close('}')
	}
	j.key("findings")
	j.open('[')
	for _, f := range r.Findings {
		j.open('{')
		j.findingFields(f)
		j.close('}')
	}
	j.close(']')
	// The findings suppressions accepted, with why.
	j.key("suppressed")
	j.open('[')
	for _, f := range r.Suppressed {
		j.open('{')
		j.findingFields(f.Finding)
		j.key("kind") // "inSource" (a comment in the document) or "external"
		j.str(suppressionKind(f))
		j.key("justification")
		j.str(f.Justification)
		j.close('}')
	}
	j.close(']')
	j.close('}')
	return j.w.Flush()
}

// findingFields writes the fields of a finding, in fzlint/v1's order.
func (j *jsonWriter) findingFields(f checker.Finding) {
	j.key("rule")
	j.str(f.Rule)
	j.key("severity")
	j.str(f.Severity.String())
	j.key("message")
	j.str(f.Message)
	j.key("source")
	j.str(f.Source)
	j.key("range")
	j.rangeValue(f.Range)
	j.key("excerpt")
	j.str(f.Excerpt)
	j.key("fix")
	if f.Fix == nil {
		j.null()
		return
	}
	j.open('{')
	j.key("range")
	j.rangeValue(f.Fix.Range)
	j.key("text")
	j.str(f.Fix.Text)
	j.close('}')
}

// Finish closes the list of files and writes the summary.
func (p *JSON) Finish() error {
	p.start()
	j := &p.out
	j.close(']')
	j.key("summary")
	j.open('{')
	for _, c := range []struct {
		name string
		n    int
	}{{"files", p.summary.Files}, {"failed", p.summary.Failed}, {"errors", p.summary.Errors},
		{"warnings", p.summary.Warnings}, {"infos", p.summary.Infos}, {"suppressed", p.summary.Suppressed}} {
		j.key(c.name)
		j.int(c.n)
	}
	j.close('}')
	j.close('}')
	j.w.WriteByte('\n')
	return j.w.Flush()
}

// jsonWriter writes JSON values one at a time, as encoding/json would print
// them (compact, or indented by two spaces), without reflection.
type jsonWriter struct {
	w      *bufio.Writer
	pretty bool
	// later is set when the current object or array holds a value already,
	// so the next needs a comma; outer keeps it for the enclosing ones.
	later bool
	outer []bool
	// keyed is set between a key and its value.
	keyed bool
	// scratch holds a key, a number or a compact range (compactRange) on
	// its way to w.
	scratch []byte
}

// next places the start of a value: after its key, or after a comma and on
// a line of its own when indenting.
func (j *jsonWriter) next() {
	if j.keyed {
		j.keyed = false
		return
	}
	if j.later {
		j.w.WriteByte(',')
	}
	j.later = true
	j.newline(len(j.outer))
}

func (j *jsonWriter) newline(depth int) {
	if !j.pretty {
		return
	}
	j.w.WriteByte('\n')
	for range depth {
		j.w.WriteString("  ")
	}
}

// open starts an object ('{') or array ('[').
func (j *jsonWriter) open(c byte) {
	if len(j.outer) > 0 || j.keyed {
		j.next()
	}
	j.w.WriteByte(c)
	j.outer = append(j.outer, j.later)
	j.later = false
}

// close ends the innermost object ('}') or array (']'); an empty one stays {} or [].
func (j *jsonWriter) close(c byte) {
	held := j.later
	j.later = j.outer[len(j.outer)-1]
	j.outer = j.outer[:len(j.outer)-1]
	if held {
		j.newline(len(j.outer))
	}
	j.w.WriteByte(c)
}

// key writes an object's key, a constant name that needs no escaping (of
// fzlint/v1, SARIF or GitLab), in one write; its value comes next.
func (j *jsonWriter) key(k string) {
	j.next()
	b := j.scratch[:0]
	b = append(b, '"')
	b = append(b, k...)
	b = append(b, '"', ':')
	if j.pretty {
		b = append(b, ' ')
	}
	j.scratch = b
	j.w.Write(b)
	j.keyed = true
}

func (j *jsonWriter) str(s string) {
	j.next()
	j.quoted(s)
}

func (j *jsonWriter) int(n int) {
	j.next()
	j.scratch = strconv.AppendInt(j.scratch[:0], int64(n), 10)
	j.w.Write(j.scratch)
}

func (j *jsonWriter) boolean(b bool) {
	j.next()
	j.w.WriteString(strconv.FormatBool(b))
}

// textObject writes {"text": s}, SARIF's message and snippet.
func (j *jsonWriter) textObject(s string) {
	j.open('{')
	j.key("text")
	j.str(s)
	j.close('}')
}

func (j *jsonWriter) null() {
	j.next()
	j.w.WriteString("null")
}

func (j *jsonWriter) rangeValue(r doc.Range) {
	if !j.pretty {
		j.compactRange(r)
		return
	}
	j.open('{')
	for _, p := range []struct {
		name string
		pos  doc.Position
	}{{"start", r.Start}, {"end", r.End}} {
		j.key(p.name)
		j.open('{')
		j.key("line")
		j.int(p.pos.Line)
		j.key("column")
		j.int(p.pos.Column)
		j.key("offset")
		j.int(p.pos.Offset)
		j.close('}')
	}
	j.close('}')
}

// compactRange writes what rangeValue writes without indenting, built in
// the scratch and written at once: every finding has two or three ranges,
// each of fourteen keys, values and brackets (TestJSONCompactIsPrettyCompacted
// holds it to the indented form).
func (j *jsonWriter) compactRange(r doc.Range) {
	j.next()
	b := j.scratch[:0]
	b = append(b, `{"start":`...)
	b = appendPosition(b, r.Start)
	b = append(b, `,"end":`...)
	b = appendPosition(b, r.End)
	b = append(b, '}')
	j.scratch = b
	j.w.Write(b)
}

// appendPosition appends a position as a compact JSON object.
func appendPosition(b []byte, p doc.Position) []byte {
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(p.Column), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(p.Offset), 10)
	return append(b, '}')
}

// quoted writes s as a JSON string escaped as encoding/json escapes it
// without HTML escaping: quote, backslash and control characters, U+2028 and
// U+2029, and invalid UTF-8 as U+FFFD. Runs of plain text are written whole.
func (j *jsonWriter) quoted(s string) {
	w := j.w
	w.WriteByte('"')
	from := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			w.WriteString(s[from:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			case '\b':
				w.WriteString(`\b`)
			case '\f':
				w.WriteString(`\f`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hexDigits[c>>4])
				w.WriteByte(hexDigits[c&0xf])
			}
			i++
			from = i
			continue
		}
		if plainChinese(s, i) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			w.WriteString(s[from:i])
			w.WriteString(`\ufffd`)
		case r == '\u2028' || r == '\u2029':
			w.WriteString(s[from:i])
			w.WriteString(`\u202`)
			w.WriteByte(hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		from = i
	}
	w.WriteString(s[from:])
	w.WriteByte('"')
}

const hexDigits = "0123456789abcdef"

// plainChinese reports whether s[i:] starts with a valid character of
// three bytes that quoted writes as it is, read from the bytes: all of
// Chinese text. A lead byte of 0xE1–0xEF but 0xED followed by two
// continuation bytes is neither overlong nor a surrogate; U+2028 and U+2029
// (0xE2 0x80 0xA8–0xA9) are escaped. quoted decodes anything else.
func plainChinese(s string, i int) bool {
	c := s[i]
	return 0xE1 <= c && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
		(c != 0xE2 || s[i+1] != 0x80 || s[i+2]&^1 != 0xA8)
}

// indentJSON encodes v indented by two spaces, its lines after the first
// starting with prefix. encodeJSON passes no prefix; the reference printers
// of the tests pass one to nest a value in a larger document.
func indentJSON(v any, prefix string) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// encodeJSON writes v as a document of its own.
func encodeJSON(w io.Writer, v any) error {
	text, err := indentJSON(v, "")
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, text+"\n")
	return err
}
