package doc

import (
	"bytes"
	"errors"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// hnode is an element of a page, kept only as far as text extraction needs:
// its tag, its id and class, and its children in source order. Text is kept
// as byte spans of the source, so every character can be located in it.
type hnode struct {
	tag    string
	attrs  string // " id class", lower case
	parent *hnode
	kids   []hkid
	size   int // bytes of text inside, outside dropped elements (see textSize)
	depth  int
	// closable[k] is the element that close rule k closes when a start tag
	// implies it with this element current: this one or an ancestor, nil if
	// none. Kept per element so that implying an end costs the same however
	// deep the page nests.
	closable [closeRuleCount]*hnode
}

// hkid is a child: an element, the source span [off, end) of a text token, or
// a comment (comment set, its text in text).
type hkid struct {
	node     *hnode
	off, end int
	comment  bool
	text     string
}

// A page with more than maxItems elements and texts, or a tag or text of
// more than maxToken bytes (the tokenizer holds a token whole, in a buffer
// it grows by doubling), is not a report; nesting is bounded by MaxNesting.
const (
	maxItems = 1 << 18
	maxToken = 8 << 20
)

// tagSets are the sets the HTML reader looks tags up in.
type tagSets struct {
	// void tags have no content and no end tag.
	void map[string]bool
	// structural tags end paragraphs or decide what is dropped; other
	// elements (span, a, font, b …) matter only when an id or class may
	// mark them.
	structural map[string]bool
	// closesP are the start tags that close an open <p>.
	closesP map[string]bool
	// closeRules are the ends that start tags imply, by closeP … closeRow.
	closeRules [closeRuleCount]closeRule
	// dropped elements hold no article text; block elements start a line.
	dropped, block map[string]bool
}

// htmlTags builds the tag sets when the first page is read: a run that
// reads no HTML does not build them at its start.
var htmlTags = sync.OnceValue(func() *tagSets {
	return &tagSets{
		void: set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"),
		structural: set("address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
			"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
			"h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
			"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
			"head", "title", "script", "style", "noscript", "template", "iframe", "select", "button", "textarea",
			"input", "svg", "math", "object", "embed", "canvas", "audio", "video", "map"),
		closesP: set("address", "article", "aside", "blockquote", "center", "details", "dialog", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "ul"),
		closeRules: [...]closeRule{
			closeP:    {set("p"), set("table", "td", "th", "caption", "button", "object", "template", "html")},
			closeLi:   {set("li"), set("ul", "ol", "table", "td", "th")},
			closeDef:  {set("dd", "dt"), set("dl")},
			closeCell: {set("td", "th"), set("tr", "table")},
			closeRow:  {set("tr", "td", "th"), set("table")},
		},
		dropped: set("head", "title", "script", "style", "noscript", "template", "iframe", "select", "button",
			"textarea", "input", "nav", "aside", "svg", "math", "object", "embed", "canvas", "audio", "video", "map", "footer"),
		block: set("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
			"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
			"h5", "h6", "header", "hgroup", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
			"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
	}
})

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// parseTree builds the element tree of src with the HTML tokenizer, closing
// elements the way browsers imply (a new block closes an open <p>, a new <li>
// the previous one, …). It is an approximation of the HTML5 tree builder that
// keeps byte offsets, which the tree builder of x/net/html does not. Every
// token costs the same however deep the page nests: implied ends are looked
// up in hnode.closable, and an end tag is looked for among the open elements
// only when one of them has its name. ok is false when the page is over
// maxItems or maxToken.
func parseTree(src []byte) (root *hnode, ok bool) {
	root = &hnode{tag: "#document"}
	t := &treeBuilder{cur: root, open: map[string]int{}, tags: htmlTags()}
	z := html.NewTokenizer(bytes.NewReader(src))
	z.SetMaxBuf(maxToken)
	off, items := 0, 0
	for {
		tt := z.Next()
		n := len(z.Raw())
		if items++; items > maxItems {
			return root, false
		}
		switch tt {
		case html.ErrorToken:
			return root, !errors.Is(z.Err(), html.ErrBufferExceeded)
		case html.TextToken:
			t.cur.kids = append(t.cur.kids, hkid{off: off, end: off + n})
		case html.CommentToken:
			t.cur.kids = append(t.cur.kids, hkid{off: off, end: off + n, comment: true, text: string(z.Text())})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tag := string(name)
			var attrs strings.Builder
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if string(k) == "id" || string(k) == "class" {
					attrs.WriteByte(' ')
					attrs.Write(bytes.ToLower(v))
				}
			}
			if !t.tags.structural[tag] && attrs.Len() == 0 {
				break
			}
			t.start(tag, attrs.String(), tt == html.StartTagToken && !t.tags.void[tag])
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == "br" { // </br> is read as <br>
				t.cur.kids = append(t.cur.kids, hkid{node: &hnode{tag: "br", parent: t.cur}})
				break
			}
			t.end(string(name))
		}
		off += n
	}
}

// treeBuilder holds the open elements while parseTree reads a page.
type treeBuilder struct {
	cur  *hnode
	open map[string]int // how many open elements have each tag
	tags *tagSets
}

// start adds an element, after closing the elements its tag implicitly ends;
// it becomes current if it has content and is not nested too deep.
func (t *treeBuilder) start(tag, attrs string, content bool) {
	t.closeImplied(tag)
	parent := t.cur
	el := &hnode{tag: tag, attrs: attrs, parent: parent, depth: parent.depth + 1}
	for k, r := range &t.tags.closeRules {
		switch {
		case r.names[tag]:
			el.closable[k] = el
		case !r.scope[tag]:
			el.closable[k] = parent.closable[k]
		}
	}
	parent.kids = append(parent.kids, hkid{node: el})
	if content && el.depth < MaxNesting {
		t.cur = el
		t.open[tag]++
	}
}

// end closes the innermost open element named tag and those inside it; an
// end tag that matches no open element is ignored.
func (t *treeBuilder) end(tag string) {
	if t.open[tag] == 0 {
		return
	}
	e := t.cur
	for e.tag != tag {
		e = e.parent
	}
	t.closeTo(e)
}

// closeTo closes e and the elements inside it.
func (t *treeBuilder) closeTo(e *hnode) {
	for t.cur != e.parent {
		t.open[t.cur.tag]--
		t.cur = t.cur.parent
	}
}

// closeRule is an end that start tags imply: the nearest open element named
// in names is closed, unless an element named in scope comes first.
type closeRule struct{ names, scope map[string]bool }

const (
	closeP = iota
	closeLi
	closeDef
	closeCell
	closeRow
	closeRuleCount
)

// closeImplied closes the elements a start tag implicitly ends.
func (t *treeBuilder) closeImplied(tag string) {
	switch {
	case tag == "li":
		t.close(closeP)
		t.close(closeLi)
	case tag == "dd" || tag == "dt":
		t.close(closeP)
		t.close(closeDef)
	case tag == "td" || tag == "th":
		t.close(closeCell)
	case tag == "tr":
		t.close(closeRow)
	case t.tags.closesP[tag]:
		t.close(closeP)
	}
}

// close applies close rule k to the current element.
func (t *treeBuilder) close(k int) {
	if e := t.cur.closable[k]; e != nil {
		t.closeTo(e)
	}
}
