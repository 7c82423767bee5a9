package checker

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// dateSpec checks the 成文日期 (and a web page's publication date) against the
// reporting year Y. `check` is one of:
//   - present: the report has no 成文日期 (reported at the end of the body);
//   - valid: the date is not a real calendar date;
//   - form: the date is written in one of `forms` ("chinese", "yuan" for
//     2024年元月15日, "dash", "dot", "slash", "short" for a two-digit year,
//     "partial" for one without its day) or, with `padding: true`, with
//     leading zeros; fixed to 2021年3月5日 when the date is valid, except a
//     two-digit year, whose century is a guess;
//   - year-end: the date is on or before the last day of Y (the report cannot
//     cover the whole year);
//   - year: the date's year is neither Y nor Y+1;
//   - deadline: the date is after the submission deadline, Y+1 and the month-day
//     of setting `setting` (default "deadline", e.g. "03-01"); with `earlier`,
//     a report on a year up to earlier.until has earlier.deadline instead (the
//     rules in force before the 督察工作规定 set today's deadlines);
//   - deadline-day: the date is the deadline itself (a report due "before" a
//     day may or may not be in time on it), with `setting` and `earlier` as
//     for deadline;
//   - same-line: the date shares its line with the signature;
//   - before-signature: the date comes before the signature;
//   - published-early / published-late: the page's publication date is before
//     Y+1-01-01, or after Y+1 and the month-day of setting `setting`.
//
// Placeholders: {date} the date as YYYY-MM-DD, {year} Y, {deadline}, {want} the fix.
type dateSpec struct {
	Check   string           `yaml:"check"`
	Forms   []string         `yaml:"forms"`
	Padding bool             `yaml:"padding"`
	Setting string           `yaml:"setting"`
	Earlier *earlierDeadline `yaml:"earlier"`
}

// earlierDeadline is the deadline of reports on years up to Until.
type earlierDeadline struct {
	Until    int    `yaml:"until"`
	Deadline string `yaml:"deadline"`
}

type dateCheck struct{ dateSpec }

// wrongDateForms are the forms a form check can look for: every form the
// outline reads but the standard one.
var wrongDateForms = outline.DateForms()[1:]

func compileDate(r *rules.Rule) (any, bool, error) {
	var s dateSpec
	if err := rules.DecodeSpec(r, &s); err != nil {
		return nil, false, err
	}
	switch s.Check {
	case "present", "valid", "year-end", "year", "same-line", "before-signature":
	case "form":
		if len(s.Forms) == 0 && !s.Padding {
			return nil, false, rules.SpecError(r, "check: form 需要 forms 或 padding: true")
		}
		for _, f := range s.Forms {
			if !slices.Contains(wrongDateForms, f) {
				return nil, false, rules.SpecError(r, "未知的日期形式 %q（可用：%s）", f, strings.Join(wrongDateForms, "、"))
			}
		}
	case "deadline", "deadline-day", "published-late":
		if s.Setting == "" {
			s.Setting = "deadline"
		}
		if e := s.Earlier; e != nil {
			if _, ok := deadline(e.Deadline, 2000); !ok || e.Until < 1900 || s.Check == "published-late" {
				return nil, false, rules.SpecError(r, "earlier 需要 until（年份）和 deadline（月-日），只用于 check: deadline 或 deadline-day")
			}
		}
	case "published-early":
	default:
		return nil, false, rules.SpecError(r, "check 应为 present、valid、form、year-end、year、deadline、deadline-day、same-line、before-signature、published-early 或 published-late")
	}
	return &dateCheck{s}, s.fixable(), nil
}

// fixable tells whether the rule offers fixes: a form rule does, except for
// dates whose full form cannot be known (a two-digit year, no day).
func (s dateSpec) fixable() bool {
	if s.Check != "form" {
		return false
	}
	fixes := s.Padding
	for _, f := range s.Forms {
		fixes = fixes || f != "short" && f != "partial"
	}
	return fixes
}

// Validate checks the setting the rule reads, once the packs are resolved.
func (d *dateCheck) Validate(r *rules.Rule, set *rules.Set) error {
	if d.Setting == "" {
		return nil
	}
	v, ok := set.Setting(r.Pack, d.Setting)
	if !ok {
		return fmt.Errorf("%s:%d:%d: 规则 %s 读取的参数 %s 未在规则包中定义", r.Pos.File, r.Pos.Line, r.Pos.Column, r.ID, d.Setting)
	}
	if _, ok := deadline(v, 2000); !ok {
		return set.SettingError(r.Pack, d.Setting, "参数 %s 的值 %q 无效（应为 月-日，如 03-01；规则 %s 读取它）", d.Setting, v, r.ID)
	}
	return nil
}

func (d *dateCheck) Run(c *Context) {
	o := c.Outline
	date := o.Date
	if strings.HasPrefix(d.Check, "published") {
		date = o.Published
	}
	if d.Check == "present" {
		if date == nil {
			if start, end := c.endAnchor(); start < end {
				c.Report(start, end, nil, nil)
			}
		}
		return
	}
	if date == nil {
		return
	}
	// The placeholders are filled only for a finding: most dates draw none.
	vars := func() map[string]string {
		return map[string]string{"date": isoDate(date), "year": strconv.Itoa(o.Year)}
	}
	if d.Check == "valid" {
		// A date without its day is the form rule's finding, not an invalid date.
		if !date.Valid && date.Form != "partial" {
			c.Report(date.Start, date.End, vars(), nil)
		}
		return
	}
	switch d.Check {
	case "form":
		d.checkForm(c, date, vars)
		return
	case "same-line", "before-signature":
		sig := o.Signature
		if sig != nil && (d.Check == "same-line" && sig.Line == date.Line || d.Check == "before-signature" && date.Start < sig.Start) {
			c.Report(date.Start, date.End, vars(), nil)
		}
		return
	}
	if !date.Valid || o.Year == 0 {
		return
	}
	t := time.Date(date.Year, time.Month(date.Month), date.Day, 0, 0, 0, 0, time.UTC)
	switch d.Check {
	case "year-end":
		if date.Year <= o.Year {
			c.Report(date.Start, date.End, vars(), nil)
		}
	case "year":
		if date.Year != o.Year && date.Year != o.Year+1 {
			c.Report(date.Start, date.End, vars(), nil)
		}
	case "published-early":
		if date.Year <= o.Year {
			c.Report(date.Start, date.End, vars(), nil)
		}
	case "deadline", "deadline-day", "published-late":
		md := c.Setting(d.Setting)
		if e := d.Earlier; e != nil && o.Year <= e.Until {
			md = e.Deadline
		}
		limit, ok := deadline(md, o.Year+1)
		if !ok {
			return
		}
		if d.Check == "deadline-day" && t.Equal(limit) || d.Check != "deadline-day" && t.After(limit) {
			v := vars()
			v["deadline"] = limit.Format("2006-01-02")
			c.Report(date.Start, date.End, v, nil)
		}
	}
}

// checkForm reports date if its form is one of the rule's; vars gives the
// message's placeholders.
func (d *dateCheck) checkForm(c *Context, date *outline.Date, vars func() map[string]string) {
	bad := d.Padding && date.Form == "arabic" && date.Padded
	for _, f := range d.Forms {
		bad = bad || date.Form == f
	}
	if !bad {
		return
	}
	var fix *Fix
	v := vars()
	if date.Valid && date.Form != "short" {
		want := fmt.Sprintf("%d年%d月%d日", date.Year, date.Month, date.Day)
		v["want"] = want
		fix = c.Fix(date.Start, date.End, want)
	}
	c.Report(date.Start, date.End, v, fix)
}

// deadline parses a "MM-DD" setting as a day of year y.
func deadline(md string, y int) (time.Time, bool) {
	t, err := time.Parse("01-02", md)
	if err != nil {
		return time.Time{}, false
	}
	return time.Date(y, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

func isoDate(d *outline.Date) string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}
