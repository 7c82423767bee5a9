package checker

import (
	"regexp"
	"testing"

	"github.com/fzlint/fzlint/rules"
)

func TestConsistency(t *testing.T) {
	const msg = "key={key} value={value} other={other} line={other-line} count={count}"
	const docnum = `pattern: '《(?:[^《》]*关于)?(?P<key>[^《》]{4,60})》\(?(?P<value>\p{Han}{1,10}〔\d{4}〕\d+号)'`
	runCases(t, "consistency", msg, []kindCase{
		{
			name: "key/value: a tie reports the later value",
			spec: docnum,
			text: "落实《云南省政府办公厅关于推行审核机制的实施意见》（云政办发〔2019〕67号）。\n以《云南省人民政府办公厅关于推行审核机制的实施意见》（云政发〔2019〕67号）为重点。",
			want: []string{`2:28-2:40 "云政发〔2019〕67号" key=推行审核机制的实施意见 value=云政发〔2019〕67号 other=云政办发〔2019〕67号 line=1 count=1`},
		},
		{
			name: "key/value: the minority value is reported wherever it is",
			spec: docnum,
			text: "《关于甲事项的通知》(青发〔2020〕1号)\n《关于甲事项的通知》(青发〔2020〕2号)\n《关于甲事项的通知》(青发〔2020〕2号)\n《关于乙事项的通知》(青发〔2020〕9号)",
			want: []string{`1:12-1:22 "青发〔2020〕1号" key=甲事项的通知 value=青发〔2020〕1号 other=青发〔2020〕2号 line=2 count=1`},
		},
		{
			name: "key/value: two keys interleaved, each with its own minority",
			spec: docnum,
			text: "《关于甲事项的通知》(青发〔2020〕1号)\n《关于乙事项的通知》(青发〔2020〕8号)\n《关于甲事项的通知》(青发〔2020〕2号)\n《关于乙事项的通知》(青发〔2020〕9号)\n《关于甲事项的通知》(青发〔2020〕2号)\n《关于乙事项的通知》(青发〔2020〕9号)",
			want: []string{
				`1:12-1:22 "青发〔2020〕1号" key=甲事项的通知 value=青发〔2020〕1号 other=青发〔2020〕2号 line=3 count=1`,
				`2:12-2:22 "青发〔2020〕8号" key=乙事项的通知 value=青发〔2020〕8号 other=青发〔2020〕9号 line=4 count=1`,
			},
		},
		{
			name: "key/value: loose comparison ignores brackets, exact does not",
			spec: `{compare: loose, pattern: '《(?P<key>[^《》(]+)(?P<value>\(?\d{4}[-—]\d{4}年\)?)》'}`,
			text: "《规划(2021—2025年)》《规划2021-2025年》",
		},
		{
			name: "key/value: exact comparison, keys made of two groups",
			spec: `{compare: exact, pattern: '《(?P<key>[^《》(\d]+)(?P<value>\(?(?:\d{4}|20XX)[-—]?(?P<key2>\d{4})年?\)?)》'}`,
			text: "《纲要(2015-2020年)》\n《纲要(20XX-2020)》《纲要(2021—2025年)》",
			want: []string{`2:4-2:15 "(20XX-2020)" key=纲要2020 value=(20XX-2020) other=(2015-2020年) line=1 count=1`},
		},
		{
			name: "variants: each minority form in Chinese context",
			spec: `variants: [[",", "，"], ["(", "（"]]`,
			text: "甲，乙，丙，丁，戊，己，\n庚,辛 a,b (1) 壬（癸）子（丑）",
			want: []string{`2:2-2:3 "," key= value=, other=， line=1 count=1`},
		},
		{
			name: "variants: prefer keeps quiet where a wrong form prevails",
			spec: `{prefer: 2, variants: [[",", "，"]]}`,
			text: "甲,乙,丙,丁,戊,己，庚",
		},
		{
			name: "variants: prefer, the right form prevailing",
			spec: `{prefer: 2, variants: [[",", "，"]]}`,
			text: "甲，乙，丙，丁，戊，己,庚",
			want: []string{`1:12-1:13 "," key= value=, other=， line=1 count=1`},
		},
		{
			name: "variants: a minority above the share draws one finding",
			spec: `{share: 0.2, variants: [[",", "，"]]}`,
			text: "甲，乙，丙,丁,戊，",
			want: []string{`1:6-1:7 "," key= value=, other=， line=1 count=2`},
		},
	})
}

func TestConsistencySpecErrors(t *testing.T) {
	runSpecErrors(t, "consistency", []specErrorCase{
		{"neither mode", `scope: all`, "pattern 或 variants 之一"},
		{"both modes", `{pattern: '(?P<key>a)(?P<value>b)', variants: [["a", "b"]]}`, "pattern 或 variants 之一"},
		{"no value group", `pattern: '(?P<key>a)b'`, "命名分组 key 和 value"},
		{"one form", `variants: [[","]]`, "至少要有两种写法"},
		{"forms containing each other", `variants: [["-", "--"]]`, "互相包含"},
		{"share out of range", `{share: 1.5, variants: [[",", "，"]]}`, "share 应在 0 到 1 之间"},
		{"share with a pattern", `{share: 0.5, pattern: '(?P<key>a)(?P<value>b)'}`, "只用于 variants"},
		{"prefer out of range", `{prefer: 3, variants: [[",", "，"]]}`, "prefer 应为"},
		{"normalized variants", `{match: normalized, variants: [[",", "，"]]}`, "逐字比较原文"},
	})
}

// TestWidthPrefilter: a compare: width rule finds the same with and without
// its prefilter (documents without a full-width form its values can hold are
// not searched), on the corpus and on random texts, for the default packs'
// rules and for patterns whose values can hold any rune or fold case.
func TestWidthPrefilter(t *testing.T) {
	e, checks := consistencyRules(t, func(k *consistencyCheck) bool { return k.fullWidth != nil }, "{value} {other}",
		`{match: raw, compare: width, pattern: '(?P<key>[件项])(?P<value>.)'}`,
		`{match: raw, compare: width, pattern: '(?i)(?P<key>)(?P<value>ａ|b[c-z]+)'}`,
		`{match: raw, compare: width, pattern: '(?P<key>\p{Han})(?P<value>[^\p{Han}\s]+)'}`,
		`{match: raw, compare: width, pattern: '(?P<value>[１-９%])(?P<key>[^１-９%])'}`,
	)
	texts := equivalenceTexts(t)
	for _, r := range checks {
		ref := *r
		plain := *r.Check.(*consistencyCheck)
		plain.fullWidth = nil
		ref.Check = &plain
		sameFindings(t, e, r, &ref, texts)
	}
}

// FuzzFullWidthSet: every full-width form in the text a group matches is in
// the group's set.
func FuzzFullWidthSet(f *testing.F) {
	f.Add(`(?P<key>)(?P<value>[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?|[A-Za-zＡ-Ｚａ-ｚ]+)`, "全年受理１５件，办结13件，公开率100％。ＡＰＰ")
	f.Add(`(?i)(a)(ａ+)(.)`, "ＡＡａ！Ａａ，")
	f.Add(`([^\x00-\x{FF0F}]+)`, "１２３ａｂｃ")
	f.Fuzz(func(t *testing.T, expr, text string) {
		re, err := regexp.Compile(expr)
		if err != nil {
			return
		}
		sets := make([]*fullWidthSet, re.NumSubexp()+1)
		for g := 1; g < len(sets); g++ {
			sets[g] = groupFullWidth(expr, g)
		}
		for _, m := range re.FindAllStringSubmatchIndex(text, 20) {
			for g, set := range sets {
				if g == 0 || m[2*g] < 0 {
					continue
				}
				for _, r := range text[m[2*g]:m[2*g+1]] {
					if widthForm(string(r)) == "full" && !set.has(r) {
						t.Fatalf("group %d of %q matched %q, not in its set", g, expr, r)
					}
				}
			}
		}
	})
}

// TestVariantsPrefilter: a variants rule finds the same whether or not the
// groups the document holds fewer than two forms of are passed over, on
// the corpus and on random texts.
func TestVariantsPrefilter(t *testing.T) {
	e, checks := consistencyRules(t, func(k *consistencyCheck) bool { return k.Variants != nil }, "{value} {other} {count}",
		`{prefer: 2, variants: [[",", "，"], ["(", "（"], [":", "："]]}`,
		`{share: 0.5, variants: [["其中", "以内"], ["%", "％", "百分"]]}`,
	)
	texts := equivalenceTexts(t)
	for _, r := range checks {
		ref := *r
		ref.Check = everyGroup{r.Check.(*consistencyCheck)}
		sameFindings(t, e, r, &ref, texts)
	}
}

// everyGroup is a variants check that looks for every group's forms.
type everyGroup struct{ *consistencyCheck }

func (k everyGroup) Run(c *Context) {
	for _, group := range k.Variants {
		k.runVariants(c, group, nil)
	}
}

// consistencyRules returns the default engine, and its consistency rules
// that keep selects followed by rules compiled from specs with message.
func consistencyRules(t *testing.T, keep func(*consistencyCheck) bool, message string, specs ...string) (*Engine, []*rules.Rule) {
	t.Helper()
	set, e := loadDefault(t)
	var checks []*rules.Rule
	for _, r := range set.Rules {
		if k, ok := r.Check.(*consistencyCheck); ok && keep(k) {
			checks = append(checks, r)
		}
	}
	for _, spec := range specs {
		r, err := compileSpec("consistency", message, spec)
		if err != nil {
			t.Fatal(err)
		}
		checks = append(checks, r)
	}
	return e, checks
}
