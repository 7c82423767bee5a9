package doc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestColumns: columns count code points, from the fast count of a valid
// document as from the decoding one of any other.
func TestColumns(t *testing.T) {
	text := "一、总体\r\nab甲乙，𠀀c\n\n" + strings.Repeat("丙丁x", 7)
	d := New("r.txt", FormatText, "utf-8", text)
	if !d.valid {
		t.Fatal("a valid document is not marked valid")
	}
	slow := *d
	slow.valid = false
	for off := 0; off <= len(d.Text); off++ {
		if got, want := d.Pos(off), slow.Pos(off); got != want {
			t.Fatalf("Pos(%d) = %+v, want %+v", off, got, want)
		}
		l := d.Lines[d.Pos(off).Line-1]
		if s := d.Text[l.Start:off]; utf8.ValidString(s) && ValidRuneCount(s) != utf8.RuneCountInString(s) {
			t.Fatalf("ValidRuneCount(%q) = %d, want %d", s, ValidRuneCount(s), utf8.RuneCountInString(s))
		}
	}
	if New("r.txt", FormatText, "utf-8", "a\xffb").valid {
		t.Error("invalid UTF-8 marked valid")
	}
}
