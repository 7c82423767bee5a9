package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fzlint/fzlint/checker"
	"github.com/fzlint/fzlint/checker/doc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func noFindings(*doc.Document) []checker.Finding { return nil }

// findingAt makes a finding whose fix replaces the first occurrence of old.
func findingAt(d *doc.Document, old, repl string) checker.Finding {
	i := bytes.Index([]byte(d.Text), []byte(old))
	if i < 0 {
		panic("findingAt: " + old + " is not in the text")
	}
	r := d.Range(i, i+len(old))
	return checker.Finding{Rule: "t/x", Range: r, Excerpt: old, Fix: &checker.Fix{Range: r, Text: repl}}
}

func TestApplyKeepsEncodingAndLineEnds(t *testing.T) {
	cases := []struct {
		name, enc string
		data      []byte
		want      string
	}{
		{"crlf utf-8", "utf-8", []byte("决策程度制度\r\n第二行\r\n"), "决策程序制度\r\n第二行\r\n"},
		{"bom", "utf-8-bom", []byte("\xEF\xBB\xBF决策程度制度\n"), "\xEF\xBB\xBF决策程序制度\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.txt")
			if err := os.WriteFile(path, c.data, 0o640); err != nil {
				t.Fatal(err)
			}
			d, err := doc.Read(path, doc.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != c.enc {
				t.Fatalf("encoding %q, want %q", d.Encoding, c.enc)
			}
			res, err := Apply(d, []checker.Finding{findingAt(d, "程度", "程序"), {Rule: "t/nofix"}}, noFindings, Options{})
			if err != nil || res.Fixed != 1 || len(res.Findings) != 0 {
				t.Fatalf("Apply: %+v err=%v", res, err)
			}
			got, _ := os.ReadFile(path)
			if string(got) != c.want {
				t.Errorf("file = %q, want %q", got, c.want)
			}
			if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
				t.Errorf("mode = %v", info.Mode().Perm())
			}
		})
	}
}

func TestApplyGB18030(t *testing.T) {
	src, _ := simplifiedchinese.GB18030.NewEncoder().String("行政机关人出庭应诉\r\n")
	path := filepath.Join(t.TempDir(), "r.txt")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := doc.Read(path, doc.Options{Encoding: "gb18030"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(d, []checker.Finding{findingAt(d, "机关人", "机关负责人")}, noFindings, Options{}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	want, _ := simplifiedchinese.GB18030.NewEncoder().String("行政机关负责人出庭应诉\r\n")
	if string(got) != want {
		t.Errorf("file = %x, want %x", got, want)
	}
}

func TestApplyOverlapping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.txt")
	if err := os.WriteFile(path, []byte("甲乙丙丁"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, _ := doc.Read(path, doc.Options{})
	// The second fix overlaps the first; the re-check finds its rule again on
	// the fixed text, and the next pass applies it.
	recheck := func(d *doc.Document) []checker.Finding {
		if strings.Contains(d.Text, "A丙") {
			return []checker.Finding{findingAt(d, "A丙", "AB")}
		}
		return nil
	}
	res, err := Apply(d, []checker.Finding{findingAt(d, "甲乙", "A"), findingAt(d, "乙丙", "B")}, recheck, Options{})
	if err != nil || res.Fixed != 2 || len(res.Findings) != 0 {
		t.Fatalf("%+v err=%v", res, err)
	}
	if got, _ := os.ReadFile(path); string(got) != "AB丁" || res.Doc.Text != "AB丁" {
		t.Errorf("file = %q, doc = %q", got, res.Doc.Text)
	}
}

func TestApplyListsDocxFixesAsNotApplied(t *testing.T) {
	d := doc.New("r.docx", doc.FormatDocx, "utf-8", "决策程度")
	res, err := Apply(d, []checker.Finding{findingAt(d, "程度", "程序"), {Rule: "t/nofix"}}, noFindings, Options{})
	if err != nil || res.Fixed != 0 || res.After != nil {
		t.Fatalf("a .docx: %+v err=%v", res, err)
	}
	if len(res.NotApplied) != 1 || res.NotApplied[0].Finding.Rule != "t/x" ||
		res.NotApplied[0].Reason != "不支持自动修复 docx 格式，请按提示手工修改" {
		t.Errorf("not applied = %+v", res.NotApplied)
	}
}

// TestPassLimit: a fix the re-check keeps finding anew stops after maxPasses
// passes and is listed as not applied.
func TestPassLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.txt")
	if err := os.WriteFile(path, []byte("甲\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, _ := doc.Read(path, doc.Options{})
	grow := func(d *doc.Document) []checker.Finding { return []checker.Finding{findingAt(d, "甲", "甲甲")} }
	res, err := Apply(d, grow(d), grow, Options{})
	if err != nil || res.Fixed != maxPasses || len(res.NotApplied) != 1 || res.NotApplied[0].Reason != "已修复 8 轮，仍有修复未完成" {
		t.Fatalf("%+v err=%v", res, err)
	}
	if got, _ := os.ReadFile(path); string(got) != strings.Repeat("甲", maxPasses+1)+"\n" {
		t.Errorf("file = %q", got)
	}
}
