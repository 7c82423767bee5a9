package match

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestASCIIIn: asciiIn marks exactly the bytes of a word from lo to hi, for
// every pair of bounds and random words holding bytes at and around them.
func TestASCIIIn(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for lo := 1; lo < 128; lo++ {
		for hi := lo; hi < 128; hi++ {
			st := starts{lo: byte(lo), hi: byte(hi)}
			for range 20 {
				var w, want uint64
				for k := range 8 {
					b := byte(r.IntN(256))
					if r.IntN(2) == 0 { // near a bound
						b = byte([]int{lo - 1, lo, hi, hi + 1}[r.IntN(4)])
					}
					w |= uint64(b) << (8 * k)
					if int(b) >= lo && int(b) <= hi {
						want |= 0x80 << (8 * k)
					}
				}
				if got := st.asciiIn(w); got != want {
					t.Fatalf("asciiIn(%#x) from %d to %d = %#x, want %#x", w, lo, hi, got, want)
				}
			}
		}
	}
}

// TestSecondBytes: the bits secondBytes sets are those of the second bytes
// of the runes of the range that start with the lead byte.
func TestSecondBytes(t *testing.T) {
	ranges := [][2]rune{{0xE000, 0xF8FF}, {0xFFFD, 0xFFFD}, {0x80, 0x10FFFF}, {0xE9, 0xFF}, {0x4E00, 0x4E3F},
		{0x10000, 0x10010}, {0x3000, 0x3000}, {0x7FF, 0x800}, {0xFF01, 0xFF5E}}
	for _, rg := range ranges {
		want := map[byte]uint64{}
		for r := rg[0]; r <= rg[1]; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			var buf [4]byte
			utf8.EncodeRune(buf[:], r)
			want[buf[0]] |= 1 << (buf[1] & 63)
		}
		for b := 0xC0; b < 0x100; b++ {
			got := secondBytes(byte(b), rg[0], rg[1])
			// Pairs no valid rune starts with may be set too.
			if w := want[byte(b)]; got&w != w {
				t.Errorf("secondBytes(%#x, %U, %U) = %#x, lacks %#x", b, rg[0], rg[1], got, w&^got)
			}
		}
	}
}

// TestNextStartSameAsRegexp: patterns searched at every place their first
// bytes allow, which nextStart narrows by a word's bytes, a second byte or
// the byte after an ASCII first rune, find what regexp finds on random
// texts of the pieces those tests turn on.
func TestNextStartSameAsRegexp(t *testing.T) {
	exprs := []string{
		`\x{FFFD}+`, `[\x{E000}-\x{F8FF}]+`, `\x{FFFD}+x?`, `[\x{FFFD}，]`, `[é-ÿ]+a?`, `[\x{10000}-\x{10FFFF}]`,
		`[。，]+`, `[0-9]+[年月]`, `\d(?:余|多)?(?:件|人次|人)(?P<at>\p{Han}{2,4}\d+(?:\.\d+)?(?:件|人次|人))`,
		`[0-9]`, `[09]x|9y`, `[!-~]+`, `[\x01-\x02]+`, `~[~a]`, `[a-z]\d`, `[A-Z](?:\x{FFFD}|b)`, `[a-c][^a]`,
		`(?:^|[^A-Za-z])x+`, `[a-z]+$`, `[x\x{E000}-\x{E0FF}]+`, `[0-9]+(?:\.[0-9]+)?%?|[A-Za-z]+`,
	}
	pieces := []string{"甲", "件", "人", "次", "余", "0", "1", "9", ".", "%", "a", "b", "c", "x", "y", "z", "A", "Z", "~", "!",
		" ", "，", "。", "年", "\ufffd", "\ue000", "\uf8ff", "\uff01", "é", "ÿ", "\U0001F600", "\xff", "\xef", "\xef\xbf", "\xe4",
		"\x01", "\x02", "\x00", "\x7f", "\xc3", "\xf0\x9f"}
	r := rand.New(rand.NewPCG(17, 4))
	for _, e := range exprs {
		p, re := MustCompile(e), regexp.MustCompile(e)
		if p.planned().how != everyStart {
			continue
		}
		d := NewDictionary([]*Pattern{p})
		for range 3000 {
			var b strings.Builder
			for range r.IntN(40) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			sameAnswers(t, d, p, re, b.String())
		}
	}
}
