package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
)

// FuzzApplyOneFix: any text, in any line-end style and encoding but Big5
// (whose reference table needs Python), with one fix of any range and
// replacement: Apply either refuses with an error or changes exactly the
// fix's bytes (expectPass) into bytes that read back as the fixed text.
func FuzzApplyOneFix(f *testing.F) {
	f.Add("甲程度\r\n乙\n丙\r", 1, 2, "程序\n", uint8(0))
	f.Add("𠀀字\r\r\n", 0, 1, "", uint8(3))
	f.Add("第一行\n\n第三行", 2, 5, "x\ny", uint8(5))
	f.Add("甲\r乙\n丙", 4, 7, "", uint8(3))
	encs := []string{"utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16le-bom", "utf-16be"}
	f.Fuzz(func(t *testing.T, text string, from, to int, repl string, which uint8) {
		name := encs[int(which)%len(encs)]
		enc := newRefEncoder(name, nil)
		enc.check = true
		src, ok := enc.encode(text)
		if !ok || len(text) == 0 || len(text) > 4096 {
			return
		}
		path := filepath.Join(t.TempDir(), "r.txt")
		if err := os.WriteFile(path, append(append([]byte(nil), enc.bom...), src...), 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := doc.Read(path, doc.Options{Encoding: strings.TrimSuffix(name, "-bom")})
		if err != nil {
			return // not a text fzlint reads (binary, empty, too long a line)
		}
		runes := []int{}
		for i := range d.Text {
			runes = append(runes, i)
		}
		runes = append(runes, len(d.Text))
		s, e := runes[uint(from)%uint(len(runes))], runes[uint(to)%uint(len(runes))]
		if s > e {
			s, e = e, s
		}
		r := d.Range(s, e)
		findings := []checker.Finding{{Rule: "t/x", Range: r, Fix: &checker.Fix{Range: r, Text: repl}}}
		res, err := Apply(d, findings, noFindings, Options{DryRun: true})
		if err != nil {
			return
		}
		want := d.Source
		if res.Fixed > 0 {
			want = expectPass(fixState{d, findings}, enc)
		}
		if res.After != nil && !bytes.Equal(res.After, want) || res.After == nil && res.Fixed > 0 {
			t.Fatalf("%s %q [%d,%d) → %q: got % X\nwant % X", name, text, s, e, repl, res.After, want)
		}
		if res.Fixed > 0 && res.Doc.Text != d.Text[:s]+repl+d.Text[e:] {
			t.Fatalf("fixed text %q", res.Doc.Text)
		}
	})
}
