package fix

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"github.com/fzlint/fzlint/checker/lint"
)

// python3 runs testdata/refcodec.py, the reference codecs, or skips the test.
func python3(t *testing.T, args ...string) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 未安装，跳过按参考解码器的检验：", err)
	}
	out, err := exec.Command(py, append([]string{filepath.Join("testdata", "refcodec.py")}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("refcodec.py %v: %v\n%s", args, err, out)
	}
}

// cp950Table is Python's cp950 code of each character of the standard Big5 ranges.
func cp950Table(t *testing.T) map[rune][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "big5.tsv")
	python3(t, "big5", out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	table := map[rune][]byte{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hexCode, ch, _ := strings.Cut(sc.Text(), "\t")
		code, err := hex.DecodeString(hexCode)
		if err != nil || utf8.RuneCountInString(ch) != 1 {
			t.Fatalf("refcodec.py big5: %q", sc.Text())
		}
		r, _ := utf8.DecodeRuneInString(ch)
		table[r] = code
	}
	return table
}

// TestBig5TableIsCP950: every character the replacement encoder writes in
// Big5 is written as CP950 writes it, and no character has an HKSCS code.
func TestBig5TableIsCP950(t *testing.T) {
	want := cp950Table(t)
	got := big5Table()
	if len(got) != len(want) {
		t.Errorf("%d characters, cp950 has %d in the standard ranges", len(got), len(want))
	}
	for r, code := range want {
		if b, ok := encodeBig5(string(r)); !ok || !bytes.Equal(b, code) {
			t.Errorf("%q → % X, cp950 % X", r, b, code)
		}
	}
	if b, _ := encodeBig5("包港〃十兀"); !bytes.Equal(b, []byte{0xA5, 0x5D, 0xB4, 0xE4, 0xA1, 0xB2, 0xA4, 0x51, 0xA4, 0x61}) {
		t.Errorf("包港〃十兀 → % X", b)
	}
}

// variant is one way of writing a text to a file.
type variant struct {
	enc  string // refcodec.py's name: the doc encoding, with -bom for a BOM
	eols string // line ends: "lf", "crlf", "cr", "mixed"
}

var variants = func() []variant {
	var out []variant
	for _, enc := range []string{"utf-8", "utf-8-bom", "gb18030", "big5", "utf-16le", "utf-16le-bom", "utf-16be", "utf-16be-bom"} {
		for _, eols := range []string{"lf", "crlf", "cr", "mixed"} {
			out = append(out, variant{enc, eols})
		}
	}
	return out
}()

// refEncoder encodes text in a variant's encoding without fzlint's codecs:
// unicode/utf16, x/text's GB18030 and Python's cp950 table.
type refEncoder struct {
	enc   string
	big5  map[rune][]byte
	bom   []byte
	check bool // a character the encoding cannot hold is an error, not '中'
}

func newRefEncoder(name string, big5 map[rune][]byte) refEncoder {
	enc := refEncoder{enc: name, big5: big5}
	switch name {
	case "utf-8-bom":
		enc.bom = []byte{0xEF, 0xBB, 0xBF}
	case "utf-16le-bom":
		enc.bom = []byte{0xFF, 0xFE}
	case "utf-16be-bom":
		enc.bom = []byte{0xFE, 0xFF}
	}
	return enc
}

func (e refEncoder) encode(s string) ([]byte, bool) {
	switch strings.TrimSuffix(e.enc, "-bom") {
	case "utf-8":
		return []byte(s), true
	case "utf-16le", "utf-16be":
		var out []byte
		for _, u := range utf16.Encode([]rune(s)) {
			if strings.HasPrefix(e.enc, "utf-16be") {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out, true
	case "gb18030":
		out, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		return out, err == nil
	}
	var out []byte
	for _, r := range s {
		switch code, ok := e.big5[r]; {
		case r < 0x80:
			out = append(out, byte(r))
		case ok:
			out = append(out, code...)
		case e.check:
			return nil, false
		default:
			out = append(out, e.big5['中']...)
		}
	}
	return out, true
}

func (e refEncoder) must(s string) []byte {
	b, _ := e.encode(s)
	return b
}

// lineEnds gives the n lines of a text their ends in a variant; "mixed"
// cycles LF, CRLF, CR and ends the last line with a lone CR.
func lineEnds(eols string, n int) []string {
	out := make([]string, n)
	cycle := map[string][]string{"lf": {"\n"}, "crlf": {"\r\n"}, "cr": {"\r"}, "mixed": {"\n", "\r\n", "\r"}}[eols]
	for i := range out[:n-1] {
		out[i] = cycle[i%len(cycle)]
	}
	if eols == "mixed" {
		out[n-1] = "\r"
	}
	return out
}

// corpus is every seed and sample (skipped with a message when ../shared is
// absent) and the fixtures in testdata: name → decoded text.
func corpus(t *testing.T) map[string]string {
	texts := map[string]string{}
	var paths []string
	for _, pat := range []string{"../../../shared/seeds/*", "../../../shared/samples/*", "testdata/*.txt", "testdata/*.md"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	if !strings.Contains(strings.Join(paths, " "), "shared") {
		t.Log("../shared 不在，只用 testdata 中的样例")
	}
	for _, p := range paths {
		if !doc.Checkable(p) || strings.HasSuffix(p, "README.md") {
			continue
		}
		d, err := doc.Read(p, doc.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		texts[p] = d.Text
	}
	return texts
}

// fixState is a source and its findings, before one pass.
type fixState struct {
	d        *doc.Document
	findings []checker.Finding
}

// expectPass computes, without fzlint's source map or codecs, the bytes one
// pass must make of st: the fixes taken from left to right, leaving out
// overlaps, no-ops, replacements the encoding cannot hold and fixes that
// would make a CR and an LF meet; each placed at the byte offset the encoded
// text before it takes; a replacement's "\n" as its line's end.
func expectPass(st fixState, enc refEncoder) []byte {
	d := st.d
	starts := make([]int, len(d.Lines))
	pos := len(enc.bom)
	for i, l := range d.Lines {
		starts[i] = pos
		pos += len(enc.must(d.Text[l.Start:l.End])) + len(enc.must(l.EOL))
	}
	lineOf := func(off int) int {
		return min(sort.Search(len(d.Lines), func(i int) bool { return d.Lines[i].End >= off }), len(d.Lines)-1)
	}
	at := func(off int) int {
		n := lineOf(off)
		return starts[n] + len(enc.must(d.Text[d.Lines[n].Start:off]))
	}
	var fixes []*checker.Fix
	for _, f := range st.findings {
		if f.Fix != nil {
			fixes = append(fixes, f.Fix)
		}
	}
	sort.SliceStable(fixes, func(i, j int) bool { return fixes[i].Range.Start.Offset < fixes[j].Range.Start.Offset })
	cr, lf := enc.must("\r"), enc.must("\n")
	left := map[*checker.Fix]bool{} // fixes that would join a CR and an LF
	for {
		var out []byte
		var seams []int
		var placed []*checker.Fix
		last, srcLast := 0, 0
		for _, fx := range fixes {
			s, e := fx.Range.Start.Offset, fx.Range.End.Offset
			if s < last || e < s || e > len(d.Text) || d.Text[s:e] == fx.Text || left[fx] {
				continue
			}
			eol := "\n"
			for n := lineOf(s); n >= 0; n-- {
				if d.Lines[n].EOL != "" {
					eol = d.Lines[n].EOL
					break
				}
			}
			repl, ok := enc.encode(strings.ReplaceAll(fx.Text, "\n", eol))
			if !ok {
				continue
			}
			out = append(out, d.Source[srcLast:at(s)]...)
			seams = append(seams, len(out))
			out = append(out, repl...)
			seams = append(seams, len(out))
			placed = append(placed, fx)
			srcLast, last = at(e), e
		}
		out = append(out, d.Source[srcLast:]...)
		var joins []*checker.Fix
		for i, p := range seams {
			if bytes.HasSuffix(out[:p], cr) && bytes.HasPrefix(out[p:], lf) {
				joins = append(joins, placed[i/2])
			}
		}
		if len(joins) == 0 {
			return out
		}
		for _, fx := range joins {
			left[fx] = true
		}
	}
}

// withEOLs is a document's text with its own line ends.
func withEOLs(d *doc.Document) string {
	var b strings.Builder
	for _, l := range d.Lines {
		b.WriteString(d.Text[l.Start:l.End] + l.EOL)
	}
	return b.String()
}

// TestFixChangesOnlyItsRanges is the property issue 10 demands: for every
// text of the corpus in every encoding and line-end style, each pass of
// --fix changes exactly the bytes of its fixes (expectPass), the file ends
// as the last pass left it, Python's codecs decode it to the fixed text, and
// a second --fix changes nothing.
func TestFixChangesOnlyItsRanges(t *testing.T) {
	// Without python3 the Big5 variants (whose reference is Python's cp950)
	// and the reference decoding are left out, the rest still runs.
	_, err := exec.LookPath("python3")
	havePython := err == nil
	var big5 map[rune][]byte
	if havePython {
		big5 = cp950Table(t)
	} else {
		t.Log("python3 未安装：跳过 Big5 变体和按 Python 解码器的检验")
	}
	dir := t.TempDir()
	var listing strings.Builder
	want := map[string]string{} // decoded file → the text it must hold
	texts := corpus(t)
	names := make([]string, 0, len(texts))
	for name := range texts {
		names = append(names, name)
	}
	sort.Strings(names)
	linters := map[string]*lint.Linter{}
	fixedFiles := 0
	for i, name := range names {
		lines := strings.Split(texts[name], "\n")
		for _, v := range variants {
			if v.enc == "big5" && !havePython {
				continue
			}
			enc := newRefEncoder(v.enc, big5)
			docEnc := strings.TrimSuffix(v.enc, "-bom")
			src := append([]byte(nil), enc.bom...)
			for j, eol := range lineEnds(v.eols, len(lines)) {
				src = append(src, enc.must(lines[j]+eol)...)
			}
			ext := ".txt" // a .docx or HTML sample's text is written as plain text
			if filepath.Ext(name) == ".md" {
				ext = ".md"
			}
			path := filepath.Join(dir, fmt.Sprintf("%02d-%s-%s%s", i, v.enc, v.eols, ext))
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
			l := linters[docEnc]
			if l == nil {
				l = lint.New(lint.Options{NoConfig: true, Encoding: docEnc})
				linters[docEnc] = l
			}
			enc.check = true
			final, fixed := fixAndCheck(t, l, path, name, enc)
			if fixed {
				fixedFiles++
			}
			fmt.Fprintf(&listing, "%s\t%s\t%s.utf8\n", v.enc, path, path)
			want[path+".utf8"] = withEOLs(final)
		}
	}
	// The samples as they are: their own encoding, BOM and line ends (the
	// Big5 one holds characters x/text's encoder would write as HKSCS codes).
	samples, _ := filepath.Glob("../../../shared/samples/*.txt")
	for i, sample := range samples {
		data, err := os.ReadFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		d, err := doc.Read(sample, doc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		name := d.Encoding
		if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
			name += "-bom"
		}
		path := filepath.Join(dir, fmt.Sprintf("sample-%d.txt", i))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if name == "big5" && !havePython {
			continue
		}
		enc := newRefEncoder(name, big5)
		enc.check = true
		final, fixed := fixAndCheck(t, lint.New(lint.Options{NoConfig: true}), path, sample, enc)
		if !fixed {
			t.Errorf("%s: nothing fixed", sample)
		}
		fmt.Fprintf(&listing, "%s\t%s\t%s.utf8\n", name, path, path)
		want[path+".utf8"] = withEOLs(final)
	}
	if fixedFiles == 0 {
		t.Fatal("no file of the corpus had a fix: the property was not exercised")
	}
	list := filepath.Join(dir, "list.tsv")
	if err := os.WriteFile(list, []byte(listing.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if !havePython {
		return
	}
	python3(t, "decode", list)
	for file, text := range want {
		if got, _ := os.ReadFile(file); string(got) != text {
			t.Errorf("%s: Python decodes %d bytes other than the fixed text", file, firstDiff(got, []byte(text)))
		}
	}
	t.Logf("%d texts × %d variants, %d fixed", len(names), len(variants), fixedFiles)
}

// fixAndCheck fixes the file at path (written from the corpus text name) and
// checks each pass against expectPass, the file against the last pass, and
// that a second --fix changes nothing. It returns the fixed document and
// whether anything was fixed.
func fixAndCheck(t *testing.T, l *lint.Linter, path, name string, enc refEncoder) (*doc.Document, bool) {
	t.Helper()
	r, err := l.CheckFile(path)
	if err != nil || r.Error != nil {
		t.Fatalf("%s (%s): %v %v", path, name, err, r.Error)
	}
	recheck := findingsOf(l.Recheck(path))
	states := []fixState{{r.Doc, r.Findings}}
	check := func(d *doc.Document) []checker.Finding {
		f := recheck(d)
		states = append(states, fixState{d, f})
		return f
	}
	res, err := Apply(r.Doc, r.Findings, check, Options{})
	if err != nil {
		t.Fatalf("%s (%s): %v", path, name, err)
	}
	for p := 1; p < len(states); p++ {
		if exp := expectPass(states[p-1], enc); !bytes.Equal(states[p].d.Source, exp) {
			t.Fatalf("%s (%s) pass %d: bytes differ from the fixes' own at byte %d", path, name, p, firstDiff(states[p].d.Source, exp))
		}
	}
	got, _ := os.ReadFile(path)
	if last := states[len(states)-1].d.Source; !bytes.Equal(got, last) {
		t.Fatalf("%s: the file is not what the last pass made", path)
	}
	r2, _ := l.CheckFile(path)
	if res2, err := Apply(r2.Doc, r2.Findings, findingsOf(l.Recheck(path)), Options{}); err != nil || res2.Fixed != 0 {
		t.Errorf("%s: a second --fix fixed %d (err %v)", path, res2.Fixed, err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, got) {
		t.Errorf("%s: a second --fix changed the file", path)
	}
	return res.Doc, res.Fixed > 0
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// findingsOf turns a run's re-check into the check Apply takes.
func findingsOf(recheck func(*doc.Document) checker.FileResult) func(*doc.Document) []checker.Finding {
	return func(d *doc.Document) []checker.Finding { return recheck(d).Findings }
}
