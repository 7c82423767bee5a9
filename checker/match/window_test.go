package match

import "testing"

// TestWhetherGivesFirstsBack: a search that reports only whether an
// alternation searched alternative by alternative matches (MatchString,
// MatchIn) stops at its match, done, and gives the memory of the
// alternatives' first matches back to the pool: its caller never asks for
// another match, so kept, it would go to the collector at each search.
func TestWhetherGivesFirstsBack(t *testing.T) {
	p := MustCompile(`扫一扫.*?二维码|ICP备.*?号|发布时间\s*:`)
	if p.planned().how != alternatives {
		t.Fatalf("%q searches with strategy %d, want alternatives", p, p.how)
	}
	d := NewDictionary([]*Pattern{p})
	for _, s := range []string{"本站ICP备12345号 扫一扫下方二维码", "发布时间: 2024-01-01", "扫一扫 ICP备 发布时间"} {
		want := p.Regexp().MatchString(s)
		for name, x := range map[string]*search{
			"MatchString": p.newSearch(s, whether),
			"MatchIn":     p.newSearch(s, whether).in(d.Scan(s), d.entryOf(p)),
		} {
			if got := x.next() != nil; got != want {
				t.Fatalf("%s(%q) = %v, want %v", name, s, got, want)
			}
			if !x.done || x.firsts != nil || x.firstsMem != nil {
				t.Errorf("%s(%q): done %v, firsts %v kept (%p): want them given back", name, s, x.done, x.firsts, x.firstsMem)
			}
			if x.next() != nil {
				t.Errorf("%s(%q): a second match after the search is done", name, s)
			}
		}
	}
}
