package doc

import (
	"bytes"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// readHTML reads a web page: the text of its article, without scripts,
// styles, navigation, breadcrumbs, page headers and footers, one paragraph a
// line. Positions are in the HTML source (Document.Locator); the Document has
// no Source, as fixes are not written to HTML.
func readHTML(path string, data []byte, opts Options) (*Document, error) {
	forced := opts.Encoding
	if forced == "" {
		if enc, _ := bomEncoding(data); enc == "" {
			forced = declaredCharset(data)
		}
	}
	src, enc, err := decodeBytes(path, data, forced, opts.owned)
	if err != nil {
		return nil, err
	}
	b := []byte(src)
	tree, ok := parseTree(b)
	if !ok {
		return nil, newError(path, ErrTooLarge, "网页的元素超过 %d 个，或有一段超过 %s，这不像是一篇报告", maxItems, sizeText(maxToken))
	}
	e := newEmitter(b)
	extract(e, tree)
	text := e.out.String()
	if strings.TrimSpace(text) == "" {
		return nil, newError(path, ErrEmpty, "网页中没有正文文字")
	}
	if err := checkText(path, text); err != nil {
		return nil, err
	}
	d := New(path, FormatHTML, enc, text)
	for i, h := range e.headings {
		if i < len(d.Lines) {
			d.Lines[i].Heading = h
		}
	}
	d.Locator = newLocator(src, e.segs)
	d.Comments = append(outsideComments(tree, e.placed), e.comments...)
	return d, nil
}

// outsideComments returns the comments of the page outside the text read
// (in <head>, in navigation), in source order, each placed at the start of
// the text: a comment there is about the whole page, and is never passed
// over in silence.
func outsideComments(n *hnode, placed map[int]bool) []Comment {
	var out []Comment
	for _, k := range n.kids {
		switch {
		case k.comment && !placed[k.off]:
			out = append(out, Comment{Text: strings.TrimSpace(k.text)})
		case k.node != nil:
			out = append(out, outsideComments(k.node, placed)...)
		}
	}
	return out
}

// declaredCharset returns the encoding a <meta> in the first bytes of a page
// declares, if fzlint reads it; "" means detect.
func declaredCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), 4096)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var label, equiv, content string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					label = string(v)
				case "http-equiv":
					equiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
			}
			if label == "" && equiv == "content-type" {
				if _, after, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
					label = strings.Trim(strings.TrimSpace(after), `"';`)
				}
			}
			if label != "" {
				return supportedCharset(label)
			}
		}
	}
}

// supportedCharset maps an HTML charset label to an encoding fzlint reads.
// A page that declares UTF-16 in a <meta> is ASCII-compatible, so it is not
// UTF-16 (the HTML standard reads it as UTF-8); other charsets are detected.
func supportedCharset(label string) string {
	return charsetLabels()[strings.ToLower(strings.TrimSpace(label))]
}

// charsetLabels are the labels the Encoding Standard gives the encodings
// fzlint reads, as golang.org/x/net/html/charset.Lookup (htmlindex) looks
// them up; a table of its own spares every run the initialisation of the
// tables of all the other encodings, and it is built when the first page
// asks. TestCharsetLabels holds it to Lookup.
var charsetLabels = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"unicode-1-1-utf-8": EncUTF8, "unicode11utf8": EncUTF8, "unicode20utf8": EncUTF8,
		"utf-8": EncUTF8, "utf8": EncUTF8, "x-unicode20utf8": EncUTF8,
		"unicodefffe": EncUTF8, "utf-16be": EncUTF8,
		"csunicode": EncUTF8, "iso-10646-ucs-2": EncUTF8, "ucs-2": EncUTF8, "unicode": EncUTF8,
		"unicodefeff": EncUTF8, "utf-16": EncUTF8, "utf-16le": EncUTF8,
		"chinese": EncGB18030, "csgb2312": EncGB18030, "csiso58gb231280": EncGB18030, "gb2312": EncGB18030,
		"gb_2312": EncGB18030, "gb_2312-80": EncGB18030, "gbk": EncGB18030, "iso-ir-58": EncGB18030,
		"x-gbk": EncGB18030, "gb18030": EncGB18030,
		"big5": EncBig5, "big5-hkscs": EncBig5, "cn-big5": EncBig5, "csbig5": EncBig5, "x-x-big5": EncBig5,
	}
})

// Words in the id or class of elements that hold the article, and of those
// around it that do not (navigation, breadcrumbs, sharing buttons …).
var (
	contentWords = []string{"article", "content", "zoom", "trs_editor", "main", "detail"}
	navWords     = []string{"nav", "menu", "crumb", "bread", "share", "sidebar", "toolbar", "position", "location", "dqwz", "footer"}
)

func hasWord(attrs string, words []string) bool {
	for _, w := range words {
		if strings.Contains(attrs, w) {
			return true
		}
	}
	return false
}

// header tells whether n is a page or section header: dropped around the
// article (the site's banner), kept inside it (where the title is).
func header(n *hnode) bool {
	return n.tag == "header" || strings.Contains(n.attrs, "header")
}

// dropped tells whether n holds no article text. <form> is not dropped:
// ASP.NET sites wrap whole pages in one.
func dropped(n *hnode, inArticle bool) bool {
	return htmlTags().dropped[n.tag] || hasWord(n.attrs, navWords) || !inArticle && header(n)
}

// textSize sets n.size for n and the elements inside it: the bytes of text
// outside dropped elements, as read inside an article.
func textSize(n *hnode, src []byte) int {
	n.size = 0
	for _, k := range n.kids {
		switch {
		case k.comment:
		case k.node == nil:
			n.size += len(bytes.TrimSpace(src[k.off:k.end]))
		case !dropped(k.node, true):
			n.size += textSize(k.node, src)
		}
	}
	return n.size
}

// extract writes the text of the page's article. The article is the element
// marked as content (id or class: article, content, zoom …) with the most
// text, if it holds at least half the text of the page; else the whole body
// without its header. When the article has no <h1>, the last <h1> before it
// is taken for the title.
func extract(e *emitter, root *hnode) {
	textSize(root, e.src)
	var article, title, lastH1 *hnode
	var search func(n *hnode)
	search = func(n *hnode) {
		for _, k := range n.kids {
			c := k.node
			if c == nil || dropped(c, false) {
				continue
			}
			if c.tag == "h1" {
				lastH1 = c
			}
			if hasWord(c.attrs, contentWords) && (article == nil || c.size > article.size) {
				article, title = c, lastH1
			}
			search(c)
		}
	}
	search(root)
	if article == nil || article.size*2 < root.size {
		walkText(e, root, false)
		return
	}
	if title != nil && !contains(article, "h1") {
		walkText(e, &hnode{kids: []hkid{{node: title}}}, true)
	}
	walkText(e, article, true)
}

func contains(n *hnode, tag string) bool {
	for _, k := range n.kids {
		if k.node != nil && (k.node.tag == tag || contains(k.node, tag)) {
			return true
		}
	}
	return false
}

// walkText writes the text inside n.
func walkText(e *emitter, n *hnode, inArticle bool) {
	for _, k := range n.kids {
		c := k.node
		switch {
		case k.comment:
			e.comments = append(e.comments, Comment{Text: strings.TrimSpace(k.text), Start: e.out.Len(), End: e.out.Len()})
			e.placed[k.off] = true
		case c == nil:
			e.text(k.off, k.end)
		case dropped(c, inArticle):
		case c.tag == "br" || c.tag == "hr":
			e.lineBreak()
		case htmlTags().block[c.tag]:
			e.lineBreak()
			outer := e.heading
			if len(c.tag) == 2 && c.tag[0] == 'h' && c.tag[1] >= '1' && c.tag[1] <= '6' {
				e.heading = int(c.tag[1] - '0')
			}
			walkText(e, c, inArticle)
			e.heading = outer
			e.lineBreak()
		default:
			walkText(e, c, inArticle)
		}
	}
}
