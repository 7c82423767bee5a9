package match

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	cases := []struct {
		expr string
		want []string
	}{
		{`扫一扫`, []string{"扫一扫"}},
		{`ICP备`, []string{"ICP备"}},
		{`^(主办|承办)\s*[::]`, []string{"主办", "承办"}},
		{`(您|你)(当前)?所在位置`, []string{"所在位置"}},
		{`X{1,4}`, []string{"X"}},
		{`\d+件`, []string{"件"}},
		{`(?i)abc`, []string{"ABC", "ABc", "AbC", "Abc", "aBC", "aBc", "abC", "abc"}},
		{`(?:19|20)[Xx]{2}`, []string{"19XX", "19Xx", "19xX", "19xx", "20XX", "20Xx", "20xX", "20xx"}},
		{`(?i)abcdef`, nil}, // 64 ways: too many
		{`.*`, nil},
		{`[一-龥]+`, nil},
		// runs of children that match a few strings each: the pairs they make
		{`,(?P<at>,)`, []string{",,"}},
		{`[,。](?P<at>[,。])`, []string{",,", ",。", "。,", "。。"}},
		{`(?:19|20)\d{2}(?P<at>一)(?:19|20)\d{2}`, []string{"一19", "一20"}},
		{`\d(?:a|bc)d`, []string{"ad", "bcd"}},
		// a run of more than maxLiterals strings is not taken: a shorter one is
		{`[a-h][a-h]x`, []string{"ax", "bx", "cx", "dx", "ex", "fx", "gx", "hx"}},
		{`[a-h][a-h][a-h]`, []string{"a", "b", "c", "d", "e", "f", "g", "h"}},
	}
	for _, c := range cases {
		p := MustCompile(c.expr)
		if !slices.Equal(p.need.lits, c.want) {
			t.Errorf("%s: required %q, want %q", c.expr, p.need.lits, c.want)
		}
	}
}

func TestMatchesEmpty(t *testing.T) {
	for expr, want := range map[string]bool{`X*`: true, `a?b?`: true, `^$`: true, `(a|)`: true, `a+`: false, `[ab]`: false, `a{0,3}`: true, `a{1,3}`: false, `(?:^|[^A-Z])X`: false} {
		if got := MustCompile(expr).MatchesEmpty(); got != want || got != regexp.MustCompile(expr).MatchString("") {
			t.Errorf("%s: MatchesEmpty %v, want %v", expr, got, want)
		}
	}
}

func TestContains(t *testing.T) {
	for _, c := range []struct{ s, lit string }{
		{"扫一扫在手机打开", "扫一扫"}, {"手机扫一扫", "扫一扫"}, {"扫一", "扫一扫"}, {"", "扫"},
		{"甲乙丙", "乙"}, {"abc", "bc"}, {"ICP备05085994号", "ICP备"}, {"\xe6\x89\xab", "扫"},
		{"x扫", "扫"}, {"找一扫", "扫一扫"}, {"\x89\xab", "扫"},
	} {
		if got, want := contains(c.s, c.lit), strings.Contains(c.s, c.lit); got != want {
			t.Errorf("contains(%q, %q) = %v, want %v", c.s, c.lit, got, want)
		}
	}
}

func FuzzContains(f *testing.F) {
	f.Add("扫一扫在手机打开", "扫一扫")
	f.Add("\x89\xab", "扫")
	f.Fuzz(func(t *testing.T, s, lit string) {
		if contains(s, lit) != strings.Contains(s, lit) {
			t.Fatalf("contains(%q, %q) differs from strings.Contains", s, lit)
		}
	})
}

func TestStopRune(t *testing.T) {
	for expr, want := range map[string]string{
		`《[^《》]{2,40}》`:         "》",
		`《(?P<k>[^《》()]+)(年)?》`: "》",
		`[^》]*年》`:               "》",
		`《.*》`:                  "",  // . holds 》
		`[^》]+》》`:               "",  // the literal holds it twice
		`《[^《》]*》\s*号`:          "",  // 号 could stand before
		`(?i)a》`:                "",  // one literal, no concatenation
		`(?i:x)[^》]*》`:          "》", // x folds to X only
		`(?i:k)[^a]*\x{212A}`:   "",  // k folds to the Kelvin sign
		`》`:                     "",
	} {
		if got := MustCompile(expr).planned().stop; got != want {
			t.Errorf("%s: stop %q, want %q", expr, got, want)
		}
	}
}

// TestConcurrentFirstUse: patterns fresh from Compile, planned and compiled
// by whichever of several goroutines searches first (the engine is shared by
// the --jobs workers), answer as regexp does in each; run with -race.
func TestConcurrentFirstUse(t *testing.T) {
	exprs := []string{`\S(?:.*\S)?`, `《(?:[^《》]*关于)?(?P<key>[^《》]{4,60})》\s*\(?\s*(?P<value>\p{Han}{1,10}[〔\[(](?:19|20)\d{2}[〕\])]第?\d+号)`,
		`^\s*\S{2,30}(委|政府|局)\s+\S{2,30}(委|政府|局)\s*$`, `法治政府建设.*(报告|总结)(\([^()]*\))?$`, `[。,;:!?.]+$`}
	lines := []string{"", "关于印发《某某市法治政府建设实施方案》(某府〔2024〕3号)的通知", " 某某委  某某局 ", "某某市法治政府建设工作报告(2024年)", "全年办结。"}
	var ps []*Pattern
	var res []*regexp.Regexp
	for _, e := range exprs {
		ps = append(ps, MustCompile(e))
		res = append(res, regexp.MustCompile(e))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(ps)*len(lines))
	for range 8 {
		wg.Go(func() {
			for i, p := range ps {
				for _, s := range lines {
					if got, want := p.FindAllStringSubmatchIndex(s, -1), res[i].FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
						errs <- fmt.Sprintf("%s on %q: %v, regexp %v", exprs[i], s, got, want)
					}
					if p.Regexp().String() != exprs[i] {
						errs <- fmt.Sprintf("%s: Regexp() is %s", exprs[i], p.Regexp())
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
