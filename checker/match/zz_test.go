package match

import (
	"os"
	"regexp"
	"testing"
)

func BenchmarkZZTrailing(b *testing.B) {
	data, _ := os.ReadFile("../../../shared/seeds/003_c49e41131fdb983c.txt")
	s := string(data)
	e := `\n(?P<at>(?:[ \t\x{3000}\x{a0}]*\n)+[ \t\x{3000}\x{a0}]*)\z`
	p := MustCompile(e)
	re := regexp.MustCompile(e)
	b.Logf("how=%v before=%d longest=%d lits=%q", p.how, p.need.before, p.longest, p.need.lits)
	b.Run("p", func(b *testing.B) {
		for b.Loop() {
			p.FindAllStringSubmatchIndex(s, -1)
		}
	})
	b.Run("re", func(b *testing.B) {
		for b.Loop() {
			re.FindAllStringSubmatchIndex(s, -1)
		}
	})
}
