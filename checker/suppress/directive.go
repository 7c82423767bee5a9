// Package suppress accepts findings with a reason: comments in the document
// (<!-- fzlint-disable… --> in Markdown and HTML, a Word comment 批注 in
// .docx) and the config's ignore list. It works on a file's findings after
// the engine: rules never know about it. A suppression that suppresses
// nothing, and one without a reason, are findings themselves.
package suppress

import (
	"strings"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// The rules of the findings about suppressions. They are not in any pack and
// cannot themselves be suppressed.
const (
	UnusedRule   = "fzlint/unused-suppression"
	NoReasonRule = "fzlint/suppression-without-reason"
)

// kind is what a directive covers.
type kind int

const (
	nextLine kind = iota // fzlint-disable-next-line: the next line with text
	disable              // fzlint-disable … fzlint-enable (a Word comment: its range)
	enable               // fzlint-enable: ends a disable
	file                 // fzlint-disable-file: the whole document
)

// keywords, longest first, since each is a prefix of the next.
var keywords = []struct {
	word string
	kind kind
}{
	{"fzlint-disable-next-line", nextLine},
	{"fzlint-disable-file", file},
	{"fzlint-disable", disable},
	{"fzlint-enable", enable},
}

// reasonSeparators part the rules from the reason: "--" as documented, and
// the dashes Word's AutoCorrect turns it into, or a Chinese input method gives.
var reasonSeparators = []string{"--", "——", "—", "–"}

// directive is one suppression comment.
type directive struct {
	kind       kind
	rules      []string
	reason     string
	comment    doc.Comment
	start, end int             // the text covered, offsets in doc.Text
	used       map[string]bool // rules that suppressed a finding
}

// parse reads a comment as a directive; ok is false for any other comment.
func parse(c doc.Comment) (directive, bool) {
	text := c.Text
	for _, k := range keywords {
		rest, found := strings.CutPrefix(text, k.word)
		if !found || rest != "" && !startsWithSpace(rest) {
			continue
		}
		d := directive{kind: k.kind, comment: c, used: map[string]bool{}}
		ids := rest
		for _, sep := range reasonSeparators {
			if i := strings.Index(rest, sep); i >= 0 {
				ids, d.reason = rest[:i], strings.TrimSpace(strings.TrimLeft(rest[i:], "-—–"))
				break
			}
		}
		d.rules = strings.FieldsFunc(ids, func(r rune) bool {
			return r == ',' || r == '，' || r == '、' || r == ' ' || r == '\t' || r == '\u3000' || r == '\n'
		})
		return d, true
	}
	return directive{}, false
}

func startsWithSpace(s string) bool {
	return strings.IndexAny(s[:1], " \t\n") == 0 || strings.HasPrefix(s, "\u3000")
}

// directives reads the document's suppression comments and sets the text
// each covers. In a Word document every directive covers its comment's
// range: a reviewer comments on the text that is meant as it is.
func directives(d *doc.Document) []directive {
	var out []directive
	for _, c := range d.Comments {
		dir, ok := parse(c)
		if !ok {
			continue
		}
		switch {
		case d.Format == doc.FormatDocx:
			if dir.kind == enable {
				continue // a comment's range has its own end
			}
			// Whatever it says (-next-line, -file), a Word comment covers
			// the text it comments on.
			dir.kind, dir.start, dir.end = disable, c.Start, c.End
		case dir.kind == nextLine:
			dir.start, dir.end = nextLineSpan(d, c.End)
		case dir.kind == file:
			dir.start, dir.end = 0, len(d.Text)
		case dir.kind == disable:
			dir.start, dir.end = c.End, len(d.Text)
		}
		out = append(out, dir)
	}
	// An enable ends the open disables of the rules it names, or of every rule
	// when it names none.
	for i, en := range out {
		if en.kind != enable || d.Format == doc.FormatDocx {
			continue
		}
		for j := range out[:i] {
			dis := &out[j]
			if dis.kind == disable && dis.end == len(d.Text) && dis.start <= en.comment.Start && (len(en.rules) == 0 || overlaps(dis.rules, en.rules)) {
				dis.end = en.comment.Start
			}
		}
	}
	return out
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// nextLineSpan is the first line that starts at or after off and holds more
// than white space: the line a disable-next-line comment stands above.
func nextLineSpan(d *doc.Document, off int) (int, int) {
	for _, l := range d.Lines {
		if l.Start >= off && strings.TrimSpace(d.Text[l.Start:l.End]) != "" {
			return l.Start, l.End
		}
	}
	return len(d.Text), len(d.Text)
}

// covers tells whether the directive suppresses f.
func (dir *directive) covers(f checker.Finding) bool {
	if dir.kind == enable {
		return false
	}
	found := false
	for _, r := range dir.rules {
		if r == f.Rule {
			found = true
		}
	}
	if !found {
		return false
	}
	s, e := f.Range.Start.Offset, f.Range.End.Offset
	if s == e { // an empty range: the place it points at
		return dir.start <= s && s <= dir.end
	}
	return s < dir.end && e > dir.start
}

// problems are the findings about the directive: no rule named, no reason
// given, or a rule named that it suppressed nowhere.
func (dir *directive) problems(d *doc.Document) []checker.Finding {
	if dir.kind == enable {
		return nil
	}
	at := func(rule, msg string) checker.Finding {
		c := dir.comment
		return checker.Finding{Rule: rule, Severity: rules.Warning, Message: msg,
			Range: d.Range(c.Start, c.End), Excerpt: d.Text[c.Start:c.End]}
	}
	var out []checker.Finding
	if len(dir.rules) == 0 {
		return append(out, at(UnusedRule, "抑制注释没有写明规则编号，不抑制任何问题：请写成“fzlint-disable 规则编号 -- 理由”"))
	}
	if dir.reason == "" {
		out = append(out, at(NoReasonRule, "抑制注释没有写明理由：请在规则编号后写“-- 理由”"))
	}
	for _, r := range dir.rules {
		if !dir.used[r] {
			out = append(out, at(UnusedRule, "抑制注释中的规则 "+r+" 在此处没有问题可抑制：请删除这条抑制"))
		}
	}
	return out
}
