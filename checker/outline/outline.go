// Package outline recognises the structure of a report: its title, numbered
// headings, the part each heading opens (measures, problems, duty, plans,
// other), parts given only inline, the signature block, the date and the
// reporting year.
package outline

import (
	"sync"

	"github.com/fzlint/fzlint/checker/match"
)

// Role is the kind of content a part of a report holds, after the five items of
// 《法治政府建设与责任落实督察工作规定》.
type Role string

// The roles, in the order the regulation lists them.
const (
	Measures Role = "measures" // 主要举措和成效
	Problems Role = "problems" // 存在的不足和原因
	Duty     Role = "duty"     // 党政主要负责人履行第一责任人职责情况
	Plans    Role = "plans"    // 下一年度主要安排
	Other    Role = "other"    // 其他需要报告的情况
)

// Roles lists every role in the regulation's order.
var Roles = []Role{Measures, Problems, Duty, Plans, Other}

// RoleSpec says how to recognise one role. Patterns match the normalized view
// (normalize.View): half-width punctuation and digits, simplified characters.
type RoleSpec struct {
	Role     Role
	Name     string           // the item's name in the regulation, for messages
	Headings []*match.Pattern // a heading whose text matches opens a part of this role
	Inline   []*match.Pattern // a sentence in body text that gives the part inline
	// inlineLeads holds the lead of each pattern of Inline (leadOf); Index
	// sets them. Headings, few and short, are summed up without them.
	inlineLeads []lead
	// inlineNeeds holds the need of each pattern of Inline (needsOf);
	// Index sets them.
	inlineNeeds []need
}

// Config is what the outline needs from the active packs.
type Config struct {
	Roles []RoleSpec
	// Debris matches whole lines of page debris (navigation, watermarks, footers)
	// that are neither the title nor the signature.
	Debris []*match.Pattern
	// debris holds the literals of Debris, for one scan of each short line
	// instead of a search per pattern; Index builds it.
	debris *match.Dictionary
	// debrisLeads holds the lead of each pattern of Debris (leadOf); Index
	// sets them.
	debrisLeads []lead
	// specs are the roles in the order a heading is tried against them
	// (rolesByPriority); Index sets them.
	specs []*RoleSpec
	// scratch keeps the working memory of a Build (a *scratch) for the next
	// one; Index makes it.
	scratch *sync.Pool
}

// Index prepares c for Build once its patterns are all in. Build indexes an
// unprepared Config itself, at some cost per document.
func (c *Config) Index() {
	c.debris = match.NewDictionary(c.Debris)
	c.debrisLeads = leadsOf(c.Debris)
	for i := range c.Roles {
		c.Roles[i].inlineLeads = leadsOf(c.Roles[i].Inline)
		c.Roles[i].inlineNeeds = needsOf(c.Roles[i].Inline)
	}
	c.specs = rolesByPriority(c)
	c.scratch = &sync.Pool{New: func() any { return new(scratch) }}
}

// Span is a stretch of one line of the document: byte offsets into doc.Text.
type Span struct {
	Line  int    `json:"line"`
	Start int    `json:"-"`
	End   int    `json:"-"`
	Text  string `json:"text"`
}

// Heading is a numbered (or Markdown/Word-styled) heading.
type Heading struct {
	Span            // the heading text after its marker, up to the end of the heading sentence
	Level    int    // 1 一、 2 （一） 3 1. 4 （1） 5 ①; Markdown/Word level when unnumbered
	Marker   string // the marker as written ("（一）", "1.", "一、"), "" when unnumbered
	MarkerAt int    // byte offset of the marker in doc.Text
	Style    string // canonical marker style: "一、" "(一)" "1." "(1)" "①", or a variant ("1、" "一." "一," "一:" "(一)、" "(1)、" "1)" "⑴")
	Number   int    // the marker's value (一 → 1, ⑫ → 12)
	Role     Role   // the part this top-level heading opens or, as a further thematic measures heading, continues; "" if none
	RunIn    bool   // the heading sentence is followed by body text in the same paragraph
	Parent   int    // index in Outline.Headings of the enclosing heading, -1 at top
}

// Form says how a part is given.
type Form string

// Forms of a part.
const (
	FormHeading Form = "heading" // opened by its own heading
	FormInline  Form = "inline"  // given in a sentence of body text
)

// Part is where the content of one role is.
type Part struct {
	Role    Role
	Form    Form
	Line    int  // line of its heading, or of the inline sentence
	Heading int  // index in Outline.Headings, -1 for an inline part
	Cue     Span // the heading, or the inline sentence that gives the part
	Start   int  // byte offset where the part's content starts (its heading or cue)
	End     int  // byte offset where it ends: the next part, the signature, or the body's end; an inline duty part, folded into the part around it, ends with its own section or paragraph
}

// Date is a date found in the document.
type Date struct {
	Span
	Year, Month, Day int
	Valid            bool   // a real calendar date
	Form             string // "arabic" 2021年12月30日, "chinese" 二〇二一年十二月三十日, "dash" 2021-12-30, "dot" 2021.12.30, "slash" 2021/12/30, "short" 21年12月30日, "partial" 2021年12月 (Day 0, not Valid), "short" 21年12月30日 (two-digit year)
	Padded           bool   // month or day written with a leading zero (2021年03月05日)
}

// Outline is what the linter understood of a document.
type Outline struct {
	Title   *Span
	Year    int   // the reporting year, 0 if unknown
	YearCue *Span // where the reporting year was read from
	// YearSource says what YearCue is: the title, the opening, a heading, a
	// plans heading or sentence (the year after), or the 成文日期.
	YearSource YearSource
	Headings   []Heading
	Parts      map[Role]*Part // absent roles have no entry
	Signature  *Span
	Date       *Date // the 成文日期
	Published  *Date // publication metadata of a web page (发布时间), not a 成文日期
	// BodyStart and BodyEnd delimit the report's own text: after the title (or the
	// debris before it) and before trailing page debris.
	BodyStart, BodyEnd int
	// Debris lists the lines taken for page debris (navigation, metadata, ads,
	// footers), trimmed of surrounding spaces, in document order.
	Debris []Span
	// Attachment is the line that opens the attachments after the report
	// (附件, 附件1 on a line of its own below the date); the body ends before
	// it. Nil when there is none.
	Attachment *Span
}
