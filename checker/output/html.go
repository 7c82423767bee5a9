package output

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/checklist"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/outline"
	"github.com/fzlint/fzlint/rules"
)

// HTML prints one self-contained page for drafters, readable offline (no
// script, style or font from elsewhere): per file, the checklist, a filter by
// severity and pack, the document with every finding highlighted at its
// range (hover for the message and source, click for the details), and the
// findings grouped by part and severity, each scrolling to its place. It
// prints on A4. Files are written as they come; the summary ends the page.
type HTML struct {
	w         io.Writer
	started   bool
	files     int
	summary   summary
	structure func(checker.FileResult) (*outline.Outline, *checklist.List)
}

// NewHTML returns an HTML printer writing to w.
func NewHTML(w io.Writer, opts Options) *HTML {
	return &HTML{w: w, structure: opts.Review}
}

// htmlHead is the page's head: its style, for screen and for A4 paper.
const htmlHead = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fzlint 检查结果</title>
<style>
body{font-family:"FangSong","STFangsong","仿宋","仿宋_GB2312","Noto Serif CJK SC","Source Han Serif SC",serif;margin:1.5em;color:#222;line-height:1.6}
h1,h2,h3,th{font-family:"SimHei","黑体","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif}
h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.3em;margin-top:2em}
h3{font-size:1em;margin:.8em 0 .3em}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0 1em}
td,th{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
.meta{color:#666;font-size:.85em}
.st-present{color:#070}.st-weak{color:#b60}.st-missing{color:#c00}.st-unknown{color:#777}
.mark{font-weight:bold;white-space:nowrap}
.filters{font-size:.9em;margin:.5em 0;padding:.4em .6em;background:#f6f6f6;border:1px solid #e4e4e4}
.filters label{margin-right:1em;white-space:nowrap}
.cols{display:flex;gap:1em;align-items:flex-start}
.doc{flex:3;border:1px solid #ddd;padding:.5em 1em;line-height:1.9;min-width:0}
.findings{flex:2;position:sticky;top:0;max-height:100vh;overflow:auto;font-size:.9em;min-width:0}
.findings ul{list-style:none;padding:0;margin:0}
.findings li{border-left:4px solid #ccc;padding:.2em .5em;margin:.3em 0;cursor:pointer}
.findings li:hover{background:#f4f8ff}
li.sev-error{border-color:#c00}li.sev-warning{border-color:#d90}li.sev-info{border-color:#36c}
.line{white-space:pre-wrap;padding-left:3.5em;text-indent:-3.5em;overflow-wrap:anywhere}
.ln{display:inline-block;width:3.5em;color:#999;user-select:none;text-indent:0;font-size:.8em}
mark{cursor:pointer;color:inherit}
mark.error{background:#fdd;border-bottom:2px solid #c00}
mark.warning{background:#ffefc0;border-bottom:2px solid #d90}
mark.info{background:#e0efff;border-bottom:2px solid #36c}
mark.point::before{content:"‸";color:#c00;font-weight:bold}
mark.nl::after{content:"⏎";color:#999}
mark.off{background:none;border-bottom:none}
mark.flash{outline:3px solid #f80}
.hidden{display:none}
.sev-error .sev{color:#c00}.sev-warning .sev{color:#b60}.sev-info .sev{color:#36c}
.src{color:#666;font-size:.85em}
.change del{background:#fdd;text-decoration:line-through}
.change ins{background:#dfd;text-decoration:none}
.rule{color:#888;font-size:.85em}
.failed{background:#fdd;padding:.5em 1em}
#pop{position:fixed;z-index:9;max-width:28em;background:#fff;border:1px solid #999;box-shadow:0 2px 8px rgba(0,0,0,.3);padding:.5em .8em;font-size:.9em;display:none}
@media print{
 @page{size:A4;margin:2cm 1.8cm}
 body{margin:0;font-size:11pt}
 .filters,#pop{display:none!important}
 .cols{display:block}
 .findings{position:static;max-height:none;overflow:visible}
 .doc{border:none;padding:0}
 mark{background:none!important}
 section{break-before:page}
 section:first-of-type{break-before:auto}
 tr,li{break-inside:avoid}
}
</style>
</head>
<body>
<h1>fzlint 检查结果</h1>
<div id="pop" role="dialog"></div>
`

// htmlScript wires the page: the filters, a click on a finding in the list
// (scrolls to its place), a click on a highlight (shows its findings).
const htmlScript = `<script>
(function(){
function covered(m){return m.dataset.f.split(" ")}
function apply(sec){
  var off={};
  sec.querySelectorAll(".filters input").forEach(function(c){if(!c.checked)off[c.value]=true});
  var shown={};
  sec.querySelectorAll(".findings li").forEach(function(li){
    var hide=off["sev:"+li.dataset.sev]||off["pack:"+li.dataset.pack];
    li.classList.toggle("hidden",!!hide);
    if(!hide)shown[li.dataset.i]=true;
  });
  sec.querySelectorAll("mark").forEach(function(m){
    m.classList.toggle("off",!covered(m).some(function(i){return shown[i]}));
  });
}
document.querySelectorAll("section.file").forEach(function(sec){
  sec.querySelectorAll(".filters input").forEach(function(c){c.addEventListener("change",function(){apply(sec)})});
  sec.querySelectorAll(".findings li").forEach(function(li){
    li.addEventListener("click",function(e){
      var m=document.getElementById(sec.id+"-"+li.dataset.i);
      if(!m)return;
      e.preventDefault();
      m.scrollIntoView({block:"center"});
      m.classList.add("flash");
      setTimeout(function(){m.classList.remove("flash")},1500);
    });
  });
});
var pop=document.getElementById("pop");
document.addEventListener("click",function(e){
  var m=e.target.closest&&e.target.closest("mark");
  if(!m){pop.style.display="none";return}
  var sec=m.closest("section.file"),html="";
  covered(m).forEach(function(i){
    var li=sec.querySelector('.findings li[data-i="'+i+'"]');
    if(li&&!li.classList.contains("hidden"))html+="<div>"+li.innerHTML+"</div>";
  });
  if(!html){pop.style.display="none";return}
  pop.innerHTML=html;
  var r=m.getBoundingClientRect();
  pop.style.left=Math.min(r.left,window.innerWidth-420)+"px";
  pop.style.top=(r.bottom+6)+"px";
  pop.style.display="block";
});
})();
</script>
`

// File prints one file's section.
func (p *HTML) File(r checker.FileResult) error {
	p.summary.add(r)
	p.files++
	bw := bufio.NewWriter(p.w) // keeps the first write error for Flush
	if !p.started {
		fmt.Fprint(bw, htmlHead)
		p.started = true
	}
	id := "f" + strconv.Itoa(p.files)
	fmt.Fprintf(bw, "<section class=\"file\" id=\"%s\">\n<h2>%s</h2>\n", id, esc(r.Path))
	if r.Error != nil {
		fmt.Fprintf(bw, "<p class=\"failed\">无法检查：%s（%s）</p>\n</section>\n", esc(r.Error.Message), esc(r.Error.Code))
		return bw.Flush()
	}
	var o *outline.Outline
	var list *checklist.List
	if p.structure != nil && r.Doc != nil {
		o, list = p.structure(r)
	}
	if r.Doc != nil && r.Doc.Locator != nil {
		fmt.Fprint(bw, "<p class=\"meta\">问题的位置是网页源文件中的“行:列”；正文左侧的行号是提取出的正文的行号，两者都列在问题清单中。</p>\n")
	}
	if list != nil {
		writeChecklist(bw, list)
	}
	if len(r.Findings) == 0 {
		fmt.Fprint(bw, "<p>未发现问题。</p>\n")
	}
	if r.Doc == nil {
		fmt.Fprint(bw, "</section>\n")
		return bw.Flush()
	}
	if len(r.Findings) > 0 {
		writeFilters(bw, r.Findings)
	}
	fmt.Fprint(bw, "<div class=\"cols\">\n")
	writeDocument(bw, id, r)
	if len(r.Findings) > 0 {
		writeFindings(bw, id, r, o, list)
	}
	fmt.Fprint(bw, "</div>\n</section>\n")
	return bw.Flush()
}

// Finish prints the summary and the script, and ends the page.
func (p *HTML) Finish() error {
	bw := bufio.NewWriter(p.w)
	if !p.started {
		fmt.Fprint(bw, htmlHead)
	}
	fmt.Fprintf(bw, "<p><strong>%s</strong></p>\n%s</body>\n</html>\n", esc(summaryLine(p.summary)), htmlScript)
	return bw.Flush()
}

// writeChecklist writes the checklist as a table.
func writeChecklist(w *bufio.Writer, l *checklist.List) {
	fmt.Fprint(w, "<h3>核对清单</h3>\n<table class=\"checklist\">\n<tr><th>项目</th><th>结果</th><th>位置</th><th>说明</th><th>依据</th></tr>\n")
	for _, it := range l.Items {
		at := ""
		if it.Where != nil {
			at = fmt.Sprintf("第 %d 行“%s”", it.Where.Line, it.Where.Text)
		}
		var notes []string
		if it.Reason != "" {
			notes = append(notes, esc(it.Reason))
		}
		for _, n := range it.Notes {
			notes = append(notes, esc(fmt.Sprintf("第 %d 行：%s", n.Line, n.Message)))
		}
		fmt.Fprintf(w, "<tr class=\"st-%s\" data-item=\"%s\"><td>%s</td><td class=\"mark\">%s %s</td><td>%s</td><td>%s</td><td class=\"src\">%s</td></tr>\n",
			it.Status, esc(it.ID), esc(it.Name), it.Status.Mark(), esc(it.Verdict()), esc(at), strings.Join(notes, "<br>"), esc(it.Source))
	}
	fmt.Fprint(w, "</table>\n")
}

// writeFilters writes a checkbox per severity and per pack found.
func writeFilters(w *bufio.Writer, fs []checker.Finding) {
	var packs []string
	sevs := map[rules.Severity]int{}
	for _, f := range fs {
		sevs[f.Severity]++
		if pack := packOf(f.Rule); !slices.Contains(packs, pack) {
			packs = append(packs, pack)
		}
	}
	sort.Strings(packs)
	fmt.Fprint(w, "<div class=\"filters\">显示：")
	for _, s := range []rules.Severity{rules.Error, rules.Warning, rules.Info} {
		if sevs[s] > 0 {
			fmt.Fprintf(w, "<label><input type=\"checkbox\" value=\"sev:%s\" checked>%s（%d）</label>", s, s.Chinese(), sevs[s])
		}
	}
	fmt.Fprint(w, " 规则包：")
	for _, pk := range packs {
		fmt.Fprintf(w, "<label><input type=\"checkbox\" value=\"pack:%s\" checked>%s</label>", esc(pk), esc(pk))
	}
	fmt.Fprint(w, "</div>\n")
}

func packOf(rule string) string {
	pack, _, _ := strings.Cut(rule, "/")
	return pack
}

// writeDocument writes the text line by line, cut wherever a finding starts
// or ends so that overlapping findings need no nested marks: each piece is
// marked with the most serious finding covering it and lists every finding
// covering it (data-f); the first piece of each finding carries its id. A
// finding with an empty range is an empty mark where it points, and one
// over a line break where the line has no text of it an empty mark there.
// Each line is swept once, so a line with many findings costs no more than
// what is written.
func writeDocument(w *bufio.Writer, id string, r checker.FileResult) {
	d := r.Doc
	fs := r.Findings
	starts := map[int][]int{} // findings by the line they start on
	for i, f := range fs {
		n := d.LineAt(f.Range.Start.Offset)
		starts[n] = append(starts[n], i)
	}
	first := make([]bool, len(fs))
	var carried []int // findings spanning into the current line from above
	fmt.Fprint(w, "<div class=\"doc\">\n")
	for n, l := range d.Lines {
		fmt.Fprintf(w, "<div class=\"line\"><span class=\"ln\">%d</span>", n+1)
		here := append(slices.Clone(carried), starts[n+1]...)
		sort.SliceStable(here, func(x, y int) bool { return fs[here[x]].Range.Start.Offset < fs[here[y]].Range.Start.Offset })
		cuts := []int{l.Start, l.End}
		empties := map[int][]int{} // empty marks before the text at an offset
		var trailing []int         // empty marks at the line's end
		for _, i := range here {
			s, e := fs[i].Range.Start.Offset, fs[i].Range.End.Offset
			for _, off := range []int{s, e} {
				if off > l.Start && off < l.End {
					cuts = append(cuts, off)
				}
			}
			switch {
			case s == e: // an empty range
				if s == l.End {
					trailing = append(trailing, i)
				} else {
					empties[s] = append(empties[s], i)
				}
			case e == l.Start && s < l.Start: // ending where the line starts
				empties[l.Start] = append(empties[l.Start], i)
			case s == l.End && e > l.End: // starting with the line's end
				trailing = append(trailing, i)
			}
		}
		sort.Ints(cuts)
		cuts = slices.Compact(cuts)
		var active []int // findings with text in the line covering the current piece
		next := 0
		for k := 0; k+1 < len(cuts); k++ {
			a, b := cuts[k], cuts[k+1]
			for _, i := range empties[a] {
				writeEmpty(w, id, fs[i], i, emptyClass(fs[i]), first)
			}
			kept := active[:0]
			for _, i := range active {
				if fs[i].Range.End.Offset > a {
					kept = append(kept, i)
				}
			}
			active = kept
			for ; next < len(here) && fs[here[next]].Range.Start.Offset <= a; next++ {
				if i := here[next]; fs[i].Range.End.Offset > a {
					active = append(active, i)
				}
			}
			writePiece(w, id, r, active, first, a, b)
		}
		if len(cuts) == 1 { // an empty line: no piece wrote what starts there
			trailing = slices.Concat(empties[l.Start], trailing)
		}
		for _, i := range trailing {
			writeEmpty(w, id, fs[i], i, emptyClass(fs[i]), first)
		}
		fmt.Fprint(w, "</div>\n")
		carried = carried[:0]
		for _, i := range here {
			if fs[i].Range.End.Offset > l.End {
				carried = append(carried, i)
			}
		}
	}
	fmt.Fprint(w, "</div>\n")
}

// emptyClass is the class of an empty mark: a point for an empty range, a
// line break otherwise.
func emptyClass(f checker.Finding) string {
	if f.Range.Start.Offset == f.Range.End.Offset {
		return "point"
	}
	return "nl"
}

// writeEmpty writes an empty mark: finding i at an empty range, or at a
// line break it covers where the line has no text of it.
func writeEmpty(w *bufio.Writer, id string, f checker.Finding, i int, class string, first []bool) {
	idAttr := ""
	if !first[i] {
		first[i] = true
		idAttr = fmt.Sprintf(" id=\"%s-%d\"", id, i)
	}
	fmt.Fprintf(w, "<mark class=\"%s %s\"%s data-f=\"%d\" title=\"%s\"></mark>", f.Severity, class, idAttr, i, esc(tooltip(f)))
}

// writePiece writes d.Text[a:b] marked by the findings covering it. The
// first piece of a finding holds its id; when several start there, the
// others get empty anchors just before it.
func writePiece(w *bufio.Writer, id string, r checker.FileResult, covering []int, first []bool, a, b int) {
	text := esc(r.Doc.Text[a:b])
	if len(covering) == 0 {
		fmt.Fprint(w, text)
		return
	}
	worst := rules.Off
	anchor := -1
	ids := make([]string, len(covering))
	titles := make([]string, len(covering))
	for k, i := range covering {
		f := r.Findings[i]
		worst = max(worst, f.Severity)
		ids[k], titles[k] = strconv.Itoa(i), tooltip(f)
		if !first[i] {
			if anchor >= 0 {
				fmt.Fprintf(w, "<a id=\"%s-%d\"></a>", id, i)
			} else {
				anchor = i
			}
			first[i] = true
		}
	}
	idAttr := ""
	if anchor >= 0 {
		idAttr = fmt.Sprintf(" id=\"%s-%d\"", id, anchor)
	}
	fmt.Fprintf(w, "<mark class=\"%s\"%s data-f=\"%s\" title=\"%s\">%s</mark>", worst, idAttr, strings.Join(ids, " "), esc(strings.Join(titles, "\n")), text)
}

func tooltip(f checker.Finding) string {
	t := f.Severity.Chinese() + "：" + f.Message
	if f.Source != "" {
		t += "\n依据：" + f.Source
	}
	return t
}

// writeFindings lists the findings grouped by the part of the report they
// are in, the most serious first in each part.
func writeFindings(w *bufio.Writer, id string, r checker.FileResult, o *outline.Outline, list *checklist.List) {
	groups := groupByPart(r, o, list)
	fmt.Fprint(w, "<aside class=\"findings\">\n")
	for _, g := range groups {
		fmt.Fprintf(w, "<h3>%s（%d）</h3>\n<ul>\n", esc(g.name), len(g.items))
		for _, i := range g.items {
			writeFinding(w, id, r, i)
		}
		fmt.Fprint(w, "</ul>\n")
	}
	fmt.Fprint(w, "</aside>\n")
}

func writeFinding(w *bufio.Writer, id string, r checker.FileResult, i int) {
	f, d := r.Findings[i], r.Doc
	at := fmt.Sprintf("%d:%d", f.Range.Start.Line, f.Range.Start.Column)
	if d.Locator != nil {
		at += fmt.Sprintf("（正文第 %d 行）", d.LineAt(f.Range.Start.Offset))
	}
	fmt.Fprintf(w, "<li class=\"sev-%s\" data-i=\"%d\" data-sev=\"%s\" data-pack=\"%s\"><a href=\"#%s-%d\">%s</a> <span class=\"sev\">%s</span> %s <span class=\"rule\">[%s]</span>",
		f.Severity, i, f.Severity, esc(packOf(f.Rule)), id, i, at, f.Severity.Chinese(), esc(f.Message), esc(f.Rule))
	if f.Source != "" {
		fmt.Fprintf(w, "<div class=\"src\">依据：%s</div>", esc(f.Source))
	}
	if f.Fix != nil {
		fmt.Fprintf(w, "<div class=\"change\">建议修改：%s</div>", changeHTML(d, f.Fix))
	}
	fmt.Fprint(w, "</li>\n")
}

// group is the findings of one part.
type group struct {
	name  string
	start int
	items []int
}

// groupByPart sorts the findings into the parts of the outline (by the
// offset they start at), the text before the first part and after the last.
func groupByPart(r checker.FileResult, o *outline.Outline, list *checklist.List) []*group {
	names := map[outline.Role]string{}
	if list != nil {
		for _, it := range list.Items {
			if role, ok := strings.CutPrefix(it.ID, "part/"); ok {
				names[outline.Role(role)] = it.Name
			}
		}
	}
	var parts []*outline.Part
	if o != nil {
		for _, role := range outline.Roles {
			if p := o.Parts[role]; p != nil {
				parts = append(parts, p)
			}
		}
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].Start < parts[j].Start })
	head := &group{name: "全文"}
	if len(parts) > 0 {
		head.name = "标题和开头"
	}
	groups := []*group{head}
	byPart := map[*outline.Part]*group{}
	for _, p := range parts {
		name := names[p.Role]
		if name == "" {
			name = string(p.Role)
		}
		if p.Form == outline.FormInline {
			name += "（正文中）"
		}
		g := &group{name: name, start: p.Start}
		byPart[p] = g
		groups = append(groups, g)
	}
	tail := &group{name: "结尾（署名、日期、附件）"}
	groups = append(groups, tail)
	for i, f := range r.Findings {
		off := f.Range.Start.Offset
		g := head
		for k, p := range parts {
			end := p.End
			if end <= p.Start && k+1 < len(parts) {
				end = parts[k+1].Start
			}
			if off >= p.Start && (end <= p.Start || off < end) {
				g = byPart[p]
			}
		}
		if len(parts) > 0 && g == byPart[parts[len(parts)-1]] && parts[len(parts)-1].End > parts[len(parts)-1].Start && off >= parts[len(parts)-1].End {
			g = tail
		}
		g.items = append(g.items, i)
	}
	var out []*group
	for _, g := range groups {
		if len(g.items) == 0 {
			continue
		}
		sort.SliceStable(g.items, func(a, b int) bool {
			return r.Findings[g.items[a]].Severity > r.Findings[g.items[b]].Severity
		})
		out = append(out, g)
	}
	return out
}

// changeHTML shows a fix as the change itself in a window of its context:
// the removed text struck through, the new text marked, line breaks as ⏎.
func changeHTML(d *doc.Document, fx *checker.Fix) string {
	s := clamp(fx.Range.Start.Offset, 0, len(d.Text))
	e := clamp(fx.Range.End.Offset, s, len(d.Text))
	const ctx = 10
	pre, post := lastRunes(d.Text[:s], ctx), firstRunes(d.Text[e:], ctx)
	var b strings.Builder
	if len(pre) < s {
		b.WriteString("…")
	}
	b.WriteString(esc(visible(pre)))
	if s < e {
		b.WriteString("<del>" + esc(visible(elide(d.Text[s:e]))) + "</del>")
	}
	if fx.Text != "" {
		b.WriteString("<ins>" + esc(visible(elide(fx.Text))) + "</ins>")
	}
	b.WriteString(esc(visible(post)))
	if len(post) < len(d.Text)-e {
		b.WriteString("…")
	}
	return b.String()
}

// lastRunes is the end of s, n runes at most.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// firstRunes is the start of s, n runes at most.
func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// visible shows line breaks as ⏎.
func visible(s string) string { return strings.ReplaceAll(s, "\n", "⏎") }

// elide keeps the ends of a long change.
func elide(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return string(r[:20]) + "……" + string(r[len(r)-15:])
}

func esc(s string) string { return html.EscapeString(s) }
