package doc

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The real reports in ../shared (seeds, UTF-8) and the same reports in the
// formats drafters hand in (samples). The fixtures under testdata/read cover
// the same behaviours where ../shared is absent.
const shared = "../../../shared"

func sharedFile(t *testing.T, glob string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(shared, glob))
	if len(m) != 1 {
		t.Skipf("%s not found: the shared seeds and samples are absent here; testdata/read covers the same cases", filepath.Join(shared, glob))
	}
	return m[0]
}

func readSample(t *testing.T, name string) *Document {
	t.Helper()
	d, err := Read(sharedFile(t, "samples/"+name), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func seedText(t *testing.T, n string) string {
	t.Helper()
	b, err := os.ReadFile(sharedFile(t, "seeds/"+n+"_*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSamplesTextEncodings(t *testing.T) {
	trim := func(s string) string { return strings.TrimRight(s, "\n") }
	d := readSample(t, "000-gb18030-crlf.txt")
	if d.Encoding != EncGB18030 || d.Lines[0].EOL != "\r\n" || trim(d.Text) != trim(seedText(t, "000")) {
		t.Errorf("000-gb18030-crlf.txt: encoding %q EOL %q, text equal %v", d.Encoding, d.Lines[0].EOL, trim(d.Text) == trim(seedText(t, "000")))
	}
	d = readSample(t, "001-big5.txt")
	if at, ok := sameButUnencodable(d.Text, seedText(t, "001")); d.Encoding != EncBig5 || !ok {
		t.Errorf("001-big5.txt: encoding %q, text differs near %q", d.Encoding, at)
	}
	d = readSample(t, "002-utf16le-bom.txt")
	if d.Encoding != EncUTF16LE || d.Text != seedText(t, "002") {
		t.Errorf("002-utf16le-bom.txt: encoding %q, text equal %v", d.Encoding, d.Text == seedText(t, "002"))
	}
}

// fold makes a sample's line comparable with its seed's: the seeds were
// copied from web pages with half-width brackets and colons.
var fold = strings.NewReplacer("（", "(", "）", ")", "：", ":", "，", ",", "\u00a0", " ")

func foldedLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(fold.Replace(l)); l != "" {
			out = append(out, l)
		}
	}
	return out
}

var numbered = regexp.MustCompile(`^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))`)

func headings(lines []string) []string {
	var out []string
	for _, l := range lines {
		if numbered.MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

// sameAsSeed checks that a sample gives its seed's title and numbered
// headings, and that each of its lines, up to stop, is a line of the seed,
// in the seed's order (the seed has page debris around them).
func sameAsSeed(t *testing.T, name string, d *Document, seed string, stop int) {
	t.Helper()
	got, want := foldedLines(d.Text), foldedLines(seed)
	title := 0
	for title < len(want) && !strings.Contains(want[title], "报告") {
		title++
	}
	if got[0] != want[title] {
		t.Errorf("%s: title %q, want %q", name, got[0], want[title])
	}
	if g, w := strings.Join(headings(got), "\n"), strings.Join(headings(want), "\n"); g != w {
		t.Errorf("%s: headings\n%s\nwant\n%s", name, g, w)
	}
	j := 0
	for _, l := range got[:len(got)-stop] {
		for j < len(want) && want[j] != l {
			j++
		}
		if j == len(want) {
			t.Errorf("%s: line %q is not in the seed, or not in its order", name, l)
			return
		}
	}
}

func TestSamplesDocx(t *testing.T) {
	d := readSample(t, "000-signed.docx")
	if g, w := strings.Join(foldedLines(d.Text), "\n"), strings.Join(foldedLines(seedText(t, "000")), "\n"); g != w {
		t.Errorf("000-signed.docx differs from its seed")
	}
	if last := d.LineText(len(d.Lines)); last != "广州市人民政府研究室 2021年12月30日" {
		t.Errorf("000-signed.docx: signature and date line %q", last)
	}

	d = readSample(t, "003-autonumber.docx")
	// The table at the end (7 paragraphs) is not in the seed.
	sameAsSeed(t, "003-autonumber.docx", d, seedText(t, "003"), 7)
	n := 0
	for i, l := range d.Lines {
		text := d.LineText(i + 1)
		if l.Generated > 0 {
			n++
			if !numbered.MatchString(fold.Replace(text)) || numbered.MatchString(fold.Replace(text[l.Generated:])) {
				t.Errorf("paragraph %d: generated %d bytes of %q", i+1, l.Generated, text)
			}
		}
	}
	if n != len(headings(foldedLines(d.Text))) {
		t.Errorf("%d numbered paragraphs, want every heading numbered by Word", n)
	}
}

func TestSamplesHTML(t *testing.T) {
	d := readSample(t, "003-page.html")
	// The second line, 来源/发布时间/阅读次数/字体大小, is one paragraph of the page but two lines of the seed.
	text := strings.Replace(d.Text, d.LineText(2)+"\n", "", 1)
	sameAsSeed(t, "003-page.html", &Document{Text: text}, seedText(t, "003"), 0)
	for _, debris := range []string{"选择语言", "您当前所在位置", "互动交流", "无障碍", "扫一扫", "网站标识码", "_hmt", "display:inline", "1024"} {
		if strings.Contains(d.Text, debris) {
			t.Errorf("003-page.html: text holds page debris %q", debris)
		}
	}
	src, _ := os.ReadFile(sharedFile(t, "samples/003-page.html"))
	checkLocator(t, d, string(src))
}
