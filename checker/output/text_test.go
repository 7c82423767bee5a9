package output

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/rules"
)

// TestCaretAlignment checks, for every finding of the fixture shown on its
// whole line, that the caret sits under the first character of the range: its
// display offset in the caret line equals the display width of the line before
// the range (tabs kept as tabs), and the underline is as wide as the range's
// part of the line. Windows cut from long lines are checked in TestSnippetWindow.
func TestCaretAlignment(t *testing.T) {
	results := fixture(t)
	var buf bytes.Buffer
	if err := PrintAll(NewText(&buf, Options{}), results); err != nil {
		t.Fatal(err)
	}
	out := strings.Split(buf.String(), "\n")
	// Measured with go-runewidth, independently of the printer's own table.
	w := runewidth.NewCondition()
	w.EastAsianWidth = false
	next, checked := 0, 0
	for _, r := range results {
		for _, f := range r.Findings {
			for next < len(out) && !(strings.HasPrefix(out[next], r.Path+":") && strings.HasSuffix(out[next], "["+f.Rule+"]")) {
				next++
			}
			if next+2 >= len(out) {
				t.Fatalf("%s: no output for the finding", f.Rule)
			}
			src, caret := strings.TrimPrefix(out[next+1], indent), strings.TrimPrefix(out[next+2], indent)
			next += 3

			d := r.Doc
			l := d.Lines[d.LineAt(f.Range.Start.Offset)-1]
			if src != d.Text[l.Start:l.End] {
				if !strings.Contains(src, "…") {
					t.Errorf("%s: shows %q, not its line", f.Rule, src)
				}
				continue
			}
			prefix := d.Text[l.Start:f.Range.Start.Offset]
			span := d.Text[f.Range.Start.Offset:min(f.Range.End.Offset, l.End)]
			at := strings.IndexByte(caret, '^')
			if at < 0 {
				t.Errorf("%s: no caret in %q", f.Rule, caret)
				continue
			}
			if got, want := w.StringWidth(caret[:at]), w.StringWidth(prefix); got != want {
				t.Errorf("%s: caret at column %d, want %d (after %q)", f.Rule, got, want, prefix)
			}
			if got, want := strings.Count(caret[:at], "\t"), strings.Count(prefix, "\t"); got != want {
				t.Errorf("%s: %d tabs before the caret, want %d", f.Rule, got, want)
			}
			if got, want := w.StringWidth(caret[at:]), max(1, w.StringWidth(span)); got != want {
				t.Errorf("%s: underline %d columns wide, want %d", f.Rule, got, want)
			}
			checked++
		}
	}
	if checked < 8 {
		t.Errorf("only %d findings checked", checked)
	}
}

// TestCaretColumns pins the caret of a range after CJK and full-width
// characters without going through runewidth: 21 wide characters, 42 columns.
func TestCaretColumns(t *testing.T) {
	d := doc.New("a.txt", doc.FormatText, "utf-8", "（一）坚持党的领导。根据《某某规定》（厅字[2019]28号）")
	s := strings.Index(d.Text, "[")
	src, marks := snippetLines(d, d.Range(s, s+len("[2019]")))
	if src != d.Text {
		t.Errorf("source line %q", src)
	}
	if want := strings.Repeat(" ", 42) + "^~~~~~"; marks != want {
		t.Errorf("caret line\n%q\nwant\n%q", marks, want)
	}
}

// snippetLines is what the printer writes for a finding on rg: its source
// line and its caret line, without the indent.
func snippetLines(d *doc.Document, rg doc.Range) (src, marks string) {
	b := NewText(io.Discard, Options{}).appendSnippet(nil, d, rg, style{})
	lines := strings.Split(string(b), "\n")
	return strings.TrimPrefix(lines[0], indent), strings.TrimPrefix(lines[1], indent)
}

// TestSnippetWindow checks the window cut from a line too wide for a terminal.
func TestSnippetWindow(t *testing.T) {
	line := strings.Repeat("甲", 60) + "\t" + "错字" + strings.Repeat("乙", 60)
	d := doc.New("a.docx", doc.FormatDocx, "utf-8", line)
	s := strings.Index(line, "错字")
	for _, tc := range []struct {
		name       string
		start, end int
		src, marks string
	}{
		{"middle", s, s + len("错字"),
			"…" + strings.Repeat("甲", 19) + "\t错字" + strings.Repeat("乙", 9) + "…",
			strings.Repeat(" ", 39) + "\t^~~~"},
		{"long range", s, len(line),
			"…" + strings.Repeat("甲", 19) + "\t错字" + strings.Repeat("乙", 18) + "…",
			strings.Repeat(" ", 39) + "\t^" + strings.Repeat("~", 39)},
		{"line start", 0, len("甲"),
			strings.Repeat("甲", 10) + "…",
			"^~"},
	} {
		src, marks := snippetLines(d, d.Range(tc.start, tc.end))
		if src != tc.src || marks != tc.marks {
			t.Errorf("%s:\n got %q\n     %q\nwant %q\n     %q", tc.name, src, marks, tc.src, tc.marks)
		}
	}
}

func TestColor(t *testing.T) {
	results := fixture(t)
	for _, on := range []bool{true, false} {
		var buf bytes.Buffer
		if err := PrintAll(NewText(&buf, Options{Color: on}), results); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(buf.String(), "\x1b["); got != on {
			t.Errorf("Color: %v, escape sequences: %v", on, got)
		}
	}
}

func TestColorWanted(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Setenv("NO_COLOR", "")
	if ColorWanted(f, false) {
		t.Error("color wanted for a regular file")
	}
	if ColorWanted(os.Stdout, true) {
		t.Error("color wanted despite --no-color")
	}
	t.Setenv("NO_COLOR", "1")
	if ColorWanted(os.Stdout, false) {
		t.Error("color wanted despite NO_COLOR")
	}
}

func TestFixHint(t *testing.T) {
	d := doc.New("a.txt", doc.FormatText, "utf-8", "根据厅字[2019]28号。。")
	rg := func(from, to string) doc.Range {
		s := strings.Index(d.Text, from)
		return d.Range(s, s+len(to))
	}
	f := checker.Finding{Rule: "x/y", Severity: rules.Warning, Range: rg("[2019]", "[2019]")}
	for _, tc := range []struct {
		fix  checker.Fix
		want string
	}{
		{checker.Fix{Range: f.Range, Text: "〔2019〕"}, "建议改为：“〔2019〕”"},
		{checker.Fix{Range: f.Range}, "建议删除"},
		{checker.Fix{Range: rg("28", ""), Text: "第"}, "建议插入：“第”"},
		{checker.Fix{Range: rg("。", "。")}, "建议删除“。”"},
		{checker.Fix{Range: rg("厅字", "厅字"), Text: "国办"}, "建议将“厅字”改为“国办”"},
	} {
		f.Fix = &tc.fix
		if got := fixHint(d, f); got != tc.want {
			t.Errorf("fixHint = %q, want %q", got, tc.want)
		}
	}
}

// TestRuneWidth: the printer's width table agrees with go-runewidth (East Asian
// ambiguous characters narrow) on the characters reports are made of.
func TestRuneWidth(t *testing.T) {
	w := runewidth.NewCondition()
	w.EastAsianWidth = false
	for _, r := range "aZ09 ,.;:?!()[]汉字報告，。；：？！（）《》〔〕【】、“”‘’…—①⑴Ａ１　\u0301" {
		if got, want := runeWidth(r), w.RuneWidth(r); got != want {
			t.Errorf("runeWidth(%q) = %d, go-runewidth says %d", r, got, want)
		}
	}
}

// TestRuneWidthShortcuts: the shortcuts of runeWidth give what the tables give.
func TestRuneWidthShortcuts(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := runeWidth(r), tableWidth(r); got != want {
			t.Fatalf("runeWidth(%U) = %d, the tables say %d", r, got, want)
		}
	}
}

// TestFixHintWindow: a fix that rewrites a paragraph or joins lines is shown
// as the change with ten columns of text around it, line breaks as ⏎.
func TestFixHintWindow(t *testing.T) {
	r := strings.Repeat
	for _, tc := range []struct {
		name, text, old, repl, want string
	}{
		{"paragraph for one mark", r("甲", 100) + "," + r("乙", 100), r("甲", 100) + "," + r("乙", 100),
			r("甲", 100) + "，" + r("乙", 100),
			"建议将“…甲甲甲甲,乙乙乙乙…”改为“…甲甲甲甲，乙乙乙乙…”"},
		{"line break removed", "第一行内容,\n第二行内容。", "\n", "",
			"建议将“…一行内容,⏎第二行内…”改为“…一行内容,第二行内…”"},
		{"CRLF file", "甲乙\r\n丙丁", "\n", "", "建议将“甲乙⏎丙丁”改为“甲乙丙丁”"},
		{"break inserted", "甲乙丙丁", "", "\r\n", "建议将“甲乙丙丁”改为“甲乙⏎丙丁”"},
		{"long line deleted", "甲\n" + r("乙", 60) + "\n丙", r("乙", 60) + "\n", "",
			"建议将“" + r("乙", 19) + "…" + r("乙", 19) + "⏎丙”改为“丙”"},
		{"whole text deleted", r("乙", 60), r("乙", 60), "", "建议删除“" + r("乙", 19) + "…" + r("乙", 19) + "”"},
		{"short fix unchanged", "甲,乙", ",", "，", "建议改为：“，”"},
		{"ten columns kept whole", r("甲", 5) + "\n" + r("乙", 5), "\n", "", "建议将“甲甲甲甲甲⏎乙乙乙乙乙”改为“甲甲甲甲甲乙乙乙乙乙”"},
		{"shared start of ten columns", "丙" + r("甲", 5) + "," + r("乙", 50), r("甲", 5) + "," + r("乙", 50),
			r("甲", 5) + "，" + r("乙", 50), "建议将“…甲甲甲甲,乙乙乙乙…”改为“…甲甲甲甲，乙乙乙乙…”"},
		{"line and shared start", "丙丁" + r("甲", 3) + "," + r("乙", 50), r("甲", 3) + "," + r("乙", 50),
			r("甲", 3) + "，" + r("乙", 50), "建议将“丙丁甲甲甲,乙乙乙乙…”改为“丙丁甲甲甲，乙乙乙乙…”"},
		{"line and shared start cut", "丙丁戊" + r("甲", 3) + "," + r("乙", 50), r("甲", 3) + "," + r("乙", 50),
			r("甲", 3) + "，" + r("乙", 50), "建议将“…戊甲甲甲,乙乙乙乙…”改为“…戊甲甲甲，乙乙乙乙…”"},
	} {
		d := doc.New("a.txt", doc.FormatText, "utf-8", tc.text)
		s := strings.Index(d.Text, tc.old)
		if tc.old == "" {
			s = len("甲乙")
		}
		rg := d.Range(s, s+len(tc.old))
		f := checker.Finding{Rule: "x/y", Range: rg, Fix: &checker.Fix{Range: rg, Text: tc.repl}}
		if got := fixHint(d, f); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// fixHint is the hint appendFixHint appends, as a string. (The HTML printer
// shows a fix as the change, changeHTML, and no longer uses it.)
func fixHint(d *doc.Document, f checker.Finding) string {
	return string(NewText(io.Discard, Options{}).appendFixHint(nil, d, f))
}

// widthSamples are strings to hold the text printer's shortcuts to the plain
// computations: the seeds' lines, and random strings of ASCII, CJK, line
// breaks, zero-width and wide characters, emoji and invalid UTF-8.
func widthSamples(t *testing.T) []string {
	var out []string
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.SplitAfter(string(data), "\n")...)
	}
	pieces := []string{"a", " ", "\t", "\r", "\n", "\r\n", "中", "，", "“", "…", "\u200b", "\u0301", "😀", "é", "\xff", "\xe4\xb8", "Ａ",
		"\u1100", "\u3099", "\ufe0f", "\ufffd", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf", "\x85"}
	rng := rand.New(rand.NewPCG(13, 13))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(160) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestWiderShortcut: wider gives what measuring the whole string gives.
func TestWiderShortcut(t *testing.T) {
	for _, s := range widthSamples(t) {
		for _, limit := range []int{0, 1, 9, 10, 19, 20, 39, 40, 80, 100} {
			if got, want := wider(s, limit), stringWidth(s) > limit; got != want {
				t.Fatalf("wider(%q, %d) = %v, its width is %d", s, limit, got, stringWidth(s))
			}
		}
	}
}

// TestCutsOver: headOver and tailOver give what wider, head, tail and
// stringWidth give.
func TestCutsOver(t *testing.T) {
	for _, s := range widthSamples(t) {
		for _, limits := range [][2]int{{maxChange/2 - 1, maxChange}, {maxBefore - 1, maxBefore}, {maxAfter - 1, maxAfter}, {0, 0}, {0, 1}, {1, 1}, {2, 3}} {
			keep, limit := limits[0], limits[1]
			over := wider(s, limit)
			if n, cut := headOver(s, keep, limit); cut != over || s[:n] != head(s, keep) {
				t.Fatalf("headOver(%q, %d, %d) = %d, %v; wider %v, head %q", s, keep, limit, n, cut, over, head(s, keep))
			}
			want := s
			if over {
				want = tail(s, keep)
			}
			if got, w, cut := tailOver(s, keep, limit); cut != over || got != want || w != stringWidth(want) {
				t.Fatalf("tailOver(%q, %d, %d) = %q, %d, %v; wider %v, want %q, %d", s, keep, limit, got, w, cut, over, want, stringWidth(want))
			}
		}
	}
}

// TestIndexBreak: indexBreak is strings.IndexAny(s, "\r\n").
func TestIndexBreak(t *testing.T) {
	for _, s := range widthSamples(t) {
		if got, want := indexBreak(s), strings.IndexAny(s, "\r\n"); got != want {
			t.Fatalf("indexBreak(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestWidthAt: widthAt and lastWidth read from the bytes what decoding the
// rune and runeWidth give, on the seeds' lines, random strings with broken
// UTF-8, and every rune around the ranges they read straight.
func TestWidthAt(t *testing.T) {
	samples := widthSamples(t)
	for _, r := range []rune{0x7ff, 0x800, 0xfff, 0x1000, 0x3fff, 0x4000, 0x4dff, 0x4e00, 0x9fff, 0xa000, 0x3000,
		0xff0c, 0xd7ff, 0xe000, 0xffff, 0x10000} {
		samples = append(samples, string(r), "a"+string(r), string(r)+"\xbf", "\xe4"+string(r)[1:], "\xe0"+string(r)[1:],
			"\xed"+string(r)[1:], "\xef"+string(r)[1:])
	}
	for _, s := range samples {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if w, size := widthAt(s, i); w != runeWidth(r) || size != n {
				t.Fatalf("widthAt(%q, %d) = %d, %d; decoded %U: %d, %d", s, i, w, size, r, runeWidth(r), n)
			}
			i += n
		}
		for i := range len(s) {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if want := r >= 0x4e00 && r <= 0x9fff; han(s, i) != want {
				t.Fatalf("han(%q, %d) = %v; decoded %U", s, i, !want, r)
			}
		}
		for end := len(s); end > 0; {
			r, n := utf8.DecodeLastRuneInString(s[:end])
			if w, size := lastWidth(s[:end]); w != runeWidth(r) || size != n {
				t.Fatalf("lastWidth(%q) = %d, %d; decoded %U: %d, %d", s[:end], w, size, r, runeWidth(r), n)
			}
			end -= n
		}
	}
}

// TestCutsByRune: head, tail, stringWidth and appendCaret give what they gave
// when they decoded rune by rune.
func TestCutsByRune(t *testing.T) {
	headByRune := func(s string, limit int) string {
		w := 0
		for i, r := range s {
			if w += runeWidth(r); w > limit {
				return s[:i]
			}
		}
		return s
	}
	tailByRune := func(s string, limit int) string {
		w := 0
		for i := len(s); i > 0; {
			r, n := utf8.DecodeLastRuneInString(s[:i])
			if w += runeWidth(r); w > limit {
				return s[i:]
			}
			i -= n
		}
		return s
	}
	caretByRune := func(before, span string) string {
		var b strings.Builder
		for _, r := range before {
			if r == '\t' {
				b.WriteByte('\t')
				continue
			}
			b.WriteString(strings.Repeat(" ", runeWidth(r)))
		}
		mark := byte('^')
		for _, r := range span {
			if r == '\t' {
				b.WriteByte('\t')
				continue
			}
			for range runeWidth(r) {
				b.WriteByte(mark)
				mark = '~'
			}
		}
		if mark == '^' {
			b.WriteByte('^')
		}
		return b.String()
	}
	samples := widthSamples(t)
	for k, s := range samples {
		width := 0
		for _, r := range s {
			width += runeWidth(r)
		}
		if got := stringWidth(s); got != width {
			t.Fatalf("stringWidth(%q) = %d, by rune %d", s, got, width)
		}
		for _, limit := range []int{0, 1, 9, 19, 39, 80} {
			if got, want := head(s, limit), headByRune(s, limit); got != want {
				t.Fatalf("head(%q, %d) = %q, by rune %q", s, limit, got, want)
			}
			if got, want := tail(s, limit), tailByRune(s, limit); got != want {
				t.Fatalf("tail(%q, %d) = %q, by rune %q", s, limit, got, want)
			}
		}
		other := samples[(k+1)%len(samples)]
		for _, measured := range []bool{false, true} {
			sw, ow := -1, -1
			if measured {
				sw, ow = stringWidth(s), stringWidth(other)
			}
			if got, want := appendCaret(nil, s, other, sw, ow), caretByRune(s, other); string(got) != want {
				t.Fatalf("appendCaret(%q, %q, %d, %d) = %q, by rune %q", s, other, sw, ow, got, want)
			}
		}
	}
}
