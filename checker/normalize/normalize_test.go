package normalize

import (
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFoldWidthAndSpaces(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"（一）", "(一)"},
		{"第１条，内容：如下．", "第1条,内容:如下."},
		{"ＡＢＣａｂｃ０９", "ABCabc09"},
		{"！～", "!~"},
		{"甲　乙", "甲 乙"},      // U+3000
		{"甲\u00a0乙", "甲 乙"}, // NBSP
		{"甲\u2002\u2003\u2009\u202f乙", "甲    乙"},
		{"plain ASCII (1), ok.", "plain ASCII (1), ok."},
	} {
		if got := New(tc.in).Text; got != tc.want {
			t.Errorf("New(%q).Text = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Full-width forms fold one to one onto ASCII ! to ~.
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		if got, want := Rune(r), r-0xFF01+'!'; got != want {
			t.Errorf("Rune(%U) = %U, want %U", r, got, want)
		}
	}
}

func TestTraditionalToSimplified(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"建設", "建设"},
		{"關於", "关于"},
		{"範", "范"},
		{"為", "为"},
		{"辦公廳", "办公厅"},
		{"黨", "党"},
		{"舉措", "举措"},
		{"問題", "问题"},
		{"計劃", "计划"},
		{"於", "于"},
		{"後", "后"},
		{"法治政府建設存在問題", "法治政府建设存在问题"},
		{"（二）下一步工作計劃：", "(二)下一步工作计划:"},
	} {
		if got := New(tc.in).Text; got != tc.want {
			t.Errorf("New(%q).Text = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSimplifiedUnchanged(t *testing.T) {
	const s = "2020年，市政府办公室在省政府办公厅的关心指导下，按照党的十九大关于深化依法治国实践新要求和建设法治政府新部署，" +
		"认真贯彻落实《法治政府建设与责任落实督察工作规定》等文件精神。一、主要举措及成效；二、存在问题；三、下一步工作计划。" +
		"范围、为了、后来、干部、发展、里面、只有、历史、团结、党委、议题、条例、决策、执法、监督、复议、诉讼。"
	want := strings.NewReplacer("，", ",", "；", ";").Replace(s)
	if got := New(s).Text; got != want {
		t.Errorf("simplified text changed:\n got %q\nwant %q", got, want)
	}
	for _, r := range want {
		if IsTraditional(r) {
			t.Errorf("IsTraditional(%q) = true", r)
		}
	}
}

func TestIsTraditional(t *testing.T) {
	for _, r := range "建設關於範為辦公廳黨舉問題計劃後發裏髮" {
		if (r == '建' || r == '公') == IsTraditional(r) {
			t.Errorf("IsTraditional(%q) = %v", r, IsTraditional(r))
		}
	}
	for _, r := range "设关于范为办厅党举问题计划后发里aA1,（　\u00a0\U00020000" {
		if IsTraditional(r) {
			t.Errorf("IsTraditional(%q) = true", r)
		}
	}
}

// TestIsTraditionalEveryRune compares IsTraditional, which reads the
// bitmap alone below U+10000, with simplified, the table's full lookup, on
// every rune and a few values that are none.
func TestIsTraditionalEveryRune(t *testing.T) {
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if _, ok := simplified(r); IsTraditional(r) != ok {
			t.Errorf("IsTraditional(%U) = %v, simplified says %v", r, !ok, ok)
		}
	}
}

// TestTable checks the generated table: keys strictly increasing, no
// identity mapping, the bitmap equal to the keys below U+10000, the ranks of
// its words, and every key found by simplified.
func TestTable(t *testing.T) {
	if tsLen < 2000 {
		t.Fatalf("table has %d entries; regenerate ts_table.go", tsLen)
	}
	var bmp [len(tsBMP)]uint64
	for i := range tsLen {
		tr, s := tsTrad[i], tsSimp[i]
		if i > 0 && tsTrad[i-1] >= tr {
			t.Fatalf("tsTrad not increasing at %d: %U, %U", i, tsTrad[i-1], tr)
		}
		if tr == s {
			t.Errorf("identity entry %U", tr)
		}
		if tr < 0x10000 {
			bmp[tr>>6] |= 1 << (tr & 63)
		}
		if got, ok := simplified(tr); !ok || got != s {
			t.Errorf("simplified(%q) = %q, %v; want %q, true", tr, got, ok, s)
		}
	}
	if bmp != tsBMP {
		t.Error("tsBMP does not match tsTrad")
	}
	rank := 0
	for w, word := range tsBMP {
		if word != 0 && int(tsRank[w]) != rank {
			t.Fatalf("tsRank[%#x] = %d, want %d", w, tsRank[w], rank)
		}
		rank += bits.OnesCount64(word)
	}
	for _, r := range []rune{-1, 0, 'a', 0xFFFF, 0x10000, 0x10FFFF, 0x7FFFFFFF, utf8.RuneError} {
		if got, ok := simplified(r); ok || got != r {
			t.Errorf("simplified(%U) = %U, %v", r, got, ok)
		}
	}
}

// alphabet for random texts: ASCII, simplified and traditional CJK,
// full-width forms, odd spaces, a character outside the BMP and a traditional
// character whose simplified form is outside the BMP (㗲 → 𠵾: 3 bytes → 4).
var alphabet = []rune("aZ0 .,(\n\t建设设關于於範为辦公廳黨舉措問題計劃後后的（），：．１Ａ～　\u00a0\u2009\u202f\U00020000㗲")

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteRune(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}

func TestOffsets(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	re := regexp.MustCompile(`[^ ]{1,5}`)
	for iter := range 500 {
		s := randomText(rng, rng.IntN(60))
		v := New(s)
		if utf8.RuneCountInString(v.Text) != utf8.RuneCountInString(s) {
			t.Fatalf("%q: view %q has a different rune count", s, v.Text)
		}
		// Every rune of the view maps to the start of the corresponding
		// original rune, and each byte inside it maps to the same start.
		vi := 0
		for oi, or := range s {
			vr, size := utf8.DecodeRuneInString(v.Text[vi:])
			if vr != Rune(or) {
				t.Fatalf("%q: view rune at %d is %q, want Rune(%q)", s, vi, vr, or)
			}
			for k := range size {
				if got := v.Orig(vi + k); got != oi {
					t.Fatalf("%q: Orig(%d) = %d, want %d", s, vi+k, got, oi)
				}
			}
			vi += size
		}
		if vi != len(v.Text) {
			t.Fatalf("%q: view has %d bytes left over", s, len(v.Text)-vi)
		}
		if got := v.Orig(len(v.Text)); got != len(s) {
			t.Fatalf("%q: Orig(len(Text)) = %d, want %d", s, got, len(s))
		}
		// A match in the view maps back to a span of the same rune count.
		for _, m := range re.FindAllStringIndex(v.Text, -1) {
			start, end := v.Orig(m[0]), v.Orig(m[1])
			if !(0 <= start && start <= end && end <= len(s)) {
				t.Fatalf("%q: match %v maps to bad span [%d,%d)", s, m, start, end)
			}
			if got, want := utf8.RuneCountInString(s[start:end]), utf8.RuneCountInString(v.Text[m[0]:m[1]]); got != want {
				t.Fatalf("iter %d %q: match %q maps to %q (%d runes, want %d)", iter, s, v.Text[m[0]:m[1]], s[start:end], got, want)
			}
			if New(s[start:end]).Text != v.Text[m[0]:m[1]] {
				t.Fatalf("%q: match %q maps to %q", s, v.Text[m[0]:m[1]], s[start:end])
			}
		}
	}
	// Out-of-range offsets clamp.
	v := New("建設")
	if v.Orig(-1) != 0 || v.Orig(100) != len("建設") {
		t.Errorf("Orig clamps badly: %d %d", v.Orig(-1), v.Orig(100))
	}
	if v := New(""); v.Text != "" || v.Orig(0) != 0 {
		t.Errorf("New(\"\") = %q, Orig(0) = %d", v.Text, v.Orig(0))
	}
}

func TestInvalidUTF8(t *testing.T) {
	s := "a\xff關\xe5\x8f" // an invalid byte and a truncated rune
	v := New(s)
	if got, want := utf8.RuneCountInString(v.Text), utf8.RuneCountInString(s); got != want || !utf8.ValidString(v.Text) {
		t.Fatalf("view %q has %d runes, want %d, in valid UTF-8", v.Text, got, want)
	}
	if v.Orig(len(v.Text)) != len(s) {
		t.Errorf("Orig(end) = %d, want %d", v.Orig(len(v.Text)), len(s))
	}
	i := strings.Index(v.Text, "关")
	if i < 0 || v.Orig(i) != strings.Index(s, "關") {
		t.Errorf("关 at %d maps to %d, want %d", i, v.Orig(i), strings.Index(s, "關"))
	}
}

// TestSeed folds a real traditional-character report from the shared seeds.
func TestSeed(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("no shared directory %s: %v", shared, err)
	}
	path := filepath.Join(shared, "seeds", "001_17ca6f33bb420750.txt")
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("seed %s absent", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	v := New(string(data))
	for _, w := range []string{"法治政府建设", "存在问题", "下一步工作计划"} {
		i := strings.Index(v.Text, w)
		if i < 0 {
			t.Errorf("%s: view lacks %s", path, w)
			continue
		}
		orig := string(data[v.Orig(i):v.Orig(i+len(w))])
		if New(orig).Text != w {
			t.Errorf("%s: %s maps back to %q", path, w, orig)
		}
	}
}

// mixedText returns about n bytes of report-like text: simplified and
// traditional paragraphs, full-width punctuation and digits, ASCII.
func mixedText(n int) string {
	parts := []string{
		"2020年，市政府办公室在省政府办公厅的关心指导下，按照党的十九大关于深化依法治国实践新要求和建设法治政府新部署，",
		"認真貫徹落實《法治政府建設與責任落實督察工作規定》《廣東省法治政府建設實施綱要（2016-2020）》等文件精神，",
		"一、推进法治政府建设的主要举措及成效\n",
		"（一）加強黨對法治政府建設領導。召開黨組（擴大）會學習１３次，",
		"二、存在问题和不足；三、下一步工作计划：",
		"See https://www.gov.cn/zhengce/ for details (2021-03-01).\n",
		"嚴格規範公正文明執法，行政復議和行政訴訟案件辦理　　",
	}
	rng := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	b.Grow(n + 256)
	for b.Len() < n {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String()
}

func BenchmarkNew(b *testing.B) {
	s := mixedText(1 << 20)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		New(s)
	}
}

// TestAtInvertsOrig: At maps every rune start of the original to the view rune
// that Orig maps back to it.
func TestAtInvertsOrig(t *testing.T) {
	for _, s := range []string{"", "abc", "（一）建設，关於ＡＢ　x", "𠀀㗲後\xffa", "决策 程度"} {
		v := New(s)
		for i := range v.Text {
			if !utf8.RuneStart(v.Text[i]) {
				continue
			}
			if got := v.At(v.Orig(i)); got != i {
				t.Errorf("%q: At(Orig(%d)) = %d", s, i, got)
			}
		}
		if got := v.At(len(s)); got != len(v.Text) {
			t.Errorf("%q: At(len) = %d, want %d", s, got, len(v.Text))
		}
	}
}

// TestTraditionalCount: the view counts the traditional characters it folds,
// and nothing else it changes.
func TestTraditionalCount(t *testing.T) {
	if got := New("建設，關於ＡＢ　x後").Traditional; got != 4 {
		t.Errorf("Traditional = %d, want 4", got)
	}
	if got := New("建设，关于").Traditional; got != 0 {
		t.Errorf("simplified text: Traditional = %d", got)
	}
}

// TestFoldCountsTraditional: fold tells a rune folded to its simplified form
// where the view once asked IsTraditional of every rune Rune changed.
func TestFoldCountsTraditional(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		n, fromTraditional := fold(r)
		if n != Rune(r) || fromTraditional != (n != r && IsTraditional(r)) {
			t.Fatalf("fold(%U) = %U, %v", r, n, fromTraditional)
		}
	}
}

// TestSimplifiedTable: every entry of the table is found, in the BMP by the
// rank of its bit, and nothing else is.
func TestSimplifiedTable(t *testing.T) {
	in := map[rune]rune{}
	for i, r := range tsTrad {
		in[r] = tsSimp[i]
		if got, ok := simplified(r); !ok || got != tsSimp[i] {
			t.Fatalf("simplified(%q) = %q, %v; want %q", r, got, ok, tsSimp[i])
		}
	}
	for r := rune(0); r < 0x30000; r++ {
		if _, listed := in[r]; !listed {
			if got, ok := simplified(r); ok || got != r {
				t.Fatalf("simplified(%U) = %U, %v; it is not in the table", r, got, ok)
			}
		}
	}
}

// TestFoldsThree: fold keeps every rune of three bytes that foldsThree
// passes over.
func TestFoldsThree(t *testing.T) {
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if n, fromTraditional := fold(r); !foldsThree(r) && (n != r || fromTraditional) {
			t.Errorf("fold(%U) = %U, %v, but foldsThree says it is kept", r, n, fromTraditional)
		}
	}
}

// TestIdeographBlock: New folds every character of U+4000–U+9FFF (the
// block it passes over by its bytes) as Rune does.
func TestIdeographBlock(t *testing.T) {
	for r := rune(0x4000); r <= 0x9FFF; r++ {
		if got, want := New("a"+string(r)).Text, "a"+string(Rune(r)); got != want {
			t.Errorf("New(%U) = %q, want %q", r, got, want)
		}
	}
}

// FuzzNew: any text's view is valid UTF-8 with one rune per rune of the text,
// its end maps to the text's end, and it is the view built rune by rune.
func FuzzNew(f *testing.F) {
	f.Add("a\xff關\xe5\x8f")
	f.Add("（一）建設，关於ＡＢ\u3000x")
	f.Add("\xff㗲後，")
	f.Fuzz(func(t *testing.T, s string) {
		v := New(s)
		if !utf8.ValidString(v.Text) || utf8.RuneCountInString(v.Text) != utf8.RuneCountInString(s) || v.Orig(len(v.Text)) != len(s) {
			t.Fatalf("New(%q) = %q", s, v.Text)
		}
		compareByRunes(t, s)
	})
}

// TestNewSameAsByRunes compares New, which passes over unchanged text by its
// bytes and writes over a copy of it, with the view built rune by rune, on
// the seeds, the reports and outline fixtures under testdata, and random
// texts with invalid bytes.
func TestNewSameAsByRunes(t *testing.T) {
	var paths []string
	for _, pattern := range []string{
		filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"),
		filepath.Join("..", "..", "testdata", "reports", "*.txt"),
		filepath.Join("..", "..", "testdata", "outline", "*.txt"),
	} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		compareByRunes(t, string(data))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		s := []byte(randomText(rng, rng.IntN(80)))
		for range rng.IntN(3) { // an invalid byte or a rune cut short
			if len(s) > 0 {
				s[rng.IntN(len(s))] = byte(0x80 + rng.IntN(0x80))
			}
		}
		compareByRunes(t, string(s))
	}
}

// compareByRunes fails t unless New(s) is the view built rune by rune: the
// same text and count of traditional characters, and each view rune mapped
// to its original rune and back.
func compareByRunes(t *testing.T, s string) {
	t.Helper()
	v := New(s)
	var text strings.Builder
	traditional, vi := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n, fromTraditional := fold(r)
		if fromTraditional {
			traditional++
		}
		text.WriteRune(n)
		if v.Orig(vi) != i || v.At(i) != vi {
			t.Fatalf("%.40q: Orig(%d) = %d, At(%d) = %d; want %d, %d", s, vi, v.Orig(vi), i, v.At(i), i, vi)
		}
		vi += utf8.RuneLen(n)
		i += size
	}
	if v.Text != text.String() || v.Traditional != traditional {
		t.Fatalf("%.40q: New gives %.40q with %d traditional, rune by rune %.40q with %d", s, v.Text, v.Traditional, text.String(), traditional)
	}
}

// BenchmarkNewSeeds builds the view of each seed report in turn, as the
// engine does for every document it checks.
func BenchmarkNewSeeds(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no seed reports")
	}
	var texts []string
	size := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			New(s)
		}
	}
}

// BenchmarkNewEachSeed builds the view of each seed report on its own: the
// seeds that change (001 traditional, 003 and 004 with full-width forms and
// odd spaces) cost more than those that do not.
func BenchmarkNewEachSeed(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no seed reports")
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		s := string(data)
		b.Run(filepath.Base(path)[:3], func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				New(s)
			}
		})
	}
}
