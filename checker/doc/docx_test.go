package doc

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestReadDocxNumbered(t *testing.T) {
	d, err := ReadBytes("numbered.docx", numberedDocx(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != FormatDocx || d.Encoding != EncUTF8 || d.Source != nil {
		t.Errorf("format %q encoding %q source %v", d.Format, d.Encoding, d.Source != nil)
	}
	if len(d.Lines) != len(numberedWant) {
		t.Errorf("%d lines, want %d:\n%s", len(d.Lines), len(numberedWant), d.Text)
	}
	for i, w := range numberedWant {
		if i >= len(d.Lines) {
			break
		}
		l := d.Lines[i]
		if got := d.LineText(i + 1); got != w.text || l.Generated != w.generated || l.Heading != w.heading {
			t.Errorf("paragraph %d = %q generated %d heading %d, want %q %d %d", i+1, got, l.Generated, l.Heading, w.text, w.generated, w.heading)
		}
	}
	for _, absent := range []string{"页脚文字", "脚注文字", "批注文字", "隐藏文字", "DOCPROPERTY", "30件"} {
		if strings.Contains(d.Text, absent) {
			t.Errorf("text holds %q", absent)
		}
	}
	// A finding in a .docx is at paragraph and column.
	off := strings.Index(d.Text, "述法")
	if got := d.Pos(off); got.Line != 9 || got.Column != 9 {
		t.Errorf("Pos(述法) = %d:%d, want 9:9", got.Line, got.Column)
	}
}

func TestDocxNumbering(t *testing.T) {
	tests := []struct {
		name      string
		numbering string
		styles    string
		body      string
		want      []string
	}{
		{
			name:      "deeper levels restart; lvlRestart 0 never does",
			numbering: `<w:abstractNum w:abstractNumId="0">` + lvl("0", "chineseCounting", "%1、") + lvl("1", "decimal", "%1.%2") + `<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlRestart w:val="0"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>`,
			body:      p(num("5", "0"), r("甲")) + p(num("5", "1"), r("乙")) + p(num("5", "2"), r("丙")) + p(num("5", "0"), r("丁")) + p(num("5", "1"), r("戊")) + p(num("5", "2"), r("己")),
			want:      []string{"一、甲", "一.1 乙", "a)丙", "二、丁", "二.1 戊", "b)己"},
		},
		{
			name:      "lists of one definition share counters; startOverride restarts",
			numbering: `<w:abstractNum w:abstractNumId="0">` + lvl("0", "decimal", "%1.") + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`,
			body:      p(num("1", "0"), r("a")) + p(num("2", "0"), r("b")) + p(num("3", "0"), r("c")) + p(num("3", "0"), r("d")) + p(num("1", "0"), r("e")),
			want:      []string{"1.a", "2.b", "5.c", "6.d", "7.e"},
		},
		{
			name:      "lvlOverride replaces a level; numId 0 removes numbering",
			numbering: `<w:abstractNum w:abstractNumId="0">` + lvl("0", "decimal", "%1.") + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">` + lvl("0", "ideographTraditional", "%1、") + `</w:lvlOverride></w:num>`,
			styles:    `<w:style w:type="paragraph" w:styleId="L"><w:name w:val="List"/><w:pPr>` + num("1", "0") + `</w:pPr></w:style>`,
			body:      p(`<w:pStyle w:val="L"/>`, r("a")) + p(`<w:pStyle w:val="L"/>`+num("0", "0"), r("b")) + p(`<w:pStyle w:val="L"/>`, r("c")),
			want:      []string{"甲、a", "b", "乙、c"},
		},
		{
			name:      "isLgl shows every level in decimal; suff space; start 0",
			numbering: `<w:abstractNum w:abstractNumId="0">` + lvl("0", "chineseCounting", "第%1章") + `<w:lvl w:ilvl="1"><w:start w:val="0"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
			body:      p(num("1", "0"), r("总则")) + p(num("1", "1"), r("a")) + p(num("1", "1"), r("b")),
			want:      []string{"第一章 总则", "1.0 a", "1.1 b"},
		},
		{
			name:      "numStyleLink takes the levels of the style's list; level from the level's pStyle",
			numbering: `<w:abstractNum w:abstractNumId="0">` + lvl("0", "chineseCounting", "%1、") + `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:pStyle w:val="H2"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
			styles:    `<w:style w:type="numbering" w:styleId="Outline"><w:name w:val="outline"/><w:pPr>` + `<w:numPr><w:numId w:val="1"/></w:numPr>` + `</w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:name w:val="标题 2"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`,
			body:      p(num("2", "0"), r("甲")) + p(`<w:pStyle w:val="H2"/>`, r("乙")),
			want:      []string{"一、甲", "（一）乙"},
		},
		{
			name:      "a line end in a level text or a run stays in the paragraph's line",
			numbering: `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1&#10;、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
			body:      p(num("1", "0"), r("a&#13;&#10;b")) + p("", r("c")),
			want:      []string{"1 、a b", "c"},
		},
		{
			name:      "bullets and none render nothing but the level text",
			numbering: `<w:abstractNum w:abstractNumId="0">` + lvl("0", "bullet", "") + lvl("1", "none", "附件") + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
			body:      p(num("1", "0"), r("a")) + p(num("1", "1"), r("：b")) + p(num("9", "0"), r("unknown list")),
			want:      []string{"a", "附件 ：b", "unknown list"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes("t.docx", makeZip(t, docxFiles(tt.body, tt.numbering, tt.styles)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Split(d.Text, "\n"); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDocxHeadingStyles(t *testing.T) {
	styles := `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 3"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Mine"/><w:basedOn w:val="Heading2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>`
	body := p(`<w:pStyle w:val="Heading2"/>`, r("a")) + p(`<w:pStyle w:val="a5"/>`, r("b")) + p(`<w:pStyle w:val="Mine"/>`, r("c")) +
		p(`<w:outlineLvl w:val="3"/>`, r("d")) + p(`<w:pStyle w:val="Heading2"/><w:outlineLvl w:val="9"/>`, r("e")) + p(`<w:pStyle w:val="Loop"/>`, r("f"))
	d, err := ReadBytes("t.docx", makeZip(t, docxFiles(body, "", styles)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []int{2, 3, 2, 4, 0, 0}
	for i, w := range want {
		if d.Lines[i].Heading != w {
			t.Errorf("line %d heading %d, want %d", i+1, d.Lines[i].Heading, w)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 12, "12"},
		{"chineseCounting", 1, "一"}, {"chineseCounting", 10, "十"}, {"chineseCounting", 11, "十一"},
		{"chineseCounting", 20, "二十"}, {"chineseCounting", 99, "九十九"}, {"chineseCounting", 100, "一〇〇"},
		{"chineseCountingThousand", 10, "十"}, {"chineseCountingThousand", 105, "一百零五"},
		{"chineseCountingThousand", 110, "一百一十"}, {"chineseCountingThousand", 1001, "一千零一"},
		{"chineseCountingThousand", 10010, "一万零一十"}, {"chineseCountingThousand", 0, "〇"},
		{"japaneseCounting", 10, "十"}, {"japaneseCounting", 111, "百十一"},
		{"chineseLegalSimplified", 12, "壹拾贰"},
		{"taiwaneseCounting", 21, "二十一"},
		{"ideographDigital", 2024, "二〇二四"},
		{"ideographTraditional", 1, "甲"}, {"ideographTraditional", 11, "甲"},
		{"ideographZodiac", 12, "亥"},
		{"decimalEnclosedCircle", 1, "①"}, {"decimalEnclosedCircleChinese", 20, "⑳"}, {"decimalEnclosedCircle", 21, "21"},
		{"decimalEnclosedParen", 3, "⑶"}, {"decimalEnclosedFullstop", 2, "⒉"},
		{"ideographEnclosedCircle", 1, "㊀"},
		{"decimalFullWidth", 12, "１２"}, {"decimalZero", 7, "07"},
		{"upperLetter", 1, "A"}, {"upperLetter", 27, "AA"}, {"lowerLetter", 28, "bb"},
		{"upperRoman", 14, "XIV"}, {"lowerRoman", 1994, "mcmxciv"},
		{"bullet", 1, ""}, {"none", 3, ""}, {"cardinalText", 3, "3"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.format, tt.n); got != tt.want {
			t.Errorf("formatNumber(%s, %d) = %q, want %q", tt.format, tt.n, got, tt.want)
		}
	}
}

// TestSpaceLineEndsIn holds spaceLineEndsIn to lineEnds.Replace on strings
// of line ends, spaces and text.
func TestSpaceLineEndsIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 3))
	pieces := []string{"\r", "\n", "\r\n", " ", "a", "中"}
	for range 5000 {
		var sb strings.Builder
		for range rng.IntN(12) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		if got, want := string(spaceLineEndsIn([]byte(s))), lineEnds.Replace(s); got != want {
			t.Fatalf("%q: %q, lineEnds.Replace gives %q", s, got, want)
		}
	}
}
