package doc

import (
	"bytes"
	"strings"

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
}

// hkid is a child: an element, the source span [off, end) of a text token, or
// a comment (comment set, its text in text).
type hkid struct {
	node     *hnode
	off, end int
	comment  bool
	text     string
}

// Bounds on the tree of a page: browsers cap nesting too, and a page with
// more than maxItems elements and texts is not a report.
const (
	maxDepth = 256
	maxItems = 1 << 20
)

// voidTags have no content and no end tag.
var voidTags = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")

// structural tags end paragraphs or decide what is dropped; other elements
// (span, a, font, b …) matter only when an id or class may mark them.
var structural = set("address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
	"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
	"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
	"head", "title", "script", "style", "noscript", "template", "iframe", "select", "button", "textarea",
	"input", "svg", "math", "object", "embed", "canvas", "audio", "video", "map")

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
// keeps byte offsets, which the tree builder of x/net/html does not.
func parseTree(src []byte) (root *hnode, ok bool) {
	root = &hnode{tag: "#document"}
	cur, items := root, 0
	z := html.NewTokenizer(bytes.NewReader(src))
	off := 0
	for {
		tt := z.Next()
		n := len(z.Raw())
		if items++; items > maxItems {
			return root, false
		}
		switch tt {
		case html.ErrorToken:
			return root, true
		case html.TextToken:
			cur.kids = append(cur.kids, hkid{off: off, end: off + n})
		case html.CommentToken:
			cur.kids = append(cur.kids, hkid{off: off, end: off + n, comment: true, text: string(z.Text())})
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
			if !structural[tag] && attrs.Len() == 0 {
				break
			}
			cur = closeImplied(cur, tag)
			el := &hnode{tag: tag, attrs: attrs.String(), parent: cur, depth: cur.depth + 1}
			cur.kids = append(cur.kids, hkid{node: el})
			if tt == html.StartTagToken && !voidTags[tag] && el.depth < maxDepth {
				cur = el
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == "br" { // </br> is read as <br>
				cur.kids = append(cur.kids, hkid{node: &hnode{tag: "br", parent: cur}})
				break
			}
			for e := cur; e != root; e = e.parent {
				if e.tag == string(name) {
					cur = e.parent
					break
				}
			}
		}
		off += n
	}
}

var (
	closesP    = set("address", "article", "aside", "blockquote", "center", "details", "dialog", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "ul")
	pScope     = set("table", "td", "th", "caption", "button", "object", "template", "html")
	listScope  = set("ul", "ol", "table", "td", "th")
	cellScope  = set("tr", "table")
	rowScope   = set("table")
	closeCells = set("td", "th")
	closeRows  = set("tr", "td", "th")
	closeDefs  = set("dd", "dt")
	pOnly      = set("p")
	liOnly     = set("li")
	dlOnly     = set("dl")
)

// closeImplied returns the element a start tag opens in, after closing the
// elements the tag implicitly ends.
func closeImplied(cur *hnode, tag string) *hnode {
	switch {
	case tag == "li":
		return closeTo(closeTo(cur, pOnly, pScope), liOnly, listScope)
	case tag == "dd" || tag == "dt":
		return closeTo(closeTo(cur, pOnly, pScope), closeDefs, dlOnly)
	case tag == "td" || tag == "th":
		return closeTo(cur, closeCells, cellScope)
	case tag == "tr":
		return closeTo(cur, closeRows, rowScope)
	case closesP[tag]:
		return closeTo(cur, pOnly, pScope)
	}
	return cur
}

// closeTo closes the nearest open element named in names, unless an element
// named in scope comes first; it returns the element then current.
func closeTo(cur *hnode, names, scope map[string]bool) *hnode {
	for e := cur; e != nil && e.parent != nil; e = e.parent {
		if names[e.tag] {
			return e.parent
		}
		if scope[e.tag] {
			break
		}
	}
	return cur
}
