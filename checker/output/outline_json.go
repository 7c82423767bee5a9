package output

import (
	"fmt"
	"io"

	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
)

// OutlineSchema names the contract OutlineJSON prints (DESIGN.md). Besides the
// fields shown there it has "format" and "encoding" (as in fzlint/v1) and
// "published", a web page's 发布时间, shaped like "date", and "attachment",
// the line that opens the attachments after the report, shaped like
// "signature", and "year_source", where the year was read from ("title",
// "opening", "heading", "plans", "date"; null with no year). A date that is no real calendar date has "value": null and
// "valid": false.
const OutlineSchema = "fzlint/outline/v1"

// OutlineJSON prints one fzlint/outline/v1 object.
type OutlineJSON struct {
	w io.Writer
}

// NewOutlineJSON returns an outline JSON printer writing to w.
func NewOutlineJSON(w io.Writer, _ Options) *OutlineJSON {
	return &OutlineJSON{w: w}
}

type outlineJSON struct {
	Schema     string           `json:"schema"`
	Path       string           `json:"path"`
	Format     string           `json:"format"`
	Encoding   string           `json:"encoding"`
	Title      *outlineSpan     `json:"title"`
	Year       *int             `json:"year"`
	YearSource *string          `json:"year_source"`
	Headings   []outlineHeading `json:"headings"`
	Parts      outlineParts     `json:"parts"`
	Signature  *outlineSpan     `json:"signature"`
	Date       *outlineDate     `json:"date"`
	Published  *outlineDate     `json:"published"`
	Attachment *outlineSpan     `json:"attachment"`
}

type outlineSpan struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

type outlineHeading struct {
	Level  int     `json:"level"`
	Marker string  `json:"marker"`
	Line   int     `json:"line"`
	Text   string  `json:"text"`
	Role   *string `json:"role"`
}

// outlineParts is a struct, not a map, so that the five keys always come in
// the regulation's order.
type outlineParts struct {
	Measures *outlinePart `json:"measures"`
	Problems *outlinePart `json:"problems"`
	Duty     *outlinePart `json:"duty"`
	Plans    *outlinePart `json:"plans"`
	Other    *outlinePart `json:"other"`
}

type outlinePart struct {
	Line int    `json:"line"`
	Form string `json:"form"`
}

type outlineDate struct {
	Line  int     `json:"line"`
	Text  string  `json:"text"`
	Value *string `json:"value"`           // "YYYY-MM-DD"
	Valid *bool   `json:"valid,omitempty"` // only ever false
}

// Print writes the outline of d.
func (p *OutlineJSON) Print(d *doc.Document, o *outline.Outline) error {
	out := outlineJSON{Schema: OutlineSchema, Path: d.Path, Format: string(d.Format), Encoding: d.Encoding,
		Title: spanJSON(d, o.Title), Headings: make([]outlineHeading, 0, len(o.Headings)),
		Signature: spanJSON(d, o.Signature), Date: dateJSON(d, o.Date), Published: dateJSON(d, o.Published),
		Attachment: spanJSON(d, o.Attachment)}
	if o.Year != 0 {
		out.Year = &o.Year
		source := string(o.YearSource)
		out.YearSource = &source
	}
	for _, h := range o.Headings {
		oh := outlineHeading{Level: h.Level, Marker: h.Marker, Line: lineOf(d, h.Line, h.Start), Text: h.Text}
		if h.Role != "" {
			role := string(h.Role)
			oh.Role = &role
		}
		out.Headings = append(out.Headings, oh)
	}
	part := func(r outline.Role) *outlinePart {
		if pt := o.Parts[r]; pt != nil {
			return &outlinePart{Line: lineOf(d, pt.Line, pt.Start), Form: string(pt.Form)}
		}
		return nil
	}
	out.Parts = outlineParts{part(outline.Measures), part(outline.Problems), part(outline.Duty),
		part(outline.Plans), part(outline.Other)}
	return encodeJSON(p.w, out)
}

func spanJSON(d *doc.Document, s *outline.Span) *outlineSpan {
	if s == nil {
		return nil
	}
	return &outlineSpan{Line: lineOf(d, s.Line, s.Start), Text: s.Text}
}

func dateJSON(d *doc.Document, dt *outline.Date) *outlineDate {
	if dt == nil {
		return nil
	}
	out := &outlineDate{Line: lineOf(d, dt.Line, dt.Start), Text: dt.Text}
	if dt.Valid {
		v := isoDate(dt)
		out.Value = &v
	} else {
		out.Valid = new(bool)
	}
	return out
}

func isoDate(dt *outline.Date) string {
	return fmt.Sprintf("%04d-%02d-%02d", dt.Year, dt.Month, dt.Day)
}

// lineOf is the line to report for something at byte offset off of d.Text
// whose line in Text is line: for HTML, as for findings, the line in the
// markup, so that outline and check agree.
func lineOf(d *doc.Document, line, off int) int {
	if d.Locator != nil {
		return d.Pos(off).Line
	}
	return line
}
